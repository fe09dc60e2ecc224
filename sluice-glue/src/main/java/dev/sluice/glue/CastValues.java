package dev.sluice.glue;

import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Record-level casts for paths inside arrays (the plan casts everything else): Spark's try_cast rules for
 * scalars: a value that cannot be cast becomes null, as Glue's resolveChoice cast documents.
 */
final class CastValues {
    private CastValues() {}

    static Object cast(Object v, GlueType target) {
        if (v == null) return null;
        if (!(target instanceof GlueScalar t)) return RecordValues.typeOf(v).typeName().equals(target.typeName()) ? v : null;
        try {
            switch (t.typeName()) {
                case "string": return v instanceof Instant || v instanceof LocalDateTime ? RecordJson.text(v) : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
                case "int": return (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case "short": return (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE);
                case "byte": return (byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
                case "long": return integral(v, Long.MIN_VALUE, Long.MAX_VALUE);
                case "double": return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
                case "float": return v instanceof Number n ? n.floatValue() : Float.parseFloat(v.toString().trim());
                case "decimal": return new BigDecimal(v.toString().trim());
                case "boolean": return v instanceof Boolean ? v : bool(v.toString());
                case "date": return v instanceof LocalDate ? v : LocalDate.parse(v.toString().trim());
                case "timestamp": return v instanceof Instant ? v : v instanceof LocalDateTime l ? l.toInstant(ZoneOffset.UTC)
                        : LocalDateTime.parse(v.toString().trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                case "timestampntz": return v instanceof LocalDateTime ? v : v instanceof Instant i ? LocalDateTime.ofInstant(i, ZoneOffset.UTC)
                        : LocalDateTime.parse(v.toString().trim().replace(' ', 'T'));
                case "binary": return v instanceof byte[] ? v : java.util.Base64.getDecoder().decode(v.toString());
                default: return RecordValues.typeOf(v).typeName().equals(t.typeName()) ? v : null;
            }
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long integral(Object v, long min, long max) {
        BigDecimal d = v instanceof Number && !(v instanceof BigDecimal) && !(v instanceof Double) && !(v instanceof Float)
                ? BigDecimal.valueOf(((Number) v).longValue()) : new BigDecimal(v.toString().trim());
        long l = d.longValue();
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) throw new ArithmeticException("overflow");
        return l;
    }

    private static Boolean bool(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("t") || t.equals("1") || t.equals("yes") || t.equals("y")) return true;
        if (t.equals("false") || t.equals("f") || t.equals("0") || t.equals("no") || t.equals("n")) return false;
        return null;
    }
}
