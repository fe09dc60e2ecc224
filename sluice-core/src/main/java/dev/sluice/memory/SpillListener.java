package dev.sluice.memory;

/** Told about every spill write (an operator's metrics listen, for explain and the job report). */
@FunctionalInterface
public interface SpillListener {
    SpillListener NONE = (bytes, nanos, newFile) -> { };

    /** {@code bytes} (compressed) written in {@code nanos}; {@code newFile} for the first write of a file. */
    void spilled(long bytes, long nanos, boolean newFile);
}
