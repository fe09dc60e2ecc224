package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Casts;
import dev.sluice.expr.EvalMode;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code partitionBy(cols)} on write: the directory of each row ({@code year=2026/month=11}, values rendered as
 * Spark casts them to string and escaped as Hive escapes them, NULL as {@code __HIVE_DEFAULT_PARTITION__}) and
 * the row without the partition columns.
 */
final class PartitionWriting {
    private final List<Integer> partitionIndexes = new ArrayList<>();
    private final List<String> partitionNames = new ArrayList<>();
    private final int[] dataIndexes;
    private final StructType dataSchema;

    PartitionWriting(StructType schema, List<String> partitionColumns) {
        for (String name : partitionColumns) {
            int i = -1;
            for (int f = 0; f < schema.size(); f++) if (schema.field(f).name().equalsIgnoreCase(name)) i = f;
            if (i < 0) {
                throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", name)
                        .with("suggestion", " partitionBy names a column the data does not have: " + schema.fieldNames()).build();
            }
            if (schema.field(i).dataType().isNested()) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "partitionBy")
                        .with("reason", "cannot partition by `" + name + "` of type " + schema.field(i).dataType().simpleString()).build();
            }
            partitionIndexes.add(i);
            partitionNames.add(schema.field(i).name());
        }
        List<StructField> data = new ArrayList<>();
        List<Integer> dataIdx = new ArrayList<>();
        for (int f = 0; f < schema.size(); f++) {
            if (!partitionIndexes.contains(f)) {
                data.add(schema.field(f));
                dataIdx.add(f);
            }
        }
        if (!partitionIndexes.isEmpty() && data.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "partitionBy")
                    .with("reason", "cannot use all columns for partitioning: no data column would be left").build();
        }
        this.dataIndexes = dataIdx.stream().mapToInt(Integer::intValue).toArray();
        this.dataSchema = new StructType(data);
    }

    boolean partitioned() { return !partitionIndexes.isEmpty(); }

    StructType dataSchema() { return dataSchema; }

    /** The batch's rows by partition directory (first-seen order), each without the partition columns. */
    Map<String, Batch> split(Batch batch) {
        if (!partitioned()) return Map.of("", batch);
        ColumnVector[] texts = new ColumnVector[partitionIndexes.size()];
        for (int k = 0; k < texts.length; k++) {
            texts[k] = Casts.cast(batch.column(partitionIndexes.get(k)), DataTypes.STRING, EvalMode.ANSI);
        }
        Map<String, int[]> rows = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < batch.rowCount(); r++) {
            sb.setLength(0);
            for (int k = 0; k < texts.length; k++) {
                if (k > 0) sb.append('/');
                sb.append(escape(partitionNames.get(k))).append('=')
                  .append(texts[k].isNull(r) ? PartitionDiscovery.DEFAULT_PARTITION : escape(texts[k].getString(r)));
            }
            String dir = sb.toString();
            int[] ids = rows.computeIfAbsent(dir, d -> new int[batch.rowCount()]);
            int n = counts.merge(dir, 1, Integer::sum);
            ids[n - 1] = r;
        }
        ColumnVector[] dataColumns = new ColumnVector[dataIndexes.length];
        for (int i = 0; i < dataIndexes.length; i++) dataColumns[i] = batch.column(dataIndexes[i]);
        Batch data = new Batch(dataColumns, batch.rowCount());
        Map<String, Batch> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : rows.entrySet()) out.put(e.getKey(), data.select(e.getValue(), counts.get(e.getKey())));
        return out;
    }

    /** Hive's path escaping: characters that are special in paths become %XX. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || "\"#%'*/:=?\\\u007F{[]^".indexOf(c) >= 0) sb.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
