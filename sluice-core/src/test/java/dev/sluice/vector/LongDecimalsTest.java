package dev.sluice.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unscaled-long decimal helpers against BigDecimal, which defines the values. */
class LongDecimalsTest {
    /** What {@code new BigDecimal(text).setScale(scale, HALF_UP)} gives when it fits the precision, else null. */
    private static Long reference(String text, int scale, int precision) {
        try {
            BigDecimal v = new BigDecimal(text).setScale(scale, RoundingMode.HALF_UP);
            return v.precision() > precision ? null : v.unscaledValue().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static void assertParsesAsBigDecimal(String text, int scale, int precision) {
        long fromChars = LongDecimals.parse(text.toCharArray(), 0, text.length(), scale, precision);
        byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        long fromBytes = LongDecimals.parse(bytes, 2, bytes.length - 4, scale, precision);
        assertThat(fromBytes).as("bytes of %s", text).isEqualTo(fromChars);
        if (fromChars == LongDecimals.NOT_PARSED) return;   // left to BigDecimal: never a wrong value
        assertThat(fromChars).as("%s at (%d,%d)", text, precision, scale).isEqualTo(reference(text, scale, precision));
    }

    @Test
    void parsesPlainTextAsBigDecimalDoes() {
        String[] texts = {"0", "-0", "+1", "1.", ".5", "-.5", "12.345", "-12.345", "0.005", "-0.005", "0.0049999",
                "999999999999999999", "-999999999999999999", "1000000000000000000", "00000000000000000000001.5",
                "0.000000000000000000000000000001", "99.995", "123456789012345678.9"};
        for (String t : texts) {
            for (int scale = 0; scale <= 4; scale++) {
                assertParsesAsBigDecimal(t, scale, 18);
                assertParsesAsBigDecimal(t, scale, Math.max(scale, 5));
            }
        }
    }

    @Test
    void leavesOtherFormsToBigDecimal() {
        for (String t : new String[] {"", "-", "+", ".", "1e3", "1.2.3", " 1", "1 ", "0x10", "NaN", "1,000", "\u0661"}) {
            assertThat(LongDecimals.parse(t.toCharArray(), 0, t.length(), 2, 18)).as(t).isEqualTo(LongDecimals.NOT_PARSED);
        }
        // more digits than the precision allows: the BigDecimal path reports it
        assertThat(LongDecimals.parse("1000.00".toCharArray(), 0, 7, 2, 5)).isEqualTo(LongDecimals.NOT_PARSED);
        assertThat(LongDecimals.parse("999.995".toCharArray(), 0, 7, 2, 5)).isEqualTo(LongDecimals.NOT_PARSED);   // rounds to 1000.00
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void parsesRandomTextAsBigDecimalDoes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(3) == 0) sb.append(random.nextBoolean() ? '-' : '+');
            int whole = random.nextInt(21), fraction = random.nextInt(-1, 12);
            for (int i = 0; i < whole; i++) sb.append((char) ('0' + random.nextInt(10)));
            if (fraction >= 0) sb.append('.');
            for (int i = 0; i < fraction; i++) sb.append((char) ('0' + random.nextInt(10)));
            int precision = random.nextInt(1, 19), scale = random.nextInt(0, precision + 1);
            assertParsesAsBigDecimal(sb.toString(), scale, precision);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void rescalesAsBigDecimalSetScaleHalfUp(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < 50_000; n++) {
            long u = random.nextLong(-999_999_999_999_999_999L, 1_000_000_000_000_000_000L) / LongDecimals.pow10(random.nextInt(19));
            int from = random.nextInt(19), to = random.nextInt(19);
            BigDecimal expected = BigDecimal.valueOf(u, from).setScale(to, RoundingMode.HALF_UP);
            long r;
            try {
                r = LongDecimals.rescale(u, from, to);
            } catch (ArithmeticException e) {
                assertThat(expected.unscaledValue().bitLength()).as("%d at %d to %d", u, from, to).isGreaterThanOrEqualTo(63);
                continue;
            }
            assertThat(r).as("%d at %d to %d", u, from, to).isEqualTo(expected.unscaledValue().longValueExact());
        }
    }

    @Test
    void checksPrecisionOnTheUnscaledValue() {
        assertThat(LongDecimals.fits(999_999_999_999_999_999L, 18)).isTrue();
        assertThat(LongDecimals.fits(-999_999_999_999_999_999L, 18)).isTrue();
        assertThat(LongDecimals.fits(1_000_000_000_000_000_000L, 18)).isFalse();
        assertThat(LongDecimals.fits(Long.MIN_VALUE, 18)).isFalse();
        assertThat(LongDecimals.fits(99_999, 5)).isTrue();
        assertThat(LongDecimals.fits(-100_000, 5)).isFalse();
        assertThatThrownBy(() -> LongDecimals.rescale(Long.MAX_VALUE / 5, 0, 1)).isInstanceOf(ArithmeticException.class);
        assertThat(LongDecimals.divideHalfUp(-15, 10)).isEqualTo(-2);
        assertThat(LongDecimals.divideHalfUp(14, 10)).isEqualTo(1);
        assertThat(LongDecimals.divideHalfUp(Long.MAX_VALUE, LongDecimals.pow10(18))).isEqualTo(9);
    }

    /** A random unscaled value of up to 18 digits, of any length, either sign; ties and ends of the range often. */
    private static long randomUnscaled(SplittableRandom random) {
        long max = 999_999_999_999_999_999L;
        long u = switch (random.nextInt(6)) {
            case 0 -> max / LongDecimals.pow10(random.nextInt(18));   // all nines of some length
            case 1 -> LongDecimals.pow10(random.nextInt(18)) * (random.nextInt(9) + 1) / 2;   // halves: ties
            case 2 -> random.nextInt(-20, 21);
            default -> random.nextLong(-max, max + 1) / LongDecimals.pow10(random.nextInt(19));
        };
        return random.nextBoolean() ? u : -u;
    }

    /** The engine's BigDecimal division: 40 digits HALF_UP, then the result scale HALF_UP. */
    private static BigDecimal bigQuotient(long x, int sx, long y, int sy, int scale) {
        return BigDecimal.valueOf(x, sx).divide(BigDecimal.valueOf(y, sy), new java.math.MathContext(40, RoundingMode.HALF_UP))
                .setScale(scale, RoundingMode.HALF_UP);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void dividesAsTheBigDecimalPathRoundsTwice(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int fast = 0;
        for (int n = 0; n < 100_000; n++) {
            long x = randomUnscaled(random), y = randomUnscaled(random);
            int sx = random.nextInt(19), sy = random.nextInt(19), scale = random.nextInt(39);
            if (y == 0) {
                long x0 = x;
                assertThatThrownBy(() -> LongDecimals.divideScaled(x0, 0, 3)).isInstanceOf(ArithmeticException.class);
                continue;
            }
            int shift = scale - sx + sy;
            long q;
            try {
                q = LongDecimals.divideScaled(x, y, shift);
            } catch (ArithmeticException e) {
                continue;   // left to BigDecimal: never a wrong value
            }
            fast++;
            assertThat(BigDecimal.valueOf(q, scale)).as("%d@%d / %d@%d at %d", x, sx, y, sy, scale)
                    .isEqualTo(bigQuotient(x, sx, y, sy, scale));
        }
        assertThat(fast).isGreaterThan(30_000);
    }

    @Test
    void dividesAtTheEdgesAsBigDecimal() {
        long max = 999_999_999_999_999_999L;
        long[][] cases = {{1, 3, 2}, {-1, 3, 2}, {2, 3, 0}, {-2, 3, 0}, {1, 8, 2}, {-1, 8, 2}, {5, 10, 0}, {-5, 10, 0},
            {max, 1, 0}, {-max, 1, 0}, {max, 7, 1}, {max, 99_999_999_999_999_999L, 17}, {1, max / 10, 30}, {-7, -2, 0}};
        for (long[] c : cases) {
            long q = LongDecimals.divideScaled(c[0], c[1], (int) c[2]);
            assertThat(BigDecimal.valueOf(q, (int) c[2])).as("%d / %d at %d", c[0], c[1], c[2])
                    .isEqualTo(bigQuotient(c[0], 0, c[1], 0, (int) c[2]));
        }
        assertThatThrownBy(() -> LongDecimals.divideScaled(max, 1, 1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> LongDecimals.divideScaled(1, max, 3)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> LongDecimals.divideScaled(1, 3, -1)).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {24, 25})
    void roundsByEachModeAsBigDecimalSetScale(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RoundingMode[] modes = {RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN, RoundingMode.FLOOR,
            RoundingMode.CEILING, RoundingMode.UP, RoundingMode.DOWN};
        for (int n = 0; n < 100_000; n++) {
            long x = randomUnscaled(random);
            int drop = random.nextInt(19);
            RoundingMode mode = modes[random.nextInt(modes.length)];
            BigDecimal expected = BigDecimal.valueOf(x, drop).setScale(0, mode);
            assertThat(LongDecimals.divide(x, LongDecimals.pow10(drop), mode)).as("%d / 10^%d %s", x, drop, mode)
                    .isEqualTo(expected.longValueExact());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {26, 27})
    void writesTextAsBigDecimal(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] out = new byte[LongDecimalText.MAX_LENGTH];
        for (int n = 0; n < 100_000; n++) {
            long x = randomUnscaled(random);
            int scale = random.nextInt(19);
            BigDecimal value = BigDecimal.valueOf(x, scale);
            int plain = LongDecimalText.write(x, scale, true, out);
            assertThat(new String(out, 0, plain, StandardCharsets.US_ASCII)).isEqualTo(value.toPlainString());
            String text = LongDecimalText.text(x, scale, false);
            if (text != null) assertThat(text).isEqualTo(value.toString());
            else assertThat(value.toString()).contains("E");
        }
        assertThat(LongDecimalText.text(0, 8, false)).isNull();   // 0E-8
        assertThat(LongDecimalText.text(0, 6, false)).isEqualTo("0.000000");
        assertThat(LongDecimalText.text(-1, 18, true)).isEqualTo("-0.000000000000000001");
    }
}
