package dev.sluice.io.s3;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what one {@link S3Storage} asks of S3: HTTP requests by operation (every attempt, so retries
 * count), retried attempts, throttling answers (503 / 429), and the bytes read and written. An SDK
 * interceptor sees each attempt; the streams add the bytes. Names are stable ({@code s3.requests.GetObject},
 * {@code s3.retries}, {@code s3.throttled}, {@code s3.bytesRead}, {@code s3.bytesWritten}).
 */
final class S3Metrics implements ExecutionInterceptor {
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();

    @Override public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        executions.incrementAndGet();
    }

    @Override public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        requests.computeIfAbsent(operation == null ? "other" : operation, k -> new AtomicLong()).incrementAndGet();
    }

    @Override public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        if (status == 503 || status == 429) throttled.incrementAndGet();
        else if (status >= 500) serverErrors.incrementAndGet();
    }

    long requests(String operation) {
        AtomicLong n = requests.get(operation);
        return n == null ? 0 : n.get();
    }

    long totalRequests() { return attempts.get(); }

    /** Attempts beyond the first of each call: the retries the SDK's retry strategy made. */
    long retries() { return Math.max(0, attempts.get() - executions.get()); }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((op, n) -> out.put("s3.requests." + op, n.get()));
        out.put("s3.requests", attempts.get());
        out.put("s3.retries", retries());
        out.put("s3.throttled", throttled.get());
        out.put("s3.serverErrors", serverErrors.get());
        out.put("s3.bytesRead", bytesRead.get());
        out.put("s3.bytesWritten", bytesWritten.get());
        return out;
    }
}
