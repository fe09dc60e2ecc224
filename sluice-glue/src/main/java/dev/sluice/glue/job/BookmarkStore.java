package dev.sluice.glue.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bookmark states in a local directory ({@code <dir>/<job>.json}), default {@code ~/.sluice/glue-bookmarks} or
 * {@code -Dsluice.glue.bookmarks=DIR}. A commit writes a temporary file and renames it over the old one, so a
 * reader sees the old state or the new one; a commit whose state changed since the run loaded it fails
 * (Glue's version mismatch) instead of overwriting a concurrent run's work.
 */
public final class BookmarkStore {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path dir;

    public BookmarkStore(Path dir) { this.dir = dir; }

    public static Path defaultDir() {
        String p = System.getProperty("sluice.glue.bookmarks");
        return p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".sluice", "glue-bookmarks");
    }

    public Path dir() { return dir; }

    private Path file(String job) {
        if (job.isEmpty() || job.contains("/") || job.contains("\\") || job.startsWith(".")) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "job bookmarks").with("reason", "bad job name '" + job + "'").build();
        }
        return dir.resolve(job + ".json");
    }

    public BookmarkState load(String job) {
        Path f = file(job);
        if (!Files.isRegularFile(f)) return BookmarkState.empty(job);
        try (JsonParser p = JSON.createParser(f.toFile())) {
            return read(job, p);
        } catch (IOException e) {
            throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", job).with("reason", "cannot read " + f + ": " + e.getMessage()).cause(e).build();
        }
    }

    /** Writes {@code next} if the stored version is still {@code expectedVersion}. */
    public synchronized void save(BookmarkState next, long expectedVersion) {
        BookmarkState current = load(next.jobName());
        if (current.version() != expectedVersion) {
            throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", next.jobName())
                    .with("reason", "version mismatch: the bookmark is at version " + current.version() + " but this run started from "
                            + expectedVersion + " (another run committed in between; run jobs one at a time)").build();
        }
        write(next);
    }

    /** Removes a job's state (the next run processes everything). Returns false when there was none. */
    public boolean reset(String job) {
        try {
            return Files.deleteIfExists(file(job));
        } catch (IOException e) {
            throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", job).with("reason", e.getMessage()).cause(e).build();
        }
    }

    /** Rewinds a job to the state right after run {@code runId} (later runs are forgotten). */
    public void rewind(String job, String runId) {
        BookmarkState s = load(job);
        long run = s.runNumberOf(runId);
        if (run < 0) throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", job).with("reason", "no run " + runId).build();
        List<BookmarkState.RunEntry> kept = new ArrayList<>();
        for (BookmarkState.RunEntry r : s.runs()) if (r.run() <= run) kept.add(r);
        write(new BookmarkState(job, s.version() + 1, run, 0, runId, null, kept, s.counters()));
    }

    private void write(BookmarkState s) {
        Path f = file(s.jobName());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + s.jobName(), ".tmp");
            Files.writeString(tmp, toJson(s), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", s.jobName()).with("reason", "cannot write " + f + ": " + e.getMessage()).cause(e).build();
        }
    }

    public static String toJson(BookmarkState s) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("jobName", s.jobName());
            g.writeNumberField("version", s.version());
            g.writeNumberField("run", s.run());
            g.writeNumberField("attempt", s.attempt());
            g.writeStringField("runId", s.runId());
            g.writeStringField("previousRunId", s.previousRunId());
            g.writeArrayFieldStart("runs");
            for (BookmarkState.RunEntry r : s.runs()) {
                g.writeStartObject();
                g.writeStringField("runId", r.runId());
                g.writeNumberField("run", r.run());
                g.writeObjectFieldStart("sources");
                for (Map.Entry<String, Map<String, Long>> src : r.sources().entrySet()) {
                    g.writeObjectFieldStart(src.getKey());
                    for (Map.Entry<String, Long> file : src.getValue().entrySet()) g.writeNumberField(file.getKey(), file.getValue());
                    g.writeEndObject();
                }
                g.writeEndObject();
                if (!r.keys().isEmpty()) {
                    g.writeObjectFieldStart("keys");
                    for (Map.Entry<String, BookmarkState.KeyMark> k : r.keys().entrySet()) {
                        g.writeObjectFieldStart(k.getKey());
                        g.writeArrayFieldStart("columns");
                        for (String c : k.getValue().columns()) g.writeString(c);
                        g.writeEndArray();
                        g.writeStringField("order", k.getValue().descending() ? "desc" : "asc");
                        g.writeArrayFieldStart("values");
                        for (String v : k.getValue().values()) g.writeString(v);
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("counters");
            for (Map.Entry<String, Long> c : s.counters().entrySet()) g.writeNumberField(c.getKey(), c.getValue());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString() + "\n";
    }

    private static BookmarkState read(String job, JsonParser p) throws IOException {
        p.nextToken();
        long version = 0, run = 0, attempt = 0;
        String runId = null, previous = null;
        List<BookmarkState.RunEntry> runs = new ArrayList<>();
        Map<String, Long> counters = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken t = p.nextToken();
            switch (k) {
                case "version": version = p.getLongValue(); break;
                case "run": run = p.getLongValue(); break;
                case "attempt": attempt = p.getLongValue(); break;
                case "runId": runId = t == JsonToken.VALUE_NULL ? null : p.getText(); break;
                case "previousRunId": previous = t == JsonToken.VALUE_NULL ? null : p.getText(); break;
                case "runs":
                    while (p.nextToken() == JsonToken.START_OBJECT) runs.add(readRun(p));
                    break;
                case "counters":
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        counters.put(name, p.getLongValue());
                    }
                    break;
                default: p.skipChildren();
            }
        }
        return new BookmarkState(job, version, run, attempt, runId, previous, runs, counters);
    }

    private static BookmarkState.RunEntry readRun(JsonParser p) throws IOException {
        String runId = null;
        long run = 0;
        Map<String, Map<String, Long>> sources = new LinkedHashMap<>();
        Map<String, BookmarkState.KeyMark> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            if (k.equals("runId")) runId = p.getText();
            else if (k.equals("run")) run = p.getLongValue();
            else if (k.equals("sources")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String ctx = p.currentName();
                    p.nextToken();
                    Map<String, Long> files = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String path = p.currentName();
                        p.nextToken();
                        files.put(path, p.getLongValue());
                    }
                    sources.put(ctx, files);
                }
            } else if (k.equals("keys")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String ctx = p.currentName();
                    p.nextToken();
                    List<String> columns = new ArrayList<>(), values = new ArrayList<>();
                    boolean descending = false;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("order")) descending = p.getText().equals("desc");
                        else if (field.equals("columns") || field.equals("values")) {
                            while (p.nextToken() != JsonToken.END_ARRAY) (field.equals("columns") ? columns : values).add(p.getText());
                        } else p.skipChildren();
                    }
                    keys.put(ctx, new BookmarkState.KeyMark(columns, descending, values));
                }
            } else p.skipChildren();
        }
        return new BookmarkState.RunEntry(runId, run, sources, keys);
    }
}
