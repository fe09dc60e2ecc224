package dev.sluice.io;

import dev.sluice.types.StructType;

/**
 * Where an action writes its rows. The engine calls {@link #begin} once per write inside the action, opens
 * one {@link TaskWriter} per partition through the {@link WriteJob}, and then commits or aborts the job as a
 * whole. Building a sink performs no I/O.
 */
public interface DataSink {
    /** What explain and the job report print: {@code json out/daily mode=overwrite}. */
    String description();

    /** Starts a write of rows of {@code schema}; {@link WriteStart.Skipped} when the save mode says not to write. */
    WriteStart begin(StructType schema);
}
