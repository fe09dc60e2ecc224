package dev.sluice.io;

import static java.util.Objects.requireNonNull;

/** The outcome of {@link DataSink#begin}: a job to run, or a write skipped (with why, for the job report). */
public sealed interface WriteStart {
    record Started(WriteJob job) implements WriteStart {
        public Started { requireNonNull(job, "job"); }
    }

    record Skipped(String reason) implements WriteStart {
        public Skipped { requireNonNull(reason, "reason"); }
    }
}
