package dev.sluice.memory;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where spilled state goes: one directory per session, {@code session-<pid>-<id>} under
 * {@code sluice.spill.dir} (default {@code <java.io.tmpdir>/sluice-spill}), created 0700 on the first spill,
 * files 0600. Operators delete their files when they close; the session deletes the directory when it closes
 * and at JVM exit. Directories left by JVMs that died (their pid is no longer running) are deleted when a
 * later session starts. Counts what was written, for the job report.
 */
public final class SpillManager implements AutoCloseable {
    /** The system property naming the directory under which session spill directories are created. */
    public static final String DIRECTORY_PROPERTY = "sluice.spill.dir";
    private static final String PREFIX = "session-";
    private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private final Path base;
    private volatile String name;   // chosen when something first spills: see name()
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private volatile Path directory;
    private volatile boolean dirIsPosix;   // whether the directory's file store takes POSIX permissions (looked up once)
    private Thread shutdownHook;

    public SpillManager(Path base) {
        this.base = base;
        deleteStaleDirectories(base);
    }

    /** {@code sluice.spill.dir} if set, else {@code sluice-spill} in the system temp directory. */
    public static Path defaultDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) return Paths.get(configured);
        return Paths.get(System.getProperty("java.io.tmpdir"), "sluice-spill");
    }

    /** This session's directory (it exists only once something spilled). */
    public Path directory() { return base.resolve(name()); }

    /**
     * {@code session-<pid>-<random>}, chosen on first use: {@link UUID#randomUUID()} initializes the security
     * providers and a SecureRandom, about 35 ms of CPU that a quick command which never spills (./sluice cat) would
     * otherwise pay at session start (docs/benchmark.md, "JVM warm-up and archives").
     */
    private String name() {
        String n = name;
        if (n == null) {
            synchronized (this) {
                n = name;
                if (n == null) name = n = PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
            }
        }
        return n;
    }

    /** A new, empty file private to the user, deleted by {@link SpillFile#delete} or when the session closes. */
    public SpillFile newFile(String purpose, SpillListener listener) { return newFile(purpose, listener, SpillFile.DEFAULT_WRITE_BUFFER); }

    /**
     * As {@link #newFile(String, SpillListener)}, with a write buffer of {@code writeBuffer} bytes (0: none, for
     * writers whose blocks are large already, such as hash partitions that gather their rows into blocks).
     */
    public SpillFile newFile(String purpose, SpillListener listener, int writeBuffer) {
        Path dir = ensureDirectory();
        Path path = dir.resolve(purpose.replaceAll("[^A-Za-z0-9]+", "-") + "-" + files.incrementAndGet() + ".spill");
        try {
            createPrivateFile(path, dirIsPosix);
        } catch (IOException e) {
            throw ioError(path, e);
        }
        return new SpillFile(path, this, listener, writeBuffer);
    }

    /** Spill files written and bytes written by this session (compressed), and the time spent writing. */
    public long filesWritten() { return files.get(); }

    public long bytesWritten() { return bytes.get(); }

    public long nanosSpent() { return nanos.get(); }

    void recordWrite(long written, long elapsed) {
        bytes.addAndGet(written);
        nanos.addAndGet(elapsed);
    }

    /** The spill files that currently exist in this session's directory. */
    public long liveFiles() {
        Path dir = directory;
        if (dir == null || !Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private synchronized Path ensureDirectory() {
        if (directory != null) return directory;
        Path dir = directory();
        try {
            if (!Files.isDirectory(base)) createPrivate(base, true);
            createPrivate(dir, true);
            dirIsPosix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        } catch (IOException e) {
            throw ioError(dir, e);
        }
        shutdownHook = new Thread(() -> deleteTree(dir), "sluice-spill-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        directory = dir;
        return dir;
    }

    private static void createPrivate(Path path, boolean dir) throws IOException {
        boolean posix = Files.getFileStore(path.getParent() == null ? Paths.get(".") : existingAncestor(path))
                .supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(dir ? DIRECTORY_PERMISSIONS : FILE_PERMISSIONS)}
                : new FileAttribute<?>[0];
        try {
            if (dir) Files.createDirectories(path, attrs);
            else Files.createFile(path, attrs);
        } catch (FileAlreadyExistsException e) {
            if (!dir) throw e;
        }
        // the umask may have removed bits from the attributes, never added any; set them exactly
        if (posix) Files.setPosixFilePermissions(path, dir ? DIRECTORY_PERMISSIONS : FILE_PERMISSIONS);
    }

    /** A new file, 0600 where the file store has POSIX permissions: one create, plus a chmod if the umask took bits. */
    private static void createPrivateFile(Path path, boolean posix) throws IOException {
        if (!posix) {
            Files.createFile(path);
            return;
        }
        Files.createFile(path, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS));
        // the umask may have removed bits from the attributes, never added any; set them exactly
        if (!Files.getPosixFilePermissions(path).equals(FILE_PERMISSIONS)) Files.setPosixFilePermissions(path, FILE_PERMISSIONS);
    }

    private static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath().getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        return p == null ? Paths.get("/") : p;
    }

    /** Deletes {@code session-<pid>-*} directories whose process is gone. */
    private static void deleteStaleDirectories(Path base) {
        if (!Files.isDirectory(base)) return;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path dir : dirs) {
                String rest = dir.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash <= 0) continue;
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                if (pid == ProcessHandle.current().pid()) continue;   // another session of this JVM
                deleteTree(dir);
            }
        } catch (IOException | UncheckedIOException e) {
            // a directory we cannot list is not ours to clean
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a file still open elsewhere goes at the next start
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    static SluiceException ioError(Path path, IOException e) {
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", String.valueOf(path)).with("reason", String.valueOf(e.getMessage()))
                .cause(e).build();
    }

    @Override public synchronized void close() {
        Path dir = directory;
        if (dir == null) return;
        deleteTree(dir);
        directory = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down: the hook runs anyway
        }
    }
}
