package dev.sluice.json;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.vector.Timestamps;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.sluice.json.JsonTestSupport.opts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spark's string → date / timestamp forms (the oracle's cast section uses the same parser as JSON). */
class JsonDateTimesTest {
    static final JsonDateTimes DEFAULT = JsonDateTimes.of(JsonOptions.DEFAULT);

    static String date(String s) {
        long d = DEFAULT.parseDate(s);
        return d == JsonDateTimes.INVALID ? "INVALID" : LocalDate.ofEpochDay(d).toString();
    }

    static String ts(String s) {
        long m = DEFAULT.parseTimestamp(s);
        return m == JsonDateTimes.INVALID ? "INVALID" : Timestamps.toInstant(m).toString();
    }

    @Test void datesInSparkForms() {
        assertThat(date("2026-10-01")).isEqualTo("2026-10-01");
        assertThat(date("2026-10-01T12:00:00")).isEqualTo("2026-10-01");
        assertThat(date("2026-10-01 12:00:00")).isEqualTo("2026-10-01");
        assertThat(date("2026-1-1")).isEqualTo("2026-01-01");
        assertThat(date("2026")).isEqualTo("2026-01-01");
        assertThat(date("2026-10")).isEqualTo("2026-10-01");
        assertThat(date(" 2026-10-01 ")).isEqualTo("2026-10-01");
        assertThat(date("2026-10-01Tgarbage")).isEqualTo("2026-10-01");
        assertThat(date("2026-10-01 xyz")).isEqualTo("2026-10-01");
        assertThat(date("2026-13-01")).isEqualTo("INVALID");
        assertThat(date("2026-02-30")).isEqualTo("INVALID");
        assertThat(JsonDateTimes.sparkStringToDate("20261001")).isEqualTo(JsonDateTimes.INVALID);
        assertThat(date("2026/10/01")).isEqualTo("INVALID");
        assertThat(date("abc")).isEqualTo("INVALID");
    }

    @Test void jsonDatesFallBackToADayCountAsSparkDoes() {
        // JacksonParser's legacy fallback: a string that is not a date but an int is a number of days
        assertThat(date("20261001")).isEqualTo("+57442-09-27");
        assertThat(date("123")).isEqualTo("1970-05-04");
    }

    @Test void timestampsInSparkForms() {
        assertThat(ts("2026-10-01T00:00:00.123Z")).isEqualTo("2026-10-01T00:00:00.123Z");
        assertThat(ts("2026-10-01T00:00:00.123+02:00")).isEqualTo("2026-09-30T22:00:00.123Z");
        assertThat(ts("2026-10-01 00:00:00")).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(ts("2026-10-01")).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(ts("2026-10-01T10:11")).isEqualTo("2026-10-01T10:11:00Z");
        assertThat(ts("2026-10-01 00:00:00.123456789")).isEqualTo("2026-10-01T00:00:00.123456Z");
        assertThat(ts("2026-10-01 00:00:00 UTC")).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(ts("2026-10-01T00:00:00 America/New_York")).isEqualTo("2026-10-01T04:00:00Z");
        assertThat(ts("2026-10-01T00:00:00-0130")).isEqualTo("2026-10-01T01:30:00Z");
        assertThat(ts("2026-10-01T25:00:00")).isEqualTo("INVALID");
        assertThat(ts("abc")).isEqualTo("INVALID");
        assertThat(ts("2026-10-01T00:00:00 Nowhere/City")).isEqualTo("INVALID");
    }

    @Test void formatsAsSparkWritesJson() {
        assertThat(DEFAULT.formatTimestamp(Timestamps.toMicros(Instant.parse("2026-10-01T12:34:56.123456Z"))))
                .isEqualTo("2026-10-01T12:34:56.123Z");
        assertThat(DEFAULT.formatDate((int) LocalDate.of(2026, 10, 1).toEpochDay())).isEqualTo("2026-10-01");
        assertThat(DEFAULT.formatDate((int) LocalDate.of(12, 1, 2).toEpochDay())).isEqualTo("0012-01-02");
        JsonDateTimes paris = JsonDateTimes.of(opts("timeZone", "+02:00"));
        assertThat(paris.formatTimestamp(Timestamps.toMicros(Instant.parse("2026-10-01T00:00:00Z"))))
                .isEqualTo("2026-10-01T02:00:00.000+02:00");
    }

    @Test void customFormatsReadAndWrite() {
        JsonDateTimes custom = JsonDateTimes.of(opts("timestampFormat", "dd/MM/yyyy HH:mm", "dateFormat", "dd.MM.yyyy"));
        assertThat(custom.parseTimestamp("01/10/2026 10:30"))
                .isEqualTo(Timestamps.toMicros(Instant.parse("2026-10-01T10:30:00Z")));
        assertThat(custom.parseTimestamp("2026-10-01 10:30")).isEqualTo(JsonDateTimes.INVALID);
        assertThat(custom.parseDate("01.10.2026")).isEqualTo(LocalDate.of(2026, 10, 1).toEpochDay());
        assertThat(custom.formatDate((int) LocalDate.of(2026, 10, 1).toEpochDay())).isEqualTo("01.10.2026");
        assertThat(LocalDate.ofEpochDay(0).atStartOfDay().toInstant(ZoneOffset.UTC)).isEqualTo(Instant.EPOCH);
    }

    @Test void badFormatOptionsAreInvalidOptions() {
        assertThatThrownBy(() -> JsonDateTimes.of(opts("timeZone", "Mars/Base")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThatThrownBy(() -> JsonDateTimes.of(opts("dateFormat", "yyyy-MM-dd{{")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }
}
