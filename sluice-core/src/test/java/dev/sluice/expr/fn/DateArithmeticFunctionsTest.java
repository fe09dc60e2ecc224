package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static dev.sluice.expr.fn.Fn.sql;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1 (ANSI, session zone UTC), see /work/scratch/spark-oracle/out/fnlib_dates.txt. */
class DateArithmeticFunctionsTest {
    static LocalDate d(String s) { return LocalDate.parse(s); }

    static Instant ts(String iso) { return Instant.parse(iso); }

    @Test void fieldsOfDatesAndTimestamps() {
        LocalDate x = d("2024-12-30");
        assertThat(eval("year", x)).isEqualTo(2024);
        assertThat(eval("quarter", x)).isEqualTo(4);
        assertThat(eval("month", x)).isEqualTo(12);
        assertThat(eval("dayofmonth", x)).isEqualTo(30);
        assertThat(eval("day", x)).isEqualTo(30);
        assertThat(eval("dayofweek", x)).isEqualTo(2);
        assertThat(eval("dayofweek", d("2024-12-29"))).isEqualTo(1);
        assertThat(eval("weekday", x)).isEqualTo(0);
        assertThat(eval("dayofyear", x)).isEqualTo(365);
        assertThat(eval("weekofyear", x)).isEqualTo(1);
        assertThat(eval("weekofyear", d("2021-01-01"))).isEqualTo(53);
        assertThat(eval("weekofyear", d("2021-01-04"))).isEqualTo(1);
        assertThat(eval("year", d("-0044-03-15"))).isEqualTo(-44);
        assertThat(eval("year", "2024-01-15 10:00:00")).isEqualTo(2024);
        assertThat(eval("year", ts("2024-01-15T10:00:00Z"))).isEqualTo(2024);
        assertThat(eval("dayofweek", "2024-01-15")).isEqualTo(2);
        assertThat(eval("year", (Object) null)).isNull();
        fails(ErrorCode.TYPE_MISMATCH, "year", 1);
        fails(ErrorCode.CAST_INVALID_INPUT, "year", "bad");
        Instant t = ts("2024-01-15T10:11:12.999Z");
        assertThat(eval("hour", t)).isEqualTo(10);
        assertThat(eval("minute", t)).isEqualTo(11);
        assertThat(eval("second", t)).isEqualTo(12);
        assertThat(eval("hour", "2024-01-15 10:11:12")).isEqualTo(10);
        assertThat(eval("hour", d("2024-01-15"))).isEqualTo(0);
        assertThat(eval("minute", ts("1969-12-31T23:59:59.5Z"))).isEqualTo(59);
        assertThat(eval("second", ts("1969-12-31T23:59:59.5Z"))).isEqualTo(59);
        assertThat(column("month", col("date", d("2024-02-29"), null))).containsExactly(2, null);
    }

    @Test void dateAddSubAndDiff() {
        assertThat(eval("date_add", "2024-01-31", 1)).isEqualTo(d("2024-02-01"));
        assertThat(eval("date_add", d("2024-01-31"), -1)).isEqualTo(d("2024-01-30"));
        assertThat(eval("date_add", d("2024-01-31"), "2")).isEqualTo(d("2024-02-02"));
        assertThat(eval("date_add", ts("2024-01-31T23:00:00Z"), 1)).isEqualTo(d("2024-02-01"));
        assertThat(eval("date_add", null, 1)).isNull();
        assertThat(eval("date_sub", d("2024-03-01"), 1)).isEqualTo(d("2024-02-29"));
        fails(ErrorCode.TYPE_MISMATCH, "date_add", d("2024-01-31"), 3000000000L);
        fails(ErrorCode.TYPE_MISMATCH, "date_add", d("2024-01-31"), 1.5);
        fails(ErrorCode.CAST_INVALID_INPUT, "date_add", d("2024-01-31"), "x");
        assertThat(sql("dateadd", "dt", 1)).isEqualTo("date_add(dt, 1)");
        assertThat(eval("datediff", "2024-03-01", "2024-02-01")).isEqualTo(29);
        assertThat(eval("datediff", "2024-02-01", "2024-03-01")).isEqualTo(-29);
        assertThat(eval("datediff", ts("2024-03-01T23:00:00Z"), d("2024-03-01"))).isEqualTo(0);
        assertThat(eval("datediff", null, d("2024-03-01"))).isNull();
    }

    @Test void monthsBetweenRoundsToEightDigits() {
        assertThat(eval("months_between", "2024-03-31", "2024-02-29")).isEqualTo(1.0);
        assertThat(eval("months_between", "1997-02-28 10:30:00", "1996-10-30")).isEqualTo(3.94959677);
        assertThat(eval("months_between", "1997-02-28 10:30:00", "1996-10-30", false)).isEqualTo(3.9495967741935485);
        assertThat(eval("months_between", "2024-01-15", "2024-01-15 12:00:00")).isEqualTo(0.0);
        assertThat(eval("months_between", d("2024-01-01"), d("2024-03-15"))).isEqualTo(-2.4516129);
        assertThat(eval("months_between", d("2024-03-15"), d("2024-01-31"))).isEqualTo(1.48387097);
        assertThat(eval("months_between", d("2024-02-29"), d("2024-01-31"))).isEqualTo(1.0);
        assertThat(eval("months_between", d("2024-02-28"), d("2024-01-31"))).isEqualTo(0.90322581);
        assertThat(eval("months_between", ts("2024-02-28T10:00:00Z"), ts("2024-01-28T11:00:00Z"))).isEqualTo(1.0);
        assertThat(eval("months_between", ts("2024-03-01T00:00:00Z"), ts("2024-01-01T00:00:01Z"))).isEqualTo(2.0);
        assertThat(eval("months_between", null, d("2024-01-31"))).isNull();
        assertThat(eval("months_between", d("2024-02-28"), d("2024-01-31"), null)).isNull();
        assertThat(sql("months_between", "a", "b")).isEqualTo("months_between(a, b, true)");
    }

    @Test void addMonthsAndLastDay() {
        assertThat(eval("add_months", "2024-01-31", 1)).isEqualTo(d("2024-02-29"));
        assertThat(eval("add_months", d("2024-02-29"), 12)).isEqualTo(d("2025-02-28"));
        assertThat(eval("add_months", d("2024-03-31"), -1)).isEqualTo(d("2024-02-29"));
        assertThat(eval("add_months", ts("2024-03-31T10:00:00Z"), 1)).isEqualTo(d("2024-04-30"));
        assertThat(eval("add_months", null, 1)).isNull();
        fails(ErrorCode.CAST_OVERFLOW, "add_months", d("2024-03-31"), 3000000000L);
        fails(ErrorCode.ARITHMETIC_OVERFLOW, "add_months", d("2024-03-31"), Integer.MAX_VALUE);
        assertThat(eval("last_day", "2024-02-10")).isEqualTo(d("2024-02-29"));
        assertThat(eval("last_day", d("2023-02-10"))).isEqualTo(d("2023-02-28"));
        assertThat(eval("last_day", ts("2024-12-10T10:00:00Z"))).isEqualTo(d("2024-12-31"));
        assertThat(eval("last_day", (Object) null)).isNull();
    }

    @Test void truncKnowsFewerUnitsThanDateTrunc() {
        LocalDate x = d("2024-05-17");
        assertThat(eval("trunc", x, "MM")).isEqualTo(d("2024-05-01"));
        assertThat(eval("trunc", x, "mon")).isEqualTo(d("2024-05-01"));
        assertThat(eval("trunc", x, "MONTH")).isEqualTo(d("2024-05-01"));
        assertThat(eval("trunc", x, "YEAR")).isEqualTo(d("2024-01-01"));
        assertThat(eval("trunc", x, "yy")).isEqualTo(d("2024-01-01"));
        assertThat(eval("trunc", x, "QUARTER")).isEqualTo(d("2024-04-01"));
        assertThat(eval("trunc", x, "WEEK")).isEqualTo(d("2024-05-13"));
        assertThat(eval("trunc", x, "Q")).isNull();
        assertThat(eval("trunc", x, "DD")).isNull();
        assertThat(eval("trunc", x, "DAY")).isNull();
        assertThat(eval("trunc", x, "bad")).isNull();
        assertThat(eval("trunc", x, null)).isNull();
        assertThat(eval("trunc", "2024-05-17", "MM")).isEqualTo(d("2024-05-01"));
        Instant t = ts("2024-05-17T10:11:12.345678Z");
        assertThat(eval("date_trunc", "HOUR", t)).isEqualTo(ts("2024-05-17T10:00:00Z"));
        assertThat(eval("date_trunc", "hour", t)).isEqualTo(ts("2024-05-17T10:00:00Z"));
        assertThat(eval("date_trunc", "DAY", t)).isEqualTo(ts("2024-05-17T00:00:00Z"));
        assertThat(eval("date_trunc", "DD", t)).isEqualTo(ts("2024-05-17T00:00:00Z"));
        assertThat(eval("date_trunc", "MINUTE", t)).isEqualTo(ts("2024-05-17T10:11:00Z"));
        assertThat(eval("date_trunc", "SECOND", t)).isEqualTo(ts("2024-05-17T10:11:12Z"));
        assertThat(eval("date_trunc", "WEEK", t)).isEqualTo(ts("2024-05-13T00:00:00Z"));
        assertThat(eval("date_trunc", "MON", t)).isEqualTo(ts("2024-05-01T00:00:00Z"));
        assertThat(eval("date_trunc", "QUARTER", t)).isEqualTo(ts("2024-04-01T00:00:00Z"));
        assertThat(eval("date_trunc", "YY", t)).isEqualTo(ts("2024-01-01T00:00:00Z"));
        assertThat(eval("date_trunc", "MILLISECOND", t)).isEqualTo(ts("2024-05-17T10:11:12.345Z"));
        assertThat(eval("date_trunc", "MICROSECOND", t)).isEqualTo(t);
        assertThat(eval("date_trunc", "bad", t)).isNull();
        assertThat(eval("date_trunc", "HOUR", d("2024-05-17"))).isEqualTo(ts("2024-05-17T00:00:00Z"));
        assertThat(eval("date_trunc", "HOUR", "2024-05-17 10:11:12")).isEqualTo(ts("2024-05-17T10:00:00Z"));
        assertThat(eval("date_trunc", null, t)).isNull();
        assertThat(eval("date_trunc", "HOUR", ts("1969-12-31T23:59:59.5Z"))).isEqualTo(ts("1969-12-31T23:00:00Z"));
        assertThat(eval("date_trunc", "SECOND", ts("1969-12-31T23:59:59.5Z"))).isEqualTo(ts("1969-12-31T23:59:59Z"));
    }
}
