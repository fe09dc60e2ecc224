package dev.sluice;

import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.ElementAt;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FromJson;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Not;
import dev.sluice.expr.Size;
import dev.sluice.expr.StringFunction;
import dev.sluice.expr.ToJson;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The column functions, named as in Spark's {@code org.apache.spark.sql.functions}. */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
    private functions() {}

    /** A column by name: {@code "a"}, a nested path {@code "content.user.id"}, {@code "`a.b`"} for a dotted name, or {@code "*"}. */
    public static Column col(String name) {
        if (name.equals("*")) return new Column(new UnresolvedStar());
        return new Column(UnresolvedColumn.parse(name));
    }

    public static Column column(String name) { return col(name); }

    /** Marks {@code df} to be broadcast when joined (its rows copied to every partition of the other side). */
    public static DataFrame broadcast(DataFrame df) { return df.withPlan(new dev.sluice.plan.BroadcastHint(df.logicalPlan())); }

    public static Column lit(Object value) {
        return value instanceof Column c ? c : new Column(Literal.of(value));
    }

    public static Column when(Column condition, Object value) {
        return new Column(new CaseWhen(List.of(condition.expr()), List.of(Column.toExpr(value)), null));
    }

    public static Column coalesce(Column... columns) { return new Column(new Coalesce(exprs(columns))); }

    public static Column not(Column c) { return new Column(new Not(c.expr())); }

    public static Column negate(Column c) { return c.negate(); }

    // JSON
    public static Column from_json(Column json, DataType schema) { return from_json(json, schema, Map.of()); }

    public static Column from_json(Column json, String schema) { return from_json(json, DdlParser.parseType(schema), Map.of()); }

    public static Column from_json(Column json, String schema, Map<String, String> options) {
        return from_json(json, DdlParser.parseType(schema), options);
    }

    public static Column from_json(Column json, DataType schema, Map<String, String> options) {
        return new Column(new FromJson(json.expr(), schema, JsonOptions.of(options)));
    }

    public static Column to_json(Column c) { return to_json(c, Map.of()); }

    public static Column to_json(Column c, Map<String, String> options) { return new Column(new ToJson(c.expr(), JsonOptions.of(options))); }

    /** {@code struct(a, b)}: a struct column whose fields are named after the columns. */
    public static Column struct(Column... columns) { return new Column(dev.sluice.expr.CreateStruct.of(exprs(columns))); }

    /** Calls a function of the registry by name, as Spark's {@code call_function}. */
    public static Column call_function(String name, Column... arguments) {
        return new Column(new dev.sluice.expr.FunctionCall(name, exprs(arguments), null));
    }

    public static Column sqrt(Column c) { return call_function("sqrt", c); }

    public static Column exp(Column c) { return call_function("exp", c); }

    // collections
    public static Column size(Column c) { return new Column(new Size(c.expr())); }

    public static Column element_at(Column c, Object key) { return new Column(new ElementAt(c.expr(), Column.toExpr(key))); }

    public static Column try_element_at(Column c, Object key) {
        return new Column(new ElementAt(c.expr(), Column.toExpr(key), EvalMode.TRY));
    }

    // strings
    public static Column lower(Column c) { return string(StringFunction.Kind.LOWER, c.expr()); }

    public static Column upper(Column c) { return string(StringFunction.Kind.UPPER, c.expr()); }

    public static Column length(Column c) { return string(StringFunction.Kind.LENGTH, c.expr()); }

    public static Column trim(Column c) { return string(StringFunction.Kind.TRIM, c.expr()); }

    public static Column ltrim(Column c) { return string(StringFunction.Kind.LTRIM, c.expr()); }

    public static Column rtrim(Column c) { return string(StringFunction.Kind.RTRIM, c.expr()); }

    public static Column substring(Column c, int pos, int len) {
        return string(StringFunction.Kind.SUBSTRING, c.expr(), Literal.of(pos), Literal.of(len));
    }

    public static Column concat(Column... columns) {
        return new Column(new StringFunction(StringFunction.Kind.CONCAT, exprs(columns)));
    }

    private static Column string(StringFunction.Kind kind, Expression... args) {
        return new Column(new StringFunction(kind, List.of(args)));
    }

    private static List<Expression> exprs(Column... columns) {
        List<Expression> out = new ArrayList<>(columns.length);
        for (Column c : columns) out.add(c.expr());
        return out;
    }
}
