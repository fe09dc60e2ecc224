package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TIME type through the DataFrame API on both engines: a frame of times (and NULLs) built by Sluice, the time
 * functions, casts and arithmetic translated to Spark 4.1.1's plan, and the rows compared with the embedded engine's.
 */
class TimeDifferentialTest {
    static final StructType SCHEMA = DdlParser.parseSchema("id INT, t TIME, s STRING");
    static SparkSession spark;
    static String before;

    @BeforeAll static void start() {
        spark = SharedSpark.get();
        before = spark.conf().get("spark.sql.timeType.enabled");
        spark.conf().set("spark.sql.timeType.enabled", "true");
    }

    @AfterAll static void stop() { spark.conf().set("spark.sql.timeType.enabled", before); }

    static DataFrame frame(Sluice sluice) {
        sluice.conf().set("spark.sql.timeType.enabled", "true");
        sluice.conf().set("spark.sql.session.timeZone", "UTC");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalTime t = i % 5 == 4 ? null : LocalTime.of(i * 2, i * 5 % 60, i * 7 % 60, i * 123_456_000 % 1_000_000_000);
            rows.add(Row.of(SCHEMA, i, t, String.format("%02d:%02d:%02d.%d", (i * 3) % 24, i * 4 % 60, i, i)));
        }
        return sluice.createDataFrame(rows, SCHEMA);
    }

    @Test void timeFunctionsGiveTheSameRowsOnSpark() {
        String[] exprs = {"id", "t", "hour(t)", "minute(t)", "second(t)", "extract(SECOND FROM t)", "CAST(t AS STRING)",
                "CAST(t AS BIGINT)", "CAST(t AS DECIMAL(12, 6))", "CAST(t AS TIME(2))", "CAST(s AS TIME)", "to_time(s)", "try_to_time(s, 'HH:mm')",
                "time_trunc('MINUTE', t)", "time_diff('SECOND', t, TIME '12:00:00')", "make_time(id, id * 2, id * 1.5)",
                "t + INTERVAL '30' MINUTE", "t - TIME '00:30:00'", "t < TIME '10:00'", "make_timestamp_ntz(DATE '2024-03-01', t)",
                "hash(t)"};
        try (Sluice embedded = Sluice.builder().parallelism(2).build()) {
            Sluice onSpark = SparkEngine.of(spark);
            List<Row> expected = frame(embedded).filter("id < 8").selectExpr(exprs).orderBy("id").collect();
            List<Row> actual = frame(onSpark).filter("id < 8").selectExpr(exprs).orderBy("id").collect();
            assertThat(actual).hasSize(8).isEqualTo(expected);
        }
    }

    @Test void groupsJoinsAndSortsTimesAsSpark() {
        try (Sluice embedded = Sluice.builder().parallelism(3).build()) {
            Sluice onSpark = SparkEngine.of(spark);
            for (Sluice s : List.of(embedded, onSpark)) frame(s).createOrReplaceTempView("times");
            String query = "SELECT time_trunc('HOUR', t) AS h, count(*) AS n, max(t) AS latest FROM times GROUP BY time_trunc('HOUR', t) ORDER BY h";
            assertThat(onSpark.sql(query).collect()).isEqualTo(embedded.sql(query).collect());
        }
    }
}
