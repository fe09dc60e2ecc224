package dev.sluice.expr;

import dev.sluice.vector.IntervalParsing;
import dev.sluice.error.SluiceException;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.LongDecimals;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.math.BigDecimal;

/**
 * Casts from string, parsing the UTF-8 bytes as Spark does (see {@link StringParsing}). A malformed value is
 * CAST_INVALID_INPUT under ANSI (also for integers out of range, as Spark) and NULL otherwise; legacy casts to
 * integers accept and drop a fraction ({@code '1.5'} → 1).
 */
final class CastFromString {
    private CastFromString() {}

    static FlatVector cast(ColumnVector in, CastContext ctx) {
        DataType to = ctx.to();
        long[] parsed = new long[1];
        if (to.isIntegral() && to.storesInt()) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                if (StringParsing.parseLong(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i), ctx.legacy(), parsed)
                        && CastFromNumeric.fitsNarrow(parsed[0], to)) {
                    ((IntVector) out).append((int) parsed[0]);
                } else {
                    ctx.invalid(out, in.getString(i));
                }
            });
        }
        if (to instanceof LongType) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                if (StringParsing.parseLong(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i), ctx.legacy(), parsed)) {
                    ((LongVector) out).append(parsed[0]);
                } else {
                    ctx.invalid(out, in.getString(i));
                }
            });
        }
        if (to instanceof DoubleType) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                String s = in.getString(i);
                Double d = StringParsing.parseDouble(s);
                if (d != null) ((DoubleVector) out).append(d);
                else ctx.invalid(out, s);
            });
        }
        if (to instanceof FloatType) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                String s = in.getString(i);
                Float f = StringParsing.parseFloat(s);
                if (f != null) ((FloatVector) out).append(f);
                else ctx.invalid(out, s);
            });
        }
        if (to instanceof DecimalType d) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                if (d.fitsInLong()) {   // plain text straight into the unscaled long; anything else below
                    byte[] b = in.bytesArray(i);
                    int start = in.bytesStart(i), end = start + in.bytesLength(i);
                    while (start < end && (b[start] & 0xff) <= ' ') start++;   // String.trim's spaces
                    while (end > start && (b[end - 1] & 0xff) <= ' ') end--;
                    long u = LongDecimals.parse(b, start, end - start, d.scale(), d.precision());
                    if (u != LongDecimals.NOT_PARSED) {
                        ((DecimalVector) out).appendUnscaled(u);
                        return;
                    }
                }
                String s = in.getString(i);
                BigDecimal value = StringParsing.parseDecimal(s);
                if (value == null) ctx.invalid(out, s);
                else CastFromNumeric.appendDecimal(value, d, (DecimalVector) out, ctx);
            });
        }
        if (to instanceof BooleanType) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                int b = StringParsing.parseBoolean(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i));
                if (b >= 0) ((BooleanVector) out).append(b == 1);
                else ctx.invalid(out, in.getString(i));
            });
        }
        if (to instanceof DateType) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                long days = StringParsing.parseDate(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i));
                if (days != Long.MIN_VALUE && days == (int) days) ((IntVector) out).append((int) days);
                else ctx.invalid(out, in.getString(i));
            });
        }
        if (to instanceof TimestampType) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                if (StringParsing.parseTimestamp(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i), ctx.zone(), parsed)) {
                    ((LongVector) out).append(parsed[0]);
                } else {
                    ctx.invalid(out, in.getString(i));
                }
            });
        }
        if (to instanceof dev.sluice.types.TimestampNTZType) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                // the wall clock as written; a zone in the text is ignored, as Spark's stringToTimestampWithoutTimeZone
                if (StringParsing.parseTimestamp(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i), java.time.ZoneOffset.UTC, parsed, true)) {
                    ((LongVector) out).append(parsed[0]);
                } else {
                    ctx.invalid(out, in.getString(i));
                }
            });
        }
        if (to instanceof dev.sluice.types.YearMonthIntervalType || to instanceof dev.sluice.types.DayTimeIntervalType) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                String s = in.getString(i);
                Long v = IntervalParsing.parseCastText(s, to);
                if (v == null) ctx.invalid(out, s);
                else if (to.storesInt()) ((IntVector) out).append(v.intValue());
                else ((LongVector) out).append(v);
            });
        }
        if (to instanceof BinaryType) {
            // the same bytes, retyped
            return Kernels.mapNonNull(in, to, (i, out) -> ((BytesVector) out).append(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i)));
        }
        throw SluiceException.internal("no cast from string to " + to);
    }
}
