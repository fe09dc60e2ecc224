package dev.sluice.exec;

import dev.sluice.vector.Batch;

/** One partition's output, pulled a batch at a time; closing it releases everything beneath it. */
public interface BatchStream extends AutoCloseable {
    /** The next batch, or null at the end. */
    Batch next();

    @Override void close();
}
