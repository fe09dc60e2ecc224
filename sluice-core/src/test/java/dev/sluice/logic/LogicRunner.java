package dev.sluice.logic;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.SluiceException;
import dev.sluice.plan.Explain;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a logic file on one backend: every record on the base variant, then (verification) the query and error
 * records again on each other variant of the backend, all against the same expected blocks. With {@code complete}
 * the base variant's results replace the expected blocks and the new file text is returned.
 */
public final class LogicRunner {
    private final LogicBackend backend;
    private final boolean verify;

    public LogicRunner(LogicBackend backend, boolean verify) {
        this.backend = backend;
        this.verify = verify;
    }

    /** What a run found: failures (empty when the file passes) and, when completing, the rewritten text. */
    public record Outcome(List<String> failures, String completedText, int recordsRun) {}

    /** An actual result: lines (rows, explain text) with type letters, or an error code. */
    record Actual(List<String> lines, String types, String errorCode, Throwable unexpected) {
        static Actual error(SluiceException e) { return new Actual(List.of(), null, e.code().name(), e); }

        String describe() {
            if (unexpected != null && errorCode == null) return "unexpected " + unexpected;
            if (errorCode != null) return "error " + errorCode + " (" + unexpected.getMessage() + ")";
            return String.join("\n", lines);
        }
    }

    public Outcome run(String fileName, String text, boolean complete) {
        LogicFile file = LogicFile.parse(fileName, text);
        List<String> failures = new ArrayList<>();
        Map<LogicFile.Record, Actual> baseResults = new LinkedHashMap<>();
        Path dataDir = writeFiles(file);
        int run = 0;
        try {
            List<LogicBackend.Variant> variants = verify ? backend.variants() : backend.variants().subList(0, 1);
            for (LogicBackend.Variant variant : variants) {
                boolean base = variant == variants.get(0);
                try (Sluice session = backend.session(variant)) {
                    Map<String, DataFrame> tables = new HashMap<>();
                    DslEvaluator dsl = new DslEvaluator(session, tables, dataDir);
                    for (LogicFile.Record r : file.records) {
                        if (r.skips().containsKey(backend.name())) continue;
                        String where = r.location(fileName) + " [" + backend.name() + (base ? "" : ", " + variant.name()) + "]";
                        try {
                            switch (r.kind()) {
                                case FILE -> { }
                                case TABLE -> defineTable(r, session, dsl, tables);
                                case EXPLAIN -> {
                                    if (!base) continue;
                                    Actual a = explain(r, dsl, session, tables);
                                    baseResults.put(r, a);
                                    check(r, a, where, failures);
                                    run++;
                                }
                                case QUERY, ERROR -> {
                                    Actual a = execute(r, dsl, session, tables);
                                    if (base) baseResults.put(r, a);
                                    check(r, a, where, failures);
                                    run++;
                                }
                            }
                        } catch (RuntimeException e) {
                            failures.add(where + ": " + e);
                        }
                    }
                }
            }
        } finally {
            deleteRecursively(dataDir);
        }
        return new Outcome(failures, complete ? complete(file, baseResults) : null, run);
    }

    private void defineTable(LogicFile.Record r, Sluice session, DslEvaluator dsl, Map<String, DataFrame> tables) {
        String name = r.header().get(1);
        if (r.expected() == null) {
            tables.put(name, (DataFrame) dsl.evaluate(Dsl.parse(r.body())));
            return;
        }
        String ddl = r.body().substring(1, r.body().lastIndexOf(')'));
        StructType schema = DdlParser.parseSchema(ddl);
        List<Row> rows = new ArrayList<>();
        for (String line : r.expected().lines()) {
            String[] cells = line.split("\t", -1);
            if (cells.length != schema.size()) throw new IllegalArgumentException("row '" + line + "' has " + cells.length + " cells for " + schema.size() + " columns");
            Object[] values = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) values[i] = ResultText.parse(cells[i], schema.field(i).dataType());
            rows.add(new Row(schema, values));
        }
        tables.put(name, session.createDataFrame(rows, schema));
    }

    /** A record whose body is SQL (header word {@code sql}) rather than the DataFrame DSL. */
    static boolean isSql(LogicFile.Record r) { return r.header().contains("sql"); }

    private Actual execute(LogicFile.Record r, DslEvaluator dsl, Sluice session, Map<String, DataFrame> tables) {
        try {
            if (isSql(r)) {
                LogicBackend.SqlResult result = backend.sql(session, r.body(), tables);
                List<String> lines = new ArrayList<>();
                for (Row row : result.rows()) lines.add(ResultText.row(row));
                if (!r.header().contains("nosort")) java.util.Collections.sort(lines);
                return new Actual(lines, ResultText.typeLetters(result.schema()), null, null);
            }
            Object value = dsl.evaluate(Dsl.parse(r.body()));
            List<String> lines = new ArrayList<>();
            String types;
            if (value instanceof DataFrame df) {
                for (Row row : df.collect()) lines.add(ResultText.row(row));
                types = ResultText.typeLetters(df.schema());
            } else if (value instanceof List<?> list) {
                StructType schema = null;
                for (Object o : list) {
                    Row row = (Row) o;
                    schema = row.schema();
                    lines.add(ResultText.row(row));
                }
                types = schema == null ? "" : ResultText.typeLetters(schema);
            } else {
                lines.add(String.valueOf(value));
                types = value instanceof Long || value instanceof Integer ? "I" : "T";
            }
            if (!r.header().contains("nosort")) java.util.Collections.sort(lines);
            return new Actual(lines, types, null, null);
        } catch (RuntimeException e) {
            SluiceException s = DslEvaluator.sluiceCause(e);
            if (s != null) return Actual.error(s);
            return new Actual(List.of(), null, null, e);
        }
    }

    private Actual explain(LogicFile.Record r, DslEvaluator dsl, Sluice session, Map<String, DataFrame> tables) {
        DataFrame df;
        if (isSql(r)) {   // Sluice's plan for the SQL, on every backend
            for (var t : tables.entrySet()) t.getValue().createOrReplaceTempView(t.getKey());
            df = session.sql(r.body());
        } else {
            df = (DataFrame) dsl.evaluate(Dsl.parse(r.body()));
        }
        String which = r.header().size() > 1 && !r.header().get(1).equals("sql") ? r.header().get(1) : "optimized";
        String text = switch (which) {
            case "analyzed" -> Explain.tree(df.logicalPlan());
            case "optimized" -> Explain.tree(df.optimizedPlan());
            default -> throw new IllegalArgumentException("explain analyzed|optimized, not " + which);
        };
        return new Actual(List.of(text.stripTrailing().split("\n")), null, null, null);
    }

    private void check(LogicFile.Record r, Actual a, String where, List<String> failures) {
        if (r.kind() == LogicFile.Kind.ERROR) {
            String expected = r.header().get(1);
            if (!expected.equals(a.errorCode())) {
                failures.add(where + ": expected error " + expected + " but got " + (a.errorCode() == null && a.unexpected() == null ? "rows:\n" : "") + a.describe());
            }
            return;
        }
        if (a.errorCode() != null || a.unexpected() != null) {
            failures.add(where + ": expected rows but got " + a.describe() + stack(a.unexpected()));
            return;
        }
        LogicFile.Block block = r.expectedFor(backend.name());
        String types = r.kind() == LogicFile.Kind.QUERY ? declaredTypes(r) : null;
        if (types != null && !types.equals(a.types())) {
            failures.add(where + ": expected column types " + types + " but got " + a.types());
        }
        if (!block.lines().equals(a.lines())) {
            failures.add(where + ": expected\n" + String.join("\n", block.lines()) + "\nbut got\n" + String.join("\n", a.lines()));
        }
    }

    private static String stack(Throwable t) {
        if (t == null || t instanceof SluiceException) return "";
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return "\n" + w;
    }

    /** The type letters of a query header ({@code query IT rowsort}), or null when not given. */
    static String declaredTypes(LogicFile.Record r) {
        for (String h : r.header().subList(1, r.header().size())) if (h.matches("[IRTBDPXN?]+")) return h;
        return null;
    }

    /** The file with each expected block (and query type letters, error codes) replaced by this backend's results. */
    private String complete(LogicFile file, Map<LogicFile.Record, Actual> results) {
        List<String> lines = new ArrayList<>(file.lines);
        // edit bottom-up so earlier line numbers stay valid
        List<LogicFile.Record> records = new ArrayList<>(results.keySet());
        java.util.Collections.reverse(records);
        for (LogicFile.Record r : records) {
            Actual a = results.get(r);
            int headerIndex = r.line() - 1;
            if (r.kind() == LogicFile.Kind.ERROR) {
                if (a.errorCode() != null) {
                    List<String> header = new ArrayList<>(List.of("error", a.errorCode()));
                    header.addAll(r.header().subList(Math.min(2, r.header().size()), r.header().size()));   // keep "sql"
                    lines.set(headerIndex, String.join(" ", header));
                }
                continue;
            }
            if (a.errorCode() != null || a.unexpected() != null) continue;   // leave it failing: a human decides
            LogicFile.Block block = r.expectedFor(backend.name());
            List<String> region = lines.subList(block.start(), block.end());
            region.clear();
            region.addAll(a.lines());
            if (r.kind() == LogicFile.Kind.QUERY) {
                List<String> header = new ArrayList<>(List.of("query"));
                if (!a.types().isEmpty()) header.add(a.types());
                for (String h : r.header().subList(1, r.header().size())) if (!h.matches("[IRTBDPXN?]+")) header.add(h);
                lines.set(headerIndex, String.join(" ", header).trim());
            }
        }
        return String.join("\n", lines);
    }

    private static Path writeFiles(LogicFile file) {
        try {
            Path dir = Files.createTempDirectory("sluice-logic-");
            for (LogicFile.Record r : file.records) {
                if (r.kind() != LogicFile.Kind.FILE) continue;
                Path target = dir.resolve(r.header().get(1));
                Files.createDirectories(target.getParent());
                String content = r.body().isEmpty() ? "" : r.body() + "\n";
                Files.writeString(target, content, StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
