package dev.sluice.io;

import java.util.Map;
import java.util.Set;

/**
 * Makes the {@link Storage} for paths with a URI scheme other than {@code file:} ({@code s3://bucket/key}).
 * Found through {@link java.util.ServiceLoader}: a module such as sluice-s3 lists its provider in
 * {@code META-INF/services/dev.sluice.io.StorageProvider}, and a session routes every path whose scheme the
 * provider names to the storage it creates (see {@link SchemeStorage}). The core never depends on a provider.
 */
public interface StorageProvider {
    /** The URI schemes served, lower case, without the colon ({@code s3}, {@code s3a}). */
    Set<String> schemes();

    /**
     * Whether the session setting {@code key} is one of this provider's ({@code sluice.s3.endpoint}); a
     * session refuses settings that no provider claims, so a misspelt key never goes unnoticed.
     */
    boolean claims(String key);

    /**
     * Checks the settings this provider claims when the session is built (a misspelt or invalid one fails
     * there, with INVALID_OPTION, not at the first read); makes no connection.
     */
    default void check(Map<String, String> settings) {}

    /**
     * The storage for the schemes above, built from the session's settings (all of them; the provider reads
     * the ones it claims). Called at most once per session, when a path of one of the schemes is first used.
     * Fails with a coded error when a setting is invalid. The storage may hold resources (connections): a
     * storage that is {@link AutoCloseable} is closed with the session.
     */
    Storage create(Map<String, String> settings);
}
