package dev.sluice.io.s3;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One S3Proxy per test JVM, in process on 127.0.0.1 with jclouds' in-memory ("transient") store and real
 * AWS signature checking. Tests take a fresh bucket each ({@link #newBucket}) so they never see each other's
 * objects.
 */
final class S3TestServer {
    static final String ACCESS_KEY = "sluice-test-access";
    static final String SECRET_KEY = "sluice-test-secret-Zq81";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3TestServer instance;

    final S3Proxy proxy;
    final BlobStore store;
    final URI endpoint;

    private S3TestServer() throws Exception {
        Properties props = new Properties();
        BlobStoreContext context = ContextBuilder.newBuilder("transient").overrides(props).build(BlobStoreContext.class);
        store = context.getBlobStore();
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)   // S3Proxy 2.6 does not know the SDK's x-amz-checksum-crc32 on DeleteObjects
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            Thread.sleep(5);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    static synchronized S3TestServer get() {
        if (instance == null) {
            try {
                instance = new S3TestServer();
            } catch (Exception e) {
                throw new IllegalStateException("starting S3Proxy failed", e);
            }
        }
        return instance;
    }

    /** A new empty bucket. */
    String newBucket() {
        String name = "b" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        store.createContainerInLocation(null, name);
        return name;
    }

    /** Session settings that point Sluice at this server. */
    Map<String, String> settings() {
        return Map.of("sluice.s3.endpoint", endpoint.toString(), "sluice.s3.accessKey", ACCESS_KEY,
                "sluice.s3.secretKey", SECRET_KEY, "sluice.s3.region", "us-east-1");
    }

    /** A storage on this server with extra settings on top. */
    S3Storage storage(Map<String, String> extra) {
        java.util.Map<String, String> all = new java.util.HashMap<>(settings());
        all.putAll(extra);
        return S3Storage.create(all);
    }
}
