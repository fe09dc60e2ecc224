package dev.sluice.io.s3;

import dev.sluice.io.Storage;
import dev.sluice.io.StorageProvider;

import java.util.Map;
import java.util.Set;

/** Serves {@code s3://}, {@code s3a://} and {@code s3n://} paths with one {@link S3Storage} per session. */
public final class S3StorageProvider implements StorageProvider {
    static final Set<String> SCHEMES = Set.of("s3", "s3a", "s3n");

    @Override public Set<String> schemes() { return SCHEMES; }

    @Override public boolean claims(String key) { return S3Settings.claims(key); }

    @Override public void check(Map<String, String> settings) { S3Settings.from(settings, System::getenv); }

    @Override public Storage create(Map<String, String> settings) { return S3Storage.create(settings); }
}
