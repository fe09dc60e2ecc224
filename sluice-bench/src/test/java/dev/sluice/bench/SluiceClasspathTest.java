package dev.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A Sluice child of {@code bench compare} and {@code bench memory} runs on the CLI's class path, not with Spark's jars. */
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
        Path cliLib = Files.createDirectories(root.resolve("sluice-cli/target/lib"));
        Files.createFile(root.resolve("sluice-cli/target/sluice-cli.jar"));
        Files.createFile(cliLib.resolve("sluice-core-0.1.0.jar"));
        Files.createFile(cliLib.resolve("picocli-4.7.7.jar"));
        Files.createFile(cliLib.resolve("NOTICE.txt"));
        String[] entries = SluiceClasspath.of(full).split(File.pathSeparator);
        // the lib directory's jars one by one, in name order: a class-data archive recorded with them matches exactly
        assertThat(entries).containsExactly(
                root.resolve("sluice-bench/target/sluice-bench.jar").toString(),
                root.resolve("sluice-cli/target/sluice-cli.jar").toString(),
                cliLib.resolve("picocli-4.7.7.jar").toString(),
                cliLib.resolve("sluice-core-0.1.0.jar").toString(),
                root.resolve("sluice-bench/target/lib/duckdb_jdbc-2.0.0.1.jar").toString());
        assertThat(SluiceClasspath.entries(full)).containsExactly(entries);
    }

    @Test
    void withoutTheCliBuildTheWholeClasspathIsKept() throws IOException {
        String full = benchClasspath();
        assertThat(SluiceClasspath.of(full)).isEqualTo(full);
        assertThat(SluiceClasspath.of("/x/classes" + File.pathSeparator + "/y/a.jar")).isEqualTo("/x/classes" + File.pathSeparator + "/y/a.jar");
    }
}
