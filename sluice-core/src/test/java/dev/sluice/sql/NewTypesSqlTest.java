package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * tinyint, smallint, timestamp_ntz and ANSI intervals through SQL: typed and suffixed literals, casts (ANSI errors,
 * try_cast), arithmetic and its type promotion, datetime ± interval, functions, ordering, hashing and show().
 */
class NewTypesSqlTest {
    static Sluice sluice;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(1).build();
        sluice.conf().set("spark.sql.session.timeZone", "UTC");
    }

    @AfterAll static void stop() { sluice.close(); }

    static Row one(String sql) {
        List<Row> rows = sluice.sql(sql).collect();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    static String type(String expr) { return sluice.sql("SELECT " + expr).schema().field(0).dataType().simpleString(); }

    static String text(String expr) { return (String) one("SELECT CAST(" + expr + " AS STRING)").get(0); }

    static ErrorCode code(String sql) {
        try {
            sluice.sql(sql).collect();
        } catch (SluiceException e) {
            return e.code();
        }
        throw new AssertionError("no error from " + sql);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1Y|tinyint", "-128Y|tinyint", "1S|smallint", "1L|bigint", "1BD|decimal(1,0)",
            "1Y + 1Y|tinyint", "1Y + 1S|smallint", "1S * 2|int", "1Y + 1L|bigint", "1Y + 1.5|decimal(3,1)", "CAST(1 AS TINYINT) + 1.5|decimal(5,1)", "1Y / 1Y|double",
            "TIMESTAMP_NTZ '2021-12-06 00:00:00'|timestamp_ntz",
            "INTERVAL '1-2' YEAR TO MONTH|interval year to month", "INTERVAL 3 DAYS|interval day",
            "INTERVAL '1 10:00:00' DAY TO SECOND|interval day to second", "INTERVAL 5 HOURS 30 SECONDS|interval hour to second",
            "INTERVAL '1 day'|interval day to second", "INTERVAL '2 years'|interval year to month",
            "DATE '2021-01-01' + 1|date", "DATE '2021-01-01' + INTERVAL 1 MONTH|date", "DATE '2021-01-01' + INTERVAL 1 DAY|date",
            "DATE '2021-01-01' + INTERVAL 1 HOUR|timestamp", "TIMESTAMP '2021-01-01 00:00:00' + INTERVAL 1 YEAR|timestamp",
            "TIMESTAMP_NTZ '2021-01-01 00:00:00' + INTERVAL 1 HOUR|timestamp_ntz",
            "TIMESTAMP '2021-01-02 00:00:00' - TIMESTAMP '2021-01-01 00:00:00'|interval day to second",
            "DATE '2021-01-02' - DATE '2021-01-01'|interval day",
            "INTERVAL 1 YEAR + INTERVAL 2 MONTHS|interval year to month", "INTERVAL 2 MONTHS * 3|interval year to month",
            "INTERVAL 1 DAY / 2|interval day to second", "typeof(1Y)|string", "CAST(1 AS SHORT)|smallint"})
    void typesResultsAsSpark(String expr, String expected) {
        assertThat(type(expr)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "typeof(1Y)|tinyint", "typeof(2S)|smallint", "CAST(1Y + 2Y AS STRING)|3", "CAST(-128Y AS STRING)|-128",
            "CAST(TIMESTAMP_NTZ '2021-12-06 10:20:30.5' AS STRING)|2021-12-06 10:20:30.5",
            "CAST(INTERVAL '1-2' YEAR TO MONTH AS STRING)|INTERVAL '1-2' YEAR TO MONTH",
            "CAST(INTERVAL -'1-2' YEAR TO MONTH AS STRING)|INTERVAL '-1-2' YEAR TO MONTH",
            "CAST(INTERVAL '14' MONTH AS STRING)|INTERVAL '14' MONTH",
            "CAST(INTERVAL '1 10:00:00' DAY TO SECOND AS STRING)|INTERVAL '1 10:00:00' DAY TO SECOND",
            "CAST(INTERVAL '05:30' HOUR TO MINUTE AS STRING)|INTERVAL '05:30' HOUR TO MINUTE",
            "CAST(INTERVAL 1.5 SECONDS AS STRING)|INTERVAL '01.5' SECOND",
            "CAST(INTERVAL 5 HOURS 30 SECONDS 1 MILLISECONDS 1 MICROSECONDS AS STRING)|INTERVAL '05:00:30.001001' HOUR TO SECOND",
            "CAST(DATE '2021-01-31' + INTERVAL 1 MONTH AS STRING)|2021-02-28",
            "CAST(TIMESTAMP '2021-01-02 00:00:00' - TIMESTAMP '2021-01-01 10:30:00' AS STRING)|INTERVAL '0 13:30:00' DAY TO SECOND",
            "CAST(DATE '2021-03-01' - DATE '2021-01-01' AS STRING)|INTERVAL '59' DAY",
            "CAST(INTERVAL 3 MONTHS / 2 AS STRING)|INTERVAL '0-2' YEAR TO MONTH",
            "CAST(-INTERVAL 3 DAYS AS STRING)|INTERVAL '-3' DAY",
            "CAST(CAST('INTERVAL \\'1-2\\' YEAR TO MONTH' AS INTERVAL YEAR TO MONTH) AS STRING)|INTERVAL '1-2' YEAR TO MONTH",
            "CAST(CAST('-1 02:03:04' AS INTERVAL DAY TO SECOND) AS STRING)|INTERVAL '-1 02:03:04' DAY TO SECOND",
            "CAST(CAST(INTERVAL '1 10:30' DAY TO MINUTE AS INTERVAL DAY) AS STRING)|INTERVAL '1' DAY",
            "CAST(CAST(INTERVAL '25' HOUR AS INT) AS STRING)|25",
            "CAST(CAST(3 AS INTERVAL MONTH) AS STRING)|INTERVAL '3' MONTH",
            "CAST(CAST(TIMESTAMP '2021-01-01 10:00:00' AS TIMESTAMP_NTZ) AS STRING)|2021-01-01 10:00:00",
            "CAST(CAST('2021-01-01 10:00:00+05:00' AS TIMESTAMP_NTZ) AS STRING)|2021-01-01 10:00:00",
            "CAST(CAST(TIMESTAMP_NTZ '2021-01-01 10:00:00' AS DATE) AS STRING)|2021-01-01",
            "CAST(make_ym_interval(1, 2) AS STRING)|INTERVAL '1-2' YEAR TO MONTH",
            "CAST(make_dt_interval(1, 12, 30, 1.001001) AS STRING)|INTERVAL '1 12:30:01.001001' DAY TO SECOND",
            "CAST(make_timestamp_ntz(2019, 6, 30, 23, 59, 60) AS STRING)|2019-07-01 00:00:00",
            "CAST(to_timestamp_ntz('2016-12-31', 'yyyy-MM-dd') AS STRING)|2016-12-31 00:00:00",
            "CAST(convert_timezone('Europe/Brussels', 'America/Los_Angeles', TIMESTAMP_NTZ '2021-12-06 00:00:00') AS STRING)|2021-12-05 15:00:00",
            "CAST(extract(MINUTE FROM INTERVAL '123 23:55:59.002001' DAY TO SECOND) AS STRING)|55",
            "typeof(extract(MONTH FROM INTERVAL '2021-11' YEAR TO MONTH))|tinyint",
            "CAST(abs(INTERVAL -'1-1' YEAR TO MONTH) AS STRING)|INTERVAL '1-1' YEAR TO MONTH"})
    void computesAsSpark(String expr, String expected) {
        assertThat(one("SELECT " + expr).get(0).toString()).isEqualTo(expected);
    }

    @Test void castsTimestampsThroughTheSessionZone() {
        try (Sluice s = Sluice.builder().parallelism(1).build()) {
            s.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
            Row r = s.sql("SELECT CAST(CAST('2021-01-01 10:00:00' AS TIMESTAMP) AS TIMESTAMP_NTZ), "
                    + "CAST(CAST(TIMESTAMP_NTZ '2021-01-01 10:00:00' AS TIMESTAMP) AS STRING), "
                    + "CAST(TIMESTAMP_NTZ '2021-07-01 10:00:00' AS TIMESTAMP) = TIMESTAMP '2021-07-01 17:00:00 UTC'").collect().get(0);
            assertThat(r.get(0)).isEqualTo(LocalDateTime.of(2021, 1, 1, 10, 0));   // the wall clock in the session zone
            assertThat(r.get(1)).isEqualTo("2021-01-01 10:00:00");
            assertThat(r.get(2)).isEqualTo(true);   // PDT is UTC-7
        }
    }

    @Test void javaValuesAreSparksExternalTypes() {
        Row r = one("SELECT 1Y, 2S, TIMESTAMP_NTZ '2021-12-06 01:02:03', INTERVAL '1-2' YEAR TO MONTH, INTERVAL '1 10:00:00' DAY TO SECOND");
        assertThat(r.get(0)).isEqualTo((byte) 1);
        assertThat(r.get(1)).isEqualTo((short) 2);
        assertThat(r.get(2)).isEqualTo(LocalDateTime.of(2021, 12, 6, 1, 2, 3));
        assertThat(r.get(3)).isEqualTo(Period.of(1, 2, 0));
        assertThat(r.get(4)).isEqualTo(Duration.ofHours(34));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT CAST(128 AS TINYINT)|CAST_OVERFLOW", "SELECT CAST(-32769 AS SMALLINT)|CAST_OVERFLOW",
            "SELECT CAST(200.5 AS TINYINT)|CAST_OVERFLOW", "SELECT CAST(1e10 AS SMALLINT)|CAST_OVERFLOW",
            "SELECT CAST('128' AS TINYINT)|CAST_INVALID_INPUT", "SELECT CAST('x' AS TIMESTAMP_NTZ)|CAST_INVALID_INPUT",
            "SELECT CAST('1-12' AS INTERVAL YEAR TO MONTH)|CAST_INVALID_INPUT",
            "SELECT 127Y + 1Y|ARITHMETIC_OVERFLOW", "SELECT -32768S - 1S|ARITHMETIC_OVERFLOW", "SELECT 100Y * 2Y|ARITHMETIC_OVERFLOW",
            "SELECT -(-128Y)|ARITHMETIC_OVERFLOW", "SELECT abs(-128Y)|ARITHMETIC_OVERFLOW",
            "SELECT make_ym_interval(178956970, 8)|ARITHMETIC_OVERFLOW",
            "SELECT INTERVAL '178956970-7' YEAR TO MONTH + INTERVAL 1 MONTH|ARITHMETIC_OVERFLOW",
            "SELECT INTERVAL 1 MONTH / 0|DIVIDE_BY_ZERO",
            "SELECT 128Y|NUMERIC_VALUE_OUT_OF_RANGE", "SELECT 40000S|NUMERIC_VALUE_OUT_OF_RANGE",
            "SELECT INTERVAL 1 YEAR 2 DAYS|PARSE_SYNTAX_ERROR", "SELECT INTERVAL '1-13' YEAR TO MONTH|INVALID_TYPED_LITERAL",
            "SELECT INTERVAL '1 25:00:00' DAY TO SECOND|INVALID_TYPED_LITERAL",
            "SELECT TIMESTAMP_NTZ 'nope'|INVALID_TYPED_LITERAL",
            "SELECT CAST(INTERVAL '1-2' YEAR TO MONTH AS INT)|UNSUPPORTED_CAST",
            "SELECT CAST(TIMESTAMP_NTZ '2021-01-01 00:00:00' AS BIGINT)|UNSUPPORTED_CAST",
            "SELECT INTERVAL 1 DAY + INTERVAL 1 MONTH|TYPE_MISMATCH"})
    void failsWithSparksErrorClass(String sql, ErrorCode expected) {
        assertThat(code(sql)).isEqualTo(expected);
    }

    @Test void tryFormsGiveNullInsteadOfFailing() {
        Row r = one("SELECT try_cast(300 AS TINYINT), try_cast('x' AS SMALLINT), try_add(127Y, 1Y), try_divide(INTERVAL 2 MONTHS, 0), "
                + "try_cast('1-13' AS INTERVAL YEAR TO MONTH), try_to_timestamp_ntz('nope'), try_make_timestamp_ntz(2024, 13, 1, 0, 0, 0)");
        for (int i = 0; i < r.size(); i++) assertThat(r.get(i)).as("column %d", i).isNull();
    }

    @Test void legacyCastsWrapAsJavaNarrowing() {
        try (Sluice s = Sluice.builder().parallelism(1).build()) {
            s.conf().set("spark.sql.ansi.enabled", "false");
            Row r = s.sql("SELECT CAST(300 AS TINYINT), CAST(70000 AS SMALLINT), CAST(200.7D AS TINYINT)").collect().get(0);
            assertThat(r.get(0)).isEqualTo((byte) 44);
            assertThat(r.get(1)).isEqualTo((short) 4464);
            assertThat(r.get(2)).isEqualTo((byte) -56);
        }
    }

    @Test void hashesAsSparkHashesTheIntValueOfATinyintOrSmallint() {
        Row r = one("SELECT hash(1Y), hash(1S), hash(1), xxhash64(5Y), xxhash64(5), hash(TIMESTAMP_NTZ '1970-01-01 00:00:01'), hash(1000000L)");
        assertThat(r.get(0)).isEqualTo(r.get(2));
        assertThat(r.get(1)).isEqualTo(r.get(2));
        assertThat(r.get(3)).isEqualTo(r.get(4));
        assertThat(r.get(5)).isEqualTo(r.get(6));   // timestamp_ntz hashes its microseconds as a long
    }

    @Test void ordersGroupsAndComparesTheNewTypes() {
        List<Row> rows = sluice.sql("SELECT c, count(*) FROM VALUES (INTERVAL '3' DAY), (INTERVAL '1' DAY), (INTERVAL '3' DAY), "
                + "(INTERVAL '-2' DAY) AS t(c) GROUP BY c ORDER BY c").collect();
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(Duration.ofDays(-2), Duration.ofDays(1), Duration.ofDays(3));
        assertThat(rows.get(2).get(1)).isEqualTo(2L);
        Row r = one("SELECT max(c), min(c), sum(c) FROM VALUES (1Y), (-3Y), (100Y) AS t(c)");
        assertThat(r.get(0)).isEqualTo((byte) 100);
        assertThat(r.get(1)).isEqualTo((byte) -3);
        assertThat(r.get(2)).isEqualTo(98L);
        assertThat(one("SELECT INTERVAL 12 MONTHS = INTERVAL 1 YEAR, 1Y < 2S, TIMESTAMP_NTZ '2021-01-01 00:00:00' < DATE '2021-01-02'").toString())
                .isEqualTo("[true,true,true]");
        Row sums = one("SELECT sum(c) FROM VALUES (INTERVAL '1' MONTH), (INTERVAL '11' MONTH) AS t(c)");
        assertThat(sums.get(0)).isEqualTo(Period.ofYears(1));
    }

    @Test void showPrintsIntervalsInAnsiFormAndWallClocksWithoutZone() {
        DataFrame df = sluice.sql("SELECT 7Y AS b, TIMESTAMP_NTZ '2021-12-06 00:00:00.25' AS ntz, INTERVAL '1-2' YEAR TO MONTH AS ym, "
                + "INTERVAL '1 10:00:00' DAY TO SECOND AS dt");
        assertThat(df.showString(20, 0, false)).contains(
                "|b  |ntz                   |ym                          |dt                                 |",
                "|7  |2021-12-06 00:00:00.25|INTERVAL '1-2' YEAR TO MONTH|INTERVAL '1 10:00:00' DAY TO SECOND|");
    }
}
