package dev.sluice.expr.fn;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variant in Spark's binary form (the Variant encoding of Spark's {@code common/variant}, shared with Parquet): a
 * {@code value} (a header byte whose low 2 bits give the basic type: primitive, short string, object, array) and a
 * {@code metadata} dictionary of the object keys (version 1, its offsets in the fewest bytes that hold them). Sluice
 * keeps a variant as canonical JSON text; this is the form Spark Connect clients read a variant result in. Integers
 * take the narrowest of int8..int64, decimals the narrowest of decimal4/8/16, as Spark's {@code parse_json} builds them.
 */
public final class VariantBinary {
    private VariantBinary() {}

    /** The two binaries of a variant. */
    public record Encoded(byte[] value, byte[] metadata) {}

    private static final int PRIMITIVE = 0, SHORT_STR = 1, OBJECT = 2, ARRAY = 3;
    private static final int NULL = 0, TRUE = 1, FALSE = 2, INT1 = 3, INT2 = 4, INT4 = 5, INT8 = 6, DOUBLE = 7,
            DECIMAL4 = 8, DECIMAL8 = 9, DECIMAL16 = 10, LONG_STR = 16;
    private static final int MAX_SHORT_STR = 0x3F;

    /** The binary form of the variant whose canonical JSON text is {@code json}. */
    public static Encoded encode(String json) {
        Object model = VariantJson.parse(json);
        Map<String, Integer> keys = new LinkedHashMap<>();
        collectKeys(model, keys);
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        write(model, keys, value);
        return new Encoded(value.toByteArray(), metadata(new ArrayList<>(keys.keySet())));
    }

    private static void collectKeys(Object v, Map<String, Integer> keys) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                keys.putIfAbsent((String) e.getKey(), keys.size());
                collectKeys(e.getValue(), keys);
            }
        } else if (v instanceof List<?> l) {
            for (Object o : l) collectKeys(o, keys);
        }
    }

    private static byte[] metadata(List<String> keys) {
        List<byte[]> bytes = new ArrayList<>();
        int total = 0;
        for (String k : keys) {
            byte[] b = k.getBytes(StandardCharsets.UTF_8);
            bytes.add(b);
            total += b.length;
        }
        int size = sizeOf(Math.max(total, keys.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1 | ((size - 1) << 6));   // version 1, not marked sorted
        le(out, keys.size(), size);
        int offset = 0;
        le(out, 0, size);
        for (byte[] b : bytes) {
            offset += b.length;
            le(out, offset, size);
        }
        for (byte[] b : bytes) out.writeBytes(b);
        return out.toByteArray();
    }

    private static void write(Object v, Map<String, Integer> keys, ByteArrayOutputStream out) {
        if (v == VariantJson.NULL || v == null) out.write(primitive(NULL));
        else if (v instanceof Boolean b) out.write(primitive(b ? TRUE : FALSE));
        else if (v instanceof Long l) integer(l, out);
        else if (v instanceof Double d) {
            out.write(primitive(DOUBLE));
            le(out, Double.doubleToRawLongBits(d), 8);
        } else if (v instanceof BigDecimal d) decimal(d, out);
        else if (v instanceof String s) string(s, out);
        else if (v instanceof List<?> l) array(l, keys, out);
        else if (v instanceof Map<?, ?> m) object(m, keys, out);
        else throw new IllegalArgumentException("not a variant value: " + v.getClass().getSimpleName());
    }

    private static int primitive(int type) { return type << 2 | PRIMITIVE; }

    private static void integer(long l, ByteArrayOutputStream out) {
        if (l == (byte) l) {
            out.write(primitive(INT1));
            le(out, l, 1);
        } else if (l == (short) l) {
            out.write(primitive(INT2));
            le(out, l, 2);
        } else if (l == (int) l) {
            out.write(primitive(INT4));
            le(out, l, 4);
        } else {
            out.write(primitive(INT8));
            le(out, l, 8);
        }
    }

    private static void decimal(BigDecimal d, ByteArrayOutputStream out) {
        if (d.scale() < 0) d = d.setScale(0);
        BigInteger unscaled = d.unscaledValue();
        int precision = d.precision();
        if (precision <= 9) {
            out.write(primitive(DECIMAL4));
            out.write(d.scale());
            le(out, unscaled.intValueExact(), 4);
        } else if (precision <= 18) {
            out.write(primitive(DECIMAL8));
            out.write(d.scale());
            le(out, unscaled.longValueExact(), 8);
        } else {
            out.write(primitive(DECIMAL16));
            out.write(d.scale());
            byte[] big = unscaled.toByteArray();   // big-endian two's complement, sign-extended to 16 bytes little-endian
            for (int i = 0; i < 16; i++) {
                int j = big.length - 1 - i;
                out.write(j >= 0 ? big[j] : (unscaled.signum() < 0 ? 0xFF : 0));
            }
        }
    }

    private static void string(String s, ByteArrayOutputStream out) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= MAX_SHORT_STR) {
            out.write(b.length << 2 | SHORT_STR);
        } else {
            out.write(primitive(LONG_STR));
            le(out, b.length, 4);
        }
        out.writeBytes(b);
    }

    private static void array(List<?> l, Map<String, Integer> keys, ByteArrayOutputStream out) {
        List<byte[]> elements = new ArrayList<>();
        int total = 0;
        for (Object o : l) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            write(o, keys, e);
            elements.add(e.toByteArray());
            total += e.size();
        }
        boolean large = l.size() > 0xFF;
        int offsetSize = sizeOf(total);
        out.write(((large ? 1 : 0) << 2 | (offsetSize - 1)) << 2 | ARRAY);
        le(out, l.size(), large ? 4 : 1);
        int offset = 0;
        le(out, 0, offsetSize);
        for (byte[] e : elements) {
            offset += e.length;
            le(out, offset, offsetSize);
        }
        for (byte[] e : elements) out.writeBytes(e);
    }

    /** An object's fields in key order (the model's maps are sorted), each named by its id in the metadata. */
    private static void object(Map<?, ?> m, Map<String, Integer> keys, ByteArrayOutputStream out) {
        List<byte[]> values = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        int total = 0;
        int maxId = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            int id = keys.get((String) e.getKey());
            ids.add(id);
            maxId = Math.max(maxId, id);
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            write(e.getValue(), keys, v);
            values.add(v.toByteArray());
            total += v.size();
        }
        boolean large = m.size() > 0xFF;
        int idSize = sizeOf(maxId);
        int offsetSize = sizeOf(total);
        out.write(((large ? 1 : 0) << 4 | (idSize - 1) << 2 | (offsetSize - 1)) << 2 | OBJECT);
        le(out, m.size(), large ? 4 : 1);
        for (int id : ids) le(out, id, idSize);
        int offset = 0;
        le(out, 0, offsetSize);
        for (byte[] v : values) {
            offset += v.length;
            le(out, offset, offsetSize);
        }
        for (byte[] v : values) out.writeBytes(v);
    }

    /** The fewest bytes (1 to 4) an unsigned {@code max} fits in. */
    private static int sizeOf(int max) {
        return max <= 0xFF ? 1 : max <= 0xFFFF ? 2 : max <= 0xFFFFFF ? 3 : 4;
    }

    private static void le(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = 0; i < bytes; i++) out.write((int) (v >>> (8 * i)) & 0xFF);
    }
}
