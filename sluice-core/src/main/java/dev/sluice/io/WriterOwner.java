package dev.sluice.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Who owns a write's staging directory or commit lock: job id, process id, host and the process's start time,
 * stored as a small text file. Recovery asks {@link #alive} before touching anything of another writer: on
 * this host the process must still run (the same pid with the same start time, so a reused pid does not
 * count); on another host its heartbeat (the newest file in its staging directory) must be recent.
 */
public record WriterOwner(String jobId, long pid, String host, long processStartMillis) {
    /** A writer on another host whose heartbeat is older than this is considered dead. */
    public static final long FOREIGN_HEARTBEAT_TIMEOUT_MILLIS = 2 * 60_000L;
    private static final String HOST = hostName();

    /** The owner for a job of this process. */
    public static WriterOwner current(String jobId) {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        return new WriterOwner(jobId, self.pid(), HOST, start);
    }

    public boolean onThisHost() { return host.equals(HOST); }

    public boolean inThisProcess() { return onThisHost() && pid == ProcessHandle.current().pid(); }

    /**
     * Whether the owner may still be writing. {@code activeHere} answers for a job of this process;
     * {@code lastHeartbeatMillis} is the newest modification time of its files (for another host).
     */
    public boolean alive(boolean activeHere, long lastHeartbeatMillis) {
        if (inThisProcess()) return activeHere;
        if (onThisHost()) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) return false;
            long start = p.get().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            return processStartMillis == 0 || start == 0 || Math.abs(start - processStartMillis) < 2_000;
        }
        return System.currentTimeMillis() - lastHeartbeatMillis < FOREIGN_HEARTBEAT_TIMEOUT_MILLIS;
    }

    public String encode() {
        return "job=" + jobId + "\npid=" + pid + "\nhost=" + host + "\nprocessStart=" + processStartMillis + "\nend=1\n";
    }

    /** Parses {@link #encode}'s text; empty when the text is not an owner file (a crash while writing it). */
    public static Optional<WriterOwner> decode(String text) {
        String job = null;
        String host = null;
        long pid = -1;
        long start = 0;
        if (!text.endsWith("end=1\n")) return Optional.empty();   // cut short by a crash while it was written
        try {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq < 0) continue;
                String value = line.substring(eq + 1);
                switch (line.substring(0, eq)) {
                    case "job" -> job = value;
                    case "pid" -> pid = Long.parseLong(value);
                    case "host" -> host = value;
                    case "processStart" -> start = Long.parseLong(value);
                    default -> { }
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (job == null || host == null || pid < 0) return Optional.empty();
        return Optional.of(new WriterOwner(job, pid, host, start));
    }

    /** Writes the owner file at {@code path} and makes it durable. */
    public void writeTo(Storage storage, String path) {
        writeUnsyncedTo(storage, path);
        storage.sync(path);
    }

    /**
     * Writes the owner file at {@code path} without syncing its content: for a file whose name alone matters, made
     * durable by a sync of its directory.
     */
    public void writeUnsyncedTo(Storage storage, String path) {
        try (OutputStream out = storage.create(path)) {
            out.write(encode().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw IoErrors.io(path, e);
        }
    }

    /** Reads an owner file; empty when it is missing or unreadable. */
    public static Optional<WriterOwner> readFrom(Storage storage, String path) {
        try (InputStream in = storage.open(path)) {
            return decode(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The kernel's host name first: it needs no name lookup, so two processes on one host always agree. A lookup
     * that failed in one process under load (falling back to "localhost") made a dead writer on this host look like
     * a live one on another, and its staging directory survived recovery (a CrashInjectionTest flake).
     */
    private static String hostName() {
        try {
            String kernel = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
            if (!kernel.isEmpty()) return kernel.toLowerCase(Locale.ROOT);
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver
        }
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (IOException | RuntimeException e) {
            return env == null ? "localhost" : env.toLowerCase(Locale.ROOT);
        }
    }
}
