package dev.sluice.io.s3;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.report.JobReport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the S3 settings come from (session, S3A names, environment), their checks, and that secrets never show. */
class S3SettingsTest {
    private static final Function<String, String> NO_ENV = k -> null;

    @Test void sessionSettingsWinOverTheEnvironment() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", "http://10.0.0.9:9000", "AWS_ENDPOINT_URL", "http://other:1",
                "AWS_REGION", "eu-west-1");
        S3Settings fromEnv = S3Settings.from(Map.of(), env::get);
        assertThat(fromEnv.endpoint()).contains(URI.create("http://10.0.0.9:9000"));
        assertThat(fromEnv.region()).contains("eu-west-1");
        assertThat(fromEnv.pathStyleAccess()).isTrue();   // an IP address has no bucket host names

        S3Settings session = S3Settings.from(Map.of("sluice.s3.endpoint", "https://s3.example.com", "sluice.s3.region", "us-west-2"), env::get);
        assertThat(session.endpoint()).contains(URI.create("https://s3.example.com"));
        assertThat(session.region()).contains("us-west-2");
        assertThat(session.pathStyleAccess()).isFalse();

        assertThat(S3Settings.from(Map.of(), Map.of("AWS_ENDPOINT_URL", "http://localhost:9000")::get).pathStyleAccess()).isTrue();
        S3Settings aws = S3Settings.from(Map.of(), NO_ENV);
        assertThat(aws.endpoint()).isEmpty();
        assertThat(aws.region()).isEmpty();
        assertThat(aws.credentialSource()).isEqualTo("default AWS chain");
    }

    @Test void hadoopS3aNamesAreAliases() {
        S3Settings s = S3Settings.from(Map.of("spark.hadoop.fs.s3a.endpoint", "127.0.0.1:9000",
                "spark.hadoop.fs.s3a.connection.ssl.enabled", "false", "spark.hadoop.fs.s3a.path.style.access", "false",
                "fs.s3a.access.key", "AKIA-TEST", "fs.s3a.secret.key", "s3cr3t", "spark.hadoop.fs.s3a.multipart.size", "16M",
                "spark.hadoop.fs.s3a.endpoint.region", "ap-south-1"), NO_ENV);
        assertThat(s.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(s.pathStyleAccess()).isFalse();   // said explicitly, so not chosen automatically
        assertThat(s.accessKey()).contains("AKIA-TEST");
        assertThat(s.partSize()).isEqualTo(16L << 20);
        assertThat(s.region()).contains("ap-south-1");
    }

    @Test void unknownOrBadSettingsAreRefused() {
        for (Map<String, String> bad : java.util.List.of(
                Map.of("sluice.s3.endpoit", "http://x"),
                Map.of("spark.hadoop.fs.s3a.aws.credentials.provider", "x"),
                Map.of("sluice.s3.multipart.partSize", "1M"),
                Map.of("sluice.s3.pathStyleAccess", "yes"),
                Map.of("sluice.s3.listPageSize", "5000"),
                Map.of("sluice.s3.accessKey", "only-half"),
                Map.of("sluice.s3.endpoint", "http://"))) {
            assertThatThrownBy(() -> S3Settings.from(bad, NO_ENV)).as(bad.toString()).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        }
        assertThatThrownBy(() -> Sluice.builder().config("sluice.nothing", "1").build()).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    @Test void aSchemeWithoutStorageIsRefusedWithACode() {
        try (Sluice sluice = Sluice.builder().build()) {
            assertThatThrownBy(() -> sluice.read().json("gs://bucket/x").count()).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        }
    }

    @Test void credentialsNeverAppearInTextsErrorsOrReports() throws Exception {
        String secret = "TOPSECRET-" + Long.toHexString(System.nanoTime());
        Map<String, String> settings = new HashMap<>(S3TestServer.get().settings());
        settings.put("sluice.s3.accessKey", "AKIA" + secret);
        settings.put("sluice.s3.secretKey", secret);
        settings.put("sluice.s3.retry.maxAttempts", "1");
        S3Settings s = S3Settings.from(settings, NO_ENV);
        assertThat(s.toString()).doesNotContain(secret);
        // bad keys: S3 refuses the request; the error must not carry them
        Sluice.Builder b = Sluice.builder();
        settings.forEach(b::config);
        try (Sluice sluice = b.build(); JobReport report = JobReport.attach(sluice)) {
            String bucket = S3TestServer.get().newBucket();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> sluice.read().schema("a INT").json("s3://" + bucket + "/x").count());
            assertThat(failure).isInstanceOf(SluiceException.class);
            StringBuilder all = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) all.append(t).append('\n');
            assertThat(all.toString()).doesNotContain(secret);
            assertThat(sluice.storage().toString()).doesNotContain(secret);
            assertThat(report.html()).doesNotContain(secret);
            assertThat(sluice.storage().metrics().toString()).doesNotContain(secret);
        }
        assertThatThrownBy(() -> Sluice.builder().config("sluice.s3.secretKy", secret).build())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
        assertThat(Optional.of(s).map(Object::toString).orElseThrow()).contains("not shown");
    }
}
