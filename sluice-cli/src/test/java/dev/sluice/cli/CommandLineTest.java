package dev.sluice.cli;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: option parsing, defaults, validation, and exit codes. */
class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<DemoConfig> jobRuns = new ArrayList<>();

    /** Runs {@code sluice args...} with the demo's job replaced by {@code job}; returns the exit code. */
    private int run(DemoCommand.Job job, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == DemoCommand.class) return cls.cast(new DemoCommand(job));
                return CommandLine.defaultFactory().create(cls);
            }
        };
        return Main.newCommandLine(factory).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private int run(String... args) {
        return run(recordingJob(), args);
    }

    private DemoCommand.Job recordingJob() {
        return (config, listener, w) -> {
            jobRuns.add(config);
            listener.onJobStart(1, "count", 1, 0);
            listener.onTaskEnd(1, 0, true);
            listener.onJobEnd(1, null);
            return new DemoJob.Result(config.rows(), 17);
        };
    }

    private static DemoConfig parseDemo(String... args) {
        CommandLine commandLine = Main.newCommandLine();
        CommandLine.ParseResult result = commandLine.parseArgs(args);
        DemoCommand demo = (DemoCommand) result.subcommand().commandSpec().userObject();
        return demo.config();
    }

    @Test
    void demoDefaultsToAMillionRowsSeed42InTheDataDirectory() {
        DemoConfig config = parseDemo("demo");
        assertThat(config.rows()).isEqualTo(1_000_000);
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.dataFile()).isEqualTo(Path.of("data", "logs-1000000-42.jsonl"));
        assertThat(config.outDir()).isEqualTo(Path.of("out", "demo"));
        assertThat(config.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void demoTakesRowsSeedDataOutAndParallelism() {
        DemoConfig config = parseDemo("demo", "--rows", "5000", "--seed", "7", "--data", "/tmp/d",
                "--out", "/tmp/o", "--parallelism", "3");
        assertThat(config).isEqualTo(new DemoConfig(Path.of("/tmp/d/logs-5000-7.jsonl"), Path.of("/tmp/o"), 5000, 7, 3));
    }

    @Test
    void badOptionValuesAreUsageErrors(@TempDir Path dir) {
        String file = dir.resolve("x.jsonl").toString();
        assertThat(run("demo", "--rows", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("demo", "--rows", "many")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("demo", "--parallelism", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("demo", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("gen-logs")).isEqualTo(ExitCodes.USAGE);   // --out is required
        assertThat(run("gen-logs", "--out", file, "--rows", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("gen-logs", "--out", file, "--malformed-rate", "1.5")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("no-such-command")).isEqualTo(ExitCodes.USAGE);
        assertThat(jobRuns).isEmpty();
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
        assertThat(err.toString()).contains("Usage:");
    }

    @Test
    void noCommandPrintsUsage() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Usage: sluice", "demo", "gen-logs");
    }

    @Test
    void helpAndVersionSucceed() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(run("demo", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("sluice");
    }

    @Test
    void genLogsWritesTheGeneratorsBytesAndReportsThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("logs.jsonl");
        assertThat(run("gen-logs", "--rows", "1000", "--seed", "5", "--out", file.toString())).isEqualTo(ExitCodes.OK);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        new LogGenerator(5, 0).write(expected, 1000);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
        assertThat(out.toString()).contains("1,000 rows", Format.count(expected.size()) + " bytes");
    }

    @Test
    void genLogsPassesTheMalformedRate(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("logs.jsonl");
        assertThat(run("gen-logs", "--rows", "1000", "--seed", "5", "--malformed-rate", "0.2", "--out", file.toString()))
                .isEqualTo(ExitCodes.OK);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        new LogGenerator(5, 0.2).write(expected, 1000);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void demoGeneratesTheDataOnceThenReusesIt(@TempDir Path dir) throws IOException {
        String data = dir.resolve("data").toString();
        String outDir = dir.resolve("out").toString();
        assertThat(run("demo", "--rows", "200", "--seed", "3", "--data", data, "--out", outDir, "--parallelism", "2"))
                .isEqualTo(ExitCodes.OK);
        Path file = dir.resolve("data/logs-200-3.jsonl");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        new LogGenerator(3, 0).write(expected, 200);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
        assertThat(jobRuns).containsExactly(new DemoConfig(file, Path.of(outDir), 200, 3, 2));
        assertThat(out.toString()).contains("rows written:   200", "failures:       17", "elapsed:", "peak heap used:");
        assertThat(err.toString()).contains("count: done");

        Files.writeString(file, "{}\n");   // a second run must not regenerate (nor check) the existing file
        assertThat(run("demo", "--rows", "200", "--seed", "3", "--data", data, "--out", outDir)).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(file)).isEqualTo("{}\n");
        assertThat(jobRuns).hasSize(2);
    }

    @Test
    void aSluiceErrorPrintsOneLineAndExitsByCategory(@TempDir Path dir) {
        DemoCommand.Job failing = (config, listener, w) -> {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", "stauts").build();
        };
        String[] args = {"demo", "--rows", "10", "--data", dir.toString(), "--out", dir.resolve("o").toString()};
        assertThat(run(failing, args)).isEqualTo(ExitCodes.ANALYSIS);
        assertThat(err.toString()).startsWith("error: [COLUMN_NOT_FOUND]").doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace(@TempDir Path dir) {
        DemoCommand.Job failing = (config, listener, w) -> {
            throw SluiceException.of(ErrorCode.MEMORY_EXHAUSTED).with("reason", "test").build();
        };
        assertThat(run(failing, "--verbose", "demo", "--rows", "10", "--data", dir.toString())).isEqualTo(ExitCodes.RESOURCES);
        assertThat(err.toString()).contains("\tat ");
        err.getBuffer().setLength(0);
        assertThat(run(failing, "demo", "-v", "--rows", "10", "--data", dir.toString())).isEqualTo(ExitCodes.RESOURCES);
        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void exitCodesFollowTheErrorCategory(@TempDir Path dir) {
        ErrorCode[] codes = {ErrorCode.UNSUPPORTED_OPERATION, ErrorCode.IO_ERROR, ErrorCode.INTERNAL_ERROR};
        int[] expected = {ExitCodes.PLAN, ExitCodes.EXECUTION, ExitCodes.INTERNAL};
        for (int i = 0; i < codes.length; i++) {
            ErrorCode code = codes[i];
            DemoCommand.Job failing = (config, listener, w) -> {
                throw SluiceException.of(code).build();
            };
            assertThat(run(failing, "demo", "--rows", "10", "--data", dir.toString())).isEqualTo(expected[i]);
        }
    }

    @Test
    void anUnexpectedExceptionIsReportedAsABug(@TempDir Path dir) {
        DemoCommand.Job failing = (config, listener, w) -> {
            throw new IllegalStateException("broken invariant");
        };
        assertThat(run(failing, "demo", "--rows", "10", "--data", dir.toString())).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).startsWith("error: internal error").doesNotContain("\tat ");
    }

    @Test
    void anIoFailureIsAnExecutionError(@TempDir Path dir) throws IOException {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        assertThat(run("gen-logs", "--rows", "10", "--out", notADirectory.resolve("logs.jsonl").toString()))
                .isEqualTo(ExitCodes.EXECUTION);
        assertThat(err.toString()).startsWith("error: ");
    }

    @Test
    void theCommandLineForArgumentsHoldsOnlyTheCommandTheyName() {
        assertThat(Main.commandName(new String[] {"-q", "--report", "cat", "demo", "--rows", "5"})).isEqualTo("demo");
        assertThat(Main.commandName(new String[] {"--report=r.html", "-v", "cat", "x.json"})).isEqualTo("cat");
        assertThat(Main.commandName(new String[] {"--help"})).isNull();
        assertThat(Main.newCommandLine(new String[] {"-q", "cat", "demo"}).getSubcommands()).containsOnlyKeys("cat");
        assertThat(Main.newCommandLine(new String[] {"--report", "cat", "demo"}).getSubcommands()).containsOnlyKeys("demo");
        // no built-in command named: the whole tree, for usage, help and other modules' commands
        assertThat(Main.newCommandLine(new String[] {"--help"}).getSubcommands())
                .containsKeys("demo", "gen-logs", "run", "cat", "connect", "glue", "bench");
        assertThat(Main.newCommandLine(new String[] {"bench", "q1", "--out", "cat"}).getSubcommands()).containsKey("bench");
    }

    @Test
    void aProvidedCommandNamedOnTheLineIsTheOnlyOneBuiltAndGetsTheRestOfTheLine() {
        synchronized (ProbeCommandProvider.BUILT) {
            ProbeCommandProvider.BUILT.clear();
            CommandLine only = Main.newCommandLine(new String[] {"-q", "probe", "sub", "--flag", "cat"});
            assertThat(only.getSubcommands()).containsOnlyKeys("probe");
            assertThat(ProbeCommandProvider.BUILT).containsExactly(List.of("sub", "--flag", "cat"));

            ProbeCommandProvider.BUILT.clear();
            // a name nothing provides, or none: the whole tree (usage, help, picocli's "unmatched" with suggestions)
            assertThat(Main.newCommandLine(new String[] {"prob"}).getSubcommands())
                    .containsKeys("demo", "cat", "glue", "probe", "bench");
            assertThat(Main.newCommandLine(new String[] {"--help"}).getSubcommands()).containsKeys("demo", "probe", "bench");
            assertThat(ProbeCommandProvider.BUILT).containsExactly(null, null);
        }
        assertThat(run("-q", "probe", "a", "b")).isZero();
        assertThat(run("prob")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("probe");   // picocli's suggestion
    }

    @Test
    void aCommandLineBuiltForItsArgumentsParsesAsTheWholeTreeDoes() {
        String[] args = {"-q", "demo", "--rows", "5000", "--seed", "7"};
        CommandLine.ParseResult result = Main.newCommandLine(args).parseArgs(args);
        DemoCommand demo = (DemoCommand) result.subcommand().commandSpec().userObject();
        assertThat(demo.config()).isEqualTo(parseDemo(args));
        assertThat(Progress.quiet(result)).isTrue();
    }
}
