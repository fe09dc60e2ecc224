package dev.sluice.logic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code .qt} logic-test file. Records are separated by blank lines; {@code #} starts a comment line.
 * <pre>
 * file logs.jsonl                      a data file in the test's scratch directory, up to a line "EOF"
 * {"a":1}
 * EOF
 *
 * table t (a INT, s STRING)            a table over inline rows (tab-separated, NULL, (empty) for "")
 * ----
 * 1	x
 *
 * table logs = read().schema("a INT").json("logs.jsonl")     a table from any DSL expression
 *
 * query IT rowsort                     expected rows; types I T R B D P N X optional; rowsort (default) or nosort
 * t.select(col("a"), upper(col("s")))
 * ----
 * 1	X
 * ---- spark: why Spark differs        optional expected rows for one backend (a documented difference)
 * ...
 *
 * error CAST_INVALID_INPUT             the expected error code (at building or at the action)
 * t.select(col("s").cast("int"))
 *
 * explain optimized                    Explain.tree of the analyzed or optimized plan (same on every backend)
 * t.filter(col("a").gt(1))
 * ----
 * Filter: ...
 *
 * skip spark: reason                   a line before any record: do not run it on that backend
 * </pre>
 */
final class LogicFile {
    enum Kind { FILE, TABLE, QUERY, ERROR, EXPLAIN }

    /** Expected lines and where they sit in the file (for {@code complete}), half-open line range. */
    record Block(List<String> lines, int start, int end, String reason) {}

    record Record(Kind kind, int line, List<String> header, String body, Block expected, Map<String, Block> perBackend,
                  Map<String, String> skips) {
        String location(String file) { return file + ":" + line; }

        Block expectedFor(String backend) { return perBackend.getOrDefault(backend, expected); }
    }

    final String name;
    final List<String> lines;
    final List<Record> records;

    private LogicFile(String name, List<String> lines, List<Record> records) {
        this.name = name;
        this.lines = lines;
        this.records = records;
    }

    static LogicFile parse(String name, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<Record> records = new ArrayList<>();
        Map<String, String> skips = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                i++;
                continue;
            }
            List<String> header = List.of(line.trim().split("\\s+"));
            int start = i + 1;
            String keyword = header.get(0);
            if (keyword.equals("skip")) {
                int colon = line.indexOf(':');
                if (colon < 0) throw error(name, i, "skip BACKEND: reason");
                skips.put(line.substring(4, colon).trim(), line.substring(colon + 1).trim());
                i++;
                continue;
            }
            Kind kind = switch (keyword) {
                case "file" -> Kind.FILE;
                case "table" -> Kind.TABLE;
                case "query" -> Kind.QUERY;
                case "error" -> Kind.ERROR;
                case "explain" -> Kind.EXPLAIN;
                default -> throw error(name, i, "unknown record '" + keyword + "'");
            };
            i++;
            if (kind == Kind.FILE) {
                int end = i;
                while (end < lines.size() && !lines.get(end).equals("EOF")) end++;
                if (end == lines.size()) throw error(name, start - 1, "file record without EOF line");
                String content = String.join("\n", lines.subList(i, end));
                records.add(new Record(kind, start, header, content, null, Map.of(), Map.copyOf(skips)));
                skips.clear();
                i = end + 1;
                continue;
            }
            // body: up to '----' (records with expected blocks) or a blank line
            int bodyEnd = i;
            while (bodyEnd < lines.size() && !lines.get(bodyEnd).isBlank() && !lines.get(bodyEnd).startsWith("----")) bodyEnd++;
            String body = String.join("\n", lines.subList(i, bodyEnd)).trim();
            if (kind == Kind.TABLE) {
                // "table NAME = dsl" (the expression may go on over the next lines) or "table NAME (DDL)" + rows
                int eq = line.indexOf('=');
                int paren = line.indexOf('(');
                body = eq >= 0 && (paren < 0 || eq < paren) ? (line.substring(eq + 1) + "\n" + body).trim()
                        : line.substring(paren).trim();
            }
            i = bodyEnd;
            Block expected = null;
            Map<String, Block> perBackend = new LinkedHashMap<>();
            if (i < lines.size() && lines.get(i).equals("----")) {
                expected = block(lines, i + 1, null);
                i = expected.end;
                while (i < lines.size() && lines.get(i).startsWith("---- ")) {
                    String spec = lines.get(i).substring(5);
                    int colon = spec.indexOf(':');
                    if (colon < 0) throw error(name, i, "---- BACKEND: reason");
                    Block b = block(lines, i + 1, spec.substring(colon + 1).trim());
                    perBackend.put(spec.substring(0, colon).trim(), b);
                    i = b.end;
                }
            } else if (kind == Kind.QUERY || kind == Kind.EXPLAIN) {
                throw error(name, start - 1, kind + " record without ---- line");
            }
            records.add(new Record(kind, start, header, body, expected, perBackend, Map.copyOf(skips)));
            skips.clear();
        }
        return new LogicFile(name, lines, records);
    }

    /** Lines from {@code from} up to a blank line, the end, or the next per-backend block. */
    private static Block block(List<String> lines, int from, String reason) {
        int end = from;
        while (end < lines.size() && !lines.get(end).isEmpty() && !lines.get(end).startsWith("---- ")) end++;
        return new Block(List.copyOf(lines.subList(from, end)), from, end, reason);
    }

    private static IllegalArgumentException error(String file, int lineIndex, String what) {
        return new IllegalArgumentException(file + ":" + (lineIndex + 1) + ": " + what);
    }
}
