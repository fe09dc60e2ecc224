package dev.sluice.io.s3;

import dev.sluice.io.FileStatus;
import dev.sluice.io.JobCommitter;
import dev.sluice.io.SaveMode;
import dev.sluice.io.SeekableInputStream;
import dev.sluice.io.Storage;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@link Storage} on S3 or an S3-compatible server. Keys are files; a "directory" is a key prefix ending in
 * {@code /}: it exists when some key lies under it (or an empty marker object {@code prefix/} made by
 * {@link #mkdirs}). Listings use the {@code /} delimiter and follow every page. Renames are copies
 * followed by deletes, so not atomic: writes go through {@link S3JobCommitter} instead, which publishes by
 * completing multipart uploads. Retries with backoff are the SDK's (see {@link S3Clients}). Thread-safe.
 */
public final class S3Storage implements Storage, AutoCloseable {
    private static final int DELETE_BATCH = 1000;   // S3's limit per DeleteObjects call

    private final S3Client client;
    private final S3Settings settings;
    private final S3Metrics metrics;

    S3Storage(S3Client client, S3Settings settings, S3Metrics metrics) {
        this.client = requireNonNull(client, "client");
        this.settings = requireNonNull(settings, "settings");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    /** A storage with its own client, from session settings and the process environment. */
    public static S3Storage create(Map<String, String> sessionSettings) {
        S3Settings s = S3Settings.from(sessionSettings, System::getenv);
        S3Metrics metrics = new S3Metrics();
        return new S3Storage(S3Clients.create(s, metrics), s, metrics);
    }

    S3Client client() { return client; }

    S3Settings settings() { return settings; }

    S3Metrics s3Metrics() { return metrics; }

    @Override public List<FileStatus> list(String directory) {
        S3Path dir = S3Path.parse(directory);
        String prefix = dir.dirPrefix();
        List<FileStatus> out = new ArrayList<>();
        boolean anything = false;
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(dir.bucket()).prefix(prefix)
                    .delimiter("/").maxKeys(settings.listPageSize()).build();
            for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
                for (S3Object o : page.contents()) {
                    anything = true;
                    String name = o.key().substring(prefix.length());
                    if (name.isEmpty()) continue;   // the directory's own marker object
                    out.add(new FileStatus(dir.withKey(o.key()).toString(), o.size(), o.lastModified().toEpochMilli(), false));
                }
                for (CommonPrefix cp : page.commonPrefixes()) {
                    anything = true;
                    String key = cp.prefix().substring(0, cp.prefix().length() - 1);
                    if (key.length() <= prefix.length()) continue;   // "a//": an empty segment names nothing
                    out.add(new FileStatus(dir.withKey(key).toString(), 0, 0, true));
                }
            }
        } catch (SdkException e) {
            throw S3Errors.map(directory, e);
        }
        if (!anything && !dir.isBucket()) {
            if (isObject(dir)) throw S3Errors.io(directory, "not a directory, so it cannot be listed");
            throw S3Errors.notFound(directory);
        }
        out.sort(Comparator.comparing(FileStatus::path));
        return out;
    }

    @Override public FileStatus status(String path) {
        S3Path p = S3Path.parse(path);
        try {
            if (p.isBucket()) {
                client.headBucket(b -> b.bucket(p.bucket()));
                return new FileStatus(p.toString(), 0, 0, true);
            }
            try {
                HeadObjectResponse head = client.headObject(b -> b.bucket(p.bucket()).key(p.key()));
                return new FileStatus(p.toString(), head.contentLength(), head.lastModified().toEpochMilli(), false);
            } catch (SdkException e) {
                if (!S3Errors.isNotFound(e)) throw e;
            }
            ListObjectsV2Response under = client.listObjectsV2(b -> b.bucket(p.bucket()).prefix(p.dirPrefix()).maxKeys(1));
            if (under.keyCount() != null && under.keyCount() > 0 || !under.contents().isEmpty()) {
                return new FileStatus(p.toString(), 0, 0, true);
            }
        } catch (SdkException e) {
            throw S3Errors.map(path, e);
        }
        throw S3Errors.notFound(path);
    }

    private boolean isObject(S3Path p) {
        try {
            client.headObject(b -> b.bucket(p.bucket()).key(p.key()));
            return true;
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) return false;
            throw S3Errors.map(p.toString(), e);
        }
    }

    @Override public boolean exists(String path) {
        try {
            status(path);
            return true;
        } catch (dev.sluice.error.SluiceException e) {
            if (e.code() == dev.sluice.error.ErrorCode.PATH_NOT_FOUND) return false;
            throw e;
        }
    }

    @Override public SeekableInputStream open(String path) {
        FileStatus status = status(path);
        if (status.directory()) throw S3Errors.io(path, "is a directory, not a file");
        return new S3InputStream(this, S3Path.parse(path), status.size());
    }

    /** Streams to a new object: one PUT when small, a multipart upload (one part buffered) when large. */
    @Override public OutputStream create(String path) {
        S3Path p = S3Path.parse(path);
        if (p.isBucket()) throw S3Errors.io(path, "is a bucket, not a file");
        if (isObject(p)) throw S3Errors.io(path, "the file already exists; writers never overwrite a file in place");
        return S3OutputStream.publishing(this, p);
    }

    /** A copy of every object, then deletes: not atomic ({@link #atomicRename()} is false). */
    @Override public void rename(String from, String to) {
        S3Path source = S3Path.parse(from);
        S3Path target = S3Path.parse(to);
        if (!source.bucket().equals(target.bucket())) throw S3Errors.io(from, "cannot rename it into another bucket (" + to + ")");
        if (exists(to)) throw S3Errors.io(to, "cannot rename " + from + " onto it: it already exists");
        FileStatus status = status(from);
        try {
            if (!status.directory()) {
                copy(source.bucket(), source.key(), target.key());
                client.deleteObject(b -> b.bucket(source.bucket()).key(source.key()));
                return;
            }
            List<String> keys = listKeys(source.bucket(), source.dirPrefix());
            for (String key : keys) copy(source.bucket(), key, target.dirPrefix() + key.substring(source.dirPrefix().length()));
            deleteKeys(source.bucket(), keys, from);
        } catch (SdkException e) {
            throw S3Errors.map(from, e);
        }
    }

    void copy(String bucket, String fromKey, String toKey) {
        client.copyObject(b -> b.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket).destinationKey(toKey));
    }

    @Override public boolean atomicRename() { return false; }

    @Override public JobCommitter jobCommitter(String target, SaveMode mode, String jobId) {
        return new S3JobCommitter(this, target, mode, false, jobId);
    }

    @Override public JobCommitter jobCommitter(String target, SaveMode mode, boolean replacePartitions, String jobId) {
        return new S3JobCommitter(this, target, mode, replacePartitions, jobId);
    }

    @Override public boolean deleteRecursively(String path) {
        S3Path p = S3Path.parse(path);
        try {
            List<String> keys = listKeys(p.bucket(), p.dirPrefix());
            if (!p.isBucket() && isObject(p)) keys.add(p.key());
            if (keys.isEmpty()) return false;
            deleteKeys(p.bucket(), keys, path);
            return true;
        } catch (SdkException e) {
            throw S3Errors.map(path, e);
        }
    }

    /** Every key under {@code prefix} at any depth, following all pages. */
    List<String> listKeys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                .maxKeys(settings.listPageSize()).build();
        for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
            for (S3Object o : page.contents()) keys.add(o.key());
        }
        return keys;
    }

    /**
     * Deletes keys in batches of 1000 (one at a time with {@code sluice.s3.multiObjectDelete=false}, for
     * servers without DeleteObjects); a key S3 could not delete fails the call.
     */
    void deleteKeys(String bucket, List<String> keys, String path) {
        if (!settings.multiObjectDelete()) {
            for (String k : keys) client.deleteObject(b -> b.bucket(bucket).key(k));
            return;
        }
        for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (String k : keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH))) batch.add(ObjectIdentifier.builder().key(k).build());
            DeleteObjectsResponse r = client.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
            if (r.hasErrors() && !r.errors().isEmpty()) {
                S3Error first = r.errors().get(0);
                throw S3Errors.io(path, r.errors().size() + " objects could not be deleted, first " + first.key() + ": " + first.code() + " " + first.message());
            }
        }
    }

    /** An empty marker object {@code key/}, so an empty directory can exist; nothing when the path exists. */
    @Override public void mkdirs(String path) {
        S3Path p = S3Path.parse(path);
        if (p.isBucket() || exists(path)) return;
        try {
            client.putObject(b -> b.bucket(p.bucket()).key(p.dirPrefix()), RequestBody.empty());
        } catch (SdkException e) {
            throw S3Errors.map(path, e);
        }
    }

    @Override public Map<String, Long> metrics() { return metrics.snapshot(); }

    @Override public void close() { client.close(); }

    /** Never shows credentials (see {@link S3Settings#toString()}). */
    @Override public String toString() { return "S3Storage(" + settings.endpoint().map(Object::toString).orElse("AWS") + ")"; }
}
