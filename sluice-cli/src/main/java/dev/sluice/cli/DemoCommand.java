package dev.sluice.cli;

import dev.sluice.exec.JobListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code sluice demo}: the Glue-style log job end to end. Generates the logs once (kept in the data directory for
 * the next run), then runs {@link DemoJob} with a progress display and reports rows, failures, time and peak heap.
 * Time and heap cover the job only, not the data generation.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample logs (once) and run the log-parsing job on them.")
final class DemoCommand implements Callable<Integer> {
    /** The job part of the demo, replaceable so that tests can check the rest without the engine. */
    interface Job {
        DemoJob.Result run(DemoConfig config, JobListener listener, PrintWriter out);
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Log lines (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed of the data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "Directory of the generated logs, file logs-<rows>-<seed>.jsonl (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR",
            description = "Output directory of the job, replaced on each run (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--parallelism", paramLabel = "P", description = "Worker threads (default: the number of processors).")
    Integer parallelism;

    @Option(names = "--glue", description = "Run the job through the Glue API (GlueContext source, toDF/fromDF, applyMapping, Glue sink).")
    boolean glue;

    private final Job job;

    DemoCommand() {
        this(new DemoJob());
    }

    DemoCommand(Job job) {
        this.job = job;
    }

    /** The validated options; a usage error when a value is out of range. */
    DemoConfig config() {
        if (rows < 1) throw new ParameterException(spec.commandLine(), "--rows must be >= 1, got " + rows);
        int p = parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism;
        if (p < 1) throw new ParameterException(spec.commandLine(), "--parallelism must be >= 1, got " + p);
        return new DemoConfig(DemoConfig.dataFile(dataDir, rows, seed), outDir, rows, seed, p);
    }

    @Override
    public Integer call() throws IOException {
        DemoConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        ensureData(config, out);

        Reports reports = Reports.requested(spec);
        JobListener progress = Reports.with(reports, Progress.listenerWithSummaries(spec));
        System.gc();   // so that the peak below is the job's, not garbage left by the generator
        PeakHeap.reset();
        long start = System.nanoTime();
        DemoJob.Result result = (glue ? new GlueDemoJob() : job).run(config, progress, out);
        long elapsed = System.nanoTime() - start;
        long peak = PeakHeap.peakBytes();

        out.println();
        out.println("rows written:   " + Format.count(result.rowsWritten()) + " (to " + config.outDir() + ")");
        out.println("failures:       " + Format.count(result.failures()) + " rows with content.error not null"
                + percentOf(result.failures(), config.rows()));
        out.println("elapsed:        " + Format.seconds(elapsed) + " (parallelism " + config.parallelism() + ")");
        out.println("peak heap used: " + Format.bytes(peak) + " (max heap " + Format.bytes(Runtime.getRuntime().maxMemory()) + ")");
        out.flush();
        Reports.finish(reports, config.parallelism(), out);
        return ExitCodes.OK;
    }

    private static void ensureData(DemoConfig config, PrintWriter out) throws IOException {
        Path file = config.dataFile();
        if (Files.isRegularFile(file)) {
            out.println("data: " + file + " (" + Format.bytes(Files.size(file)) + ", generated earlier)");
            out.flush();
            return;
        }
        out.println("data: generating " + Format.count(config.rows()) + " log lines (seed " + config.seed() + ") into " + file);
        out.flush();
        long start = System.nanoTime();
        LogGenerator.Result r = new LogGenerator(config.seed(), 0).writeFile(file, config.rows());
        out.println("data: wrote " + Format.bytes(r.bytes()) + " in " + Format.seconds(System.nanoTime() - start));
        out.flush();
    }

    private static String percentOf(long part, long whole) {
        return whole == 0 ? "" : String.format(java.util.Locale.ROOT, " (%.1f%%)", 100.0 * part / whole);
    }
}
