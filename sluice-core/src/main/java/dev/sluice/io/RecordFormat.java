package dev.sluice.io;

import dev.sluice.types.StructType;

import java.io.OutputStream;

/** A file format's writing side: how rows become bytes in one output file. */
public interface RecordFormat {
    /** The file name extension without its dot: {@code json}, {@code csv}. */
    String extension();

    /** An encoder writing rows of {@code schema} into {@code out}, which stays owned by the caller. */
    RecordEncoder open(OutputStream out, StructType schema);

    /**
     * As {@link #open(OutputStream, StructType)}, for an encoder that buffers output in the heap: it reserves what
     * it buffers from {@code memory} and releases it on close (the task's reservation is released whatever happens).
     * Encoders that only stream need not override it.
     */
    default RecordEncoder open(OutputStream out, StructType schema, WriteMemory memory) { return open(out, schema); }

    /**
     * True when the format compresses its own contents (Parquet compresses pages): the writer's
     * {@code compression} option then belongs to the format, and the sink writes the stream as it is.
     */
    default boolean compressesItself() { return false; }
}
