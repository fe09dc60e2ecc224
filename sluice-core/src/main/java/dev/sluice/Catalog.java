package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.NameSuggestions;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session catalog, as Spark's {@code SessionCatalog} over its in-memory external catalog: this session's
 * temporary views and temporary functions and its current database; the global temporary views of the JVM
 * (database {@code global_temp}); and, shared with the sessions made from this one, the databases, tables,
 * persistent views and functions of {@link CatalogStore}. A name resolves as in Spark: {@code t} is a temporary
 * view, else {@code <current database>.t}; {@code db.t} and {@code spark_catalog.db.t} name a database's table or
 * view; {@code global_temp.v} a global temporary view. Views hold plans (temporary) or SQL text (persistent), so
 * using them reads nothing until an action runs.
 */
public final class Catalog {
    /** The database holding global temporary views, as Spark's {@code spark.sql.globalTempDatabase}. */
    public static final String GLOBAL_TEMP_DATABASE = "global_temp";
    /** The one catalog, as Spark's session catalog. */
    public static final String CATALOG_NAME = "spark_catalog";

    private static final Map<String, LogicalPlan> GLOBAL_VIEWS = new ConcurrentHashMap<>();

    private final Map<String, LogicalPlan> views = new ConcurrentHashMap<>();
    private final Map<String, CatalogFunction> tempFunctions = new ConcurrentHashMap<>();
    private final Sluice session;
    private final CatalogStore store;
    private final TableIO io;
    private volatile String currentDatabase = CatalogStore.DEFAULT_DATABASE;

    Catalog(Sluice session, CatalogStore store) {
        this.session = session;
        this.store = store;
        this.io = new TableIO(session, store);
    }

    /** The databases, tables, views and functions shared with the sessions made by newSession, as Spark's catalog. */
    public CatalogStore store() { return store; }

    /** A table's name resolved against the current database: the database and the name, as given. */
    public record Ident(String database, String name) {
        public String qualified() { return CATALOG_NAME + "." + database.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT); }
    }

    /** {@code t} → (current database, t); {@code db.t}; {@code spark_catalog.db.t}; other forms are refused. */
    public Ident ident(List<String> parts) {
        int n = parts.size();
        if (n == 1) return new Ident(currentDatabase, parts.get(0));
        if (n == 2) return new Ident(parts.get(0).toLowerCase(Locale.ROOT), parts.get(1));
        if (n == 3 && parts.get(0).equalsIgnoreCase(CATALOG_NAME)) return new Ident(parts.get(1).toLowerCase(Locale.ROOT), parts.get(2));
        throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "the name " + String.join(".", parts))
                .with("reason", "Sluice has the one catalog spark_catalog with one-level databases: name a table t, db.t or spark_catalog.db.t").build();
    }

    // ---- databases ----

    /** The session's current database ({@code USE db}, {@code setCurrentDatabase}); {@code default} at first. */
    public String currentDatabase() { return currentDatabase; }

    /** {@code USE db}: SCHEMA_NOT_FOUND when there is no such database. */
    public void setCurrentDatabase(String name) {
        String db = databaseName(name);
        store.requireDatabase(db);
        currentDatabase = db;
    }

    /** {@code db} or {@code spark_catalog.db} → {@code db} (lower-case). */
    public static String databaseName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith(CATALOG_NAME + ".")) n = n.substring(CATALOG_NAME.length() + 1);
        if (n.startsWith("`") && n.endsWith("`") && n.length() > 1) n = n.substring(1, n.length() - 1);
        return n;
    }

    public boolean databaseExists(String name) { return store.database(databaseName(name)).isPresent(); }

    /** The database {@code name}; SCHEMA_NOT_FOUND when there is none. */
    public CatalogDatabase getDatabase(String name) { return store.requireDatabase(databaseName(name)); }

    public List<CatalogDatabase> listDatabases() { return store.databases(); }

    /** {@code CREATE DATABASE}: false when it existed and {@code ifNotExists} tolerates that. */
    public boolean createDatabase(String name, String comment, String location, Map<String, String> properties, boolean ifNotExists) {
        return store.createDatabase(session, databaseName(name), comment, location, properties, ifNotExists);
    }

    /** {@code DROP DATABASE [IF EXISTS] db [RESTRICT|CASCADE]}; dropping the current database makes {@code default} current. */
    public boolean dropDatabase(String name, boolean ifExists, boolean cascade) {
        String db = databaseName(name);
        if (cascade) for (CatalogTable t : store.tables(db)) uncacheTable(t);
        boolean dropped = store.dropDatabase(session, db, ifExists, cascade);
        if (dropped && db.equals(currentDatabase)) currentDatabase = CatalogStore.DEFAULT_DATABASE;
        return dropped;
    }

    // ---- tables ----

    /** The table or persistent view {@code nameParts} names (never a temporary view), if any. */
    public Optional<CatalogTable> catalogTable(List<String> nameParts) {
        if (isTempViewName(nameParts)) return Optional.empty();
        Ident id = ident(nameParts);
        return store.table(id.database(), id.name());
    }

    private boolean isTempViewName(List<String> nameParts) { return viewPlan(nameParts).isPresent(); }

    /** The table {@code nameParts} names, or TABLE_OR_VIEW_NOT_FOUND. */
    public CatalogTable requireTable(List<String> nameParts) {
        return catalogTable(nameParts).orElseThrow(() -> notFound(nameParts));
    }

    /** {@code CREATE TABLE} (managed, or external with a location): false when it existed and {@code ifNotExists} tolerates that. */
    public boolean createTable(TableDefinition definition, boolean ifNotExists) {
        return io.create(ident(definition.nameParts()), definition, ifNotExists);
    }

    /** {@code CREATE TABLE name (schema) USING format}: a managed table. */
    public boolean createTable(List<String> nameParts, String format, StructType schema, Map<String, String> options, boolean ifNotExists) {
        return createTable(TableDefinition.of(nameParts, format, schema, options), ifNotExists);
    }

    /** Spark's {@code createTable(name, path)}: an external table over the files at {@code path} (schema inferred), in the default source format. */
    public DataFrame createTable(String name, String path) { return createTable(name, path, defaultSource()); }

    /** Spark's {@code createTable(name, path, source)}: an external table over the files at {@code path}, schema inferred. */
    public DataFrame createTable(String name, String path, String source) {
        createTable(new TableDefinition(parts(name), source, null, List.of(), null, List.of(), Map.of(), path, Map.of(), null), false);
        return session.table(name);
    }

    /**
     * Spark's {@code createTable(name, source, schema, options)}: a managed table with this schema, or an external
     * one when the options hold a {@code path} (the schema may then be null: inferred from the files).
     */
    public DataFrame createTable(String name, String source, StructType schema, Map<String, String> options) {
        Map<String, String> opts = new java.util.LinkedHashMap<>(options);
        String path = TableIO.pathOption(opts);
        opts.keySet().removeIf(k -> k.equalsIgnoreCase("path"));
        createTable(new TableDefinition(parts(name), source, schema, List.of(), null, List.of(), opts, path, Map.of(), null), false);
        return session.table(name);
    }

    private String defaultSource() { return session.conf().get("spark.sql.sources.default", DataFrameWriter.defaultTableFormat()); }

    /** {@code DROP TABLE}: a managed table's definition and files, an external table's definition only. */
    public boolean dropTable(List<String> nameParts, boolean ifExists) {
        Optional<CatalogTable> table = catalogTable(nameParts);
        if (table.isEmpty() || table.get().isView()) {
            if (table.isPresent()) throw wrongKind(nameParts, "view", "table", "DROP TABLE");
            if (ifExists) return false;
            throw notFound(nameParts);
        }
        uncacheTable(table.get());
        store.dropTable(session, table.get());
        return true;
    }

    private void uncacheTable(CatalogTable t) {
        LogicalPlan plan = store.invalidate(t);
        if (plan != null) session.cacheManager().uncache(plan);
    }

    /** {@code INSERT INTO/OVERWRITE} a table, columns by position. */
    public WriteResult insertInto(List<String> nameParts, DataFrame data, boolean overwrite) {
        CatalogTable table = catalogTable(nameParts).orElseThrow(() -> notFound(nameParts));
        if (table.isView()) throw wrongKind(nameParts, "view", "table", "INSERT");
        return io.insert(table, data, overwrite);
    }

    /** SQL's {@code INSERT} with a column list, {@code BY NAME} or a {@code PARTITION} clause; null when IF NOT EXISTS skipped it. */
    public WriteResult insertInto(List<String> nameParts, DataFrame data, boolean overwrite, InsertSpec spec) {
        CatalogTable table = catalogTable(nameParts).orElseThrow(() -> notFound(nameParts));
        if (table.isView()) throw wrongKind(nameParts, "view", "table", "INSERT");
        return io.insert(table, data, overwrite, spec);
    }

    /** {@code saveAsTable} / {@code CREATE TABLE ... AS SELECT}; null when IGNORE found the table there. */
    public WriteResult saveAsTable(TableDefinition definition, DataFrame data, dev.sluice.io.SaveMode mode) {
        return io.saveAsTable(ident(definition.nameParts()), definition, data, mode);
    }

    public WriteResult saveAsTable(List<String> nameParts, DataFrame data, String format, Map<String, String> options, dev.sluice.io.SaveMode mode) {
        return saveAsTable(TableDefinition.of(nameParts, format, null, options), data, mode);
    }

    /** {@code TRUNCATE TABLE}: the table's rows are deleted, its definition stays. */
    public void truncateTable(List<String> nameParts) {
        CatalogTable t = requireTable(nameParts);
        if (t.isView()) throw wrongKind(nameParts, "view", "table", "TRUNCATE TABLE");
        uncacheTable(t);
        io.truncate(t);
    }

    /** {@code ALTER TABLE a RENAME TO b}: the definition (and a managed table's directory) under the new name. */
    public void renameTable(List<String> from, List<String> to) {
        if (from.size() == 1 && views.containsKey(key(from.get(0)))) {
            if (to.size() != 1) throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "renaming a temporary view into a database")
                    .with("reason", "a temporary view's new name has one part").build();
            LogicalPlan plan = views.remove(key(from.get(0)));
            put(views, to.get(0), plan, false);
            return;
        }
        CatalogTable t = requireTable(from);
        Ident target = to.size() == 1 ? new Ident(t.database(), to.get(0)) : ident(to);
        store.requireDatabase(target.database());
        String location = t.type() == CatalogTable.Type.MANAGED ? store.managedLocation(target.database(), target.name()) : t.location();
        uncacheTable(t);
        store.rename(session, t, t.withName(target.database().toLowerCase(Locale.ROOT), target.name().toLowerCase(Locale.ROOT), location));
    }

    /** {@code ALTER TABLE t ADD COLUMNS (...)}: new nullable columns after the data columns (COLUMN_ALREADY_EXISTS). */
    public void addColumns(List<String> nameParts, List<dev.sluice.types.StructField> columns) {
        CatalogTable t = requireTable(nameParts);
        if (t.isView()) throw wrongKind(nameParts, "view", "table", "ALTER TABLE ... ADD COLUMNS");
        List<dev.sluice.types.StructField> data = new ArrayList<>(t.dataSchema().fields());
        for (dev.sluice.types.StructField c : columns) {
            if (t.schema().indexOf(c.name()) >= 0 || data.stream().anyMatch(f -> f.name().equalsIgnoreCase(c.name()))) {
                throw SluiceException.of(ErrorCode.COLUMN_ALREADY_EXISTS).with("column", c.name()).build();
            }
            data.add(new dev.sluice.types.StructField(c.name(), c.dataType(), true));
        }
        for (dev.sluice.types.StructField f : t.schema().fields()) if (t.dataSchema().indexOf(f.name()) < 0) data.add(f);
        uncacheTable(t);
        store.replace(t.withSchema(new StructType(data)));
    }

    /** {@code ALTER TABLE|VIEW t SET TBLPROPERTIES (...)} and {@code UNSET TBLPROPERTIES}. */
    public void setProperties(List<String> nameParts, Map<String, String> set, List<String> unset) {
        CatalogTable t = requireTable(nameParts);
        Map<String, String> props = new TreeMap<>(t.properties());
        props.putAll(set);
        for (String k : unset) props.remove(k);
        store.replace(t.withProperties(props));
    }

    /** {@code refreshTable}: forgets the table's file listing and cached rows; a cached table is cached again, lazily. */
    public void refreshTable(String name) {
        List<String> parts = parts(name);
        Optional<LogicalPlan> temp = viewPlan(parts);
        if (temp.isPresent()) {
            recache(temp.get(), temp.get());
            return;
        }
        CatalogTable t = requireTable(parts);
        LogicalPlan old = store.invalidate(t);
        if (old != null) recache(old, resolve(parts));
    }

    /** {@code refreshByPath}: refreshes every table whose directory is {@code path} or lies under it. */
    public void refreshByPath(String path) {
        for (CatalogTable t : store.tablesUnder(path)) {
            LogicalPlan old = store.invalidate(t);
            if (old != null) recache(old, resolve(List.of(CATALOG_NAME, t.database(), t.name())));
        }
    }

    /** After a write: a cached table is cached again over its new files (computed by the next action), as Spark. */
    void refreshCached(LogicalPlan old, CatalogTable table) {
        if (session.cacheManager().lookup(old).isPresent()) recache(old, io.read(table));
    }

    /** An entry cached for {@code old} moves to {@code fresh} (its rows dropped, computed again by the next action). */
    private void recache(LogicalPlan old, LogicalPlan fresh) {
        Optional<CacheManager.Entry> entry = session.cacheManager().lookup(old);
        if (entry.isEmpty()) return;
        StorageLevel level = entry.get().level();
        String tableName = entry.get().tableName();
        session.cacheManager().uncache(old);
        session.cacheManager().cache(fresh, level, tableName, session.conf());
    }

    /** {@code recoverPartitions} / {@code ALTER TABLE t RECOVER PARTITIONS} / {@code MSCK REPAIR TABLE t}. */
    public void recoverPartitions(String name) { recoverPartitions(parts(name)); }

    public void recoverPartitions(List<String> nameParts) {
        CatalogTable t = requireTable(nameParts);
        if (t.partitionBy().isEmpty()) {
            throw SluiceException.of(ErrorCode.NOT_A_PARTITIONED_TABLE).with("operation", "ALTER TABLE RECOVER PARTITIONS")
                    .with("name", t.qualifiedName()).build();
        }
        uncacheTable(t);
        io.recoverPartitions(t);
    }

    /** The partitions of a partitioned table ({@code SHOW PARTITIONS}): {@code k=v/k2=v2}, sorted. */
    public List<String> partitions(List<String> nameParts) {
        CatalogTable t = requireTable(nameParts);
        if (t.partitionBy().isEmpty()) {
            throw SluiceException.of(ErrorCode.NOT_A_PARTITIONED_TABLE).with("operation", "SHOW PARTITIONS").with("name", t.qualifiedName()).build();
        }
        return store.partitions(t);
    }

    // ---- views ----

    /** Whether {@code nameParts} names a temporary or global temporary view. */
    public boolean isView(List<String> nameParts) { return viewPlan(nameParts).isPresent(); }

    /**
     * {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] db.v AS query}: a persistent view keeping its SQL text, read
     * again (in the database current now) each time it is used. false when IF NOT EXISTS found it there.
     */
    public boolean createView(List<String> nameParts, String sql, StructType schema, List<String> columnNames, String comment,
                              boolean replace, boolean ifNotExists) {
        Ident id = ident(nameParts);
        store.requireDatabase(id.database());
        Optional<CatalogTable> existing = store.table(id.database(), id.name());
        if (existing.isPresent()) {
            if (ifNotExists) return false;
            if (!replace) throw CatalogStore.alreadyExists(id.database(), id.name());
            if (!existing.get().isView()) throw wrongKind(nameParts, "table", "view", "CREATE OR REPLACE VIEW");
        }
        Map<String, String> props = new TreeMap<>();
        props.put("view.catalogAndNamespace.numParts", "2");
        props.put("view.catalogAndNamespace.part.0", CATALOG_NAME);
        props.put("view.catalogAndNamespace.part.1", currentDatabase);
        StructType named = schema;
        if (columnNames != null) {
            List<dev.sluice.types.StructField> fields = new ArrayList<>();
            for (int i = 0; i < schema.size(); i++) fields.add(new dev.sluice.types.StructField(columnNames.get(i), schema.field(i).dataType(), true));
            named = new StructType(fields);
        }
        CatalogTable view = CatalogTable.view(id.database().toLowerCase(Locale.ROOT), id.name().toLowerCase(Locale.ROOT), named, sql, props, comment);
        if (existing.isPresent()) {
            uncacheTable(existing.get());
            store.replace(view);
        } else {
            store.create(view, false);
        }
        return true;
    }

    /** {@code DROP VIEW}: a temporary view first, else a persistent one; EXPECT_VIEW_NOT_TABLE for a table. */
    public boolean dropView(List<String> nameParts, boolean ifExists) {
        if (nameParts.size() == 2 && nameParts.get(0).equalsIgnoreCase(GLOBAL_TEMP_DATABASE) && dropGlobalTempView(nameParts.get(1))) return true;
        if (nameParts.size() == 1 && dropTempView(nameParts.get(0))) return true;
        Optional<CatalogTable> t = catalogTable(nameParts);
        if (t.isPresent() && !t.get().isView()) throw wrongKind(nameParts, "table", "view", "DROP VIEW");
        if (t.isEmpty()) {
            if (ifExists) return false;
            throw notFound(nameParts);
        }
        uncacheTable(t.get());
        store.dropTable(session, t.get());
        return true;
    }

    /** One entry of {@link #listTables()}: Spark's {@code Table} (name, database or null, type, temporary). */
    public record Table(String name, String database, boolean isTemporary, String tableType, String description) {
        public Table(String name, String database, boolean isTemporary) {
            this(name, database, isTemporary, isTemporary ? "TEMPORARY" : "MANAGED", null);
        }
    }

    void createTempView(String name, LogicalPlan plan, boolean replace) { put(views, name, plan, replace); }

    void createGlobalTempView(String name, LogicalPlan plan, boolean replace) { put(GLOBAL_VIEWS, name, plan, replace); }

    private static void put(Map<String, LogicalPlan> map, String name, LogicalPlan plan, boolean replace) {
        String key = key(name);
        if (replace) {
            map.put(key, plan);
        } else if (map.putIfAbsent(key, plan) != null) {
            throw SluiceException.of(ErrorCode.TEMP_TABLE_OR_VIEW_ALREADY_EXISTS).with("name", name).build();
        }
    }

    /** Drops a temporary view (and its cached rows, as Spark); true if it existed. */
    public boolean dropTempView(String name) {
        LogicalPlan plan = views.remove(key(name));
        if (plan != null) session.cacheManager().uncache(plan);
        return plan != null;
    }

    /** Drops a global temporary view; true if it existed. */
    public boolean dropGlobalTempView(String name) { return GLOBAL_VIEWS.remove(key(name)) != null; }

    /** Whether {@code name} ({@code v}, {@code t}, {@code db.t}, {@code spark_catalog.db.t}, {@code global_temp.v}) names a view or table. */
    public boolean tableExists(String name) {
        List<String> parts = parts(name);
        if (parts.size() > 3 || parts.size() == 3 && !parts.get(0).equalsIgnoreCase(CATALOG_NAME)) return false;
        return lookup(parts).isPresent();
    }

    /** {@code tableExists(name, db)}: a table or view of that database (not a temporary view, as Spark). */
    public boolean tableExists(String name, String database) {
        String db = databaseName(database);
        if (db.equals(GLOBAL_TEMP_DATABASE)) return GLOBAL_VIEWS.containsKey(key(name));
        return store.table(db, name).isPresent();
    }

    /** The tables and views of the current database, then this session's temporary views. */
    public List<Table> listTables() { return listTables(currentDatabase); }

    /**
     * The tables and views of {@code database} followed by the temporary views, as Spark's {@code listTables(db)};
     * {@code global_temp} lists the global temporary views (and the session's). SCHEMA_NOT_FOUND for another name.
     */
    public List<Table> listTables(String database) {
        String db = databaseName(database);
        List<Table> out = new ArrayList<>();
        if (db.equals(GLOBAL_TEMP_DATABASE)) {
            for (String n : new TreeMap<>(GLOBAL_VIEWS).keySet()) out.add(new Table(n, GLOBAL_TEMP_DATABASE, true));
        } else {
            store.requireDatabase(db);
            for (CatalogTable t : store.tables(db)) out.add(new Table(t.name(), t.database(), false, t.type().name(), t.comment()));
        }
        for (String n : new TreeMap<>(views).keySet()) out.add(new Table(n, null, true));
        return out;
    }

    /** The plan of a view or table by its name parts ({@code [v]}, {@code [global_temp, v]}, {@code [db, t]}). */
    public Optional<LogicalPlan> lookup(List<String> nameParts) {
        Optional<LogicalPlan> view = viewPlan(nameParts);
        if (view.isPresent()) return view;
        if (nameParts.size() > 3 || nameParts.size() == 3 && !nameParts.get(0).equalsIgnoreCase(CATALOG_NAME)) return Optional.empty();
        Ident id = ident(nameParts);
        return store.table(id.database(), id.name()).map(io::read);
    }

    private Optional<LogicalPlan> viewPlan(List<String> nameParts) {
        if (nameParts.size() == 1) return Optional.ofNullable(views.get(key(nameParts.get(0))));
        if (nameParts.size() == 2 && nameParts.get(0).equalsIgnoreCase(GLOBAL_TEMP_DATABASE)) {
            return Optional.ofNullable(GLOBAL_VIEWS.get(key(nameParts.get(1))));
        }
        return Optional.empty();
    }

    /** The plan of a view or table, or TABLE_OR_VIEW_NOT_FOUND naming the closest names. */
    public LogicalPlan resolve(List<String> nameParts) {
        return lookup(nameParts).orElseThrow(() -> notFound(nameParts));
    }

    SluiceException notFound(List<String> nameParts) {
        String shown = String.join(".", nameParts);
        List<String> known = new ArrayList<>(views.keySet());
        for (String g : GLOBAL_VIEWS.keySet()) known.add(GLOBAL_TEMP_DATABASE + "." + g);
        for (CatalogTable t : store.tables(currentDatabase)) known.add(t.name());
        return SluiceException.of(ErrorCode.TABLE_OR_VIEW_NOT_FOUND).with("name", shown)
                .with("suggestion", NameSuggestions.didYouMean(shown, known)).build();
    }

    static SluiceException wrongKind(List<String> name, String actual, String expected, String statement) {
        return SluiceException.of(ErrorCode.EXPECT_TABLE_NOT_VIEW).with("name", String.join(".", name)).with("actual", actual)
                .with("expected", expected).with("statement", statement).build();
    }

    private static String key(String name) { return name.toLowerCase(Locale.ROOT); }

    // ---- functions ----

    /**
     * {@code CREATE [OR REPLACE] [TEMPORARY] FUNCTION [IF NOT EXISTS]}: a temporary function lives in this session,
     * a persistent one in its database. false when IF NOT EXISTS found it there.
     */
    public boolean createFunction(List<String> nameParts, CatalogFunction function, boolean temporary, boolean replace, boolean ifNotExists) {
        if (temporary) {
            if (nameParts.size() != 1) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "CREATE TEMPORARY FUNCTION")
                        .with("reason", "a temporary function's name has one part (Spark: INVALID_SQL_SYNTAX.CREATE_TEMP_FUNC_WITH_DATABASE)").build();
            }
            String k = key(nameParts.get(0));
            if (!replace && tempFunctions.containsKey(k)) {
                if (ifNotExists) return false;
                throw SluiceException.of(ErrorCode.ROUTINE_ALREADY_EXISTS).with("name", k).build();
            }
            tempFunctions.put(k, function);
            return true;
        }
        return store.createFunction(function, replace, ifNotExists);
    }

    /** {@code DROP [TEMPORARY] FUNCTION [IF EXISTS] f}: UNKNOWN_FUNCTION (Spark: UNRESOLVED_ROUTINE) when there is none. */
    public boolean dropFunction(List<String> nameParts, boolean temporary, boolean ifExists) {
        boolean dropped;
        if (temporary) {
            dropped = nameParts.size() == 1 && tempFunctions.remove(key(nameParts.get(0))) != null;
        } else {
            Ident id = ident(nameParts);
            dropped = store.dropFunction(id.database(), id.name());
        }
        if (!dropped && !ifExists) {
            // Spark 4.1 answers UNRESOLVED_ROUTINE here, which Sluice calls UNKNOWN_FUNCTION
            throw SluiceException.of(ErrorCode.UNKNOWN_FUNCTION).with("function", String.join(".", nameParts)).build();
        }
        return dropped;
    }

    /**
     * The SQL or class function {@code nameParts} names: a temporary function (one part), else a persistent one in
     * the current (or the named) database. Built-in functions are not here.
     */
    public Optional<CatalogFunction> lookupFunction(List<String> nameParts) {
        if (nameParts.size() == 1) {
            CatalogFunction temp = tempFunctions.get(key(nameParts.get(0)));
            if (temp != null) return Optional.of(temp);
        }
        if (nameParts.size() > 3 || nameParts.size() == 3 && !nameParts.get(0).equalsIgnoreCase(CATALOG_NAME)) return Optional.empty();
        Ident id = ident(nameParts);
        return store.function(id.database(), id.name());
    }

    /** Spark's {@code functionExists}: a built-in function, or a temporary or persistent one of the catalog. */
    public boolean functionExists(String name) {
        return lookupFunction(parts(name)).isPresent() || dev.sluice.sql.SqlFunctions.exists(name);
    }

    /** This session's temporary functions and the current (or given) database's, by name. */
    public List<CatalogFunction> listFunctions(String database) {
        List<CatalogFunction> out = new ArrayList<>(store.functions(databaseName(database)));
        out.addAll(new TreeMap<>(tempFunctions).values());
        return out;
    }

    // ---- the cache (Spark's catalog.cacheTable, uncacheTable, isCached, clearCache) ----

    /** Caches the view or table {@code name} (lazily: the next action that reads it stores its rows), MEMORY_AND_DISK. */
    public void cacheTable(String name) { cacheTable(name, StorageLevel.MEMORY_AND_DISK); }

    public void cacheTable(String name, StorageLevel level) {
        session.cacheManager().cache(resolve(parts(name)), level, name, session.conf());
    }

    /** Forgets the cached rows of {@code name}; TABLE_OR_VIEW_NOT_FOUND when there is no such view or table. */
    public void uncacheTable(String name) { session.cacheManager().uncache(resolve(parts(name))); }

    /** True when {@code name} is cached; TABLE_OR_VIEW_NOT_FOUND when there is no such view or table. */
    public boolean isCached(String name) { return session.cacheManager().lookup(resolve(parts(name))).isPresent(); }

    /** Forgets every cached query of the session (and of the sessions sharing its engine). */
    public void clearCache() { session.cacheManager().clear(); }

    static List<String> parts(String name) { return dev.sluice.expr.UnresolvedColumn.parse(name).nameParts(); }
}
