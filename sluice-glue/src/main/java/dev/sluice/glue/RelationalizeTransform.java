package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.io.Storage;
import dev.sluice.types.Row;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;

/**
 * relationalize(rootTableName, stagingPath) (GLUE.md §3.3): the root table has every struct flattened with
 * dotted names and each array replaced by a {@code long} join key; each array becomes a table
 * {@code <root>_<array path>} with {@code id} (the key), {@code index} (0-based position) and the element as
 * {@code <path>.val} (scalars) or {@code <path>.val.<field>} (struct fields, flattened); arrays inside elements
 * become tables of their own, recursively. Keys count 1, 2, 3, ... per table in record order; a null array gets
 * a null key and no rows, an empty one a key and no rows. Like Glue, the tables are materialized: one pass
 * writes them as JSON Lines under {@code stagingPath} (a temporary directory when none is given), and each
 * table's frame reads its files back with the schema known up front. The input's error records travel with the
 * root table. With an enabled job bookmark and a transformationContext, keys continue across runs from the last
 * committed run's (GLUE.md §3.3).
 */
final class RelationalizeTransform {
    private RelationalizeTransform() {}

    /** A table's layout: columns, and for each array column the child table it keys. */
    static final class Table {
        final String name;
        final List<GlueField> columns = new ArrayList<>();
        final Map<String, Table> children = new LinkedHashMap<>();   // array column -> child table

        Table(String name) { this.name = name; }

        GlueStruct schema() { return new GlueStruct(columns); }
    }

    static DynamicFrameCollection apply(DynamicFrame frame, String rootTableName, String stagingPath, TransformOptions options) {
        Lazy<Map<String, Table>> layout = Lazy.of(() -> layout(frame.plan().schema(), rootTableName));
        Lazy<String> staged = Lazy.of(() -> stage(frame, layout.get().get(rootTableName), stagingPath, options.transformationContext()));
        // the table names need the schema: the collection's members are known once it is (a pass for a file source)
        return new DynamicFrameCollection(() -> tables(frame, rootTableName, layout, staged, options), frame.glueContext());
    }

    private static Map<String, DynamicFrame> tables(DynamicFrame frame, String rootTableName, Lazy<Map<String, Table>> layout,
                                                    Lazy<String> staged, TransformOptions options) {
        Map<String, DynamicFrame> frames = new LinkedHashMap<>();
        for (String name : layout.get().keySet()) {
            boolean root = name.equals(rootTableName);
            frames.put(name, frame.derive("relationalize", options, name, stage -> {
                Table t = layout.get().get(name);
                String dir = staged.get() + "/" + safe(name);
                FramePlan text = FramePlan.of(frame.glueContext().sluice().read().format("text").load(dir), List.of(col("value")),
                        lit(null).cast(ErrorColumn.TYPE), GlueStruct.of(new GlueField("value", GlueScalar.STRING)));
                GlueStruct schema = t.schema();
                FramePlan rows = Records.apply(text, schema, line -> {
                    DynamicRecord r = (DynamicRecord) GlueJsonParser.parseAll((String) line.get("value")).get(0);
                    return List.of(RecordCoercion.toSchema(r, schema));
                }, stage);
                if (!root) return rows;
                FramePlan in = frame.plan();
                return new FramePlan(rows.data().union(JoinTransform.errorsOf(in, schema)), schema);
            }));
        }
        return frames;
    }

    static Map<String, Table> layout(GlueStruct schema, String rootName) {
        Map<String, Table> all = new LinkedHashMap<>();
        Table root = new Table(rootName);
        all.put(rootName, root);
        flatten(schema, "", root, rootName, all);
        return all;
    }

    private static void flatten(GlueType type, String prefix, Table table, String rootName, Map<String, Table> all) {
        if (type instanceof GlueStruct s) {
            for (GlueField f : s.fields()) column(f.type(), prefix + f.name(), table, rootName, all);
        }
    }

    private static void column(GlueType type, String name, Table table, String rootName, Map<String, Table> all) {
        if (type instanceof GlueStruct s && s.size() > 0) {
            flatten(s, name + ".", table, rootName, all);
        } else if (type instanceof GlueArray a) {
            table.columns.add(new GlueField(name, GlueScalar.LONG));
            Table child = new Table(rootName + "_" + name);
            child.columns.add(new GlueField("id", GlueScalar.LONG));
            child.columns.add(new GlueField("index", GlueScalar.INT));
            all.put(child.name, child);
            table.children.put(name, child);
            column(a.element(), name + ".val", child, rootName, all);
        } else {
            table.columns.add(new GlueField(name, type));
        }
    }

    /** The pass: every record split into its tables' rows, written as JSON Lines; returns the staging directory. */
    private static String stage(DynamicFrame frame, Table root, String stagingPath, String context) {
        GlueContext ctx = frame.glueContext();
        Storage storage = ctx.sluice().storage();
        String base = stagingPath == null || stagingPath.isBlank() ? privateTempDir()
                : GluePaths.resolve(stagingPath, ctx.s3LocalRoot());
        String dir = base.replaceAll("/+$", "") + "/" + java.util.UUID.randomUUID();
        Map<String, OutputStream> out = new LinkedHashMap<>();
        Map<String, long[]> keys = new LinkedHashMap<>();
        try {
            dev.sluice.glue.job.Job job = ctx.job();
            for (Table t : tables(root)) {
                out.put(t.name, new java.io.BufferedOutputStream(storage.create(dir + "/" + safe(t.name) + "/part-00000.json")));
                Long last = job == null ? null : job.counter(context, t.name);
                keys.put(t.name, new long[] {last == null ? 0 : last});   // with a bookmark, keys continue from the last run
            }
            FramePlan p = frame.plan();
            try (CloseableIterator<Row> rows = p.good().toLocalIterator()) {
                while (rows.hasNext()) {
                    DynamicRecord r = RecordCodec.decodeRecord(rows.next(), p.schema());
                    DynamicRecord rootRow = new DynamicRecord();
                    fill(rootRow, r, "", root, out, keys);
                    write(out.get(root.name), rootRow);
                }
            }
            if (job != null) for (Map.Entry<String, long[]> k : keys.entrySet()) job.setCounter(context, k.getKey(), k.getValue()[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (OutputStream o : out.values()) {
                try {
                    o.close();
                } catch (IOException e) {
                    // the read-back reports a missing or short file
                }
            }
        }
        return dir;
    }

    /** A directory only this user can read, removed when the JVM exits (Glue leaves staging files behind). */
    private static String privateTempDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sluice-relationalize");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // best effort at exit
                }
            }));
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Table> tables(Table t) {
        List<Table> all = new ArrayList<>(List.of(t));
        for (Table c : t.children.values()) all.addAll(tables(c));
        return all;
    }

    private static void fill(DynamicRecord row, Object value, String name, Table table, Map<String, OutputStream> out,
                             Map<String, long[]> keys) throws IOException {
        if (value instanceof DynamicRecord r && (name.isEmpty() || !table.children.containsKey(name))) {
            for (Map.Entry<String, Object> e : r.asMap().entrySet()) {
                String n = name.isEmpty() ? e.getKey() : name + "." + e.getKey();
                fill(row, e.getValue(), n, table, out, keys);
            }
            return;
        }
        Table child = table.children.get(name);
        if (child != null) {
            if (!(value instanceof List<?> list)) return;   // a null array: null key, no rows
            long key = ++keys.get(child.name)[0];
            row.put(name, key);
            for (int i = 0; i < list.size(); i++) {
                DynamicRecord c = new DynamicRecord().put("id", key).put("index", i);
                fill(c, list.get(i), name + ".val", child, out, keys);
                write(out.get(child.name), c);
            }
            return;
        }
        row.put(name, value);
    }

    private static void write(OutputStream o, DynamicRecord r) throws IOException {
        o.write(r.toJson().getBytes(StandardCharsets.UTF_8));
        o.write('\n');
    }

    private static String safe(String tableName) { return tableName.replaceAll("[^A-Za-z0-9_.-]", "_"); }

}
