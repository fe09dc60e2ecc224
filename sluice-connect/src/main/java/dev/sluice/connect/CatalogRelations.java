package dev.sluice.connect;

import dev.sluice.Catalog;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.sql.SqlFunctions;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code spark.catalog.*}: answered from the session's catalog. Sluice has temporary views and the databases
 * {@code default} (empty: Sluice has no tables) and {@code global_temp}, in the one catalog {@code spark_catalog};
 * creating tables, and caching (Sluice recomputes instead), are refused by name.
 */
final class CatalogRelations {
    private static final String CATALOG = "spark_catalog";
    private static final String DATABASE = "default";

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
            case CURRENT_DATABASE: return strings("value", DATABASE);
            case SET_CURRENT_DATABASE:
                requireDatabase(c.getSetCurrentDatabase().getDbName());
                return empty();
            case LIST_DATABASES: {
                StructType s = databaseSchema();
                List<Row> rows = new ArrayList<>();
                String pattern = c.getListDatabases().hasPattern() ? c.getListDatabases().getPattern() : null;
                if (matches(pattern, DATABASE)) rows.add(database(s));
                return frame(s, rows);
            }
            case GET_DATABASE: {
                requireDatabase(c.getGetDatabase().getDbName());
                StructType s = databaseSchema();
                return frame(s, List.of(database(s)));
            }
            case DATABASE_EXISTS: return bool(isDatabase(c.getDatabaseExists().getDbName()));
            case LIST_TABLES: {
                var l = c.getListTables();
                List<Catalog.Table> tables = new ArrayList<>();
                if (l.hasDbName() && l.getDbName().equalsIgnoreCase(Catalog.GLOBAL_TEMP_DATABASE)) {
                    tables.addAll(catalog.listTables(Catalog.GLOBAL_TEMP_DATABASE));
                } else {
                    if (l.hasDbName()) requireDatabase(l.getDbName());
                    tables.addAll(catalog.listTables());
                }
                StructType s = tableSchema();
                List<Row> rows = new ArrayList<>();
                for (Catalog.Table t : tables) {
                    if (matches(l.hasPattern() ? l.getPattern() : null, t.name())) rows.add(table(s, t));
                }
                return frame(s, rows);
            }
            case GET_TABLE: {
                var g = c.getGetTable();
                String name = g.hasDbName() ? g.getDbName() + "." + g.getTableName() : g.getTableName();
                List<String> parts = List.of(name.split("\\.", -1));
                if (!catalog.isView(parts)) {
                    var managed = catalog.tables().lookup(parts);
                    if (managed.isPresent()) {
                        StructType s = tableSchema();
                        return frame(s, List.of(table(s, new Catalog.Table(managed.get().name(), DATABASE, false))));
                    }
                }
                session.sluice().table(name);   // TABLE_OR_VIEW_NOT_FOUND when missing
                boolean global = name.toLowerCase(Locale.ROOT).startsWith(Catalog.GLOBAL_TEMP_DATABASE + ".");
                String shortName = global ? name.substring(Catalog.GLOBAL_TEMP_DATABASE.length() + 1) : name;
                StructType s = tableSchema();
                return frame(s, List.of(table(s, new Catalog.Table(shortName, global ? Catalog.GLOBAL_TEMP_DATABASE : null, true))));
            }
            case TABLE_EXISTS: {
                var t = c.getTableExists();
                String name = t.hasDbName() ? t.getDbName() + "." + t.getTableName() : t.getTableName();
                return bool(catalog.tableExists(name));
            }
            case FUNCTION_EXISTS: return bool(SqlFunctions.exists(c.getFunctionExists().getFunctionName()));
            case LIST_COLUMNS: {
                var l = c.getListColumns();
                String name = l.hasDbName() ? l.getDbName() + "." + l.getTableName() : l.getTableName();
                StructType cols = session.sluice().table(name).schema();
                StructType s = new StructType(List.of(f("name"), f("description"), f("dataType"),
                        new StructField("nullable", DataTypes.BOOLEAN, false), new StructField("isPartition", DataTypes.BOOLEAN, false),
                        new StructField("isBucket", DataTypes.BOOLEAN, false), new StructField("isCluster", DataTypes.BOOLEAN, false)));
                List<Row> rows = new ArrayList<>();
                for (StructField field : cols.fields()) {
                    rows.add(Row.of(s, field.name(), null, field.dataType().simpleString(), field.nullable(), false, false, false));
                }
                return frame(s, rows);
            }
            case LIST_FUNCTIONS: {
                var l = c.getListFunctions();
                if (l.hasDbName()) requireDatabase(l.getDbName());
                StructType s = functionSchema();
                List<Row> rows = new ArrayList<>();
                for (String n : SqlFunctions.names()) {
                    if (matches(l.hasPattern() ? l.getPattern() : null, n)) rows.add(function(s, n));
                }
                return frame(s, rows);
            }
            case GET_FUNCTION: {
                var g = c.getGetFunction();
                if (g.hasDbName()) requireDatabase(g.getDbName());
                String n = g.getFunctionName();
                if (!SqlFunctions.exists(n)) {
                    throw SluiceException.of(ErrorCode.UNKNOWN_FUNCTION).with("function", n).build();
                }
                StructType s = functionSchema();
                return frame(s, List.of(function(s, n.toLowerCase(Locale.ROOT))));
            }
            case CREATE_TABLE: {
                var t = c.getCreateTable();
                if (t.hasPath() || t.getOptionsMap().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("path"))) {
                    throw ConnectErrors.unsupported("spark.catalog.createTable with a path (an external table)",
                            "Sluice's tables live in its warehouse; read the files with spark.read instead");
                }
                if (t.hasDescription()) {
                    throw ConnectErrors.unsupported("spark.catalog.createTable with a description", "Sluice's tables keep no comments");
                }
                if (!t.hasSchema()) {
                    throw ConnectErrors.unsupported("spark.catalog.createTable without a schema", "give the table's schema");
                }
                List<String> parts = List.of(t.getTableName().split("\\.", -1));
                var schema = (StructType) ProtoTypes.fromProto(t.getSchema());
                String source = t.hasSource() ? t.getSource() : session.sluice().conf().get("spark.sql.sources.default", "parquet");
                catalog.createTable(parts, source, schema, t.getOptionsMap(), false);
                return session.sluice().table(t.getTableName());
            }
            case DROP_TEMP_VIEW: return bool(catalog.dropTempView(c.getDropTempView().getViewName()));
            case DROP_GLOBAL_TEMP_VIEW: return bool(catalog.dropGlobalTempView(c.getDropGlobalTempView().getViewName()));
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
                throw ConnectErrors.unsupported("spark.catalog." + camel(c.getCatTypeCase().name()),
                        "Sluice's catalog holds temporary views and managed tables only (no persistent functions)");
        }
    }

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

    private static boolean isDatabase(String name) {
        return name.equalsIgnoreCase(DATABASE) || name.equalsIgnoreCase(CATALOG + "." + DATABASE);
    }

    private static void requireDatabase(String name) {
        if (!isDatabase(name)) {
            throw SluiceException.of(ErrorCode.TABLE_OR_VIEW_NOT_FOUND).with("name", name)
                    .with("suggestion", " Sluice has the database `default` only (SCHEMA_NOT_FOUND).").build();
        }
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

    private Row database(StructType s) {
        String location = java.nio.file.Path.of("spark-warehouse").toAbsolutePath().toUri().toString();
        return Row.of(s, DATABASE, CATALOG, "default database", location.replaceFirst("^file:///", "file:/").replaceAll("/$", ""));
    }

    private static StructType tableSchema() {
        return new StructType(List.of(f("name"), f("catalog"), StructField.of("namespace", DataTypes.array(DataTypes.STRING)),
                f("description"), f("tableType"), new StructField("isTemporary", DataTypes.BOOLEAN, false)));
    }

    private static Row table(StructType s, Catalog.Table t) {
        List<String> namespace = t.database() == null ? List.of() : List.of(t.database());
        if (!t.isTemporary()) return Row.of(s, t.name(), CATALOG, namespace, null, "MANAGED", false);
        return Row.of(s, t.name(), null, namespace, null, "TEMPORARY", t.isTemporary());
    }

    /** Spark's Function: built-in functions have no catalog or namespace and count as temporary. */
    private static StructType functionSchema() {
        return new StructType(List.of(f("name"), f("catalog"), StructField.of("namespace", DataTypes.array(DataTypes.STRING)),
                f("description"), f("className"), new StructField("isTemporary", DataTypes.BOOLEAN, false)));
    }

    private static Row function(StructType s, String name) {
        return Row.of(s, name, null, null, null, "dev.sluice.sql.SqlFunctions", true);
    }

    private DataFrame strings(String column, String value) { return LocalRelations.singleString(session, column, value); }

    private DataFrame bool(boolean value) {
        StructType s = new StructType(List.of(new StructField("value", DataTypes.BOOLEAN, false)));
        return frame(s, List.of(Row.of(s, value)));
    }

    private DataFrame empty() { return frame(StructType.EMPTY, List.of()); }

    private DataFrame frame(StructType s, List<Row> rows) { return session.sluice().createDataFrame(rows, s); }
}
