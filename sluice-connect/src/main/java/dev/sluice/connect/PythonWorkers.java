package dev.sluice.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A session's pool of Python workers: a caller takes an idle worker (or starts one), uses it for one batch and
 * gives it back; as many run at once as the engine evaluates batches in parallel. All are ended when the session
 * is released. The Python executable is the session's {@code spark.pyspark.python}, else {@code PYSPARK_PYTHON},
 * else {@code python3}.
 */
final class PythonWorkers implements AutoCloseable {
    private static final Path SCRIPT = extractScript();

    private final Supplier<String> executable;
    private final Deque<PythonWorker> idle = new ArrayDeque<>();
    private final List<PythonWorker> all = new ArrayList<>();
    private boolean closed;

    PythonWorkers(Supplier<String> executable) { this.executable = executable; }

    /** Runs {@code use} on a worker of the pool; a worker whose process died is dropped, not returned. */
    <T> T with(String function, java.util.function.Function<PythonWorker, T> use) {
        PythonWorker worker = take(function);
        try {
            return use.apply(worker);
        } finally {
            give(worker);
        }
    }

    /** A worker for a caller that holds it across calls (a map function's partition); give it back or {@link #discard} it. */
    PythonWorker take(String function) {
        synchronized (this) {
            if (closed) {
                throw ConnectErrors.unsupported("a Python UDF of a released session", "the session was released");
            }
            PythonWorker w = idle.pollFirst();
            if (w != null) return w;
        }
        PythonWorker started = PythonWorker.start(executable.get(), SCRIPT, function);
        synchronized (this) {
            all.add(started);
        }
        return started;
    }

    void give(PythonWorker worker) {
        synchronized (this) {
            if (!closed && worker.alive()) {
                idle.addFirst(worker);
                return;
            }
            all.remove(worker);
        }
        worker.close();
    }

    /** Ends a worker left in the middle of a request (a map function whose consumer stopped early). */
    void discard(PythonWorker worker) {
        synchronized (this) {
            all.remove(worker);
        }
        worker.close();
    }

    /** The number of worker processes started and not yet ended. */
    synchronized int size() { return all.size(); }

    @Override public void close() {
        List<PythonWorker> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        for (PythonWorker w : toClose) w.close();
    }

    /** The worker script, copied once from the server's resources to a temporary file Python can run. */
    private static Path extractScript() {
        try (InputStream in = PythonWorkers.class.getResourceAsStream("python_worker.py")) {
            if (in == null) throw new IllegalStateException("python_worker.py is missing from the server's resources");
            Path file = Files.createTempFile("sluice-python-worker", ".py");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
