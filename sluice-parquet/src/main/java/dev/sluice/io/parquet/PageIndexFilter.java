package dev.sluice.io.parquet;

import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Pushed filters as a parquet-java predicate for its page-index (column index and offset index) filtering, which
 * then reads only the pages of a row group whose min/max can hold matching rows (every column's pages for those
 * row ranges). Only what compares the same way in Spark and in the file's column order is converted: int, date,
 * bigint, timestamp(_ntz) in microseconds, string and binary columns read as their own type, compared with a
 * literal of that type ({@code = <=> < <= > >=}), IN, IS NULL, IS NOT NULL; never floating point (NaN) or
 * decimals. Only columns of the read projection: parquet-java treats a column it does not read as all null.
 * Conservative like {@link StatisticsFilter}: the engine re-applies every filter to the rows read.
 */
final class PageIndexFilter {
    private PageIndexFilter() {}

    /** The conjunction of the convertible filters; null when none is. */
    static FilterPredicate of(MessageType fileSchema, MessageType requested, List<Expression> filters) {
        FilterPredicate out = null;
        for (Expression f : filters) {
            FilterPredicate p = convert(fileSchema, requested, f);
            if (p != null) out = out == null ? p : FilterApi.and(out, p);
        }
        return out;
    }

    private static FilterPredicate convert(MessageType fileSchema, MessageType requested, Expression e) {
        if (e instanceof IsNull n) {
            Column c = column(fileSchema, requested, n.child());
            return c == null ? null : c.isNull(true);
        }
        if (e instanceof IsNotNull n) {
            Column c = column(fileSchema, requested, n.child());
            return c == null ? null : c.isNull(false);
        }
        if (e instanceof FunctionCall in && in.name().equals("in")) {
            Column c = column(fileSchema, requested, in.arguments().get(0));
            if (c == null) return null;
            FilterPredicate out = null;
            for (Expression item : in.arguments().subList(1, in.arguments().size())) {
                if (!(item instanceof Literal lit) || !lit.dataType().equals(c.type)) return null;
                if (lit.value() == null) continue;   // a NULL item never makes IN true
                FilterPredicate eq = c.compare(Comparison.Op.EQ, lit.value());
                if (eq == null) return null;
                out = out == null ? eq : FilterApi.or(out, eq);
            }
            return out;
        }
        if (e instanceof Comparison cmp) {
            Comparison.Op op = cmp.op();
            Expression col = cmp.left();
            Expression other = cmp.right();
            if (!(other instanceof Literal)) {
                col = cmp.right();
                other = cmp.left();
                op = op.flipped();
            }
            if (!(other instanceof Literal lit) || lit.value() == null) return null;
            Column c = column(fileSchema, requested, col);
            if (c == null || !lit.dataType().equals(c.type)) return null;
            return c.compare(op, lit.value());
        }
        return null;
    }


    /** The leaf a column expression reads, when it is read (in {@code requested}) as its file type. */
    private static Column column(MessageType fileSchema, MessageType requested, Expression column) {
        StatisticsFilter.Leaf leaf = StatisticsFilter.leaf(fileSchema, column);
        if (leaf == null || leaf == StatisticsFilter.Leaf.ABSENT || !requested.containsPath(leaf.path())) return null;
        for (String name : leaf.path()) if (name.contains(".")) return null;   // parquet-java's paths are dotted
        DataType type = column.dataType();
        PrimitiveType p = leaf.type();
        try {
            if (!ParquetTypes.primitive(p).equals(type)) return null;   // read widened: compare in the file's terms only
        } catch (dev.sluice.error.SluiceException unsupported) {
            return null;
        }
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        String path = String.join(".", leaf.path());
        switch (p.getPrimitiveTypeName()) {
            case INT32:
                if (type instanceof IntegerType || type instanceof DateType) return new Column(type, path);
                return null;
            case INT64:
                if (type instanceof LongType) return new Column(type, path);
                if ((type instanceof TimestampType || type instanceof TimestampNTZType)
                        && a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                        && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS) {
                    return new Column(type, path);
                }
                return null;
            case BINARY:
                if (type instanceof StringType || type instanceof BinaryType) return new Column(type, path);
                return null;
            default:
                return null;
        }
    }

    /** A convertible column: its Sluice type and dotted Parquet path. */
    private record Column(DataType type, String path) {
        FilterPredicate isNull(boolean isNull) {
            if (type instanceof IntegerType || type instanceof DateType) {
                Operators.IntColumn c = FilterApi.intColumn(path);
                return isNull ? FilterApi.eq(c, null) : FilterApi.notEq(c, null);
            }
            if (type instanceof StringType || type instanceof BinaryType) {
                Operators.BinaryColumn c = FilterApi.binaryColumn(path);
                return isNull ? FilterApi.eq(c, null) : FilterApi.notEq(c, null);
            }
            Operators.LongColumn c = FilterApi.longColumn(path);
            return isNull ? FilterApi.eq(c, null) : FilterApi.notEq(c, null);
        }

        FilterPredicate compare(Comparison.Op op, Object value) {
            if (type instanceof IntegerType && value instanceof Integer i) return compare(FilterApi.intColumn(path), op, i);
            if (type instanceof DateType && value instanceof LocalDate d) {
                return compare(FilterApi.intColumn(path), op, Math.toIntExact(d.toEpochDay()));
            }
            if (type instanceof LongType && value instanceof Long l) return compare(FilterApi.longColumn(path), op, l);
            if (type instanceof TimestampType && value instanceof Instant i) {
                return compare(FilterApi.longColumn(path), op, Timestamps.toMicros(i));
            }
            if (type instanceof TimestampNTZType && value instanceof LocalDateTime t) {
                return compare(FilterApi.longColumn(path), op, Timestamps.toMicros(t));
            }
            if (type instanceof StringType && value instanceof String s) return compare(FilterApi.binaryColumn(path), op, Binary.fromString(s));
            if (type instanceof BinaryType && value instanceof byte[] b) {
                return compare(FilterApi.binaryColumn(path), op, Binary.fromConstantByteArray(b));
            }
            return null;
        }

        private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt> FilterPredicate compare(
                C column, Comparison.Op op, T value) {
            switch (op) {
                case EQ: case EQ_NULL_SAFE: return FilterApi.eq(column, value);
                case LT: return FilterApi.lt(column, value);
                case LE: return FilterApi.ltEq(column, value);
                case GT: return FilterApi.gt(column, value);
                case GE: return FilterApi.gtEq(column, value);
                default: return null;
            }
        }
    }
}
