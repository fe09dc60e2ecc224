package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.types.Row;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.session_window;
import static dev.sluice.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Time windows beyond the logic file sql/time_windows.qt (which runs on both engines): the window column read back
 * through a subquery ({@code window_time(window)}), the schema Spark gives, laziness of the rewrite, and re-analysis.
 */
class TimeWindowTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).shufflePartitions(3).build();

    @AfterAll static void close() { SLUICE.close(); }

    private static final String EVENTS = "VALUES ('A1', '2021-01-01 00:00:00'), ('A1', '2021-01-01 00:04:30'), ('A1', '2021-01-01 00:06:00'),"
            + " ('A2', '2021-01-01 00:01:00') AS tab(a, b)";

    private static List<String> rows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.toString());
        return out;
    }

    @Test void windowColumnSelectedByNameFeedsWindowTime() {
        DataFrame df = SLUICE.sql("SELECT a, window.start AS start, window_time(window) AS last, cnt FROM (SELECT a, window, count(*) AS cnt FROM "
                + EVENTS + " GROUP BY a, window(b, '5 minutes') ORDER BY a, window.start) ORDER BY a, start");
        assertThat(df.columns()).containsExactly("a", "start", "last", "cnt");
        assertThat(rows(df)).hasSize(3);
        assertThat(rows(df).get(0)).contains("2021-01-01T00:04:59.999999Z");
    }

    @Test void groupedWindowHasSparksNameAndType() {
        DataFrame df = SLUICE.sql("SELECT a, b FROM " + EVENTS).groupBy(col("a"), window(col("b"), "10 minutes", "5 minutes")).agg(count(lit(1)));
        assertThat(df.columns()).containsExactly("a", "window", "count(1)");
        assertThat(df.schema().field(1).dataType().simpleString()).isEqualTo("struct<start:timestamp,end:timestamp>");
        DataFrame sessions = SLUICE.sql("SELECT a, b FROM " + EVENTS).groupBy(col("a"), session_window(col("b"), "5 minutes")).agg(count(lit(1)));
        assertThat(sessions.columns()).containsExactly("a", "session_window", "count(1)");
        assertThat(rows(sessions)).hasSize(2);   // A1's three rows overlap into one session
    }

    @Test void analyzingTheRewrittenPlanAgainChangesNothing() {
        DataFrame df = SLUICE.sql("SELECT a, b FROM " + EVENTS).groupBy(col("a"), session_window(col("b"), "5 minutes")).agg(count(lit(1)).alias("n"));
        var plan = df.logicalPlan();
        assertThat(new dev.sluice.plan.Analyzer(true).analyze(plan)).isEqualTo(plan);
    }

    @Test void slidingWindowInAJoinConditionIsRefused() {
        DataFrame left = SLUICE.sql("SELECT a, CAST(b AS TIMESTAMP) AS ts FROM " + EVENTS);
        DataFrame right = SLUICE.sql("SELECT a AS a2, CAST(b AS TIMESTAMP) AS ts2 FROM " + EVENTS);
        assertThatThrownBy(() -> left.join(right, window(col("ts"), "10 minutes", "5 minutes").getField("start").equalTo(col("ts2"))).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }

    @Test void aWindowInAFilterBecomesTheFirstColumnAndReanalysisChangesNothing() {
        DataFrame df = SLUICE.sql("SELECT a, CAST(b AS TIMESTAMP) AS ts FROM " + EVENTS)
                .filter(window(col("ts"), "10 minutes", "5 minutes").getField("start").isNotNull());
        assertThat(df.columns()).containsExactly("window", "a", "ts");
        var plan = df.logicalPlan();
        assertThat(new dev.sluice.plan.Analyzer(true).analyze(plan)).isEqualTo(plan);
        assertThat(df.collect()).isNotEmpty();
    }

    @Test void monthsAreNotWindowDurations() {
        assertThatThrownBy(() -> SLUICE.sql("SELECT count(*) FROM " + EVENTS + " GROUP BY window(b, '1 month')").collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
