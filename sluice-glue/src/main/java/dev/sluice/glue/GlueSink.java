package dev.sluice.glue;

import dev.sluice.WriteResult;

/** What GlueContext's getSinkWithFormat returns (Glue's DataSink): writes a frame's good records. */
public interface GlueSink {
    /** Writes the frame (an action: thresholds in its lineage are enforced, and a failed write commits nothing). */
    WriteResult writeDynamicFrame(DynamicFrame frame);
}
