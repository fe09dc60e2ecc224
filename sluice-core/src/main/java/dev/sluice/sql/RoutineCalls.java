package dev.sluice.sql;

import dev.sluice.CatalogFunction;
import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Cast;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.expr.OuterReference;
import dev.sluice.expr.ReplacedFunction;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Plans;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Calls of SQL functions whose body needs the query they are called from: a scalar function whose body is a query
 * ({@code RETURN SELECT max(v) FROM t WHERE t.k = p}) or an expression holding subqueries, and table functions
 * ({@code RETURNS TABLE}) in FROM. The body is built at the call in a scope of its own ({@link RoutineParameters}):
 * no CTE or column of the caller is visible, each parameter stands for its argument cast to the parameter's type,
 * and an argument that names the caller's columns enters a body's SELECT as an outer reference, so the body is a
 * correlated subquery of the caller: a scalar one decorrelated as SQL's ({@link CorrelatedScalars}), a table one as a
 * lateral join ({@code DataFrame.lateralJoin}). A scalar function with a plain expression body keeps its own path
 * ({@link SqlRoutines}: the analyzer expands it, so two calls of it compare equal).
 */
final class RoutineCalls {
    private RoutineCalls() {}

    /** The functions whose bodies are being built on this thread, to stop a cycle (Spark: CYCLIC_FUNCTION_REFERENCE). */
    private static final ThreadLocal<Deque<String>> EXPANDING = ThreadLocal.withInitial(ArrayDeque::new);

    // ---- arguments

    /**
     * The arguments of a call in parameter order: positional ones first, then named ones ({@code p => 1}); a parameter
     * not given takes its DEFAULT. Spark's errors: WRONG_NUM_ARGS, and those of {@link NamedArguments}.
     */
    static List<Expression> bind(CatalogFunction f, List<NamedArguments.Argument> args) {
        List<StructField> params = f.parameters();
        List<NamedArguments.Parameter> signature = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String d = f.parameterDefaults().get(i);
            signature.add(new NamedArguments.Parameter(params.get(i).name(), d == null ? null : SqlParser.parseExpressionTree(d)));
        }
        long positional = args.stream().filter(a -> a.name() == null).count();
        long required = signature.stream().filter(NamedArguments.Parameter::required).count();
        if (args.size() > params.size() || args.stream().allMatch(a -> a.name() == null) && positional < required) {
            throw SluiceException.of(ErrorCode.WRONG_NUM_ARGS).with("function", "`" + f.qualifiedName() + "`")
                    .with("expected", required == params.size() ? String.valueOf(required) : "[" + required + ", " + params.size() + "]")
                    .with("actual", String.valueOf(args.size())).build();
        }
        return NamedArguments.positional("`" + f.qualifiedName() + "`", signature, args);
    }

    /**
     * The argument of parameter {@code i}, cast to its type as Spark casts a SQL function's arguments: implicitly,
     * so a value of a type that does not cast implicitly (an INT for a BOOLEAN) is refused (TYPE_MISMATCH).
     */
    static Expression argument(CatalogFunction f, int i, Expression arg) {
        StructField p = f.parameters().get(i);
        String function = f.qualifiedName();
        if (arg.resolved()) return implicitCast(arg, p, function);
        ReplacedFunction check = new ReplacedFunction("cast", a -> implicitCast(a.get(0), p, function),
                a -> a.get(0).sql());   // the argument as written: casts never show in names
        return FunctionCall.inline(check, List.of(arg));
    }

    private static Expression implicitCast(Expression arg, StructField p, String function) {
        DataType from = arg.dataType();
        if (!TypeCoercion.canImplicitCast(from, p.dataType())) {
            throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", "the argument " + p.name() + " of " + function)
                    .with("expected", p.dataType().simpleString() + " (or a type that casts to it implicitly)").with("actual", from.simpleString()).build();
        }
        return from.equals(p.dataType()) ? arg : new Cast(arg, p.dataType());
    }

    /**
     * What a parameter stands for in a body built at the call: its argument behind the implicit cast, printed as the
     * parameter's name, so the body's columns are named as Spark names them ({@code c2 + d}, not {@code c2 + 0}) and
     * the same whatever the arguments.
     */
    private static Expression parameter(CatalogFunction f, int i, Expression arg) {
        StructField p = f.parameters().get(i);
        String function = f.qualifiedName();
        ReplacedFunction named = new ReplacedFunction(p.name(), a -> implicitCast(a.get(0), p, function), a -> p.name());
        return FunctionCall.inline(named, List.of(arg));
    }

    private static List<Expression> values(CatalogFunction f, List<Expression> args) {
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) out.add(parameter(f, i, args.get(i)));
        return out;
    }

    /** Typed NULLs for the parameters: the body built over them shows its columns and its errors. */
    static List<Expression> nulls(CatalogFunction f) {
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < f.parameters().size(); i++) out.add(parameter(f, i, new Cast(Literal.NULL, f.parameters().get(i).dataType())));
        return out;
    }

    private static RelationBuilder.Scope scope(CatalogFunction f, List<Expression> values) {
        List<String> names = new ArrayList<>();
        for (StructField p : f.parameters()) names.add(p.name());
        return RelationBuilder.Scope.routineBody(new RoutineParameters(f.name(), names, values));
    }

    // ---- scalar functions

    /** Whether {@code f} is built at its call ({@link #scalar}) rather than expanded by the analyzer. */
    static boolean needsQuery(CatalogFunction f) {
        return f.isSql() && !f.table() && (f.queryBody() || hasSubquery(SqlParser.parse(f.body(), SqlGrammar::singleNamedExpression)));
    }

    private static boolean hasSubquery(ParseTree t) {
        if (t instanceof SqlGrammar.QueryContext) return true;
        for (int i = 0; i < t.getChildCount(); i++) if (hasSubquery(t.getChild(i))) return true;
        return false;
    }

    /**
     * A scalar function built where it is called: its body's subqueries join the caller's query (a query body is a
     * scalar subquery; {@code SELECT expr} without FROM is just {@code expr}, as Spark reads it), the result cast to
     * the return type, named as the call ({@code f(1)}).
     */
    static Expression scalar(ExpressionBuilder caller, CatalogFunction f, List<NamedArguments.Argument> written) {
        if (f.table()) throw notScalar(f);
        List<Expression> args = bind(f, written);
        if (!(caller.subqueries() instanceof Subqueries callerSubqueries)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "calling " + f.qualifiedName() + " in an expression string")
                    .with("reason", "its body is a query; call it in a SQL query (sluice.sql)").build();
        }
        Subqueries body = callerSubqueries.in(scope(f, values(f, args)));
        Expression value = expanding(f, () -> scalarBody(f, body));
        Expression result = new Cast(value, f.returnType());
        return FunctionCall.inline(new ReplacedFunction(f.name(), a -> result), args);
    }

    static Expression scalarBody(CatalogFunction f, Subqueries body) {
        ExpressionBuilder b = new ExpressionBuilder(body, java.util.Map.of());
        if (!f.queryBody()) return b.build(SqlParser.parse(f.body(), SqlGrammar::singleNamedExpression).namedExpression().expression());
        SqlGrammar.QueryContext q = query(f);
        SqlGrammar.QuerySpecificationContext select = expressionOnly(q);
        if (select != null) return b.build(select.namedExpressionSeq().namedExpression(0).expression());
        return body.scalar(q);
    }

    /** {@code SELECT expr} alone (no FROM, WHERE, grouping, DISTINCT, ordering): Spark reads it as {@code expr}. */
    static SqlGrammar.QuerySpecificationContext expressionOnly(SqlGrammar.QueryContext q) {
        if (q.ctes() != null || !q.queryOrganization().getText().isEmpty()) return null;
        if (!(q.queryBody() instanceof SqlGrammar.QueryBodyDefaultContext d)) return null;
        if (!(d.queryPrimary() instanceof SqlGrammar.QueryPrimaryDefaultContext p)) return null;
        SqlGrammar.QuerySpecificationContext s = p.querySpecification();
        boolean plain = s.fromClause() == null && s.whereClause() == null && s.aggregationClause() == null && s.havingClause() == null
                && s.qualifyClause() == null && s.setQuantifier() == null && s.windowClause() == null && s.hints.isEmpty()
                && s.namedExpressionSeq().namedExpression().size() == 1;
        return plain ? s : null;
    }

    static SqlGrammar.QueryContext query(CatalogFunction f) {
        SqlGrammar.StatementContext st = SqlParser.parse(f.body(), SqlGrammar::singleStatement).statement();
        if (!(st instanceof SqlGrammar.StatementQueryContext q)) throw SluiceException.internal("the body of " + f.qualifiedName() + " is not a query");
        return q.query();
    }

    // ---- table functions

    /** {@code FROM f(args) [AS a(x, y)]}: the body over the arguments, its columns named and cast as RETURNS TABLE declares. */
    static DataFrame table(QueryBuilder queries, CatalogFunction f, List<NamedArguments.Argument> written) {
        if (!f.table()) throw notTable(f);
        List<Expression> args = bind(f, written);
        for (Expression a : args) {
            List<String> column = firstColumn(a);
            if (column != null) {
                throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", String.join(".", column))
                        .with("suggestion", " The arguments of the table function " + f.qualifiedName()
                                + " can name the columns of the relations before it only in a LATERAL call: FROM t, LATERAL " + f.name() + "(t.x).").build();
            }
        }
        DataFrame body = expanding(f, () -> queries.query(query(f), scope(f, values(f, args))));
        return declared(f, body, body.columns());
    }

    /**
     * {@code FROM t, LATERAL f(t.x)}, {@code t [LEFT] JOIN LATERAL f(t.x) [ON c]}: the body over the left rows'
     * arguments, decorrelated as {@code DataFrame.lateralJoin} decorrelates. {@code alias} (default: the function's
     * name) may qualify the function's columns in ON.
     */
    static DataFrame lateral(QueryBuilder queries, CatalogFunction f, List<NamedArguments.Argument> written, DataFrame left,
                             String type, Expression on, String alias, List<String> columnAliases) {
        if (!f.table()) throw notTable(f);
        List<Expression> args = bind(f, written);
        String[] names = expanding(f, () -> queries.query(query(f), scope(f, nulls(f)))).columns();
        DataFrame body = expanding(f, () -> queries.query(query(f), scope(f, values(f, args))));
        DataFrame right = declared(f, body, names);
        List<String> rightNames = f.columns() != null ? f.columns().fieldNames() : List.of(names);
        if (columnAliases != null) {
            if (columnAliases.size() != rightNames.size()) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", f.qualifiedName())
                        .with("reason", "the alias names " + columnAliases.size() + " columns, but the function returns " + rightNames.size()).build();
            }
            Column[] renamed = new Column[rightNames.size()];
            for (int i = 0; i < renamed.length; i++) renamed[i] = dev.sluice.functions.col(quoted(rightNames.get(i))).alias(columnAliases.get(i));
            right = right.select(renamed);
            rightNames = columnAliases;
        }
        Column condition = on == null ? null : new Column(unqualify(on, alias, rightNames));
        return left.lateralJoin(right, condition, type.equals("cross") ? "inner" : type);
    }

    /** The body's columns named and cast as RETURNS TABLE (...) declares (Spark: RETURN_COLUMN_COUNT_MISMATCH otherwise). */
    private static DataFrame declared(CatalogFunction f, DataFrame body, String[] bodyColumns) {
        StructType declared = f.columns();
        if (declared == null) return body;
        if (declared.size() != bodyColumns.length) throw columnCount(f, bodyColumns.length);
        Column[] out = new Column[bodyColumns.length];
        for (int i = 0; i < out.length; i++) {
            StructField c = declared.field(i);
            out[i] = dev.sluice.functions.col(quoted(bodyColumns[i])).cast(c.dataType()).alias(c.name());
        }
        return body.select(out);
    }

    /** {@code f.a} in ON, naming the function's column {@code a}: the lateral join's output has the bare name. */
    private static Expression unqualify(Expression on, String alias, List<String> rightNames) {
        return Expressions.transformUp(on, e -> {
            if (e instanceof UnresolvedColumn u && u.nameParts().size() >= 2 && u.nameParts().get(0).equalsIgnoreCase(alias)
                    && rightNames.stream().anyMatch(n -> n.equalsIgnoreCase(u.nameParts().get(1)))) {
                return new UnresolvedColumn(u.nameParts().subList(1, u.nameParts().size()));
            }
            return e;
        });
    }

    // ---- outer references

    /** True when {@code plan} holds an outer reference (a SQL function's body over its caller's columns). */
    static boolean correlated(LogicalPlan plan) {
        for (Expression e : Plans.expressions(plan)) {
            for (Expression node : Expressions.collect(e)) if (node instanceof OuterReference) return true;
        }
        for (LogicalPlan c : plan.children()) if (correlated(c)) return true;
        return false;
    }

    /** {@code e} with its outer references replaced by what they refer to (in the caller's query). */
    static Expression unwrapOuter(Expression e) {
        if (e instanceof OuterReference o) return o.expr();
        return Expressions.transformUp(e, n -> n instanceof OuterReference o ? o.expr() : n);
    }

    /** An argument naming the caller's columns, as an outer reference of a SELECT in the body. */
    static Expression outer(Expression value) { return firstColumn(value) == null ? value : new OuterReference(value); }

    private static List<String> firstColumn(Expression e) {
        for (Expression n : Expressions.collect(e)) {
            if (n instanceof UnresolvedColumn u) return u.nameParts();
            if (n instanceof dev.sluice.expr.ColumnRef r) return List.of(r.name());
            if (n instanceof dev.sluice.expr.PlanColumn p) return p.nameParts();
        }
        return null;
    }

    // ---- cycles and errors

    private static <T> T expanding(CatalogFunction f, Supplier<T> build) {
        Deque<String> stack = EXPANDING.get();
        String name = f.qualifiedName();
        if (stack.contains(name)) throw cycle(new ArrayList<>(stack), name);
        stack.push(name);
        try {
            return build.get();
        } finally {
            stack.pop();
        }
    }

    static SluiceException cycle(List<String> stackNewestFirst, String name) {
        List<String> path = new ArrayList<>(stackNewestFirst);
        java.util.Collections.reverse(path);
        path.add(name);
        return SluiceException.of(ErrorCode.CYCLIC_FUNCTION_REFERENCE).with("path", String.join(" -> ", path)).build();
    }

    static SluiceException notScalar(CatalogFunction f) {
        return SluiceException.of(ErrorCode.NOT_A_SCALAR_FUNCTION).with("function", "`" + f.qualifiedName() + "`").build();
    }

    static SluiceException notTable(CatalogFunction f) {
        return SluiceException.of(ErrorCode.NOT_A_TABLE_FUNCTION).with("function", "`" + f.qualifiedName() + "`").build();
    }

    static SluiceException columnCount(CatalogFunction f, int actual) {
        return SluiceException.of(ErrorCode.USER_DEFINED_FUNCTIONS).with("function", f.qualifiedName())
                .with("reason", "RETURNS TABLE declares " + f.columns().size() + " column(s) but the body returns " + actual
                        + " (RETURN_COLUMN_COUNT_MISMATCH)").build();
    }

    private static String quoted(String name) { return "`" + name.replace("`", "``") + "`"; }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
