package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateFunction.AggregateBinder;
import dev.sluice.expr.Expression;
import dev.sluice.expr.SortOrder;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spark's ordered-set aggregates, {@code f(args) WITHIN GROUP (ORDER BY keys)}: {@code percentile_cont(p)} and
 * {@code percentile_disc(p)} over the one ordering expression, {@code mode()} (ties go to the first value in the
 * ordering), {@code listagg(x [, delimiter])} / {@code string_agg} concatenated in the ordering. Each keeps the
 * group's tuples ({@link TupleAggregate}) as {@code [value, key1, ..., keyN, extra...]} and sorts them at the end.
 */
public final class OrderedSetAggregates {
    private OrderedSetAggregates() {}

    /** The functions that take {@code WITHIN GROUP (ORDER BY ...)}. */
    public static boolean isOrderedSet(String name) {
        return switch (name) {
            case "percentile_cont", "percentile_disc", "mode", "listagg", "string_agg" -> true;
            default -> false;
        };
    }

    /** Functions that are only valid with a WITHIN GROUP clause. */
    public static boolean requiresWithinGroup(String name) { return name.equals("percentile_cont") || name.equals("percentile_disc"); }

    /**
     * {@code name(args) WITHIN GROUP (ORDER BY orders)}; {@code callText} is Spark's text for the call (its column name).
     * INVALID_INVERSE_DISTRIBUTION_FUNCTION for a wrong shape (Spark's condition of that name).
     */
    public static TupleAggregate of(String name, List<Expression> args, List<SortOrder> orders, String callText) {
        List<Expression> inputs = new ArrayList<>();
        int keys = orders.size();
        List<Boolean> ascending = orders.stream().map(SortOrder::ascending).collect(Collectors.toList());
        List<Boolean> nullsFirst = orders.stream().map(SortOrder::nullsFirst).collect(Collectors.toList());
        switch (name) {
            case "percentile_cont", "percentile_disc" -> {
                if (args.size() != 1) throw invalid(name, "it takes exactly one argument (the percentile), got " + args.size());
                if (keys != 1) throw invalid(name, "WITHIN GROUP needs exactly one ordering expression, got " + keys);
                inputs.add(orders.get(0).child());
                inputs.add(args.get(0));
            }
            case "mode" -> {
                if (!args.isEmpty()) throw invalid(name, "with WITHIN GROUP it takes no arguments, got " + args.size());
                if (keys != 1) throw invalid(name, "WITHIN GROUP needs exactly one ordering expression, got " + keys);
                inputs.add(orders.get(0).child());
            }
            default -> {   // listagg, string_agg: the value, then the keys, then the delimiter
                if (args.isEmpty() || args.size() > 2) throw invalid(name, "it takes 1 or 2 arguments, got " + args.size());
                inputs.add(args.get(0));
                for (SortOrder o : orders) inputs.add(o.child());
                if (args.size() > 1) inputs.add(args.get(1));
            }
        }
        return TupleAggregate.of(new Spec(name, keys, ascending, nullsFirst, callText), inputs);
    }

    /** The percentile of ANSI intervals: computed over their months or microseconds as doubles. */
    private record IntervalPercentile(double p, DataType type) {
        List<Object[]> numbers(List<Object[]> tuples) {
            List<Object[]> out = new ArrayList<>(tuples.size());
            for (Object[] t : tuples) {
                Object v = t[0];
                Object d = v == null ? null : v instanceof java.time.Period per ? (double) dev.sluice.vector.Intervals.toMonths(per)
                        : (double) dev.sluice.vector.Intervals.toMicros((java.time.Duration) v);
                out.add(new Object[] {d});
            }
            return out;
        }

        Object back(Double d) {
            if (d == null) return null;
            return type instanceof dev.sluice.types.YearMonthIntervalType ? dev.sluice.vector.Intervals.toPeriod((int) d.doubleValue())
                    : dev.sluice.vector.Intervals.toDuration((long) d.doubleValue());
        }
    }

    private record Spec(String name, int keys, List<Boolean> ascending, List<Boolean> nullsFirst, String text) implements TupleAggregate.Spec {
        @Override public TupleAggregate.Bound bind(List<Expression> in, AggregateBinder b) {
            return switch (name) {
                case "percentile_cont", "percentile_disc" -> {
                    Expression value = in.get(0);
                    boolean interval = value.dataType().isInterval();
                    if (!interval && !value.dataType().isNumeric() && !value.dataType().equals(DataTypes.NULL)) {
                        throw TupleAggregates.mismatch(name, value, "a numeric value");
                    }
                    Object p = TupleAggregates.constant(in.get(1));
                    if (!(p instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
                        throw invalid(name, "the percentile must be a number between 0 and 1, got " + in.get(1).sql());
                    }
                    if (interval) {   // Spark: over months or microseconds, the result truncated back to the interval type
                        yield TupleAggregates.bound(List.of(value), value.dataType(), new IntervalPercentile(n.doubleValue(), value.dataType()));
                    }
                    yield TupleAggregates.bound(List.of(b.castTo(value, DataTypes.DOUBLE)), DataTypes.DOUBLE, n.doubleValue());
                }
                case "mode" -> TupleAggregates.bound(List.of(in.get(0)), in.get(0).dataType(), in.get(0).dataType());
                default -> {
                    DataType t = in.get(0).dataType();
                    DataType want = t.equals(DataTypes.BINARY) ? DataTypes.BINARY : DataTypes.STRING;
                    List<Expression> ev = new ArrayList<>();
                    ev.add(b.castTo(in.get(0), want));
                    List<DataType> keyTypes = new ArrayList<>();
                    for (int k = 1; k <= keys; k++) {
                        ev.add(in.get(k));
                        keyTypes.add(in.get(k).dataType());
                    }
                    if (in.size() > keys + 1) ev.add(b.castTo(in.get(keys + 1), want));
                    yield TupleAggregates.bound(ev, want, keyTypes);
                }
            };
        }

        @Override public Object finish(List<Object[]> tuples, Object state) {
            return switch (name) {
                case "percentile_cont", "percentile_disc" -> state instanceof IntervalPercentile ip
                        ? ip.back(percentile(ip.numbers(tuples), ip.p())) : percentile(tuples, (Double) state);
                case "mode" -> mode(tuples, (DataType) state);
                default -> listagg(tuples, castKeyTypes(state));
            };
        }

        @SuppressWarnings("unchecked")
        private static List<DataType> castKeyTypes(Object state) { return (List<DataType>) state; }

        /** Continuous: interpolated at {@code (n-1)·p}; discrete: the first value whose cumulative share reaches p. */
        private Double percentile(List<Object[]> tuples, double p) {
            List<Double> values = new ArrayList<>();
            for (Object[] t : tuples) if (t[0] != null) values.add(((Number) t[0]).doubleValue());
            if (values.isEmpty()) return null;
            values.sort(ascending.get(0) ? Comparator.naturalOrder() : Comparator.reverseOrder());
            if (name.equals("percentile_disc")) return values.get(Math.max(0, (int) Math.ceil(p * values.size()) - 1));
            double pos = (values.size() - 1) * p;
            int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
            double a = values.get(lo), c = values.get(hi);
            return lo == hi ? a : a + (pos - lo) * (c - a);
        }

        /** The most frequent value; among equally frequent ones, the first in the ordering. */
        private Object mode(List<Object[]> tuples, DataType type) {
            Map<Object, Integer> counts = new LinkedHashMap<>();
            for (Object[] t : tuples) if (t[0] != null) counts.merge(TupleAggregates.key(t[0]), 1, Integer::sum);
            Object best = null;
            int bestCount = 0;
            int sign = ascending.get(0) ? 1 : -1;
            for (Map.Entry<Object, Integer> e : counts.entrySet()) {
                Object v = TupleAggregates.unkey(e.getKey());
                if (e.getValue() > bestCount || (e.getValue() == bestCount && sign * TupleAggregates.compareValues(type, v, best) < 0)) {
                    best = v;
                    bestCount = e.getValue();
                }
            }
            return best;
        }

        private Object listagg(List<Object[]> tuples, List<DataType> keyTypes) {
            List<Object[]> sorted = new ArrayList<>(tuples);
            sorted.sort((x, y) -> {
                for (int k = 0; k < keys; k++) {
                    Object a = x[k + 1], c = y[k + 1];
                    int cmp;
                    if (a == null || c == null) {
                        if (a == c) continue;
                        cmp = (a == null) == nullsFirst.get(k) ? -1 : 1;
                        return cmp;
                    }
                    cmp = TupleAggregates.compareValues(keyTypes.get(k), a, c);
                    if (cmp != 0) return ascending.get(k) ? cmp : -cmp;
                }
                return 0;
            });
            boolean binary = false;
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            for (Object[] t : sorted) {
                if (t[0] == null) continue;
                Object delimiter = t.length > keys + 1 ? t[keys + 1] : null;
                if (t[0] instanceof byte[] v) {
                    binary = true;
                    if (any && delimiter instanceof byte[] d) bytes.writeBytes(d);
                    bytes.writeBytes(v);
                } else {
                    if (any && delimiter != null) sb.append(delimiter);
                    sb.append(t[0]);
                }
                any = true;
            }
            if (!any) return null;
            return binary ? bytes.toByteArray() : sb.toString();
        }

        @Override public String sql(List<Expression> inputs, boolean distinct) { return text; }
    }

    private static SluiceException invalid(String function, String reason) {
        return SluiceException.of(ErrorCode.INVALID_INVERSE_DISTRIBUTION_FUNCTION).with("function", function).with("reason", reason).build();
    }
}
