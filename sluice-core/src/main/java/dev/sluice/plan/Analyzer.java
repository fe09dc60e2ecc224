package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Alias;
import dev.sluice.expr.And;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Cast;
import dev.sluice.expr.Casts;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.ElementAt;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FromJson;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.FunctionRegistry;
import dev.sluice.expr.Signature;
import dev.sluice.expr.GetItem;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Negate;
import dev.sluice.expr.Not;
import dev.sluice.expr.Or;
import dev.sluice.expr.Size;
import dev.sluice.expr.StringFunction;
import dev.sluice.expr.ToJson;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a plan against its inputs' schemas: column names (case-insensitive, as Spark by default) and
 * nested paths, types (inserting the implicit casts Spark inserts), and names for unaliased select
 * expressions. Raises the user's errors with codes: COLUMN_NOT_FOUND (with the closest names),
 * AMBIGUOUS_COLUMN, FIELD_NOT_FOUND, TYPE_MISMATCH, UNSUPPORTED_CAST. Resolving an already resolved plan
 * returns an equal plan.
 */
public final class Analyzer {
    private final boolean ansi;

    private final AggregateFunction.AggregateBinder aggregateBinder = new AggregateFunction.AggregateBinder() {
        @Override public Expression castTo(Expression e, DataType type) { return Analyzer.this.castTo(e, type); }

        @Override public boolean ansi() { return ansi; }
    };

    /** Whether the TIME type is enabled ({@code spark.sql.timeType.enabled}); see {@link AnalyzeTimeType}. */
    private final boolean timeType;

    /** An analyzer that does not gate the TIME type: for re-analysing plans a session's analyzer has already checked. */
    public Analyzer(boolean ansi) { this(ansi, true); }

    public Analyzer(boolean ansi, boolean timeTypeEnabled) {
        this.ansi = ansi;
        this.timeType = timeTypeEnabled;
    }

    public LogicalPlan analyze(LogicalPlan plan) {
        LogicalPlan resolved = Plans.transformUp(plan, this::resolveNode);
        Plans.transformUp(resolved, node -> {
            AnalyzeAggregate.rejectOutsideAggregate(node);
            AnalyzeWindow.rejectOutsideWindow(node);
            AnalyzeTimeWindow.rejectElsewhere(node);
            if (!timeType) AnalyzeTimeType.rejectWhenDisabled(node);
            return node;
        });
        return resolved;
    }

    private LogicalPlan resolveNode(LogicalPlan plan) {
        if (plan instanceof Join j) return AnalyzeJoin.resolve(j, this);
        if (plan instanceof SetOperation s) return AnalyzeSetOperation.resolve(s, this);
        plan = OwnedColumns.resolve(plan);   // df.col("x") and col("alias.x") name their input
        if (plan instanceof Project p) {
            StructType in = p.input().schema();
            List<Expression> out = new ArrayList<>();
            boolean aggregates = false;
            for (Expression e : p.projections()) {
                if (e instanceof UnresolvedStar) {
                    for (StructField f : in.fields()) out.add(withInputMetadata(new ColumnRef(f.name(), f.dataType(), f.nullable()), in));
                    continue;
                }
                e = LiteralFunctions.substitute(e, in);   // before naming: current_date is named current_date()
                Expression r = resolve(e, in);
                if (AnalyzeGenerate.isGeneratorItem(r)) {
                    out.add(r);   // named when it becomes a Generate
                    continue;
                }
                r = withInputMetadata(named(r, e), in);
                aggregates |= AnalyzeAggregate.containsAggregate(r);
                out.add(r);
            }
            if (aggregates) return AnalyzeAggregate.globalFromProject(new Project(p.input(), out));
            LogicalPlan input = p.input();
            dev.sluice.expr.FunctionCall timeWindow = AnalyzeTimeWindow.find(out);
            if (timeWindow != null) {   // the window becomes a column of the input (a sliding one: several rows)
                AnalyzeTimeWindow.Rewrite rw = AnalyzeTimeWindow.forProject(input, timeWindow, this);
                input = rw.input();
                out.replaceAll(rw::substitute);
            }
            LogicalPlan windowed = AnalyzeWindow.extract(input, out);
            if (windowed != null) return windowed;
            LogicalPlan generated = AnalyzeGenerate.extract(input, out);
            return generated != null ? generated : new Project(input, out);
        }
        if (plan instanceof Filter f) {
            Expression condition = resolve(f.condition(), f.input().schema());
            AnalyzeGenerate.rejectOutsideSelect(condition, "a filter");
            AnalyzeWindow.rejectOutsideSelect(condition, "in a filter");
            requireBoolean(condition, "filter condition");
            return AnalyzeTimeWindow.forFilterOrSort(new Filter(f.input(), condition), this);
        }
        if (plan instanceof Sort s) return AnalyzeSort.resolve(s, this);
        if (plan instanceof Union u) return AnalyzeUnion.resolve(u, this);
        if (plan instanceof Generate g) {
            return new Generate(g.input(), (dev.sluice.expr.Generator) resolve(g.generator(), g.input().schema()), g.outputNames());
        }
        if (plan instanceof Aggregate a) return AnalyzeAggregate.resolve(a, this);
        if (plan instanceof Window w) return AnalyzeWindow.refresh(w, this);
        if (plan instanceof CollectMetrics c) return AnalyzeCollectMetrics.resolve(c, this);
        if (plan instanceof RepartitionByExpression r) {
            List<Expression> keys = new ArrayList<>();
            for (Expression k : r.keys()) keys.add(resolve(k, r.input().schema()));
            if (r.kind() == RepartitionByExpression.Kind.DIRECT) keys.set(0, partitionId(keys.get(0)));
            return r.withKeys(keys);
        }
        return plan;
    }

    /** {@code repartitionById}'s key: an integral expression, as an int (Spark's {@code direct_shuffle_partition_id}). */
    private static Expression partitionId(Expression id) {
        DataType t = id.dataType();
        if (t instanceof dev.sluice.types.IntegerType) return id;
        if (t instanceof dev.sluice.types.ByteType || t instanceof dev.sluice.types.ShortType || t instanceof dev.sluice.types.LongType) {
            return new Cast(id, DataTypes.INT, EvalMode.ANSI);
        }
        throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", "direct_shuffle_partition_id(" + id.sql() + ")")
                .with("expected", "an integral partition ID (cast it to int)").with("actual", t.simpleString()).build();
    }

    /** Resolves a select item and names it: a column reference keeps its name, anything else gets an alias. */
    Expression resolveNamed(Expression e, StructType in) {
        Expression written = LiteralFunctions.substitute(e, in);   // before naming: current_date is named current_date()
        return withInputMetadata(named(resolve(written, in), written), in);
    }

    /** A column passed on (renamed or not) keeps the input column's metadata, as Spark's Alias inherits it. */
    private static Expression withInputMetadata(Expression r, StructType in) {
        Expression child = r instanceof Alias a ? (a.metadata() != null ? null : a.child()) : r;
        if (!(child instanceof ColumnRef c)) return r;
        int i = in.indexOf(c.name());
        if (i < 0 || in.field(i).metadata().isEmpty()) return r;
        return new Alias(c, Expressions.outputName(r), in.field(i).metadata());
    }

    /** Names a resolved select item {@code r} after what the user wrote ({@code e}). */
    private static Expression named(Expression r, Expression e) {
        if (r instanceof Alias a && a.metadata() == null && a.child() instanceof ColumnRef ref && ref.name().equals(a.name())) r = ref;
        // named from what the user wrote: implicit casts never show in column names (as Spark)
        // a call that stands for its argument (positive(x)) is named after the call, as Spark names it
        boolean call = e instanceof FunctionCall;
        return (r instanceof ColumnRef && !call) || r instanceof Alias ? r : new Alias(r, Expressions.outputName(e));
    }

    /** Resolves one expression against {@code input}'s columns. */
    public Expression resolve(Expression e, StructType input) {
        return Expressions.transformUp(LiteralFunctions.substitute(e, input), node -> resolveOne(node, input));
    }

    private Expression resolveOne(Expression e, StructType input) {
        AnalyzeGenerate.rejectAsChild(e);
        if (e instanceof UnresolvedColumn u) return resolveColumn(u, input);
        if (e instanceof dev.sluice.expr.PlanColumn pc) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", pc.sql())
                    .with("suggestion", " It belongs to " + pc.owner().describe() + ", which is not an input here.").build();
        }
        if (e instanceof dev.sluice.expr.OuterReference o) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY)
                    .with("reason", o.sql() + " names a column of an outer query; use it inside the right side of lateralJoin").build();
        }
        if (e instanceof UnresolvedStar) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "*")
                    .with("reason", "`*` is only allowed as a whole select item").build();
        }
        if (e instanceof ColumnRef r) return refreshColumn(r, input);
        if (e instanceof BoundColumn) throw SluiceException.internal("bound column in an unresolved plan");
        if (e instanceof GetStructField g && g.ordinal() < 0) return resolveField(g.child(), g.fieldName(), g.child().sql());
        if (e instanceof GetStructField g) return resolveField(g.child(), g.fieldName(), g.child().sql());
        if (e instanceof Arithmetic a) return coerceArithmetic(a);
        if (e instanceof Negate n) {
            DataType t = n.child().dataType();
            if (!t.isInterval() && !(t instanceof dev.sluice.types.CalendarIntervalType)) requireNumeric(n.child(), "unary minus");
            return new Negate(n.child(), mode(n.mode()));
        }
        if (e instanceof Comparison c) {
            if (dev.sluice.types.CalendarIntervalType.occursIn(c.left().dataType()) || dev.sluice.types.CalendarIntervalType.occursIn(c.right().dataType())) {
                throw mismatch(c.sql(), "an orderable type", dev.sluice.types.CalendarIntervalType.occursIn(c.left().dataType())
                        ? c.left().dataType().simpleString() : c.right().dataType().simpleString());   // Spark: INVALID_ORDERING_TYPE
            }
            DataType common = TypeCoercion.comparisonType(c.left().dataType(), c.right().dataType())
                    .orElseThrow(() -> mismatch(c.sql(), "comparable values",
                            c.left().dataType().simpleString() + " and " + c.right().dataType().simpleString()));
            if (common instanceof dev.sluice.types.StringType) {
                dev.sluice.types.StringType collated = dev.sluice.expr.CollationPrecedence.common(List.of(c.left(), c.right()));
                if (collated != null) common = collated;
            }
            return new Comparison(c.op(), castTo(c.left(), common), castTo(c.right(), common));
        }
        if (e instanceof And a) {
            requireBoolean(a.left(), "AND");
            requireBoolean(a.right(), "AND");
            return e;
        }
        if (e instanceof Or o) {
            requireBoolean(o.left(), "OR");
            requireBoolean(o.right(), "OR");
            return e;
        }
        if (e instanceof Not n) {
            requireBoolean(n.child(), "NOT");
            return e;
        }
        if (e instanceof IsNull || e instanceof IsNotNull || e instanceof Literal || e instanceof Alias) return e;
        if (e instanceof Cast c) {
            if (!Casts.canCast(c.child().dataType(), c.to())) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_CAST).with("from", c.child().dataType().sql())
                        .with("to", c.to().sql()).build();
            }
            return new Cast(c.child(), c.to(), mode(c.mode()));
        }
        if (e instanceof CaseWhen cw) return coerceCaseWhen(cw);
        if (e instanceof Coalesce c) {
            DataType common = commonTypeOrFail(c.arguments(), c.sql());
            List<Expression> args = new ArrayList<>();
            for (Expression a : c.arguments()) args.add(castTo(a, common));
            return new Coalesce(args);
        }
        if (e instanceof Size s) {
            DataType t = s.child().dataType();
            if (!(t instanceof ArrayType) && !(t instanceof MapType)) throw mismatch(s, "an array or a map", t);
            return e;
        }
        if (e instanceof GetItem g) return resolveGetItem(g.child(), g.key(), g, false, g.mode());
        if (e instanceof ElementAt ea) return resolveGetItem(ea.child(), ea.key(), ea, true, ea.mode());
        if (e instanceof FromJson fj) {
            DataType t = fj.child().dataType();
            if (!(t instanceof StringType)) throw mismatch(fj, "a string", t);
            fj.options().mode();   // validates the option now rather than at run time
            return e;
        }
        if (e instanceof ToJson tj) {
            DataType t = tj.child().dataType();
            // a variant's JSON is its text, as Spark writes it (to_json(parse_json(s)))
            if (t instanceof dev.sluice.types.VariantType) return new Cast(tj.child(), DataTypes.STRING, mode(EvalMode.ANSI));
            if (!t.isNested()) throw mismatch(tj, "a struct, array or map", t);
            return e;
        }
        if (e instanceof StringFunction sf) return coerceStringFunction(sf);
        if (e instanceof dev.sluice.expr.CreateStruct) return e;
        if (e instanceof FunctionCall fc && fc.inline() instanceof dev.sluice.expr.ReplacedFunction r) {
            return resolveReplacement(r.replace(fc.arguments()), fc.arguments(), input);
        }
        if (e instanceof FunctionCall fc) return bindFunction(fc);
        if (e instanceof dev.sluice.expr.SortOrder) return e;
        if (e instanceof dev.sluice.expr.Generator g) return AnalyzeGenerate.checkInput(g);
        if (e instanceof dev.sluice.expr.MultiAlias) return e;
        if (e instanceof AggregateExpression ae) return AnalyzeAggregate.bind(ae, aggregateBinder);
        if (e instanceof dev.sluice.expr.WindowExpression w) return AnalyzeWindow.check(w, this);
        // lambdas: unbound ones wait for their function, which types their parameters and resolves their bodies
        if (e instanceof dev.sluice.expr.LambdaFunction || e instanceof dev.sluice.expr.LambdaVariable) return e;
        if (e instanceof dev.sluice.expr.HigherOrderFunction h) return h.bind(body -> resolve(body, input), this::castTo);
        throw SluiceException.internal("the analyzer does not handle " + e.getClass().getSimpleName());
    }

    /** Resolves what a replaced function stands for around its already resolved {@code arguments}. */
    private Expression resolveReplacement(Expression e, List<Expression> arguments, StructType input) {
        for (Expression a : arguments) if (a == e) return e;
        List<Expression> children = e.children();
        List<Expression> resolved = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expression c : children) {
            Expression r = resolveReplacement(c, arguments, input);
            changed |= r != c;
            resolved.add(r);
        }
        return resolveOne(changed ? e.withChildren(resolved) : e, input);
    }

    private Expression resolveColumn(UnresolvedColumn u, StructType input) {
        List<String> parts = u.nameParts();
        String first = parts.get(0);
        List<Integer> matches = InternalNames.matches(input, first);
        if (matches.isEmpty()) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", u.sql())
                    .with("suggestion", NameSuggestions.didYouMean(u.sql(), InternalNames.display(input).fieldNames())).build();
        }
        if (matches.size() > 1) {
            throw SluiceException.of(ErrorCode.AMBIGUOUS_COLUMN).with("column", first).with("matches", matches.size() + " columns").build();
        }
        StructField f = input.field(matches.get(0));
        Expression result = new ColumnRef(f.name(), f.dataType(), f.nullable());
        for (int i = 1; i < parts.size(); i++) result = resolveField(result, parts.get(i), String.join(".", parts.subList(0, i)));
        return result;
    }

    /** Keeps a resolved reference in step with its input (types may narrow after pruning). */
    private static Expression refreshColumn(ColumnRef r, StructType input) {
        int i = input.indexOf(r.name());
        if (i < 0) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", r.name())
                    .with("suggestion", NameSuggestions.didYouMean(r.name(), input.fieldNames())).build();
        }
        StructField f = input.field(i);
        // identity first: the types are mostly the same shared instances, and a type record's first equals call
        // builds its method handles (milliseconds on the main thread)
        boolean sameType = f.dataType() == r.dataType() || f.dataType().equals(r.dataType());
        return sameType && f.nullable() == r.nullable() ? r : new ColumnRef(f.name(), f.dataType(), f.nullable());
    }

    private static Expression resolveField(Expression child, String name, String path) {
        DataType t = child.dataType();
        if (!(t instanceof StructType struct)) {
            throw SluiceException.of(ErrorCode.FIELD_NOT_FOUND).with("field", name).with("column", path)
                    .with("type", t.simpleString()).with("suggestion", " Only struct columns have fields.").build();
        }
        List<Integer> matches = struct.indexesOfIgnoreCase(name);
        if (matches.isEmpty()) {
            throw SluiceException.of(ErrorCode.FIELD_NOT_FOUND).with("field", name).with("column", path)
                    .with("type", t.simpleString()).with("suggestion", NameSuggestions.didYouMean(name, struct.fieldNames())).build();
        }
        if (matches.size() > 1) {
            throw SluiceException.of(ErrorCode.AMBIGUOUS_COLUMN).with("column", path + "." + name).with("matches", matches.size() + " fields").build();
        }
        int ordinal = matches.get(0);
        return new GetStructField(child, struct.field(ordinal).name(), ordinal);
    }

    private Expression resolveGetItem(Expression child, Expression key, Expression original, boolean oneBased, EvalMode mode) {
        DataType t = child.dataType();
        Expression typedKey;
        if (t instanceof ArrayType) {
            if (!(key.dataType().isNumeric() || key.dataType() instanceof StringType || key.dataType().equals(DataTypes.NULL))) {
                throw mismatch(original, "an integer index", key.dataType());
            }
            typedKey = castTo(key, DataTypes.INT);
        } else if (t instanceof MapType m) {
            typedKey = castTo(key, m.keyType());
        } else {
            throw mismatch(original, "an array or a map", t);
        }
        EvalMode m = mode(mode);
        return oneBased ? new ElementAt(child, typedKey, m) : new GetItem(child, typedKey, m);
    }

    private Expression coerceArithmetic(Arithmetic a) {
        if (dev.sluice.expr.fn.DatetimeIntervalArithmetic.applies(a.left().dataType(), a.right().dataType())) {
            return bindFunction(dev.sluice.expr.fn.DatetimeIntervalArithmetic.call(a.op(), a.left(), a.right(), mode(a.mode())));
        }
        TypeCoercion.ArithmeticTypes types = TypeCoercion.arithmetic(a.op(), a.left(), a.right())
                .orElseThrow(() -> mismatch(a.sql(), "numeric operands",
                        a.left().dataType().simpleString() + " and " + a.right().dataType().simpleString()));
        return new Arithmetic(a.op(), castTo(a.left(), types.left()), castTo(a.right(), types.right()), mode(a.mode()));
    }

    private Expression coerceCaseWhen(CaseWhen cw) {
        for (Expression c : cw.conditions()) requireBoolean(c, "CASE WHEN condition");
        List<Expression> branches = new ArrayList<>(cw.values());
        if (cw.elseValue() != null) branches.add(cw.elseValue());
        DataType common = commonTypeOrFail(branches, cw.sql());
        List<Expression> values = new ArrayList<>();
        for (Expression v : cw.values()) values.add(castTo(v, common));
        Expression elseValue = cw.elseValue() == null ? null : castTo(cw.elseValue(), common);
        return new CaseWhen(cw.conditions(), values, elseValue);
    }

    private Expression coerceStringFunction(StringFunction sf) {
        // concat over arrays is the registry's array form (dev.sluice.expr.fn.ArrayConcat)
        boolean binary = !sf.arguments().isEmpty() && sf.arguments().stream().allMatch(a -> a.dataType().equals(DataTypes.BINARY));
        if (sf.kind() == StringFunction.Kind.CONCAT && (binary || sf.arguments().stream().anyMatch(a -> a.dataType() instanceof dev.sluice.types.ArrayType))) {
            return bindFunction(new FunctionCall("concat", sf.arguments(), null));
        }
        List<Expression> args = new ArrayList<>();
        for (int i = 0; i < sf.arguments().size(); i++) {
            Expression a = sf.arguments().get(i);
            boolean position = sf.kind() == StringFunction.Kind.SUBSTRING && i > 0;
            DataType want = position ? DataTypes.INT : DataTypes.STRING;
            if (!a.dataType().equals(want) && !TypeCoercion.canImplicitCast(a.dataType(), want)) throw mismatch(sf, want.simpleString(), a.dataType());
            args.add(a.dataType() instanceof StringType && !position ? a : castTo(a, want));   // a collated string keeps its collation
        }
        StringType collated = dev.sluice.expr.CollationPrecedence.common(args);
        if (collated != null) args = dev.sluice.expr.CollationPrecedence.castAll(args, collated);
        return new StringFunction(sf.kind(), args);
    }

    /** Binds a registry function to its arguments and casts them to the types it asks for. */
    private Expression bindFunction(FunctionCall call) {
        Signature signature = call.userDefined() ? call.function().bind(call.arguments())
                : dev.sluice.expr.fn.CollationSupport.adjust(call.name(), call.arguments(), call.function().bind(call.arguments()));
        List<Expression> args = new ArrayList<>();
        for (int i = 0; i < call.arguments().size(); i++) args.add(castTo(call.arguments().get(i), signature.argumentTypes().get(i)));
        return new FunctionCall(call.name(), args, signature, call.inline());
    }

    private DataType commonTypeOrFail(List<Expression> exprs, String what) {
        List<DataType> types = new ArrayList<>();
        for (Expression e : exprs) types.add(e.dataType());
        return TypeCoercion.commonType(types).orElseThrow(() -> mismatch(what, "values of one type",
                String.join(" and ", types.stream().map(DataType::simpleString).toList())));
    }

    Expression castTo(Expression e, DataType type) {
        if (e.dataType().equals(type)) return e;
        if (e instanceof Literal l && l.value() == null) return new Literal(null, type);
        return new Cast(e, type, ansi ? EvalMode.ANSI : EvalMode.LEGACY);
    }

    private EvalMode mode(EvalMode requested) {
        return requested == EvalMode.ANSI && !ansi ? EvalMode.LEGACY : requested;
    }

    static void requireBoolean(Expression e, String where) {
        DataType t = e.dataType();
        if (!(t instanceof BooleanType) && !t.equals(DataTypes.NULL)) throw mismatch(where + " " + e.sql(), "a boolean", t.simpleString());
    }

    private static void requireNumeric(Expression e, String where) {
        if (!e.dataType().isNumeric()) throw mismatch(where + " " + e.sql(), "a numeric value", e.dataType().simpleString());
    }

    private static SluiceException mismatch(Expression e, String expected, DataType actual) {
        return mismatch(e.sql(), expected, actual.simpleString());
    }

    private static SluiceException mismatch(String expression, String expected, String actual) {
        return SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", expression).with("expected", expected)
                .with("actual", actual).build();
    }
}
