package dev.sluice.sql;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.current_timestamp;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

/** Spark's literal functions (bare current_date, current_user, ...) and the one instant of a query's clock functions. */
class LiteralFunctionsTest {
    private final Sluice sluice = Sluice.local();

    @Test void bareNamesAreTheCallsNamedAsSparkNamesThem() {
        DataFrame df = sluice.sql("SELECT current_date, current_timestamp, CURRENT_USER, user, session_user");
        assertThat(df.columns()).containsExactly("current_date()", "current_timestamp()", "current_user()", "current_user()", "current_user()");
        Row row = df.collect().get(0);
        assertThat(row.get(2)).isInstanceOf(String.class).isEqualTo(row.get(3)).isEqualTo(row.get(4));
        String sparkUser = System.getenv("SPARK_USER");
        assertThat(row.get(2)).isEqualTo(sparkUser != null && !sparkUser.isEmpty() ? sparkUser : System.getProperty("user.name"));
        assertThat(sluice.sql("SELECT current_user(), user(), session_user()").columns())
                .containsExactly("current_user()", "user()", "session_user()");
    }

    @Test void expressionStringsAndColumnsResolveThemToo() {
        DataFrame one = sluice.range(1);
        assertThat(one.selectExpr("current_date", "date_add(current_date, 1)").columns())
                .containsExactly("current_date()", "date_add(current_date(), 1)");
        assertThat(one.select(col("current_timestamp")).columns()).containsExactly("current_timestamp()");
        assertThat(one.filter("current_date > DATE'2020-01-01'").count()).isEqualTo(1);
    }

    @Test void aColumnOfThatNameWins() {
        DataFrame t = sluice.sql("SELECT 7 AS current_date, 'x' AS user");
        assertThat(t.select(col("current_date"), col("user")).collect().get(0).get(0)).isEqualTo(7);
        assertThat(t.selectExpr("current_date + 1", "user").collect().get(0).get(1)).isEqualTo("x");
    }

    @Test void theFunctionWinsOverALateralAlias() {
        DataFrame df = sluice.sql("SELECT 1 AS current_date, current_date AS d");
        assertThat(df.collect().get(0).get(1)).isInstanceOf(java.time.LocalDate.class);
    }

    @Test void everyClockFunctionOfAQueryReadsOneInstant() {
        Row row = sluice.sql("SELECT current_timestamp = current_timestamp(), now() = current_timestamp, current_date = curdate(), "
                + "localtimestamp() = localtimestamp(), unix_timestamp() = unix_timestamp()").collect().get(0);
        for (int i = 0; i < 5; i++) assertThat(row.get(i)).as("column %d", i).isEqualTo(true);
        // across DataFrames built at different times, joined into one query
        DataFrame a = sluice.range(1).select(current_timestamp().alias("a"));
        DataFrame b = sluice.range(1).select(current_timestamp().alias("b"));
        Row joined = a.crossJoin(b).select(col("a").equalTo(col("b"))).collect().get(0);
        assertThat(joined.get(0)).isEqualTo(true);
    }

    @Test void aDataFrameOfAClockFunctionKeepsItsColumnsAndEachRunReadsTheClockAgain() throws Exception {
        DataFrame df = sluice.range(2).withColumn("t", current_timestamp());
        List<Row> rows = df.select(df.col("t"), lit(1)).collect();   // the column still belongs to df after re-analysis
        assertThat(rows.get(0).get(0)).isEqualTo(rows.get(1).get(0));
        assertThat(sluice.sql("SELECT (SELECT current_timestamp) = current_timestamp()").collect().get(0).get(0)).isEqualTo(true);
        Thread.sleep(2);
        Instant later = (Instant) df.collect().get(0).get(1);
        assertThat(later).isAfter((Instant) rows.get(0).get(0));
    }
}
