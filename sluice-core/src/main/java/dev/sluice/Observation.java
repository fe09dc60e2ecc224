package dev.sluice;

import dev.sluice.exec.MetricsRun;
import dev.sluice.exec.MetricsSink;
import dev.sluice.types.Row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Spark's {@code Observation}: the metrics of {@link DataFrame#observe(Observation, Column, Column...)}, computed while
 * the first action on the observed DataFrame runs and available once it succeeded. Later actions do not change them,
 * as Spark. {@link #get} waits for that first action.
 */
public final class Observation implements MetricsSink {
    private final String name;
    private MetricsRun current;
    private Row result;

    public Observation() { this(UUID.randomUUID().toString()); }

    public Observation(String name) { this.name = name; }

    @Override public String name() { return name; }

    @Override public synchronized void started(MetricsRun run) {
        if (result == null) current = run;
    }

    /** The action that planned the current run succeeded: its values become this observation's. */
    synchronized void complete() {
        if (result != null || current == null) return;
        List<Row> rows = new ArrayList<>(1);
        Rows.appendTo(rows, current.schema(), current.result());
        result = rows.get(0);
        current = null;
        notifyAll();
    }

    /**
     * Metrics an engine computed itself (the Spark engine runs Spark's own observe): they become this observation's
     * values, unless an earlier action already gave it some.
     */
    public synchronized void completeWith(Row metrics) {
        if (result != null) return;
        result = metrics;
        current = null;
        notifyAll();
    }

    /** The metrics by name, waiting until an action on the observed DataFrame has succeeded. */
    public synchronized Map<String, Object> get() throws InterruptedException {
        while (result == null) wait();
        return asMap(result);
    }

    /** As {@link #get()}, the same map (Spark's Java name). */
    public Map<String, Object> getAsJava() throws InterruptedException { return get(); }

    /** The metrics, waiting at most {@code timeout}; empty if no action has succeeded by then. */
    public synchronized Optional<Map<String, Object>> get(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (result == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            wait(Math.max(1, left / 1_000_000L));
        }
        return Optional.of(asMap(result));
    }

    /** The metrics as a row (names and types), or empty before an action succeeded. */
    public synchronized Optional<Row> row() { return Optional.ofNullable(result); }

    private static Map<String, Object> asMap(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < row.schema().size(); i++) out.put(row.schema().field(i).name(), row.get(i));
        return out;
    }
}
