package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.CalendarInterval;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.vector.CalendarIntervalParsing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.make_interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spark's calendar {@code interval}: its text both ways, the Java API (make_interval, lit, collected values), the
 * type's DDL name, wall-clock arithmetic in the session zone, and the places Spark refuses it (writes, ordering).
 * The SQL semantics on both engines are in the logic file sql/calendar_intervals.qt.
 */
class CalendarIntervalTest {
    static Sluice sluice;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(2).build();
        sluice.conf().set("spark.sql.session.timeZone", "UTC");
    }

    @AfterAll static void stop() { sluice.close(); }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0|0|0 seconds",
            "14|3|0|1 years 2 months 3 days",
            "-14|0|-500000|-1 years -2 months -0.5 seconds",
            "0|0|93784000001|26 hours 3 minutes 4.000001 seconds",
            "0|-1|60000000|-1 days 1 minutes"})
    void rendersAsSpark(int months, int days, long micros, String text) {
        CalendarInterval c = new CalendarInterval(months, days, micros);
        assertThat(c.toString()).isEqualTo(text);
        assertThat(CalendarIntervalParsing.parse(text)).isEqualTo(c);   // the text reads back
        assertThat(CalendarInterval.fromBytes(c.toBytes(), 0)).isEqualTo(c);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "interval 1 day|0|1|0", "1 WEEK 2 Hours|0|7|7200000000", "-1.5 seconds|0|0|-1500000",
            "1 year -1 month|11|0|0", "3 milliseconds 4 microseconds|0|0|3004", "1.123456789 seconds|0|0|1123456"})
    void parsesSparksText(String text, int months, int days, long micros) {
        assertThat(CalendarIntervalParsing.parse(text)).isEqualTo(new CalendarInterval(months, days, micros));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "interval", "1", "1 fortnight", "1.5 days", "99999999999 years"})
    void textThatIsNoIntervalIsNull(String text) {
        assertThat(CalendarIntervalParsing.parse(text)).isNull();
    }

    @Test void ddlNamesTheTypeAsInterval() {
        assertThat(DdlParser.parseType("interval")).isEqualTo(DataTypes.CALENDAR_INTERVAL);
        assertThat(DdlParser.parseSchema("a interval, b interval day").field(1).dataType()).isEqualTo(new dev.sluice.types.DayTimeIntervalType(0, 0));
        assertThat(DdlParser.parseType("array<interval>").simpleString()).isEqualTo("array<interval>");
    }

    @Test void javaApiBuildsAndCollectsIntervals() {
        DataFrame df = sluice.range(1).select(make_interval(lit(1), lit(2), lit(0), lit(3)).alias("i"),
                lit(new CalendarInterval(0, 1, 5)).alias("j"));
        assertThat(df.schema().field(0).dataType()).isEqualTo(DataTypes.CALENDAR_INTERVAL);
        Row row = df.collect().get(0);
        assertThat(row.get(0)).isEqualTo(new CalendarInterval(14, 3, 0));
        assertThat(row.get(1)).isEqualTo(new CalendarInterval(0, 1, 5));
    }

    @Test void addsMonthsAndDaysOnTheSessionZonesWallClock() {
        try (Sluice s = Sluice.builder().parallelism(1).build()) {
            s.conf().set("spark.sql.session.timeZone", "America/New_York");
            // one day across the spring-forward night is 23 hours of instants, not 24
            Row row = s.sql("SELECT t + make_interval(0, 0, 0, 1), t + make_interval(0, 0, 0, 0, 24), CAST(t AS STRING) "
                    + "FROM (SELECT TIMESTAMP '2021-03-13 12:00:00' AS t)").collect().get(0);
            assertThat(row.get(2)).isEqualTo("2021-03-13 12:00:00");
            assertThat(row.get(0)).isEqualTo(Instant.parse("2021-03-14T16:00:00Z"));
            assertThat(row.get(1)).isEqualTo(Instant.parse("2021-03-14T17:00:00Z"));
        }
    }

    @Test void groupsByIntervalsAcrossPartitions() {
        List<Row> rows = sluice.range(0, 100, 1, 4).select(make_interval(lit(0), col("id").mod(lit(3)).cast("int")).alias("i"))
                .groupBy("i").count().collect();
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(r -> assertThat(((Long) r.get(1))).isBetween(33L, 34L));
    }

    @Test void noFileFormatStoresAnInterval(@TempDir Path dir) {
        DataFrame df = sluice.sql("SELECT 1 AS a, make_interval(1) AS i");
        for (String format : List.of("json", "csv")) {
            assertThatThrownBy(() -> df.write().format(format).save(dir.resolve(format).toString()))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        }
        assertThat(dir.resolve("json")).doesNotExist();
        sluice.sql("SELECT 1 AS a, CAST(make_interval(1) AS STRING) AS i").write().json(dir.resolve("text").toString());
    }

    @Test void orderingAndComparisonAreRefused() {
        DataFrame df = sluice.sql("SELECT make_interval(1) AS i");
        assertThatThrownBy(() -> df.orderBy("i").collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThatThrownBy(() -> df.filter(col("i").equalTo(col("i"))).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }
}
