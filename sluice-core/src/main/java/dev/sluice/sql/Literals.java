package dev.sluice.sql;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Cast;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Literal;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Locale;

/** SQL literal text to typed literals, as Spark's parser types them. */
final class Literals {
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Literals() {}

    /**
     * A number: {@code 1} INT (BIGINT, then DECIMAL when it does not fit), {@code 10L} BIGINT, {@code 1.5}
     * DECIMAL(2,1), {@code 1e5} and {@code 1.5D} DOUBLE, {@code 1.5F} FLOAT, {@code 2BD} DECIMAL.
     */
    static Literal number(String text, boolean negative) {
        String upper = text.toUpperCase(Locale.ROOT);
        String sign = negative ? "-" : "";
        if (upper.endsWith("BD")) return decimal(new BigDecimal(sign + text.substring(0, text.length() - 2)));
        char last = upper.charAt(upper.length() - 1);
        String digits = sign + text.substring(0, text.length() - 1);
        switch (last) {
            case 'L': {
                BigDecimal v = new BigDecimal(digits);
                if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) throw outOfRange(text, "BIGINT");
                return Literal.of(v.longValueExact());
            }
            case 'S': {
                BigDecimal v = new BigDecimal(digits);
                if (v.compareTo(BigDecimal.valueOf(Short.MIN_VALUE)) < 0 || v.compareTo(BigDecimal.valueOf(Short.MAX_VALUE)) > 0) {
                    throw outOfRange(text, "SMALLINT");
                }
                return Literal.of(v.shortValueExact());
            }
            case 'Y': {
                BigDecimal v = new BigDecimal(digits);
                if (v.compareTo(BigDecimal.valueOf(Byte.MIN_VALUE)) < 0 || v.compareTo(BigDecimal.valueOf(Byte.MAX_VALUE)) > 0) {
                    throw outOfRange(text, "TINYINT");
                }
                return Literal.of(v.byteValueExact());
            }
            case 'D': return Literal.of(Double.parseDouble(digits));
            case 'F': return Literal.of(Float.parseFloat(digits));
            default: break;
        }
        if (upper.contains("E")) return Literal.of(Double.parseDouble(sign + text));
        BigDecimal v = new BigDecimal(sign + text);
        if (upper.contains(".")) return decimal(v);
        if (v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0) return Literal.of(v.intValueExact());
        if (v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0) return Literal.of(v.longValueExact());
        return decimal(v);
    }

    private static Literal decimal(BigDecimal v) {
        if (Math.max(v.precision(), v.scale()) > 38) throw outOfRange(v.toPlainString(), "DECIMAL(38)");
        return Literal.of(v);
    }

    private static SluiceException outOfRange(String text, String type) {
        return SluiceException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE).with("value", text).with("type", type).build();
    }

    /** The value of one string token: quotes removed, backslash escapes applied (none in raw {@code r'...'}). */
    static String string(String token) {
        char first = token.charAt(0);
        if (first == 'r' || first == 'R') return token.substring(2, token.length() - 1);
        return unescape(token.substring(1, token.length() - 1));
    }

    /** Spark's unescapeSQLString: {@code \n \t \r \b \0 \Z \\ \' \"}, {@code \\uXXXX}, octal; {@code \%} and {@code \_} stay. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'Z' -> out.append('\u001A');
                case '%', '_' -> out.append('\\').append(n);
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append('u');
                    }
                }
                default -> {
                    if (n >= '0' && n <= '7' && i + 2 < s.length() && s.substring(i, i + 3).matches("[0-3][0-7]{2}")) {
                        out.append((char) Integer.parseInt(s.substring(i, i + 3), 8));
                        i += 2;
                    } else if (n == '0') {
                        out.append('\u0000');
                    } else {
                        out.append(n);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code X'1F'}: the bytes. */
    static Literal binary(String token) {
        String hex = token.substring(2, token.length() - 1);
        if (hex.length() % 2 == 1) hex = "0" + hex;
        return Literal.of(HexFormat.of().parseHex(hex));
    }

    /** {@code DATE '2024-01-31'}, {@code TIMESTAMP '...'}, {@code TIME '12:34'} (always time(6), as Spark): the value the cast from text gives, checked now. */
    static Literal typed(String typeName, String value) {
        DataType type = switch (typeName.toUpperCase(Locale.ROOT)) {
            case "DATE" -> DataTypes.DATE;
            case "TIMESTAMP", "TIMESTAMP_LTZ" -> DataTypes.TIMESTAMP;
            case "TIMESTAMP_NTZ" -> DataTypes.TIMESTAMP_NTZ;
            case "TIME" -> DataTypes.TIME;
            default -> throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", typeName + " literals")
                    .with("reason", typeName + " is not a Sluice type yet").build();
        };
        try {
            Object v = new Cast(Literal.of(value), type, EvalMode.ANSI).evaluate(Batch.ofRowCount(1)).getObject(0);
            if (v == null) throw new IllegalStateException("null");
            return new Literal(v, type);
        } catch (SluiceException | IllegalStateException e) {
            throw SluiceException.of(ErrorCode.INVALID_TYPED_LITERAL).with("type", typeName.toUpperCase(Locale.ROOT))
                    .with("value", "'" + value + "'").build();
        }
    }
}
