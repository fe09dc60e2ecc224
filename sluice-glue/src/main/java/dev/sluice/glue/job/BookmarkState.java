package dev.sluice.glue.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's bookmark: Glue's counters (version +1 on each update, run +1 on each successful run, attempt) and,
 * per committed run, the files each source (by transformationContext) processed, as {@code path -> modification
 * time}. A file counts as processed while its modification time is unchanged (Glue tracks times, not names).
 * {@code counters} hold the last join key each relationalize table handed out, so keys continue across runs.
 */
public record BookmarkState(String jobName, long version, long run, long attempt, String runId, String previousRunId,
                            List<RunEntry> runs, Map<String, Long> counters) {
    /**
     * What one committed run processed, per transformationContext: files (path to modification time) and, for JDBC
     * sources, the last bookmark key read.
     */
    public record RunEntry(String runId, long run, Map<String, Map<String, Long>> sources, Map<String, KeyMark> keys) {
        public RunEntry(String runId, long run, Map<String, Map<String, Long>> sources) { this(runId, run, sources, Map.of()); }
    }

    /**
     * A JDBC source's bookmark: its key columns, their order (ascending keys grow, descending keys shrink) and the
     * values of the last key read (as text), so the next run reads only rows beyond it.
     */
    public record KeyMark(List<String> columns, boolean descending, List<String> values) {
        public KeyMark {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
        }
    }

    public BookmarkState {
        runs = List.copyOf(runs);
        counters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }

    public static BookmarkState empty(String jobName) { return new BookmarkState(jobName, 0, 0, 0, null, null, List.of(), Map.of()); }

    /** Files processed by runs {@code (afterRun, upToRun]} for a source; all runs with (-1, MAX). */
    public Map<String, Long> processed(String context, long afterRun, long upToRun) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (RunEntry r : runs) {
            if (r.run() <= afterRun || r.run() > upToRun) continue;
            Map<String, Long> files = r.sources().get(context);
            if (files != null) out.putAll(files);
        }
        return out;
    }

    /** The key mark of the latest run up to {@code upToRun} that recorded one for a source, or null. */
    public KeyMark keyMark(String context, long upToRun) {
        KeyMark found = null;
        for (RunEntry r : runs) {
            if (r.run() <= upToRun && r.keys().containsKey(context)) found = r.keys().get(context);
        }
        return found;
    }

    public long runNumberOf(String runId) {
        for (RunEntry r : runs) if (r.runId().equals(runId)) return r.run();
        return -1;
    }

    BookmarkState committed(String newRunId, Map<String, Map<String, Long>> sources, Map<String, KeyMark> keys, Map<String, Long> newCounters) {
        List<RunEntry> all = new ArrayList<>(runs);
        all.add(new RunEntry(newRunId, run + 1, sources, keys));
        Map<String, Long> c = new LinkedHashMap<>(counters);
        c.putAll(newCounters);
        return new BookmarkState(jobName, version + 1, run + 1, 0, newRunId, runId, all, c);
    }
}
