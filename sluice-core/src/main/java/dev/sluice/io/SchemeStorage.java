package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A session's storage: routes every path to the storage of its URI scheme. Plain paths and {@code file:}
 * URIs go to the local storage (or whatever the session set instead); {@code s3://bucket/key} goes to the
 * storage a {@link StorageProvider} makes for {@code s3}, created on first use so that a session that never
 * touches object storage never starts a client. A scheme written as {@code name://} with no provider fails
 * with UNSUPPORTED_OPERATION naming what to add. Closing closes the storages it created.
 */
public final class SchemeStorage implements Storage, AutoCloseable {
    /** {@code s3://...}: a scheme of two or more characters (so {@code C:/x} stays a local path) and {@code //}. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+)://");

    private final Storage local;
    private final Map<String, Storage> given;
    private final Map<String, StorageProvider> providers;
    private final Map<String, String> settings;
    private final Map<StorageProvider, Storage> created = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param local     the storage of plain paths and {@code file:} URIs
     * @param given     storages the session set for schemes (lower case), before any provider's
     * @param providers the providers by scheme (lower case)
     * @param settings  the session's settings, handed to providers
     */
    public SchemeStorage(Storage local, Map<String, Storage> given, Map<String, StorageProvider> providers,
                         Map<String, String> settings) {
        this.local = requireNonNull(local, "local");
        this.given = Map.copyOf(given);
        this.providers = Map.copyOf(providers);
        this.settings = Map.copyOf(settings);
    }

    /** The providers on the class path (through {@link ServiceLoader}), by each scheme they serve. */
    public static Map<String, StorageProvider> installedProviders() {
        Map<String, StorageProvider> out = new TreeMap<>();
        for (StorageProvider p : ServiceLoader.load(StorageProvider.class, SchemeStorage.class.getClassLoader())) {
            for (String scheme : p.schemes()) out.putIfAbsent(scheme.toLowerCase(Locale.ROOT), p);
        }
        return out;
    }

    /** The URI scheme of {@code path} in lower case, or null for a plain path or a {@code file:} URI. */
    public static String scheme(String path) {
        Matcher m = SCHEME.matcher(path);
        if (!m.find()) return null;
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        return scheme.equals("file") ? null : scheme;
    }

    @Override public Storage forPath(String path) {
        String scheme = scheme(requireNonNull(path, "path"));
        if (scheme == null) return local.forPath(path);
        Storage s = given.get(scheme);
        if (s != null) return s.forPath(path);
        StorageProvider provider = providers.get(scheme);
        if (provider == null) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "the path " + path)
                    .with("reason", "no storage for the scheme " + scheme + ":// is installed"
                            + (scheme.startsWith("s3") ? " (put the sluice-s3 module on the class path)" : "")
                            + "; schemes available: file" + (providers.isEmpty() ? "" : ", " + String.join(", ", providers.keySet())))
                    .build();
        }
        if (closed) throw SluiceException.internal("the session's storage was used after the session was closed");
        return created.computeIfAbsent(provider, p -> p.create(settings)).forPath(path);
    }

    /** Counters of every storage in use, summed by name. */
    @Override public Map<String, Long> metrics() {
        Map<String, Long> out = new TreeMap<>(local.metrics());
        List<Storage> others = new ArrayList<>(given.values());
        others.addAll(created.values());
        for (Storage s : others) s.metrics().forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    @Override public List<FileStatus> list(String directory) { return forPath(directory).list(directory); }

    @Override public FileStatus status(String path) { return forPath(path).status(path); }

    @Override public boolean exists(String path) { return forPath(path).exists(path); }

    @Override public SeekableInputStream open(String path) { return forPath(path).open(path); }

    @Override public OutputStream create(String path) { return forPath(path).create(path); }

    @Override public void rename(String from, String to) {
        Storage source = forPath(from);
        if (source != forPath(to)) {
            throw IoErrors.io(from, "cannot rename it to " + to + ": the two paths are on different storages");
        }
        source.rename(from, to);
    }

    /** Whether renames of plain paths are atomic; ask {@link #forPath} for a path's own storage. */
    @Override public boolean atomicRename() { return local.atomicRename(); }

    @Override public JobCommitter jobCommitter(String target, SaveMode mode, String jobId) {
        return forPath(target).jobCommitter(target, mode, jobId);
    }

    @Override public JobCommitter jobCommitter(String target, SaveMode mode, boolean replacePartitions, String jobId) {
        return forPath(target).jobCommitter(target, mode, replacePartitions, jobId);
    }

    @Override public boolean deleteRecursively(String path) { return forPath(path).deleteRecursively(path); }

    @Override public void mkdirs(String path) { forPath(path).mkdirs(path); }

    @Override public void sync(String path) { forPath(path).sync(path); }

    @Override public void close() {
        closed = true;
        RuntimeException failure = null;
        for (Storage s : created.values()) {
            if (!(s instanceof AutoCloseable c)) continue;
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) failure = SluiceException.internal("closing " + s + " failed: " + e);
                else failure.addSuppressed(e);
            }
        }
        created.clear();
        if (failure != null) throw failure;
    }

    @Override public String toString() { return "SchemeStorage(" + local + ", " + providers.keySet() + ")"; }
}
