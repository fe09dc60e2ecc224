package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.plan.NameSuggestions;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lines an INSERT's rows up with its table as Spark's analyzer does (ResolveUserSpecifiedColumns,
 * PreprocessTableInsertion): a column list reorders the query's columns and fills the table's other columns with
 * NULL (Spark 3.4+ with its default {@code useNullsForMissingDefaultValues}); {@code BY NAME} matches them by name;
 * without either they go by position. Static partition values ({@code PARTITION (p = 'x')}) become constant columns.
 * The result says where an overwrite replaces files: under the directory of the leading static partition values
 * (Spark's static overwrite deletes the partitions matching that prefix; no prefix: the whole table).
 */
final class TableInserts {
    /** The rows to write (the table's columns minus the prefix's), the directory under the table's, the partitioning. */
    record Plan(DataFrame rows, String prefix, List<String> partitionBy, Map<String, String> staticValues) {}

    private TableInserts() {}

    /**
     * {@code dynamicMode}: the partition overwrite mode is dynamic; an overwrite that leaves a partition column without a
     * value then replaces only the partitions written, so it writes from the table's directory down (Spark:
     * {@code dynamicPartitionOverwrite = dynamic && overwrite && staticPartitions.size < partitionColumns.length}).
     */
    static Plan plan(Sluice session, CatalogTable table, DataFrame data, InsertSpec spec, boolean overwrite, boolean dynamicMode) {
        String name = table.qualifiedName();
        StructType target = table.schema();
        Map<String, Column> partitions = normalize(table, spec.partitions());
        Set<String> statics = new HashSet<>();
        partitions.forEach((k, v) -> { if (v != null) statics.add(k); });
        boolean dynamicSeen = false;
        for (String p : table.partitionBy()) {
            if (!partitions.containsKey(p)) break;
            if (!statics.contains(p)) dynamicSeen = true;
            else if (dynamicSeen) {
                throw invalid(name, "The ordering of partition columns is " + table.partitionBy() + ". All partition columns having constant values"
                        + " need to appear before other partition columns that do not have an assigned constant value (Spark: Operation not allowed)");
            }
        }
        if (spec.ifPartitionNotExists() && statics.size() != partitions.size()) {
            throw invalid(name, "IF NOT EXISTS with dynamic partitions (Spark: Operation not allowed); give every partition a value");
        }
        List<StructField> expected = new ArrayList<>();
        for (StructField f : target.fields()) if (!statics.contains(f.name())) expected.add(f);
        Map<String, Integer> source = sources(name, target, expected, statics, data, spec);
        DataFrame byPosition = positional(data);

        Column[] all = new Column[target.size()];
        Map<String, String> staticValues = new LinkedHashMap<>();
        for (int i = 0; i < all.length; i++) {
            StructField f = target.field(i);
            Column c;
            if (statics.contains(f.name())) {
                c = partitions.get(f.name()).cast(f.dataType());
                staticValues.put(f.name(), partitionText(session, c));
            } else if (source.containsKey(f.name())) {
                int k = source.get(f.name());
                Column in = byPosition.col(byPosition.columns()[k]);
                c = data.schema().field(k).dataType().equals(f.dataType()) ? in : in.cast(f.dataType());
            } else {
                c = functions.lit(null).cast(f.dataType());   // a column the list leaves out: NULL, as Spark
            }
            all[i] = c.alias(f.name());
        }
        // the leading static partition values name the directory an overwrite replaces
        List<String> prefixColumns = new ArrayList<>();
        for (String p : table.partitionBy()) {
            if (!statics.contains(p)) break;
            prefixColumns.add(p);
        }
        boolean dynamicOverwrite = overwrite && dynamicMode && statics.size() < table.partitionBy().size();
        if (!overwrite || dynamicOverwrite) prefixColumns.clear();   // appends and dynamic overwrites write from the table's directory down
        StringBuilder prefix = new StringBuilder();
        List<Column> kept = new ArrayList<>();
        for (int i = 0; i < all.length; i++) if (!prefixColumns.contains(target.field(i).name())) kept.add(all[i]);
        for (String p : prefixColumns) {
            if (prefix.length() > 0) prefix.append('/');
            prefix.append(dev.sluice.io.PartitionDiscovery.escapePathName(p)).append('=').append(dev.sluice.io.PartitionDiscovery.escapePathName(staticValues.get(p)));
        }
        List<String> partitionBy = new ArrayList<>(table.partitionBy());
        partitionBy.removeAll(prefixColumns);
        DataFrame rows = byPosition.select(kept.toArray(new Column[0]));
        return new Plan(rows, prefix.toString(), partitionBy, staticValues);
    }

    /** The PARTITION clause's names as the table spells them; Spark's checks (names, duplicates, all or none). */
    private static Map<String, Column> normalize(CatalogTable table, Map<String, Column> spec) {
        Map<String, Column> out = new LinkedHashMap<>();
        if (spec.isEmpty()) return out;
        String name = table.qualifiedName();
        for (Map.Entry<String, Column> e : spec.entrySet()) {
            String column = table.partitionBy().stream().filter(p -> p.equalsIgnoreCase(e.getKey())).findFirst()
                    .orElseThrow(() -> invalid(name, e.getKey() + " is not a partition column of " + name + " (Spark: PARTITIONS_NOT_FOUND)"
                            + (table.partitionBy().isEmpty() ? " (it has no partition columns)" : "; its partition columns are " + table.partitionBy())));
            if (out.containsKey(column)) throw invalid(name, "the PARTITION clause names " + column + " twice");
            out.put(column, e.getValue());
        }
        if (out.size() != table.partitionBy().size()) {
            throw invalid(name, "requested partitioning does not match the table: PARTITION names " + out.keySet() + ", the table is partitioned by "
                    + table.partitionBy() + " (Spark: Requested partitioning does not match the table); name every partition column (without a value for a dynamic one)");
        }
        return out;
    }

    /** For each table column the query gives, the index of the query's column. */
    private static Map<String, Integer> sources(String name, StructType target, List<StructField> expected, Set<String> statics,
                                                DataFrame data, InsertSpec spec) {
        String[] columns = data.columns();
        Map<String, Integer> out = new HashMap<>();
        List<String> expectedNames = expected.stream().map(StructField::name).toList();
        if (spec.columns() != null || spec.byName()) {
            List<String> listed = spec.byName() ? List.of(columns) : spec.columns();
            if (!spec.byName() && listed.size() != columns.length) throw arity(name, listed, columns);
            for (int i = 0; i < listed.size(); i++) {
                String c = listed.get(i);
                String column = target.fieldNames().stream().filter(n -> n.equalsIgnoreCase(c)).findFirst().orElse(null);
                if (column == null) {
                    throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", c)
                            .with("suggestion", " Did you mean one of " + NameSuggestions.closest(c, expectedNames, 3) + "? (the columns of " + name + ")").build();
                }
                if (statics.contains(column)) {
                    throw invalid(name, "the static partition column " + column + " is also in the column list (Spark: "
                            + "INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS); remove it from one of them");
                }
                if (out.put(column, i) != null) {
                    throw SluiceException.of(ErrorCode.COLUMN_ALREADY_EXISTS).with("column", column.toLowerCase(Locale.ROOT)).build();
                }
            }
            return out;
        }
        if (columns.length != expected.size()) throw arity(name, expectedNames, columns);
        for (int i = 0; i < columns.length; i++) out.put(expected.get(i).name(), i);
        return out;
    }

    /** The query's columns renamed {@code _c0, _c1...}, so each is named by its position whatever its name ({@code 3.5}, twice {@code x}). */
    static DataFrame positional(DataFrame data) {
        String[] names = new String[data.columns().length];
        for (int i = 0; i < names.length; i++) names[i] = "_c" + i;
        return data.toDF(names);
    }

    private static SluiceException arity(String name, List<String> tableColumns, String[] dataColumns) {
        return SluiceException.of(ErrorCode.INSERT_COLUMN_ARITY_MISMATCH).with("name", name)
                .with("reason", dataColumns.length > tableColumns.size() ? "too many data columns" : "not enough data columns")
                .with("tableColumns", tableColumns.toString()).with("dataColumns", List.of(dataColumns).toString()).build();
    }

    /** A static partition value as its directory names it (Spark casts it to the column's type, then to a string). */
    private static String partitionText(Sluice session, Column value) {
        Object v = session.range(1).select(value.cast(DataTypes.STRING)).collectAsList().get(0).get(0);
        return v == null ? dev.sluice.io.PartitionDiscovery.DEFAULT_PARTITION : v.toString();
    }

    static SluiceException invalid(String table, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "INSERT into " + table).with("reason", reason).build();
    }
}
