package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileFormats;
import dev.sluice.io.SaveMode;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The managed tables of a session and the sessions made from it (Spark's in-memory catalog, database
 * {@code default}): what each table is, and its files in a directory named after it under the warehouse
 * ({@code spark.sql.warehouse.dir}, default {@code ./spark-warehouse} as Spark's). The table's definition lives as
 * long as the session, as with Spark's in-memory catalog; its files stay. Writes go through the DataFrame writer,
 * so they commit atomically as every write does.
 */
public final class ManagedTables {
    public static final String WAREHOUSE_KEY = "spark.sql.warehouse.dir";
    public static final String DEFAULT_DATABASE = "default";

    private final String warehouse;
    private final Map<String, ManagedTable> tables = new ConcurrentHashMap<>();
    private final Map<ManagedTable, LogicalPlan> emptyReads = new ConcurrentHashMap<>();

    ManagedTables(String warehouse) {
        this.warehouse = Path.of(warehouse == null ? "spark-warehouse" : warehouse).toAbsolutePath().normalize().toString();
    }

    /** The warehouse directory (absolute). */
    public String warehouse() { return warehouse; }

    /** The table named by {@code parts} ({@code t}, {@code default.t}, {@code spark_catalog.default.t}), if any. */
    public Optional<ManagedTable> lookup(List<String> parts) {
        String name = tableName(parts);
        return name == null ? Optional.empty() : Optional.ofNullable(tables.get(name));
    }

    /** The tables, by name. */
    public List<ManagedTable> list() { return new ArrayList<>(new TreeMap<>(tables).values()); }

    /** The table name of {@code parts} in the database {@code default}, or null when they name another database. */
    static String tableName(List<String> parts) {
        int n = parts.size();
        if (n == 1) return key(parts.get(0));
        if (n == 2 && parts.get(0).equalsIgnoreCase(DEFAULT_DATABASE)) return key(parts.get(1));
        if (n == 3 && parts.get(0).equalsIgnoreCase("spark_catalog") && parts.get(1).equalsIgnoreCase(DEFAULT_DATABASE)) return key(parts.get(2));
        return null;
    }

    /**
     * Registers a new table ({@code CREATE TABLE}); false when it existed and {@code ifNotExists} tolerates that.
     * TABLE_OR_VIEW_ALREADY_EXISTS when it exists, LOCATION_ALREADY_EXISTS when its directory is already there.
     */
    boolean create(Sluice session, List<String> parts, String format, StructType schema, Map<String, String> options, boolean ifNotExists) {
        String name = requireDefault(parts);
        FileFormats.lookup(format);   // an unknown format fails before anything is registered
        if (tables.containsKey(name)) {
            if (ifNotExists) return false;
            throw SluiceException.of(ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS).with("name", "spark_catalog.default." + name).build();
        }
        String location = warehouse + "/" + name;
        if (session.storage().exists(location)) {
            throw SluiceException.of(ErrorCode.LOCATION_ALREADY_EXISTS).with("name", "spark_catalog.default." + name).with("location", location).build();
        }
        ManagedTable table = new ManagedTable(name, format.toLowerCase(Locale.ROOT), nullable(schema), List.of(), options, location);
        if (tables.putIfAbsent(name, table) != null && !ifNotExists) {
            throw SluiceException.of(ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS).with("name", "spark_catalog.default." + name).build();
        }
        return true;
    }

    /** Drops a table and deletes its files; false when there was none and {@code ifExists} tolerates that. */
    boolean drop(Sluice session, List<String> parts, boolean ifExists) {
        String name = tableName(parts);
        ManagedTable table = name == null ? null : tables.remove(name);
        if (table == null) {
            if (ifExists) return false;
            throw SluiceException.of(ErrorCode.TABLE_OR_VIEW_NOT_FOUND).with("name", String.join(".", parts)).with("suggestion", "").build();
        }
        emptyReads.remove(table);
        session.storage().deleteRecursively(table.location());
        return true;
    }

    /** The table's rows as a plan: its files read with its schema and options (no rows before the first write). */
    LogicalPlan read(Sluice session, ManagedTable table) {
        if (!session.storage().exists(table.location())) {
            // one plan per table while it has no files, so the cache finds it again (Catalog.isCached, uncacheTable)
            return emptyReads.computeIfAbsent(table, t -> session.createDataFrame(List.of(), t.schema()).logicalPlan());
        }
        return session.read().format(table.format()).schema(table.schema()).options(table.options()).load(table.location()).logicalPlan();
    }

    /** {@code INSERT INTO/OVERWRITE} and {@code insertInto}: the columns by position, cast to the table's types. */
    WriteResult insert(Sluice session, List<String> parts, DataFrame data, boolean overwrite) {
        ManagedTable table = lookup(parts).orElseThrow(() -> SluiceException.of(ErrorCode.TABLE_OR_VIEW_NOT_FOUND)
                .with("name", String.join(".", parts)).with("suggestion", "").build());
        StructType target = table.schema();
        String[] columns = data.columns();
        if (columns.length != target.size()) {
            throw SluiceException.of(ErrorCode.INSERT_COLUMN_ARITY_MISMATCH).with("name", "spark_catalog.default." + table.name())
                    .with("reason", columns.length > target.size() ? "too many data columns" : "not enough data columns")
                    .with("tableColumns", target.fieldNames().toString()).with("dataColumns", List.of(columns).toString()).build();
        }
        Column[] aligned = new Column[columns.length];
        for (int i = 0; i < columns.length; i++) {
            StructField f = target.field(i);
            Column c = data.col(columns[i]);
            aligned[i] = (data.schema().field(i).dataType().equals(f.dataType()) ? c : c.cast(f.dataType())).alias(f.name());
        }
        return write(table, data.select(aligned), overwrite ? SaveMode.OVERWRITE : SaveMode.APPEND);
    }

    /** {@code df.write().saveAsTable(name)} and {@code CREATE TABLE ... AS SELECT}. */
    WriteResult saveAsTable(Sluice session, List<String> parts, DataFrame data, String format, Map<String, String> options, SaveMode mode) {
        String name = requireDefault(parts);
        ManagedTable existing = tables.get(name);
        if (existing != null) {
            switch (mode) {
                case ERROR_IF_EXISTS -> throw SluiceException.of(ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS).with("name", "spark_catalog.default." + name).build();
                case IGNORE -> { return null; }
                case APPEND -> { return insert(session, parts, byName(data, existing), false); }
                case OVERWRITE -> drop(session, parts, true);
            }
        }
        create(session, parts, format, data.schema(), options, false);
        try {
            return write(tables.get(name), data, SaveMode.OVERWRITE);
        } catch (RuntimeException e) {
            tables.remove(name);   // a failed CTAS leaves no table behind, as Spark's
            throw e;
        }
    }

    /** Spark's saveAsTable in append mode matches columns by name. */
    private static DataFrame byName(DataFrame data, ManagedTable table) {
        Column[] columns = new Column[table.schema().size()];
        for (int i = 0; i < columns.length; i++) columns[i] = data.col(table.schema().field(i).name());
        return data.select(columns);
    }

    private static WriteResult write(ManagedTable table, DataFrame data, SaveMode mode) {
        return data.write().format(table.format()).options(table.options()).mode(mode).save(table.location());
    }

    private static String requireDefault(List<String> parts) {
        String name = tableName(parts);
        if (name == null) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "a table in the database " + String.join(".", parts.subList(0, parts.size() - 1)))
                    .with("reason", "Sluice's catalog has the database default (and global_temp for views) only").build();
        }
        return name;
    }

    /** Files give back nullable columns, so a table's columns are nullable (as Spark's file tables). */
    private static StructType nullable(StructType schema) {
        List<StructField> out = new ArrayList<>();
        for (StructField f : schema.fields()) out.add(new StructField(f.name(), f.dataType(), true));
        return new StructType(out);
    }

    private static String key(String name) { return name.toLowerCase(Locale.ROOT); }
}
