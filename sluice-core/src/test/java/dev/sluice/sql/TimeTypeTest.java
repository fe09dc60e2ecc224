package dev.sluice.sql;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.TimeType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark 4.1's TIME type end to end through SQL: literals, casts, the time functions, arithmetic, ordering and
 * grouping, and the {@code spark.sql.timeType.enabled} gate. Expected values are Spark 4.1.1's (spark-sql with the
 * setting on).
 */
class TimeTypeTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(3).shufflePartitions(2).build();

    static {
        SLUICE.conf().set("spark.sql.timeType.enabled", "true");
        SLUICE.conf().set("spark.sql.session.timeZone", "UTC");
    }

    @AfterAll static void close() { SLUICE.close(); }

    private static Row one(String sql) {
        List<Row> rows = SLUICE.sql(sql).collect();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The row's cells as Spark's cast to string writes them. */
    private static List<String> texts(String selectList) {
        Row r = one("SELECT " + selectList);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) out.add(String.valueOf(r.get(i)));
        return out;
    }

    private static ErrorCode code(String sql) {
        try {
            SLUICE.sql(sql).collect();
        } catch (SluiceException e) {
            return e.code();
        }
        throw new AssertionError("no error for " + sql);
    }

    @Test void literalsAreTime6WithSparksText() {
        Row r = one("SELECT TIME '12:34:56.123', typeof(TIME '12:34'), TIME '1:2:3', TIME '12:34 PM', TIME '12:34:56.1234567'");
        assertThat(r.get(0)).isEqualTo(LocalTime.of(12, 34, 56, 123_000_000));
        assertThat(r.get(1)).isEqualTo("time(6)");
        assertThat(r.get(2)).isEqualTo(LocalTime.of(1, 2, 3));
        assertThat(r.get(3)).isEqualTo(LocalTime.of(12, 34));
        assertThat(r.get(4)).isEqualTo(LocalTime.of(12, 34, 56, 123_456_000));
        assertThat(SLUICE.sql("SELECT TIME '12:34'").schema().field(0).name()).isEqualTo("TIME '12:34:00'");
        assertThat(code("SELECT TIME '25:00'")).isEqualTo(ErrorCode.INVALID_TYPED_LITERAL);
    }

    @Test void ddlNamesTheTypeWithItsPrecision() {
        assertThat(dev.sluice.types.DdlParser.parseType("time")).isEqualTo(DataTypes.TIME);
        assertThat(dev.sluice.types.DdlParser.parseType("TIME(3)")).isEqualTo(new TimeType(3));
        assertThat(dev.sluice.types.DdlParser.parseType("time(0) without time zone")).isEqualTo(new TimeType(0));
        assertThat(DataTypes.TIME.simpleString()).isEqualTo("time(6)");
        assertThat(new TimeType(3).sql()).isEqualTo("TIME(3)");
        try {
            dev.sluice.types.DdlParser.parseType("time(7)");
            throw new AssertionError("time(7) parsed");
        } catch (SluiceException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_TIME_PRECISION);
        }
    }

    @Test void castsFromStringAcceptSparksForms() {
        assertThat(texts("CAST(CAST(' 12:34 ' AS TIME) AS STRING), CAST(CAST('12:34:5' AS TIME) AS STRING), "
                + "CAST(CAST('T12:34:56' AS TIME) AS STRING), CAST(CAST('12:34:56.123456789' AS TIME) AS STRING), "
                + "CAST(CAST('12:34:56.' AS TIME) AS STRING), CAST(CAST('12:34:56 AM' AS TIME) AS STRING), "
                + "CAST(CAST('9:05 pm' AS TIME) AS STRING), CAST(CAST('12:00AM' AS TIME) AS STRING)"))
                .containsExactly("12:34:00", "12:34:05", "12:34:56", "12:34:56.123456", "12:34:56", "00:34:56", "21:05:00", "00:00:00");
        assertThat(texts("try_cast('25:00' AS TIME), try_cast('12' AS TIME), try_cast('001:02' AS TIME), try_cast('12:34:' AS TIME), "
                + "try_cast('13:00 PM' AS TIME), try_cast('2024-01-01 12:00:00' AS TIME), try_cast('12:34:56Z' AS TIME), try_cast('-1:00' AS TIME)"))
                .containsOnly("null");
        assertThat(code("SELECT CAST('25:00' AS TIME)")).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
    }

    @Test void castsOutOfTimeAsSpark() {
        assertThat(texts("CAST(TIME '12:34:56.789' AS STRING), CAST(TIME '00:00' AS STRING), CAST(TIME '12:34:56.789' AS BIGINT), "
                + "CAST(TIME '12:34:56.789' AS DECIMAL(10,3)), CAST(TIME '12:34:56.789' AS TIME(0)), "
                + "CAST(CAST(CAST('12:34:56.123456' AS TIME(6)) AS TIME(3)) AS STRING), typeof(CAST(TIME '01:00' AS TIME(3)))"))
                .containsExactly("12:34:56.789", "00:00:00", "45296", "45296.789", "12:34:56", "12:34:56.123", "time(3)");
        assertThat(code("SELECT CAST(TIME '12:34:56.789' AS TINYINT)")).isEqualTo(ErrorCode.CAST_OVERFLOW);
        assertThat(code("SELECT CAST(TIME '12:34:56.789' AS DECIMAL(4,1))")).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        for (String refused : List.of("CAST(TIME '12:00' AS TIMESTAMP)", "CAST(TIMESTAMP '2024-01-01 12:00:00' AS TIME)",
                "CAST(DATE '2024-01-01' AS TIME)", "CAST(3600 AS TIME)", "CAST(TIME '12:00' AS DOUBLE)", "CAST(TIME '12:00' AS BOOLEAN)")) {
            assertThat(code("SELECT " + refused)).as(refused).isEqualTo(ErrorCode.UNSUPPORTED_CAST);
        }
    }

    @Test void makeTimeAndItsBounds() {
        assertThat(one("SELECT make_time(6, 30, 45.887)").get(0)).isEqualTo(LocalTime.of(6, 30, 45, 887_000_000));
        assertThat(one("SELECT make_time(NULL, 2, 3)").get(0)).isNull();
        assertThat(code("SELECT make_time(24, 0, 0)")).isEqualTo(ErrorCode.DATETIME_FIELD_OUT_OF_BOUNDS);
        assertThat(code("SELECT make_time(12, 30, 60)")).isEqualTo(ErrorCode.DATETIME_FIELD_OUT_OF_BOUNDS);
        assertThat(code("SELECT make_time(1, 2, -1)")).isEqualTo(ErrorCode.DATETIME_FIELD_OUT_OF_BOUNDS);
    }

    @Test void toTimeWithAndWithoutAFormat() {
        Row r = one("SELECT to_time('10:20'), to_time('10 am', 'hh a'), to_time('12.10.05', 'HH.mm.ss'), to_time('12:34:56.123', 'HH:mm:ss.SSS'), "
                + "to_time('2024-01-01 12:34:56', 'yyyy-MM-dd HH:mm:ss'), try_to_time('x'), try_to_time('12:34', 'HH:mm:ss'), to_time('12:34:56.1234567')");
        assertThat(r.get(0)).isEqualTo(LocalTime.of(10, 20));
        assertThat(r.get(1)).isEqualTo(LocalTime.of(10, 0));
        assertThat(r.get(2)).isEqualTo(LocalTime.of(12, 10, 5));
        assertThat(r.get(3)).isEqualTo(LocalTime.of(12, 34, 56, 123_000_000));
        assertThat(r.get(4)).isEqualTo(LocalTime.of(12, 34, 56));
        assertThat(r.get(5)).isNull();
        assertThat(r.get(6)).isNull();
        assertThat(r.get(7)).isEqualTo(LocalTime.of(12, 34, 56, 123_456_000));
        assertThat(code("SELECT to_time('x')")).isEqualTo(ErrorCode.CANNOT_PARSE_TIME);
        assertThat(code("SELECT to_time('12:34', 'HH:mm:ss')")).isEqualTo(ErrorCode.CANNOT_PARSE_TIME);
        assertThat(SLUICE.sql("SELECT try_to_time('x')").schema().field(0).name()).isEqualTo("try_to_time(to_time(x))");
    }

    @Test void timeDiffAndTruncInSparksUnits() {
        assertThat(texts("time_diff('HOUR', TIME '20:30:29', TIME '21:30:28'), time_diff('MILLISECOND', TIME '00:00:00', TIME '00:00:01.5'), "
                + "time_diff('MICROSECOND', TIME '00:00:01.5', TIME '00:00:00'), time_diff('SECOND', TIME '12:00:00.9', TIME '12:00:00'), "
                + "time_diff('hour', TIME '23:00', TIME '00:00'), time_diff(NULL, TIME '00:00', TIME '01:00')"))
                .containsExactly("0", "1500", "-1500000", "0", "-23", "null");
        assertThat(texts("CAST(time_trunc('HOUR', TIME '09:32:05.359') AS STRING), CAST(time_trunc('millisecond', TIME '09:32:05.123456') AS STRING), "
                + "typeof(time_trunc('HOUR', CAST('09:32:05.359' AS TIME(3))))"))
                .containsExactly("09:00:00", "09:32:05.123", "time(3)");
        assertThat(code("SELECT time_trunc('DAY', TIME '09:32:05')")).isEqualTo(ErrorCode.INVALID_FUNCTION_INPUT);
        assertThat(code("SELECT time_diff('HOUR', '20:30:29', '21:30:28')")).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test void fieldsOfATime() {
        assertThat(texts("hour(TIME '13:59:59.999999'), minute(TIME '13:59:59.999999'), second(TIME '13:59:59.999999'), "
                + "extract(SECOND FROM TIME '12:34:56.123'), typeof(date_part('SECOND', CAST('12:34:56.12' AS TIME(2)))), "
                + "date_part('MINUTE', TIME '12:34:56'), extract(h FROM TIME '12:34:56')"))
                .containsExactly("13", "59", "59", "56.123000", "decimal(8,6)", "34", "12");
        assertThat(code("SELECT extract(DAY FROM TIME '12:34:56')")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test void arithmeticWithIntervals() {
        Row r = one("SELECT TIME '12:00' + INTERVAL '1' HOUR, TIME '12:00' - INTERVAL '30' MINUTE, INTERVAL '1' SECOND + TIME '12:00', "
                + "TIME '12:00' - TIME '10:30', typeof(TIME '12:00' - TIME '10:30'), typeof(CAST('01:00' AS TIME(2)) + INTERVAL '1' HOUR)");
        assertThat(r.get(0)).isEqualTo(LocalTime.of(13, 0));
        assertThat(r.get(1)).isEqualTo(LocalTime.of(11, 30));
        assertThat(r.get(2)).isEqualTo(LocalTime.of(12, 0, 1));
        assertThat(r.get(3)).isEqualTo(Duration.ofMinutes(90));
        assertThat(r.get(4)).isEqualTo("interval hour to second");
        assertThat(r.get(5)).isEqualTo("time(2)");
        assertThat(code("SELECT TIME '23:00' + INTERVAL '2' HOUR")).isEqualTo(ErrorCode.DATETIME_OVERFLOW);
        assertThat(code("SELECT TIME '00:00' - INTERVAL '1' SECOND")).isEqualTo(ErrorCode.DATETIME_OVERFLOW);
        assertThat(code("SELECT TIME '12:00' + 1")).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test void makeTimestampOfADateAndATime() {
        Row r = one("SELECT make_timestamp(DATE '2014-12-28', TIME '6:30:45.887'), make_timestamp_ntz(DATE '2014-12-28', TIME '6:30:45.887'), "
                + "try_make_timestamp(DATE '2014-12-28', TIME '6:30:45.887', 'CET'), make_timestamp(NULL, TIME '01:00')");
        assertThat(r.get(0)).isEqualTo(java.time.Instant.parse("2014-12-28T06:30:45.887Z"));
        assertThat(r.get(1)).isEqualTo(LocalDateTime.of(2014, 12, 28, 6, 30, 45, 887_000_000));
        assertThat(r.get(2)).isEqualTo(java.time.Instant.parse("2014-12-28T05:30:45.887Z"));
        assertThat(r.get(3)).isNull();
        assertThat(code("SELECT make_timestamp(DATE '2024-01-01', '01:00')")).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test void currentTimeHasThePrecisionAsked() {
        Row r = one("SELECT typeof(current_time()), typeof(current_time(0)), current_time(0), current_time() IS NOT NULL");
        assertThat(r.get(0)).isEqualTo("time(6)");
        assertThat(r.get(1)).isEqualTo("time(0)");
        assertThat(((LocalTime) r.get(2)).getNano()).isZero();
        assertThat(r.get(3)).isEqualTo(true);
        assertThat(SLUICE.sql("SELECT current_time()").schema().field(0).name()).isEqualTo("current_time(6)");
    }

    @Test void ordersGroupsAndComparesTimes() {
        List<Row> sorted = SLUICE.sql("SELECT t FROM VALUES (TIME '12:00'), (TIME '01:00:00.5'), (NULL) AS v(t) ORDER BY t").collect();
        assertThat(sorted).extracting(x -> x.get(0)).containsExactly(null, LocalTime.of(1, 0, 0, 500_000_000), LocalTime.of(12, 0));
        assertThat(texts("max(t), min(t), count(DISTINCT t) FROM VALUES (TIME '12:00'), (TIME '01:00'), (TIME '12:00') AS v(t)"))
                .containsExactly("12:00", "01:00", "2");
        assertThat(texts("TIME '12:34:56' < TIME '13:00', TIME '12:00' = TIME '12:00:00.000', TIME '12:34:56' = '12:34:56', "
                + "TIME '12:00' BETWEEN '11:00' AND '13:00', hash(TIME '12:00'), xxhash64(TIME '12:00')"))
                .containsExactly("true", "true", "true", "true", "-1984942870", "7141818012718557382");
        assertThat(code("SELECT sum(t) FROM VALUES (TIME '12:00') AS v(t)")).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(texts("typeof(coalesce(TIME '12:00', '13:00')), concat('at ', TIME '12:00'), CAST(greatest(TIME '12:00', TIME '13:00') AS STRING)"))
                .containsExactly("time(6)", "at 12:00:00", "13:00:00");
    }

    @Test void theSettingGatesTimeExpressionsAsSpark() {
        try (Sluice off = Sluice.builder().parallelism(1).build()) {
            assertThat(off.conf().get("spark.sql.timeType.enabled")).isEqualTo("false");
            for (String gated : List.of("make_time(1, 2, 3)", "to_time('10:00')", "try_to_time('10:00')", "CAST('10:00' AS TIME)",
                    "time_diff('HOUR', TIME '01:00', TIME '02:00')", "time_trunc('HOUR', TIME '01:00')", "current_time()",
                    "hour(TIME '01:00')", "extract(SECOND FROM TIME '01:00')", "TIME '01:00' + INTERVAL '1' HOUR")) {
                try {
                    off.sql("SELECT " + gated);
                    throw new AssertionError(gated + " was not refused");
                } catch (SluiceException e) {
                    assertThat(e.code()).as(gated).isEqualTo(ErrorCode.UNSUPPORTED_TIME_TYPE);
                }
            }
            // allowed with the setting off, as in Spark: a literal, comparisons, make_timestamp(date, time)
            Row r = off.sql("SELECT TIME '01:00' < TIME '02:00', make_timestamp_ntz(DATE '2024-01-01', TIME '01:00'), TIME '01:00'").collect().get(0);
            assertThat(r.get(0)).isEqualTo(true);
            assertThat(r.get(1)).isEqualTo(LocalDateTime.of(2024, 1, 1, 1, 0));
            assertThat(r.get(2)).isEqualTo(LocalTime.of(1, 0));
            off.conf().set("spark.sql.timeType.enabled", "true");
            assertThat(off.sql("SELECT hour(TIME '01:00')").collect().get(0).get(0)).isEqualTo(1);
        }
    }

    @Test void jsonAndCsvRefuseTimeAsSpark(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // Spark 4.1.1: UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE for the JSON and CSV sources, to_json and from_json fail too
        var times = SLUICE.sql("SELECT TIME '12:34:56' AS t");
        for (Runnable write : List.<Runnable>of(() -> times.write().json(dir.resolve("j").toString()),
                () -> times.write().csv(dir.resolve("c").toString()))) {
            try {
                write.run();
                throw new AssertionError("TIME written");
            } catch (SluiceException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
            }
        }
        assertThat(code("SELECT to_json(named_struct('t', TIME '12:34:56.5'))")).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
        assertThat(code("SELECT from_json('{\"t\":\"12:34:56.5\"}', 't TIME')")).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
    }

    @Test void precisionBoundsAndTruncation() {
        assertThat(new TimeType(3).truncate(45_296_789_654_321L)).isEqualTo(45_296_789_000_000L);
        assertThat(new TimeType(0).truncate(45_296_789_654_321L)).isEqualTo(45_296_000_000_000L);
        assertThat(one("SELECT CAST(TIME '23:59:59.999999' AS TIME(0))").get(0)).isEqualTo(LocalTime.of(23, 59, 59));
        // Spark 4.1: a cast from text keeps its digits whatever the precision, extract(SECOND) truncates to the precision
        assertThat(one("SELECT extract(SECONDS FROM CAST('12:34:56.12' AS TIME(0)))").get(0)).isEqualTo(new BigDecimal("56.000000"));
        assertThat(one("SELECT CAST(CAST('12:34:56.1234567' AS TIME(2)) AS STRING)").get(0)).isEqualTo("12:34:56.123456");
    }
}
