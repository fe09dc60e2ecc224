package dev.sluice.cli;

import java.nio.file.Path;

/** What the demo runs on: the input file (generated if missing), the output directory and the worker count. */
record DemoConfig(Path dataFile, Path outDir, long rows, long seed, int parallelism) {
    /** The data file for a row count and seed inside {@code dataDir}: one file per (rows, seed), reused across runs. */
    static Path dataFile(Path dataDir, long rows, long seed) {
        return dataDir.resolve("logs-" + rows + "-" + seed + ".jsonl");
    }
}
