package dev.sluice.io;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of a {@link FileSink}: encodes batches into files in the task's attempt directory, opening a file on
 * the first row it gets and rolling to a new one every {@code maxRecordsPerFile} rows. With partition columns,
 * rows go to a file per partition directory ({@code year=2026/month=11/}), written without those columns, one
 * open file at a time (the rows come sorted by the partition columns).
 */
final class FileTaskWriter implements TaskWriter {
    private static final int STREAM_BUFFER = 256 * 1024;

    private final Storage storage;
    private final JobCommitter protocol;
    private final TaskAttempt task;
    private final RecordFormat format;
    private final String extension;
    private final FileSinkOptions options;
    private final PartitionWriting partitioning;
    private final WriteMemory memory;
    private final Map<String, OpenFile> open = new LinkedHashMap<>();

    private long records;
    private long bytes;
    private boolean finished;
    private boolean committed;

    FileTaskWriter(Storage storage, JobCommitter protocol, TaskAttempt task, RecordFormat format,
                   StructType schema, String extension, FileSinkOptions options, List<String> partitionColumns,
                   WriteMemory memory) {
        this.storage = storage;
        this.protocol = protocol;
        this.task = task;
        this.format = format;
        this.extension = extension;
        this.options = options;
        this.partitioning = new PartitionWriting(schema, partitionColumns);
        this.memory = memory;
    }

    @Override public void write(Batch batch) {
        if (finished) throw new IllegalStateException(task + " already committed or aborted");
        if (!partitioning.partitioned()) {
            writeTo("", batch);
            return;
        }
        for (Map.Entry<String, Batch> group : partitioning.split(batch).entrySet()) {
            if (!open.containsKey(group.getKey())) closeAll();
            writeTo(group.getKey(), group.getValue());
        }
    }

    /**
     * A partitioned write's rows arrive sorted by the partition columns (the engine sorts them, as Spark does),
     * so a new directory means the open one is done: one file is open at a time, whatever the number of
     * directories. Input that is not sorted still writes correctly, with a new file each time a directory
     * comes back.
     */
    private void closeAll() {
        for (OpenFile f : open.values()) closeFile(f);
        open.clear();
    }

    private void writeTo(String directory, Batch batch) {
        int offset = 0;
        int rows = batch.rowCount();
        while (offset < rows) {
            OpenFile file = open.get(directory);
            if (file == null) {
                file = openFile(directory);
                open.put(directory, file);
            }
            int n = rows - offset;
            if (options.rollsFiles()) n = (int) Math.min(n, options.maxRecordsPerFile() - file.records);
            try {
                file.encoder.write(offset == 0 && n == rows ? batch : batch.slice(offset, n));
            } catch (UncheckedIOException e) {
                throw IoErrors.io(file.path, e);
            }
            offset += n;
            file.records += n;
            records += n;
            if (options.rollsFiles() && file.records >= options.maxRecordsPerFile()) {
                closeFile(file);
                open.remove(directory);
            }
        }
    }

    @Override public TaskCommit commit() {
        if (finished) throw new IllegalStateException(task + " already committed or aborted");
        for (OpenFile f : new ArrayList<>(open.values())) closeFile(f);
        open.clear();
        TaskCommit commit = new TaskCommit(task.partition(), protocol.commitTask(task), records, bytes);
        finished = true;
        committed = true;
        return commit;
    }

    @Override public void abort() {
        if (committed) return;   // the files belong to the job now; only the job can discard them
        finished = true;
        for (OpenFile f : open.values()) {
            try {
                f.stream.close();
            } catch (IOException | RuntimeException e) {
                // the file is being thrown away; its close error does not matter
            }
        }
        open.clear();
        protocol.abortTask(task);
    }

    private OpenFile openFile(String directory) {
        String path = protocol.newTaskFile(task, extension, directory);
        OutputStream raw = protocol.openTaskFile(storage, task, path);
        CountingOutput counter = new CountingOutput(raw);
        OutputStream stream;
        try {
            stream = options.compression().compress(new BufferedOutputStream(counter, STREAM_BUFFER));
        } catch (IOException e) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw IoErrors.io(path, e);
        }
        RecordEncoder encoder;
        try {
            encoder = format.open(stream, partitioning.dataSchema(), memory);
        } catch (RuntimeException e) {   // e.g. MEMORY_EXHAUSTED reserving its buffer: the file is not ours to track yet
            try {
                stream.close();
            } catch (IOException | RuntimeException ignored) {
                // already failing
            }
            throw e;
        }
        return new OpenFile(path, stream, counter, encoder);
    }

    private void closeFile(OpenFile file) {
        try {
            file.encoder.close();
            file.stream.close();
        } catch (IOException | UncheckedIOException e) {
            throw IoErrors.io(file.path, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        }
        bytes += file.counter.count;
    }

    /** One output file being written. */
    private static final class OpenFile {
        final String path;
        final OutputStream stream;
        final CountingOutput counter;
        final RecordEncoder encoder;
        long records;

        OpenFile(String path, OutputStream stream, CountingOutput counter, RecordEncoder encoder) {
            this.path = path;
            this.stream = stream;
            this.counter = counter;
            this.encoder = encoder;
        }
    }

    /** Counts the bytes that reach storage (after compression). */
    private static final class CountingOutput extends FilterOutputStream {
        long count;

        CountingOutput(OutputStream out) { super(out); }

        @Override public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
