package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.plan.LogicalPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the session catalog keeps beyond one session: databases, tables (managed and external), persistent views
 * and persistent functions, shared by a session and the sessions made from it (Spark's in-memory external catalog,
 * {@code spark.sql.catalogImplementation=in-memory}). Definitions live in memory as long as the root session;
 * the files stay in their directories. The database {@code default} is the warehouse
 * ({@code spark.sql.warehouse.dir}, default {@code ./spark-warehouse} made absolute, as Spark's); another database's
 * directory is {@code <warehouse>/<name>.db}; a managed table's is {@code <database directory>/<table>}.
 * Names are case-insensitive and kept lower-case, as Spark's session catalog keeps them.
 * <p>This class holds the state and checks existence; {@link Catalog} resolves names against the session's
 * current database, and {@link TableIO} reads and writes a table's files.
 */
public final class CatalogStore {
    public static final String WAREHOUSE_KEY = "spark.sql.warehouse.dir";
    public static final String DEFAULT_DATABASE = "default";

    private final String warehouse;
    private final Map<String, CatalogDatabase> databases = new ConcurrentHashMap<>();
    private final Map<String, CatalogTable> tables = new ConcurrentHashMap<>();
    private final Map<String, CatalogFunction> functions = new ConcurrentHashMap<>();
    /** Registered partitions of partitioned tables (their directories relative to the table's), by table key. */
    private final Map<String, List<String>> partitions = new ConcurrentHashMap<>();
    /** One read plan per table until its files change, so the cache finds it again (as Spark's relation cache). */
    private final Map<String, LogicalPlan> readPlans = new ConcurrentHashMap<>();

    CatalogStore(String warehouse) {
        this.warehouse = Path.of(warehouse == null ? "spark-warehouse" : warehouse).toAbsolutePath().normalize().toString();
        databases.put(DEFAULT_DATABASE, new CatalogDatabase(DEFAULT_DATABASE, "default database", this.warehouse, Map.of()));
    }

    /** The warehouse directory (absolute). */
    public String warehouse() { return warehouse; }

    static String key(String name) { return name.toLowerCase(Locale.ROOT); }

    // ---- databases ----

    public Optional<CatalogDatabase> database(String name) { return Optional.ofNullable(databases.get(key(name))); }

    public CatalogDatabase requireDatabase(String name) {
        return database(name).orElseThrow(() -> schemaNotFound(name));
    }

    static SluiceException schemaNotFound(String name) {
        return SluiceException.of(ErrorCode.SCHEMA_NOT_FOUND).with("name", "spark_catalog." + key(name)).build();
    }

    public List<CatalogDatabase> databases() { return new ArrayList<>(new TreeMap<>(databases).values()); }

    /** CREATE DATABASE: false when it existed and {@code ifNotExists} tolerates that; the directory is created. */
    boolean createDatabase(Sluice session, String name, String comment, String location, Map<String, String> properties, boolean ifNotExists) {
        String k = key(name);
        if (k.equals(Catalog.GLOBAL_TEMP_DATABASE)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "CREATE DATABASE " + name)
                    .with("reason", "global_temp is the system database of global temporary views (Spark: spark.sql.globalTempDatabase)").build();
        }
        String dir = location == null ? warehouse + "/" + k + ".db" : absolute(location);
        CatalogDatabase db = new CatalogDatabase(k, comment, dir, properties);
        if (databases.putIfAbsent(k, db) != null) {
            if (ifNotExists) return false;
            throw SluiceException.of(ErrorCode.SCHEMA_ALREADY_EXISTS).with("name", "spark_catalog." + k).build();
        }
        session.storage().mkdirs(dir);
        return true;
    }

    /**
     * DROP DATABASE: RESTRICT (the default) refuses a database holding tables, views or functions
     * (SCHEMA_NOT_EMPTY); CASCADE drops them too. The directory goes with the database, as Spark's.
     */
    boolean dropDatabase(Sluice session, String name, boolean ifExists, boolean cascade) {
        String k = key(name);
        if (!databases.containsKey(k)) {
            if (ifExists) return false;
            throw schemaNotFound(name);
        }
        if (k.equals(DEFAULT_DATABASE)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "DROP DATABASE default")
                    .with("reason", "the default database cannot be dropped (Spark: UNSUPPORTED_FEATURE.DROP_DATABASE)").build();
        }
        List<CatalogTable> held = tables(k);
        boolean hasFunctions = functions.values().stream().anyMatch(f -> k.equals(f.database()));
        if (!cascade && (!held.isEmpty() || hasFunctions)) {
            throw SluiceException.of(ErrorCode.SCHEMA_NOT_EMPTY).with("name", "spark_catalog." + k).build();
        }
        for (CatalogTable t : held) dropTable(session, t);
        functions.values().removeIf(f -> k.equals(f.database()));
        CatalogDatabase db = databases.remove(k);
        session.storage().deleteRecursively(db.location());
        return true;
    }

    // ---- tables and views ----

    public Optional<CatalogTable> table(String database, String name) {
        return Optional.ofNullable(tables.get(CatalogTable.key(database, name)));
    }

    /** The tables and views of {@code database}, by name. */
    public List<CatalogTable> tables(String database) {
        String prefix = key(database) + ".";
        TreeMap<String, CatalogTable> sorted = new TreeMap<>();
        for (Map.Entry<String, CatalogTable> e : tables.entrySet()) if (e.getKey().startsWith(prefix)) sorted.put(e.getKey(), e.getValue());
        return new ArrayList<>(sorted.values());
    }

    /** The directory of a new managed table {@code name} in {@code database}. */
    String managedLocation(String database, String name) {
        return requireDatabase(database).location() + "/" + key(name);
    }

    /** Registers a table or view; false when one existed and {@code ifNotExists} tolerates that. */
    boolean create(CatalogTable table, boolean ifNotExists) {
        requireDatabase(table.database());
        if (tables.putIfAbsent(table.key(), table) != null) {
            if (ifNotExists) return false;
            throw alreadyExists(table.database(), table.name());
        }
        return true;
    }

    static SluiceException alreadyExists(String database, String name) {
        return SluiceException.of(ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS).with("name", "spark_catalog." + key(database) + "." + key(name)).build();
    }

    /** Replaces a table's definition (ALTER TABLE, CREATE OR REPLACE VIEW); its read plan is rebuilt. */
    void replace(CatalogTable table) {
        tables.put(table.key(), table);
        invalidate(table);
    }

    /** Renames a table: its definition, partitions and (a managed table's) directory move. */
    void rename(Sluice session, CatalogTable from, CatalogTable to) {
        if (tables.putIfAbsent(to.key(), to) != null) throw alreadyExists(to.database(), to.name());
        tables.remove(from.key());
        invalidate(from);
        List<String> parts = partitions.remove(from.key());
        if (parts != null) partitions.put(to.key(), parts);
        if (from.type() == CatalogTable.Type.MANAGED && session.storage().exists(from.location())) {
            session.storage().rename(from.location(), to.location());
        }
    }

    /** Drops a table or view: a managed table's files are deleted, an external table's stay (as Spark). */
    void dropTable(Sluice session, CatalogTable table) {
        tables.remove(table.key());
        partitions.remove(table.key());
        LogicalPlan plan = readPlans.remove(table.key());
        if (plan != null) session.cacheManager().uncache(plan);
        if (table.type() == CatalogTable.Type.MANAGED) session.storage().deleteRecursively(table.location());
    }

    /** Forgets the table's read plan: the next use lists its files again. */
    LogicalPlan invalidate(CatalogTable table) { return readPlans.remove(table.key()); }

    LogicalPlan readPlan(CatalogTable table, java.util.function.Supplier<LogicalPlan> build) {
        return readPlans.computeIfAbsent(table.key(), k -> build.get());
    }

    /** The tables whose directory is {@code path} or lies under it (refreshByPath). */
    List<CatalogTable> tablesUnder(String path) {
        String p = stripFileScheme(absolute(path));
        List<CatalogTable> out = new ArrayList<>();
        for (CatalogTable t : tables.values()) {
            if (t.location() == null) continue;
            String l = stripFileScheme(t.location());
            if (l.equals(p) || l.startsWith(p + "/")) out.add(t);
        }
        return out;
    }

    // ---- partitions ----

    /** The registered partitions of a partitioned table ({@code k=v/k2=v2}), sorted. */
    public List<String> partitions(CatalogTable table) {
        return List.copyOf(new java.util.TreeSet<>(partitions.getOrDefault(table.key(), List.of())));
    }

    void setPartitions(CatalogTable table, List<String> specs) {
        partitions.put(table.key(), List.copyOf(specs));
        invalidate(table);
    }

    // ---- functions ----

    public Optional<CatalogFunction> function(String database, String name) {
        return Optional.ofNullable(functions.get(CatalogTable.key(database, name)));
    }

    public List<CatalogFunction> functions(String database) {
        String prefix = key(database) + ".";
        TreeMap<String, CatalogFunction> sorted = new TreeMap<>();
        for (Map.Entry<String, CatalogFunction> e : functions.entrySet()) if (e.getKey().startsWith(prefix)) sorted.put(e.getKey(), e.getValue());
        return new ArrayList<>(sorted.values());
    }

    boolean createFunction(CatalogFunction f, boolean replace, boolean ifNotExists) {
        requireDatabase(f.database());
        String k = CatalogTable.key(f.database(), f.name());
        if (replace) {
            functions.put(k, f);
            return true;
        }
        if (functions.putIfAbsent(k, f) != null) {
            if (ifNotExists) return false;
            throw SluiceException.of(ErrorCode.ROUTINE_ALREADY_EXISTS).with("name", "spark_catalog." + k).build();
        }
        return true;
    }

    boolean dropFunction(String database, String name) {
        return functions.remove(CatalogTable.key(database, name)) != null;
    }

    // ---- paths ----

    /** A location as given (a URI with a scheme stays as it is; a local path made absolute). */
    static String absolute(String location) {
        if (location.startsWith("file:")) return Path.of(java.net.URI.create(location.replaceFirst("^file:(?!//)", "file://"))).toString();
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) return location;   // s3a://..., kept as given
        return Path.of(location).toAbsolutePath().normalize().toString();
    }

    private static String stripFileScheme(String path) { return path.startsWith("file:") ? absolute(path) : path; }
}
