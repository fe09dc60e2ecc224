package dev.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archives of a benchmark command's child JVMs ({@code bench compare}, {@code bench memory}): recorded once per
 * slot by a training run on the input's first lines, then reused; a failed training leaves its slot without one.
 */
class ChildArchivesTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final int FEATURE = Runtime.version().feature();

    @Test
    void aSlotIsRecordedOnceByATrainingRunOnTheFirstLinesAndItsRunsMapIt(@TempDir Path dir) throws Exception {
        List<String> cp = List.of(probeJar(dir.resolve("a.jar")).toString());
        Path data = Files.writeString(dir.resolve("logs.jsonl"), "{\"a\":1}\n".repeat(TrainingInput.LINES + 5));
        List<Path> trainedOn = new ArrayList<>();
        ChildArchives.TrainingCommand probe = (flags, input, output) -> {
            trainedOn.add(input);
            return command(flags, cp);
        };
        StringWriter progress = new StringWriter();
        ChildArchives archives = new ChildArchives(dir.resolve("cache"), JAVA, FEATURE, List.of());
        archives.prepare("m1/sluice", "bench-memory-m1-sluice", cp, data, dir.resolve("train"), dir, new PrintWriter(progress), probe);

        assertThat(trainedOn).hasSize(1);
        assertThat(Files.readAllLines(trainedOn.get(0))).hasSize(TrainingInput.LINES);
        assertThat(progress.toString()).contains("archive: m1/sluice recorded: ");
        assertThat(archives.describe("job")).startsWith("class-data archives: one per engine and job, " + JvmArchive.Kind.forFeature(FEATURE));
        List<String> flags = new ArrayList<>(archives.useFlags("m1/sluice"));
        assertThat(flags).isNotEmpty();
        assertThat(archives.useFlags("m2/sluice")).isEmpty();
        flags.add("-Xlog:class+load=info");
        Process mapped = new ProcessBuilder(command(flags, cp)).redirectErrorStream(true).start();
        String output = new String(mapped.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mapped.waitFor()).isZero();
        assertThat(output).containsPattern("JvmArchiveProbe source: (shared objects file|.*\\.aot)");

        // a second command (a later bench run) finds the slot's archive: no training
        ChildArchives again = new ChildArchives(dir.resolve("cache"), JAVA, FEATURE, List.of());
        again.prepare("m1/sluice", "bench-memory-m1-sluice", cp, data, dir.resolve("train"), dir, new PrintWriter(new StringWriter()), probe);
        assertThat(trainedOn).hasSize(1);
        assertThat(again.useFlags("m1/sluice")).isEqualTo(archives.useFlags("m1/sluice"));
    }

    @Test
    void aFailedTrainingRunLeavesItsSlotWithoutAnArchiveAndTheHeaderSaysSo(@TempDir Path dir) throws Exception {
        List<String> cp = List.of(probeJar(dir.resolve("a.jar")).toString());
        Path data = Files.writeString(dir.resolve("logs.jsonl"), "{\"a\":1}\n");
        ChildArchives archives = new ChildArchives(dir.resolve("cache"), JAVA, FEATURE, List.of());
        StringWriter progress = new StringWriter();
        archives.prepare("m1/sluice", "bench-memory-m1-sluice", cp, data, dir.resolve("train"), dir, new PrintWriter(progress),
                (flags, input, output) -> command(flags, cp));
        archives.prepare("m1/duckdb", "bench-memory-m1-duckdb", cp, data, dir.resolve("train"), dir, new PrintWriter(progress),
                (flags, input, output) -> List.of(JAVA.toString(), "-cp", String.join(File.pathSeparator, cp), "no.such.Main"));

        assertThat(progress.toString()).contains("archive: m1/duckdb not recorded");
        assertThat(archives.useFlags("m1/duckdb")).isEmpty();
        assertThat(archives.useFlags("m1/sluice")).isNotEmpty();
        assertThat(archives.describe("job")).endsWith("; none for m1/duckdb");
        assertThat(new ChildArchives(dir.resolve("cache"), JAVA, FEATURE, List.of()).describe("job"))
                .isEqualTo("class-data archives: none");
    }

    @Test
    void eachSlotIsRecordedWithItsOwnClasspathAndMapsIntoJvmsRunWithIt(@TempDir Path dir) throws Exception {
        List<String> shortPath = List.of(probeJar(dir.resolve("a.jar")).toString());
        List<String> longPath = List.of(probeJar(dir.resolve("b.jar")).toString(), dir.resolve("a.jar").toString());
        Path data = Files.writeString(dir.resolve("logs.jsonl"), "{\"a\":1}\n");
        ChildArchives archives = new ChildArchives(dir.resolve("cache"), JAVA, FEATURE, List.of());
        StringWriter progress = new StringWriter();
        archives.prepare("q1/sluice", "bench-q1-sluice", shortPath, data, dir.resolve("train"), dir, new PrintWriter(progress),
                (flags, input, output) -> command(flags, shortPath));
        archives.prepare("q1/duckdb", "bench-q1-duckdb", longPath, data, dir.resolve("train"), dir, new PrintWriter(progress),
                (flags, input, output) -> command(flags, longPath));

        for (List<String> cp : List.of(shortPath, longPath)) {
            List<String> flags = new ArrayList<>(archives.useFlags(cp == shortPath ? "q1/sluice" : "q1/duckdb"));
            assertThat(flags).isNotEmpty();
            flags.add("-Xlog:class+load=info");
            Process mapped = new ProcessBuilder(command(flags, cp)).redirectErrorStream(true).start();
            String output = new String(mapped.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(mapped.waitFor()).isZero();
            assertThat(output).as("class path %s", cp).containsPattern("JvmArchiveProbe source: (shared objects file|.*\\.aot)");
        }
    }

    private static List<String> command(List<String> flags, List<String> cp) {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA.toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add("dev.sluice.bench.JvmArchiveProbe");
        return cmd;
    }

    private static Path probeJar(Path jar) throws Exception {
        String name = "dev/sluice/bench/JvmArchiveProbe.class";
        try (InputStream in = ChildArchivesTest.class.getClassLoader().getResourceAsStream(name);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(name));
            out.write(in.readAllBytes());
            out.closeEntry();
        }
        return jar;
    }
}
