package dev.sluice.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory policy given to the child JVMs: only on small machines, never against the user's own choice. */
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
}
