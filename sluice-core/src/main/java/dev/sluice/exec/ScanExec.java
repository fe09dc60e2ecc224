package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.SkippedFile;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import dev.sluice.plan.Explain;

import java.util.List;

/** Reads one split, or one group of small splits ({@link dev.sluice.io.SplitGroup}), per partition through the source. */
public final class ScanExec implements ExecNode {
    private final DataSource source;
    private final List<Split> splits;
    private final StructType projection;
    private final List<Expression> filters;
    private final dev.sluice.io.BufferBudget buffers;

    public ScanExec(DataSource source, List<Split> splits, StructType projection, List<Expression> filters) {
        this(source, splits, projection, filters, dev.sluice.io.BufferBudget.UNLIMITED);
    }

    /** {@code buffers}: what readers' growing buffers (a very long line) are charged to, the session's memory pool. */
    public ScanExec(DataSource source, List<Split> splits, StructType projection, List<Expression> filters,
                    dev.sluice.io.BufferBudget buffers) {
        this.buffers = buffers;
        this.source = source;
        this.splits = List.copyOf(splits);
        this.projection = projection;
        this.filters = List.copyOf(filters);
    }

    @Override public StructType schema() { return projection; }

    @Override public int partitionCount() { return splits.size(); }

    public List<Split> splits() { return splits; }

    public DataSource source() { return source; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchReader reader;
        try (dev.sluice.io.BufferBudgetScope scope = dev.sluice.io.BufferBudgetScope.enter(buffers)) {
            reader = dev.sluice.io.SplitGroupReader.open(source, splits.get(partition), projection, filters);
        }
        return new BatchStream() {
            long reportedBytes;
            int reportedSkips;

            @Override public Batch next() {
                ctx.checkCancelled();
                Batch b;
                try (dev.sluice.io.BufferBudgetScope scope = dev.sluice.io.BufferBudgetScope.enter(buffers)) {
                    b = reader.next();
                }
                long bytes = reader.bytesRead();
                ctx.reportProgress(bytes - reportedBytes, b == null ? 0 : b.rowCount());
                reportedBytes = bytes;
                List<SkippedFile> skipped = reader.skippedFiles();
                for (int i = reportedSkips; i < skipped.size(); i++) {
                    SkippedFile s = skipped.get(i);
                    ctx.reportSkippedFile(s.path(), s.code(), s.reason());
                }
                reportedSkips = skipped.size();
                return b;
            }

            @Override public void close() { reader.close(); }
        };
    }

    @Override public List<ExecNode> children() { return List.of(); }

    @Override public String describe() {
        return "ScanExec: " + source.formatName() + " " + source.description() + " " + Explain.columns(projection)
                + " splits=" + splits.size() + (filters.isEmpty() ? "" : " filters=" + Explain.expressions(filters));
    }
}
