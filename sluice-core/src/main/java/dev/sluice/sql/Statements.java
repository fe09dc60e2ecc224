package dev.sluice.sql;

import dev.sluice.Catalog;
import dev.sluice.DataFrame;
import dev.sluice.CatalogStore;
import dev.sluice.CatalogTable;
import dev.sluice.RuntimeConfig;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.SaveMode;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL statements other than queries, run when {@code Sluice.sql} is called (eagerly, as Spark runs commands) and
 * answered with Spark's result columns: temporary views, managed tables (CREATE TABLE [AS SELECT], INSERT, DROP),
 * SET / RESET, SHOW TABLES / FUNCTIONS, DESCRIBE, EXPLAIN, CACHE / UNCACHE TABLE and CLEAR CACHE.
 */
final class Statements {
    private static final Pattern SET = Pattern.compile("(?is)\\s*SET(?:\\s+(.*?))?\\s*;*\\s*");
    private static final Pattern RESET = Pattern.compile("(?is)\\s*RESET(?:\\s+(.*?))?\\s*;*\\s*");
    private static final StructType KEY_VALUE = schema("key", "value");

    private final Sluice session;

    Statements(Sluice session) { this.session = session; }

    /** SET and RESET, whose argument is free text (Spark reads them the same way); null for any other text. */
    static DataFrame setOrReset(Sluice session, String text) {
        Matcher set = SET.matcher(text);
        if (set.matches()) return new Statements(session).set(set.group(1));
        Matcher reset = RESET.matcher(text);
        if (reset.matches()) return new Statements(session).reset(reset.group(1));
        return null;
    }

    static boolean isSetOrReset(String text) { return SET.matcher(text).matches() || RESET.matcher(text).matches(); }

    DataFrame run(SqlGrammar.StatementContext ctx) {
        if (ctx instanceof SqlGrammar.StatementQueryContext q) return new QueryBuilder(session).query(q.query());
        if (ctx instanceof SqlGrammar.CreateViewContext v) return createView(v);
        if (ctx instanceof SqlGrammar.DropViewContext d) return dropView(d);
        if (ctx instanceof SqlGrammar.DropTableContext d) {
            List<String> name = Names.parts(d.multipartIdentifier());
            // as Spark ("v1 DROP TABLE supports temp view"): DROP TABLE on a temporary view drops the view
            if (name.size() == 1 && session.catalog().dropTempView(name.get(0))) return empty();
            if (name.size() == 2 && name.get(0).equalsIgnoreCase(Catalog.GLOBAL_TEMP_DATABASE)
                    && session.catalog().dropGlobalTempView(name.get(1))) return empty();
            session.catalog().dropTable(name, d.EXISTS() != null);
            return empty();
        }
        DataFrame ddl = new CatalogStatements(session).run(ctx);
        if (ddl != null) return ddl;
        if (ctx instanceof SqlGrammar.InsertContext i) return insert(i);
        if (ctx instanceof SqlGrammar.ShowTablesContext s) return showTables(s);
        if (ctx instanceof SqlGrammar.ShowFunctionsContext s) return showFunctions(s);
        if (ctx instanceof SqlGrammar.DescribeFunctionContext d) return describeFunction(d);
        if (ctx instanceof SqlGrammar.DescribeTableContext d) return describeTable(d);
        if (ctx instanceof SqlGrammar.ExplainContext e) return explain(e);
        if (ctx instanceof SqlGrammar.CacheTableContext c) return cacheTable(c);
        if (ctx instanceof SqlGrammar.UncacheTableContext u) return uncacheTable(u);
        if (ctx instanceof SqlGrammar.ClearCacheContext) {
            session.catalog().clearCache();
            return empty();
        }
        throw SyntaxErrors.at(ctx, "unknown statement");
    }

    private DataFrame createView(SqlGrammar.CreateViewContext ctx) {
        List<String> parts = Names.parts(ctx.multipartIdentifier());
        boolean global = ctx.GLOBAL() != null;
        if (parts.size() != 1 && !(global && parts.size() == 2 && parts.get(0).equalsIgnoreCase(Catalog.GLOBAL_TEMP_DATABASE))) {
            throw SyntaxErrors.at(ctx.multipartIdentifier(), "a temporary view's name has one part (global ones may be qualified by global_temp)");
        }
        if (ctx.REPLACE() != null && ctx.EXISTS() != null) throw SyntaxErrors.at(ctx, "CREATE OR REPLACE and IF NOT EXISTS cannot be combined");
        String name = parts.get(parts.size() - 1);
        if (ctx.EXISTS() != null && session.catalog().isView(global ? List.of(Catalog.GLOBAL_TEMP_DATABASE, name) : List.of(name))) return empty();
        DataFrame df = new QueryBuilder(session).query(ctx.query());
        if (ctx.identifierList() != null) {
            List<String> names = Names.identifiers(ctx.identifierList().identifier());
            if (names.size() != df.columns().length) {
                throw SyntaxErrors.at(ctx.identifierList(), "the view names " + names.size() + " columns, but its query has " + df.columns().length);
            }
            df = df.toDF(names.toArray(new String[0]));
        }
        boolean replace = ctx.REPLACE() != null;
        if (global) {
            if (replace) df.createOrReplaceGlobalTempView(name); else df.createGlobalTempView(name);
        } else {
            if (replace) df.createOrReplaceTempView(name); else df.createTempView(name);
        }
        return empty();
    }

    private DataFrame dropView(SqlGrammar.DropViewContext ctx) {
        session.catalog().dropView(Names.parts(ctx.multipartIdentifier()), ctx.EXISTS() != null);
        return empty();
    }

    static Map<String, String> options(SqlGrammar.TableOptionsContext ctx) { return ctx == null ? new LinkedHashMap<>() : options(ctx.propertyList()); }

    /** {@code (k 'v', 'k2' = 'v2')}: keys and values as written (strings unquoted). */
    static Map<String, String> options(SqlGrammar.PropertyListContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        if (ctx == null) return out;
        for (SqlGrammar.TableOptionContext o : ctx.tableOption()) {
            String value = o.value.STRING() != null ? Literals.string(o.value.STRING().getText()) : o.value.getText();
            out.put(optionKey(o.key), value);
        }
        return out;
    }

    static String optionKey(SqlGrammar.OptionKeyContext key) {
        return key.STRING() != null ? Literals.string(key.STRING().getText()) : key.getText();
    }

    private DataFrame insert(SqlGrammar.InsertContext ctx) {
        List<String> name = Names.parts(ctx.multipartIdentifier());
        if (ctx.replaceWhere != null) {
            // Spark 4.1 plans REPLACE WHERE as an overwrite by filter, which only v2 tables offer (not its session catalog's file tables)
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "INSERT ... REPLACE WHERE into " + String.join(".", name))
                    .with("reason", "a file table in the session catalog cannot be overwritten by a condition (Spark 4.1 refuses it too);"
                            + " use INSERT OVERWRITE ... PARTITION (...) to replace a partition").build();
        }
        if (ctx.EXISTS() != null && (ctx.OVERWRITE() == null || ctx.partitionSpec() == null)) {
            throw SyntaxErrors.at(ctx, "IF NOT EXISTS belongs to INSERT OVERWRITE ... PARTITION (...)");
        }
        if (session.catalog().isView(name)) throw notA(name, "view", "table", "INSERT");
        DataFrame df = new QueryBuilder(session).query(ctx.query());
        java.util.Map<String, dev.sluice.Column> partitions = new LinkedHashMap<>();
        if (ctx.partitionSpec() != null) {
            for (SqlGrammar.PartitionValueContext p : ctx.partitionSpec().partitionValue()) {
                String key = Names.identifier(p.identifier());
                if (partitions.containsKey(key.toLowerCase(Locale.ROOT))) throw SyntaxErrors.at(p, "the PARTITION clause names " + key + " twice");
                partitions.put(key.toLowerCase(Locale.ROOT), p.value == null ? null : new dev.sluice.Column(ExpressionBuilder.plain().build(p.value)));
            }
        }
        List<String> columns = ctx.identifierList() == null ? null : Names.identifiers(ctx.identifierList().identifier());
        dev.sluice.InsertSpec spec = new dev.sluice.InsertSpec(columns, ctx.NAME() != null, partitions, ctx.EXISTS() != null);
        session.catalog().insertInto(name, df, ctx.OVERWRITE() != null, spec);
        return empty();
    }

    private DataFrame showTables(SqlGrammar.ShowTablesContext ctx) {
        StructType schema = new StructType(List.of(StructField.of("namespace", DataTypes.STRING), StructField.of("tableName", DataTypes.STRING),
                StructField.of("isTemporary", DataTypes.BOOLEAN)));
        String database = ctx.multipartIdentifier() == null ? session.catalog().currentDatabase()
                : Catalog.databaseName(String.join(".", Names.parts(ctx.multipartIdentifier())));
        Pattern like = ctx.pattern == null ? null : likePattern(Literals.string(ctx.pattern.getText()));
        List<Row> rows = new ArrayList<>();
        for (Catalog.Table t : session.catalog().listTables(database)) {
            if (like != null && !like.matcher(t.name()).matches()) continue;
            rows.add(Row.of(schema, t.database() == null ? "" : t.database(), t.name(), t.isTemporary()));
        }
        return session.createDataFrame(rows, schema);
    }

    private DataFrame showFunctions(SqlGrammar.ShowFunctionsContext ctx) {
        if (ctx.kind != null) {
            String kind = Names.identifier(ctx.kind).toLowerCase(Locale.ROOT);
            if (!kind.equals("all") && !kind.equals("system") && !kind.equals("user")) throw SyntaxErrors.at(ctx.kind, "SHOW " + kind + " FUNCTIONS: the kinds are USER, SYSTEM and ALL");
        }
        StructType schema = schema("function");
        Pattern like = ctx.pattern == null ? null : likePattern(Literals.string(ctx.pattern.getText()));
        List<Row> rows = new ArrayList<>();
        boolean user = ctx.kind == null || !Names.identifier(ctx.kind).equalsIgnoreCase("system");
        String database = ctx.multipartIdentifier() == null ? session.catalog().currentDatabase()
                : Catalog.databaseName(String.join(".", Names.parts(ctx.multipartIdentifier())));
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        if (user) {
            for (dev.sluice.CatalogFunction f : session.catalog().listFunctions(database)) {
                names.add(f.isTemporary() ? f.name() : Catalog.CATALOG_NAME + "." + f.database() + "." + f.name());
            }
        }
        if (ctx.kind == null || !Names.identifier(ctx.kind).equalsIgnoreCase("user")) names.addAll(FunctionResolver.names());
        for (String f : names) if (like == null || like.matcher(f).matches()) rows.add(Row.of(schema, f));
        return session.createDataFrame(rows, schema);
    }

    /** Spark's SHOW ... LIKE pattern: {@code *} any characters, {@code |} alternatives, case-insensitive. */
    static Pattern likePattern(String pattern) {
        List<String> alternatives = new ArrayList<>();
        for (String alt : pattern.split("\\|", -1)) {
            List<String> pieces = new ArrayList<>();
            for (String piece : alt.trim().split("\\*", -1)) pieces.add(piece.isEmpty() ? "" : Pattern.quote(piece));
            alternatives.add(String.join(".*", pieces));
        }
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }

    private DataFrame describeFunction(SqlGrammar.DescribeFunctionContext ctx) {
        String name = ctx.STRING() != null ? Literals.string(ctx.STRING().getText()) : Names.quoted(Calls.functionName(ctx.functionName()));
        String lower = name.toLowerCase(Locale.ROOT);
        StructType schema = schema("function_desc");
        var routine = FunctionResolver.routine(lower);
        if (routine.isPresent() && routine.get().isSql()) return session.createDataFrame(RoutineDescriptions.rows(routine.get(), ctx.EXTENDED() != null, schema), schema);
        if (!FunctionResolver.names().contains(lower)) throw SluiceException.of(ErrorCode.UNKNOWN_FUNCTION).with("function", name).build();
        return session.createDataFrame(List.of(Row.of(schema, "Function: " + lower),
                Row.of(schema, "Usage: see Spark's documentation of " + lower + " (Sluice follows Spark 4.1's semantics)")), schema);
    }

    private DataFrame describeTable(SqlGrammar.DescribeTableContext ctx) {
        List<String> name = Names.parts(ctx.multipartIdentifier());
        StructType schema = schema("col_name", "data_type", "comment");
        DataFrame table = new QueryBuilder(session).relations().table(name, new RelationBuilder.Scope(null, Map.of()));
        List<Row> rows = new ArrayList<>();
        for (StructField f : table.schema().fields()) rows.add(Row.of(schema, f.name(), f.dataType().simpleString(), null));
        var table0 = session.catalog().catalogTable(name);
        if (table0.isPresent() && !table0.get().partitionBy().isEmpty()) {
            CatalogTable t = table0.get();
            rows.add(Row.of(schema, "# Partition Information", "", ""));
            rows.add(Row.of(schema, "# col_name", "data_type", "comment"));
            for (String p : t.partitionBy()) rows.add(Row.of(schema, p, t.schema().field(t.schema().indexOf(p)).dataType().simpleString(), null));
        }
        if (ctx.EXTENDED() != null && table0.isPresent()) {
            CatalogTable t = table0.get();
            rows.add(Row.of(schema, "", "", ""));
            rows.add(Row.of(schema, "# Detailed Table Information", "", ""));
            rows.add(Row.of(schema, "Catalog", Catalog.CATALOG_NAME, ""));
            rows.add(Row.of(schema, "Database", t.database(), ""));
            rows.add(Row.of(schema, "Table", t.name(), ""));
            if (t.comment() != null) rows.add(Row.of(schema, "Comment", t.comment(), ""));
            rows.add(Row.of(schema, "Type", t.type().name(), ""));
            if (t.isView()) {
                rows.add(Row.of(schema, "View Text", t.viewText(), ""));
            } else {
                rows.add(Row.of(schema, "Provider", t.format(), ""));
                if (t.buckets() != null) {
                    rows.add(Row.of(schema, "Num Buckets", String.valueOf(t.buckets().numBuckets()), ""));
                    rows.add(Row.of(schema, "Bucket Columns", bracketed(t.buckets().columns()), ""));
                    rows.add(Row.of(schema, "Sort Columns", bracketed(t.buckets().sortColumns()), ""));
                }
                rows.add(Row.of(schema, "Location", CatalogStatements.uri(t.location()), ""));
            }
        }
        return session.createDataFrame(rows, schema);
    }

    private static String bracketed(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) out.add("`" + n + "`");
        return "[" + String.join(", ", out) + "]";
    }

    private DataFrame explain(SqlGrammar.ExplainContext ctx) {
        String mode = ctx.explainMode == null ? "simple" : ctx.explainMode.getText().toLowerCase(Locale.ROOT);
        if (!(ctx.statement() instanceof SqlGrammar.StatementQueryContext q)) {
            throw SyntaxErrors.unsupported("EXPLAIN of a " + ctx.statement().getStart().getText() + " statement", "Sluice explains queries");
        }
        DataFrame df = new QueryBuilder(session).query(q.query());
        StructType schema = schema("plan");
        return session.createDataFrame(List.of(Row.of(schema, df.explainString(mode))), schema);
    }

    private DataFrame set(String argument) {
        RuntimeConfig conf = session.conf();
        List<Row> rows = new ArrayList<>();
        if (argument == null || argument.isBlank()) {
            for (String key : RuntimeConfig.keys()) rows.add(Row.of(KEY_VALUE, key, conf.get(key)));
            rows.add(Row.of(KEY_VALUE, CatalogStore.WAREHOUSE_KEY, session.catalog().store().warehouse()));
            return session.createDataFrame(rows, KEY_VALUE);
        }
        if (argument.trim().equals("-v")) return set(null);
        int eq = argument.indexOf('=');
        String key = unquote((eq < 0 ? argument : argument.substring(0, eq)).trim());
        if (key.equals(CatalogStore.WAREHOUSE_KEY)) {
            if (eq >= 0) {
                throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", argument.substring(eq + 1).trim())
                        .with("reason", "it is a static setting (Spark's CANNOT_MODIFY_CONFIG): set it when the session is built").build();
            }
            return session.createDataFrame(List.of(Row.of(KEY_VALUE, key, session.catalog().store().warehouse())), KEY_VALUE);
        }
        if (eq < 0) {
            String value = conf.get(key, "<undefined>");
            return session.createDataFrame(List.of(Row.of(KEY_VALUE, key, value)), KEY_VALUE);
        }
        String value = unquote(argument.substring(eq + 1).trim());
        conf.set(key, value);
        return session.createDataFrame(List.of(Row.of(KEY_VALUE, key, value)), KEY_VALUE);
    }

    private DataFrame reset(String argument) {
        if (argument == null || argument.isBlank()) session.conf().reset();
        else session.conf().reset(unquote(argument.trim()));
        return empty();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("`") && s.endsWith("`") || s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /**
     * {@code CACHE [LAZY] TABLE t [OPTIONS ('storageLevel' 'DISK_ONLY')] [[AS] query]}: with a query, t becomes a
     * temporary view of it first; eager unless LAZY, as Spark (the rows are computed and stored now).
     */
    private DataFrame cacheTable(SqlGrammar.CacheTableContext ctx) {
        List<String> parts = Names.parts(ctx.multipartIdentifier());
        String name = String.join(".", parts);
        dev.sluice.StorageLevel level = dev.sluice.StorageLevel.MEMORY_AND_DISK;
        for (Map.Entry<String, String> o : options(ctx.tableOptions()).entrySet()) {
            if (!o.getKey().equalsIgnoreCase("storageLevel")) {
                throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", o.getKey()).with("value", o.getValue())
                        .with("reason", "CACHE TABLE takes the option storageLevel only").build();
            }
            level = dev.sluice.StorageLevel.fromString(o.getValue());
        }
        if (ctx.query() != null) {
            if (parts.size() != 1) throw SyntaxErrors.at(ctx.multipartIdentifier(), "CACHE TABLE ... AS SELECT names a temporary view, which has one part");
            new QueryBuilder(session).query(ctx.query()).createTempView(name);
        }
        session.catalog().cacheTable(name, level);
        if (ctx.LAZY() == null) session.table(name).count();
        return empty();
    }

    private DataFrame uncacheTable(SqlGrammar.UncacheTableContext ctx) {
        List<String> parts = Names.parts(ctx.multipartIdentifier());
        if (ctx.EXISTS() != null && session.catalog().lookup(parts).isEmpty()) return empty();
        session.catalog().uncacheTable(String.join(".", parts));
        return empty();
    }

    private DataFrame empty() { return session.createDataFrame(List.of(), new StructType(List.of())); }

    static StructType schema(String... names) {
        List<StructField> fields = new ArrayList<>();
        for (String n : names) fields.add(StructField.of(n, DataTypes.STRING));
        return new StructType(fields);
    }

    private static SluiceException notA(List<String> name, String actual, String expected, String statement) {
        return SluiceException.of(ErrorCode.EXPECT_TABLE_NOT_VIEW).with("name", String.join(".", name)).with("actual", actual)
                .with("expected", expected).with("statement", statement).build();
    }
}
