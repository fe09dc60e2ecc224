package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import dev.sluice.types.Collation;
import java.util.Locale;

import static dev.sluice.types.DataTypes.BINARY;
import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;
import static dev.sluice.types.DataTypes.STRING;

/**
 * Text and bytes: base64/unbase64, hex/unhex, bin, conv, encode/decode, to_binary, bit_length/octet_length,
 * startswith/endswith/contains (strings or binaries), is_valid_utf8 family. Spark's rules: unhex of an odd-length
 * string pads a leading 0, an invalid digit gives NULL; conv works on unsigned 64-bit values as Spark's NumberConverter.
 */
public final class EncodingFunctions {
    private EncodingFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("base64", RowFunction.typed(STRING, BINARY), v -> Base64.getEncoder().encodeToString((byte[]) v[0])));
        out.add(RowFunction.of("unbase64", RowFunction.typed(BINARY, STRING), v -> unbase64("unbase64", (String) v[0])));
        out.add(RowFunction.of("hex", EncodingFunctions::bindHex, v -> hex(v[0])));
        out.add(RowFunction.of("unhex", RowFunction.typed(BINARY, STRING), v -> unhex((String) v[0])));
        out.add(RowFunction.of("bin", RowFunction.typed(STRING, LONG), v -> Long.toBinaryString((Long) v[0])));
        out.add(RowFunction.of("conv", RowFunction.typed(STRING, STRING, INT, INT), v -> conv((String) v[0], (Integer) v[1], (Integer) v[2])));
        out.add(RowFunction.of("encode", RowFunction.typed(BINARY, STRING, STRING), v -> ((String) v[0]).getBytes(charset("encode", (String) v[1]))));
        out.add(RowFunction.nullable("decode", EncodingFunctions::bindDecode, (v, s) -> {
            if (v.length == 2) return v[0] == null || v[1] == null ? null : new String((byte[]) v[0], charset("decode", (String) v[1]));
            // decode(expr, search, result, ..., [default]): the first search equal to expr (NULL equals NULL)
            for (int i = 1; i + 1 < v.length; i += 2) if (java.util.Objects.equals(ArraySetFunctions.key(v[0]), ArraySetFunctions.key(v[i]))) return v[i + 1];
            return v.length % 2 == 0 ? v[v.length - 1] : null;
        }));
        out.add(RowFunction.of("to_binary", RowFunction.optional(1, BINARY, STRING, STRING), v -> toBinary((String) v[0], v.length > 1 ? (String) v[1] : "hex")));
        out.add(RowFunction.of("try_to_binary", RowFunction.optional(1, BINARY, STRING, STRING), v -> {
            try {
                return toBinary((String) v[0], v.length > 1 ? (String) v[1] : "hex");
            } catch (SluiceException e) {
                return null;
            }
        }));
        out.add(RowFunction.of("bit_length", EncodingFunctions::bindBytes, v -> bytes(v[0]).length * 8));
        out.add(RowFunction.of("octet_length", EncodingFunctions::bindBytes, v -> bytes(v[0]).length));
        // under a non-binary collation (the signature's state) the search follows it; UTF8_BINARY keeps the byte loops
        out.add(RowFunction.of("startswith", EncodingFunctions::bindPair, (v, s) -> s.state() instanceof Collation c
                ? CollatedStrings.startsWith((String) v[0], (String) v[1], c) : startsWith(bytes(v[0]), bytes(v[1]), 0)));
        out.add(RowFunction.of("endswith", EncodingFunctions::bindPair, (v, s) -> {
            if (s.state() instanceof Collation c) return CollatedStrings.endsWith((String) v[0], (String) v[1], c);
            byte[] a = bytes(v[0]), b = bytes(v[1]);
            return a.length >= b.length && startsWith(a, b, a.length - b.length);
        }));
        out.add(RowFunction.of("contains", EncodingFunctions::bindPair, (v, s) -> s.state() instanceof Collation c
                ? CollatedStrings.contains((String) v[0], (String) v[1], c) : indexOf(bytes(v[0]), bytes(v[1])) >= 0));
        out.add(RowFunction.of("is_valid_utf8", RowFunction.typed(DataTypes.BOOLEAN, BINARY), v -> validUtf8((byte[]) v[0])));
        out.add(RowFunction.of("make_valid_utf8", RowFunction.typed(STRING, BINARY), v -> new String((byte[]) v[0], StandardCharsets.UTF_8)));
        out.add(RowFunction.of("validate_utf8", RowFunction.typed(STRING, BINARY), v -> {
            if (!validUtf8((byte[]) v[0])) throw FnArgs.badInput("validate_utf8", "invalid UTF-8 byte sequence");
            return new String((byte[]) v[0], StandardCharsets.UTF_8);
        }));
        out.add(RowFunction.of("try_validate_utf8", RowFunction.typed(STRING, BINARY),
                v -> validUtf8((byte[]) v[0]) ? new String((byte[]) v[0], StandardCharsets.UTF_8) : null));
        return out;
    }

    static byte[] bytes(Object v) { return v instanceof byte[] b ? b : ((String) v).getBytes(StandardCharsets.UTF_8); }

    /** Two strings, or two binaries when either side is binary (Spark's StringPredicate over binary). */
    static Signature bindPair(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        boolean binary = args.get(0).dataType() instanceof BinaryType || args.get(1).dataType() instanceof BinaryType;
        DataType t = binary ? BINARY : STRING;
        Signature s = new Signature(List.of(FnArgs.expect(fn, args, 0, t), FnArgs.expect(fn, args, 1, t)), DataTypes.BOOLEAN, true);
        return binary ? s : CollatedStrings.collated(s, CollatedStrings.of(fn, args, 0, 1), 0, 1);
    }

    static Signature bindBytes(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        DataType t = args.get(0).dataType() instanceof BinaryType ? BINARY : STRING;
        return new Signature(List.of(FnArgs.expect(fn, args, 0, t)), INT, true);
    }

    static Signature bindHex(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        DataType t = args.get(0).dataType();
        DataType want = t instanceof BinaryType ? BINARY : t.isNumeric() && !(t instanceof dev.sluice.types.DecimalType)
                && !(t instanceof dev.sluice.types.DoubleType) && !(t instanceof dev.sluice.types.FloatType) ? LONG : STRING;
        if (t.isNumeric() && want == STRING) want = LONG;
        return new Signature(List.of(FnArgs.expect(fn, args, 0, want)), STRING, true);
    }

    static Signature bindDecode(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, Integer.MAX_VALUE);
        if (args.size() > 2) {
            List<DataType> keys = new ArrayList<>(List.of(args.get(0).dataType())), results = new ArrayList<>();
            for (int i = 1; i < args.size(); i++) (i % 2 == 1 && i + 1 < args.size() ? keys : results).add(args.get(i).dataType());
            DataType k = dev.sluice.expr.TypeCoercion.commonType(keys).orElseThrow(() -> FnArgs.mismatch(fn, args, 1, "search values of the type of the first argument"));
            DataType r = dev.sluice.expr.TypeCoercion.commonType(results).orElseThrow(() -> FnArgs.mismatch(fn, args, 2, "results of one type"));
            List<DataType> types = new ArrayList<>(List.of(k));
            for (int i = 1; i < args.size(); i++) types.add(i % 2 == 1 && i + 1 < args.size() ? k : r);
            return new Signature(types, r, true);
        }
        return new Signature(List.of(FnArgs.expect(fn, args, 0, BINARY), FnArgs.expect(fn, args, 1, STRING)), STRING, true);
    }

    static boolean startsWith(byte[] a, byte[] b, int at) {
        if (at < 0 || a.length - at < b.length) return false;
        for (int i = 0; i < b.length; i++) if (a[at + i] != b[i]) return false;
        return true;
    }

    static int indexOf(byte[] a, byte[] b) {
        for (int i = 0; i + b.length <= a.length; i++) if (startsWith(a, b, i)) return i;
        return -1;
    }

    static String hex(Object v) {
        if (v instanceof Long l) return Long.toHexString(l).toUpperCase(Locale.ROOT);
        byte[] b = bytes(v);
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) sb.append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16))).append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        return sb.toString();
    }

    static byte[] unhex(String s) {
        if ((s.length() & 1) == 1) s = "0" + s;
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16), lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) return null;
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    static byte[] unbase64(String fn, String s) {
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw FnArgs.badInput(fn, "'" + s + "' is not valid base64");
        }
    }

    static byte[] toBinary(String s, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "hex": {
                byte[] b = unhex(s);
                if (b == null) throw FnArgs.badInput("to_binary", "'" + s + "' is not a valid hex string");
                return b;
            }
            case "utf-8": case "utf8": return s.getBytes(StandardCharsets.UTF_8);
            case "base64": return unbase64("to_binary", s);
            default: throw FnArgs.badInput("to_binary", "the format must be one of hex, utf-8, utf8, base64, got '" + format + "'");
        }
    }

    static Charset charset(String fn, String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (List.of("US-ASCII", "ISO-8859-1", "UTF-8", "UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32").contains(n)) return Charset.forName(n);
        throw FnArgs.badInput(fn, "the charset must be one of 'us-ascii', 'iso-8859-1', 'utf-8', 'utf-16be', 'utf-16le', 'utf-16', 'utf-32', got '" + name + "'");
    }

    static boolean validUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Spark's conv: the longest valid prefix of {@code s} in {@code from} base (a leading '-' negates, as an
     * unsigned 64-bit value), written in |to| base; a negative {@code to} writes the value as signed.
     */
    static String conv(String s, int from, int to) {
        if (from < 2 || from > 36 || Math.abs(to) < 2 || Math.abs(to) > 36) return null;
        String t = s.strip();
        boolean negative = t.startsWith("-");
        if (negative) t = t.substring(1);
        BigInteger value = BigInteger.ZERO;
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        int digits = 0;
        for (char c : t.toCharArray()) {
            int d = Character.digit(c, from);
            if (d < 0) break;
            value = value.multiply(BigInteger.valueOf(from)).add(BigInteger.valueOf(d));
            if (value.compareTo(max) > 0) value = max;
            digits++;
        }
        if (digits == 0 && t.isEmpty()) return null;
        long bits = value.longValue();
        if (negative) bits = -bits;
        BigInteger out = to < 0 && bits < 0 ? BigInteger.valueOf(bits) : new BigInteger(Long.toUnsignedString(bits));
        return out.toString(Math.abs(to)).toUpperCase(Locale.ROOT);
    }
}
