package dev.sluice.connect;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
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

/** The gRPC surface with a raw protocol client: config defaults, versions, results, the bearer token, loopback. */
class ServerTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    private static ManagedChannel channel(SluiceConnectServer server) {
        return NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    @Test
    void configVersionAndARangeCount() {
        try (SluiceConnectServer server = SluiceConnectServer.start(sluice, 0)) {
            ManagedChannel ch = channel(server);
            try {
                var stub = SparkConnectServiceGrpc.newBlockingStub(ch);
                String session = UUID.randomUUID().toString();
                var config = stub.config(ConfigRequest.newBuilder().setSessionId(session).setOperation(ConfigRequest.Operation.newBuilder()
                        .setGetOption(ConfigRequest.GetOption.newBuilder().addKeys("spark.connect.session.planCompression.threshold")
                                .addKeys("spark.sql.execution.arrow.useLargeVarTypes").addKeys("no.such.key"))).build());
                assertThat(config.getPairs(0).getValue()).isEqualTo("-1");
                assertThat(config.getPairs(1).getValue()).isEqualTo("false");
                assertThat(config.getPairs(2).hasValue()).isFalse();

                var version = stub.analyzePlan(AnalyzePlanRequest.newBuilder().setSessionId(session)
                        .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance()).build());
                assertThat(version.getSparkVersion().getVersion()).isEqualTo("4.1.1");

                List<ExecutePlanResponse> responses = new ArrayList<>();
                stub.executePlan(ExecutePlanRequest.newBuilder().setSessionId(session).setPlan(Plan.newBuilder()
                        .setRoot(Relation.newBuilder().setRange(Range.newBuilder().setEnd(25).setStep(1)))).build())
                        .forEachRemaining(responses::add);
                assertThat(responses.get(0).hasSchema()).isTrue();
                assertThat(responses.get(responses.size() - 1).hasResultComplete()).isTrue();
                long rows = responses.stream().filter(ExecutePlanResponse::hasArrowBatch).mapToLong(r -> r.getArrowBatch().getRowCount()).sum();
                assertThat(rows).isEqualTo(25);
                assertThat(responses).allSatisfy(r -> assertThat(r.getSessionId()).isEqualTo(session));
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void aTokenIsRequiredWhenSet() {
        try (SluiceConnectServer server = SluiceConnectServer.start(sluice, "127.0.0.1", 0, "s3cret")) {
            ManagedChannel ch = channel(server);
            try {
                var request = AnalyzePlanRequest.newBuilder().setSessionId(UUID.randomUUID().toString())
                        .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance()).build();
                assertThatThrownBy(() -> SparkConnectServiceGrpc.newBlockingStub(ch).analyzePlan(request))
                        .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("UNAUTHENTICATED");
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer s3cret");
                var withToken = SparkConnectServiceGrpc.newBlockingStub(ch).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
                assertThat(withToken.analyzePlan(request).getSparkVersion().getVersion()).isEqualTo("4.1.1");
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void servingBeyondLoopbackNeedsAToken() {
        assertThatThrownBy(() -> SluiceConnectServer.start(sluice, "0.0.0.0", 0, null))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    @Test
    void anUnsupportedRelationIsRefusedByName() {
        try (SluiceConnectServer server = SluiceConnectServer.start(sluice, 0)) {
            ManagedChannel ch = channel(server);
            try {
                var stub = SparkConnectServiceGrpc.newBlockingStub(ch);
                Relation sample = Relation.newBuilder().setHtmlString(org.apache.spark.connect.proto.HtmlString.newBuilder()
                        .setInput(Relation.newBuilder().setRange(Range.newBuilder().setEnd(5).setStep(1))).setNumRows(5)).build();
                var request = ExecutePlanRequest.newBuilder().setSessionId(UUID.randomUUID().toString())
                        .setPlan(Plan.newBuilder().setRoot(sample)).build();
                assertThatThrownBy(() -> stub.executePlan(request).forEachRemaining(r -> { }))
                        .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("_repr_html_");
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
