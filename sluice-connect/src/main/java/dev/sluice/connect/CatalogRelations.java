package dev.sluice.connect;

import dev.sluice.Catalog;
import dev.sluice.CatalogDatabase;
import dev.sluice.CatalogFunction;
import dev.sluice.CatalogTable;
import dev.sluice.TableDefinition;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.sql.SqlFunctions;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code spark.catalog.*}: answered from the session's catalog (databases, tables, views, functions, the cache) in
 * the one catalog {@code spark_catalog}.
 */
final class CatalogRelations {
    private static final String CATALOG = "spark_catalog";

    private final ConnectSession session;

    CatalogRelations(ConnectSession session) { this.session = session; }

    DataFrame translate(org.apache.spark.connect.proto.Catalog c) {
        Catalog catalog = session.sluice().catalog();
        switch (c.getCatTypeCase()) {
            case CURRENT_CATALOG: return strings("value", CATALOG);
            case SET_CURRENT_CATALOG:
                requireCatalog(c.getSetCurrentCatalog().getCatalogName());
                return empty();
            case LIST_CATALOGS: {
                StructType s = schema("name", "description");
                List<Row> rows = new ArrayList<>();
                if (matches(c.getListCatalogs().hasPattern() ? c.getListCatalogs().getPattern() : null, CATALOG)) rows.add(Row.of(s, CATALOG, null));
                return frame(s, rows);
            }
            case CURRENT_DATABASE: return strings("value", catalog.currentDatabase());
            case SET_CURRENT_DATABASE:
                catalog.setCurrentDatabase(c.getSetCurrentDatabase().getDbName());
                return empty();
            case LIST_DATABASES: {
                StructType s = databaseSchema();
                List<Row> rows = new ArrayList<>();
                String pattern = c.getListDatabases().hasPattern() ? c.getListDatabases().getPattern() : null;
                for (CatalogDatabase db : catalog.listDatabases()) if (matches(pattern, db.name())) rows.add(database(s, db));
                return frame(s, rows);
            }
            case GET_DATABASE: {
                StructType s = databaseSchema();
                return frame(s, List.of(database(s, catalog.getDatabase(c.getGetDatabase().getDbName()))));
            }
            case DATABASE_EXISTS: return bool(catalog.databaseExists(c.getDatabaseExists().getDbName()));
            case LIST_TABLES: {
                var l = c.getListTables();
                List<Catalog.Table> tables = l.hasDbName() ? catalog.listTables(l.getDbName()) : catalog.listTables();
                StructType s = tableSchema();
                List<Row> rows = new ArrayList<>();
                for (Catalog.Table t : tables) {
                    if (matches(l.hasPattern() ? l.getPattern() : null, t.name())) rows.add(table(s, t));
                }
                return frame(s, rows);
            }
            case GET_TABLE: {
                var g = c.getGetTable();
                List<String> parts = g.hasDbName() ? List.of(g.getDbName(), g.getTableName()) : parts(g.getTableName());
                var catalogTable = catalog.catalogTable(parts);
                StructType s = tableSchema();
                if (catalogTable.isPresent()) {
                    CatalogTable t = catalogTable.get();
                    return frame(s, List.of(table(s, new Catalog.Table(t.name(), t.database(), false, t.type().name(), t.comment()))));
                }
                catalog.resolve(parts);   // TABLE_OR_VIEW_NOT_FOUND when missing
                boolean global = parts.size() == 2 && parts.get(0).equalsIgnoreCase(Catalog.GLOBAL_TEMP_DATABASE);
                String shortName = parts.get(parts.size() - 1);
                return frame(s, List.of(table(s, new Catalog.Table(shortName, global ? Catalog.GLOBAL_TEMP_DATABASE : null, true))));
            }
            case TABLE_EXISTS: {
                var t = c.getTableExists();
                return bool(t.hasDbName() ? catalog.tableExists(t.getTableName(), t.getDbName()) : catalog.tableExists(t.getTableName()));
            }
            case FUNCTION_EXISTS: {
                var f = c.getFunctionExists();
                if (f.hasDbName()) return bool(catalog.lookupFunction(List.of(f.getDbName(), f.getFunctionName())).isPresent());
                return bool(catalog.functionExists(f.getFunctionName()));
            }
            case LIST_COLUMNS: {
                var l = c.getListColumns();
                String name = l.hasDbName() ? l.getDbName() + "." + l.getTableName() : l.getTableName();
                StructType cols = session.sluice().table(name).schema();
                var catalogTable = catalog.catalogTable(parts(name));
                List<String> partitionBy = catalogTable.map(CatalogTable::partitionBy).orElse(List.of());
                List<String> bucketBy = catalogTable.map(t -> t.buckets() == null ? List.<String>of() : t.buckets().columns()).orElse(List.of());
                List<String> clusterBy = catalogTable.map(CatalogTable::clusterBy).orElse(List.of());
                StructType s = new StructType(List.of(f("name"), f("description"), f("dataType"),
                        new StructField("nullable", DataTypes.BOOLEAN, false), new StructField("isPartition", DataTypes.BOOLEAN, false),
                        new StructField("isBucket", DataTypes.BOOLEAN, false), new StructField("isCluster", DataTypes.BOOLEAN, false)));
                List<Row> rows = new ArrayList<>();
                for (StructField field : cols.fields()) {
                    rows.add(Row.of(s, field.name(), null, field.dataType().simpleString(), field.nullable(), partitionBy.contains(field.name()),
                            bucketBy.contains(field.name()), clusterBy.contains(field.name())));
                }
                return frame(s, rows);
            }
            case LIST_FUNCTIONS: {
                var l = c.getListFunctions();
                String db = l.hasDbName() ? l.getDbName() : catalog.currentDatabase();
                catalog.getDatabase(db);   // SCHEMA_NOT_FOUND
                StructType s = functionSchema();
                List<Row> rows = new ArrayList<>();
                String pattern = l.hasPattern() ? l.getPattern() : null;
                for (CatalogFunction f : catalog.listFunctions(db)) if (matches(pattern, f.name())) rows.add(function(s, f));
                for (String n : SqlFunctions.names()) {
                    if (matches(pattern, n)) rows.add(function(s, n));
                }
                return frame(s, rows);
            }
            case GET_FUNCTION: {
                var g = c.getGetFunction();
                List<String> parts = g.hasDbName() ? List.of(g.getDbName(), g.getFunctionName()) : parts(g.getFunctionName());
                StructType s = functionSchema();
                var found = catalog.lookupFunction(parts);
                if (found.isPresent()) return frame(s, List.of(function(s, found.get())));
                String n = g.getFunctionName();
                if (g.hasDbName() || parts.size() > 1 || !SqlFunctions.exists(n)) {
                    throw SluiceException.of(ErrorCode.UNKNOWN_FUNCTION).with("function", String.join(".", parts)).build();
                }
                return frame(s, List.of(function(s, n.toLowerCase(Locale.ROOT))));
            }
            case CREATE_TABLE: {
                var t = c.getCreateTable();
                return createTable(catalog, t.getTableName(), t.hasPath() ? t.getPath() : null, t.hasSource() ? t.getSource() : null,
                        t.hasSchema() ? (StructType) ProtoTypes.fromProto(t.getSchema()) : null, t.getOptionsMap(), t.hasDescription() ? t.getDescription() : null);
            }
            case CREATE_EXTERNAL_TABLE: {
                var t = c.getCreateExternalTable();
                return createTable(catalog, t.getTableName(), t.hasPath() ? t.getPath() : null, t.hasSource() ? t.getSource() : null,
                        t.hasSchema() ? (StructType) ProtoTypes.fromProto(t.getSchema()) : null, t.getOptionsMap(), null);
            }
            case DROP_TEMP_VIEW: return bool(catalog.dropTempView(c.getDropTempView().getViewName()));
            case DROP_GLOBAL_TEMP_VIEW: return bool(catalog.dropGlobalTempView(c.getDropGlobalTempView().getViewName()));
            case RECOVER_PARTITIONS:
                catalog.recoverPartitions(c.getRecoverPartitions().getTableName());
                return empty();
            case REFRESH_TABLE:
                catalog.refreshTable(c.getRefreshTable().getTableName());
                return empty();
            case REFRESH_BY_PATH:
                catalog.refreshByPath(c.getRefreshByPath().getPath());
                return empty();
            case IS_CACHED: return bool(catalog.isCached(c.getIsCached().getTableName()));
            case CACHE_TABLE: {
                var t = c.getCacheTable();
                if (t.hasStorageLevel()) catalog.cacheTable(t.getTableName(), CacheRequests.fromProto(t.getStorageLevel()));
                else catalog.cacheTable(t.getTableName());
                return frame(new StructType(List.of()), List.of());
            }
            case UNCACHE_TABLE:
                catalog.uncacheTable(c.getUncacheTable().getTableName());
                return frame(new StructType(List.of()), List.of());
            case CLEAR_CACHE:
                catalog.clearCache();
                return frame(new StructType(List.of()), List.of());
            default:
                throw ConnectErrors.unsupported("spark.catalog." + camel(c.getCatTypeCase().name()), "Sluice does not have it");
        }
    }

    /**
     * {@code spark.catalog.createTable(name, path, source, schema, description, **options)}: a managed table, or with a
     * path (argument or option) an external one over what is there (the schema inferred when not given).
     */
    private DataFrame createTable(Catalog catalog, String name, String path, String source, StructType schema, Map<String, String> options, String description) {
        Map<String, String> opts = new LinkedHashMap<>(options);
        String location = path;
        for (String k : List.copyOf(opts.keySet())) {
            if (k.equalsIgnoreCase("path")) {
                if (location == null) location = opts.get(k);
                opts.remove(k);
            }
        }
        String format = source != null ? source : session.sluice().conf().get("spark.sql.sources.default", "parquet");
        catalog.createTable(new TableDefinition(parts(name), format, schema, List.of(), null, List.of(), opts, location, Map.of(), description), false);
        return session.sluice().table(name);
    }

    private static List<String> parts(String name) { return dev.sluice.expr.UnresolvedColumn.parse(name).nameParts(); }

    private static String camel(String upper) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : upper.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') up = true;
            else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    private static void requireCatalog(String name) {
        if (!name.equalsIgnoreCase(CATALOG)) {
            throw ConnectErrors.unsupported("the catalog " + name, "Sluice has the catalog spark_catalog only");
        }
    }

    /** Spark's catalog patterns: {@code *} for any text, {@code |} between alternatives, case-insensitive. */
    static boolean matches(String pattern, String name) {
        if (pattern == null) return true;
        for (String alt : pattern.split("\\|")) {
            String regex = Pattern.quote(alt.strip()).replace("*", "\\E.*\\Q");
            if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(name).matches()) return true;
        }
        return false;
    }

    private static StructField f(String name) { return StructField.of(name, DataTypes.STRING); }

    private static StructType schema(String... names) {
        List<StructField> fields = new ArrayList<>();
        for (String n : names) fields.add(f(n));
        return new StructType(fields);
    }

    private static StructType databaseSchema() { return schema("name", "catalog", "description", "locationUri"); }

    private static Row database(StructType s, CatalogDatabase db) {
        return Row.of(s, db.name(), CATALOG, db.comment(), db.location().startsWith("/") ? "file:" + db.location() : db.location());
    }

    private static StructType tableSchema() {
        return new StructType(List.of(f("name"), f("catalog"), StructField.of("namespace", DataTypes.array(DataTypes.STRING)),
                f("description"), f("tableType"), new StructField("isTemporary", DataTypes.BOOLEAN, false)));
    }

    private static Row table(StructType s, Catalog.Table t) {
        List<String> namespace = t.database() == null ? List.of() : List.of(t.database());
        if (!t.isTemporary()) return Row.of(s, t.name(), CATALOG, namespace, t.description(), t.tableType(), false);
        return Row.of(s, t.name(), null, namespace, null, "TEMPORARY", true);
    }

    /** Spark's Function: built-in functions have no catalog or namespace and count as temporary. */
    private static StructType functionSchema() {
        return new StructType(List.of(f("name"), f("catalog"), StructField.of("namespace", DataTypes.array(DataTypes.STRING)),
                f("description"), f("className"), new StructField("isTemporary", DataTypes.BOOLEAN, false)));
    }

    private static Row function(StructType s, String name) {
        return Row.of(s, name, null, null, null, "dev.sluice.sql.SqlFunctions", true);
    }

    /** A function of the catalog: Spark prints "N/A." for one without a comment. */
    private static Row function(StructType s, CatalogFunction f) {
        String className = f.isSql() ? null : f.className();
        String description = f.comment() != null ? f.comment() : "N/A.";
        if (f.isTemporary()) return Row.of(s, f.name(), null, null, description, className, true);
        return Row.of(s, f.name(), CATALOG, List.of(f.database()), description, className, false);
    }

    private DataFrame strings(String column, String value) { return LocalRelations.singleString(session, column, value); }

    private DataFrame bool(boolean value) {
        StructType s = new StructType(List.of(new StructField("value", DataTypes.BOOLEAN, false)));
        return frame(s, List.of(Row.of(s, value)));
    }

    private DataFrame empty() { return frame(StructType.EMPTY, List.of()); }

    private DataFrame frame(StructType s, List<Row> rows) { return session.sluice().createDataFrame(rows, s); }
}
