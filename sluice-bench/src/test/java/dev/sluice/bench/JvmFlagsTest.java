package dev.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory policy given to the child JVMs (only on small machines, never against the user's own choice) and the JIT
 * policy of a Sluice child by the size of its input.
 */
class JvmFlagsTest {
    @Test
    void aSmallMachineGetsTheSerialCollectorWithABoundedYoungGeneration() {
        assertThat(JvmFlags.memory(List.of(), 2)).containsExactly("-XX:+UseSerialGC", "-XX:MaxNewSize=48m");
        assertThat(JvmFlags.memory(List.of("-Dx=1", "-XX:TieredStopAtLevel=1"), 1)).contains("-XX:+UseSerialGC");
    }

    @Test
    void aLargerMachineKeepsTheJvmsDefaults() {
        assertThat(JvmFlags.memory(List.of(), 3)).isEmpty();
    }

    @Test
    void theUsersCollectorWins() {
        for (String opt : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:-UseSerialGC")) {
            assertThat(JvmFlags.memory(List.of(opt, "-Xmx64m"), 2)).as(opt).isEmpty();
        }
    }

    @Test
    void theUsersHeapSizeKeepsTheSerialCollectorWithoutTheYoungCap() {
        for (String opt : List.of("-Xmx64m", "-Xmn16m", "-XX:MaxHeapSize=1g", "-XX:MaxNewSize=8m", "-XX:NewSize=8m")) {
            assertThat(JvmFlags.memory(List.of(opt), 2)).as(opt).containsExactly("-XX:+UseSerialGC");
        }
    }

    @Test
    void aShortJobRunsC1AloneAndALongOrUnknownOneTheTieredPolicy() {
        long perProcessor = JvmFlags.SHORT_JOB_BYTES_PER_PROCESSOR;
        assertThat(JvmFlags.jit(1, 2)).isEqualTo(JvmFlags.C1_ONLY).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(JvmFlags.jit(408L << 20, 2)).as("the 1M-line logs on 2 cores").isEqualTo(JvmFlags.C1_ONLY);
        assertThat(JvmFlags.jit(2 * perProcessor, 2)).isEqualTo(JvmFlags.C1_ONLY);
        assertThat(JvmFlags.jit(2 * perProcessor + 1, 2)).isEqualTo(JvmFlags.JIT);
        assertThat(JvmFlags.jit(4L << 30, 2)).as("the 10M-line logs on 2 cores").isEqualTo(JvmFlags.JIT);
        assertThat(JvmFlags.jit(0, 2)).as("size not known").isEqualTo(JvmFlags.JIT);
    }

    @Test
    void theShortJobsLimitGrowsWithTheProcessors() {
        long input = 3 * JvmFlags.SHORT_JOB_BYTES_PER_PROCESSOR;
        assertThat(JvmFlags.jit(input, 2)).isEqualTo(JvmFlags.JIT);
        assertThat(JvmFlags.jit(input, 4)).isEqualTo(JvmFlags.C1_ONLY);
        assertThat(JvmFlags.jit(JvmFlags.SHORT_JOB_BYTES_PER_PROCESSOR, 0)).as("at least one processor").isEqualTo(JvmFlags.C1_ONLY);
    }

    @Test
    void onlySluicesChildGetsThePolicyBySize(@TempDir Path dir) throws Exception {
        Path input = Files.write(dir.resolve("logs.jsonl"), new byte[100]);
        assertThat(JvmFlags.jitOfChild("sluice", input)).isEqualTo(JvmFlags.C1_ONLY);
        assertThat(JvmFlags.jitOfChild("duckdb", input)).isEqualTo(JvmFlags.JIT);
        assertThat(JvmFlags.jitOfChild("spark", input)).isEqualTo(JvmFlags.JIT);
        assertThat(JvmFlags.jitOfChild("sluice", dir.resolve("missing"))).isEqualTo(JvmFlags.JIT);
    }
}
