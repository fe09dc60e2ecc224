package dev.sluice.io;

/** One independent piece of a source's input (a byte range of a file, a row group, a chunk of rows). */
public interface Split {
    /** Human-readable, for errors and progress: {@code logs/part-1.jsonl[0, 33554432)}. */
    String description();

    /** Bytes this split will read, for progress; 0 when unknown. */
    long sizeInBytes();

    /** The file this split reads (for input_file_name), or null when it reads no file. */
    default String filePath() { return null; }

    /** The byte offset in {@link #filePath()} where this split starts; -1 without a file. */
    default long fileStart() { return -1; }

    /** The bytes of {@link #filePath()} this split covers; -1 without a file. */
    default long fileLength() { return -1; }

    /** Whether a small split of this kind may share a task with its neighbours (file byte ranges may, see {@link SplitPacking}). */
    default boolean packable() { return false; }
}
