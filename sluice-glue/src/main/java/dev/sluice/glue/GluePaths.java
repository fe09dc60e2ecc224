package dev.sluice.glue;

import java.nio.file.Path;

/**
 * Where a Glue path goes. {@code s3://bucket/key} maps to {@code <localRoot>/bucket/key} when a local S3 root is
 * set ({@code sluice.s3.localRoot}); otherwise it is handed to the session's storage as is, which sends it to the
 * object store (module sluice-s3) or, when no storage serves the scheme, refuses it (UNSUPPORTED_OPERATION):
 * never silently somewhere else.
 */
final class GluePaths {
    private GluePaths() {}

    static String resolve(String path, Path s3LocalRoot) {
        boolean s3 = path.startsWith("s3://") || path.startsWith("s3a://") || path.startsWith("s3n://");
        if (!s3) return path.startsWith("file://") ? path.substring("file://".length()) : path;
        String rest = path.substring(path.indexOf("://") + 3);
        return s3LocalRoot != null ? s3LocalRoot.resolve(rest).toString() : path;
    }
}
