package dev.sluice.bench;

import dev.sluice.cli.CommandSpecs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sluice bench q1|q2|q3 --engine E --input PATH [--output DIR]}: one engine, one query, in this JVM. Prints
 * {@code startup_s:} (session start), {@code wall_s:} (the query), {@code peak_rss_mb:} (the process's peak resident
 * memory, taken before the digest is computed), then last {@code result: <digest>}.
 */
final class QueryCommand implements Callable<Integer> {
    private final Query query;
    private CommandSpec spec;

    /** The command's model, built in code ({@link dev.sluice.cli.CommandSpecs}: every child JVM builds it). */
    static CommandSpec spec(Query query) {
        QueryCommand command = new QueryCommand(query);
        CommandSpec spec = CommandSpecs.command(query.id(), command,
                "Run one workload query on one engine and print its time, memory and result digest.");
        spec.addOption(OptionSpec.builder("--engine").required(true).paramLabel("ENGINE").type(String.class)
                .description("sluice, spark or duckdb.").build());
        spec.addOption(OptionSpec.builder("--input").required(true).paramLabel("PATH").type(String.class)
                .description("The JSON Lines logs (a file or a directory; s3://bucket/prefix for --engine sluice).").build());
        spec.addOption(OptionSpec.builder("--output").paramLabel("DIR").type(String.class)
                .description("Where Q1/Q2 write (replaced; default: out/bench/<query>-<engine>; s3://bucket/prefix for --engine sluice).")
                .build());
        command.spec = spec;
        return spec;
    }

    private static boolean isUri(String path) { return path.matches("^[A-Za-z][A-Za-z0-9+.-]+://.*") && !path.startsWith("file:"); }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private QueryCommand(Query query) {
        this.query = query;
    }

    @Override
    public Integer call() throws Exception {
        String engine = CommandSpecs.option(spec, "--engine");
        String input = CommandSpecs.option(spec, "--input");
        String output = CommandSpecs.option(spec, "--output");
        if (!Engines.NAMES.contains(engine.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--engine must be one of " + Engines.NAMES + ", got " + engine);
        }
        boolean remoteIn = isUri(input);
        boolean remoteOut = output != null && isUri(output);
        if (!remoteIn && !Files.exists(Path.of(input))) throw new ParameterException(spec.commandLine(), "--input " + input + ": no such file or directory");
        Path out = output != null && !remoteOut ? Path.of(output) : Path.of("out", "bench", query.id() + "-" + engine.toLowerCase(Locale.ROOT));
        PrintWriter w = spec.commandLine().getOut();
        try (BenchEngine e = Engines.create(engine)) {
            if ((remoteIn || remoteOut) && !e.readsObjectStores()) {
                throw new ParameterException(spec.commandLine(), "s3:// input or output needs --engine sluice");
            }
            long t0 = System.nanoTime();
            e.start();
            long t1 = System.nanoTime();
            long count = e.run(query, remoteIn ? input : Path.of(input).toAbsolutePath().toString(),
                    remoteOut ? output : out.toAbsolutePath().toString());
            long t2 = System.nanoTime();
            if (e instanceof SluiceBench sb && (remoteIn || remoteOut)) {
                w.println("storage: " + sb.storageMetrics());
                if (remoteOut && query != Query.Q3) {
                    deleteRecursively(out);
                    sb.download(output, out);   // after the timed part: the digest reads local files
                }
            }
            long peak = ProcessMemory.peakRssBytes();
            w.println("engine: " + e.name());
            w.println("query: " + query.id());
            w.println(String.format(Digest.NUMBERS, "startup_s: %.3f", (t1 - t0) / 1e9));
            w.println(String.format(Digest.NUMBERS, "wall_s: %.3f", (t2 - t1) / 1e9));
            w.println("peak_rss_mb: " + (peak < 0 ? "n/a" : Long.toString(peak / (1024 * 1024))));
            w.flush();
            Digest digest = Digests.of(query, out.toAbsolutePath(), count);
            w.println("result: " + digest);
            w.flush();
        }
        return 0;
    }
}
