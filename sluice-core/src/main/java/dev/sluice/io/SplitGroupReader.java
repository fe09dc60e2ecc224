package dev.sluice.io;

import dev.sluice.expr.Expression;
import dev.sluice.expr.PartitionScope;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.ArrayList;
import java.util.List;

/** Reads the members of a {@link SplitGroup} one after the other, each opened only when the previous one is done. */
public final class SplitGroupReader implements BatchReader {
    private final DataSource source;
    private final List<Split> members;
    private final StructType projection;
    private final List<Expression> filters;
    private final List<SkippedFile> skipped = new ArrayList<>();
    private int next;
    private BatchReader current;
    private long bytesOfClosed;
    private long droppedOfClosed;
    private boolean closed;

    private SplitGroupReader(DataSource source, SplitGroup group, StructType projection, List<Expression> filters) {
        this.source = source;
        this.members = group.members();
        this.projection = projection;
        this.filters = filters;
    }

    /** A reader of {@code split}: the source's own for a single split, this one for a group. */
    public static BatchReader open(DataSource source, Split split, StructType projection, List<Expression> filters) {
        if (split instanceof SplitGroup g) return new SplitGroupReader(source, g, projection, filters);
        return openAnnounced(source, split, projection, filters);
    }

    @Override public Batch next() {
        while (!closed) {
            if (current == null) {
                if (next >= members.size()) return null;
                current = openAnnounced(source, members.get(next++), projection, filters);
            }
            Batch b = current.next();
            if (b != null) return b;
            finishCurrent();
        }
        return null;
    }

    private void finishCurrent() {
        BatchReader done = current;
        current = null;
        bytesOfClosed += done.bytesRead();
        droppedOfClosed += done.droppedRecords();
        skipped.addAll(done.skippedFiles());
        done.close();
    }

    /** Opens {@code split} after telling the task's scope which file it reads (input_file_name and its block). */
    private static BatchReader openAnnounced(DataSource source, Split split, StructType projection, List<Expression> filters) {
        PartitionScope.current().readingFile(split.filePath(), split.fileStart(), split.fileLength());
        return source.open(split, projection, filters);
    }

    @Override public long bytesRead() { return bytesOfClosed + (current == null ? 0 : current.bytesRead()); }

    @Override public long droppedRecords() { return droppedOfClosed + (current == null ? 0 : current.droppedRecords()); }

    @Override public List<SkippedFile> skippedFiles() {
        if (current == null || current.skippedFiles().isEmpty()) return List.copyOf(skipped);
        List<SkippedFile> all = new ArrayList<>(skipped);
        all.addAll(current.skippedFiles());
        return all;
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        if (current != null) current.close();
        current = null;
    }
}
