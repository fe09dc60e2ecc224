package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.DataFrame;
import dev.sluice.RuntimeConfig;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Relation;

import java.util.List;
import java.util.UUID;

/**
 * Runs one ExecutePlan: a query's rows go out as Arrow batches (after a schema response; one empty batch when there
 * are no rows, since clients expect at least one), a command runs and reports; every operation ends with
 * {@code ResultComplete}.
 */
final class PlanExecutor {
    /** Rows per Arrow batch; a batch also closes early once its Arrow data passes {@link #BATCH_BYTES}. */
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
            tail(in, root.getTail().getLimit());
            return;
        }
        if (root.hasOffset()) {
            DataFrame in = relations.translate(root.getOffset().getInput());
            stream(in, root.getOffset().getOffset());
            return;
        }
        stream(relations.translate(root), 0);
    }

    /**
     * {@code df.tail(n)}: the batches are read in order keeping only the last n rows ({@link LastRows}), which are then
     * encoded as any result (and count against {@code spark.driver.maxResultSize} as any result's rows do).
     */
    private void tail(DataFrame df, int n) {
        LastRows last = new LastRows(n);   // a negative n keeps no row, as before
        try (CloseableIterator<Batch> batches = df.toLocalBatches()) {
            op.queryIs(batches);
            while (batches.hasNext()) {
                if (op.interrupted()) throw cancelled();
                last.add(batches.next());
            }
        }
        send(response().setSchema(ProtoTypes.toProto(df.schema())));
        encode(df.schema(), last.iterator(), 0);
        ObservedMetricsResponses.send(this, df);
    }

    /**
     * Streams a DataFrame's batches as Arrow batches, column by column ({@link ArrowBatchEncoder}), skipping the first
     * {@code skip} rows. As Spark, the rows sent count against {@code spark.driver.maxResultSize} (the engine's estimate
     * of the batches, as {@code collect()} counts them).
     */
    void stream(DataFrame df, long skip) {
        send(response().setSchema(ProtoTypes.toProto(df.schema())));
        CloseableIterator<Batch> batches = df.toLocalBatches();
        op.queryIs(batches);
        encode(df.schema(), batches, skip);
        ObservedMetricsResponses.send(this, df);
    }

    /** Sends the batches (closed at the end) as ArrowBatch messages, after skipping {@code skip} rows. */
    private void encode(StructType schema, CloseableIterator<Batch> toSend, long skip) {
        long limit = session.sluice().conf().maxResultSize();
        long[] offset = {0};
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("op-" + op.id(), 0, Long.MAX_VALUE);
             CloseableIterator<Batch> batches = toSend;
             ArrowBatchEncoder encoder = new ArrowBatchEncoder(allocator, schema, BATCH_ROWS, BATCH_BYTES, (ipc, rows) -> {
                 sendBatch(ipc, rows, offset[0]);
                 offset[0] += rows;
             })) {
            long skipped = 0, resultBytes = 0;
            while (batches.hasNext()) {
                if (op.interrupted()) throw cancelled();
                Batch batch = batches.next();
                if (skipped < skip) {
                    int drop = (int) Math.min(skip - skipped, batch.rowCount());
                    skipped += drop;
                    batch = batch.slice(drop, batch.rowCount() - drop);
                }
                if (batch.rowCount() == 0) continue;
                resultBytes += BatchSizes.estimate(batch);
                if (limit > 0 && resultBytes > limit) throw RuntimeConfig.resultTooLarge("The result of the query", resultBytes, limit);
                encoder.add(batch);
            }
            if (op.interrupted()) throw cancelled();
            encoder.finish();
        }
    }

    private void sendBatch(ByteString ipc, int rows, long offset) {
        send(response().setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder()
                .setRowCount(rows).setData(ipc).setStartOffset(offset)));
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
