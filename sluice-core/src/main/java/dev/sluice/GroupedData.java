package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.plan.Aggregate;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A DataFrame grouped by some expressions ({@code df.groupBy("service", "country")}), waiting for its
 * aggregates: {@code agg(count("*").alias("orders"), sum(...))}, {@code count()}, {@code sum("a")}... The
 * result holds the grouping columns first, then the aggregates, as Spark's RelationalGroupedDataset.
 */
public final class GroupedData {
    private final DataFrame df;
    private final List<Expression> grouping;
    private final Expression pivotColumn;
    private final List<Object> pivotValues;

    GroupedData(DataFrame df, List<Expression> grouping) { this(df, grouping, null, List.of()); }

    private GroupedData(DataFrame df, List<Expression> grouping, Expression pivotColumn, List<Object> pivotValues) {
        this.df = df;
        this.grouping = List.copyOf(grouping);
        this.pivotColumn = pivotColumn;
        this.pivotValues = pivotValues;
    }

    /**
     * Pivots on {@code pivotColumn}: each aggregate is computed once per value, over the group's rows having that
     * value, in a column named after the value (with several aggregates, {@code value_aggregate}), as Spark's. The
     * values must be given (Spark can also find them with an extra job; Sluice does not run one behind your back).
     * Aggregates must skip NULLs (sum, count, avg, min, max, ...).
     */
    public GroupedData pivot(String pivotColumn, List<Object> values) { return pivot(functions.col(pivotColumn), values); }

    public GroupedData pivot(Column pivotColumn, List<Object> values) {
        if (this.pivotColumn != null) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "pivot").with("reason", "the data is already pivoted").build();
        }
        if (values.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "pivot").with("reason", "give at least one value").build();
        }
        return new GroupedData(df, grouping, pivotColumn.expr(), List.copyOf(values));
    }

    /** The grouping columns followed by {@code first} and {@code rest}. */
    public DataFrame agg(Column first, Column... rest) {
        List<Column> columns = new ArrayList<>();
        columns.add(first);
        columns.addAll(List.of(rest));
        return aggregate(columns);
    }

    /**
     * Spark's Java map form: column name → aggregate name ({@code "max"}, {@code "avg"}/{@code "mean"},
     * {@code "count"} (with {@code "*"}: count of rows), {@code "sum"}, {@code "min"}, {@code "first"}, ...).
     */
    public DataFrame agg(Map<String, String> aggregates) {
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, String> e : aggregates.entrySet()) columns.add(byName(e.getValue(), e.getKey()));
        return aggregate(columns);
    }

    /** The number of rows per group, in a column named {@code count}. */
    public DataFrame count() { return aggregate(List.of(functions.count("*").alias("count"))); }

    public DataFrame sum(String... columnNames) { return numeric("sum", functions::sum, columnNames); }

    public DataFrame avg(String... columnNames) { return numeric("avg", functions::avg, columnNames); }

    public DataFrame mean(String... columnNames) { return avg(columnNames); }

    public DataFrame min(String... columnNames) { return numeric("min", functions::min, columnNames); }

    public DataFrame max(String... columnNames) { return numeric("max", functions::max, columnNames); }

    private DataFrame aggregate(List<Column> columns) {
        List<Expression> outputs = new ArrayList<>();
        for (Expression g : grouping) outputs.add(named(g));
        if (pivotColumn != null) {
            for (Object v : pivotValues) {
                for (Column c : columns) {
                    String name = String.valueOf(v) + (columns.size() == 1 ? "" : "_" + dev.sluice.expr.Expressions.outputName(c.expr()));
                    outputs.add(new Alias(PivotedAggregates.onlyWhere(dev.sluice.expr.Expressions.unalias(c.expr()),
                            new dev.sluice.expr.Comparison(dev.sluice.expr.Comparison.Op.EQ, pivotColumn, dev.sluice.expr.Literal.of(v))), name));
                }
            }
            return df.withPlan(new Aggregate(df.logicalPlan(), grouping, outputs));
        }
        for (Column c : columns) outputs.add(c.expr());
        return df.withPlan(new Aggregate(df.logicalPlan(), grouping, outputs));
    }

    /** A grouping column keeps the spelling the user wrote, as a selected column does. */
    private static Expression named(Expression g) {
        if (g instanceof UnresolvedColumn u && u.nameParts().size() == 1) return new Alias(g, u.nameParts().get(0));
        return g;
    }

    /** sum/avg/min/max of the named columns, which must be numeric; none named: every numeric column (as Spark). */
    private DataFrame numeric(String function, Function<String, Column> make, String... columnNames) {
        List<String> names = new ArrayList<>();
        if (columnNames.length == 0) {
            for (StructField f : df.schema().fields()) if (f.dataType().isNumeric()) names.add(f.name());
        } else {
            for (String n : columnNames) {
                StructField f = df.schema().fields().stream().filter(x -> x.name().equalsIgnoreCase(n)).findFirst()
                        .orElseThrow(() -> SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", n)
                                .with("suggestion", dev.sluice.plan.NameSuggestions.didYouMean(n, df.schema().fieldNames())).build());
                if (!f.dataType().isNumeric()) {
                    throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", function + "(" + n + ")")
                            .with("expected", "a numeric column").with("actual", f.dataType().simpleString()).build();
                }
                names.add(n);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (String n : names) columns.add(make.apply(n));
        return aggregate(columns);
    }

    private static Column byName(String function, String column) {
        return switch (function.toLowerCase(Locale.ROOT)) {
            case "count", "size" -> functions.count(column);
            case "avg", "average", "mean" -> functions.avg(column);
            case "sum" -> functions.sum(column);
            case "min" -> functions.min(column);
            case "max" -> functions.max(column);
            case "first" -> functions.first(column);
            case "last" -> functions.last(column);
            case "any_value" -> functions.any_value(functions.col(column));
            case "collect_list" -> functions.collect_list(column);
            case "collect_set" -> functions.collect_set(column);
            case "stddev", "std", "stddev_samp" -> functions.stddev(functions.col(column));
            case "stddev_pop" -> functions.stddev_pop(functions.col(column));
            case "variance", "var_samp" -> functions.variance(functions.col(column));
            case "var_pop" -> functions.var_pop(functions.col(column));
            case "approx_count_distinct" -> functions.approx_count_distinct(column);
            case "count_distinct" -> functions.count_distinct(functions.col(column));
            default -> throw SluiceException.of(ErrorCode.UNKNOWN_FUNCTION).with("function", function).build();
        };
    }

    /**
     * Pivots on the distinct values of {@code pivotColumn}, found now with a job (as Spark does), in sorted order;
     * LIMIT_EXCEEDED when there are more than {@code spark.sql.pivotMaxValues} (10000) of them.
     */
    public GroupedData pivot(Column pivotColumn) {
        int max = Integer.parseInt(df.session().conf().get("spark.sql.pivotMaxValues", "10000"));
        // under a plain name: the pivot column's own may hold a dot (getField's r.b) that a column path would split
        DataFrame distinct = df.select(pivotColumn.alias("pivot")).distinct();
        List<dev.sluice.types.Row> rows = distinct.orderBy(functions.col("pivot")).limit(max + 1).collectAsList();
        if (rows.size() > max) {
            throw SluiceException.of(ErrorCode.LIMIT_EXCEEDED).with("what", "The number of distinct values of the pivot column")
                    .with("limit", String.valueOf(max)).with("remedy", "Give the values to pivot(column, values), or raise spark.sql.pivotMaxValues.")
                    .build();
        }
        List<Object> values = new ArrayList<>();
        for (dev.sluice.types.Row r : rows) values.add(r.get(0));
        if (values.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "pivot").with("reason", "the pivot column has no values").build();
        }
        return pivot(pivotColumn, values);
    }

    public GroupedData pivot(String pivotColumn) { return pivot(functions.col(pivotColumn)); }
}
