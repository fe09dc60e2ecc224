package dev.sluice.connect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparkExplainLayoutTest {
    @Test void drawsSparksBranchesAndNames() {
        String sluice = """
                == Physical Plan ==
                ProjectExec: [name, age]
                  BroadcastHashJoinExec: Inner, keys=[name] = [name#1], build=right
                    FilterExec: (name IS NOT NULL)
                      ScanExec: memory 2 rows [age, name] splits=1
                    BroadcastExchangeExec: keys=[name#1]
                      ScanExec: memory 2 rows [height, name] splits=1
                """;
        assertThat(SparkExplainLayout.of(sluice, "simple")).isEqualTo("""
                == Physical Plan ==
                Project [name, age]
                +- BroadcastHashJoin Inner, keys=[name] = [name#1], build=right
                   :- Filter (name IS NOT NULL)
                   :  +- Scan memory 2 rows [age, name] splits=1
                   +- BroadcastExchange keys=[name#1]
                      +- Scan memory 2 rows [height, name] splits=1
                """);
    }

    @Test void extendedStartsWithTheParsedPlan() {
        String sluice = "== Analyzed Logical Plan ==\nProject: [a]\n  Scan: memory 1 rows [a]\n\n== Optimized Logical Plan ==\n"
                + "Scan: memory 1 rows [a]\n\n== Physical Plan ==\nScanExec: memory 1 rows [a] splits=1\n";
        assertThat(SparkExplainLayout.of(sluice, "extended")).isEqualTo("== Parsed Logical Plan ==\nProject [a]\n+- Scan memory 1 rows [a]\n\n"
                + "== Analyzed Logical Plan ==\nProject [a]\n+- Scan memory 1 rows [a]\n\n== Optimized Logical Plan ==\n"
                + "Scan memory 1 rows [a]\n\n== Physical Plan ==\nScan memory 1 rows [a] splits=1\n");
    }

    @Test void formattedIsAlreadySparks() {
        assertThat(SparkExplainLayout.of("== Physical Plan ==\nScanExec (1)\n", "formatted")).isEqualTo("== Physical Plan ==\nScanExec (1)\n");
    }
}
