package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.WindowSpec;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.functions;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import org.apache.spark.connect.proto.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Protocol expressions as Sluice columns, resolved by name against the input DataFrame by Sluice's analyzer. */
final class ExpressionTranslator {
    private final Translation tx;

    ExpressionTranslator(Translation tx) { this.tx = tx; }

    List<Column> all(List<Expression> expressions, DataFrame input) {
        List<Column> out = new ArrayList<>(expressions.size());
        for (Expression e : expressions) {
            if (e.hasUnresolvedRegex() && ColumnRegex.isRegex(e.getUnresolvedRegex().getColName())) {
                out.addAll(regex(e.getUnresolvedRegex(), input));   // a list position: every matching column
            } else if (e.hasUnresolvedStar() && input != null && structStar(e.getUnresolvedStar(), input) != null) {
                out.addAll(structStar(e.getUnresolvedStar(), input));
            } else {
                out.add(translate(e, input));
            }
        }
        return out;
    }

    /** {@code df.colRegex("`(a|b).*`")}: the columns of the DataFrame it names (else the input) whose names match. */
    private List<Column> regex(Expression.UnresolvedRegex r, DataFrame input) {
        DataFrame owner = r.hasPlanId() ? tx.planned(r.getPlanId()) : input;
        if (owner == null) throw ConnectErrors.unsupported("colRegex without a DataFrame", "select from a DataFrame");
        return ColumnRegex.matching(r.getColName(), owner, tx.session().sluice().conf().get("spark.sql.caseSensitive", "false"));
    }

    Column translate(Expression e, DataFrame input) {
        switch (e.getExprTypeCase()) {
            case LITERAL: return Literals.toColumn(e.getLiteral());
            case UNRESOLVED_ATTRIBUTE: return attribute(e.getUnresolvedAttribute());
            case UNRESOLVED_STAR: return star(e.getUnresolvedStar());
            case UNRESOLVED_FUNCTION: {
                var f = e.getUnresolvedFunction();
                // a function registered by name (is_user_defined_function: callUDF) resolves as any name does: the
                // session's registered UDFs first, then the built-in functions; an unknown name is UNRESOLVED_ROUTINE
                return new FunctionCalls(this, input).call(f.getFunctionName(), f.getArgumentsList(), f.getIsDistinct());
            }
            case CALL_FUNCTION: {
                var f = e.getCallFunction();
                return new FunctionCalls(this, input).call(f.getFunctionName(), f.getArgumentsList(), false);
            }
            case ALIAS: {
                var a = e.getAlias();
                Column child = translate(a.getExpr(), input);
                if (a.hasMetadata()) {
                    if (a.getNameCount() != 1) throw ConnectErrors.unsupported("column metadata with a multi-name alias", "give one name");
                    return child.as(a.getName(0), dev.sluice.types.Metadata.fromJson(a.getMetadata()));
                }
                if (a.getNameCount() == 1) return child.alias(a.getName(0));
                return child.as(a.getNameList().toArray(new String[0]));
            }
            case CAST: {
                var c = e.getCast();
                Column child = translate(c.getExpr(), input);
                DataType to = c.hasType() ? ProtoTypes.fromProto(c.getType()) : SchemaStrings.parseType(c.getTypeStr());
                EvalMode mode = switch (c.getEvalMode()) {
                    case EVAL_MODE_TRY -> EvalMode.TRY;
                    case EVAL_MODE_LEGACY -> EvalMode.LEGACY;
                    case EVAL_MODE_ANSI -> EvalMode.ANSI;
                    default -> tx.session().config().ansi() ? EvalMode.ANSI : EvalMode.LEGACY;
                };
                return new Column(new dev.sluice.expr.Cast(child.expr(), to, mode));
            }
            case SORT_ORDER: return sortOrder(e.getSortOrder(), input);
            case UNRESOLVED_EXTRACT_VALUE: return extractValue(e.getUnresolvedExtractValue(), input);
            case EXPRESSION_STRING: return SqlExpressions.parse(e.getExpressionString().getExpression());
            case WINDOW: return window(e.getWindow(), input);
            case UNRESOLVED_REGEX: {
                var r = e.getUnresolvedRegex();
                if (!ColumnRegex.isRegex(r.getColName())) {
                    // not a `regex`: a column name, as Spark's colRegex
                    return r.hasPlanId() ? tx.planned(r.getPlanId()).col(r.getColName()) : new Column(UnresolvedColumn.parse(r.getColName()));
                }
                List<Column> matched = regex(r, input);
                if (matched.size() != 1) {
                    throw ConnectErrors.unsupported("colRegex matching " + matched.size() + " columns here",
                            "a regular expression may stand for several columns in a select list only");
                }
                return matched.get(0);
            }
            case LAMBDA_FUNCTION: {
                // transform(xs, x -> ...): the enclosing higher-order function binds the parameters by name
                var l = e.getLambdaFunction();
                List<String> params = new ArrayList<>();
                for (var v : l.getArgumentsList()) params.add(String.join(".", v.getNamePartsList()));
                return new Column(dev.sluice.expr.LambdaFunction.of(params, translate(l.getFunction(), input).expr()));
            }
            case UNRESOLVED_NAMED_LAMBDA_VARIABLE:
                return new Column(new UnresolvedColumn(e.getUnresolvedNamedLambdaVariable().getNamePartsList()));
            case UPDATE_FIELDS: {
                var u = e.getUpdateFields();
                Column struct = translate(u.getStructExpression(), input);
                return u.hasValueExpression() ? struct.withField(u.getFieldName(), translate(u.getValueExpression(), input))
                        : struct.dropFields(u.getFieldName());
            }
            case COMMON_INLINE_USER_DEFINED_FUNCTION: {
                var u = e.getCommonInlineUserDefinedFunction();
                List<dev.sluice.expr.Expression> args = new ArrayList<>();
                List<String> keywords = new ArrayList<>();   // null for a positional argument
                for (Expression a : u.getArgumentsList()) {
                    if (a.hasNamedArgumentExpression()) {   // f(b=col("x")): a keyword argument of a Python UDF
                        keywords.add(a.getNamedArgumentExpression().getKey());
                        a = a.getNamedArgumentExpression().getValue();
                    } else {
                        keywords.add(null);
                    }
                    args.add(translate(a, input).expr());
                }
                if (u.hasPythonUdf() && u.getPythonUdf().getEvalType() == PythonUdfs.GROUPED_AGG_PANDAS) {
                    if (keywords.stream().anyMatch(java.util.Objects::nonNull)) {
                        throw ConnectErrors.unsupported("keyword arguments to a grouped aggregate pandas UDF", "pass the columns by position");
                    }
                    return PythonUdfs.groupedAggregate(tx.session(), u, args);
                }
                Column call = new Column(dev.sluice.expr.FunctionCall.inline(PythonUdfs.function(tx.session(), u).withKeywords(keywords), args));
                if (keywords.stream().allMatch(java.util.Objects::isNull)) return call;
                List<String> shown = new ArrayList<>();   // Spark's name: calc(b => (id * 10), a => id)
                for (int i = 0; i < args.size(); i++) {
                    String arg = dev.sluice.expr.Expressions.outputName(args.get(i));
                    shown.add(keywords.get(i) == null ? arg : keywords.get(i) + " => " + arg);
                }
                return call.alias(u.getFunctionName() + "(" + String.join(", ", shown) + ")");
            }
            case SUBQUERY_EXPRESSION: return tx.subqueries().expression(e.getSubqueryExpression(), input);
            default:
                throw ConnectErrors.unsupported("the expression " + e.getExprTypeCase().name().toLowerCase(Locale.ROOT),
                        "Sluice does not translate it");
        }
    }

    private Column attribute(Expression.UnresolvedAttribute a) {
        String name = a.getUnparsedIdentifier();
        if (a.hasPlanId()) {
            DataFrame owner = tx.planned(a.getPlanId());
            if (name.equals("*")) return new Column(new UnresolvedStar());
            return owner.col(name);
        }
        if (name.equals("*")) return new Column(new UnresolvedStar());
        return new Column(UnresolvedColumn.parse(name));
    }

    /**
     * {@code select("s.*")} where {@code s} is a struct column (not a table alias): its fields, each under its own
     * name, as Spark expands a star on a struct after trying the target as a qualifier. Null when it is not one.
     */
    private List<Column> structStar(Expression.UnresolvedStar s, DataFrame input) {
        if (!s.hasUnparsedTarget() || !s.getUnparsedTarget().endsWith(".*")) return null;
        try {
            input.select(functions.col(s.getUnparsedTarget())).schema();
            return null;   // a qualifier: the analyzer expands it
        } catch (dev.sluice.error.SluiceException e) {
            if (e.code() != dev.sluice.error.ErrorCode.FIELD_NOT_FOUND && e.code() != dev.sluice.error.ErrorCode.COLUMN_NOT_FOUND) throw e;
        }
        String path = s.getUnparsedTarget().substring(0, s.getUnparsedTarget().length() - 2);
        Column struct = new Column(UnresolvedColumn.parse(path));
        DataType t;
        try {
            t = typeOf(struct, input);
        } catch (dev.sluice.error.SluiceException e) {
            return null;
        }
        if (!(t instanceof StructType st)) return null;
        List<Column> fields = new ArrayList<>();
        for (var f : st.fields()) fields.add(new Column(GetStructField.unresolved(struct.expr(), f.name())).alias(f.name()));
        return fields;
    }

    private Column star(Expression.UnresolvedStar s) {
        if (s.hasUnparsedTarget() && !s.getUnparsedTarget().isEmpty()) return functions.col(s.getUnparsedTarget());
        return new Column(new UnresolvedStar());
    }

    Column sortOrder(Expression.SortOrder s, DataFrame input) {
        Column child = translate(s.getChild(), input);
        boolean asc = s.getDirection() != Expression.SortOrder.SortDirection.SORT_DIRECTION_DESCENDING;
        boolean nullsFirst = switch (s.getNullOrdering()) {
            case SORT_NULLS_FIRST -> true;
            case SORT_NULLS_LAST -> false;
            default -> asc;
        };
        return new Column(new dev.sluice.expr.SortOrder(child.expr(), asc, nullsFirst));
    }

    /** {@code c["x"]}, {@code c.x}, {@code c[0]}: a struct field when the child is a struct, else an item. */
    private Column extractValue(Expression.UnresolvedExtractValue v, DataFrame input) {
        Column child = translate(v.getChild(), input);
        Expression key = v.getExtraction();
        if (key.hasLiteral() && key.getLiteral().hasString() && lambdaVariable(v.getChild())) {
            // a lambda's variable has no type until its function binds it: a name is a struct field, as in SQL's x.f
            return new Column(GetStructField.unresolved(child.expr(), key.getLiteral().getString()));
        }
        if (key.hasLiteral() && key.getLiteral().hasString() && input != null) {
            DataType t = typeOf(child, input);
            if (t instanceof StructType) {
                return new Column(GetStructField.unresolved(child.expr(), key.getLiteral().getString()));
            }
        }
        return child.getItem(translate(key, input));
    }

    /** True for a lambda variable, or a field or item of one ({@code acc.sum}, {@code x["a"]["b"]}). */
    private static boolean lambdaVariable(Expression e) {
        if (e.hasUnresolvedNamedLambdaVariable()) return true;
        return e.hasUnresolvedExtractValue() && lambdaVariable(e.getUnresolvedExtractValue().getChild());
    }

    /** The type of {@code c} over {@code input} (Sluice analyzes eagerly, reading no data). */
    DataType typeOf(Column c, DataFrame input) {
        return input.select(c).schema().field(0).dataType();
    }

    private Column window(Expression.Window w, DataFrame input) {
        Expression fn = w.getWindowFunction();
        Column function = fn.hasUnresolvedFunction()
                ? new FunctionCalls(this, input).windowFunction(fn.getUnresolvedFunction().getFunctionName(),
                        fn.getUnresolvedFunction().getArgumentsList(), fn.getUnresolvedFunction().getIsDistinct())
                : translate(fn, input);
        WindowSpec spec = dev.sluice.Window.partitionBy(all(w.getPartitionSpecList(), input).toArray(new Column[0]));
        if (w.getOrderSpecCount() > 0) {
            List<Column> order = new ArrayList<>();
            for (var o : w.getOrderSpecList()) order.add(sortOrder(o, input));
            spec = spec.orderBy(order.toArray(new Column[0]));
        }
        if (w.hasFrameSpec()) {
            var f = w.getFrameSpec();
            long lower = boundary(f.getLower(), true);
            long upper = boundary(f.getUpper(), false);
            spec = f.getFrameType() == Expression.Window.WindowFrame.FrameType.FRAME_TYPE_RANGE
                    ? spec.rangeBetween(lower, upper) : spec.rowsBetween(lower, upper);
        }
        return function.over(spec);
    }

    private static long boundary(Expression.Window.WindowFrame.FrameBoundary b, boolean lower) {
        switch (b.getBoundaryCase()) {
            case CURRENT_ROW: return dev.sluice.Window.currentRow();
            case UNBOUNDED: return lower ? dev.sluice.Window.unboundedPreceding() : dev.sluice.Window.unboundedFollowing();
            case VALUE: {
                Object v = b.getValue().hasLiteral() ? Literals.value(b.getValue().getLiteral()) : null;
                if (v instanceof Number n) return n.longValue();
                throw ConnectErrors.unsupported("a window frame boundary that is not an integer literal", "Sluice frames are row or value offsets");
            }
            default:
                throw ConnectErrors.unsupported("an unset window frame boundary", "the client sent no boundary");
        }
    }
}
