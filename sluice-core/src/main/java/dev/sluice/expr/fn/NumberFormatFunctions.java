package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.TimestampType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static dev.sluice.types.DataTypes.STRING;

/**
 * Spark's number format strings for to_char / to_varchar and to_number / try_to_number: digits {@code 9} (blank
 * padded) and {@code 0} (zero padded), a decimal point {@code .} or {@code D}, grouping {@code ,} or {@code G}, a
 * leading {@code $}, a sign {@code S} or {@code MI} at either end, {@code PR} for angle brackets. to_char also
 * formats dates and timestamps (date_format patterns) and binaries ('base64', 'hex', 'utf-8').
 */
public final class NumberFormatFunctions {
    private NumberFormatFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("to_char", NumberFormatFunctions::bindToChar, NumberFormatFunctions::toChar),
                RowFunction.of("to_varchar", NumberFormatFunctions::bindToChar, NumberFormatFunctions::toChar),
                RowFunction.of("to_number", NumberFormatFunctions::bindToNumber, (v, s) -> parse((String) v[0], (Format) s.state(), false)),
                RowFunction.of("try_to_number", NumberFormatFunctions::bindToNumber, (v, s) -> parse((String) v[0], (Format) s.state(), true)));
    }

    /** A parsed number format. */
    record Format(String text, int integerDigits, int fractionDigits, boolean dollar, String sign, boolean signAtEnd, String integerPart, String fractionPart) {
        DecimalType type() { return DataTypes.decimal(Math.max(1, integerDigits + fractionDigits), fractionDigits); }
    }

    static Format format(String fn, String text) {
        String f = text.toUpperCase(Locale.ROOT);
        boolean dollar = false, signAtEnd = false;
        String sign = "";
        if (f.startsWith("$")) { dollar = true; f = f.substring(1); }
        if (f.startsWith("S")) { sign = "S"; f = f.substring(1); }
        else if (f.startsWith("MI")) { sign = "MI"; f = f.substring(2); }
        if (f.endsWith("S")) { sign = "S"; signAtEnd = true; f = f.substring(0, f.length() - 1); }
        else if (f.endsWith("MI")) { sign = "MI"; signAtEnd = true; f = f.substring(0, f.length() - 2); }
        else if (f.endsWith("PR")) { sign = "PR"; signAtEnd = true; f = f.substring(0, f.length() - 2); }
        if (f.startsWith("$")) { dollar = true; f = f.substring(1); }
        f = f.replace('D', '.').replace('G', ',');
        int dot = f.indexOf('.');
        String integer = dot < 0 ? f : f.substring(0, dot), fraction = dot < 0 ? "" : f.substring(dot + 1);
        if (!integer.matches("[09,]*") || !fraction.matches("[09]*") || integer.replace(",", "").isEmpty() && fraction.isEmpty()) {
            throw FnArgs.invalid(fn, "the format '" + text + "' is invalid");
        }
        return new Format(text, integer.replace(",", "").length(), fraction.length(), dollar, sign, signAtEnd, integer, fraction);
    }

    static Signature bindToChar(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        DataType t = args.get(0).dataType();
        Object fmt = FnArgs.constant(args.get(1), STRING);
        if (!(fmt instanceof String s)) throw FnArgs.invalid(fn, "the format must be a constant string");
        if (t instanceof DateType || t instanceof TimestampType || t instanceof BinaryType) {
            return new Signature(List.of(t, STRING), STRING, true, s);
        }
        if (!t.isNumeric()) throw FnArgs.mismatch(fn, args, 0, "a number, date, timestamp or binary");
        DataType want = t instanceof DecimalType ? t : DataTypes.decimal(38, 10);
        return new Signature(List.of(want, STRING), STRING, true, format(fn, s));
    }

    static Object toChar(Object[] v, Signature s) {
        if (v[0] instanceof byte[] b) {
            String f = ((String) s.state()).toLowerCase(Locale.ROOT);
            switch (f) {
                case "base64": return Base64.getEncoder().encodeToString(b);
                case "hex": return EncodingFunctions.hex(b);
                case "utf-8": case "utf8": return new String(b, StandardCharsets.UTF_8);
                default: throw FnArgs.badInput("to_char", "the binary format must be 'base64', 'hex' or 'utf-8', got '" + s.state() + "'");
            }
        }
        if (v[0] instanceof java.time.LocalDate || v[0] instanceof java.time.Instant) {
            java.time.format.DateTimeFormatter f = DateTimePatterns.build("to_char", (String) s.state(), false);
            java.time.ZonedDateTime t = v[0] instanceof java.time.LocalDate d ? d.atStartOfDay(DateTimePatterns.SESSION_ZONE)
                    : ((java.time.Instant) v[0]).atZone(DateTimePatterns.SESSION_ZONE);
            return f.format(t);
        }
        return format((BigDecimal) v[0], (Format) s.state());
    }

    static String format(BigDecimal value, Format f) {
        BigDecimal abs = value.abs().setScale(f.fractionDigits(), RoundingMode.HALF_UP);
        String plain = abs.toPlainString();
        int dot = plain.indexOf('.');
        String intDigits = dot < 0 ? plain : plain.substring(0, dot), fracDigits = dot < 0 ? "" : plain.substring(dot + 1);
        if (intDigits.equals("0") && !f.integerPart().contains("0")) intDigits = "";
        if (intDigits.length() > f.integerDigits()) {
            // too many digits: Spark writes # for every digit position
            return f.text().replaceAll("[09]", "#");
        }
        StringBuilder out = new StringBuilder();
        String pattern = f.integerPart();
        int digitsLeft = intDigits.length(), slots = f.integerDigits();
        int k = 0;
        for (char c : pattern.toCharArray()) {
            if (c == ',') {
                if (k > slots - digitsLeft || pattern.substring(0, pattern.indexOf(c)).contains("0")) out.append(',');
                else if (out.length() > 0) out.append(' ');
                continue;
            }
            int pos = k++;
            if (pos < slots - digitsLeft) out.append(c == '0' ? '0' : ' ');
            else out.append(intDigits.charAt(pos - (slots - digitsLeft)));
        }
        String body = out.toString().stripLeading();
        if (!f.fractionPart().isEmpty() || f.text().toUpperCase(Locale.ROOT).contains("D") || f.text().contains(".")) body += "." + fracDigits;
        boolean negative = value.signum() < 0;
        String signText = switch (f.sign()) {
            case "S" -> negative ? "-" : "+";
            case "MI" -> negative ? "-" : " ";
            default -> "";
        };
        if (f.sign().equals("PR")) body = negative ? "<" + body + ">" : body;
        else if (f.sign().isEmpty() && negative) body = "-" + body;
        if (f.dollar()) body = "$" + body;
        return f.signAtEnd() ? body + signText : signText + body;
    }

    static Signature bindToNumber(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        Object fmt = FnArgs.constant(args.get(1), STRING);
        if (!(fmt instanceof String s)) throw FnArgs.invalid(fn, "the format must be a constant string");
        Format f = format(fn, s);
        return new Signature(List.of(FnArgs.expect(fn, args, 0, STRING), STRING), f.type(), true, f);
    }

    static BigDecimal parse(String text, Format f, boolean lenient) {
        String t = text.strip();
        boolean negative = false;
        if (f.sign().equals("PR") && t.startsWith("<") && t.endsWith(">")) { negative = true; t = t.substring(1, t.length() - 1); }
        if (!f.sign().isEmpty() && !f.sign().equals("PR")) {
            if (f.signAtEnd() && (t.endsWith("-") || t.endsWith("+"))) { negative = t.endsWith("-"); t = t.substring(0, t.length() - 1); }
            else if (!f.signAtEnd() && (t.startsWith("-") || t.startsWith("+"))) { negative = t.startsWith("-"); t = t.substring(1); }
        } else if (t.startsWith("-")) { negative = true; t = t.substring(1); }
        if (f.dollar()) {
            if (!t.startsWith("$")) return fail(text, f, lenient);
            t = t.substring(1);
        }
        String digits = t.replace(",", "");
        if (!digits.matches("[0-9]*(\\.[0-9]*)?") || digits.isEmpty()) return fail(text, f, lenient);
        int dot = digits.indexOf('.');
        int intLen = dot < 0 ? digits.length() : dot, fracLen = dot < 0 ? 0 : digits.length() - dot - 1;
        if (intLen > f.integerDigits() || fracLen > f.fractionDigits()) return fail(text, f, lenient);
        BigDecimal v = new BigDecimal(digits.startsWith(".") ? "0" + digits : digits).setScale(f.fractionDigits());
        return negative ? v.negate() : v;
    }

    private static BigDecimal fail(String text, Format f, boolean lenient) {
        if (lenient) return null;
        throw FnArgs.badInput("to_number", "the input '" + text + "' does not match the format '" + f.text() + "'");
    }
}
