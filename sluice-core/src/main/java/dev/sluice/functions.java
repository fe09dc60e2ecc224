package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.ElementAt;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FromJson;
import dev.sluice.expr.Generator;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Not;
import dev.sluice.expr.Size;
import dev.sluice.expr.StringFunction;
import dev.sluice.expr.ToJson;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.expr.agg.ApproxCountDistinct;
import dev.sluice.expr.agg.Average;
import dev.sluice.expr.agg.CentralMoments;
import dev.sluice.expr.agg.Collect;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.FirstLast;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.expr.agg.Sum;
import dev.sluice.expr.WindowExpression;
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

    // ordering
    public static Column asc(String columnName) { return col(columnName).asc(); }

    public static Column asc_nulls_first(String columnName) { return col(columnName).asc_nulls_first(); }

    public static Column asc_nulls_last(String columnName) { return col(columnName).asc_nulls_last(); }

    public static Column desc(String columnName) { return col(columnName).desc(); }

    public static Column desc_nulls_first(String columnName) { return col(columnName).desc_nulls_first(); }

    public static Column desc_nulls_last(String columnName) { return col(columnName).desc_nulls_last(); }

    public static Column not(Column c) { return new Column(new Not(c.expr())); }

    public static Column negate(Column c) { return c.negate(); }

    // JSON
    public static Column from_json(Column json, DataType schema) { return from_json(json, schema, Map.of()); }

    public static Column from_json(Column json, String schema) { return from_json(json, DdlParser.parseType(schema), Map.of()); }

    public static Column from_json(Column json, String schema, Map<String, String> options) {
        return from_json(json, DdlParser.parseType(schema), options);
    }

    public static Column from_json(Column json, DataType schema, Map<String, String> options) {
        return new Column(new FromJson(json.expr(), schema, JsonOptions.of(options).validateForFromJson()));
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

    // generators: one row per element (only as whole select items)
    public static Column explode(Column c) { return generator(Generator.Kind.EXPLODE, c, false); }

    public static Column explode_outer(Column c) { return generator(Generator.Kind.EXPLODE, c, true); }

    public static Column posexplode(Column c) { return generator(Generator.Kind.POSEXPLODE, c, false); }

    public static Column posexplode_outer(Column c) { return generator(Generator.Kind.POSEXPLODE, c, true); }

    /** One row per struct of an array of structs, one column per field. */
    public static Column inline(Column c) { return generator(Generator.Kind.INLINE, c, false); }

    public static Column inline_outer(Column c) { return generator(Generator.Kind.INLINE, c, true); }

    private static Column generator(Generator.Kind kind, Column c, boolean outer) {
        return new Column(new Generator(kind, c.expr(), outer));
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

    // aggregates (only in groupBy(...).agg(...), agg(...) or a select of aggregates)

    /** {@code count(col)}: the non-null values; {@code count("*")} or {@code count(col("*"))} counts rows ({@code count(1)}). */
    public static Column count(Column c) {
        Expression e = c.expr() instanceof UnresolvedStar ? Literal.of(1) : c.expr();
        return aggregate(Count.of(e), false);
    }

    public static Column count(String columnName) { return count(col(columnName)); }

    /** {@code count(DISTINCT a, ...)}: distinct tuples with no NULL value. */
    public static Column countDistinct(Column first, Column... rest) { return aggregate(new Count(cat(first, rest), false), true); }

    public static Column countDistinct(String first, String... rest) { return countDistinct(col(first), cols(rest)); }

    public static Column count_distinct(Column first, Column... rest) { return countDistinct(first, rest); }

    public static Column sum(Column c) { return aggregate(Sum.of(c.expr()), false); }

    public static Column sum(String columnName) { return sum(col(columnName)); }

    public static Column sum_distinct(Column c) { return aggregate(Sum.of(c.expr()), true); }

    public static Column sumDistinct(Column c) { return sum_distinct(c); }

    public static Column avg(Column c) { return aggregate(Average.of(c.expr()), false); }

    public static Column avg(String columnName) { return avg(col(columnName)); }

    public static Column mean(Column c) { return avg(c); }

    public static Column mean(String columnName) { return avg(columnName); }

    public static Column min(Column c) { return aggregate(MinMax.min(c.expr()), false); }

    public static Column min(String columnName) { return min(col(columnName)); }

    public static Column max(Column c) { return aggregate(MinMax.max(c.expr()), false); }

    public static Column max(String columnName) { return max(col(columnName)); }

    /** The group's first value in partition order (NULL included unless {@code ignoreNulls}). */
    public static Column first(Column c, boolean ignoreNulls) { return aggregate(FirstLast.first(c.expr(), ignoreNulls), false); }

    public static Column first(Column c) { return first(c, false); }

    public static Column first(String columnName, boolean ignoreNulls) { return first(col(columnName), ignoreNulls); }

    public static Column first(String columnName) { return first(col(columnName), false); }

    /** The group's last value in partition order (NULL included unless {@code ignoreNulls}). */
    public static Column last(Column c, boolean ignoreNulls) { return aggregate(FirstLast.last(c.expr(), ignoreNulls), false); }

    public static Column last(Column c) { return last(c, false); }

    public static Column last(String columnName, boolean ignoreNulls) { return last(col(columnName), ignoreNulls); }

    public static Column last(String columnName) { return last(col(columnName), false); }

    /** Some value of the group: here the first in partition order. */
    public static Column any_value(Column c) { return aggregate(FirstLast.anyValue(c.expr(), false), false); }

    /** {@code ignoreNulls} must be a boolean literal ({@code lit(true)}), as in Spark. */
    public static Column any_value(Column c, Column ignoreNulls) {
        if (!(ignoreNulls.expr() instanceof Literal l) || !(l.value() instanceof Boolean b)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "any_value")
                    .with("reason", "ignoreNulls must be a boolean literal").build();
        }
        return aggregate(FirstLast.anyValue(c.expr(), b), false);
    }

    public static Column collect_list(Column c) { return aggregate(Collect.list(c.expr()), false); }

    public static Column collect_list(String columnName) { return collect_list(col(columnName)); }

    public static Column collect_set(Column c) { return aggregate(Collect.set(c.expr()), false); }

    public static Column collect_set(String columnName) { return collect_set(col(columnName)); }

    public static Column stddev(Column c) { return moment("stddev", c); }

    public static Column std(Column c) { return moment("std", c); }

    public static Column stddev_samp(Column c) { return moment("stddev_samp", c); }

    public static Column stddev_pop(Column c) { return moment("stddev_pop", c); }

    public static Column variance(Column c) { return moment("variance", c); }

    public static Column var_samp(Column c) { return moment("var_samp", c); }

    public static Column var_pop(Column c) { return moment("var_pop", c); }

    /** HyperLogLog++ estimate of the distinct non-null values, relative standard deviation 0.05. */
    public static Column approx_count_distinct(Column c) { return approx_count_distinct(c, ApproxCountDistinct.DEFAULT_RELATIVE_SD); }

    public static Column approx_count_distinct(Column c, double relativeSD) {
        return aggregate(ApproxCountDistinct.of(c.expr(), relativeSD), false);
    }

    public static Column approx_count_distinct(String columnName) { return approx_count_distinct(col(columnName)); }

    public static Column approx_count_distinct(String columnName, double relativeSD) { return approx_count_distinct(col(columnName), relativeSD); }

    private static Column moment(String name, Column c) { return aggregate(CentralMoments.of(name, c.expr()), false); }

    private static Column aggregate(AggregateFunction f, boolean distinct) { return new Column(new AggregateExpression(f, distinct)); }

    private static List<Expression> cat(Column first, Column... rest) {
        List<Expression> out = new ArrayList<>();
        out.add(first.expr());
        for (Column c : rest) out.add(c.expr());
        return out;
    }

    private static Column[] cols(String... names) {
        Column[] out = new Column[names.length];
        for (int i = 0; i < names.length; i++) out[i] = col(names[i]);
        return out;
    }

    private static List<Expression> exprs(Column... columns) {
        List<Expression> out = new ArrayList<>(columns.length);
        for (Column c : columns) out.add(c.expr());
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Function library (registry functions, dev.sluice.expr.fn). Each call below is call_function(name, ...),
    // so names, types and errors come from the registry; literals are typed as lit() types them.
    // ---------------------------------------------------------------------------------------------------------

    private static Column fn(String name, Object... arguments) {
        List<Expression> args = new ArrayList<>(arguments.length);
        for (Object a : arguments) args.add(Column.toExpr(a));
        return new Column(new dev.sluice.expr.FunctionCall(name, args, null));
    }

    private static Object[] prepend(Object first, Column[] rest) {
        Object[] out = new Object[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    // ----- function library: strings (StringFunctions, RegexFunctions, FormatString) -----
    public static Column concat_ws(String sep, Column... columns) { return fn("concat_ws", prepend(sep, columns)); }

    public static Column split(Column str, String pattern) { return fn("split", str, pattern); }

    public static Column split(Column str, String pattern, int limit) { return fn("split", str, pattern, limit); }

    public static Column regexp_extract(Column e, String regex, int groupIdx) { return fn("regexp_extract", e, regex, groupIdx); }

    public static Column regexp_replace(Column e, String pattern, String replacement) { return fn("regexp_replace", e, pattern, replacement); }

    public static Column regexp_replace(Column e, Column pattern, Column replacement) { return fn("regexp_replace", e, pattern, replacement); }

    public static Column rlike(Column str, Column regex) { return fn("rlike", str, regex); }

    public static Column like(Column str, Column pattern) { return fn("like", str, pattern); }

    public static Column like(Column str, Column pattern, Column escapeChar) { return fn("like", str, pattern, escapeChar); }

    public static Column instr(Column str, String substring) { return fn("instr", str, substring); }

    public static Column locate(String substr, Column str) { return fn("locate", substr, str); }

    public static Column locate(String substr, Column str, int pos) { return fn("locate", substr, str, pos); }

    public static Column lpad(Column str, int len, String pad) { return fn("lpad", str, len, pad); }

    public static Column rpad(Column str, int len, String pad) { return fn("rpad", str, len, pad); }

    /** Removes the characters of {@code trimString} from the start (Spark's {@code TRIM(LEADING t FROM e)}). */
    public static Column ltrim(Column e, String trimString) { return fn("ltrim", trimString, e); }

    public static Column rtrim(Column e, String trimString) { return fn("rtrim", trimString, e); }

    public static Column initcap(Column e) { return fn("initcap", e); }

    /** Reverses a string (by characters) or an array. */
    public static Column reverse(Column e) { return fn("reverse", e); }

    public static Column repeat(Column str, int n) { return fn("repeat", str, n); }

    public static Column translate(Column src, String matchingString, String replaceString) {
        return fn("translate", src, matchingString, replaceString);
    }

    public static Column substring_index(Column str, String delim, int count) { return fn("substring_index", str, delim, count); }

    public static Column format_string(String format, Column... arguments) { return fn("format_string", prepend(format, arguments)); }

    // ----- function library: math (MathFunctions, RoundingFunctions, ExtremaFunctions, RandFunction) -----
    public static Column abs(Column e) { return fn("abs", e); }

    public static Column round(Column e) { return fn("round", e); }

    public static Column round(Column e, int scale) { return fn("round", e, scale); }

    public static Column bround(Column e) { return fn("bround", e); }

    public static Column bround(Column e, int scale) { return fn("bround", e, scale); }

    public static Column floor(Column e) { return fn("floor", e); }

    public static Column ceil(Column e) { return fn("ceil", e); }

    public static Column pow(Column l, Column r) { return fn("pow", l, r); }

    public static Column pow(Column l, double r) { return fn("pow", l, r); }

    /** The natural logarithm (NULL for values {@code <= 0}). */
    public static Column log(Column e) { return fn("log", e); }

    public static Column log(double base, Column e) { return fn("log", base, e); }

    public static Column ln(Column e) { return fn("ln", e); }

    public static Column greatest(Column... columns) { return fn("greatest", (Object[]) columns); }

    public static Column least(Column... columns) { return fn("least", (Object[]) columns); }

    public static Column pmod(Column dividend, Column divisor) { return fn("pmod", dividend, divisor); }

    /** Spark's XORShiftRandom sequence for {@code seed}; see {@link dev.sluice.expr.fn.RandFunction} for partitions. */
    public static Column rand(long seed) { return fn("rand", seed); }

    public static Column rand() { return fn("rand"); }

    // ----- function library: conditionals (ConditionalFunctions) -----
    public static Column nvl(Column col1, Column col2) { return fn("nvl", col1, col2); }

    public static Column ifnull(Column col1, Column col2) { return fn("ifnull", col1, col2); }

    public static Column nvl2(Column col1, Column col2, Column col3) { return fn("nvl2", col1, col2, col3); }

    public static Column nullif(Column col1, Column col2) { return fn("nullif", col1, col2); }

    public static Column isnan(Column e) { return fn("isnan", e); }

    public static Column nanvl(Column col1, Column col2) { return fn("nanvl", col1, col2); }

    // ----- function library: dates and times (DateTimeFunctions, DateFieldFunctions, DateArithmeticFunctions) -----
    public static Column current_date() { return fn("current_date"); }

    public static Column current_timestamp() { return fn("current_timestamp"); }

    public static Column to_date(Column e) { return fn("to_date", e); }

    public static Column to_date(Column e, String format) { return fn("to_date", e, format); }

    public static Column to_timestamp(Column e) { return fn("to_timestamp", e); }

    public static Column to_timestamp(Column e, String format) { return fn("to_timestamp", e, format); }

    public static Column date_format(Column dateExpr, String format) { return fn("date_format", dateExpr, format); }

    public static Column year(Column e) { return fn("year", e); }

    public static Column quarter(Column e) { return fn("quarter", e); }

    public static Column month(Column e) { return fn("month", e); }

    public static Column dayofmonth(Column e) { return fn("dayofmonth", e); }

    public static Column dayofweek(Column e) { return fn("dayofweek", e); }

    public static Column dayofyear(Column e) { return fn("dayofyear", e); }

    public static Column weekofyear(Column e) { return fn("weekofyear", e); }

    public static Column hour(Column e) { return fn("hour", e); }

    public static Column minute(Column e) { return fn("minute", e); }

    public static Column second(Column e) { return fn("second", e); }

    public static Column date_add(Column start, int days) { return fn("date_add", start, days); }

    public static Column date_sub(Column start, int days) { return fn("date_sub", start, days); }

    public static Column datediff(Column end, Column start) { return fn("datediff", end, start); }

    public static Column months_between(Column end, Column start) { return fn("months_between", end, start); }

    public static Column months_between(Column end, Column start, boolean roundOff) { return fn("months_between", end, start, roundOff); }

    public static Column add_months(Column startDate, int numMonths) { return fn("add_months", startDate, numMonths); }

    public static Column last_day(Column e) { return fn("last_day", e); }

    public static Column trunc(Column date, String format) { return fn("trunc", date, format); }

    public static Column date_trunc(String format, Column timestamp) { return fn("date_trunc", format, timestamp); }

    public static Column unix_timestamp() { return fn("unix_timestamp"); }

    public static Column unix_timestamp(Column s) { return fn("unix_timestamp", s); }

    public static Column unix_timestamp(Column s, String pattern) { return fn("unix_timestamp", s, pattern); }

    public static Column from_unixtime(Column ut) { return fn("from_unixtime", ut); }

    public static Column from_unixtime(Column ut, String format) { return fn("from_unixtime", ut, format); }

    // ----- function library: collections (CollectionFunctions, ArrayFunctions) -----
    public static Column array(Column... columns) { return fn("array", (Object[]) columns); }

    /** {@code named_struct(name1, value1, ...)}: names are string literals. */
    public static Column named_struct(Column... namesAndValues) { return fn("named_struct", (Object[]) namesAndValues); }

    public static Column map(Column... keysAndValues) { return fn("map", (Object[]) keysAndValues); }

    public static Column create_map(Column... keysAndValues) { return fn("map", (Object[]) keysAndValues); }

    public static Column map_keys(Column e) { return fn("map_keys", e); }

    public static Column map_values(Column e) { return fn("map_values", e); }

    public static Column array_contains(Column column, Object value) { return fn("array_contains", column, value); }

    public static Column array_distinct(Column e) { return fn("array_distinct", e); }

    public static Column sort_array(Column e) { return fn("sort_array", e); }

    public static Column sort_array(Column e, boolean asc) { return fn("sort_array", e, asc); }

    public static Column array_join(Column column, String delimiter) { return fn("array_join", column, delimiter); }

    public static Column array_join(Column column, String delimiter, String nullReplacement) {
        return fn("array_join", column, delimiter, nullReplacement);
    }

    public static Column flatten(Column e) { return fn("flatten", e); }

    public static Column slice(Column x, int start, int length) { return fn("slice", x, start, length); }

    // ----- function library: JSON (JsonFunctions) -----
    public static Column get_json_object(Column e, String path) { return fn("get_json_object", e, path); }

    /**
     * {@code json_tuple(json, "a", "b")}: a generator giving one row per input with columns {@code c0, c1, ...}, the
     * top-level fields' values as strings (NULL when missing or when the text is not JSON), as Spark. Built as
     * {@code inline(array(struct(get_json_object(json, '$.a') AS c0, ...)))}, which has exactly those semantics.
     */
    public static Column json_tuple(Column json, String... fields) {
        if (fields.length == 0) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "json_tuple")
                    .with("reason", "give at least one field name").build();
        }
        Column[] values = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            String path = f.matches("[A-Za-z_][A-Za-z0-9_]*") ? "$." + f : "$['" + f.replace("'", "\\'") + "']";
            values[i] = get_json_object(json, path).alias("c" + i);
        }
        return inline(array(struct(values)));
    }

    public static Column schema_of_json(String json) { return fn("schema_of_json", json); }

    public static Column schema_of_json(Column json) { return fn("schema_of_json", json); }

    // ----- function library: hashing (HashFunctions) -----
    public static Column md5(Column e) { return fn("md5", e); }

    public static Column sha1(Column e) { return fn("sha1", e); }

    public static Column sha2(Column e, int numBits) { return fn("sha2", e, numBits); }

    public static Column crc32(Column e) { return fn("crc32", e); }

    public static Column hash(Column... columns) { return fn("hash", (Object[]) columns); }

    public static Column xxhash64(Column... columns) { return fn("xxhash64", (Object[]) columns); }

    // ---- window functions (use with Column.over(WindowSpec)) ----

    public static Column row_number() { return windowFunction(WindowExpression.Function.ROW_NUMBER, "row_number"); }

    public static Column rank() { return windowFunction(WindowExpression.Function.RANK, "RANK"); }

    public static Column dense_rank() { return windowFunction(WindowExpression.Function.DENSE_RANK, "DENSE_RANK"); }

    public static Column percent_rank() { return windowFunction(WindowExpression.Function.PERCENT_RANK, "PERCENT_RANK"); }

    public static Column cume_dist() { return windowFunction(WindowExpression.Function.CUME_DIST, "cume_dist"); }

    /** The bucket (1..n) of the row when the ordered partition is cut into {@code n} near-equal groups. */
    public static Column ntile(int n) { return windowFunction(WindowExpression.Function.NTILE, "ntile", Literal.of(n)); }

    /** The value {@code offset} rows before the current one in the window, or NULL past the partition's start. */
    public static Column lag(Column c, int offset) { return lag(c, offset, null); }

    public static Column lag(String columnName, int offset) { return lag(col(columnName), offset); }

    /** As {@link #lag(Column, int)}, with {@code defaultValue} (a value or a column) past the start. */
    public static Column lag(Column c, int offset, Object defaultValue) {
        return windowFunction(WindowExpression.Function.LAG, "lag", c.expr(), Literal.of(offset), Column.toExpr(defaultValue));
    }

    public static Column lead(Column c, int offset) { return lead(c, offset, null); }

    public static Column lead(String columnName, int offset) { return lead(col(columnName), offset); }

    public static Column lead(Column c, int offset, Object defaultValue) {
        return windowFunction(WindowExpression.Function.LEAD, "lead", c.expr(), Literal.of(offset), Column.toExpr(defaultValue));
    }

    /** The first value of the frame (NULL included unless {@code ignoreNulls}). */
    public static Column first_value(Column c) { return first_value(c, false); }

    public static Column first_value(Column c, boolean ignoreNulls) {
        return new Column(new WindowExpression(WindowExpression.Function.FIRST_VALUE, "first_value", List.of(c.expr()),
                List.of(), List.of(), null, ignoreNulls));
    }

    public static Column last_value(Column c) { return last_value(c, false); }

    public static Column last_value(Column c, boolean ignoreNulls) {
        return new Column(new WindowExpression(WindowExpression.Function.LAST_VALUE, "last_value", List.of(c.expr()),
                List.of(), List.of(), null, ignoreNulls));
    }

    private static Column windowFunction(WindowExpression.Function f, String name, Expression... args) {
        return new Column(new WindowExpression(f, name, List.of(args), List.of(), List.of(), null, false));
    }
}
