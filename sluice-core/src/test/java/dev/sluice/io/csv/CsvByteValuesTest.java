package dev.sluice.io.csv;

import dev.sluice.vector.Timestamps;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the byte parsers accept, they parse to the value the String path ({@link CsvValues}) gives. */
class CsvByteValuesTest {
    private final CsvByteValues fast = new CsvByteValues(ZoneId.of("UTC"));
    private final CsvValues values = new CsvValues(CsvOptions.forReading(Map.of("timeZone", "UTC")));

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test void doublesTakenAreRoundedAsDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(1);
        int taken = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(3) == 0) sb.append(random.nextBoolean() ? '-' : '+');
            for (int k = random.nextInt(18); k >= 0; k--) sb.append((char) ('0' + random.nextInt(10)));
            if (random.nextBoolean()) {
                sb.append('.');
                for (int k = random.nextInt(18); k > 0; k--) sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(4) == 0) sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(61) - 30);
            String text = sb.toString();
            byte[] b = utf8(text);
            if (fast.parseDouble(b, 0, b.length)) {
                taken++;
                assertThat(Double.doubleToRawLongBits(fast.doubleValue)).as(text)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
            }
        }
        assertThat(taken).isGreaterThan(50_000);
    }

    @Test void integersTakenAreThoseParseIntAccepts() {
        for (String text : new String[] {"0", "+0", "-0", "7", "+7", "-2147483648", "2147483647", "2147483648", "-",
                "+", "", "1 ", "١", "000000000000000001", "0000000000000000001", "12a"}) {
            byte[] b = utf8(text);
            boolean taken = fast.parseLong(b, 0, b.length, Integer.MIN_VALUE, Integer.MAX_VALUE);
            Object slow = values.parse(text, dev.sluice.types.DataTypes.INT);
            if (taken) assertThat((Object) (int) fast.longValue).as(text).isEqualTo(slow);
        }
        byte[] overflow = utf8("2147483648");
        assertThat(fast.parseLong(overflow, 0, overflow.length, Integer.MIN_VALUE, Integer.MAX_VALUE)).isFalse();
        byte[] tooLong = utf8("1234567890123456789");
        assertThat(fast.parseLong(tooLong, 0, tooLong.length, Long.MIN_VALUE, Long.MAX_VALUE)).isFalse();
    }

    @Test void everyDateAndTimestampTakenIsTheCastsValue() {
        SplittableRandom random = new SplittableRandom(2);
        for (int n = 0; n < 20_000; n++) {
            int year = random.nextInt(10_000), month = random.nextInt(14), day = random.nextInt(33);
            String date = String.format("%04d-%02d-%02d", year, month, day);
            byte[] b = utf8(date);
            Object slow = values.parse(date, dev.sluice.types.DataTypes.DATE);
            if (fast.parseDate(b, 0, b.length)) {
                assertThat((Object) LocalDate.ofEpochDay(fast.longValue)).as(date).isEqualTo(slow);
            } else {
                assertThat(slow).as(date).isSameAs(CsvValues.INVALID);   // only invalid days are left to the String path
            }
            String ts = date + (random.nextBoolean() ? 'T' : ' ') + String.format("%02d:%02d:%02d", random.nextInt(25),
                    random.nextInt(61), random.nextInt(61)) + (random.nextBoolean() ? "." + random.nextInt(1_000_000) : "")
                    + (random.nextBoolean() ? "Z" : "");
            byte[] t = utf8(ts);
            if (fast.parseTimestamp(t, 0, t.length)) {
                Instant instant = Timestamps.toInstant(fast.longValue);
                assertThat((Object) instant).as(ts).isEqualTo(values.parse(ts, dev.sluice.types.DataTypes.TIMESTAMP));
            }
        }
    }

    @Test void aZoneWithRulesLeavesTimestampsWithoutOffsetToTheStringPath() {
        CsvByteValues newYork = new CsvByteValues(ZoneId.of("America/New_York"));
        byte[] local = utf8("2024-03-10T02:30:00");
        byte[] utc = utf8("2024-03-10T02:30:00Z");
        assertThat(newYork.parseTimestamp(local, 0, local.length)).isFalse();
        assertThat(newYork.parseTimestamp(utc, 0, utc.length)).isTrue();
    }

    @Test void booleansOnlyInAsciiAnyCase() {
        assertThat(CsvByteValues.parseBoolean(utf8("TrUe"), 0, 4)).isEqualTo(1);
        assertThat(CsvByteValues.parseBoolean(utf8("FALSE"), 0, 5)).isZero();
        byte[] longS = utf8("fal\u017fe");   // equalsIgnoreCase("false") in Java: left to the String path
        assertThat(CsvByteValues.parseBoolean(longS, 0, longS.length)).isEqualTo(-1);
        assertThat(values.parse("fal\u017fe", dev.sluice.types.DataTypes.BOOLEAN)).isEqualTo(Boolean.FALSE);
    }
}
