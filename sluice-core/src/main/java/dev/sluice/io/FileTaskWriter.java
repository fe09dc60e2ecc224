package dev.sluice.io;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * One task of a {@link FileSink}: encodes batches into files in the task's attempt directory, opening the
 * first file on the first row and rolling to a new one every {@code maxRecordsPerFile} rows.
 */
final class FileTaskWriter implements TaskWriter {
    private static final int STREAM_BUFFER = 256 * 1024;

    private final Storage storage;
    private final FileCommitProtocol protocol;
    private final TaskAttempt task;
    private final RecordFormat format;
    private final StructType schema;
    private final String extension;
    private final FileSinkOptions options;

    private String currentPath;
    private OutputStream currentStream;
    private CountingOutput currentCounter;
    private RecordEncoder encoder;
    private long recordsInFile;
    private long records;
    private long bytes;
    private boolean finished;
    private boolean committed;

    FileTaskWriter(Storage storage, FileCommitProtocol protocol, TaskAttempt task, RecordFormat format,
                   StructType schema, String extension, FileSinkOptions options) {
        this.storage = storage;
        this.protocol = protocol;
        this.task = task;
        this.format = format;
        this.schema = schema;
        this.extension = extension;
        this.options = options;
    }

    @Override public void write(Batch batch) {
        if (finished) throw new IllegalStateException(task + " already committed or aborted");
        int offset = 0;
        int rows = batch.rowCount();
        while (offset < rows) {
            if (encoder == null) openFile();
            int n = rows - offset;
            if (options.rollsFiles()) n = (int) Math.min(n, options.maxRecordsPerFile() - recordsInFile);
            try {
                encoder.write(offset == 0 && n == rows ? batch : batch.slice(offset, n));
            } catch (UncheckedIOException e) {
                throw IoErrors.io(currentPath, e);
            }
            offset += n;
            recordsInFile += n;
            records += n;
            if (options.rollsFiles() && recordsInFile >= options.maxRecordsPerFile()) closeFile();
        }
    }

    @Override public TaskCommit commit() {
        if (finished) throw new IllegalStateException(task + " already committed or aborted");
        closeFile();
        TaskCommit commit = new TaskCommit(task.partition(), protocol.commitTask(task), records, bytes);
        finished = true;
        committed = true;
        return commit;
    }

    @Override public void abort() {
        if (committed) return;   // the files belong to the job now; only the job can discard them
        finished = true;
        if (currentStream != null) {
            try {
                currentStream.close();
            } catch (IOException | RuntimeException e) {
                // the file is being thrown away; its close error does not matter
            }
            currentStream = null;
            encoder = null;
        }
        protocol.abortTask(task);
    }

    private void openFile() {
        currentPath = protocol.newTaskFile(task, extension);
        OutputStream raw = storage.create(currentPath);
        currentCounter = new CountingOutput(raw);
        try {
            currentStream = options.compression().compress(new BufferedOutputStream(currentCounter, STREAM_BUFFER));
        } catch (IOException e) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw IoErrors.io(currentPath, e);
        }
        encoder = format.open(currentStream, schema);
        recordsInFile = 0;
    }

    private void closeFile() {
        if (encoder == null) return;
        try {
            encoder.close();
            currentStream.close();
        } catch (IOException e) {
            throw IoErrors.io(currentPath, e);
        } catch (UncheckedIOException e) {
            throw IoErrors.io(currentPath, e);
        }
        bytes += currentCounter.count;
        encoder = null;
        currentStream = null;
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
