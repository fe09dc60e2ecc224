package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.NameSuggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session catalog: temporary views (this session's, by case-insensitive name) and global temporary views (shared
 * by every session of the JVM, under the database {@code global_temp}, as Spark's). A view holds the analyzed plan
 * of its DataFrame, so using it reads nothing until an action runs, and its result follows its files as they are
 * then. Spark's persistent tables (a metastore) are not part of Sluice; the Glue module has its own Data Catalog.
 */
public final class Catalog {
    /** The database holding global temporary views, as Spark's {@code spark.sql.globalTempDatabase}. */
    public static final String GLOBAL_TEMP_DATABASE = "global_temp";

    private static final Map<String, LogicalPlan> GLOBAL_VIEWS = new ConcurrentHashMap<>();

    private final Map<String, LogicalPlan> views = new ConcurrentHashMap<>();
    private final Sluice session;
    private final ManagedTables tables;

    Catalog(Sluice session, ManagedTables tables) {
        this.session = session;
        this.tables = tables;
    }

    /** The managed tables (shared with the sessions made by newSession, as Spark's catalog). */
    public ManagedTables tables() { return tables; }

    /** {@code CREATE TABLE name (schema) USING format}: false when it existed and {@code ifNotExists} tolerates that. */
    public boolean createTable(List<String> nameParts, String format, dev.sluice.types.StructType schema, Map<String, String> options, boolean ifNotExists) {
        return tables.create(session, nameParts, format, schema, options, ifNotExists);
    }

    /** {@code DROP TABLE}: the definition and the files; false when there was none and {@code ifExists} tolerates that. */
    public boolean dropTable(List<String> nameParts, boolean ifExists) { return tables.drop(session, nameParts, ifExists); }

    /** {@code INSERT INTO/OVERWRITE} a managed table, columns by position. */
    public WriteResult insertInto(List<String> nameParts, DataFrame data, boolean overwrite) {
        return tables.insert(session, nameParts, data, overwrite);
    }

    /** {@code saveAsTable} / {@code CREATE TABLE ... AS SELECT}; null when IGNORE found the table there. */
    public WriteResult saveAsTable(List<String> nameParts, DataFrame data, String format, Map<String, String> options, dev.sluice.io.SaveMode mode) {
        return tables.saveAsTable(session, nameParts, data, format, options, mode);
    }

    /** Whether {@code nameParts} names a temporary or global temporary view. */
    public boolean isView(List<String> nameParts) { return viewPlan(nameParts).isPresent(); }

    /** One entry of {@link #listTables()}: Spark's {@code Table} (name, database or null, temporary). */
    public record Table(String name, String database, boolean isTemporary) {}

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

    /** Whether {@code name} ({@code view} or {@code global_temp.view}) names a view. */
    public boolean tableExists(String name) { return lookup(List.of(name.split("\\.", -1))).isPresent(); }

    /** This session's temporary views (Spark lists the global ones only for {@code listTables("global_temp")}). */
    public List<Table> listTables() {
        List<Table> out = new ArrayList<>();
        for (ManagedTable t : tables.list()) out.add(new Table(t.name(), ManagedTables.DEFAULT_DATABASE, false));
        for (String n : new TreeMap<>(views).keySet()) out.add(new Table(n, null, true));
        return out;
    }

    /** The views of {@code database}: {@code global_temp} lists the global temporary views. */
    public List<Table> listTables(String database) {
        if (!database.equalsIgnoreCase(GLOBAL_TEMP_DATABASE)) {
            throw SluiceException.of(ErrorCode.TABLE_OR_VIEW_NOT_FOUND).with("name", database)
                    .with("suggestion", " Sluice's catalog has temporary views and the database global_temp only.").build();
        }
        List<Table> out = new ArrayList<>();
        for (String n : new TreeMap<>(GLOBAL_VIEWS).keySet()) out.add(new Table(n, GLOBAL_TEMP_DATABASE, true));
        return out;
    }

    /** The plan of a view (first) or a managed table by its name parts ({@code [v]}, {@code [global_temp, v]}, {@code [default, t]}). */
    public Optional<LogicalPlan> lookup(List<String> nameParts) {
        Optional<LogicalPlan> view = viewPlan(nameParts);
        if (view.isPresent()) return view;
        return tables.lookup(nameParts).map(t -> tables.read(session, t));
    }

    private Optional<LogicalPlan> viewPlan(List<String> nameParts) {
        if (nameParts.size() == 1) return Optional.ofNullable(views.get(key(nameParts.get(0))));
        if (nameParts.size() == 2 && nameParts.get(0).equalsIgnoreCase(GLOBAL_TEMP_DATABASE)) {
            return Optional.ofNullable(GLOBAL_VIEWS.get(key(nameParts.get(1))));
        }
        return Optional.empty();
    }

    /** The plan of a view, or TABLE_OR_VIEW_NOT_FOUND naming the closest views. */
    public LogicalPlan resolve(List<String> nameParts) {
        return lookup(nameParts).orElseThrow(() -> {
            String shown = String.join(".", nameParts);
            List<String> known = new ArrayList<>(views.keySet());
            for (String g : GLOBAL_VIEWS.keySet()) known.add(GLOBAL_TEMP_DATABASE + "." + g);
            for (ManagedTable t : tables.list()) known.add(t.name());
            return SluiceException.of(ErrorCode.TABLE_OR_VIEW_NOT_FOUND).with("name", shown)
                    .with("suggestion", NameSuggestions.didYouMean(shown, known)).build();
        });
    }

    private static String key(String name) { return name.toLowerCase(Locale.ROOT); }

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

    private static List<String> parts(String name) { return dev.sluice.expr.UnresolvedColumn.parse(name).nameParts(); }
}
