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
import dev.sluice.expr.HigherOrderFunction;
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

    /** A SQL expression, parsed as Spark's {@code expr}: {@code expr("coalesce(a, 0) + 1 AS b")}. */
    public static Column expr(String sql) { return dev.sluice.sql.SqlParser.parseExpression(sql); }

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
        dev.sluice.types.TypeDepth.check(schema, "The schema given to from_json");
        return new Column(new FromJson(json.expr(), schema, JsonOptions.of(options).validateForFromJson()));
    }

    /** SQL's {@code from_json(json, 'a INT, b DOUBLE', map('k', 'v'))}: the schema and the options must be literals. */
    public static Column from_json(Column json, Column schema, Column options) {
        return from_json(json, literalSchema("from_json", schema), literalOptions("from_json", options));
    }

    /** SQL's {@code to_json(value, map('k', 'v'))}: the options must be literals. */
    public static Column to_json(Column c, Column options) { return to_json(c, literalOptions("to_json", options)); }

    private static DataType literalSchema(String fn, Column schema) {
        if (schema.expr() instanceof Literal l && l.value() instanceof String s) {
            String t = s.strip();
            return t.toLowerCase(java.util.Locale.ROOT).startsWith("struct<") ? DdlParser.parseType(t) : dev.sluice.types.StructType.fromDDL(t);
        }
        throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", fn).with("reason", "the schema must be a string literal").build();
    }

    /** {@code map('k1', 'v1', ...)} of string literals as options. */
    private static Map<String, String> literalOptions(String fn, Column options) {
        if (options.expr() instanceof dev.sluice.expr.FunctionCall call && call.name().equalsIgnoreCase("map")) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            List<Expression> a = call.arguments();
            for (int i = 0; i + 1 < a.size(); i += 2) {
                if (!(a.get(i) instanceof Literal k) || !(a.get(i + 1) instanceof Literal v)) break;
                out.put(String.valueOf(k.value()), String.valueOf(v.value()));
                if (i + 2 == a.size()) return out;
            }
            if (a.isEmpty()) return out;
        }
        throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", fn).with("reason", "the options must be map(...) of string literals").build();
    }

    public static Column to_json(Column c) { return to_json(c, Map.of()); }

    public static Column to_json(Column c, Map<String, String> options) { return new Column(new ToJson(c.expr(), JsonOptions.of(options))); }

    /** {@code struct(a, b)}: a struct column whose fields are named after the columns. */
    public static Column struct(Column... columns) { return new Column(dev.sluice.expr.CreateStruct.of(exprs(columns))); }

    /** Calls a function of the registry by name, as Spark's {@code call_function}. */
    public static Column call_function(String name, Column... arguments) {
        return new Column(new dev.sluice.expr.FunctionCall(name, exprs(arguments), null));
    }

    /**
     * Calls a user-defined function that is not in the registry: the call carries {@code function}, so it runs
     * wherever the plan runs on the embedded engine (the Spark backend refuses it with a coded error).
     */
    public static Column call_function(dev.sluice.expr.ScalarFunction function, Column... arguments) {
        return new Column(dev.sluice.expr.FunctionCall.inline(function, exprs(arguments)));
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

    /**
     * {@code stack(n, v1, ..., vk)}: the values as n rows of ⌈k/n⌉ columns named col0, col1, ... (missing ones
     * NULL), as Spark's stack; n must be a literal. Runs as inline over an array of structs.
     */
    public static Column stack(Column n, Column... values) {
        if (!(n.expr() instanceof Literal l) || !(l.value() instanceof Integer rows) || rows < 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "stack")
                    .with("reason", "the number of rows must be a positive integer literal").build();
        }
        int width = (values.length + rows - 1) / rows;
        List<Column> structs = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Column> fields = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                fields.add(lit("col" + c));
                fields.add(i < values.length ? values[i] : lit(null));
            }
            structs.add(call_function("named_struct", fields.toArray(new Column[0])));
        }
        return inline(call_function("array", structs.toArray(new Column[0])));
    }

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

    // ---- partition transforms: only inside DataFrameWriterV2.partitionedBy, as Spark's (anywhere else the call has no function) ----

    /** Partition transform: by the year of a date or timestamp. */
    public static Column years(Column e) { return fn("years", e); }

    /** Partition transform: by the month of a date or timestamp. */
    public static Column months(Column e) { return fn("months", e); }

    /** Partition transform: by the day of a date or timestamp. */
    public static Column days(Column e) { return fn("days", e); }

    /** Partition transform: by the hour of a timestamp. */
    public static Column hours(Column e) { return fn("hours", e); }

    /** Partition transform: into {@code numBuckets} buckets by a hash of the column. */
    public static Column bucket(int numBuckets, Column e) { return fn("bucket", numBuckets, e); }

    /** As {@link #bucket(int, Column)} with the count as a literal column. */
    public static Column bucket(Column numBuckets, Column e) { return fn("bucket", numBuckets, e); }

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

    /** {@code current_time()}: the session zone's time of day when the query runs, a time(6). */
    public static Column current_time() { return fn("current_time"); }

    /** {@code current_time(precision)}: as {@link #current_time()}, a time(precision) (0 to 6). */
    public static Column current_time(int precision) { return fn("current_time", precision); }

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

    // aggregates over the group's whole list of values (dev.sluice.expr.agg.TupleAggregates)

    /** The number of rows where {@code c} is TRUE. */
    public static Column count_if(Column c) { return tupleAggregate("count_if", c); }

    /** TRUE when every non-null value is TRUE; NULL without values. */
    public static Column bool_and(Column c) { return tupleAggregate("bool_and", c); }

    public static Column every(Column c) { return tupleAggregate("every", c); }

    /** TRUE when some non-null value is TRUE; NULL without values. */
    public static Column bool_or(Column c) { return tupleAggregate("bool_or", c); }

    public static Column some(Column c) { return tupleAggregate("some", c); }

    public static Column any(Column c) { return tupleAggregate("any", c); }

    /** The value of {@code c} on the row with the largest {@code ordering}. */
    public static Column max_by(Column c, Column ordering) { return tupleAggregate("max_by", c, ordering); }

    public static Column min_by(Column c, Column ordering) { return tupleAggregate("min_by", c, ordering); }

    public static Column median(Column c) { return tupleAggregate("median", c); }

    /** Exact percentile (a constant number or array of numbers in [0, 1]), interpolated as Spark. */
    public static Column percentile(Column c, Column percentage) { return tupleAggregate("percentile", c, percentage); }

    public static Column percentile(Column c, Column percentage, Column frequency) { return tupleAggregate("percentile", c, percentage, frequency); }

    /** A value of the group at the given rank(s); Sluice keeps every value, so the answer is exact. */
    public static Column percentile_approx(Column c, Column percentage, Column accuracy) { return tupleAggregate("percentile_approx", c, percentage, accuracy); }

    public static Column percentile_approx(Column c, Column percentage) { return tupleAggregate("percentile_approx", c, percentage); }

    public static Column approx_percentile(Column c, Column percentage, Column accuracy) { return tupleAggregate("approx_percentile", c, percentage, accuracy); }

    public static Column approx_percentile(Column c, Column percentage) { return tupleAggregate("approx_percentile", c, percentage); }

    /** The most frequent value (ties: the smallest). */
    public static Column mode(Column c) { return tupleAggregate("mode", c); }

    public static Column mode(Column c, Column deterministic) { return tupleAggregate("mode", c, deterministic); }

    public static Column array_agg(Column c) { return collect_list(c); }

    /** The group's non-null strings joined by {@code delimiter} (none by default), in input order. */
    public static Column listagg(Column c) { return tupleAggregate("listagg", c); }

    public static Column listagg(Column c, Column delimiter) { return tupleAggregate("listagg", c, delimiter); }

    public static Column string_agg(Column c) { return tupleAggregate("string_agg", c); }

    public static Column string_agg(Column c, Column delimiter) { return tupleAggregate("string_agg", c, delimiter); }

    public static Column regr_count(Column y, Column x) { return tupleAggregate("regr_count", y, x); }

    public static Column regr_avgx(Column y, Column x) { return tupleAggregate("regr_avgx", y, x); }

    public static Column regr_avgy(Column y, Column x) { return tupleAggregate("regr_avgy", y, x); }

    public static Column regr_sxx(Column y, Column x) { return tupleAggregate("regr_sxx", y, x); }

    public static Column regr_syy(Column y, Column x) { return tupleAggregate("regr_syy", y, x); }

    public static Column regr_sxy(Column y, Column x) { return tupleAggregate("regr_sxy", y, x); }

    public static Column regr_slope(Column y, Column x) { return tupleAggregate("regr_slope", y, x); }

    public static Column regr_intercept(Column y, Column x) { return tupleAggregate("regr_intercept", y, x); }

    public static Column regr_r2(Column y, Column x) { return aggregate(dev.sluice.expr.agg.Comoments.of("regr_r2", y.expr(), x.expr()), false); }

    public static Column corr(Column a, Column b) { return aggregate(dev.sluice.expr.agg.Comoments.of("corr", a.expr(), b.expr()), false); }

    public static Column covar_pop(Column a, Column b) { return aggregate(dev.sluice.expr.agg.Comoments.of("covar_pop", a.expr(), b.expr()), false); }

    public static Column covar_samp(Column a, Column b) { return aggregate(dev.sluice.expr.agg.Comoments.of("covar_samp", a.expr(), b.expr()), false); }

    public static Column skewness(Column c) { return moment("skewness", c); }

    public static Column kurtosis(Column c) { return moment("kurtosis", c); }

    /** Approximate histogram of {@code nb} bins as Spark's histogram_numeric (exact when there are no more distinct values than bins). */
    public static Column histogram_numeric(Column c, Column nb) { return tupleAggregate("histogram_numeric", c, nb); }

    /** The merged schema of the group's variants, as Spark's schema_of_variant_agg. */
    public static Column schema_of_variant_agg(Column c) { return tupleAggregate("schema_of_variant_agg", c); }

    /** A bitmap (4096-byte binary) with the group's bit positions set. */
    public static Column bitmap_construct_agg(Column position) { return tupleAggregate("bitmap_construct_agg", position); }

    public static Column bitmap_or_agg(Column bitmap) { return tupleAggregate("bitmap_or_agg", bitmap); }

    public static Column bitmap_and_agg(Column bitmap) { return tupleAggregate("bitmap_and_agg", bitmap); }

    public static Column bitmap_bucket_number(Column c) { return call_function("bitmap_bucket_number", c); }

    public static Column bitmap_bit_position(Column c) { return call_function("bitmap_bit_position", c); }

    public static Column bitmap_count(Column c) { return call_function("bitmap_count", c); }

    public static Column product(Column c) { return tupleAggregate("product", c); }

    public static Column bit_and(Column c) { return tupleAggregate("bit_and", c); }

    public static Column bit_or(Column c) { return tupleAggregate("bit_or", c); }

    public static Column bit_xor(Column c) { return tupleAggregate("bit_xor", c); }

    /** sum, with NULL instead of an overflow error. */
    public static Column try_sum(Column c) { return tupleAggregate("try_sum", c); }

    public static Column try_avg(Column c) { return tupleAggregate("try_avg", c); }

    private static Column tupleAggregate(String name, Column... args) {
        return aggregate(dev.sluice.expr.agg.TupleAggregates.of(name, exprs(args)), false);
    }

    // functions that are operators or conditionals under another name

    /** {@code a + b} that gives NULL instead of failing on overflow. */
    public static Column try_add(Column a, Column b) { return ReplacedFunctions.call(ReplacedFunctions.TRY_ADD, a, b); }

    public static Column try_subtract(Column a, Column b) { return ReplacedFunctions.call(ReplacedFunctions.TRY_SUBTRACT, a, b); }

    public static Column try_multiply(Column a, Column b) { return ReplacedFunctions.call(ReplacedFunctions.TRY_MULTIPLY, a, b); }

    /** {@code a / b} that gives NULL for a zero divisor or an overflow. */
    public static Column try_divide(Column a, Column b) { return ReplacedFunctions.call(ReplacedFunctions.TRY_DIVIDE, a, b); }

    public static Column try_mod(Column a, Column b) { return ReplacedFunctions.call(ReplacedFunctions.TRY_MOD, a, b); }

    /** {@code a % b}. */
    public static Column mod(Column a, Column b) { return ReplacedFunctions.call(ReplacedFunctions.MOD, a, b); }

    public static Column positive(Column c) { return ReplacedFunctions.call(ReplacedFunctions.POSITIVE, c); }

    public static Column negative(Column c) { return c.negate(); }

    /** {@code if(condition, a, b)}: a when the condition is TRUE, else b. */
    @SuppressWarnings("checkstyle:MethodName")
    public static Column if_(Column condition, Column a, Column b) {
        return ReplacedFunctions.call(ReplacedFunctions.IF, condition, a, b);
    }

    public static Column isnull(Column c) { return new Column(new dev.sluice.expr.IsNull(c.expr())); }

    public static Column isnotnull(Column c) { return new Column(new dev.sluice.expr.IsNotNull(c.expr())); }

    /** {@code a <=> b}: equality where two NULLs are equal and NULL with a value is false. */
    public static Column equal_null(Column a, Column b) {
        return ReplacedFunctions.call(ReplacedFunctions.EQUAL_NULL, a, b);
    }

    /** {@code coalesce(c, 0)}. */
    public static Column zeroifnull(Column c) { return ReplacedFunctions.call(ReplacedFunctions.ZEROIFNULL, c); }

    /** NULL when {@code c} is 0, else c. */
    public static Column nullifzero(Column c) { return ReplacedFunctions.call(ReplacedFunctions.NULLIFZERO, c); }

    // higher-order functions: a lambda as a SQL lambda column (expr("x -> x + 1")) or a Java function of columns

    public static Column transform(Column array, Column lambda) { return higherOrder(HigherOrderFunction.Kind.TRANSFORM, array, lambda); }

    public static Column transform(Column array, java.util.function.Function<Column, Column> f) { return transform(array, lambda(f)); }

    public static Column transform(Column array, java.util.function.BiFunction<Column, Column, Column> f) { return transform(array, lambda(f)); }

    public static Column filter(Column array, Column lambda) { return higherOrder(HigherOrderFunction.Kind.FILTER, array, lambda); }

    public static Column filter(Column array, java.util.function.Function<Column, Column> f) { return filter(array, lambda(f)); }

    public static Column filter(Column array, java.util.function.BiFunction<Column, Column, Column> f) { return filter(array, lambda(f)); }

    public static Column exists(Column array, Column lambda) { return higherOrder(HigherOrderFunction.Kind.EXISTS, array, lambda); }

    public static Column exists(Column array, java.util.function.Function<Column, Column> f) { return exists(array, lambda(f)); }

    public static Column forall(Column array, Column lambda) { return higherOrder(HigherOrderFunction.Kind.FORALL, array, lambda); }

    public static Column forall(Column array, java.util.function.Function<Column, Column> f) { return forall(array, lambda(f)); }

    public static Column aggregate(Column array, Column zero, Column merge) { return higherOrder(HigherOrderFunction.Kind.AGGREGATE, array, zero, merge); }

    public static Column aggregate(Column array, Column zero, Column merge, Column finish) {
        return higherOrder(HigherOrderFunction.Kind.AGGREGATE, array, zero, merge, finish);
    }

    public static Column aggregate(Column array, Column zero, java.util.function.BiFunction<Column, Column, Column> merge) {
        return aggregate(array, zero, lambda(merge));
    }

    public static Column aggregate(Column array, Column zero, java.util.function.BiFunction<Column, Column, Column> merge,
                                   java.util.function.Function<Column, Column> finish) {
        return aggregate(array, zero, lambda(merge), lambda(finish));
    }

    public static Column reduce(Column array, Column zero, Column merge) { return higherOrder(HigherOrderFunction.Kind.REDUCE, array, zero, merge); }

    public static Column reduce(Column array, Column zero, Column merge, Column finish) {
        return higherOrder(HigherOrderFunction.Kind.REDUCE, array, zero, merge, finish);
    }

    public static Column reduce(Column array, Column zero, java.util.function.BiFunction<Column, Column, Column> merge) {
        return reduce(array, zero, lambda(merge));
    }

    public static Column zip_with(Column left, Column right, Column lambda) { return higherOrder(HigherOrderFunction.Kind.ZIP_WITH, left, right, lambda); }

    public static Column zip_with(Column left, Column right, java.util.function.BiFunction<Column, Column, Column> f) {
        return zip_with(left, right, lambda(f));
    }

    public static Column map_filter(Column map, Column lambda) { return higherOrder(HigherOrderFunction.Kind.MAP_FILTER, map, lambda); }

    public static Column map_filter(Column map, java.util.function.BiFunction<Column, Column, Column> f) { return map_filter(map, lambda(f)); }

    public static Column transform_keys(Column map, Column lambda) { return higherOrder(HigherOrderFunction.Kind.TRANSFORM_KEYS, map, lambda); }

    public static Column transform_keys(Column map, java.util.function.BiFunction<Column, Column, Column> f) { return transform_keys(map, lambda(f)); }

    public static Column transform_values(Column map, Column lambda) { return higherOrder(HigherOrderFunction.Kind.TRANSFORM_VALUES, map, lambda); }

    public static Column transform_values(Column map, java.util.function.BiFunction<Column, Column, Column> f) { return transform_values(map, lambda(f)); }

    public static Column map_zip_with(Column left, Column right, Column lambda) { return higherOrder(HigherOrderFunction.Kind.MAP_ZIP_WITH, left, right, lambda); }

    /** {@code array_sort(array, (left, right) -> int)}: sorted by a comparator (negative, 0, positive). */
    public static Column array_sort(Column array, Column comparator) { return higherOrder(HigherOrderFunction.Kind.ARRAY_SORT, array, comparator); }

    public static Column array_sort(Column array, java.util.function.BiFunction<Column, Column, Column> comparator) {
        return array_sort(array, lambda(comparator));
    }

    private static Column higherOrder(HigherOrderFunction.Kind kind, Column... args) {
        return new Column(HigherOrderFunction.of(kind, exprs(args)));
    }

    private static final java.util.concurrent.atomic.AtomicInteger LAMBDA_NAMES = new java.util.concurrent.atomic.AtomicInteger();

    /** A lambda column from a Java function; parameter names are fresh so nested lambdas never clash. */
    private static Column lambda(java.util.function.Function<Column, Column> f) {
        String x = "x_" + LAMBDA_NAMES.incrementAndGet();
        return new Column(dev.sluice.expr.LambdaFunction.of(List.of(x), f.apply(col("`" + x + "`")).expr()));
    }

    private static Column lambda(java.util.function.BiFunction<Column, Column, Column> f) {
        String x = "x_" + LAMBDA_NAMES.incrementAndGet(), y = "y_" + LAMBDA_NAMES.incrementAndGet();
        return new Column(dev.sluice.expr.LambdaFunction.of(List.of(x, y), f.apply(col("`" + x + "`"), col("`" + y + "`")).expr()));
    }

    // registry functions without a special form: same arguments as in SQL (dev.sluice.expr.fn families)

    public static Column acos(Column... args) { return call_function("acos", args); }

    public static Column acosh(Column... args) { return call_function("acosh", args); }

    public static Column aes_decrypt(Column... args) { return call_function("aes_decrypt", args); }

    public static Column aes_encrypt(Column... args) { return call_function("aes_encrypt", args); }

    public static Column array_append(Column... args) { return call_function("array_append", args); }

    public static Column array_compact(Column... args) { return call_function("array_compact", args); }

    public static Column array_except(Column... args) { return call_function("array_except", args); }

    public static Column array_insert(Column... args) { return call_function("array_insert", args); }

    public static Column array_intersect(Column... args) { return call_function("array_intersect", args); }

    public static Column array_max(Column... args) { return call_function("array_max", args); }

    public static Column array_min(Column... args) { return call_function("array_min", args); }

    public static Column array_position(Column... args) { return call_function("array_position", args); }

    public static Column array_prepend(Column... args) { return call_function("array_prepend", args); }

    public static Column array_remove(Column... args) { return call_function("array_remove", args); }

    public static Column array_repeat(Column... args) { return call_function("array_repeat", args); }

    public static Column array_size(Column... args) { return call_function("array_size", args); }

    public static Column array_union(Column... args) { return call_function("array_union", args); }

    public static Column arrays_overlap(Column... args) { return call_function("arrays_overlap", args); }

    public static Column arrays_zip(Column... args) { return call_function("arrays_zip", args); }

    public static Column ascii(Column... args) { return call_function("ascii", args); }

    public static Column asin(Column... args) { return call_function("asin", args); }

    public static Column asinh(Column... args) { return call_function("asinh", args); }

    public static Column assert_true(Column... args) { return call_function("assert_true", args); }

    public static Column atan(Column... args) { return call_function("atan", args); }

    public static Column atan2(Column... args) { return call_function("atan2", args); }

    public static Column atanh(Column... args) { return call_function("atanh", args); }

    public static Column base64(Column... args) { return call_function("base64", args); }

    public static Column bin(Column... args) { return call_function("bin", args); }

    public static Column bit_count(Column... args) { return call_function("bit_count", args); }

    public static Column bit_get(Column... args) { return call_function("bit_get", args); }

    public static Column bit_length(Column... args) { return call_function("bit_length", args); }

    public static Column btrim(Column... args) { return call_function("btrim", args); }

    public static Column cardinality(Column... args) { return call_function("cardinality", args); }

    public static Column cbrt(Column... args) { return call_function("cbrt", args); }

    public static Column char_length(Column... args) { return call_function("char_length", args); }

    public static Column character_length(Column... args) { return call_function("character_length", args); }

    public static Column chr(Column... args) { return call_function("chr", args); }

    public static Column collation(Column... args) { return call_function("collation", args); }

    public static Column contains(Column... args) { return call_function("contains", args); }

    public static Column conv(Column... args) { return call_function("conv", args); }

    public static Column cos(Column... args) { return call_function("cos", args); }

    public static Column cosh(Column... args) { return call_function("cosh", args); }

    public static Column cot(Column... args) { return call_function("cot", args); }

    public static Column csc(Column... args) { return call_function("csc", args); }

    public static Column current_catalog(Column... args) { return call_function("current_catalog", args); }

    public static Column current_database(Column... args) { return call_function("current_database", args); }

    public static Column current_schema(Column... args) { return call_function("current_schema", args); }

    public static Column current_timezone(Column... args) { return call_function("current_timezone", args); }

    /** The user the engine runs as ({@code SPARK_USER}, else the JVM's {@code user.name}), as Spark's current_user(). */
    public static Column current_user(Column... args) { return call_function("current_user", args); }

    public static Column user(Column... args) { return call_function("user", args); }

    public static Column session_user(Column... args) { return call_function("session_user", args); }

    public static Column curdate(Column... args) { return call_function("curdate", args); }

    public static Column now(Column... args) { return call_function("now", args); }

    public static Column localtimestamp(Column... args) { return call_function("localtimestamp", args); }

    public static Column date_diff(Column... args) { return call_function("date_diff", args); }

    public static Column date_from_unix_date(Column... args) { return call_function("date_from_unix_date", args); }

    public static Column date_part(Column... args) { return call_function("date_part", args); }

    public static Column datepart(Column... args) { return call_function("datepart", args); }

    public static Column dayname(Column... args) { return call_function("dayname", args); }

    public static Column decode(Column... args) { return call_function("decode", args); }

    public static Column degrees(Column... args) { return call_function("degrees", args); }

    public static Column div(Column... args) { return call_function("div", args); }

    public static Column e(Column... args) { return call_function("e", args); }

    public static Column elt(Column... args) { return call_function("elt", args); }

    public static Column encode(Column... args) { return call_function("encode", args); }

    public static Column endswith(Column... args) { return call_function("endswith", args); }

    public static Column expm1(Column... args) { return call_function("expm1", args); }

    public static Column factorial(Column... args) { return call_function("factorial", args); }

    public static Column find_in_set(Column... args) { return call_function("find_in_set", args); }

    public static Column format_number(Column... args) { return call_function("format_number", args); }

    public static Column from_csv(Column... args) { return call_function("from_csv", args); }

    public static Column from_utc_timestamp(Column... args) { return call_function("from_utc_timestamp", args); }

    public static Column get(Column... args) { return call_function("get", args); }

    public static Column getbit(Column... args) { return call_function("getbit", args); }

    public static Column hex(Column... args) { return call_function("hex", args); }

    public static Column hypot(Column... args) { return call_function("hypot", args); }

    public static Column is_valid_utf8(Column... args) { return call_function("is_valid_utf8", args); }

    public static Column is_variant_null(Column... args) { return call_function("is_variant_null", args); }

    public static Column json_array_length(Column... args) { return call_function("json_array_length", args); }

    public static Column json_object_keys(Column... args) { return call_function("json_object_keys", args); }

    public static Column lcase(Column... args) { return call_function("lcase", args); }

    public static Column left(Column... args) { return call_function("left", args); }

    public static Column len(Column... args) { return call_function("len", args); }

    public static Column levenshtein(Column... args) { return call_function("levenshtein", args); }

    public static Column log10(Column... args) { return call_function("log10", args); }

    public static Column log1p(Column... args) { return call_function("log1p", args); }

    public static Column log2(Column... args) { return call_function("log2", args); }

    public static Column luhn_check(Column... args) { return call_function("luhn_check", args); }

    public static Column make_date(Column... args) { return call_function("make_date", args); }

    /** {@code make_time(hour, minute, second)}: a TIME (Spark 4.1; needs spark.sql.timeType.enabled). */
    public static Column make_time(Column... args) { return call_function("make_time", args); }

    public static Column make_timestamp(Column... args) { return call_function("make_timestamp", args); }

    public static Column make_timestamp_ltz(Column... args) { return call_function("make_timestamp_ltz", args); }

    /** {@code make_timestamp_ntz(year, month, day, hour, min, sec)} or {@code make_timestamp_ntz(date, time)}. */
    public static Column make_timestamp_ntz(Column... args) { return call_function("make_timestamp_ntz", args); }

    public static Column make_valid_utf8(Column... args) { return call_function("make_valid_utf8", args); }

    public static Column map_concat(Column... args) { return call_function("map_concat", args); }

    public static Column map_contains_key(Column... args) { return call_function("map_contains_key", args); }

    public static Column map_entries(Column... args) { return call_function("map_entries", args); }

    public static Column map_from_arrays(Column... args) { return call_function("map_from_arrays", args); }

    public static Column map_from_entries(Column... args) { return call_function("map_from_entries", args); }

    public static Column mask(Column... args) { return call_function("mask", args); }

    public static Column monthname(Column... args) { return call_function("monthname", args); }

    public static Column next_day(Column... args) { return call_function("next_day", args); }

    public static Column octet_length(Column... args) { return call_function("octet_length", args); }

    public static Column overlay(Column... args) { return call_function("overlay", args); }

    public static Column parse_json(Column... args) { return call_function("parse_json", args); }

    public static Column parse_url(Column... args) { return call_function("parse_url", args); }

    public static Column pi(Column... args) { return call_function("pi", args); }

    public static Column quote(Column... args) { return call_function("quote", args); }

    public static Column radians(Column... args) { return call_function("radians", args); }

    public static Column raise_error(Column... args) { return call_function("raise_error", args); }

    public static Column regexp(Column... args) { return call_function("regexp", args); }

    public static Column regexp_count(Column... args) { return call_function("regexp_count", args); }

    public static Column regexp_extract_all(Column... args) { return call_function("regexp_extract_all", args); }

    public static Column regexp_instr(Column... args) { return call_function("regexp_instr", args); }

    public static Column regexp_like(Column... args) { return call_function("regexp_like", args); }

    public static Column regexp_substr(Column... args) { return call_function("regexp_substr", args); }

    public static Column replace(Column... args) { return call_function("replace", args); }

    public static Column right(Column... args) { return call_function("right", args); }

    public static Column rint(Column... args) { return call_function("rint", args); }

    public static Column schema_of_csv(Column... args) { return call_function("schema_of_csv", args); }

    public static Column schema_of_variant(Column... args) { return call_function("schema_of_variant", args); }

    public static Column sec(Column... args) { return call_function("sec", args); }

    public static Column sentences(Column... args) { return call_function("sentences", args); }

    public static Column sequence(Column... args) { return call_function("sequence", args); }

    public static Column shiftleft(Column... args) { return call_function("shiftleft", args); }

    public static Column shiftright(Column... args) { return call_function("shiftright", args); }

    public static Column shiftrightunsigned(Column... args) { return call_function("shiftrightunsigned", args); }

    public static Column sign(Column... args) { return call_function("sign", args); }

    public static Column signum(Column... args) { return call_function("signum", args); }

    public static Column sin(Column... args) { return call_function("sin", args); }

    public static Column sinh(Column... args) { return call_function("sinh", args); }

    public static Column soundex(Column... args) { return call_function("soundex", args); }

    public static Column space(Column... args) { return call_function("space", args); }

    public static Column split_part(Column... args) { return call_function("split_part", args); }

    public static Column startswith(Column... args) { return call_function("startswith", args); }

    public static Column str_to_map(Column... args) { return call_function("str_to_map", args); }

    public static Column substr(Column... args) {
        // Spark shows the default length: substr(s, 5, 2147483647)
        return args.length == 2 ? call_function("substr", args[0], args[1], lit(Integer.MAX_VALUE)) : call_function("substr", args);
    }

    public static Column tan(Column... args) { return call_function("tan", args); }

    public static Column tanh(Column... args) { return call_function("tanh", args); }

    public static Column timestamp_micros(Column... args) { return call_function("timestamp_micros", args); }

    public static Column timestamp_millis(Column... args) { return call_function("timestamp_millis", args); }

    public static Column timestamp_seconds(Column... args) { return call_function("timestamp_seconds", args); }

    /** {@code time_diff(unit, start, end)}: whole HOURs, MINUTEs, SECONDs, MILLISECONDs or MICROSECONDs from start to end. */
    public static Column time_diff(Column... args) { return call_function("time_diff", args); }

    /** {@code time_trunc(unit, time)}: the TIME truncated to the unit. */
    public static Column time_trunc(Column... args) { return call_function("time_trunc", args); }

    /** {@code to_time(text[, format])}: a TIME; CANNOT_PARSE_TIME on text that does not parse. */
    public static Column to_time(Column... args) { return call_function("to_time", args); }

    public static Column to_binary(Column... args) { return call_function("to_binary", args); }

    public static Column to_char(Column... args) { return call_function("to_char", args); }

    public static Column to_csv(Column... args) { return call_function("to_csv", args); }

    public static Column to_number(Column... args) { return call_function("to_number", args); }

    public static Column to_timestamp_ltz(Column... args) { return call_function("to_timestamp_ltz", args); }

    public static Column to_unix_timestamp(Column... args) { return call_function("to_unix_timestamp", args); }

    public static Column to_utc_timestamp(Column... args) { return call_function("to_utc_timestamp", args); }

    public static Column to_varchar(Column... args) { return call_function("to_varchar", args); }

    public static Column to_variant_object(Column... args) { return call_function("to_variant_object", args); }

    public static Column try_aes_decrypt(Column... args) { return call_function("try_aes_decrypt", args); }

    public static Column try_make_date(Column... args) { return call_function("try_make_date", args); }

    public static Column try_make_timestamp(Column... args) { return call_function("try_make_timestamp", args); }

    public static Column try_make_timestamp_ltz(Column... args) { return call_function("try_make_timestamp_ltz", args); }

    public static Column try_make_timestamp_ntz(Column... args) { return call_function("try_make_timestamp_ntz", args); }

    public static Column try_parse_json(Column... args) { return call_function("try_parse_json", args); }

    public static Column try_parse_url(Column... args) { return call_function("try_parse_url", args); }

    public static Column try_to_binary(Column... args) { return call_function("try_to_binary", args); }

    public static Column try_to_date(Column... args) { return call_function("try_to_date", args); }

    public static Column try_to_number(Column... args) { return call_function("try_to_number", args); }

    public static Column try_to_timestamp(Column... args) { return call_function("try_to_timestamp", args); }

    /** {@code try_to_time(text[, format])}: as to_time, NULL on text that does not parse. */
    public static Column try_to_time(Column... args) { return call_function("try_to_time", args); }

    public static Column try_url_decode(Column... args) { return call_function("try_url_decode", args); }

    public static Column try_validate_utf8(Column... args) { return call_function("try_validate_utf8", args); }

    public static Column try_variant_get(Column... args) { return call_function("try_variant_get", args); }

    public static Column typeof(Column... args) { return call_function("typeof", args); }

    public static Column ucase(Column... args) { return call_function("ucase", args); }

    public static Column unbase64(Column... args) { return call_function("unbase64", args); }

    public static Column unhex(Column... args) { return call_function("unhex", args); }

    public static Column unix_date(Column... args) { return call_function("unix_date", args); }

    public static Column unix_micros(Column... args) { return call_function("unix_micros", args); }

    public static Column unix_millis(Column... args) { return call_function("unix_millis", args); }

    public static Column unix_seconds(Column... args) { return call_function("unix_seconds", args); }

    public static Column url_decode(Column... args) { return call_function("url_decode", args); }

    public static Column url_encode(Column... args) { return call_function("url_encode", args); }

    public static Column validate_utf8(Column... args) { return call_function("validate_utf8", args); }

    public static Column variant_get(Column... args) { return call_function("variant_get", args); }

    public static Column width_bucket(Column... args) { return call_function("width_bucket", args); }

    public static Column xpath(Column... args) { return call_function("xpath", args); }

    public static Column xpath_boolean(Column... args) { return call_function("xpath_boolean", args); }

    public static Column xpath_double(Column... args) { return call_function("xpath_double", args); }

    public static Column xpath_float(Column... args) { return call_function("xpath_float", args); }

    public static Column xpath_int(Column... args) { return call_function("xpath_int", args); }

    public static Column xpath_long(Column... args) { return call_function("xpath_long", args); }

    public static Column xpath_number(Column... args) { return call_function("xpath_number", args); }

    public static Column xpath_string(Column... args) { return call_function("xpath_string", args); }

    // ---- window functions in Spark SQL's other forms ----

    /** The value of the frame's {@code n}-th row (1-based), NULL while the frame has fewer rows. */
    public static Column nth_value(Column c, int n) { return nth_value(c, n, false); }

    /** As {@link #nth_value(Column, int)}, counting only non-NULL values when {@code ignoreNulls}. */
    public static Column nth_value(Column c, int n, boolean ignoreNulls) {
        return new Column(new WindowExpression(WindowExpression.Function.NTH_VALUE, "nth_value", List.of(c.expr(), Literal.of(n)),
                List.of(), List.of(), null, ignoreNulls));
    }

    /** {@code lag(c)}: the previous row's value (offset 1). */
    public static Column lag(Column c) { return lag(c, 1); }

    /** {@code lead(c)}: the next row's value (offset 1). */
    public static Column lead(Column c) { return lead(c, 1); }

    /** SQL's {@code rank(x) OVER (...)}: as Spark, the arguments are replaced by the window's ORDER BY. */
    public static Column rank(Column... ignoredOrderBy) { return rank(); }

    /** SQL's {@code dense_rank(x) OVER (...)}: the arguments are replaced by the window's ORDER BY. */
    public static Column dense_rank(Column... ignoredOrderBy) { return dense_rank(); }

    /** SQL's {@code percent_rank(x) OVER (...)}: the arguments are replaced by the window's ORDER BY. */
    public static Column percent_rank(Column... ignoredOrderBy) { return percent_rank(); }

    // ---- sketches (Apache DataSketches, as Spark): aggregates in dev.sluice.expr.agg.SketchAggregates, the rest in dev.sluice.expr.fn.Sketches ----

    public static Column hll_sketch_agg(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("hll_sketch_agg", exprs(args)), false); }

    public static Column hll_union_agg(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("hll_union_agg", exprs(args)), false); }

    public static Column theta_sketch_agg(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("theta_sketch_agg", exprs(args)), false); }

    public static Column theta_union_agg(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("theta_union_agg", exprs(args)), false); }

    public static Column theta_intersection_agg(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("theta_intersection_agg", exprs(args)), false); }

    public static Column kll_sketch_agg_bigint(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("kll_sketch_agg_bigint", exprs(args)), false); }

    public static Column kll_sketch_agg_float(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("kll_sketch_agg_float", exprs(args)), false); }

    public static Column kll_sketch_agg_double(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("kll_sketch_agg_double", exprs(args)), false); }

    public static Column hll_sketch_estimate(Column... args) { return call_function("hll_sketch_estimate", args); }

    public static Column hll_union(Column... args) { return call_function("hll_union", args); }

    public static Column theta_sketch_estimate(Column... args) { return call_function("theta_sketch_estimate", args); }

    public static Column theta_union(Column... args) { return call_function("theta_union", args); }

    public static Column theta_intersection(Column... args) { return call_function("theta_intersection", args); }

    public static Column theta_difference(Column... args) { return call_function("theta_difference", args); }

    public static Column kll_merge_agg_bigint(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("kll_merge_agg_bigint", exprs(args)), false); }

    public static Column kll_merge_agg_float(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("kll_merge_agg_float", exprs(args)), false); }

    public static Column kll_merge_agg_double(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("kll_merge_agg_double", exprs(args)), false); }

    public static Column kll_sketch_get_n_bigint(Column... args) { return call_function("kll_sketch_get_n_bigint", args); }

    public static Column kll_sketch_get_quantile_bigint(Column... args) { return call_function("kll_sketch_get_quantile_bigint", args); }

    public static Column kll_sketch_get_rank_bigint(Column... args) { return call_function("kll_sketch_get_rank_bigint", args); }

    public static Column kll_sketch_merge_bigint(Column... args) { return call_function("kll_sketch_merge_bigint", args); }

    public static Column kll_sketch_to_string_bigint(Column... args) { return call_function("kll_sketch_to_string_bigint", args); }

    public static Column kll_sketch_get_n_float(Column... args) { return call_function("kll_sketch_get_n_float", args); }

    public static Column kll_sketch_get_quantile_float(Column... args) { return call_function("kll_sketch_get_quantile_float", args); }

    public static Column kll_sketch_get_rank_float(Column... args) { return call_function("kll_sketch_get_rank_float", args); }

    public static Column kll_sketch_merge_float(Column... args) { return call_function("kll_sketch_merge_float", args); }

    public static Column kll_sketch_to_string_float(Column... args) { return call_function("kll_sketch_to_string_float", args); }

    public static Column kll_sketch_get_n_double(Column... args) { return call_function("kll_sketch_get_n_double", args); }

    public static Column kll_sketch_get_quantile_double(Column... args) { return call_function("kll_sketch_get_quantile_double", args); }

    public static Column kll_sketch_get_rank_double(Column... args) { return call_function("kll_sketch_get_rank_double", args); }

    public static Column kll_sketch_merge_double(Column... args) { return call_function("kll_sketch_merge_double", args); }

    public static Column kll_sketch_to_string_double(Column... args) { return call_function("kll_sketch_to_string_double", args); }

    // ---- the task computing a row (dev.sluice.expr.fn.PartitionFunctions) ----

    /** The index of the partition computing the row. */
    public static Column spark_partition_id() { return call_function("spark_partition_id"); }

    /** Unique, increasing ids: the partition index {@code << 33} plus the row's position in its partition (Spark's formula). */
    public static Column monotonically_increasing_id() { return call_function("monotonically_increasing_id"); }

    /** The file the row was read from, "" when none. */
    public static Column input_file_name() { return call_function("input_file_name"); }

    /** Where the split the row was read from starts in its file; -1 when none. */
    public static Column input_file_block_start() { return call_function("input_file_block_start"); }

    /** The length of the split the row was read from; -1 when none. */
    public static Column input_file_block_length() { return call_function("input_file_block_length"); }

    // ---- XML records (dev.sluice.expr.fn.XmlFunctions) ----

    public static Column from_xml(Column... args) { return call_function("from_xml", args); }

    public static Column schema_of_xml(Column... args) { return call_function("schema_of_xml", args); }

    public static Column to_xml(Column... args) { return call_function("to_xml", args); }

    // ---- approx_top_k (dev.sluice.expr.agg.TopKAggregates, dev.sluice.expr.fn.TopKSketches) ----

    public static Column approx_top_k(Column... args) { return aggregate(dev.sluice.expr.agg.TopKAggregates.of("approx_top_k", exprs(args)), false); }

    public static Column approx_top_k_accumulate(Column... args) { return aggregate(dev.sluice.expr.agg.TopKAggregates.of("approx_top_k_accumulate", exprs(args)), false); }

    public static Column approx_top_k_combine(Column... args) { return aggregate(dev.sluice.expr.agg.TopKAggregates.of("approx_top_k_combine", exprs(args)), false); }

    public static Column approx_top_k_estimate(Column... args) { return call_function("approx_top_k_estimate", args); }

    // ---- seeded random values (dev.sluice.expr.fn.SeededRandomFunctions) ----

    /** A random string of 0-9, a-z, A-Z of the given length ({@code randstr(length[, seed])}). */
    public static Column randstr(Column... args) { return call_function("randstr", args); }

    /** A random number between the bounds ({@code uniform(min, max[, seed])}). */
    public static Column uniform(Column... args) { return call_function("uniform", args); }

    /** Spark's count-min sketch of the column ({@code count_min_sketch(col, eps, confidence, seed)}), as binary. */
    public static Column count_min_sketch(Column... args) { return aggregate(dev.sluice.expr.agg.SketchAggregates.of("count_min_sketch", exprs(args)), false); }

    // ---- time windows (dev.sluice.expr.fn.TimeWindowFunctions) ----

    /** The tumbling window holding {@code timeColumn}: {@code struct<start, end>}, e.g. {@code window(col("ts"), "5 minutes")}. */
    public static Column window(Column timeColumn, String windowDuration) { return call_function("window", timeColumn, lit(windowDuration)); }

    /** Sliding windows of {@code windowDuration} every {@code slideDuration}: a row lands in each window holding its time. */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration) {
        return call_function("window", timeColumn, lit(windowDuration), lit(slideDuration));
    }

    /** As {@link #window(Column, String, String)}, the windows offset by {@code startTime}. */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration, String startTime) {
        return call_function("window", timeColumn, lit(windowDuration), lit(slideDuration), lit(startTime));
    }

    /** The last instant of a time window (its end − 1 µs). */
    public static Column window_time(Column window) { return call_function("window_time", window); }

    /**
     * The session window holding the row: as a grouping key, rows of the same other keys whose {@code [time, time +
     * gap)} overlap merge into one session {@code struct<start, end>} (Spark's session_window).
     */
    public static Column session_window(Column timeColumn, String gapDuration) { return call_function("session_window", timeColumn, lit(gapDuration)); }

    /** As {@link #session_window(Column, String)} with a gap computed per row (a string such as '5 minutes' or a day-time interval). */
    public static Column session_window(Column timeColumn, Column gapDuration) { return call_function("session_window", timeColumn, gapDuration); }

    // ---- Java user-defined functions (Spark's functions.udf(UDFn, DataType)) ----

    /** A Java UDF of no argument returning {@code returnType}; {@code .apply()} calls it. */
    public static UserDefinedFunction udf(dev.sluice.udf.UDF0<?> f, dev.sluice.types.DataType returnType) {
        return UserDefinedFunction.javaFunction(returnType, a -> f.call());
    }

    /** A Java UDF of one argument returning {@code returnType}: {@code udf((String s) -> s.length(), INT).apply(col("s"))}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static UserDefinedFunction udf(dev.sluice.udf.UDF1<?, ?> f, dev.sluice.types.DataType returnType) {
        dev.sluice.udf.UDF1 g = f;
        return UserDefinedFunction.javaFunction(returnType, a -> g.call(a[0]));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static UserDefinedFunction udf(dev.sluice.udf.UDF2<?, ?, ?> f, dev.sluice.types.DataType returnType) {
        dev.sluice.udf.UDF2 g = f;
        return UserDefinedFunction.javaFunction(returnType, a -> g.call(a[0], a[1]));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static UserDefinedFunction udf(dev.sluice.udf.UDF3<?, ?, ?, ?> f, dev.sluice.types.DataType returnType) {
        dev.sluice.udf.UDF3 g = f;
        return UserDefinedFunction.javaFunction(returnType, a -> g.call(a[0], a[1], a[2]));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static UserDefinedFunction udf(dev.sluice.udf.UDF4<?, ?, ?, ?, ?> f, dev.sluice.types.DataType returnType) {
        dev.sluice.udf.UDF4 g = f;
        return UserDefinedFunction.javaFunction(returnType, a -> g.call(a[0], a[1], a[2], a[3]));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static UserDefinedFunction udf(dev.sluice.udf.UDF5<?, ?, ?, ?, ?, ?> f, dev.sluice.types.DataType returnType) {
        dev.sluice.udf.UDF5 g = f;
        return UserDefinedFunction.javaFunction(returnType, a -> g.call(a[0], a[1], a[2], a[3], a[4]));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static UserDefinedFunction udf(dev.sluice.udf.UDF6<?, ?, ?, ?, ?, ?, ?> f, dev.sluice.types.DataType returnType) {
        dev.sluice.udf.UDF6 g = f;
        return UserDefinedFunction.javaFunction(returnType, a -> g.call(a[0], a[1], a[2], a[3], a[4], a[5]));
    }

    /** Spark's calendar {@code interval} from (years, months, weeks, days, hours, mins, secs), missing ones 0. */
    public static Column make_interval(Column... args) { return call_function("make_interval", args); }

    /** {@link #make_interval} giving NULL where it overflows. */
    public static Column try_make_interval(Column... args) { return call_function("try_make_interval", args); }

    public static Column xpath_short(Column... args) { return call_function("xpath_short", args); }

    /** {@code e COLLATE collation}: only UTF8_BINARY (every Sluice string's collation); others are refused. */
    public static Column collate(Column e, String collation) { return call_function("collate", e, lit(collation)); }
}
