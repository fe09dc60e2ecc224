package dev.sluice.io.s3;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A path {@code s3://bucket/some/key} split into its parts. {@code s3a://} and {@code s3n://} (Hadoop's and
 * Glue's spellings) name the same objects; a path keeps the scheme it was written with, so listings return
 * paths in the user's spelling. The key has no leading slash and no trailing slash ("" for the bucket).
 */
record S3Path(String scheme, String bucket, String key) {
    S3Path {
        requireNonNull(scheme, "scheme");
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
    }

    static S3Path parse(String path) {
        int sep = path.indexOf("://");
        if (sep < 0) throw invalid(path, "it has no scheme; write s3://bucket/key");
        String scheme = path.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!S3StorageProvider.SCHEMES.contains(scheme)) throw invalid(path, "the scheme is not one of " + S3StorageProvider.SCHEMES);
        String rest = path.substring(sep + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) throw invalid(path, "it names no bucket; write " + scheme + "://bucket/key");
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        while (key.startsWith("/")) key = key.substring(1);
        while (key.endsWith("/")) key = key.substring(0, key.length() - 1);
        return new S3Path(scheme, bucket, key);
    }

    private static SluiceException invalid(String path, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "the S3 path " + path).with("reason", reason).build();
    }

    boolean isBucket() { return key.isEmpty(); }

    /** The prefix of the objects "inside" this path as a directory: {@code key/} ("" for the bucket). */
    String dirPrefix() { return key.isEmpty() ? "" : key + "/"; }

    /** The path of another key in the same bucket and spelling. */
    S3Path withKey(String otherKey) { return new S3Path(scheme, bucket, otherKey); }

    /** {@code scheme://bucket/key}, the spelling paths are given back in. */
    @Override public String toString() { return scheme + "://" + bucket + (key.isEmpty() ? "" : "/" + key); }
}
