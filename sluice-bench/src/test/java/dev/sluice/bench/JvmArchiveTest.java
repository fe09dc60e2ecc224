package dev.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Archives of the child JVMs: keyed by everything they depend on, recorded by a training run, and never a reason
 * for a run to fail (a damaged, foreign or stale archive: the JVM starts without it, silently).
 */
class JvmArchiveTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final int FEATURE = Runtime.version().feature();

    @Test
    void theKindFollowsTheJavaVersion() {
        assertThat(JvmArchive.Kind.forFeature(17)).isEqualTo(JvmArchive.Kind.CDS);
        assertThat(JvmArchive.Kind.forFeature(24)).isEqualTo(JvmArchive.Kind.CDS);
        assertThat(JvmArchive.Kind.forFeature(25)).isEqualTo(JvmArchive.Kind.AOT);
        assertThat(JvmArchive.Kind.forFeature(26)).isEqualTo(JvmArchive.Kind.AOT);
    }

    @Test
    void theSameShapeFindsTheSameFileAndAChangedJarOrFlagAnother(@TempDir Path dir) throws IOException {
        Path jar = probeJar(dir.resolve("a.jar"));
        List<String> cp = List.of(jar.toString());
        JvmArchive first = JvmArchive.of(dir, "bench-q3-sluice", JAVA, FEATURE, cp, List.of("-XX:+UseSerialGC"));
        assertThat(JvmArchive.of(dir, "bench-q3-sluice", JAVA, FEATURE, cp, List.of("-XX:+UseSerialGC")).file()).isEqualTo(first.file());
        assertThat(JvmArchive.of(dir, "bench-q3-sluice", JAVA, FEATURE, cp, List.of("-XX:+UseG1GC")).file()).isNotEqualTo(first.file());
        assertThat(JvmArchive.of(dir, "bench-q1-sluice", JAVA, FEATURE, cp, List.of("-XX:+UseSerialGC")).file()).isNotEqualTo(first.file());

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));   // a rebuilt jar
        assertThat(JvmArchive.of(dir, "bench-q3-sluice", JAVA, FEATURE, cp, List.of("-XX:+UseSerialGC")).file()).isNotEqualTo(first.file());
    }

    @Test
    void anotherJdkFindsAnotherFile(@TempDir Path dir) throws IOException {
        Path otherJava = fakeJdk(dir.resolve("jdk-a"), "JAVA_VERSION=\"17.0.15\"\n");
        List<String> cp = List.of(probeJar(dir.resolve("a.jar")).toString());
        JvmArchive a = JvmArchive.of(dir, "cli", otherJava, 17, cp, List.of());
        assertThat(JvmArchive.of(dir, "cli", JAVA, 17, cp, List.of()).file()).isNotEqualTo(a.file());
        Files.writeString(otherJava.getParent().getParent().resolve("release"), "JAVA_VERSION=\"17.0.16\"\n");   // updated in place
        assertThat(JvmArchive.of(dir, "cli", otherJava, 17, cp, List.of()).file()).isNotEqualTo(a.file());
        assertThat(JvmArchive.of(dir, "cli", otherJava, 25, cp, List.of()).file().toString()).endsWith(".aot");
    }

    @Test
    void noFlagsUntilTheArchiveIsRecorded(@TempDir Path dir) throws IOException {
        JvmArchive archive = JvmArchive.of(dir, "cli", JAVA, FEATURE, List.of(probeJar(dir.resolve("a.jar")).toString()), List.of());
        assertThat(archive.useFlags()).isEmpty();
        Files.createFile(archive.file());
        assertThat(archive.useFlags()).as("an empty file is not an archive").isEmpty();
        Files.writeString(archive.file(), "x");
        assertThat(archive.useFlags()).isNotEmpty();
    }

    @Test
    void aFailedTrainingRunLeavesNoArchive(@TempDir Path dir) throws Exception {
        List<String> cp = List.of(probeJar(dir.resolve("a.jar")).toString());
        JvmArchive archive = JvmArchive.of(dir, "cli", JAVA, FEATURE, cp, List.of());
        assertThat(archive.finish(cp, dir.resolve("dump.log"))).isFalse();
        assertThat(archive.exists()).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aDamagedOrForeignArchiveFileStillRuns(@TempDir Path dir) throws Exception {
        List<String> cp = List.of(probeJar(dir.resolve("a.jar")).toString());
        for (Path java : javas()) {
            int feature = feature(java);
            JvmArchive archive = JvmArchive.of(dir, "probe", java, feature, cp, List.of());
            for (byte[] content : List.of("garbage".getBytes(StandardCharsets.US_ASCII), new byte[4096], archiveHeaderOnly())) {
                Files.write(archive.file(), content);
                Run run = run(java, archive.useFlags(), cp);
                assertThat(run.exitCode).as("Java %d, %d bytes", feature, content.length).isZero();
                assertThat(run.output).as("Java %d: the fallback is silent", feature).isEqualTo("probe ran\n");
            }
        }
    }

    @Test
    void aRecordedArchiveIsMappedAndAStaleOneIsIgnored(@TempDir Path dir) throws Exception {
        Path jar = probeJar(dir.resolve("a.jar"));
        List<String> cp = List.of(jar.toString());
        for (Path java : javas()) {
            int feature = feature(java);
            JvmArchive archive = JvmArchive.of(dir, "probe-" + feature, java, feature, cp, List.of());
            Run training = run(java, archive.recordFlags(), cp);
            assertThat(training.exitCode).as(training.output).isZero();
            assertThat(archive.finish(cp, dir.resolve("dump.log"))).as("Java %d", feature).isTrue();

            List<String> traced = new ArrayList<>(archive.useFlags());
            traced.add("-Xlog:class+load=info");
            Run mapped = run(java, traced, cp);
            assertThat(mapped.exitCode).isZero();
            assertThat(mapped.output).as("Java %d", feature).containsPattern("JvmArchiveProbe source: shared objects file");

            // the jar is rebuilt (other size and time) and a run is handed the old archive: it still runs. Java 17's
            // CDS refuses the archive; Java 25.0.3's AOT cache does not check the application's jars at all (it maps
            // the old classes: docs/benchmark.md), which is why the archive's name carries every jar's size and time
            Files.setLastModifiedTime(probeJar(jar, "extra"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            Run stale = run(java, traced, cp);
            assertThat(stale.exitCode).isZero();
            assertThat(stale.output).contains("probe ran");
            if (archive.kind() == JvmArchive.Kind.CDS) assertThat(stale.output).doesNotContain("JvmArchiveProbe source: shared objects file");
            assertThat(JvmArchive.of(dir, "probe-" + feature, java, feature, cp, List.of()).file()).isNotEqualTo(archive.file());
            probeJar(jar);
        }
    }

    @Test
    void recordingASecondTimeReplacesTheSupersededArchiveOfTheSameSlot(@TempDir Path dir) throws Exception {
        Path jar = probeJar(dir.resolve("a.jar"));
        List<String> cp = List.of(jar.toString());
        JvmArchive old = JvmArchive.of(dir, "probe", JAVA, FEATURE, cp, List.of());
        Files.writeString(old.file(), "an archive of the old jar");
        JvmArchive unrelated = JvmArchive.of(dir, "other", JAVA, FEATURE, cp, List.of());
        Files.writeString(unrelated.file(), "another slot's archive");
        Path killedTraining = old.file().resolveSibling(old.file().getFileName() + ".12345.tmp.classlist");
        Files.writeString(killedTraining, "left by a training run that was killed");
        Files.setLastModifiedTime(killedTraining, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        JvmArchive current = JvmArchive.of(dir, "probe", JAVA, FEATURE, cp, List.of());
        assertThat(current.file()).isNotEqualTo(old.file());

        assertThat(run(JAVA, current.recordFlags(), cp).exitCode).isZero();
        assertThat(current.finish(cp, dir.resolve("dump.log"))).isTrue();
        assertThat(old.file()).doesNotExist();
        assertThat(killedTraining).doesNotExist();
        assertThat(unrelated.file()).exists();
        assertThat(current.file()).exists();
    }

    @Test
    void theTrainingInputIsTheFirstLinesOfTheInput(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("logs.jsonl");
        Files.writeString(data, "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n");
        Path train = TrainingInput.ensure(data, dir.resolve("train"), 2);
        assertThat(Files.readString(train)).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
        assertThat(TrainingInput.ensure(data, dir.resolve("train"), 2)).isEqualTo(train);
        Files.writeString(data, "{\"b\":1}\n");
        assertThat(Files.readString(TrainingInput.ensure(data, dir.resolve("train"), 2))).isEqualTo("{\"b\":1}\n");
    }

    /** The running Java, and an installed Java 25 when there is one (the AOT cache's path). */
    private static List<Path> javas() {
        List<Path> out = new ArrayList<>(List.of(JAVA));
        if (FEATURE < 25) {
            Optional<Path> j25 = JavaHomes.launcher("25");
            j25.ifPresent(out::add);
        }
        return out;
    }

    private static int feature(Path java) {
        if (java.equals(JAVA)) return FEATURE;
        String v = JavaHomes.featureVersion(java.getParent().getParent());
        assumeTrue(v != null, "the JDK's version is unknown");
        return Integer.parseInt(v);
    }

    /** The first bytes of a CDS/AOT header (its magic number) and nothing after: a truncated archive. */
    private static byte[] archiveHeaderOnly() {
        return new byte[] {(byte) 0xa2, (byte) 0xba, 0x0b, (byte) 0xf0, 0, 0, 0, 0};
    }

    /** A JDK home with a release file and a bin/java (not runnable: only its identity matters). */
    private static Path fakeJdk(Path home, String release) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), release);
        return Files.writeString(home.resolve("bin").resolve("java"), "#!/bin/sh\n");
    }

    private static Path probeJar(Path jar, String... extraEntries) throws IOException {
        String name = "dev/sluice/bench/JvmArchiveProbe.class";
        try (InputStream in = JvmArchiveTest.class.getClassLoader().getResourceAsStream(name);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(name));
            out.write(in.readAllBytes());
            out.closeEntry();
            for (String extra : extraEntries) {
                out.putNextEntry(new JarEntry(extra));
                out.write(extra.getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
        }
        return jar;
    }

    private record Run(int exitCode, String output) {}

    private static Run run(Path java, List<String> flags, List<String> cp) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add("dev.sluice.bench.JvmArchiveProbe");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }
}
