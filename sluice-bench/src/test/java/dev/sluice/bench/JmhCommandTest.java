package dev.sluice.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JmhCommandTest {
    @Test void forksGetHotSpotsC2ThresholdsInsteadOfTheLaunchersJitPolicy() {
        assertThat(JmhCommand.jmhArguments(List.of("-f", "1", "FusedScan")))
                .containsExactly("-jvmArgsAppend", JmhCommand.HOTSPOT_TIER4_THRESHOLDS, "-f", "1", "FusedScan");
        for (String flag : JvmFlags.JIT) {
            String name = flag.substring(0, flag.indexOf('=') + 1);
            assertThat(JmhCommand.HOTSPOT_TIER4_THRESHOLDS).as("overrides " + name).contains(name);
        }
    }

    @Test void theCallersOwnJvmArgumentsAreLeftAlone() {
        for (String flag : List.of("-jvmArgs", "-jvmArgsAppend", "-jvmArgsPrepend")) {
            List<String> args = List.of(flag, "-Xmx1g", "JsonScan");
            assertThat(JmhCommand.jmhArguments(args)).isEqualTo(args);
        }
    }
}
