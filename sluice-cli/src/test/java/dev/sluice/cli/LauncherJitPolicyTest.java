package dev.sluice.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ./sluice launcher's JIT policy by the size of a job's input (SLUICE_JIT): the launcher is run from a copy of the
 * repository's script in a scratch root with built-looking jars and a stand-in {@code java} that prints its arguments.
 */
class LauncherJitPolicyTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final String TIERED = "-XX:Tier4InvocationThreshold=150000";

    @TempDir static Path root;
    private static Path small;
    private static Path huge;

    @BeforeAll
    static void scratchRoot() throws IOException {
        Path script = Files.copy(Path.of("..", "sluice"), root.resolve("sluice"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pom = Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(pom, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        for (String module : List.of("sluice-cli", "sluice-bench")) {
            Files.createDirectories(root.resolve(module).resolve("target").resolve("lib"));
            Files.writeString(root.resolve(module).resolve("target").resolve(module + ".jar"), "jar");
        }
        Path java = root.resolve("jdk").resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        small = Files.write(root.resolve("small.jsonl"), new byte[1000]);
        huge = root.resolve("huge.jsonl");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(1L << 40);   // sparse: a terabyte is more than 400 MiB per processor on any machine
        }
    }

    @Test
    void catOfASmallInputRunsC1AloneAndOfAHugeOneTheTieredPolicy() throws Exception {
        assertThat(jvmArguments(Map.of(), "cat", small.toString())).contains(C1_ONLY).doesNotContain(TIERED);
        assertThat(jvmArguments(Map.of(), "cat", huge.toString())).contains(TIERED).doesNotContain(C1_ONLY);
        assertThat(jvmArguments(Map.of(), "cat", small.toString(), huge.toString())).as("inputs add up").contains(TIERED);
        assertThat(jvmArguments(Map.of(), "cat", "--report", huge.toString(), small.toString()))
                .as("a report's path is not an input").contains(C1_ONLY);
        assertThat(jvmArguments(Map.of(), "cat", root.resolve("missing").toString())).as("size not known").contains(TIERED);
    }

    @Test
    void benchCountsOnlyItsInput() throws Exception {
        assertThat(jvmArguments(Map.of(), "bench", "q1", "--engine", "sluice", "--input", small.toString(),
                "--output", huge.toString())).contains(C1_ONLY);
        assertThat(jvmArguments(Map.of(), "bench", "q1", "--input=" + huge, "--output", small.toString())).contains(TIERED);
    }

    @Test
    void otherCommandsKeepTheTieredPolicyUnlessTheUserChooses() throws Exception {
        assertThat(jvmArguments(Map.of(), "run", "--class", "Job", small.toString())).contains(TIERED).doesNotContain(C1_ONLY);
        assertThat(jvmArguments(Map.of("SLUICE_JIT", "short"), "run", "--class", "Job")).contains(C1_ONLY).doesNotContain(TIERED);
        assertThat(jvmArguments(Map.of("SLUICE_JIT", "long"), "cat", small.toString())).contains(TIERED).doesNotContain(C1_ONLY);
    }

    @Test
    void anUnknownChoiceIsAnError() throws Exception {
        Process p = launcher(Map.of("SLUICE_JIT", "fast"), "cat", small.toString());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(err).contains("SLUICE_JIT must be auto, short or long");
    }

    private static List<String> jvmArguments(Map<String, String> env, String... args) throws Exception {
        Process p = launcher(env, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isZero();
        return out.lines().toList();
    }

    private static Process launcher(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("sluice").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        pb.environment().put("SLUICE_CDS", "0");
        pb.environment().remove("SLUICE_JIT");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().putAll(env);
        return pb.start();
    }
}
