package dev.sluice.io;

import dev.sluice.Sluice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RangeSourceTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(3).batchSize(7).build(); }

    @AfterAll static void stop() { sluice.close(); }

    private static List<Long> ids(long start, long end, long step, int partitions) {
        return sluice.read(new RangeSource(start, end, step, partitions, 7)).collect().stream().map(r -> r.getLong(0)).sorted().toList();
    }

    @Test
    void rangesMatchSparks() {
        assertThat(ids(0, 10, 3, 4)).containsExactly(0L, 3L, 6L, 9L);
        assertThat(ids(10, 0, -4, 2)).containsExactly(2L, 6L, 10L);
        assertThat(ids(5, 5, 1, 2)).isEmpty();
        assertThat(ids(0, 5, -1, 2)).isEmpty();
        assertThat(new RangeSource(0, 100, 1, 5, 7).count()).isEqualTo(100);
        assertThat(new RangeSource(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 1, 7).count()).isEqualTo(3);
    }

    @Test
    void countNeedsNoColumns() {
        assertThat(sluice.read(new RangeSource(0, 1000, 1, 4, 7)).count()).isEqualTo(1000);
    }
}
