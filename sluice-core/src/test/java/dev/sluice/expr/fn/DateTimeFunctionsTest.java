package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.QueryInstant;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static dev.sluice.expr.fn.Fn.bind;
import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static dev.sluice.expr.fn.Fn.sql;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1 (ANSI, session zone UTC), see /work/scratch/spark-oracle/out/fnlib_dates.txt. */
class DateTimeFunctionsTest {
    static Instant ts(String iso) { return Instant.parse(iso); }

    static final Instant T = ts("2024-01-05T09:08:07.006Z");

    @Test void toDateCastsOrParsesStrictly() {
        assertThat(eval("to_date", "2024-01-15 10:00:00")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(eval("to_date", " 2024-01-15 ")).isEqualTo(LocalDate.of(2024, 1, 15));
        fails(ErrorCode.CAST_INVALID_INPUT, "to_date", "2024-02-30");
        assertThat(eval("to_date", "12/31/2024", "MM/dd/yyyy")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(eval("to_date", "2024-1-5", "yyyy-M-d")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(eval("to_date", "20240115", "yyyyMMdd")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(eval("to_date", "24-01-15", "yy-MM-dd")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(eval("to_date", "jan 15 2024", "MMM dd yyyy")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(eval("to_date", "January 15 2024", "MMMM dd yyyy")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(eval("to_date", "2024", "yyyy")).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(eval("to_date", "2024-015", "yyyy-DDD")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(eval("to_date", ts("2024-01-15T23:59:59Z"))).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(eval("to_date", "2024-01-15", null)).isNull();
        assertThat(eval("to_date", (Object) null)).isNull();
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_date", "2024-1-5", "yyyy-MM-dd");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_date", "x", "yyyy");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_date", "2024-01-15", "yyyy-MM-dd HH");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_date", "2024-01-15 10", "yyyy-MM-dd");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_date", "2024-02-30", "yyyy-MM-dd");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_date", "  2024-01-15", "yyyy-MM-dd");
        fails(ErrorCode.INVALID_ARGUMENT, "to_date", "Mon 2024-01-15", "EEE yyyy-MM-dd");
        fails(ErrorCode.INVALID_ARGUMENT, "to_date", "2024-01-15", "YYYY-MM-dd");
        assertThat(sql("to_date", "s", "yyyy")).isEqualTo("to_date(s, yyyy)");
        assertThat(column("to_date", col("string", "1/2/2024", null), "M/d/yyyy")).containsExactly(LocalDate.of(2024, 1, 2), null);
    }

    @Test void toTimestampParsesZonesFractionsAndHalfDays() {
        assertThat(eval("to_timestamp", "2024-01-15 10:11:12.345")).isEqualTo(ts("2024-01-15T10:11:12.345Z"));
        assertThat(eval("to_timestamp", "2024-01-15")).isEqualTo(ts("2024-01-15T00:00:00Z"));
        assertThat(eval("to_timestamp", "15/01/2024 10:11", "dd/MM/yyyy HH:mm")).isEqualTo(ts("2024-01-15T10:11:00Z"));
        assertThat(eval("to_timestamp", "2024-01-15 10:11:12+02:00", "yyyy-MM-dd HH:mm:ssXXX")).isEqualTo(ts("2024-01-15T08:11:12Z"));
        assertThat(eval("to_timestamp", "2024-01-15 10:11:12 +0200", "yyyy-MM-dd HH:mm:ss Z")).isEqualTo(ts("2024-01-15T08:11:12Z"));
        assertThat(eval("to_timestamp", "2024-01-15 10:11:12 UTC", "yyyy-MM-dd HH:mm:ss z")).isEqualTo(ts("2024-01-15T10:11:12Z"));
        assertThat(eval("to_timestamp", "2024-01-15 10:11:12 America/New_York", "yyyy-MM-dd HH:mm:ss VV")).isEqualTo(ts("2024-01-15T15:11:12Z"));
        assertThat(eval("to_timestamp", "10:11 PM", "hh:mm a")).isEqualTo(ts("1970-01-01T22:11:00Z"));
        assertThat(eval("to_timestamp", "10:11 pm", "hh:mm a")).isEqualTo(ts("1970-01-01T22:11:00Z"));
        assertThat(eval("to_timestamp", "2024-01-15 10:11:12.123456", "yyyy-MM-dd HH:mm:ss.SSSSSS")).isEqualTo(ts("2024-01-15T10:11:12.123456Z"));
        assertThat(eval("to_timestamp", "2024-01-15 10:11:12.1", "yyyy-MM-dd HH:mm:ss.SSS")).isEqualTo(ts("2024-01-15T10:11:12.1Z"));
        assertThat(eval("to_timestamp", "2024-01-15 10:11:12.345Z", "yyyy-MM-dd HH:mm:ss.SSSX")).isEqualTo(ts("2024-01-15T10:11:12.345Z"));
        assertThat(eval("to_timestamp", "12 2024", "hh yyyy")).isEqualTo(ts("2024-01-01T00:00:00Z"));
        assertThat(eval("to_timestamp", "24 2024", "kk yyyy")).isEqualTo(ts("2024-01-01T00:00:00Z"));
        assertThat(eval("to_timestamp", "2024-1-15 1:1:2", "yyyy-M-d H:m:s")).isEqualTo(ts("2024-01-15T01:01:02Z"));
        assertThat(eval("to_timestamp", "0001-01-01 00:00:00", "yyyy-MM-dd HH:mm:ss")).isEqualTo(ts("0001-01-01T00:00:00Z"));
        assertThat(eval("to_timestamp", LocalDate.of(2024, 1, 15))).isEqualTo(ts("2024-01-15T00:00:00Z"));
        assertThat(eval("to_timestamp", 1700000000)).isEqualTo(ts("2023-11-14T22:13:20Z"));
        assertThat(eval("to_timestamp", 1.5)).isEqualTo(ts("1970-01-01T00:00:01.5Z"));
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_timestamp", "2024-01-15 10:11:12.12345", "yyyy-MM-dd HH:mm:ss.SSS");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_timestamp", "2024-01-15 10:11:12", "yyyy-MM-dd HH:mm:ss.SSS");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_timestamp", "2024-01-15 25:00:00", "yyyy-MM-dd HH:mm:ss");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_timestamp", "13 2024", "hh yyyy");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_timestamp", "0 2024", "hh yyyy");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "to_timestamp", "2024-01-15 10:11:12 ", "yyyy-MM-dd HH:mm:ss");
        fails(ErrorCode.INVALID_ARGUMENT, "to_timestamp", "x", "yyyy-MM-dd HH:mm:ss.SSSSSSSSSS");
        fails(ErrorCode.INVALID_ARGUMENT, "to_timestamp", "x", "yyyy u");
        fails(ErrorCode.INVALID_ARGUMENT, "to_timestamp", "x", "yyyy e");
        fails(ErrorCode.INVALID_ARGUMENT, "to_timestamp", "a", "b", "c");
    }

    @Test void dateFormatFollowsSparksPatternLetters() {
        assertThat(eval("date_format", T, "yyyy-MM-dd HH:mm:ss.SSS")).isEqualTo("2024-01-05 09:08:07.006");
        assertThat(eval("date_format", T, "EEE")).isEqualTo("Fri");
        assertThat(eval("date_format", T, "EEEE")).isEqualTo("Friday");
        assertThat(eval("date_format", T, "MMM")).isEqualTo("Jan");
        assertThat(eval("date_format", T, "MMMM")).isEqualTo("January");
        assertThat(eval("date_format", T, "LLL")).isEqualTo("Jan");
        assertThat(eval("date_format", ts("2024-01-05T21:08:07.006Z"), "h a")).isEqualTo("9 PM");
        assertThat(eval("date_format", T, "hh:mm a")).isEqualTo("09:08 AM");
        assertThat(eval("date_format", ts("2024-01-05T00:08:07.006Z"), "hh K k H")).isEqualTo("12 0 24 0");
        assertThat(eval("date_format", T, "XXX")).isEqualTo("Z");
        assertThat(eval("date_format", T, "xxx")).isEqualTo("+00:00");
        assertThat(eval("date_format", T, "Z")).isEqualTo("+0000");
        assertThat(eval("date_format", T, "z")).isEqualTo("UTC");
        assertThat(eval("date_format", T, "zzzz")).isEqualTo("Coordinated Universal Time");
        assertThat(eval("date_format", T, "VV")).isEqualTo("UTC");
        assertThat(eval("date_format", T, "O")).isEqualTo("GMT");
        assertThat(eval("date_format", T, "D DDD")).isEqualTo("5 005");
        assertThat(eval("date_format", T, "yy y yyy yyyyy")).isEqualTo("24 2024 2024 02024");
        assertThat(eval("date_format", T, "Q QQ QQQ QQQQ")).isEqualTo("1 01 Q1 1st quarter");
        assertThat(eval("date_format", T, "d dd M MM")).isEqualTo("5 05 1 01");
        assertThat(eval("date_format", T, "SSSSSS")).isEqualTo("006000");
        assertThat(eval("date_format", ts("2024-01-05T09:08:07.123456Z"), "S SS SSS SSSS SSSSSS")).isEqualTo("1 12 123 1234 123456");
        assertThat(eval("date_format", T, "'at' HH'h'")).isEqualTo("at 09h");
        assertThat(eval("date_format", T, "G GGGG")).isEqualTo("AD Anno Domini");
        assertThat(eval("date_format", T, "dd-MM-yyyy [HH]")).isEqualTo("05-01-2024 09");
        assertThat(eval("date_format", ts("-0044-03-15T00:00:00Z"), "yyyy-MM-dd G")).isEqualTo("0045-03-15 BC");
        assertThat(eval("date_format", ts("+12345-01-01T00:00:00Z"), "yyyy-MM-dd")).isEqualTo("+12345-01-01");
        assertThat(eval("date_format", LocalDate.of(2024, 1, 15), "yyyy/MM/dd HH:mm")).isEqualTo("2024/01/15 00:00");
        assertThat(eval("date_format", "2024-01-15 10:11:12", "HH")).isEqualTo("10");
        assertThat(eval("date_format", ts("2024-01-05T09:08:07Z"), "")).isEqualTo("");
        assertThat(eval("date_format", ts("2024-01-05T09:08:07Z"), "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).isEqualTo("2024-01-05T09:08:07.000Z");
        assertThat(eval("date_format", null, "yyyy")).isNull();
        assertThat(eval("date_format", T, null)).isNull();
        for (String bad : new String[] {"u", "e", "w", "Y", "A", "n", "MMMMM", "aa", "EEEEE", "yyyy-MM-dd#", "yyyy{MM}"}) {
            fails(ErrorCode.INVALID_ARGUMENT, "date_format", T, bad);
        }
        assertThat(column("date_format", col("timestamp", T, null), col("string", "yyyy", "yyyy"))).containsExactly("2024", null);
    }

    @Test void unixTimestampAndFromUnixtime() {
        assertThat(eval("unix_timestamp", "2024-01-15 10:11:12")).isEqualTo(1705313472L);
        assertThat(eval("unix_timestamp", "2024/01/15", "yyyy/MM/dd")).isEqualTo(1705276800L);
        assertThat(eval("unix_timestamp", LocalDate.of(2024, 1, 15))).isEqualTo(1705276800L);
        assertThat(eval("unix_timestamp", ts("2024-01-15T10:11:12.999Z"))).isEqualTo(1705313472L);
        assertThat(eval("unix_timestamp", ts("1969-12-31T23:59:59.5Z"))).isEqualTo(0L);
        assertThat(eval("unix_timestamp", (Object) null)).isNull();
        assertThat(bind("unix_timestamp").dataType()).isEqualTo(DataTypes.LONG);
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "unix_timestamp", "bad");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "unix_timestamp", "2024-01-15");
        fails(ErrorCode.CANNOT_PARSE_DATETIME, "unix_timestamp", "2024-01-15T10:11:12");
        assertThat(sql("unix_timestamp", "s")).isEqualTo("unix_timestamp(s, yyyy-MM-dd HH:mm:ss)");
        assertThat(sql("unix_timestamp")).isEqualTo("unix_timestamp(current_timestamp(), yyyy-MM-dd HH:mm:ss)");
        assertThat(eval("from_unixtime", 0)).isEqualTo("1970-01-01 00:00:00");
        assertThat(eval("from_unixtime", 1700000000, "yyyy-MM-dd")).isEqualTo("2023-11-14");
        assertThat(eval("from_unixtime", -1)).isEqualTo("1969-12-31 23:59:59");
        assertThat(eval("from_unixtime", 1700000000L, "EEE, dd MMM yyyy HH:mm:ss")).isEqualTo("Tue, 14 Nov 2023 22:13:20");
        assertThat(eval("from_unixtime", 1.9)).isEqualTo("1970-01-01 00:00:01");
        assertThat(eval("from_unixtime", "1700000000")).isEqualTo("2023-11-14 22:13:20");
        assertThat(eval("from_unixtime", 253402300800L)).isEqualTo("+10000-01-01 00:00:00");
        assertThat(eval("from_unixtime", Long.MAX_VALUE)).isEqualTo("1969-12-31 23:59:59");
        assertThat(eval("from_unixtime", 0, null)).isNull();
        assertThat(eval("from_unixtime", (Object) null)).isNull();
        fails(ErrorCode.INVALID_ARGUMENT, "from_unixtime", 0, "x-bad-u");
        assertThat(sql("from_unixtime", "a")).isEqualTo("from_unixtime(a, yyyy-MM-dd HH:mm:ss)");
    }

    @Test void currentValuesAreTheQueryInstantTakenAtBinding() {
        Expression now, later;
        try (QueryInstant run = QueryInstant.enter()) {
            now = bind("current_timestamp");
            later = bind("current_timestamp");
            assertThat(((FunctionCall) now).signature().state()).isEqualTo(((FunctionCall) later).signature().state());
            LocalDate today = (LocalDate) ((FunctionCall) bind("current_date")).signature().state();
            assertThat(today).isEqualTo(LocalDate.ofInstant(QueryInstant.now(), dev.sluice.types.SessionZone.current()));
        }
        ColumnVector a = now.evaluate(Batch.ofRowCount(3)), b = now.evaluate(Batch.ofRowCount(1));
        assertThat(a.getLong(0)).isEqualTo(a.getLong(2)).isEqualTo(b.getLong(0)).isEqualTo(later.evaluate(Batch.ofRowCount(1)).getLong(0));
        assertThat(now.foldable()).isFalse();
        assertThat(now.nullable()).isFalse();
        assertThat(bind("current_date").dataType()).isEqualTo(DataTypes.DATE);
        assertThat(bind("now").dataType()).isEqualTo(DataTypes.TIMESTAMP);
        assertThat(sql("current_date")).isEqualTo("current_date()");
        long wall = Instant.now().getEpochSecond() * 1_000_000L;
        assertThat(Math.abs(a.getLong(0) - wall)).isLessThan(600_000_000L);
    }

    @Test void analysisBindsClockFunctionsWithoutAValueSoAPlanAnalysedTwiceIsEqual() {
        assertThat(bind("current_timestamp")).isEqualTo(bind("current_timestamp"));
        assertThat(((FunctionCall) bind("localtimestamp")).signature().state()).isNull();
        assertThat(((FunctionCall) bind("unix_timestamp")).signature().state()).isNull();
    }
}
