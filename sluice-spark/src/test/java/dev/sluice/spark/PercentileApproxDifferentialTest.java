package dev.sluice.spark;

import dev.sluice.Sluice;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * percentile_approx on the embedded engine against Spark 4.1 itself (its own SQL parser and planner) over 100k-300k
 * values with several accuracies, where Spark's Greenwald-Khanna summary no longer holds every value: the same
 * answers. One input partition on both sides, because Spark's answer also depends on how its partitions' summaries
 * are merged.
 */
class PercentileApproxDifferentialTest {
    static Sluice embedded;

    @BeforeAll static void start() { embedded = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void close() { embedded.close(); }

    static final String PERCENTAGES = "array(0, 0.0001, 0.001, 0.01, 0.05, 0.1, 0.25, 0.33, 0.5, 0.66, 0.75, 0.9, 0.95, 0.99, 0.999, 1)";

    @ParameterizedTest(name = "{0} rows, {1}, accuracy {2}")
    @CsvSource(delimiter = ';', value = {
            "100000; id; 10000",
            "100000; id; 100",
            "150000; (id * 7919) % 100003; 10000",
            "150000; (id * 7919) % 100003; 10",
            "200000; id % 1000 + id / 7; 50",
            "200000; CAST((id * 2654435761) % 1000003 AS DOUBLE) / 3; 1000",
            "300000; (id * 48271) % 2147483647 - 1073741823; 2000",
            "120000; CAST(id % 977 AS INT); 500",
            "250000; ((id * 7919) % 100003) / 7.0 - 5000; 30000"})
    void sameAnswersAsSpark(long rows, String value, int accuracy) {
        String query = "SELECT percentile_approx(" + value + ", " + PERCENTAGES + ", " + accuracy + "), percentile_approx(" + value
                + ", 0.5, " + accuracy + ") FROM range(0, " + rows + ", 1, 1)";
        List<String> ours = new ArrayList<>();
        for (dev.sluice.types.Row r : embedded.sql(query).collect()) ours.add(r.get(0) + " " + r.get(1));
        SparkSession spark = SharedSpark.get();
        List<String> theirs = new ArrayList<>();
        for (org.apache.spark.sql.Row r : spark.sql(query).collectAsList()) {
            theirs.add(r.getList(0) + " " + r.get(1));
        }
        assertThat(ours).isEqualTo(theirs);
    }
}
