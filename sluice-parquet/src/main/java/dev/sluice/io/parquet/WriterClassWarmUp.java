package dev.sluice.io.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initializes, once per JVM and on a daemon thread, the parquet-java classes whose static initializers are the
 * costly part of a JVM's first Parquet write, as soon as a write is about to start: {@code ParquetMetadata} (its
 * static Jackson {@code ObjectMapper}, about 200 ms of CPU in a fresh JVM, first needed when a file's footer is
 * written), the footer's metadata converter, and the codec's native library. Without it the first task to close a
 * file ran them while every other worker closing its first file waited for the same class's initialization with
 * its core idle; here they run while the workers read their first rows. Initialization only: nothing is written, no
 * state is kept, and a class that fails to initialize fails again where it is used, with the same error.
 */
final class WriterClassWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WriterClassWarmUp() {}

    /** Starts the initialization unless it was started before in this JVM. */
    static void start(CompressionCodecName codec) {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> initialize(codec), "sluice-parquet-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void initialize(CompressionCodecName codec) {
        // the costliest first: the workers initialize what they need before it themselves
        load("org.apache.parquet.hadoop.metadata.ParquetMetadata");
        load("org.apache.parquet.format.converter.ParquetMetadataConverter");
        switch (codec) {
            case SNAPPY -> load("org.xerial.snappy.Snappy");
            case ZSTD -> load("com.github.luben.zstd.Zstd");
            default -> { }
        }
    }

    private static void load(String className) {
        try {
            Class.forName(className, true, WriterClassWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // left to the writer that needs the class: it reports the failure where it happens
        }
    }
}
