package dev.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A Sluice child of {@code bench memory} runs on the CLI's class path, not with Spark's jars. */
class SluiceClasspathTest {
    @TempDir Path root;

    private String benchClasspath() throws IOException {
        Path lib = Files.createDirectories(root.resolve("sluice-bench/target/lib"));
        Path bench = Files.createFile(root.resolve("sluice-bench/target/sluice-bench.jar"));
        return String.join(File.pathSeparator, bench.toString(), lib.resolve("spark-core_2.13-4.1.1.jar").toString(),
                lib.resolve("duckdb_jdbc-2.0.0.1.jar").toString(), lib.resolve("picocli-4.7.7.jar").toString());
    }

    @Test
    void theCliBuildBesideTheBenchGivesTheCliClasspathWithTheBenchJarAndDuckDb() throws IOException {
        String full = benchClasspath();
        Files.createDirectories(root.resolve("sluice-cli/target/lib"));
        Files.createFile(root.resolve("sluice-cli/target/sluice-cli.jar"));
        String[] entries = SluiceClasspath.of(full).split(File.pathSeparator);
        assertThat(entries).containsExactly(
                root.resolve("sluice-bench/target/sluice-bench.jar").toString(),
                root.resolve("sluice-cli/target/sluice-cli.jar").toString(),
                root.resolve("sluice-cli/target/lib/*").toString(),
                root.resolve("sluice-bench/target/lib/duckdb_jdbc-2.0.0.1.jar").toString());
    }

    @Test
    void withoutTheCliBuildTheWholeClasspathIsKept() throws IOException {
        String full = benchClasspath();
        assertThat(SluiceClasspath.of(full)).isEqualTo(full);
        assertThat(SluiceClasspath.of("/x/classes" + File.pathSeparator + "/y/a.jar")).isEqualTo("/x/classes" + File.pathSeparator + "/y/a.jar");
    }
}
