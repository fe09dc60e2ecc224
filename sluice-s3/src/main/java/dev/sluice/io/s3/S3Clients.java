package dev.sluice.io.s3;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.time.Duration;

/** Builds the SDK client an {@link S3Storage} uses from its {@link S3Settings}. */
final class S3Clients {
    private S3Clients() {}

    static S3Client create(S3Settings settings, S3Metrics metrics) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy(settings))
                .addExecutionInterceptor(metrics);
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofMillis(settings.connectTimeoutMillis()))
                        .socketTimeout(Duration.ofMillis(settings.socketTimeoutMillis())))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyleAccess())
                .overrideConfiguration(override.build());
        settings.endpoint().ifPresent(b::endpointOverride);
        if (settings.region().isPresent()) {
            b.region(Region.of(settings.region().get()));
        } else {
            // no region given: start in us-east-1 and follow S3's redirects to the bucket's own region
            b.region(Region.US_EAST_1).crossRegionAccessEnabled(true);
        }
        if (settings.endpoint().isPresent()) {
            // S3-compatible servers often lack the newer flexible checksums (x-amz-checksum-crc32): send them
            // only where S3 requires one, with the Content-MD5 that older servers expect there (DeleteObjects)
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .addPlugin(LegacyMd5Plugin.create());
        }
        return b.build();
    }

    /**
     * The SDK's standard strategy (it retries throttling such as 503 SlowDown, 5xx answers and broken
     * connections) with our attempt count and exponential backoff with jitter, and no circuit breaker: a
     * throttled batch job should slow down and go on, not give up after the retry budget runs dry.
     */
    static RetryStrategy retryStrategy(S3Settings settings) {
        Duration base = Duration.ofMillis(settings.retryBaseDelayMillis());
        Duration max = Duration.ofMillis(settings.retryMaxDelayMillis());
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(base, max))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(base.multipliedBy(2), max))
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * Keys from the settings if given; otherwise the SDK's default chain (environment variables, system
     * properties, profiles, web identity, container and instance roles). With an endpoint override, a chain
     * that finds nothing falls back to unsigned requests, so a local server that needs no keys just works.
     */
    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.anonymous()) return AnonymousCredentialsProvider.create();
        if (settings.accessKey().isPresent()) {
            String id = settings.accessKey().get();
            String secret = settings.secretKey().orElseThrow();
            return StaticCredentialsProvider.create(settings.sessionToken().isPresent()
                    ? AwsSessionCredentials.create(id, secret, settings.sessionToken().get())
                    : AwsBasicCredentials.create(id, secret));
        }
        if (settings.endpoint().isEmpty()) return DefaultCredentialsProvider.builder().build();
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(DefaultCredentialsProvider.builder().build(), AnonymousCredentialsProvider.create())
                .build();
    }
}
