package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileFormats;
import dev.sluice.io.FileStatus;
import dev.sluice.io.SaveMode;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A catalog table's files: creating a table (its directory checked or its schema inferred), reading it (one plan
 * per table until its files change; a view's SQL text parsed again), inserting into it, {@code saveAsTable}, and
 * its partitions. Every write goes through the DataFrame writer, so it commits atomically as every write does.
 */
final class TableIO {
    private static final ThreadLocal<Set<String>> EXPANDING = ThreadLocal.withInitial(HashSet::new);

    private final Sluice session;
    private final CatalogStore store;

    TableIO(Sluice session, CatalogStore store) {
        this.session = session;
        this.store = store;
    }

    /** Registers a new table (no files are written); false when it existed and {@code ifNotExists} tolerates that. */
    boolean create(Catalog.Ident id, TableDefinition def, boolean ifNotExists) {
        FileFormats.lookup(def.format());   // an unknown format fails before anything is registered
        String db = id.database().toLowerCase(Locale.ROOT);
        String name = id.name().toLowerCase(Locale.ROOT);
        store.requireDatabase(db);
        if (store.table(db, name).isPresent()) {
            if (ifNotExists) return false;
            throw CatalogStore.alreadyExists(db, name);
        }
        boolean external = def.location() != null;
        String location = external ? CatalogStore.absolute(def.location()) : store.managedLocation(db, name);
        if (!external && session.storage().exists(location)) {
            throw SluiceException.of(ErrorCode.LOCATION_ALREADY_EXISTS).with("name", id.qualified()).with("location", location).build();
        }
        StructType schema = def.schema();
        if (schema == null || schema.size() == 0) {
            if (!external || !session.storage().exists(location)) {
                throw SluiceException.of(ErrorCode.UNABLE_TO_INFER_SCHEMA).with("format", def.format().toUpperCase(Locale.ROOT)).with("path", location)
                        .with("reason", external ? "the location does not exist" : "a new managed table has no files").build();
            }
            schema = session.read().format(def.format()).options(def.options()).load(location).schema();   // inferred now, as Spark
        }
        CatalogTable table = table(db, name, def, tableSchema(schema, def.partitionBy()), location, external);
        return store.create(table, ifNotExists);
    }

    private static CatalogTable table(String db, String name, TableDefinition def, StructType schema, String location, boolean external) {
        checkColumns(schema, def.partitionBy(), "partition");
        checkColumns(schema, def.clusterBy(), "clustering");
        if (def.buckets() != null) {
            checkColumns(schema, def.buckets().columns(), "bucket");
            checkColumns(schema, def.buckets().sortColumns(), "sort");
        }
        return new CatalogTable(db, name, external ? CatalogTable.Type.EXTERNAL : CatalogTable.Type.MANAGED, def.format().toLowerCase(Locale.ROOT),
                schema, canonical(schema, def.partitionBy()), def.buckets(), canonical(schema, def.clusterBy()), def.options(), location,
                def.properties(), def.comment(), null);
    }

    /** Spark's table schema: nullable columns (files give them back nullable), the partition columns last. */
    static StructType tableSchema(StructType schema, List<String> partitionBy) {
        List<StructField> data = new ArrayList<>();
        List<StructField> parts = new ArrayList<>();
        for (StructField f : schema.fields()) {
            StructField n = new StructField(f.name(), f.dataType(), true);
            if (partitionBy.stream().anyMatch(p -> p.equalsIgnoreCase(f.name()))) parts.add(n); else data.add(n);
        }
        parts.sort(java.util.Comparator.comparingInt(f -> indexIgnoreCase(partitionBy, f.name())));
        data.addAll(parts);
        return new StructType(data);
    }

    private static int indexIgnoreCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) return i;
        return -1;
    }

    private static void checkColumns(StructType schema, List<String> columns, String kind) {
        for (String c : columns) {
            if (schema.fields().stream().noneMatch(f -> f.name().equalsIgnoreCase(c))) {
                throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", c)
                        .with("suggestion", " The " + kind + " column must be one of the table's columns " + schema.fieldNames() + ".").build();
            }
        }
    }

    /** The column names as the schema spells them. */
    private static List<String> canonical(StructType schema, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            for (StructField f : schema.fields()) if (f.name().equalsIgnoreCase(c)) out.add(f.name());
        }
        return out;
    }

    /** The table's rows as a plan: a view's query, else its files read with its schema and options. */
    LogicalPlan read(CatalogTable table) {
        if (table.isView()) return readView(table);
        return store.readPlan(table, () -> {
            boolean noFiles = !session.storage().exists(table.location())
                    || !table.partitionBy().isEmpty() && store.partitions(table).isEmpty();   // no partition registered yet
            if (noFiles) return session.createDataFrame(List.of(), table.schema()).logicalPlan();
            return session.read().format(table.format()).schema(table.schema()).options(readOptions(table.options())).load(table.location()).logicalPlan();
        });
    }

    /** A table's options minus the write-only partitionOverwriteMode (Spark's readers ignore options they do not know). */
    private static Map<String, String> readOptions(Map<String, String> options) {
        Map<String, String> out = new java.util.LinkedHashMap<>(options);
        out.keySet().removeIf(k -> k.equalsIgnoreCase("partitionOverwriteMode"));
        return out;
    }

    /** A persistent view: its SQL parsed in the database that was current when it was made, renamed to its columns. */
    private LogicalPlan readView(CatalogTable view) {
        String key = view.qualifiedName();
        Set<String> expanding = EXPANDING.get();
        if (!expanding.add(key)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "the view " + key)
                    .with("reason", "it refers to itself (Spark: RECURSIVE_VIEW)").build();
        }
        Catalog catalog = session.catalog();
        String previous = catalog.currentDatabase();
        try {
            String db = view.properties().getOrDefault("view.catalogAndNamespace.part.1", view.database());
            if (store.database(db).isPresent()) catalog.setCurrentDatabase(db);
            DataFrame df = session.sql(view.viewText());
            StructType stored = view.schema();
            if (df.columns().length != stored.size()) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "the view " + key)
                        .with("reason", "its query now gives " + df.columns().length + " columns, it was made with " + stored.size()
                                + " (Spark: INCOMPATIBLE_VIEW_SCHEMA_CHANGE); recreate it with CREATE OR REPLACE VIEW").build();
            }
            Column[] columns = new Column[stored.size()];
            for (int i = 0; i < columns.length; i++) {
                StructField f = stored.field(i);
                Column c = df.col(df.columns()[i]);
                columns[i] = (df.schema().field(i).dataType().equals(f.dataType()) ? c : c.cast(f.dataType())).alias(f.name());
            }
            return df.select(columns).logicalPlan();
        } finally {
            if (store.database(previous).isPresent()) catalog.setCurrentDatabase(previous);
            expanding.remove(key);
        }
    }

    /** {@code INSERT INTO/OVERWRITE} and {@code insertInto}: the columns by position, cast to the table's types. */
    WriteResult insert(CatalogTable table, DataFrame data, boolean overwrite) {
        StructType target = table.schema();
        String[] columns = data.columns();
        if (columns.length != target.size()) {
            throw SluiceException.of(ErrorCode.INSERT_COLUMN_ARITY_MISMATCH).with("name", table.qualifiedName())
                    .with("reason", columns.length > target.size() ? "too many data columns" : "not enough data columns")
                    .with("tableColumns", target.fieldNames().toString()).with("dataColumns", List.of(columns).toString()).build();
        }
        Column[] aligned = new Column[columns.length];
        DataFrame byPosition = TableInserts.positional(data);
        for (int i = 0; i < columns.length; i++) {
            StructField f = target.field(i);
            Column c = byPosition.col(byPosition.columns()[i]);
            aligned[i] = (data.schema().field(i).dataType().equals(f.dataType()) ? c : c.cast(f.dataType())).alias(f.name());
        }
        return write(table, byPosition.select(aligned), overwrite ? SaveMode.OVERWRITE : SaveMode.APPEND);
    }

    /**
     * SQL's {@code INSERT} with a column list, {@code BY NAME} or a {@code PARTITION} clause ({@link TableInserts}).
     * An overwrite replaces the partitions under its leading static values (all of them without one), as Spark's
     * static overwrite mode; Spark's dynamic mode is refused. Null when {@code IF NOT EXISTS} found the partition.
     */
    WriteResult insert(CatalogTable table, DataFrame data, boolean overwrite, InsertSpec spec) {
        if (spec.equals(InsertSpec.POSITIONAL)) return insert(table, data, overwrite);
        TableInserts.Plan plan = TableInserts.plan(session, table, data, spec, overwrite, dynamicOverwrite(table, table.partitionBy()));
        if (spec.ifPartitionNotExists()) {
            StringBuilder path = new StringBuilder();
            plan.staticValues().forEach((k, v) -> path.append(path.length() == 0 ? "" : "/").append(k).append('=').append(v));
            if (store.partitions(table).contains(path.toString())) return null;
        }
        return write(table, plan.rows(), overwrite ? SaveMode.OVERWRITE : SaveMode.APPEND, plan.prefix(), plan.partitionBy());
    }

    /**
     * Whether an overwrite of {@code table} writing the partition columns {@code dynamicPartitions} replaces only the
     * partitions written: the table's {@code partitionOverwriteMode} option, else the session's mode (Spark's
     * InsertIntoHadoopFsRelationCommand passes the table's storage properties as the write's options).
     */
    boolean dynamicOverwrite(CatalogTable table, List<String> dynamicPartitions) {
        if (dynamicPartitions.isEmpty()) return false;
        for (Map.Entry<String, String> e : table.options().entrySet()) {
            if (e.getKey().equalsIgnoreCase("partitionOverwriteMode")) return dev.sluice.io.FileSinkOptions.dynamicMode(e.getKey(), e.getValue());
        }
        return session.conf().dynamicPartitionOverwrite();
    }

    /** {@code df.write().saveAsTable(name)} and {@code CREATE TABLE ... AS SELECT}. */
    WriteResult saveAsTable(Catalog.Ident id, TableDefinition def, DataFrame data, SaveMode mode) {
        String db = id.database().toLowerCase(Locale.ROOT);
        String name = id.name().toLowerCase(Locale.ROOT);
        store.requireDatabase(db);
        CatalogTable existing = store.table(db, name).orElse(null);
        if (existing != null) {
            if (existing.isView()) throw Catalog.wrongKind(def.nameParts(), "view", "table", "saveAsTable");
            switch (mode) {
                case ERROR_IF_EXISTS -> throw CatalogStore.alreadyExists(db, name);
                case IGNORE -> { return null; }
                case APPEND -> { return insert(existing, byName(data, existing), false); }
                case OVERWRITE -> {
                    refuseOverwritingInput(existing, data);
                    session.catalog().dropTable(List.of(Catalog.CATALOG_NAME, db, name), true);
                }
            }
        }
        boolean external = def.location() != null;
        String location = external ? CatalogStore.absolute(def.location()) : store.managedLocation(db, name);
        if (!external && session.storage().exists(location)) {
            throw SluiceException.of(ErrorCode.LOCATION_ALREADY_EXISTS).with("name", id.qualified()).with("location", location).build();
        }
        FileFormats.lookup(def.format());
        CatalogTable table = table(db, name, def, tableSchema(data.schema(), def.partitionBy()), location, external);
        store.create(table, false);
        try {
            return write(table, byName(data, table), SaveMode.OVERWRITE);
        } catch (RuntimeException e) {
            store.dropTable(session, table);   // a failed CTAS leaves no table behind, as Spark's
            throw e;
        }
    }

    /**
     * saveAsTable in overwrite mode drops the table before writing, so rows read from it would be lost: refused, as
     * Spark refuses it (UNSUPPORTED_OVERWRITE.TABLE: "Cannot overwrite the target that is also being read from").
     */
    private static void refuseOverwritingInput(CatalogTable table, DataFrame data) {
        if (table.location() == null) return;
        String location = CatalogStore.absolute(table.location());
        for (String input : data.inputFiles()) {
            String in = CatalogStore.absolute(input);
            if (in.equals(location) || in.startsWith(location + "/")) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "saveAsTable in overwrite mode into " + table.qualifiedName())
                        .with("reason", "the rows are read from that table (Spark: UNSUPPORTED_OVERWRITE.TABLE); write them to another table first").build();
            }
        }
    }

    /** Spark's saveAsTable in append mode matches columns by name (and a new table puts partition columns last). */
    private static DataFrame byName(DataFrame data, CatalogTable table) {
        Column[] columns = new Column[table.schema().size()];
        for (int i = 0; i < columns.length; i++) columns[i] = data.col(table.schema().field(i).name());
        return data.select(columns);
    }

    /**
     * Writes the rows into the table's directory: partitioned by its partition columns (the new partitions are
     * registered), bucketed as Spark buckets (each row to bucket {@code pmod(murmur3(cols), n)}, one partition per
     * bucket, sorted by the sort columns). The table's read plan and cached rows are refreshed.
     */
    private WriteResult write(CatalogTable table, DataFrame data, SaveMode mode) {
        return write(table, data, mode, "", table.partitionBy());
    }

    /** Writes under {@code prefix} (a partition directory such as {@code p=x}; empty: the table's), partitioned by {@code partitionBy}. */
    private WriteResult write(CatalogTable table, DataFrame data, SaveMode mode, String prefix, List<String> partitionBy) {
        DataFrame rows = data;
        if (table.buckets() != null) {
            CatalogTable.BucketSpec b = table.buckets();
            Column[] keys = new Column[b.columns().size()];
            for (int i = 0; i < keys.length; i++) keys[i] = rows.col(b.columns().get(i));
            rows = rows.repartition(b.numBuckets(), keys);
            if (!b.sortColumns().isEmpty()) rows = rows.sortWithinPartitions(b.sortColumns().toArray(new String[0]));
        }
        DataFrameWriter writer = rows.write().format(table.format()).options(table.options()).mode(mode);
        if (table.buckets() != null) writer = writer.bucketFileNames();
        if (!partitionBy.isEmpty()) writer = writer.partitionBy(partitionBy.toArray(new String[0]));
        WriteResult result = writer.save(prefix.isEmpty() ? table.location() : dev.sluice.io.StoragePaths.join(table.location(), prefix));
        if (!table.partitionBy().isEmpty()) store.setPartitions(table, listPartitions(table));
        LogicalPlan old = store.invalidate(table);
        if (old != null) session.catalog().refreshCached(old, table);
        return result;
    }

    /** TRUNCATE TABLE: the managed table's files go, its directory and partitions stay. */
    void truncate(CatalogTable table) {
        if (table.type() == CatalogTable.Type.EXTERNAL) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "TRUNCATE TABLE on the external table " + table.qualifiedName())
                    .with("reason", "its files are not the catalog's to delete (Spark: Operation not allowed: TRUNCATE TABLE on external tables)").build();
        }
        session.storage().deleteRecursively(table.location());
        session.storage().mkdirs(table.location());
        store.invalidate(table);
    }

    /** Registers every partition directory found under the table's directory (Spark's RECOVER PARTITIONS). */
    void recoverPartitions(CatalogTable table) { store.setPartitions(table, listPartitions(table)); }

    /** The {@code k=v/k2=v2} directories under the table's, in the order of its partition columns. */
    private List<String> listPartitions(CatalogTable table) {
        List<String> out = new ArrayList<>();
        if (session.storage().exists(table.location())) collect(table.location(), "", table.partitionBy(), 0, out);
        return out;
    }

    private void collect(String dir, String prefix, List<String> columns, int depth, List<String> out) {
        if (depth == columns.size()) {
            out.add(prefix);
            return;
        }
        String wanted = columns.get(depth).toLowerCase(Locale.ROOT) + "=";
        for (FileStatus f : session.storage().list(dir)) {
            if (!f.directory()) continue;
            String name = dev.sluice.io.StoragePaths.name(f.path());
            if (!name.toLowerCase(Locale.ROOT).startsWith(wanted)) continue;   // _temporary, .staging and others are not partitions
            String spec = columns.get(depth) + "=" + name.substring(wanted.length());
            collect(f.path(), prefix.isEmpty() ? spec : prefix + "/" + spec, columns, depth + 1, out);
        }
    }

    /** Options of a table that say where it is: {@code path} makes it external. */
    static String pathOption(Map<String, String> options) {
        for (Map.Entry<String, String> e : options.entrySet()) if (e.getKey().equalsIgnoreCase("path")) return e.getValue();
        return null;
    }
}
