package dev.sluice.expr.fn;

import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * timestampadd / timestampdiff with Spark's values (PySpark's timestamp_add and timestamp_diff docstrings), plus the
 * smaller additions beside them: xpath_short, and from_csv's ignoreLeadingWhiteSpace.
 */
class TimestampUnitFunctionsTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(1).timeZone(java.time.ZoneId.of("America/Los_Angeles")).build();

    @AfterAll static void close() { SLUICE.close(); }

    private static List<Object> row(String sql) {
        Row r = SLUICE.sql(sql).collect().get(0);
        Object[] out = new Object[r.size()];
        for (int i = 0; i < out.length; i++) out[i] = r.get(i) == null ? null : String.valueOf(r.get(i));
        return Arrays.asList(out);
    }

    @Test void addsUnitsInTheSessionZone() {
        assertThat(row("SELECT CAST(timestampadd(year, 2, TIMESTAMP '2016-03-11 09:00:07') AS STRING), "
                + "CAST(timestampadd(WEEK, 5, TIMESTAMP '2016-03-11 09:00:07') AS STRING), "
                + "CAST(timestampadd(day, -5, TIMESTAMP '2024-04-02 09:00:07') AS STRING), "
                + "CAST(timestampadd(HOUR, 24, TIMESTAMP '2024-03-09 12:00:00') AS STRING), "
                + "CAST(timestampadd(DAY, 1, TIMESTAMP '2024-03-09 12:00:00') AS STRING)"))
                // across the DST change of 2024-03-10: 24 hours is not a local day
                .containsExactly("2018-03-11 09:00:07", "2016-04-15 09:00:07", "2024-03-28 09:00:07", "2024-03-10 13:00:00", "2024-03-10 12:00:00");
        assertThat(SLUICE.sql("SELECT timestampadd(year, 2, TIMESTAMP '2016-03-11 09:00:07')").columns())
                .containsExactly("timestampadd(year, 2, TIMESTAMP '2016-03-11 09:00:07')");
    }

    @Test void countsWholeUnitsBetween() {
        assertThat(row("SELECT timestampdiff(year, TIMESTAMP '2016-03-11 09:00:07', TIMESTAMP '2024-04-02 09:00:07'), "
                + "timestampdiff(WEEK, TIMESTAMP '2016-03-11 09:00:07', TIMESTAMP '2024-04-02 09:00:07'), "
                + "timestampdiff(day, TIMESTAMP '2024-04-02 09:00:07', TIMESTAMP '2016-03-11 09:00:07'), "
                + "timestampdiff(QUARTER, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-12-31 00:00:00')"))
                .containsExactly("8", "420", "-2944", "3");
    }

    @Test void theUnitKeywordSyntaxAndItsSpellingsAreNamedAsSpark() {
        // Spark 4.1's column names: every spelling is shown as timestampadd/timestampdiff, the unit as written
        assertThat(SLUICE.sql("SELECT timestampadd(hour, 1, TIMESTAMP '2024-01-01 00:00:00'), dateadd(DAY, 2, TIMESTAMP '2024-01-01 00:00:00'), "
                + "timediff(HOUR, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 03:00:00')").columns())
                .containsExactly("timestampadd(hour, 1, TIMESTAMP '2024-01-01 00:00:00')", "timestampadd(DAY, 2, TIMESTAMP '2024-01-01 00:00:00')",
                        "timestampdiff(HOUR, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 03:00:00')");
        // two arguments: the registry's date_add(start, days) and datediff(end, start), unchanged
        assertThat(row("SELECT CAST(date_add(DATE '2024-01-31', 1) AS STRING), datediff(DATE '2024-03-01', DATE '2024-01-31')"))
                .containsExactly("2024-02-01", "30");
    }

    @Test void anUnknownUnitIsRefused() {
        // the registry function, as functions.timestamp_add and Connect call it (SQL refuses a quoted unit when parsing)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SLUICE.range(1).select(dev.sluice.functions.call_function("timestampadd",
                        dev.sluice.functions.lit("fortnight"), dev.sluice.functions.lit(1), dev.sluice.functions.expr("TIMESTAMP '2024-01-01 00:00:00'"))).collect())
                .isInstanceOfSatisfying(dev.sluice.error.SluiceException.class,
                        e -> assertThat(e.code()).isEqualTo(dev.sluice.error.ErrorCode.INVALID_ARGUMENT));
    }

    @Test void xpathShortAndCsvWhiteSpace() {
        assertThat(row("SELECT xpath_short('<a><b>1</b><b>2</b></a>', 'sum(a/b)')")).containsExactly("3");
        assertThat(row("SELECT from_csv('   abc', 's string', map('ignoreLeadingWhiteSpace', 'true')).s")).containsExactly("abc");
        assertThat(row("SELECT from_csv('   abc', 's string').s")).containsExactly("   abc");
        assertThat(row("SELECT from_csv('1,2,', 'a INT, b INT, c INT').c")).containsExactly((Object) null);
    }
}
