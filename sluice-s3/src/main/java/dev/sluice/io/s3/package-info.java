/**
 * Object storage through the S3 API: {@code s3://}, {@code s3a://} and {@code s3n://} paths as a
 * {@link dev.sluice.io.Storage} (found by {@link java.util.ServiceLoader} through
 * {@link dev.sluice.io.s3.S3StorageProvider}), and a job committer that publishes by completing multipart
 * uploads instead of renaming. Built on the AWS SDK for Java v2 with its URL-connection HTTP client.
 * Depends on {@code dev.sluice.io} and {@code dev.sluice.error} only; the core knows nothing of it.
 */
package dev.sluice.io.s3;
