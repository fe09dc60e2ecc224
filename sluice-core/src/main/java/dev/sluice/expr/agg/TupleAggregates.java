package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateFunction.AggregateBinder;
import dev.sluice.expr.Expression;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.vector.Batch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The aggregates computed over a group's whole tuple list ({@link TupleAggregate}): count_if, bool_and/bool_or
 * (every/some/any), max_by/min_by, median, percentile, percentile_approx (Spark's Greenwald-Khanna summary,
 * {@link QuantileSummary}), mode (ties: the smallest value), listagg/string_agg,
 * regr_* (but regr_r2), product, bit_and/bit_or/bit_xor, try_sum, try_avg.
 */
public final class TupleAggregates {
    private TupleAggregates() {}

    /** The aggregate named {@code name} over {@code inputs}, or null when this family has none. */
    public static TupleAggregate of(String name, List<Expression> inputs) {
        Function<List<Expression>, TupleAggregate.Spec> spec = SPECS.get(name);
        return spec == null ? null : TupleAggregate.of(spec.apply(inputs), inputs);
    }

    static final Map<String, Function<List<Expression>, TupleAggregate.Spec>> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("count_if", in -> spec("count_if", 1, 1, (args, b) -> bound(List.of(bool(args.get(0), b)), DataTypes.LONG),
                (t, s) -> (long) t.stream().filter(x -> Boolean.TRUE.equals(x[0])).count()));
        for (String n : List.of("bool_and", "every")) {
            SPECS.put(n, in -> spec(n, 1, 1, (args, b) -> bound(List.of(bool(args.get(0), b)), DataTypes.BOOLEAN), (t, s) -> boolFold(t, true)));
        }
        for (String n : List.of("bool_or", "some", "any")) {
            SPECS.put(n, in -> spec(n, 1, 1, (args, b) -> bound(List.of(bool(args.get(0), b)), DataTypes.BOOLEAN), (t, s) -> boolFold(t, false)));
        }
        SPECS.put("max_by", in -> spec("max_by", 2, 2, (args, b) -> bound(args, args.get(0).dataType(), args.get(1).dataType()), (t, s) -> by(t, (DataType) s, 1)));
        SPECS.put("min_by", in -> spec("min_by", 2, 2, (args, b) -> bound(args, args.get(0).dataType(), args.get(1).dataType()), (t, s) -> by(t, (DataType) s, -1)));
        SPECS.put("median", in -> spec("median", 1, 1,
                (args, b) -> bound(List.of(num(args.get(0), b)), percentileType(args.get(0).dataType()), percentileType(args.get(0).dataType())),
                (t, s) -> percentileValue(percentile(doubles(t, 0), 0.5), (DataType) s)));
        SPECS.put("percentile", in -> spec("percentile", 2, 3, TupleAggregates::bindPercentile, TupleAggregates::finishPercentile));
        for (String n : List.of("percentile_approx", "approx_percentile")) {
            SPECS.put(n, in -> spec(n, 2, 3, TupleAggregates::bindApprox, TupleAggregates::finishApprox));
        }
        SPECS.put("mode", in -> spec("mode", 1, 2, (args, b) -> bound(List.of(args.get(0)), args.get(0).dataType(), args.get(0).dataType()), TupleAggregates::mode));
        for (String n : List.of("listagg", "string_agg")) {
            SPECS.put(n, in -> listaggNamed(spec(n, 1, 2, TupleAggregates::bindListagg, TupleAggregates::listagg)));
        }
        regression("regr_count", DataTypes.LONG, p -> (long) p.size());
        regression("regr_avgx", DataTypes.DOUBLE, p -> p.isEmpty() ? null : mean(p, 1));
        regression("regr_avgy", DataTypes.DOUBLE, p -> p.isEmpty() ? null : mean(p, 0));
        regression("regr_sxx", DataTypes.DOUBLE, p -> p.isEmpty() ? null : co(p, 1, 1));
        regression("regr_syy", DataTypes.DOUBLE, p -> p.isEmpty() ? null : co(p, 0, 0));
        regression("regr_sxy", DataTypes.DOUBLE, p -> p.isEmpty() ? null : co(p, 0, 1));
        regression("regr_slope", DataTypes.DOUBLE, p -> p.size() < 2 || co(p, 1, 1) == 0 ? null : co(p, 0, 1) / co(p, 1, 1));
        regression("regr_intercept", DataTypes.DOUBLE, p -> p.size() < 2 || co(p, 1, 1) == 0 ? null
                : mean(p, 0) - co(p, 0, 1) / co(p, 1, 1) * mean(p, 1));
        SPECS.put("product", in -> spec("product", 1, 1, (args, b) -> bound(List.of(dbl(args.get(0), b)), DataTypes.DOUBLE), (t, s) -> {
            List<Double> d = doubles(t, 0);
            if (d.isEmpty()) return null;
            double p = 1;
            for (double x : d) p *= x;
            return p;
        }));
        SPECS.put("histogram_numeric", in -> spec("histogram_numeric", 2, 2, TupleAggregates::bindHistogram, TupleAggregates::histogram));
        SPECS.put("schema_of_variant_agg", in -> spec("schema_of_variant_agg", 1, 1, (args, b) -> {
            if (!(args.get(0).dataType() instanceof dev.sluice.types.VariantType)) throw mismatch("schema_of_variant_agg", args.get(0), "a variant");
            return bound(args, DataTypes.STRING);
        }, (t, s) -> {
            String schema = null;
            for (Object[] x : t) {
                if (x[0] == null) continue;
                String one = dev.sluice.expr.fn.VariantSchemas.of((String) x[0]);
                schema = schema == null ? one : dev.sluice.expr.fn.VariantSchemas.merge(schema, one);
            }
            return schema;
        }));
        SPECS.put("bitmap_construct_agg", in -> spec("bitmap_construct_agg", 1, 1, (args, b) -> bound(List.of(b.castTo(args.get(0), DataTypes.LONG)), DataTypes.BINARY), (t, s) -> {
            byte[] bitmap = new byte[dev.sluice.expr.fn.BitmapFunctions.BYTES];
            for (Object[] x : t) {
                if (x[0] == null) continue;
                long p = (Long) x[0];
                if (p < 0 || p >= dev.sluice.expr.fn.BitmapFunctions.BITS) {
                    throw SluiceException.of(ErrorCode.INVALID_FUNCTION_INPUT).with("function", "bitmap_construct_agg")
                            .with("reason", "the bit position " + p + " is out of bounds [0, 32768)").build();
                }
                bitmap[(int) (p / 8)] |= (byte) (1 << (p % 8));
            }
            return bitmap;
        }));
        for (String n : List.of("bitmap_or_agg", "bitmap_and_agg")) {
            boolean and = n.equals("bitmap_and_agg");
            SPECS.put(n, in -> spec(n, 1, 1, (args, b) -> bound(List.of(b.castTo(args.get(0), DataTypes.BINARY)), DataTypes.BINARY), (t, s) -> {
                byte[] bitmap = new byte[dev.sluice.expr.fn.BitmapFunctions.BYTES];
                if (and) java.util.Arrays.fill(bitmap, (byte) 0xFF);
                for (Object[] x : t) {
                    if (x[0] == null) continue;
                    byte[] in2 = (byte[]) x[0];
                    for (int i = 0; i < bitmap.length; i++) {
                        byte v = i < in2.length ? in2[i] : 0;
                        bitmap[i] = (byte) (and ? bitmap[i] & v : bitmap[i] | v);
                    }
                }
                return bitmap;
            }));
        }
        bits("bit_and", (a, b) -> a & b);
        bits("bit_or", (a, b) -> a | b);
        bits("bit_xor", (a, b) -> a ^ b);
        SPECS.put("try_sum", in -> spec("try_sum", 1, 1, TupleAggregates::bindTrySum, (t, s) -> trySum(t, (DataType) s)));
        SPECS.put("try_avg", in -> spec("try_avg", 1, 1, (args, b) -> args.get(0).dataType().isInterval()
                ? bound(List.of(args.get(0)), percentileType(args.get(0).dataType()), percentileType(args.get(0).dataType()))
                : args.get(0).dataType() instanceof DecimalType d
                ? bound(List.of(args.get(0)), DecimalType.bounded(d.precision() + 4, d.scale() + 4), d)
                : bound(List.of(dbl(args.get(0), b)), DataTypes.DOUBLE), (t, s) -> {
            if (s instanceof DecimalType d) return decimalTryAverage(t, d);
            if (s instanceof DataType interval) return intervalAverage(t, interval);
            List<Double> d = doubles(t, 0);
            return d.isEmpty() ? null : mean1(d);
        }));
    }

    interface Binding { TupleAggregate.Bound bind(List<Expression> args, AggregateBinder binder); }

    interface Finish { Object finish(List<Object[]> tuples, Object state); }

    /** Spark names a listagg without delimiter {@code listagg(c, NULL)} (its default delimiter shows). */
    private static TupleAggregate.Spec listaggNamed(TupleAggregate.Spec inner) {
        return new TupleAggregate.Spec() {
            @Override public String name() { return inner.name(); }

            @Override public TupleAggregate.Bound bind(List<Expression> inputs, AggregateBinder binder) { return inner.bind(inputs, binder); }

            @Override public Object finish(List<Object[]> tuples, Object state) { return inner.finish(tuples, state); }

            @Override public String sql(List<Expression> inputs, boolean distinct) {
                List<String> args = new java.util.ArrayList<>();
                for (Expression e : inputs) args.add(e.sql());
                if (args.size() == 1) args.add("NULL");
                return inner.name() + "(" + (distinct ? "DISTINCT " : "") + String.join(", ", args) + ")";
            }
        };
    }

    static TupleAggregate.Spec spec(String name, int min, int max, Binding binding, Finish finish) {
        return new TupleAggregate.Spec() {
            @Override public String name() { return name; }

            @Override public TupleAggregate.Bound bind(List<Expression> inputs, AggregateBinder binder) {
                if (inputs.size() < min || inputs.size() > max) {
                    throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", name)
                            .with("reason", "it takes " + (min == max ? min : min + " to " + max) + " arguments, got " + inputs.size()).build();
                }
                return binding.bind(inputs, binder);
            }

            @Override public Object finish(List<Object[]> tuples, Object state) { return finish.finish(tuples, state); }
        };
    }

    static TupleAggregate.Bound bound(List<Expression> evaluated, DataType result) { return new TupleAggregate.Bound(evaluated, result, null); }

    static TupleAggregate.Bound bound(List<Expression> evaluated, DataType result, Object state) { return new TupleAggregate.Bound(evaluated, result, state); }

    static SluiceException mismatch(String fn, Expression e, String expected) {
        return SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", fn + "(" + e.sql() + ")").with("expected", expected)
                .with("actual", e.dataType().simpleString()).build();
    }

    static Expression bool(Expression e, AggregateBinder b) {
        if (!(e.dataType() instanceof BooleanType) && !(e.dataType() instanceof NullType)) throw mismatch("bool_and", e, "a boolean");
        return b.castTo(e, DataTypes.BOOLEAN);
    }

    static Expression num(Expression e, AggregateBinder b) {
        if (e.dataType().isInterval()) return e;   // percentiles of intervals: their months or microseconds
        if (!e.dataType().isNumeric() && !(e.dataType() instanceof NullType)) throw mismatch("percentile", e, "a numeric value");
        return b.castTo(e, DataTypes.DOUBLE);
    }

    static Expression dbl(Expression e, AggregateBinder b) {
        DataType t = e.dataType();
        if (!t.isNumeric() && !(t instanceof NullType) && !t.equals(DataTypes.STRING)) throw mismatch("aggregate", e, "a numeric value");
        return b.castTo(e, DataTypes.DOUBLE);
    }

    static Boolean boolFold(List<Object[]> t, boolean and) {
        Boolean acc = null;
        for (Object[] x : t) {
            if (x[0] == null) continue;
            boolean v = (Boolean) x[0];
            acc = acc == null ? v : and ? acc && v : acc || v;
        }
        return acc;
    }

    static Object by(List<Object[]> t, DataType orderType, int sign) {
        Object best = null, bestKey = null;
        for (Object[] x : t) {
            if (x[1] == null) continue;
            if (bestKey == null || sign * compareValues(orderType, x[1], bestKey) > 0) {
                bestKey = x[1];
                best = x[0];
            }
        }
        return best;
    }

    /** Orders Java values of one type: numbers, strings, dates, timestamps, booleans and arrays of them; NULL first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(DataType type, Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            DataType e = type instanceof ArrayType at ? at.elementType() : type;
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                int c = compareValues(e, la.get(i), lb.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(la.size(), lb.size());
        }
        if (a instanceof byte[] x && b instanceof byte[] y) return java.util.Arrays.compareUnsigned(x, y);
        if (a instanceof Double x && b instanceof Double y) return Double.compare(x + 0.0, y + 0.0);
        if (a instanceof java.time.Period x && b instanceof java.time.Period y) return Long.compare(x.toTotalMonths(), y.toTotalMonths());
        return ((Comparable) a).compareTo(b);
    }

    static List<Double> doubles(List<Object[]> t, int c) {
        List<Double> out = new ArrayList<>();
        for (Object[] x : t) if (x[c] != null) out.add(numberOf(x[c]));
        return out;
    }

    /** A number, or an interval's months or microseconds. */
    static double numberOf(Object v) {
        if (v instanceof java.time.Period p) return p.toTotalMonths();
        if (v instanceof java.time.Duration d) return dev.sluice.vector.Intervals.toMicros(d);
        return ((Number) v).doubleValue();
    }

    /** Spark's percentile/median result: double, or the default interval type of an interval input. */
    static DataType percentileType(DataType input) {
        if (input instanceof dev.sluice.types.YearMonthIntervalType) return DataTypes.YEAR_MONTH_INTERVAL;
        if (input instanceof dev.sluice.types.DayTimeIntervalType) return DataTypes.DAY_TIME_INTERVAL;
        return DataTypes.DOUBLE;
    }

    /** A percentile as a value of {@code type}: an interval truncates the interpolated months or microseconds. */
    static Object percentileValue(Double v, DataType type) {
        if (v == null) return null;
        if (type instanceof dev.sluice.types.YearMonthIntervalType) return dev.sluice.vector.Intervals.toPeriod(v.intValue());
        if (type instanceof dev.sluice.types.DayTimeIntervalType) return dev.sluice.vector.Intervals.toDuration(v.longValue());
        return v;
    }

    /**
     * try_avg of decimal(p,s), as Spark's decimal average (exact sum as decimal(p+10,s), divided by the count at the
     * divide's scale half-up, then rounded to decimal(p+4,s+4)) but NULL where the sum or the average overflows.
     */
    static Object decimalTryAverage(List<Object[]> t, DecimalType input) {
        BigDecimal sum = BigDecimal.ZERO;
        long count = 0;
        for (Object[] x : t) {
            if (x[0] == null) continue;
            sum = sum.add((BigDecimal) x[0]);
            count++;
        }
        DecimalType sumType = DecimalType.bounded(input.precision() + 10, input.scale());
        DecimalType result = DecimalType.bounded(input.precision() + 4, input.scale() + 4);
        if (count == 0 || !fitsDecimal(sum, sumType)) return null;
        int divideScale = dev.sluice.expr.DecimalRules.divide(sumType, new DecimalType(20, 0)).scale();
        BigDecimal average = sum.divide(BigDecimal.valueOf(count), divideScale, java.math.RoundingMode.HALF_UP)
                .setScale(result.scale(), java.math.RoundingMode.HALF_UP);
        return fitsDecimal(average, result) ? average : null;
    }

    private static boolean fitsDecimal(BigDecimal v, DecimalType type) {
        return v.setScale(type.scale(), java.math.RoundingMode.HALF_UP).precision() <= type.precision()
                || v.signum() == 0;
    }

    /** try_avg of intervals: the exact sum divided by the count, HALF_UP; NULL when the sum leaves the type's range. */
    static Object intervalAverage(List<Object[]> t, DataType type) {
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        long count = 0;
        for (Object[] x : t) {
            if (x[0] == null) continue;
            sum = sum.add(java.math.BigInteger.valueOf((long) numberOf(x[0])));
            count++;
        }
        if (count == 0) return null;
        boolean months = type instanceof dev.sluice.types.YearMonthIntervalType;
        if (sum.bitLength() >= (months ? 32 : 64)) return null;
        long avg = new java.math.BigDecimal(sum).divide(java.math.BigDecimal.valueOf(count), 0, java.math.RoundingMode.HALF_UP).longValueExact();
        return months ? dev.sluice.vector.Intervals.toPeriod((int) avg) : dev.sluice.vector.Intervals.toDuration(avg);
    }

    /** Spark's percentile: linear interpolation between the values at ranks ⌊(n−1)p⌋ and ⌈(n−1)p⌉. */
    static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) return null;
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        double pos = (sorted.size() - 1) * p;
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        double a = sorted.get(lo), b = sorted.get(hi);
        return lo == hi ? a : a + (pos - lo) * (b - a);
    }

    static Object constant(Expression e) {
        if (!e.foldable()) throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "percentile")
                .with("reason", "the percentage must be a constant, got " + e.sql()).build();
        return e.evaluate(Batch.ofRowCount(1)).getObject(0);
    }

    /** The percentages: one number, or an array of them; each in [0, 1]. */
    static Object percentages(String fn, Expression e) {
        Object v = constant(e);
        List<Double> ps = new ArrayList<>();
        if (v instanceof List<?> l) for (Object o : l) ps.add(((Number) o).doubleValue());
        else ps.add(((Number) v).doubleValue());
        for (double p : ps) {
            if (p < 0 || p > 1) throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", fn)
                    .with("reason", "the percentage must be between 0.0 and 1.0, got " + p).build();
        }
        return v instanceof List<?> ? ps : ps.get(0);
    }

    static TupleAggregate.Bound bindPercentile(List<Expression> args, AggregateBinder b) {
        Object ps = percentages("percentile", args.get(1));
        List<Expression> ev = new ArrayList<>(List.of(num(args.get(0), b)));
        if (args.size() > 2) ev.add(b.castTo(args.get(2), DataTypes.LONG));
        DataType element = percentileType(args.get(0).dataType());
        return bound(ev, ps instanceof List<?> ? new ArrayType(element, false) : element, new Object[] {ps, element});
    }

    static Object finishPercentile(List<Object[]> t, Object packed) {
        Object state = ((Object[]) packed)[0];
        DataType element = (DataType) ((Object[]) packed)[1];
        List<Double> values = new ArrayList<>();
        for (Object[] x : t) {
            if (x[0] == null) continue;
            long freq = x.length > 1 && x[1] != null ? (Long) x[1] : 1;
            for (long k = 0; k < freq; k++) values.add(numberOf(x[0]));
        }
        if (state instanceof List<?> ps) {
            if (values.isEmpty()) return null;
            List<Object> out = new ArrayList<>();
            for (Object p : ps) out.add(percentileValue(percentile(values, (Double) p), element));
            return out;
        }
        return percentileValue(percentile(values, (Double) state), element);
    }

    static TupleAggregate.Bound bindApprox(List<Expression> args, AggregateBinder b) {
        Object ps = percentages("percentile_approx", args.get(1));
        DataType t = args.get(0).dataType();
        if (!t.isNumeric() && !t.equals(DataTypes.DATE) && !t.equals(DataTypes.TIMESTAMP)
                && !(t instanceof dev.sluice.types.TimestampNTZType) && !t.isInterval()) {
            throw mismatch("percentile_approx", args.get(0), "a numeric, date, timestamp or interval value");
        }
        long accuracy = args.size() > 2 ? accuracy(args.get(2)) : DEFAULT_ACCURACY;
        return bound(List.of(args.get(0)), ps instanceof List<?> ? new ArrayType(t, true) : t, new Object[] {ps, t, accuracy});
    }

    /** Spark's default accuracy of percentile_approx: a relative error of 1/10000. */
    static final long DEFAULT_ACCURACY = 10_000;

    /** The accuracy: a constant integer in (0, Int.MaxValue], as Spark requires. */
    static long accuracy(Expression e) {
        if (!e.foldable() || !e.dataType().isIntegral()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "percentile_approx")
                    .with("reason", "the accuracy must be a constant integer, got " + e.sql()).build();
        }
        Object v = e.evaluate(Batch.ofRowCount(1)).getObject(0);
        if (v == null || ((Number) v).longValue() <= 0 || ((Number) v).longValue() > Integer.MAX_VALUE) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "percentile_approx")
                    .with("reason", "the accuracy must be between 1 and 2147483647, got " + v).build();
        }
        return ((Number) v).longValue();
    }

    /**
     * Spark's answer: every non-null value, as a double (dates as days, timestamps as microseconds, intervals as
     * months or microseconds), goes into a {@link QuantileSummary} in the group's order; each answer is turned back
     * into the input's type by truncation, as Spark's casts do.
     */
    static Object finishApprox(List<Object[]> t, Object state) {
        Object ps = ((Object[]) state)[0];
        DataType type = (DataType) ((Object[]) state)[1];
        QuantileSummary summary = new QuantileSummary(1.0 / (Long) ((Object[]) state)[2]);
        for (Object[] x : t) if (x[0] != null) summary.insert(approxNumber(x[0]));
        double[] percentages = ps instanceof List<?> l ? l.stream().mapToDouble(p -> (Double) p).toArray() : new double[] {(Double) ps};
        double[] answers = summary.query(percentages);
        if (answers == null) return null;
        if (!(ps instanceof List<?>)) return approxValue(answers[0], type);
        List<Object> out = new ArrayList<>();
        for (double a : answers) out.add(approxValue(a, type));
        return out;
    }

    private static double approxNumber(Object v) {
        if (v instanceof java.time.LocalDate d) return d.toEpochDay();
        if (v instanceof java.time.Instant i) return dev.sluice.vector.Timestamps.toMicros(i);
        if (v instanceof java.time.LocalDateTime w) return dev.sluice.vector.Timestamps.toMicros(w);
        return numberOf(v);
    }

    private static Object approxValue(double d, DataType type) {
        if (type.equals(DataTypes.DATE)) return java.time.LocalDate.ofEpochDay((int) d);
        if (type.equals(DataTypes.TIMESTAMP)) return dev.sluice.vector.Timestamps.toInstant((long) d);
        if (type instanceof dev.sluice.types.TimestampNTZType) return dev.sluice.vector.Timestamps.toLocalDateTime((long) d);
        if (type instanceof dev.sluice.types.YearMonthIntervalType) return dev.sluice.vector.Intervals.toPeriod((int) d);
        if (type instanceof dev.sluice.types.DayTimeIntervalType) return dev.sluice.vector.Intervals.toDuration((long) d);
        if (type.equals(DataTypes.BYTE)) return (byte) (int) d;
        if (type.equals(DataTypes.SHORT)) return (short) (int) d;
        if (type.equals(DataTypes.INT)) return (int) d;
        if (type.equals(DataTypes.LONG)) return (long) d;
        if (type.equals(DataTypes.FLOAT)) return (float) d;
        if (type instanceof dev.sluice.types.DecimalType dt) {
            java.math.BigDecimal v = new java.math.BigDecimal(Double.toString(d)).setScale(dt.scale(), java.math.RoundingMode.HALF_UP);
            return v.precision() > dt.precision() ? null : v;
        }
        return d;
    }

    static Object mode(List<Object[]> t, Object state) {
        DataType type = (DataType) state;
        dev.sluice.types.Collation c = dev.sluice.expr.CollationKeys.nonBinary(type);
        if (c != null) return collatedMode(t, c);
        Map<Object, Integer> counts = new LinkedHashMap<>();
        for (Object[] x : t) if (x[0] != null) counts.merge(key(x[0]), 1, Integer::sum);
        Object best = null;
        int bestCount = 0;
        for (Map.Entry<Object, Integer> e : counts.entrySet()) {
            Object v = unkey(e.getKey());
            if (e.getValue() > bestCount || (e.getValue() == bestCount && compareValues(type, v, best) < 0)) {
                best = v;
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /**
     * mode of collated strings: values equal under the collation count together; the group shows its smallest
     * spelling by bytes (Spark shows one of them, whichever its hash map meets first); ties: the smallest key.
     */
    private static Object collatedMode(List<Object[]> t, dev.sluice.types.Collation c) {
        Map<java.nio.ByteBuffer, Object[]> groups = new java.util.HashMap<>();   // key -> {spelling, count}
        for (Object[] x : t) {
            if (x[0] == null) continue;
            String s = (String) x[0];
            Object[] g = groups.computeIfAbsent(java.nio.ByteBuffer.wrap(c.key(s)), k -> new Object[] {s, 0});
            if (compareUtf8(s, (String) g[0]) < 0) g[0] = s;
            g[1] = (Integer) g[1] + 1;
        }
        java.nio.ByteBuffer bestKey = null;
        Object[] best = null;
        for (Map.Entry<java.nio.ByteBuffer, Object[]> e : groups.entrySet()) {
            int n = (Integer) e.getValue()[1];
            if (best == null || n > (Integer) best[1] || (n == (Integer) best[1] && java.util.Arrays.compareUnsigned(e.getKey().array(), bestKey.array()) < 0)) {
                best = e.getValue();
                bestKey = e.getKey();
            }
        }
        return best == null ? null : best[0];
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Byte arrays compare by content as map keys. */
    static Object key(Object v) { return v instanceof byte[] b ? java.nio.ByteBuffer.wrap(b) : v; }

    static Object unkey(Object v) { return v instanceof java.nio.ByteBuffer b ? b.array() : v; }

    static TupleAggregate.Bound bindListagg(List<Expression> args, AggregateBinder b) {
        DataType t = args.get(0).dataType();
        DataType want = t.equals(DataTypes.BINARY) ? DataTypes.BINARY : DataTypes.STRING;
        List<Expression> ev = new ArrayList<>(List.of(b.castTo(args.get(0), want)));
        if (args.size() > 1) ev.add(b.castTo(args.get(1), want));
        return bound(ev, want, want);
    }

    static Object listagg(List<Object[]> t, Object state) {
        if (DataTypes.BINARY.equals(state)) {   // binary values joined by a binary delimiter, byte for byte
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            boolean any = false;
            for (Object[] x : t) {
                if (x[0] == null) continue;
                if (any && x.length > 1 && x[1] != null) bytes.writeBytes((byte[]) x[1]);
                bytes.writeBytes((byte[]) x[0]);
                any = true;
            }
            return any ? bytes.toByteArray() : null;
        }
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (Object[] x : t) {
            if (x[0] == null) continue;
            if (any && x.length > 1 && x[1] != null) sb.append(x[1]);
            sb.append(x[0]);
            any = true;
        }
        return any ? sb.toString() : null;
    }

    interface PairStat { Object of(List<double[]> pairs); }

    /** {@code f(y, x)} over the pairs where both are non-null, as Spark's regression and covariance functions. */
    static void regression(String name, DataType result, PairStat stat) {
        SPECS.put(name, in -> spec(name, 2, 2, (args, b) -> bound(List.of(dbl(args.get(0), b), dbl(args.get(1), b)), result), (t, s) -> {
            List<double[]> pairs = new ArrayList<>();
            for (Object[] x : t) if (x[0] != null && x[1] != null) pairs.add(new double[] {((Number) x[0]).doubleValue(), ((Number) x[1]).doubleValue()});
            return stat.of(pairs);
        }));
    }

    static double mean(List<double[]> p, int c) {
        double s = 0;
        for (double[] x : p) s += x[c];
        return s / p.size();
    }

    static double mean1(List<Double> d) {
        double s = 0;
        for (double x : d) s += x;
        return s / d.size();
    }

    /** Σ (a − ā)(b − b̄). */
    static double co(List<double[]> p, int a, int b) {
        double ma = mean(p, a), mb = mean(p, b), s = 0;
        for (double[] x : p) s += (x[a] - ma) * (x[b] - mb);
        return s;
    }

    static TupleAggregate.Bound bindHistogram(List<Expression> args, AggregateBinder b) {
        DataType t = args.get(0).dataType();
        if (!t.isNumeric() && !t.equals(DataTypes.DATE) && !t.equals(DataTypes.TIMESTAMP)) throw mismatch("histogram_numeric", args.get(0), "a numeric value");
        Object nb = constant(args.get(1));
        if (!(nb instanceof Integer bins) || bins < 2) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "histogram_numeric")
                    .with("reason", "the number of histogram bins must be a constant integer of at least 2").build();
        }
        dev.sluice.types.StructType bin = new dev.sluice.types.StructType(List.of(new dev.sluice.types.StructField("x", t, true),
                new dev.sluice.types.StructField("y", DataTypes.DOUBLE, true)));
        return bound(List.of(b.castTo(args.get(0), DataTypes.DOUBLE)), new ArrayType(bin, true), new Object[] {bins, t, bin});
    }

    /**
     * Spark's NumericHistogram over the values in arrival order: a bin per distinct value, the two closest bins merged
     * while there are too many (the same bins as Spark's for a group read by one task; Spark merges the histograms of
     * several tasks, which bins differently).
     */
    static Object histogram(List<Object[]> t, Object state) {
        int nb = (Integer) ((Object[]) state)[0];
        DataType type = (DataType) ((Object[]) state)[1];
        dev.sluice.types.StructType bin = (dev.sluice.types.StructType) ((Object[]) state)[2];
        List<double[]> bins = new ArrayList<>();
        java.util.Random prng = new java.util.Random(31183);   // NumericHistogram's seed
        for (Object[] x : t) {
            if (x[0] == null) continue;
            double v = (Double) x[0];
            int lo = 0, hi = bins.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (bins.get(mid)[0] < v) lo = mid + 1;
                else hi = mid;
            }
            if (lo < bins.size() && bins.get(lo)[0] == v) bins.get(lo)[1] += 1;
            else {
                bins.add(lo, new double[] {v, 1});
                while (bins.size() > nb) {
                    // the closest pair, ties broken at random as Spark's (and Hive's) NumericHistogram does
                    int best = 0, ties = 1;
                    double gap = bins.get(1)[0] - bins.get(0)[0];
                    for (int i = 1; i + 1 < bins.size(); i++) {
                        double g = bins.get(i + 1)[0] - bins.get(i)[0];
                        if (g < gap) {
                            gap = g;
                            best = i;
                            ties = 1;
                        } else if (g == gap && prng.nextDouble() <= 1.0 / ++ties) {
                            best = i;
                        }
                    }
                    // merged at the weighted mean, computed in Spark's order (its rounding decides later ties)
                    double[] a = bins.get(best), c = bins.remove(best + 1);
                    double d = a[1] + c[1];
                    a[0] *= a[1] / d;
                    a[0] += c[0] / d * c[1];
                    a[1] = d;
                }
            }
        }
        if (bins.isEmpty()) return null;
        List<Object> out = new ArrayList<>();
        for (double[] b : bins) out.add(new dev.sluice.types.Row(bin, new Object[] {toType(b[0], type), b[1]}));
        return out;
    }

    static Object toType(double x, DataType t) {
        if (t instanceof IntegerType) return (int) x;
        if (t instanceof LongType) return (long) x;
        if (t instanceof dev.sluice.types.FloatType) return (float) x;
        if (t instanceof DecimalType d) return BigDecimal.valueOf(x).setScale(d.scale(), java.math.RoundingMode.HALF_UP);
        if (t.equals(DataTypes.DATE)) return java.time.LocalDate.ofEpochDay((long) x);
        if (t.equals(DataTypes.TIMESTAMP)) return dev.sluice.vector.Timestamps.toInstant((long) x);
        return x;
    }

    static void bits(String name, BiFunction<Long, Long, Long> op) {
        SPECS.put(name, in -> spec(name, 1, 1, (args, b) -> {
            DataType t = args.get(0).dataType();
            if (!(t instanceof IntegerType || t instanceof LongType)) throw mismatch(name, args.get(0), "an integral value");
            return bound(args, t, t);
        }, (t, s) -> {
            Long acc = null;
            for (Object[] x : t) if (x[0] != null) acc = acc == null ? ((Number) x[0]).longValue() : op.apply(acc, ((Number) x[0]).longValue());
            if (acc == null) return null;
            return s instanceof IntegerType ? (Object) acc.intValue() : acc;
        }));
    }

    static TupleAggregate.Bound bindTrySum(List<Expression> args, AggregateBinder b) {
        DataType t = args.get(0).dataType();
        if (t instanceof IntegerType || t instanceof LongType) return bound(List.of(b.castTo(args.get(0), DataTypes.LONG)), DataTypes.LONG, DataTypes.LONG);
        if (t instanceof DecimalType d) {
            DecimalType r = DataTypes.decimal(Math.min(38, d.precision() + 10), d.scale());
            return bound(List.of(args.get(0)), r, r);
        }
        return bound(List.of(dbl(args.get(0), b)), DataTypes.DOUBLE, DataTypes.DOUBLE);
    }

    static Object trySum(List<Object[]> t, DataType type) {
        boolean any = false;
        if (type instanceof LongType) {
            BigInteger s = BigInteger.ZERO;
            for (Object[] x : t) if (x[0] != null) { s = s.add(BigInteger.valueOf((Long) x[0])); any = true; }
            return !any || s.bitLength() > 63 ? null : s.longValue();
        }
        if (type instanceof DecimalType d) {
            BigDecimal s = BigDecimal.ZERO;
            for (Object[] x : t) if (x[0] != null) { s = s.add((BigDecimal) x[0]); any = true; }
            return !any || s.precision() - s.scale() > d.precision() - d.scale() ? null : s.setScale(d.scale());
        }
        double s = 0;
        for (Object[] x : t) if (x[0] != null) { s += ((Number) x[0]).doubleValue(); any = true; }
        return any ? s : null;
    }

    /**
     * The defaults Spark prints after the arguments given ({@code hll_sketch_agg(v, 12)}, {@code percentile(v, 0.5, 1)}),
     * with their leading comma; empty when nothing is left out.
     */
    static String defaultedArguments(String name, int given) {
        List<String> defaults = switch (name) {
            case "hll_sketch_agg", "theta_sketch_agg", "theta_union_agg" -> List.of("12");
            case "hll_union_agg" -> List.of("false");
            case "percentile" -> List.of("1");
            case "approx_top_k" -> List.of("5", "10000");   // k, maxItemsTracked
            case "approx_top_k_accumulate" -> List.of("10000");
            default -> List.of();
        };
        int required = name.equals("percentile") ? 2 : 1;
        StringBuilder sb = new StringBuilder();
        for (int i = given - required; i < defaults.size(); i++) if (i >= 0) sb.append(", ").append(defaults.get(i));
        return sb.toString();
    }
}
