package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.DataFrame;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs one ExecutePlan: a query's rows go out as Arrow batches (after a schema response; one empty batch when there
 * are no rows, since clients expect at least one), a command runs and reports; every operation ends with
 * {@code ResultComplete}.
 */
final class PlanExecutor {
    /** Rows per Arrow batch; a batch also closes early once its rows pass {@link #BATCH_BYTES} (estimated). */
    static final int BATCH_ROWS = 8192;
    static final long BATCH_BYTES = 4L << 20;

    private final ConnectSession session;
    private final Operation op;

    PlanExecutor(ConnectSession session, Operation op) {
        this.session = session;
        this.op = op;
    }

    void run(Plan plan) {
        switch (plan.getOpTypeCase()) {
            case ROOT: query(plan.getRoot()); break;
            case COMMAND: new CommandRunner(session, this).run(plan.getCommand()); break;
            case COMPRESSED_OPERATION:
                throw ConnectErrors.unsupported("compressed plans", "the server answers planCompression.threshold=-1");
            default: throw ConnectErrors.unsupported("an empty plan", "the client sent no relation or command");
        }
        send(response().setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance()));
    }

    private void query(Relation root) {
        Translation tx = new Translation(session);
        RelationTranslator relations = new RelationTranslator(tx);
        if (root.hasTail()) {
            DataFrame in = relations.translate(root.getTail().getInput());
            List<Row> all = in.collect();
            int n = Math.max(0, root.getTail().getLimit());
            sendRows(in.schema(), all.subList(Math.max(0, all.size() - n), all.size()));
            return;
        }
        if (root.hasOffset()) {
            DataFrame in = relations.translate(root.getOffset().getInput());
            stream(in, root.getOffset().getOffset());
            return;
        }
        stream(relations.translate(root), 0);
    }

    /** Streams a DataFrame's rows as Arrow batches, skipping the first {@code skip} rows. */
    void stream(DataFrame df, long skip) {
        StructType schema = df.schema();
        send(response().setSchema(ProtoTypes.toProto(schema)));
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("op-" + op.id(), 0, Long.MAX_VALUE);
             CloseableIterator<Row> rows = df.toLocalIterator()) {
            op.queryIs(rows);
            List<Row> batch = new ArrayList<>();
            long bytes = 0;
            long offset = 0;
            boolean sent = false;
            long skipped = 0;
            while (rows.hasNext()) {
                if (op.interrupted()) throw cancelled();
                Row row = rows.next();
                if (skipped < skip) {
                    skipped++;
                    continue;
                }
                batch.add(row);
                bytes += RowSizes.estimate(row);
                if (batch.size() >= BATCH_ROWS || bytes >= BATCH_BYTES) {
                    sendBatch(allocator, schema, batch, offset);
                    offset += batch.size();
                    batch.clear();
                    bytes = 0;
                    sent = true;
                }
            }
            if (op.interrupted()) throw cancelled();
            if (!batch.isEmpty() || !sent) sendBatch(allocator, schema, batch, offset);
        }
        ObservedMetricsResponses.send(this, df);
    }

    private void sendRows(StructType schema, List<Row> rows) {
        send(response().setSchema(ProtoTypes.toProto(schema)));
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("op-" + op.id(), 0, Long.MAX_VALUE)) {
            sendBatch(allocator, schema, rows, 0);
        }
    }

    private void sendBatch(BufferAllocator allocator, StructType schema, List<Row> rows, long offset) {
        byte[] data = ArrowBatches.encode(allocator, schema, rows);
        send(response().setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder()
                .setRowCount(rows.size()).setData(ByteString.copyFrom(data)).setStartOffset(offset)));
    }

    private static dev.sluice.error.SluiceException cancelled() {
        return dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.JOB_CANCELLED).build();
    }

    ExecutePlanResponse.Builder response() {
        return ExecutePlanResponse.newBuilder()
                .setSessionId(session.sessionId())
                .setServerSideSessionId(session.serverSideId())
                .setOperationId(op.id())
                .setResponseId(UUID.randomUUID().toString());
    }

    void send(ExecutePlanResponse.Builder r) { op.add(r.build()); }
}
