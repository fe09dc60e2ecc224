package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.functions;
import dev.sluice.types.DataType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code df.stat.*} and {@code describe}/{@code summary}, built from aggregates as Spark defines them: correlation
 * and covariance as one-row aggregates, describe/summary as one aggregate row turned into Spark's table of strings.
 */
final class StatRelations {
    private final RelationTranslator relations;

    StatRelations(RelationTranslator relations) { this.relations = relations; }

    DataFrame corr(org.apache.spark.connect.proto.StatCorr c) {
        if (c.hasMethod() && !c.getMethod().equalsIgnoreCase("pearson")) {
            throw ConnectErrors.unsupported("the correlation method " + c.getMethod(), "Spark supports pearson only");
        }
        DataFrame in = relations.translate(c.getInput());
        return in.agg(functions.corr(in.col(c.getCol1()).cast("double"), in.col(c.getCol2()).cast("double")).alias("corr"));
    }

    DataFrame cov(org.apache.spark.connect.proto.StatCov c) {
        DataFrame in = relations.translate(c.getInput());
        return in.agg(functions.covar_samp(in.col(c.getCol1()).cast("double"), in.col(c.getCol2()).cast("double")).alias("cov"));
    }

    DataFrame describe(org.apache.spark.connect.proto.StatDescribe d) {
        DataFrame in = relations.translate(d.getInput());
        return summary(in, d.getColsList(), List.of("count", "mean", "stddev", "min", "max"));
    }

    DataFrame summary(org.apache.spark.connect.proto.StatSummary s) {
        DataFrame in = relations.translate(s.getInput());
        List<String> stats = s.getStatisticsCount() > 0 ? s.getStatisticsList()
                : List.of("count", "mean", "stddev", "min", "25%", "50%", "75%", "max");
        return summary(in, List.of(), stats);
    }

    /**
     * One row per statistic, one string column per input column (numeric and string columns only, or the named
     * ones), as Spark's StatFunctions.summary: a statistic that does not apply to a column is NULL.
     */
    private DataFrame summary(DataFrame in, List<String> names, List<String> stats) {
        StructType schema = in.schema();
        List<StructField> cols = new ArrayList<>();
        for (StructField f : schema.fields()) {
            boolean wanted = names.isEmpty() ? (f.dataType().isNumeric() || f.dataType() instanceof StringType) : containsIgnoreCase(names, f.name());
            if (wanted) cols.add(f);
        }
        DataFrame out = null;
        for (String stat : stats) {
            List<Column> row = new ArrayList<>();
            row.add(functions.lit(stat).alias("summary"));
            for (StructField f : cols) row.add(statistic(in.col(f.name()), f.dataType(), stat.toLowerCase(Locale.ROOT)).cast("string").alias(f.name()));
            DataFrame one = in.agg(row.get(0), row.subList(1, row.size()).toArray(new Column[0]));
            out = out == null ? one : out.union(one);
        }
        return out;
    }

    private static Column statistic(Column c, DataType t, String stat) {
        boolean numeric = t.isNumeric();
        switch (stat) {
            case "count": return functions.count(c);
            case "count_distinct": return functions.count_distinct(c);
            case "mean": return numeric ? functions.avg(c) : functions.lit(null);
            case "stddev": return numeric ? functions.stddev(c) : functions.lit(null);
            case "min": return functions.min(c);
            case "max": return functions.max(c);
            default:
                if (stat.endsWith("%")) {
                    if (!numeric) return functions.lit(null);
                    double p = Double.parseDouble(stat.substring(0, stat.length() - 1)) / 100.0;
                    return dev.sluice.sql.SqlFunctions.call("percentile_approx", List.of(c, functions.lit(p), functions.lit(10000)), false);
                }
                throw ConnectErrors.unsupported("the summary statistic " + stat, "Spark's statistics are count, mean, stddev, min, max, count_distinct and percentiles");
        }
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (String n : names) if (n.equalsIgnoreCase(name)) return true;
        return false;
    }

    DataFrame crosstab(org.apache.spark.connect.proto.StatCrosstab c) {
        return relations.translate(c.getInput()).stat().crosstab(c.getCol1(), c.getCol2());
    }

    DataFrame freqItems(org.apache.spark.connect.proto.StatFreqItems f) {
        DataFrame in = relations.translate(f.getInput());
        String[] cols = f.getColsList().toArray(new String[0]);
        return f.hasSupport() ? in.stat().freqItems(cols, f.getSupport()) : in.stat().freqItems(cols);
    }

    /** One row, one column: a list of quantiles per column, as PySpark reads it ({@code table[0][0]}). */
    DataFrame approxQuantile(org.apache.spark.connect.proto.StatApproxQuantile q) {
        DataFrame in = relations.translate(q.getInput());
        double[] ps = new double[q.getProbabilitiesCount()];
        for (int i = 0; i < ps.length; i++) ps[i] = q.getProbabilities(i);
        List<Column> perColumn = new ArrayList<>();
        for (String c : q.getColsList()) {
            perColumn.add(functions.coalesce(dev.sluice.DataFrameStatFunctions.quantiles(in, c, ps, q.getRelativeError()),
                    functions.array().cast(new dev.sluice.types.ArrayType(dev.sluice.types.DataTypes.DOUBLE, true))));
        }
        return in.agg(functions.array(perColumn.toArray(new Column[0])).alias("approx_quantile"));
    }

    DataFrame sampleBy(org.apache.spark.connect.proto.StatSampleBy s) {
        DataFrame in = relations.translate(s.getInput());
        java.util.Map<Object, Double> fractions = new java.util.LinkedHashMap<>();
        for (var f : s.getFractionsList()) fractions.put(Literals.value(f.getStratum()), f.getFraction());
        long seed = s.hasSeed() ? s.getSeed() : new java.util.Random().nextLong();
        return in.stat().sampleBy(relations.expressions().translate(s.getCol(), in), fractions, seed);
    }
}
