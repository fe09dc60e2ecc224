package dev.sluice.io.s3;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;

/**
 * Turns SDK failures into Sluice's coded errors naming the path: PATH_NOT_FOUND for 404, IO_ERROR with S3's
 * error code, HTTP status and request id otherwise. Messages come from S3 or the SDK, which never include
 * credentials; our own text names only paths.
 */
final class S3Errors {
    private S3Errors() {}

    static boolean isNotFound(SdkException e) {
        return e instanceof AwsServiceException s && s.statusCode() == 404;
    }

    static SluiceException map(String path, SdkException e) {
        if (isNotFound(e)) return SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", path).cause(e).build();
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", describe(e)).cause(e).build();
    }

    static SluiceException io(String path, String reason) {
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", reason).build();
    }

    static SluiceException io(String path, IOException e) {
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path)
                .with("reason", e.getClass().getSimpleName() + ": " + e.getMessage()).cause(e).build();
    }

    static SluiceException notFound(String path) {
        return SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", path).build();
    }

    static String describe(SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return "S3 answered " + s.statusCode() + " " + s.awsErrorDetails().errorCode() + ": "
                    + s.awsErrorDetails().errorMessage() + " (request id " + s.requestId() + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
