package dev.sluice.io.s3;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams bytes to one object with bounded memory: at most one part ({@code sluice.s3.multipart.partSize},
 * 8 MiB by default) is held, growing from 64 KiB as data comes. A full part is uploaded before more is taken.
 *
 * <ul>
 *   <li><b>publishing</b> ({@link S3Storage#create}): on close a small object goes up in one PUT, a large one
 *       completes its multipart upload; the object appears whole at that moment.</li>
 *   <li><b>pending</b> (task files of a write job): always a multipart upload, never completed here; on close
 *       the last part is uploaded and the {@link PendingUpload} handed to the committer, which completes it
 *       at job commit or aborts it.</li>
 * </ul>
 * A failure aborts the multipart upload, so no parts are left behind; {@link #abort()} does the same on demand.
 */
final class S3OutputStream extends OutputStream {
    private static final int INITIAL_BUFFER = 64 << 10;
    private static final int MAX_PARTS = 10_000;   // S3's limit

    private final S3Storage storage;
    private final S3Path path;
    private final int partSize;
    private final Consumer<PendingUpload> pending;     // null when publishing
    private final Consumer<String> uploadStarted;      // told each upload id as soon as it exists (for abort)

    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int count;
    private String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();
    private long bytes;
    private boolean closed;

    private S3OutputStream(S3Storage storage, S3Path path, Consumer<PendingUpload> pending, Consumer<String> uploadStarted) {
        this.storage = storage;
        this.path = path;
        this.partSize = (int) Math.min(Integer.MAX_VALUE - 16, storage.settings().partSize());
        this.pending = pending;
        this.uploadStarted = uploadStarted;
    }

    static S3OutputStream publishing(S3Storage storage, S3Path path) { return new S3OutputStream(storage, path, null, id -> { }); }

    static S3OutputStream pending(S3Storage storage, S3Path path, Consumer<String> uploadStarted, Consumer<PendingUpload> done) {
        return new S3OutputStream(storage, path, done, uploadStarted);
    }

    @Override public void write(int b) throws IOException {
        if (count == buffer.length) makeRoom();
        buffer[count++] = (byte) b;
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed: " + path);
        while (len > 0) {
            if (count == buffer.length) makeRoom();
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Grows the buffer up to one part; a full part is uploaded. */
    private void makeRoom() throws IOException {
        if (closed) throw new IOException("stream closed: " + path);
        if (buffer.length < partSize) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, (long) buffer.length * 2));
            return;
        }
        uploadPart();
    }

    private void uploadPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = storage.client().createMultipartUpload(b -> b.bucket(path.bucket()).key(path.key())).uploadId();
                uploadStarted.accept(uploadId);
            }
            if (parts.size() >= MAX_PARTS) {
                throw new IOException(path + " needs more than " + MAX_PARTS + " parts: raise sluice.s3.multipart.partSize");
            }
            int number = parts.size() + 1;
            int n = count;
            UploadPartResponse r = storage.client().uploadPart(b -> b.bucket(path.bucket()).key(path.key())
                    .uploadId(uploadId).partNumber(number).contentLength((long) n),
                    RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, n), n));
            parts.add(CompletedPart.builder().partNumber(number).eTag(r.eTag()).build());
            bytes += n;
            storage.s3Metrics().bytesWritten.addAndGet(n);
            count = 0;
        } catch (SdkException e) {
            abortQuietly();
            throw new IOException("uploading " + path + " failed: " + S3Errors.describe(e), e);
        } catch (IOException | RuntimeException e) {
            abortQuietly();
            throw e;
        }
    }

    @Override public void close() throws IOException {
        if (closed) return;
        try {
            if (pending != null) {
                if (count > 0 || parts.isEmpty()) uploadPart();   // an empty file is one empty part
                closed = true;
                pending.accept(new PendingUpload(path.key(), uploadId, parts, bytes));
            } else if (uploadId == null) {
                int n = count;
                storage.client().putObject(b -> b.bucket(path.bucket()).key(path.key()).contentLength((long) n),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, n), n));
                storage.s3Metrics().bytesWritten.addAndGet(n);
                bytes += n;
                closed = true;
            } else {
                if (count > 0) uploadPart();
                storage.client().completeMultipartUpload(b -> b.bucket(path.bucket()).key(path.key()).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
                closed = true;
            }
        } catch (SdkException e) {
            abortQuietly();
            throw new IOException("writing " + path + " failed: " + S3Errors.describe(e), e);
        } finally {
            buffer = null;
            closed = true;
        }
    }

    /** Throws the upload away (a failed or aborted task): S3 frees its parts. */
    void abort() {
        closed = true;
        buffer = null;
        abortQuietly();
    }

    private void abortQuietly() {
        String id = uploadId;
        if (id == null) return;
        try {
            storage.client().abortMultipartUpload(b -> b.bucket(path.bucket()).key(path.key()).uploadId(id));
        } catch (SdkException ignored) {
            // the committer aborts the job's uploads again by listing them
        }
    }

    long bytes() { return bytes; }
}
