package dev.sluice.cli.testjobs;

import dev.sluice.Sluice;
import dev.sluice.cli.SluiceJob;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sluice.functions.col;

/** A SluiceJob for RunCommandTest: counts the rows of args[0] with status >= args[1] and writes the number to args[2]. */
public final class CountingJob implements SluiceJob {
    @Override
    public void run(Sluice sluice, String[] args) throws Exception {
        long n = sluice.read().schema("status INT").json(args[0]).filter(col("status").geq(Integer.parseInt(args[1]))).count();
        Files.writeString(Path.of(args[2]), n + "," + sluice.conf().parallelism());
    }
}
