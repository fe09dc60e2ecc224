package dev.sluice.io.parquet;

import dev.sluice.expr.And;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Or;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides from a row group's column statistics (null count, min, max) that pushed filters cannot match any
 * of its rows, so the row group is skipped unread. Understands a column or nested struct field compared
 * with a literal ({@code = < <= > >= <=>}), IS NULL, IS NOT NULL, and AND / OR of those; anything else, or
 * a column without usable statistics, never skips. Conservative on purpose: the engine re-applies every
 * filter, so a wrong "may match" costs time, while a wrong "cannot match" would lose rows.
 * <p>Floating-point columns skip only on {@code = < <=}: Spark orders NaN above every number, and Parquet
 * statistics may leave NaN out, so a row group's max does not bound {@code > x}.
 */
final class StatisticsFilter {
    private final MessageType fileSchema;

    StatisticsFilter(MessageType fileSchema) { this.fileSchema = fileSchema; }

    /** True when no row of {@code block} can satisfy all of {@code filters}. */
    boolean canSkip(BlockMetaData block, List<Expression> filters) {
        if (filters.isEmpty() || block.getRowCount() == 0) return false;
        Map<ColumnPath, ColumnChunkMetaData> chunks = new HashMap<>();
        for (ColumnChunkMetaData c : block.getColumns()) chunks.put(c.getPath(), c);
        for (Expression f : filters) if (cannotMatch(f, block, chunks)) return true;
        return false;
    }

    private boolean cannotMatch(Expression e, BlockMetaData block, Map<ColumnPath, ColumnChunkMetaData> chunks) {
        if (e instanceof And a) return cannotMatch(a.left(), block, chunks) || cannotMatch(a.right(), block, chunks);
        if (e instanceof Or o) return cannotMatch(o.left(), block, chunks) && cannotMatch(o.right(), block, chunks);
        if (e instanceof dev.sluice.expr.FunctionCall in && in.name().equals("in")) {
            // x IN (a, b): no row can match when x = a and x = b both cannot (NULL items never make it TRUE)
            for (Expression item : in.arguments().subList(1, in.arguments().size())) {
                if (!(item instanceof Literal lit)) return false;
                if (lit.value() != null
                        && !cannotMatch(new Comparison(Comparison.Op.EQ, in.arguments().get(0), lit), block, chunks)) return false;
            }
            return true;
        }
        if (e instanceof IsNull n) {
            ColumnStats s = stats(n.child(), block, chunks);
            return s != null && s.nullsKnown && s.nulls == 0;
        }
        if (e instanceof IsNotNull n) {
            ColumnStats s = stats(n.child(), block, chunks);
            return s != null && s.allNull();
        }
        if (e instanceof Comparison c) {
            Comparison.Op op = c.op();
            Expression column = c.left();
            Expression other = c.right();
            if (!(other instanceof Literal)) {
                column = c.right();
                other = c.left();
                op = op.flipped();
            }
            if (!(other instanceof Literal lit)) return false;
            ColumnStats s = stats(column, block, chunks);
            if (s == null) return false;
            if (lit.value() == null) {
                return op == Comparison.Op.EQ_NULL_SAFE ? s.nullsKnown && s.nulls == 0 : true;   // x = NULL is never true
            }
            if (s.allNull()) return true;
            if (!s.hasMinMax() || !lit.dataType().equals(s.type)) return false;
            return s.excludes(op, lit.value());
        }
        return false;
    }


    /** Statistics of the leaf a column expression reads; null when unknown (not a plain leaf, no stats). */
    private ColumnStats stats(Expression column, BlockMetaData block, Map<ColumnPath, ColumnChunkMetaData> chunks) {
        Leaf leaf = leaf(fileSchema, column);
        if (leaf == null) return null;
        if (leaf == Leaf.ABSENT) return ColumnStats.absent(column.dataType(), block.getRowCount());   // reads as null
        ColumnChunkMetaData chunk = chunks.get(ColumnPath.get(leaf.path()));
        if (chunk == null) return null;
        Statistics<?> st = chunk.getStatistics();
        if (st == null || st.isEmpty()) return null;
        return new ColumnStats(column.dataType(), leaf.type(), st, chunk.getValueCount());
    }

    /** The primitive leaf of the file a column expression reads, through plain (non-repeated) structs. */
    record Leaf(String[] path, PrimitiveType type) {
        /** The file lacks the column: it reads as null. */
        static final Leaf ABSENT = new Leaf(new String[0], null);
    }

    /** The leaf {@code column} (a column, or struct fields of one) reads; null when it is not such a leaf. */
    static Leaf leaf(MessageType fileSchema, Expression column) {
        List<String> names = new ArrayList<>();
        Expression e = column;
        while (e instanceof GetStructField g) {
            names.add(0, g.fieldName());
            e = g.child();
        }
        // the engine binds pushed filters to the projection before opening: accept both forms
        if (e instanceof ColumnRef ref) names.add(0, ref.name());
        else if (e instanceof BoundColumn b) names.add(0, b.name());
        else return null;
        // walk the file schema: only plain (non-repeated) groups down to a primitive leaf
        GroupType group = fileSchema;
        String[] path = new String[names.size()];
        Type leaf = null;
        for (int i = 0; i < names.size(); i++) {
            int idx = FieldNames.find(group, names.get(i));
            if (idx < 0) return Leaf.ABSENT;
            Type t = group.getType(idx);
            if (t.isRepetition(Type.Repetition.REPEATED)) return null;
            path[i] = t.getName();
            if (i == names.size() - 1) {
                leaf = t;
            } else {
                if (t.isPrimitive() || t.getLogicalTypeAnnotation() != null) return null;
                group = t.asGroupType();
            }
        }
        if (leaf == null || !leaf.isPrimitive()) return null;
        return new Leaf(path, leaf.asPrimitiveType());
    }

    /** One column chunk's statistics in Sluice's value domain. */
    private static final class ColumnStats {
        final DataType type;
        final boolean nullsKnown;
        final long nulls;
        final long values;
        final Comparable<Object> min;
        final Comparable<Object> max;
        final boolean floating;

        private ColumnStats(DataType type, boolean nullsKnown, long nulls, long values, Comparable<Object> min,
                            Comparable<Object> max, boolean floating) {
            this.type = type;
            this.nullsKnown = nullsKnown;
            this.nulls = nulls;
            this.values = values;
            this.min = min;
            this.max = max;
            this.floating = floating;
        }

        ColumnStats(DataType type, PrimitiveType leaf, Statistics<?> st, long values) {
            this(type, st.isNumNullsSet(), st.isNumNullsSet() ? st.getNumNulls() : -1, values,
                    st.hasNonNullValue() ? domain(type, leaf, st.genericGetMin()) : null,
                    st.hasNonNullValue() ? domain(type, leaf, st.genericGetMax()) : null,
                    type instanceof DoubleType || type instanceof FloatType);
        }

        static ColumnStats absent(DataType type, long rows) { return new ColumnStats(type, true, rows, rows, null, null, false); }

        boolean allNull() { return nullsKnown && nulls == values; }

        boolean hasMinMax() { return min != null && max != null; }

        boolean excludes(Comparison.Op op, Object literal) {
            Comparable<Object> v = domain(type, null, literal);
            if (v == null) return false;
            if (floating && (Double.isNaN((Double) (Object) v) || Double.isNaN((Double) (Object) min)
                    || Double.isNaN((Double) (Object) max))) {
                return false;
            }
            switch (op) {
                case EQ: case EQ_NULL_SAFE: return v.compareTo(min) < 0 || v.compareTo(max) > 0;
                case LT: return min.compareTo(v) >= 0;
                case LE: return min.compareTo(v) > 0;
                case GT: return !floating && max.compareTo(v) <= 0;
                case GE: return !floating && max.compareTo(v) < 0;
                default: return false;
            }
        }
    }

    /**
     * A file value (when {@code leaf} is given: a statistic or a dictionary entry) or a literal as a comparable
     * value of the column's Sluice type: numbers, dates and timestamps as BigDecimal (exact for every integer and
     * decimal width), floating point as Double, strings and binary as unsigned bytes, booleans as Boolean. Null
     * when the file value cannot be trusted for ordering (unsigned integers, INT96).
     */
    @SuppressWarnings("unchecked")
    static Comparable<Object> domain(DataType type, PrimitiveType leaf, Object value) {
        Object out = null;
        if (type instanceof IntegerType || type instanceof LongType || type instanceof DateType
                || type instanceof DecimalType || type instanceof TimestampType) {
            out = exact(type, leaf, value);
        } else if (type instanceof DoubleType || type instanceof FloatType) {
            if (value instanceof Number n) out = n.doubleValue();
        } else if (type instanceof StringType || type instanceof BinaryType) {
            if (value instanceof Binary b) out = new UnsignedBytes(b.getBytes());
            else if (value instanceof String s) out = new UnsignedBytes(s.getBytes(StandardCharsets.UTF_8));
            else if (value instanceof byte[] b) out = new UnsignedBytes(b);
        } else if (type instanceof BooleanType) {
            if (value instanceof Boolean) out = value;
        }
        return (Comparable<Object>) out;
    }

    private static BigDecimal exact(DataType type, PrimitiveType leaf, Object value) {
        if (leaf == null) {   // a literal, in Sluice's Java form
            if (value instanceof Integer || value instanceof Long) return BigDecimal.valueOf(((Number) value).longValue());
            if (value instanceof BigDecimal d) return d;
            if (value instanceof LocalDate d) return BigDecimal.valueOf(d.toEpochDay());
            if (value instanceof Instant i) return BigDecimal.valueOf(Timestamps.toMicros(i));
            return null;
        }
        LogicalTypeAnnotation a = leaf.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) return null;
        if (leaf.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) return null;
        int scale = a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : 0;
        long factor = a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS ? 1000 : 1;
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue() * factor, scale);
        }
        if (value instanceof Binary b) return new BigDecimal(new BigInteger(b.getBytes()), scale);
        return null;
    }

    /** Bytes ordered as Spark orders strings and binary: unsigned, lexicographic. */
    private record UnsignedBytes(byte[] bytes) implements Comparable<UnsignedBytes> {
        @Override public int compareTo(UnsignedBytes o) { return Arrays.compareUnsigned(bytes, o.bytes); }
    }
}
