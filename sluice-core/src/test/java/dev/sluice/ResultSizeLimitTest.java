package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sluice.driver.maxResultSize} bounds what {@code collect()} brings back, as Spark's spark.driver.maxResultSize. */
class ResultSizeLimitTest {
    @Test void aCollectLargerThanTheLimitIsACodedErrorNamingTheSetting() {
        try (Sluice s = Sluice.builder().parallelism(2).build()) {
            DataFrame rows = s.read(new SpillTestSupport.Generated(100_000, 1000, 8192));
            s.conf().set(RuntimeConfig.MAX_RESULT_SIZE, "1m");
            assertThatThrownBy(rows::collect).isInstanceOfSatisfying(SluiceException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                assertThat(e.getMessage()).contains(RuntimeConfig.MAX_RESULT_SIZE);
            });
            assertThat(rows.limit(10).collect()).hasSize(10);           // small results are fine
            try (var it = rows.toLocalIterator()) {                     // streaming is not bounded by it
                long n = 0;
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
                assertThat(n).isEqualTo(100_000);
            }
            s.conf().set("spark.driver.maxResultSize", "0");            // Spark's key; 0 means no limit
            assertThat(rows.select(col("id")).collect()).hasSize(100_000);
            assertThat(s.conf().get(RuntimeConfig.MAX_RESULT_SIZE)).isEqualTo("0");
        }
    }

    @Test void sizesAreReadAsSparkWritesThem() {
        assertThat(RuntimeConfig.parseBytes("k", "1g")).isEqualTo(1L << 30);
        assertThat(RuntimeConfig.parseBytes("k", "512k")).isEqualTo(512L << 10);
        assertThat(RuntimeConfig.parseBytes("k", "64MB")).isEqualTo(64L << 20);
        assertThat(RuntimeConfig.parseBytes("k", "1000")).isEqualTo(1000);
        assertThatThrownBy(() -> RuntimeConfig.parseBytes("k", "lots")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThat(RuntimeConfig.defaultMaxResultSize()).isPositive().isLessThanOrEqualTo(1L << 30);
    }
}
