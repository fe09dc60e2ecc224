package dev.sluice.io.s3;

import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A multipart upload whose parts are all uploaded but which is not completed yet: its object is invisible
 * until {@code CompleteMultipartUpload}, which publishes it at once. What a task commit records in its manifest.
 */
record PendingUpload(String key, String uploadId, List<CompletedPart> parts, long bytes) {
    PendingUpload {
        requireNonNull(key, "key");
        requireNonNull(uploadId, "uploadId");
        parts = List.copyOf(parts);
    }
}
