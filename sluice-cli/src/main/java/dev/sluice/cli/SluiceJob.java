package dev.sluice.cli;

import dev.sluice.Sluice;

/**
 * A job that {@code sluice run --class} can start with a ready session: the CLI builds the session (worker count
 * from {@code --parallelism}, its progress display unless {@code --quiet}), calls {@link #run}, then closes it.
 * The class needs a public no-argument constructor. A class with a plain {@code public static void main(String[])}
 * runs too, but builds its own session, so the CLI cannot show its progress.
 */
public interface SluiceJob {
    void run(Sluice sluice, String[] args) throws Exception;
}
