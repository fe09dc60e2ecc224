package dev.sluice.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The fast paths' number reads ({@link JsonByteCursor#readDouble}, {@link JsonByteCursor#readIntegral}) against a
 * reference written from the rules they follow: JSON's number grammar, a delimiter after the number, a double rounded
 * as Java's parser rounds it (an integral of up to 18 digits as the (double) of its long, as Jackson), a long within
 * range. Every digit count of the integer and fraction parts, exponents around Clinger's bounds (10^22) and beyond,
 * mantissas around 2^53, signs, leading zeros, missing parts and bad followers; a number is accepted with exactly the
 * reference's bits and position, and everything else is given up on.
 */
public class JsonNumberReadTest {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGRAL = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final String[] FOLLOWERS = {"", ",", "}", "]", " ", "\n", "\r", "\t", "x", ".", "e", "E", "-", "\"", "\\", "a"};

    /** Bytes next to the digits' codes ('/' and ':' to '@' around '0'-'9'), and bytes whose low 7 bits are digits'. */
    private static final String NEAR_DIGITS = "/:;<=>?@\u00b0\u00b5\u00b9\u0080\u00ff";

    private static final class Cursor extends JsonByteCursor {
        Cursor(byte[] bytes) {
            b = bytes;
            end = bytes.length;
        }
    }

    @Test void everyDigitCountOfIntegerAndFractionReadsAsTheReference() {
        Random random = new Random(41);
        for (int intDigits = 0; intDigits <= 24; intDigits++) {
            for (int fracDigits = -1; fracDigits <= 24; fracDigits++) {
                for (int k = 0; k < 12; k++) {
                    String exponent = k % 3 == 0 ? "" : randomExponent(random);
                    String number = sign(random) + digits(random, intDigits, random.nextInt(10) == 0)
                            + (fracDigits < 0 ? "" : "." + digits(random, fracDigits, true)) + exponent;
                    check(number, FOLLOWERS[random.nextInt(FOLLOWERS.length)]);
                }
            }
        }
    }

    @Test void randomNumbersNearClingersBoundsReadAsTheReference() {
        Random random = new Random(43);
        for (int i = 0; i < 200_000; i++) {
            String mantissa;
            switch (random.nextInt(4)) {
                case 0: mantissa = Long.toString(random.nextLong() & ((1L << 53) - 1)); break;                 // below 2^53
                case 1: mantissa = Long.toString((1L << 53) - 8 + random.nextInt(16)); break;                 // at 2^53
                case 2: mantissa = Long.toString((random.nextLong() >>> 1) % 1_000_000_000_000_000_000L); break; // 18 digits and fewer
                default: mantissa = digits(random, 1 + random.nextInt(20), false); break;
            }
            int point = random.nextInt(mantissa.length() + 1);
            String text = point == mantissa.length() ? mantissa : stripLeadingZeros(mantissa.substring(0, point)) + "." + mantissa.substring(point);
            if (text.startsWith(".")) text = "0" + text;
            int e = random.nextInt(61) - 30;   // the power the number ends up with spans 10^-22 .. 10^22 and past both
            String exponent = random.nextInt(4) == 0 ? "" : (random.nextBoolean() ? "e" : "E") + (e >= 0 && random.nextBoolean() ? "+" : "") + e;
            check(sign(random) + text + exponent, FOLLOWERS[random.nextInt(8)]);
        }
    }

    @Test void edgeNumbersReadAsTheReference() {
        String[] edges = {"0", "-0", "0.0", "-0.0", "1", "9", "10", "00", "01", "-01", "0.", ".5", "-", "", "1e", "1e+", "1E-",
            "1e0", "1e00", "1e-0", "1e22", "1e23", "1e-22", "1e-23", "9007199254740991", "9007199254740992", "9007199254740993",
            "9007199254740993.0", "900719925474099.3", "999999999999999999", "1000000000000000000", "123456789012345678.9",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "99999999999999999999", "1e308", "1e309", "-1e400", "4.9e-324",
            "2.4e-324", "1e999999", "1e-999999", "0.1000000000000000055511151231257827", "1" + "0".repeat(99), "1" + "0".repeat(100),
            "0." + "1".repeat(98), "0." + "1".repeat(99), "407.54", "57.85", "1.5", "-1.5", "3.14159265358979323846"};
        for (String number : edges) {
            for (String follower : FOLLOWERS) check(number, follower);
        }
    }

    /**
     * Short numbers with the buffer going on past their follower, so that {@link JsonByteCursor#readDouble} reads them
     * as one word (its short-decimal path needs 8 bytes from the first digit): every split of 0-8 digits around a
     * point, leading zeros, signs, exponents, followers that end a number or not, and tails of random bytes (digits, points, spaces, high
     * bytes) after it.
     */
    @Test void shortNumbersWithBytesPastTheirEndReadAsTheReference() {
        Random random = new Random(47);
        String tailBytes = "0123456789.eE-+ ,}]x\"\u0080\u00ff";
        for (int intDigits = 0; intDigits <= 8; intDigits++) {
            for (int fracDigits = -1; fracDigits <= 8; fracDigits++) {
                for (int k = 0; k < 400; k++) {
                    String exponent = k % 8 == 7 ? randomExponent(random) : "";
                    String number = sign(random) + digits(random, intDigits, random.nextInt(8) == 0)
                            + (fracDigits < 0 ? "" : "." + digits(random, fracDigits, true)) + exponent;
                    StringBuilder tail = new StringBuilder();
                    for (int t = random.nextInt(12); t > 0; t--) tail.append(tailBytes.charAt(random.nextInt(tailBytes.length())));
                    String follower = random.nextBoolean() ? FOLLOWERS[random.nextInt(FOLLOWERS.length)]
                            : NEAR_DIGITS.substring(random.nextInt(NEAR_DIGITS.length())).substring(0, 1);
                    if (follower.isEmpty() || ".eE-".contains(follower)) follower = "x";   // with a tail these could continue the number
                    check(number, follower, tail.toString());
                }
            }
        }
    }

    @Test void eightDigitsIsTheValueOfItsDigits() {
        Random random = new Random(53);
        for (int i = 0; i < 100_000; i++) {
            long word = 0;
            StringBuilder text = new StringBuilder();
            for (int d = 0; d < 8; d++) {
                int digit = random.nextInt(10);
                word |= (long) digit << (8 * d);
                text.append(digit);
            }
            assertThat(JsonByteCursor.eightDigits(word)).as(text.toString()).isEqualTo(Long.parseLong(text.toString()));
        }
    }

    /** Reads {@code number + follower} both ways and compares with the reference. */
    private static void check(String number, String follower) { check(number, follower, ""); }

    /** As {@link #check(String, String)} with {@code tail} after the follower (the record goes on). */
    private static void check(String number, String follower, String tail) {
        String text = number + follower + tail;
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        boolean delimited = follower.isEmpty() || ",}] \n\r\t".contains(follower);
        boolean valid = NUMBER.matcher(number).matches() && delimited && number.length() <= 100;
        Cursor c = new Cursor(bytes);
        try {
            double v = c.readDouble();
            if (!valid) fail("readDouble accepted " + text + " as " + v);
            assertThat(Double.doubleToRawLongBits(v)).as(text + " gave " + v).isEqualTo(Double.doubleToRawLongBits(referenceDouble(number)));
            assertThat(c.pos).as(text).isEqualTo(number.length());
        } catch (JsonByteCursor.Bail bail) {
            if (valid) fail("readDouble gave up on " + text);
        }
        boolean integral = INTEGRAL.matcher(number).matches() && delimited && fitsInLong(number);
        c = new Cursor(bytes);
        try {
            long v = c.readIntegral();
            if (!integral) fail("readIntegral accepted " + text + " as " + v);
            assertThat(v).as(text).isEqualTo(Long.parseLong(number));
            assertThat(c.pos).as(text).isEqualTo(number.length());
        } catch (JsonByteCursor.Bail bail) {
            if (integral) fail("readIntegral gave up on " + text);
        }
    }

    /** Jackson's double of a JSON number: an integral of up to 18 digits is the (double) of its long ("-0" is 0.0). */
    private static double referenceDouble(String number) {
        boolean plainIntegral = INTEGRAL.matcher(number).matches();
        int digitCount = number.length() - (number.startsWith("-") ? 1 : 0);
        if (plainIntegral && digitCount <= 18) return (double) Long.parseLong(number);
        return Double.parseDouble(number);
    }

    private static boolean fitsInLong(String number) {
        try {
            Long.parseLong(number);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String sign(Random random) { return random.nextInt(3) == 0 ? "-" : ""; }

    /** {@code n} random digits; the first not a zero unless {@code zeroFirst} may allow it. */
    private static String digits(Random random, int n, boolean zeroFirst) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append((char) ('0' + (i == 0 && !zeroFirst && n > 1 ? 1 + random.nextInt(9) : random.nextInt(10))));
        return s.toString();
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') i++;
        return s.isEmpty() ? "0" : s.substring(i);
    }

    private static String randomExponent(Random random) {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "e" : "E");
        int r = random.nextInt(4);
        if (r == 1) s.append('+');
        else if (r == 2) s.append('-');
        int n = random.nextInt(9);   // 0 (malformed) to 8 digits (past the 6 the fast path reads)
        if (n > 0 && n <= 2) s.append(random.nextInt(n == 1 ? 10 : 40));
        else s.append(digits(random, n, true));
        return s.toString();
    }
}
