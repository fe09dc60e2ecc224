package dev.sluice.io.s3;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throttling (503 SlowDown) and server errors answered by the SDK's retries with backoff, through a fault proxy. */
class S3RetryTest {
    private static S3TestServer server;

    @BeforeAll static void start() { server = S3TestServer.get(); }

    private static Map<String, String> via(FaultProxy proxy, String maxAttempts) {
        return Map.of("sluice.s3.endpoint", proxy.endpoint().toString(), "sluice.s3.retry.maxAttempts", maxAttempts,
                "sluice.s3.retry.baseDelay", "5", "sluice.s3.retry.maxDelay", "50");
    }

    @Test void throttledAndFailingRequestsAreRetriedAndCounted() throws Exception {
        String b = server.newBucket();
        try (FaultProxy proxy = new FaultProxy(server.endpoint); S3Storage s3 = server.storage(via(proxy, "5"))) {
            try (OutputStream out = s3.create("s3://" + b + "/f.txt")) {
                out.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            proxy.fail(line -> line.startsWith("GET "), 503, "SlowDown", 3);
            proxy.fail(line -> line.startsWith("HEAD "), 500, "InternalError", 2);
            try (var in = s3.open("s3://" + b + "/f.txt")) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hello");
            }
            assertThat(proxy.injected.get()).isEqualTo(5);
            Map<String, Long> m = s3.metrics();
            assertThat(m.get("s3.throttled")).isEqualTo(3);
            assertThat(m.get("s3.serverErrors")).isEqualTo(2);
            assertThat(m.get("s3.retries")).isGreaterThanOrEqualTo(5);
        }
    }

    @Test void aWholeJobRunsThroughSteadyThrottling() throws Exception {
        String b = server.newBucket();
        try (FaultProxy proxy = new FaultProxy(server.endpoint)) {
            Map<String, String> settings = new java.util.HashMap<>(server.settings());
            settings.putAll(via(proxy, "10"));
            Sluice.Builder builder = Sluice.builder().parallelism(2).batchSize(64);
            settings.forEach(builder::config);
            try (Sluice sluice = builder.build()) {
                // every third request is throttled, for the write and the read back
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                proxy.fail(line -> n.incrementAndGet() % 3 == 0, 503, "SlowDown", Integer.MAX_VALUE);
                DataFrame df = sluice.createDataFrame(S3Sessions.rows(500), S3Sessions.SCHEMA);
                df.write().partitionBy("year").json("s3://" + b + "/out");
                assertThat(sluice.read().schema(S3Sessions.SCHEMA.toDDL()).json("s3://" + b + "/out").count()).isEqualTo(500);
                assertThat(sluice.storage().metrics().get("s3.throttled")).isGreaterThan(10);
            }
        }
    }

    @Test void retriesGiveUpAfterTheConfiguredAttemptsWithACodedError() throws Exception {
        String b = server.newBucket();
        try (FaultProxy proxy = new FaultProxy(server.endpoint); S3Storage s3 = server.storage(via(proxy, "3"))) {
            proxy.fail(line -> true, 503, "SlowDown", 100);
            assertThatThrownBy(() -> s3.list("s3://" + b + "/x")).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
            assertThat(proxy.injected.get()).isEqualTo(3);
        }
    }
}
