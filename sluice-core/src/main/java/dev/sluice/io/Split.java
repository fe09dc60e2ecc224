package dev.sluice.io;

/** One independent piece of a source's input (a byte range of a file, a row group, a chunk of rows). */
public interface Split {
    /** Human-readable, for errors and progress: {@code logs/part-1.jsonl[0, 33554432)}. */
    String description();

    /** Bytes this split will read, for progress; 0 when unknown. */
    long sizeInBytes();
}
