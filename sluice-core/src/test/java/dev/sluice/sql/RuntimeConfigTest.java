package dev.sluice.sql;

import dev.sluice.RuntimeConfig;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sluice.conf().set/get with Spark's keys: honoured from the next DataFrame or job on, or refused with a code. */
class RuntimeConfigTest {
    @Test void ansiModeCanBeSwitchedForLaterQueries() {
        try (Sluice s = Sluice.builder().parallelism(1).build()) {
            assertThat(s.conf().get(RuntimeConfig.ANSI)).isEqualTo("true");
            assertThatThrownBy(() -> s.sql("SELECT 1 / 0").collect()).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DIVIDE_BY_ZERO));
            s.conf().set("spark.sql.ansi.enabled", "false");
            assertThat(s.sql("SELECT 1 / 0").collect().get(0).get(0)).isNull();
            assertThat(s.conf().ansi()).isFalse();
        }
    }

    @Test void shufflePartitionsApplyToTheNextJob() {
        try (Sluice s = Sluice.builder().parallelism(1).shufflePartitions(2).build()) {
            s.sql("SELECT * FROM VALUES (1), (2), (3) AS t(x)").createOrReplaceTempView("t");
            String before = s.sql("SELECT x, count(*) FROM t GROUP BY x").explainString("simple");
            s.conf().set(RuntimeConfig.SHUFFLE_PARTITIONS, 5);
            String after = s.sql("SELECT x, count(*) FROM t GROUP BY x").explainString("simple");
            assertThat(s.conf().get(RuntimeConfig.SHUFFLE_PARTITIONS)).isEqualTo("5");
            assertThat(before).contains("2");
            assertThat(after).isNotEqualTo(before).contains("5");
            assertThat(s.sql("SELECT x, count(*) FROM t GROUP BY x").count()).isEqualTo(3);
        }
    }

    @Test void refusesWhatItDoesNotHonour() {
        try (Sluice s = Sluice.builder().parallelism(1).build()) {
            assertThatThrownBy(() -> s.conf().set("spark.sql.adaptive.enabled", "true")).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
            assertThatThrownBy(() -> s.conf().set(RuntimeConfig.SESSION_TIME_ZONE, "America/New_York")).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
            assertThatThrownBy(() -> s.conf().set(RuntimeConfig.SHUFFLE_PARTITIONS, "0")).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
            s.conf().set(RuntimeConfig.SESSION_TIME_ZONE, "UTC");
            assertThat(s.conf().get(RuntimeConfig.SESSION_TIME_ZONE)).isEqualTo("UTC");
            assertThat(s.conf().get("spark.some.unknown", "dflt")).isEqualTo("dflt");
        }
    }
}
