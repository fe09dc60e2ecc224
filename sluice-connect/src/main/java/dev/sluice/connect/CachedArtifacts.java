package dev.sluice.connect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's cache artifacts ({@code cache/<sha256>}): the chunks of a large local relation that PySpark uploads
 * with AddArtifacts before sending a {@code ChunkedCachedLocalRelation} that names them by hash (Arrow IPC streams,
 * and the schema as a UTF-8 string). Held until the session is released.
 */
final class CachedArtifacts {
    static final String PREFIX = "cache/";

    private final Map<String, byte[]> byHash = new ConcurrentHashMap<>();

    void put(String hash, byte[] data) { byHash.put(hash, data); }

    boolean has(String hash) { return byHash.containsKey(hash); }

    /** The artifact's bytes; a hash never uploaded to this session is the client's error. */
    byte[] get(String hash) {
        byte[] data = byHash.get(hash);
        if (data == null) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "local relation")
                    .with("reason", "no cached artifact " + PREFIX + hash + " in this session").build();
        }
        return data;
    }

    void clear() { byHash.clear(); }
}
