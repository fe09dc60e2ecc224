package dev.sluice.cli;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code AWS_ENDPOINT_URL_S3=http://127.0.0.1:PORT sluice cat s3://bucket/logs/ --count} in a child JVM whose
 * only S3 settings are the AWS SDK's standard environment variables, against S3Proxy on loopback.
 */
class CatS3Test {
    @Test void catCountsAnS3PrefixConfiguredOnlyByTheEnvironment() throws Exception {
        BlobStore store = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class).getBlobStore();
        S3Proxy proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "cli-access", "cli-secret").ignoreUnknownHeaders(true).build();
        proxy.start();
        try {
            while (!"STARTED".equals(proxy.getState())) Thread.sleep(5);
            store.createContainerInLocation(null, "bucket");
            for (int f = 0; f < 3; f++) {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < 10; i++) lines.append("{\"status\":").append(200 + i).append("}\n");
                store.putBlob("bucket", store.blobBuilder("logs/part-" + f + ".json").payload(lines.toString()).build());
            }
            ProcessBuilder pb = new ProcessBuilder(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "-cp", System.getProperty("java.class.path"), "dev.sluice.cli.Main", "cat", "s3://bucket/logs/", "--count",
                    "--where", "status >= 205"));
            pb.environment().put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + proxy.getPort());
            pb.environment().put("AWS_ACCESS_KEY_ID", "cli-access");
            pb.environment().put("AWS_SECRET_ACCESS_KEY", "cli-secret");
            pb.environment().remove("AWS_PROFILE");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out.strip().lines().toList()).as(out).last().isEqualTo("15");
            assertThat(out).doesNotContain("cli-secret");
        } finally {
            proxy.stop();
        }
    }
}
