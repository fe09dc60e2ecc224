package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hive-style partitions: the {@code name=value} directories between a listed root and each file
 * ({@code logs/year=2026/month=11/part-0.json}) become typed columns, as Spark discovers them: values are
 * unescaped ({@code %2F}), {@code __HIVE_DEFAULT_PARTITION__} is NULL, and a column's type is the narrowest of
 * int, bigint, double, date and string that holds all its values. Files whose directories name different
 * columns are an error (Spark's conflicting directory structures).
 */
public final class PartitionDiscovery {
    public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    /** A partition column's name or value as its directory spells it (Hive's escaping, as the writer does). */
    public static String escapePathName(String s) { return PartitionWriting.escape(s); }

    private PartitionDiscovery() {}

    /** The discovered columns and, per file path, its values (in column order). */
    public record Partitions(StructType schema, Map<String, Row> valuesByFile) {
        public boolean isEmpty() { return schema.size() == 0; }
    }

    public static Partitions discover(List<FileListing.ListedFile> files) {
        List<String> names = null;
        Map<String, List<String>> raw = new LinkedHashMap<>();
        String firstFile = null;
        for (FileListing.ListedFile f : files) {
            List<String[]> pairs = pairs(f);
            List<String> these = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (String[] p : pairs) {
                these.add(p[0]);
                values.add(p[1]);
            }
            if (names == null) {
                names = these;
                firstFile = f.file().path();
            } else if (!names.equals(these)) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "partition discovery")
                        .with("reason", "conflicting directory structures: " + firstFile + " has partition columns " + names
                                + " but " + f.file().path() + " has " + these
                                + ". Read the directories separately, or set recursiveFileLookup=true to ignore partitions")
                        .build();
            }
            raw.put(f.file().path(), values);
        }
        if (names == null || names.isEmpty()) return new Partitions(StructType.EMPTY, Map.of());
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            List<String> column = new ArrayList<>();
            for (List<String> v : raw.values()) column.add(v.get(c));
            fields.add(StructField.of(names.get(c), inferType(column)));
        }
        StructType schema = new StructType(fields);
        Map<String, Row> byFile = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            Object[] values = new Object[fields.size()];
            for (int c = 0; c < values.length; c++) values[c] = convert(e.getValue().get(c), fields.get(c).dataType());
            byFile.put(e.getKey(), new Row(schema, values));
        }
        return new Partitions(schema, byFile);
    }

    /** The (name, value) pairs of the directories between the root and the file, unescaped. */
    private static List<String[]> pairs(FileListing.ListedFile f) {
        String dir = StoragePaths.parent(f.file().path());
        String root = f.root();
        List<String[]> out = new ArrayList<>();
        if (!dir.startsWith(root) || dir.length() <= root.length()) return out;
        String rest = dir.substring(root.length());
        for (String segment : rest.split("/")) {
            if (segment.isEmpty()) continue;
            int eq = segment.indexOf('=');
            if (eq <= 0) break;   // a plain directory below the partition directories: looked through, as Spark
            out.add(new String[] {unescape(segment.substring(0, eq)), unescape(segment.substring(eq + 1))});
        }
        return out;
    }

    private static String unescape(String s) {
        return s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static DataType inferType(List<String> values) {
        DataType best = null;
        for (String v : values) {
            if (v.equals(DEFAULT_PARTITION)) continue;
            DataType t = typeOf(v);
            best = best == null ? t : wider(best, t);
        }
        return best == null ? DataTypes.STRING : best;
    }

    private static DataType typeOf(String v) {
        if (v.matches("-?\\d+")) {
            try {
                Integer.parseInt(v);
                return DataTypes.INT;
            } catch (NumberFormatException e) {
                try {
                    Long.parseLong(v);
                    return DataTypes.LONG;
                } catch (NumberFormatException e2) {
                    return DataTypes.STRING;
                }
            }
        }
        if (v.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) return DataTypes.DOUBLE;
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                LocalDate.parse(v);
                return DataTypes.DATE;
            } catch (RuntimeException e) {
                return DataTypes.STRING;
            }
        }
        return DataTypes.STRING;
    }

    private static DataType wider(DataType a, DataType b) {
        if (a.equals(b)) return a;
        if (a.isNumeric() && b.isNumeric()) {
            if (a.equals(DataTypes.DOUBLE) || b.equals(DataTypes.DOUBLE)) return DataTypes.DOUBLE;
            return DataTypes.LONG;
        }
        return DataTypes.STRING;
    }

    static Object convert(String v, DataType type) {
        if (v.equals(DEFAULT_PARTITION)) return null;
        if (type.equals(DataTypes.INT)) return Integer.parseInt(v);
        if (type.equals(DataTypes.LONG)) return Long.parseLong(v);
        if (type.equals(DataTypes.DOUBLE)) return new BigDecimal(v).doubleValue();
        if (type.equals(DataTypes.DATE)) return LocalDate.parse(v);
        return v;
    }
}
