package dev.sluice.io;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ZeroPaddedTest {
    @Test
    void spellsNumbersAsStringFormatDoes() {
        long[] edges = {0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 100000, 123456789,
                Integer.MAX_VALUE, Long.MAX_VALUE, -1, -10, -12345, -123456, Long.MIN_VALUE};
        for (int width = 1; width <= 7; width++) {
            for (long v : edges) assertThat(ZeroPadded.of(v, width)).isEqualTo(formatted(v, width));
        }
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 20_000; i++) {
            long v = random.nextLong(-2_000_000, 2_000_000);
            int width = random.nextInt(1, 9);
            assertThat(ZeroPadded.of(v, width)).isEqualTo(formatted(v, width));
        }
    }

    @Test
    void taskFileNamesAreSparksSpelling() {
        TaskAttempt attempt = new TaskAttempt(7, 1, "/tmp/x");
        assertThat(attempt.nextFileName("job", "snappy.parquet")).isEqualTo("part-00007-job.c000.snappy.parquet");
        attempt.writesBucket(3);
        assertThat(attempt.nextFileName("job", "csv")).isEqualTo("part-00007-job_00003.c001.csv");
        TaskAttempt large = new TaskAttempt(123456, 1, "/tmp/x");
        for (int i = 0; i < 1000; i++) large.takeFileIndex();
        assertThat(large.nextFileName("j", "orc")).isEqualTo("part-123456-j.c1000.orc");
    }

    private static String formatted(long v, int width) {
        return String.format(Locale.ROOT, "%0" + width + "d", v);
    }
}
