package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code df.stat()}, as Spark's DataFrameStatFunctions: correlation and covariance, contingency tables, frequent
 * items, approximate quantiles and stratified samples.
 */
public final class DataFrameStatFunctions {
    private final DataFrame df;

    DataFrameStatFunctions(DataFrame df) { this.df = df; }

    /** Pearson correlation of two numeric columns. */
    public double corr(String col1, String col2) {
        Row r = df.agg(functions.corr(df.col(col1).cast("double"), df.col(col2).cast("double"))).first();
        return r.get(0) == null ? Double.NaN : (Double) r.get(0);
    }

    /** Sample covariance of two numeric columns. */
    public double cov(String col1, String col2) {
        Row r = df.agg(functions.covar_samp(df.col(col1).cast("double"), df.col(col2).cast("double"))).first();
        return r.get(0) == null ? Double.NaN : (Double) r.get(0);
    }

    /**
     * The contingency table: one row per value of {@code col1} (as a string, in column {@code col1_col2}), one bigint
     * column per value of {@code col2} (as strings, sorted), counting the pairs; nulls are counted under "null".
     */
    public DataFrame crosstab(String col1, String col2) {
        String name = col1 + "_" + col2;
        String other = "__sluice_crosstab";
        DataFrame pairs = df.select(functions.coalesce(df.col(col1).cast("string"), functions.lit("null")).alias(name),
                functions.coalesce(df.col(col2).cast("string"), functions.lit("null")).alias(other));
        DataFrame table = pairs.groupBy(name).pivot(other).count();
        return table.na().fill(0L);
    }

    /**
     * Items occurring in at least {@code support} of the rows, per column (in columns {@code c_freqItems}); Spark's
     * one-pass algorithm may also return some less frequent items, Sluice counts exactly. Runs a job now, as Spark.
     */
    public DataFrame freqItems(String[] columns, double support) {
        if (!(support >= 1e-4 && support <= 1)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "freqItems")
                    .with("reason", "support (" + support + ") must be between 1e-4 and 1").build();
        }
        long total = df.count();
        List<StructField> fields = new ArrayList<>();
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Column c = df.col(columns[i]);
            DataType t = df.select(c).schema().field(0).dataType();
            List<Object> items = new ArrayList<>();
            for (Row r : df.groupBy(c).count().filter(functions.col("count").geq(support * total)).collectAsList()) items.add(r.get(0));
            fields.add(StructField.of(columns[i] + "_freqItems", new ArrayType(t, true)));
            values[i] = items;
        }
        StructType schema = new StructType(fields);
        return df.session().createDataFrame(List.of(new Row(schema, values)), schema);
    }

    public DataFrame freqItems(String[] columns) { return freqItems(columns, 0.01); }

    /**
     * Quantiles of numeric columns (nulls and NaN ignored), within {@code relativeError} of the exact rank; 0 asks for
     * the exact quantiles. One list per column; an empty column gives an empty list.
     */
    public double[][] approxQuantile(String[] columns, double[] probabilities, double relativeError) {
        if (relativeError < 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "approxQuantile")
                    .with("reason", "relative error must be non-negative but got " + relativeError).build();
        }
        List<Column> aggs = new ArrayList<>();
        for (String c : columns) aggs.add(quantiles(df, c, probabilities, relativeError));
        Row r = df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
        double[][] out = new double[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            @SuppressWarnings("unchecked") List<Object> q = (List<Object>) r.get(i);
            out[i] = q == null ? new double[0] : q.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        return out;
    }

    public double[] approxQuantile(String column, double[] probabilities, double relativeError) {
        return approxQuantile(new String[] {column}, probabilities, relativeError)[0];
    }

    /** The aggregate behind approxQuantile: {@code percentile_approx} over the column as double, NaN left out. */
    public static Column quantiles(DataFrame df, String column, double[] probabilities, double relativeError) {
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "approxQuantile")
                        .with("reason", "percentile should be in the range [0.0, 1.0], but got " + p).build();
            }
        }
        Column x = df.col(column).cast("double");
        Column kept = functions.when(functions.isnan(x), functions.lit(null)).otherwise(x);
        Column[] ps = new Column[probabilities.length];
        for (int i = 0; i < ps.length; i++) ps[i] = functions.lit(probabilities[i]);
        int accuracy = relativeError == 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, Math.ceil(1.0 / relativeError));
        return functions.percentile_approx(kept, functions.array(ps), functions.lit(accuracy)).cast(new ArrayType(DataTypes.DOUBLE, true));
    }

    /**
     * A stratified sample: a row whose {@code column} value is a key of {@code fractions} is kept with that
     * probability (others never), drawing from {@code rand(seed)} as Spark does.
     */
    public DataFrame sampleBy(Column column, Map<?, Double> fractions, long seed) {
        for (Double f : fractions.values()) {
            if (f == null || !(f >= 0 && f <= 1)) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "sampleBy")
                        .with("reason", "fractions must be in [0, 1], but got " + f).build();
            }
        }
        Column threshold = functions.lit(0.0);
        List<Map.Entry<?, Double>> entries = new ArrayList<>(new LinkedHashMap<>(fractions).entrySet());
        if (!entries.isEmpty()) {
            Column when = null;
            for (Map.Entry<?, Double> e : entries) {
                when = when == null ? functions.when(column.equalTo(functions.lit(e.getKey())), functions.lit(e.getValue()))
                        : when.when(column.equalTo(functions.lit(e.getKey())), functions.lit(e.getValue()));
            }
            threshold = when.otherwise(functions.lit(0.0));
        }
        return df.filter(functions.rand(seed).lt(threshold));
    }

    public DataFrame sampleBy(String column, Map<?, Double> fractions, long seed) { return sampleBy(df.col(column), fractions, seed); }
}
