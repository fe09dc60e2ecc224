package dev.sluice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code INSERT} names the table's columns, as Spark's InsertIntoStatement: a column list (null: none; the
 * query's columns by position), {@code BY NAME}, and the {@code PARTITION (p = 'x', q)} clause in the order written
 * (a value makes the partition static; null makes it dynamic). {@code ifPartitionNotExists}: {@code INSERT
 * OVERWRITE ... PARTITION (...) IF NOT EXISTS}.
 */
public record InsertSpec(List<String> columns, boolean byName, Map<String, Column> partitions, boolean ifPartitionNotExists) {
    public InsertSpec {
        columns = columns == null ? null : List.copyOf(columns);
        partitions = Collections.unmodifiableMap(new LinkedHashMap<>(partitions));
        if (byName && columns != null) throw new IllegalArgumentException("BY NAME and a column list exclude each other");
    }

    /** Columns by position, no PARTITION clause: {@code insertInto}, {@code INSERT INTO t query}. */
    public static final InsertSpec POSITIONAL = new InsertSpec(null, false, Map.of(), false);

    /** The static partition columns, in the order written. */
    public List<String> staticPartitions() {
        List<String> out = new ArrayList<>();
        partitions.forEach((k, v) -> { if (v != null) out.add(k); });
        return out;
    }
}
