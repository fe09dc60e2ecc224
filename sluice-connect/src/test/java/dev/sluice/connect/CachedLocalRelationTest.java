package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.Sluice;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import org.apache.spark.connect.proto.AddArtifactsRequest;
import org.apache.spark.connect.proto.AddArtifactsResponse;
import org.apache.spark.connect.proto.ArtifactStatusesRequest;
import org.apache.spark.connect.proto.ChunkedCachedLocalRelation;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Large local relations as PySpark sends them above {@code localRelationCacheThreshold}: Arrow chunks and the schema
 * uploaded as {@code cache/<sha256>} artifacts (whole in a batch, or spread over chunks), then a
 * ChunkedCachedLocalRelation naming them; CRC failures reported, other artifacts refused.
 */
class CachedLocalRelationTest {
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

    static final StructType SCHEMA = StructType.of(StructField.of("k", DataTypes.INT), StructField.of("v", DataTypes.STRING));

    @Test void chunksUploadedAsArtifactsAreReadInOrderAsOneRelation() throws Exception {
        String session = UUID.randomUUID().toString();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < 25_000; k++) rows.add(Row.of(SCHEMA, k % 97 == 0 ? null : k, "v" + k));
        byte[] first = ArrowBatches.encode(Allocators.root(), SCHEMA, rows.subList(0, 10_000));
        byte[] second = ArrowBatches.encode(Allocators.root(), SCHEMA, rows.subList(10_000, 25_000));
        byte[] schema = "k INT, v STRING".getBytes(StandardCharsets.UTF_8);
        String h1 = "a1", h2 = "b2", hs = "c3";
        assertThat(exists(session, h1)).isFalse();
        AddArtifactsResponse batch = upload(session, List.of(batchOf(session, "cache/" + h1, first), batchOf(session, "cache/" + hs, schema)));
        assertThat(batch.getArtifactsList()).allSatisfy(s -> assertThat(s.getIsCrcSuccessful()).isTrue());
        AddArtifactsResponse chunked = upload(session, chunks(session, "cache/" + h2, second, 4096));
        assertThat(chunked.getArtifacts(0).getName()).isEqualTo("cache/" + h2);
        assertThat(chunked.getArtifacts(0).getIsCrcSuccessful()).isTrue();
        assertThat(exists(session, h1)).isTrue();
        assertThat(exists(session, h2)).isTrue();

        Relation relation = Relation.newBuilder().setChunkedCachedLocalRelation(ChunkedCachedLocalRelation.newBuilder()
                .addDataHashes(h1).addDataHashes(h2).setSchemaHash(hs)).build();
        List<Row> got = collect(session, relation);
        assertThat(got).hasSize(rows.size());
        for (int k = 0; k < rows.size(); k += 997) assertThat(got.get(k)).isEqualTo(rows.get(k));
        assertThat(got.get(24_999)).isEqualTo(rows.get(24_999));
        assertThat(exists(UUID.randomUUID().toString(), h1)).as("another session's artifacts").isFalse();
    }

    @Test void aFailedCrcIsReportedAndNothingKept() throws Exception {
        String session = UUID.randomUUID().toString();
        AddArtifactsRequest bad = AddArtifactsRequest.newBuilder().setSessionId(session).setBatch(AddArtifactsRequest.Batch.newBuilder()
                .addArtifacts(AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName("cache/bad")
                        .setData(AddArtifactsRequest.ArtifactChunk.newBuilder().setData(ByteString.copyFromUtf8("x")).setCrc(12345)))).build();
        assertThat(upload(session, List.of(bad)).getArtifacts(0).getIsCrcSuccessful()).isFalse();
        assertThat(exists(session, "bad")).isFalse();
    }

    @Test void otherArtifactsAreRefused() {
        String session = UUID.randomUUID().toString();
        assertThatThrownBy(() -> upload(session, List.of(batchOf(session, "jars/a.jar", new byte[] {1}))))
                .hasMessageContaining("jars/a.jar");
    }

    private static AddArtifactsRequest batchOf(String session, String name, byte[] data) {
        return AddArtifactsRequest.newBuilder().setSessionId(session).setBatch(AddArtifactsRequest.Batch.newBuilder()
                .addArtifacts(AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName(name).setData(chunk(data, 0, data.length)))).build();
    }

    private static List<AddArtifactsRequest> chunks(String session, String name, byte[] data, int size) {
        List<AddArtifactsRequest> out = new ArrayList<>();
        int count = (data.length + size - 1) / size;
        out.add(AddArtifactsRequest.newBuilder().setSessionId(session).setBeginChunk(AddArtifactsRequest.BeginChunkedArtifact.newBuilder()
                .setName(name).setTotalBytes(data.length).setNumChunks(count).setInitialChunk(chunk(data, 0, Math.min(size, data.length)))).build());
        for (int from = size; from < data.length; from += size) {
            out.add(AddArtifactsRequest.newBuilder().setSessionId(session).setChunk(chunk(data, from, Math.min(data.length, from + size))).build());
        }
        return out;
    }

    private static AddArtifactsRequest.ArtifactChunk chunk(byte[] data, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(data, from, to - from);
        return AddArtifactsRequest.ArtifactChunk.newBuilder().setData(ByteString.copyFrom(data, from, to - from)).setCrc(crc.getValue()).build();
    }

    private static AddArtifactsResponse upload(String session, List<AddArtifactsRequest> requests) throws Exception {
        CompletableFuture<AddArtifactsResponse> result = new CompletableFuture<>();
        StreamObserver<AddArtifactsRequest> in = SparkConnectServiceGrpc.newStub(channel).addArtifacts(new StreamObserver<>() {
            @Override public void onNext(AddArtifactsResponse r) { result.complete(r); }
            @Override public void onError(Throwable t) { result.completeExceptionally(t); }
            @Override public void onCompleted() { }
        });
        for (AddArtifactsRequest r : requests) in.onNext(r);
        in.onCompleted();
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (StatusRuntimeException) e.getCause();
        }
    }

    private static boolean exists(String session, String hash) {
        return SparkConnectServiceGrpc.newBlockingStub(channel).artifactStatus(ArtifactStatusesRequest.newBuilder()
                .setSessionId(session).addNames("cache/" + hash).build()).getStatusesOrThrow("cache/" + hash).getExists();
    }

    private static List<Row> collect(String session, Relation root) {
        List<Row> out = new ArrayList<>();
        SparkConnectServiceGrpc.newBlockingStub(channel).executePlan(ExecutePlanRequest.newBuilder().setSessionId(session)
                .setPlan(Plan.newBuilder().setRoot(root)).build()).forEachRemaining(r -> {
                    if (r.hasArrowBatch()) out.addAll(ArrowRows.decode(Allocators.root(), r.getArrowBatch().getData().toByteArray(), SCHEMA).rows());
                });
        return out;
    }
}
