package dev.sluice;

import dev.sluice.expr.Alias;
import dev.sluice.expr.And;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Cast;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GetItem;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Negate;
import dev.sluice.expr.Not;
import dev.sluice.expr.Or;
import dev.sluice.expr.MultiAlias;
import dev.sluice.expr.SortOrder;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A column expression in the DataFrame API, with Spark's Java method names ({@code plus}, {@code equalTo},
 * {@code isNotNull}, {@code getField}, ...). Immutable; building one never touches data.
 */
public final class Column {
    private final Expression expr;

    public Column(Expression expr) { this.expr = requireNonNull(expr, "expr"); }

    public Expression expr() { return expr; }

    static Expression toExpr(Object value) {
        return value instanceof Column c ? c.expr : Literal.of(value);
    }

    // arithmetic
    public Column plus(Object other) { return arithmetic(Arithmetic.Op.ADD, other); }
    public Column minus(Object other) { return arithmetic(Arithmetic.Op.SUBTRACT, other); }
    public Column multiply(Object other) { return arithmetic(Arithmetic.Op.MULTIPLY, other); }
    public Column divide(Object other) { return arithmetic(Arithmetic.Op.DIVIDE, other); }
    public Column mod(Object other) { return arithmetic(Arithmetic.Op.REMAINDER, other); }
    public Column negate() { return new Column(new Negate(expr)); }

    private Column arithmetic(Arithmetic.Op op, Object other) { return new Column(new Arithmetic(op, expr, toExpr(other))); }

    // comparison
    public Column equalTo(Object other) { return compare(Comparison.Op.EQ, other); }
    public Column notEqual(Object other) { return new Column(new Not(new Comparison(Comparison.Op.EQ, expr, toExpr(other)))); }
    public Column lt(Object other) { return compare(Comparison.Op.LT, other); }
    public Column leq(Object other) { return compare(Comparison.Op.LE, other); }
    public Column gt(Object other) { return compare(Comparison.Op.GT, other); }
    public Column geq(Object other) { return compare(Comparison.Op.GE, other); }
    public Column eqNullSafe(Object other) { return compare(Comparison.Op.EQ_NULL_SAFE, other); }

    private Column compare(Comparison.Op op, Object other) { return new Column(new Comparison(op, expr, toExpr(other))); }

    // logic
    public Column and(Column other) { return new Column(new And(expr, other.expr)); }
    public Column or(Column other) { return new Column(new Or(expr, other.expr)); }
    public Column isNull() { return new Column(new IsNull(expr)); }
    public Column isNotNull() { return new Column(new IsNotNull(expr)); }

    /** {@code col IN (values...)}, SQL's three-valued IN; values may be literals or columns. */
    public Column isin(Object... values) {
        List<Expression> args = new java.util.ArrayList<>();
        args.add(expr);
        for (Object v : values) args.add(toExpr(v));
        return new Column(new dev.sluice.expr.FunctionCall("in", args, null));
    }

    // types and names
    public Column cast(DataType to) { return new Column(new Cast(expr, to, EvalMode.ANSI)); }
    public Column cast(String to) { return cast(DdlParser.parseType(to)); }
    public Column try_cast(DataType to) { return new Column(new Cast(expr, to, EvalMode.TRY)); }
    public Column try_cast(String to) { return try_cast(DdlParser.parseType(to)); }
    public Column alias(String name) { return new Column(new Alias(expr instanceof Alias a ? a.child() : expr, name)); }
    public Column as(String name) { return alias(name); }

    /** Spark's {@code as(alias, metadata)}: the name and the column metadata, which the schema's field then carries. */
    public Column as(String name, dev.sluice.types.Metadata metadata) {
        return new Column(new Alias(expr instanceof Alias a ? a.child() : expr, name, metadata.json()));
    }

    /** Names every column of a generator: {@code posexplode(xs).as("p", "x")}. */
    public Column as(String... names) {
        if (names.length == 1) return alias(names[0]);
        return new Column(new MultiAlias(expr instanceof Alias a ? a.child() : expr, java.util.List.of(names)));
    }
    public Column name(String name) { return alias(name); }

    // ordering (orderBy keys): Spark's defaults put nulls first ascending and last descending
    public Column asc() { return new Column(new SortOrder(expr, true, true)); }
    public Column asc_nulls_first() { return new Column(new SortOrder(expr, true, true)); }
    public Column asc_nulls_last() { return new Column(new SortOrder(expr, true, false)); }
    public Column desc() { return new Column(new SortOrder(expr, false, false)); }
    public Column desc_nulls_first() { return new Column(new SortOrder(expr, false, true)); }
    public Column desc_nulls_last() { return new Column(new SortOrder(expr, false, false)); }

    // nested values
    public Column getField(String field) { return new Column(GetStructField.unresolved(expr, field)); }
    public Column getItem(Object key) { return new Column(new GetItem(expr, toExpr(key))); }

    // CASE WHEN chains
    public Column when(Column condition, Object value) {
        if (!(expr instanceof CaseWhen cw) || cw.elseValue() != null) {
            throw new IllegalArgumentException("when() can only follow functions.when() or another when()");
        }
        return new Column(cw.when(condition.expr, toExpr(value)));
    }

    public Column otherwise(Object value) {
        if (!(expr instanceof CaseWhen cw) || cw.elseValue() != null) {
            throw new IllegalArgumentException("otherwise() can only follow when(), once");
        }
        return new Column(new CaseWhen(cw.conditions(), cw.values(), toExpr(value)));
    }

    /**
     * Marks this expression as one over the outer query's columns (Spark 4): {@code col("x").outer()} inside the right
     * side of {@link DataFrame#lateralJoin} names the left row's {@code x}.
     */
    public Column outer() { return new Column(new dev.sluice.expr.OuterReference(expr)); }

    /** This window function or aggregate over {@code window}. */
    public Column over(WindowSpec window) { return new Column(window.apply(expr)); }

    @Override public String toString() { return expr.sql(); }

    @Override public boolean equals(Object o) { return o instanceof Column c && c.expr.equals(expr); }

    @Override public int hashCode() { return expr.hashCode(); }

    // ---- struct updates (Spark's withField, dropFields) ----

    /**
     * This struct with field {@code fieldName} set to {@code value}: replaced where it exists, appended otherwise;
     * a dotted path ({@code "a.b"}) updates a nested struct. Null where the struct is null.
     */
    public Column withField(String fieldName, Column value) {
        List<String> path = dev.sluice.expr.UnresolvedColumn.parse(fieldName).nameParts();
        if (path.size() > 1) {
            String head = path.get(0);
            String rest = fieldName.substring(fieldName.indexOf('.') + 1);
            return withField(head, getField(head).withField(rest, value));
        }
        return new Column(dev.sluice.expr.FunctionCall.inline(
                new dev.sluice.expr.UpdateFields(List.of(new dev.sluice.expr.UpdateFields.WithField(path.get(0)))), List.of(expr, value.expr())));
    }

    /** This struct without the named fields; dotted paths drop nested fields. Dropping every field is an error. */
    public Column dropFields(String... fieldNames) {
        Column out = this;
        for (String name : fieldNames) {
            List<String> path = dev.sluice.expr.UnresolvedColumn.parse(name).nameParts();
            if (path.size() > 1) {
                String head = path.get(0);
                out = out.withField(head, out.getField(head).dropFields(name.substring(name.indexOf('.') + 1)));
            } else {
                out = new Column(dev.sluice.expr.FunctionCall.inline(
                        new dev.sluice.expr.UpdateFields(List.of(new dev.sluice.expr.UpdateFields.DropField(path.get(0)))), List.of(out.expr)));
            }
        }
        return out;
    }
}
