package dev.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice run}: SluiceJob classes get a session, main classes run with their arguments, jars are loaded. */
class RunCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int sluice(String... args) {
        return Main.newCommandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private static Path logs(Path dir) throws IOException {
        return Files.writeString(dir.resolve("logs.jsonl"), "{\"status\":200}\n{\"status\":404}\n{\"status\":500}\n");
    }

    @Test
    void aSluiceJobGetsASessionWithTheGivenParallelismAndItsArguments(@TempDir Path dir) throws IOException {
        Path result = dir.resolve("result.txt");
        int code = sluice("run", "--class", "dev.sluice.cli.testjobs.CountingJob", "--parallelism", "3", "--",
                logs(dir).toString(), "400", result.toString());
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(result)).isEqualTo("2,3");
    }

    @Test
    void aMainClassRunsWithTheArgumentsAfterTheDoubleDash(@TempDir Path dir) throws IOException {
        Path result = dir.resolve("args.txt");
        int code = sluice("run", "--class", "dev.sluice.cli.testjobs.MainJob", "--", result.toString(), "--not-an-option", "x y");
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(result)).isEqualTo(result + "|--not-an-option|x y");
    }

    @Test
    void aFailingJobIsAnExecutionErrorWithItsStackTrace(@TempDir Path dir) {
        int code = sluice("run", "--class", "dev.sluice.cli.testjobs.MainJob", "--", dir.resolve("x").toString(), "fail");
        assertThat(code).isEqualTo(ExitCodes.EXECUTION);
        assertThat(err.toString()).contains("IllegalStateException").contains("MainJob.main");
    }

    @Test
    void aSluiceErrorInTheJobKeepsItsCategory(@TempDir Path dir) {
        int code = sluice("run", "--class", "dev.sluice.cli.testjobs.CountingJob", "--",
                dir.resolve("missing.jsonl").toString(), "400", dir.resolve("r").toString());
        assertThat(code).isEqualTo(ExitCodes.EXECUTION);   // PATH_NOT_FOUND
    }

    @Test
    void anUnknownClassOrOneWithoutEntryPointIsAUsageError() {
        assertThat(sluice("run", "--class", "com.example.Nope")).isEqualTo(ExitCodes.USAGE);
        assertThat(sluice("run", "--class", "java.lang.Object")).isEqualTo(ExitCodes.USAGE);
        assertThat(sluice("run")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aJobClassIsLoadedFromTheJar(@TempDir Path dir) throws IOException {
        Path jar = compileJobJar(dir);
        Path result = dir.resolve("result.txt");
        int code = sluice("run", "--class", "jarjob.JarJob", "--jar", jar.toString(), "--quiet", "--",
                logs(dir).toString(), result.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(result)).isEqualTo("3");
        assertThat(err.toString()).isEmpty();
    }

    /** A SluiceJob that exists only in a jar compiled here, so the test's classpath cannot supply it. */
    private static Path compileJobJar(Path dir) throws IOException {
        Path src = dir.resolve("src/jarjob/JarJob.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package jarjob;\n"
                + "public class JarJob implements dev.sluice.cli.SluiceJob {\n"
                + "  public void run(dev.sluice.Sluice s, String[] a) throws Exception {\n"
                + "    java.nio.file.Files.writeString(java.nio.file.Path.of(a[1]), String.valueOf(s.read().schema(\"status INT\").json(a[0]).count()));\n"
                + "  }\n}\n");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
        assertThat(rc).isZero();
        Path jar = dir.resolve("job.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os)) {
            jos.putNextEntry(new JarEntry("jarjob/JarJob.class"));
            jos.write(Files.readAllBytes(classes.resolve("jarjob/JarJob.class")));
            jos.closeEntry();
        }
        return jar;
    }
}
