package dev.sluice.io.s3;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Not a test: serves a directory as an S3 API on 127.0.0.1 for manual runs and the benchmark (each
 * sub-directory of {@code sluice.s3.serve.dir} is a bucket, each file an object), until the file
 * {@code <dir>/.stop} appears. Runs only when asked:
 * {@code mvn -pl sluice-s3 -am test -Dtest=S3ProxyServe -Dsluice.s3.serve.dir=/tmp/s3 -Dsluice.s3.serve.port=9000}.
 * Keys: {@code sluice-bench} / {@code sluice-bench-secret}.
 */
class S3ProxyServe {
    @Test @EnabledIfSystemProperty(named = "sluice.s3.serve.dir", matches = ".+")
    void serve() throws Exception {
        Path dir = Path.of(System.getProperty("sluice.s3.serve.dir"));
        Files.createDirectories(dir);
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", dir.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(props).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + Integer.getInteger("sluice.s3.serve.port", 9000)))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "sluice-bench", "sluice-bench-secret")
                .ignoreUnknownHeaders(true).build();
        proxy.start();
        System.out.println("S3Proxy serving " + dir + " on port " + proxy.getPort());
        Path stop = dir.resolve(".stop");
        while (!Files.exists(stop)) Thread.sleep(500);
        Files.delete(stop);
        proxy.stop();
    }
}
