package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.CountingStorage;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.Storage;

import java.nio.file.Path;

/**
 * Where a Glue path goes. {@code s3://bucket/key} maps to {@code <localRoot>/bucket/key} when a local S3 root is
 * set ({@code sluice.s3.localRoot}); otherwise it is handed to the session's storage as is, unless that storage
 * is the local disk, which would read it as a relative directory named {@code s3:}: that is refused instead.
 */
final class GluePaths {
    private GluePaths() {}

    static String resolve(String path, Path s3LocalRoot, Storage storage) {
        boolean s3 = path.startsWith("s3://") || path.startsWith("s3a://") || path.startsWith("s3n://");
        if (!s3) return path.startsWith("file://") ? path.substring("file://".length()) : path;
        String rest = path.substring(path.indexOf("://") + 3);
        if (s3LocalRoot != null) return s3LocalRoot.resolve(rest).toString();
        if (storage instanceof LocalStorage || storage instanceof CountingStorage) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "reading or writing " + path)
                    .with("reason", "this session stores files on the local disk; use a session with S3 storage, or map s3:// "
                            + "to a local copy with -Dsluice.s3.localRoot=DIR (s3://bucket/key is then DIR/bucket/key)")
                    .build();
        }
        return path;
    }
}
