package dev.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sluice gen-logs}: writes the benchmark's JSON Lines logs (see {@link LogGenerator}). */
@Command(name = "gen-logs", mixinStandardHelpOptions = true,
        description = "Write the benchmark's web-service logs as JSON Lines, deterministically from a seed.")
final class GenLogsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Lines to write (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path out;

    @Option(names = "--malformed-rate", defaultValue = "0", paramLabel = "R",
            description = "Fraction of rows, 0 to 1, whose response_body is broken on purpose (default: ${DEFAULT-VALUE}).")
    double malformedRate;

    @Override
    public Integer call() throws IOException {
        if (rows < 0) throw new ParameterException(spec.commandLine(), "--rows must be >= 0, got " + rows);
        if (!(malformedRate >= 0 && malformedRate <= 1)) {
            throw new ParameterException(spec.commandLine(), "--malformed-rate must be between 0 and 1, got " + malformedRate);
        }
        long start = System.nanoTime();
        LogGenerator.Result result = new LogGenerator(seed, malformedRate).writeFile(out, rows);
        long elapsed = System.nanoTime() - start;
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + Format.count(result.rows()) + " rows, " + Format.count(result.bytes()) + " bytes ("
                + Format.bytes(result.bytes()) + ") to " + out + " in " + Format.seconds(elapsed));
        w.flush();
        return ExitCodes.OK;
    }
}
