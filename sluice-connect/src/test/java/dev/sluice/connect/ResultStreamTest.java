package dev.sluice.connect;

import dev.sluice.Sluice;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.KeyValue;
import org.apache.spark.connect.proto.Offset;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Range;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Query results over the wire: batches of at most 8192 rows in order, offsets skipped, and the result-size limit. */
class ResultStreamTest {
    static Sluice sluice;
    static SluiceConnectServer server;
    static ManagedChannel channel;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(2).build();
        server = SluiceConnectServer.start(sluice, 0);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().maxInboundMessageSize(128 << 20).build();
    }

    @AfterAll static void stop() {
        channel.shutdownNow();
        server.close();
        sluice.close();
    }

    @Test void aLargeResultComesInOrderedBatchesOfAtMost8192Rows() {
        String session = UUID.randomUUID().toString();
        Relation range = Relation.newBuilder().setRange(Range.newBuilder().setEnd(100_000).setStep(1).setNumPartitions(3)).build();
        List<ExecutePlanResponse.ArrowBatch> batches = batches(session, range);
        assertThat(batches).allSatisfy(b -> assertThat(b.getRowCount()).isBetween(1L, 8192L));
        long next = 0;
        for (ExecutePlanResponse.ArrowBatch b : batches) {
            assertThat(b.getStartOffset()).isEqualTo(next);
            assertThat(ArrowRows.decode(Allocators.root(), b.getData().toByteArray(), null).rows())
                    .extracting(r -> r.get(0)).first().isEqualTo(next);
            next += b.getRowCount();
        }
        assertThat(next).isEqualTo(100_000);

        Relation offset = Relation.newBuilder().setOffset(Offset.newBuilder().setInput(range).setOffset(99_990)).build();
        List<ExecutePlanResponse.ArrowBatch> rest = batches(session, offset);
        assertThat(rest).hasSize(1);
        assertThat(ArrowRows.decode(Allocators.root(), rest.get(0).getData().toByteArray(), null).rows())
                .extracting(r -> r.get(0)).first().isEqualTo(99_990L);
    }

    @Test void theResultSizeLimitStopsAQueryWhoseRowsPassIt() {
        String session = UUID.randomUUID().toString();
        Relation range = Relation.newBuilder().setRange(Range.newBuilder().setEnd(1_000_000).setStep(1)).build();
        set(session, "spark.driver.maxResultSize", "1m");
        assertThatThrownBy(() -> batches(session, range)).isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("sluice.driver.maxResultSize");
        set(session, "spark.driver.maxResultSize", "0");   // no limit
        assertThat(batches(session, range).stream().mapToLong(ExecutePlanResponse.ArrowBatch::getRowCount).sum()).isEqualTo(1_000_000);
    }

    @Test void tailSendsTheLastRowsInOrder() {
        String session = UUID.randomUUID().toString();
        Relation range = Relation.newBuilder().setRange(Range.newBuilder().setEnd(100_000).setStep(1).setNumPartitions(3)).build();
        assertThat(tail(session, range, 0)).isEmpty();
        assertThat(tail(session, range, 1)).containsExactly(99_999L);
        List<Object> last = tail(session, range, 50_000);   // spans many batches of the input and of the result
        assertThat(last).hasSize(50_000).first().isEqualTo(50_000L);
        assertThat(last).last().isEqualTo(99_999L);
        for (int i = 1; i < last.size(); i++) assertThat((Long) last.get(i)).isEqualTo((Long) last.get(i - 1) + 1);
        assertThat(tail(session, range, 200_000)).hasSize(100_000).first().isEqualTo(0L);
        Relation sorted = Relation.newBuilder().setSql(org.apache.spark.connect.proto.SQL.newBuilder()
                .setQuery("SELECT id FROM range(0, 30000, 1, 4) ORDER BY id % 7, id DESC")).build();
        List<Object> all = new ArrayList<>();
        for (ExecutePlanResponse.ArrowBatch b : batches(session, sorted)) {
            for (dev.sluice.types.Row r : ArrowRows.decode(Allocators.root(), b.getData().toByteArray(), null).rows()) all.add(r.get(0));
        }
        assertThat(tail(session, sorted, 9000)).isEqualTo(all.subList(all.size() - 9000, all.size()));
    }

    private List<Object> tail(String session, Relation input, int n) {
        Relation tail = Relation.newBuilder().setTail(org.apache.spark.connect.proto.Tail.newBuilder().setInput(input).setLimit(n)).build();
        List<Object> out = new ArrayList<>();
        long next = 0;
        for (ExecutePlanResponse.ArrowBatch b : batches(session, tail)) {
            assertThat(b.getStartOffset()).isEqualTo(next);
            next += b.getRowCount();
            for (dev.sluice.types.Row r : ArrowRows.decode(Allocators.root(), b.getData().toByteArray(), null).rows()) out.add(r.get(0));
        }
        return out;
    }

    private void set(String session, String key, String value) {
        SparkConnectServiceGrpc.newBlockingStub(channel).config(ConfigRequest.newBuilder().setSessionId(session)
                .setOperation(ConfigRequest.Operation.newBuilder().setSet(ConfigRequest.Set.newBuilder()
                        .addPairs(KeyValue.newBuilder().setKey(key).setValue(value)))).build());
    }

    private List<ExecutePlanResponse.ArrowBatch> batches(String session, Relation root) {
        List<ExecutePlanResponse.ArrowBatch> out = new ArrayList<>();
        SparkConnectServiceGrpc.newBlockingStub(channel).executePlan(ExecutePlanRequest.newBuilder().setSessionId(session)
                .setPlan(Plan.newBuilder().setRoot(root)).build()).forEachRemaining(r -> {
                    if (r.hasArrowBatch()) out.add(r.getArrowBatch());
                });
        return out;
    }
}
