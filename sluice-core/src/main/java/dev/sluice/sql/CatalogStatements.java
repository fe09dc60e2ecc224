package dev.sluice.sql;

import dev.sluice.Catalog;
import dev.sluice.CatalogDatabase;
import dev.sluice.CatalogFunction;
import dev.sluice.CatalogTable;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.TableDefinition;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.SaveMode;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.misc.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The catalog's DDL, run when {@code Sluice.sql} is called and answered with Spark's result columns: databases
 * (CREATE / DROP / USE / SHOW / DESCRIBE DATABASE), tables (CREATE TABLE with LOCATION, PARTITIONED BY, CLUSTERED
 * BY ... INTO n BUCKETS, CLUSTER BY, AS SELECT; ALTER TABLE RENAME / ADD COLUMNS / SET and UNSET TBLPROPERTIES /
 * RECOVER PARTITIONS, MSCK REPAIR, REFRESH, TRUNCATE, SHOW PARTITIONS / CREATE TABLE / TBLPROPERTIES), persistent
 * views and functions (SQL functions and class-named ones).
 */
final class CatalogStatements {
    private final Sluice session;
    private final Catalog catalog;

    CatalogStatements(Sluice session) {
        this.session = session;
        this.catalog = session.catalog();
    }

    /** The statement's result, or null when it is not one of these. */
    DataFrame run(SqlGrammar.StatementContext ctx) {
        if (ctx instanceof SqlGrammar.CreateDatabaseContext c) return createDatabase(c);
        if (ctx instanceof SqlGrammar.DropDatabaseContext d) {
            catalog.dropDatabase(name(d.multipartIdentifier()), d.EXISTS() != null, d.CASCADE() != null);
            return empty();
        }
        if (ctx instanceof SqlGrammar.UseContext u) {
            catalog.setCurrentDatabase(name(u.multipartIdentifier()));
            return empty();
        }
        if (ctx instanceof SqlGrammar.ShowDatabasesContext s) return showDatabases(s);
        if (ctx instanceof SqlGrammar.DescribeDatabaseContext d) return describeDatabase(d);
        if (ctx instanceof SqlGrammar.CreateTableContext c) return createTable(c);
        if (ctx instanceof SqlGrammar.CreatePersistentViewContext v) return createView(v);
        if (ctx instanceof SqlGrammar.RenameTableContext r) {
            catalog.renameTable(Names.parts(r.from), Names.parts(r.to));
            return empty();
        }
        if (ctx instanceof SqlGrammar.AddColumnsContext a) {
            catalog.addColumns(Names.parts(a.multipartIdentifier()), columns(a.columns));
            return empty();
        }
        if (ctx instanceof SqlGrammar.SetTablePropertiesContext s) {
            catalog.setProperties(Names.parts(s.multipartIdentifier()), Statements.options(s.propertyList()), List.of());
            return empty();
        }
        if (ctx instanceof SqlGrammar.UnsetTablePropertiesContext u) return unsetProperties(u);
        if (ctx instanceof SqlGrammar.RecoverPartitionsContext r) {
            catalog.recoverPartitions(Names.parts(r.multipartIdentifier()));
            return empty();
        }
        if (ctx instanceof SqlGrammar.RepairTableContext r) {
            catalog.recoverPartitions(Names.parts(r.multipartIdentifier()));
            return empty();
        }
        if (ctx instanceof SqlGrammar.RefreshTableContext r) {
            catalog.refreshTable(String.join(".", quotedParts(Names.parts(r.multipartIdentifier()))));
            return empty();
        }
        if (ctx instanceof SqlGrammar.RefreshPathContext r) {
            catalog.refreshByPath(Literals.string(r.path.getText()));
            return empty();
        }
        if (ctx instanceof SqlGrammar.TruncateTableContext t) {
            catalog.truncateTable(Names.parts(t.multipartIdentifier()));
            return empty();
        }
        if (ctx instanceof SqlGrammar.ShowPartitionsContext s) {
            StructType schema = Statements.schema("partition");
            List<Row> rows = new ArrayList<>();
            for (String p : catalog.partitions(Names.parts(s.multipartIdentifier()))) rows.add(Row.of(schema, p));
            return session.createDataFrame(rows, schema);
        }
        if (ctx instanceof SqlGrammar.ShowCreateTableContext s) return showCreateTable(s);
        if (ctx instanceof SqlGrammar.ShowTablePropertiesContext s) return showProperties(s);
        if (ctx instanceof SqlGrammar.CreateSqlFunctionContext f) return createSqlFunction(f);
        if (ctx instanceof SqlGrammar.CreateClassFunctionContext f) return createClassFunction(f);
        if (ctx instanceof SqlGrammar.DropFunctionContext d) {
            catalog.dropFunction(Names.parts(d.multipartIdentifier()), d.TEMPORARY() != null || d.TEMP() != null, d.EXISTS() != null);
            return empty();
        }
        return null;
    }

    // ---- databases ----

    private static String name(SqlGrammar.MultipartIdentifierContext ctx) {
        List<String> parts = Names.parts(ctx);
        if (parts.size() == 2 && parts.get(0).equalsIgnoreCase(Catalog.CATALOG_NAME)) return parts.get(1);
        if (parts.size() != 1) throw SyntaxErrors.at(ctx, "a database name has one part (optionally after spark_catalog.)");
        return parts.get(0);
    }

    private DataFrame createDatabase(SqlGrammar.CreateDatabaseContext ctx) {
        String comment = ctx.comment == null ? null : Literals.string(ctx.comment.getText());
        String location = ctx.location == null ? null : Literals.string(ctx.location.getText());
        Map<String, String> props = ctx.properties == null ? Map.of() : Statements.options(ctx.properties);
        catalog.createDatabase(name(ctx.multipartIdentifier()), comment, location, props, ctx.EXISTS() != null);
        return empty();
    }

    private DataFrame showDatabases(SqlGrammar.ShowDatabasesContext ctx) {
        StructType schema = Statements.schema("namespace");
        Pattern like = ctx.pattern == null ? null : Statements.likePattern(Literals.string(ctx.pattern.getText()));
        List<Row> rows = new ArrayList<>();
        for (CatalogDatabase db : catalog.listDatabases()) {
            if (like == null || like.matcher(db.name()).matches()) rows.add(Row.of(schema, db.name()));
        }
        return session.createDataFrame(rows, schema);
    }

    /** Spark's DESCRIBE DATABASE: rows of (info_name, info_value); EXTENDED adds the properties. */
    private DataFrame describeDatabase(SqlGrammar.DescribeDatabaseContext ctx) {
        CatalogDatabase db = catalog.getDatabase(name(ctx.multipartIdentifier()));
        StructType schema = Statements.schema("info_name", "info_value");
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(schema, "Catalog Name", Catalog.CATALOG_NAME));
        rows.add(Row.of(schema, "Namespace Name", db.name()));
        rows.add(Row.of(schema, "Comment", db.comment() == null ? "" : db.comment()));
        rows.add(Row.of(schema, "Location", uri(db.location())));
        rows.add(Row.of(schema, "Owner", System.getProperty("user.name", "")));
        if (ctx.EXTENDED() != null) rows.add(Row.of(schema, "Properties", properties(db.properties())));
        return session.createDataFrame(rows, schema);
    }

    static String uri(String location) {
        if (location == null) return null;
        return location.startsWith("/") ? "file:" + location : location;
    }

    /** Spark's rendering of properties: {@code ((a,1), (b,2))}. */
    private static String properties(Map<String, String> props) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(props).entrySet()) out.add("(" + e.getKey() + "," + e.getValue() + ")");
        return "(" + String.join(", ", out) + ")";
    }

    // ---- tables ----

    private DataFrame createTable(SqlGrammar.CreateTableContext ctx) {
        List<String> name = Names.parts(ctx.multipartIdentifier());
        String format = ctx.format == null ? session.conf().get("spark.sql.sources.default", dev.sluice.DataFrameWriter.defaultTableFormat())
                : Names.identifier(ctx.format).toLowerCase(Locale.ROOT);
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> partitionBy = List.of();
        List<String> clusterBy = List.of();
        CatalogTable.BucketSpec buckets = null;
        String location = null;
        String comment = null;
        for (SqlGrammar.TableClauseContext clause : ctx.tableClause()) {
            if (clause instanceof SqlGrammar.TableOptionsClauseContext o) options.putAll(Statements.options(o.tableOptions().propertyList()));
            else if (clause instanceof SqlGrammar.PartitionedByClauseContext p) partitionBy = Names.identifiers(p.identifierList().identifier());
            else if (clause instanceof SqlGrammar.ClusterByClauseContext c) clusterBy = Names.identifiers(c.identifierList().identifier());
            else if (clause instanceof SqlGrammar.LocationClauseContext l) location = Literals.string(l.location.getText());
            else if (clause instanceof SqlGrammar.CommentClauseContext c) comment = Literals.string(c.comment.getText());
            else if (clause instanceof SqlGrammar.PropertiesClauseContext p) properties.putAll(Statements.options(p.propertyList()));
            else if (clause instanceof SqlGrammar.BucketsClauseContext b) {
                int n = Integer.parseInt(b.count.getText());
                if (n <= 0 || n > 100_000) throw SyntaxErrors.at(b, "the number of buckets must be greater than 0 and at most 100000 (Spark: INVALID_BUCKET_COUNT)");
                buckets = new CatalogTable.BucketSpec(n, Names.identifiers(b.buckets.identifier()),
                        b.sorted == null ? List.of() : Names.identifiers(b.sorted.identifier()));
            }
        }
        String pathOption = null;
        for (Map.Entry<String, String> e : options.entrySet()) if (e.getKey().equalsIgnoreCase("path")) pathOption = e.getValue();
        if (pathOption != null) {
            if (location != null) throw SyntaxErrors.at(ctx, "LOCATION and the option path cannot both be given (Spark: DUPLICATE_CLAUSES)");
            location = pathOption;
            options.keySet().removeIf(k -> k.equalsIgnoreCase("path"));
        }
        if (ctx.EXTERNAL() != null && location == null) throw SyntaxErrors.at(ctx, "CREATE EXTERNAL TABLE needs a LOCATION (Spark: Operation not allowed)");
        if (!clusterBy.isEmpty() && (!partitionBy.isEmpty() || buckets != null)) {
            throw SyntaxErrors.at(ctx, "CLUSTER BY cannot be combined with PARTITIONED BY or CLUSTERED BY (Spark: SPECIFY_CLUSTER_BY_WITH_PARTITIONED_BY_IS_NOT_ALLOWED)");
        }
        boolean ifNotExists = ctx.EXISTS() != null;
        if (name.size() == 1 && catalog.isView(name)) {
            throw SluiceException.of(ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS).with("name", String.join(".", name)).build();
        }
        StructType schema = ctx.columns.isEmpty() ? null : new StructType(columns(ctx.columns));
        TableDefinition def = new TableDefinition(name, format, schema, partitionBy, buckets, clusterBy, options, location, properties, comment);
        if (ctx.query() != null) {
            if (schema != null) throw SyntaxErrors.at(ctx, "CREATE TABLE ... AS SELECT takes its columns from the query, not a column list");
            if (ifNotExists && catalog.catalogTable(name).isPresent()) return empty();
            DataFrame df = new QueryBuilder(session).query(ctx.query());
            catalog.saveAsTable(def, df, SaveMode.ERROR_IF_EXISTS);
            return empty();
        }
        catalog.createTable(def, ifNotExists);
        return empty();
    }

    private static List<StructField> columns(List<SqlGrammar.ColumnDefinitionContext> ctxs) {
        List<StructField> fields = new ArrayList<>();
        for (SqlGrammar.ColumnDefinitionContext c : ctxs) {
            fields.add(new StructField(Names.identifier(c.identifier()), ExpressionBuilder.dataType(c.dataType()), c.NOT() == null));
        }
        return fields;
    }

    private DataFrame unsetProperties(SqlGrammar.UnsetTablePropertiesContext ctx) {
        List<String> keys = new ArrayList<>();
        for (SqlGrammar.OptionKeyContext k : ctx.propertyKeyList().optionKey()) keys.add(Statements.optionKey(k));
        CatalogTable t = catalog.requireTable(Names.parts(ctx.multipartIdentifier()));
        if (ctx.EXISTS() == null) {
            for (String k : keys) {
                if (!t.properties().containsKey(k)) {
                    throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "ALTER TABLE ... UNSET TBLPROPERTIES")
                            .with("reason", "the property " + k + " is not set on " + t.qualifiedName() + " (Spark: UNSET_NONEXISTENT_PROPERTIES); add IF EXISTS").build();
                }
            }
        }
        catalog.setProperties(Names.parts(ctx.multipartIdentifier()), Map.of(), keys);
        return empty();
    }

    private DataFrame showProperties(SqlGrammar.ShowTablePropertiesContext ctx) {
        CatalogTable t = catalog.requireTable(Names.parts(ctx.multipartIdentifier()));
        StructType schema = Statements.schema("key", "value");
        List<Row> rows = new ArrayList<>();
        if (ctx.key != null) {
            String k = Statements.optionKey(ctx.key);
            String v = t.properties().get(k);
            rows.add(Row.of(schema, k, v != null ? v : "Table " + t.qualifiedName() + " does not have property: " + k));
        } else {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(t.properties()).entrySet()) {
                if (!e.getKey().startsWith("view.")) rows.add(Row.of(schema, e.getKey(), e.getValue()));
            }
        }
        return session.createDataFrame(rows, schema);
    }

    /** Spark's SHOW CREATE TABLE text for a data source table or a view. */
    private DataFrame showCreateTable(SqlGrammar.ShowCreateTableContext ctx) {
        CatalogTable t = catalog.requireTable(Names.parts(ctx.multipartIdentifier()));
        StringBuilder sb = new StringBuilder();
        if (t.isView()) {
            sb.append("CREATE VIEW ").append(t.qualifiedName()).append(" (\n");
            List<String> cols = new ArrayList<>();
            for (StructField f : t.schema().fields()) cols.add("  " + Names.quoted(List.of(f.name())));
            sb.append(String.join(",\n", cols)).append(")\n");
            if (t.comment() != null) sb.append("COMMENT '").append(t.comment()).append("'\n");
            sb.append("AS ").append(t.viewText()).append("\n");
        } else {
            sb.append("CREATE TABLE ").append(t.qualifiedName()).append(" (\n");
            List<String> cols = new ArrayList<>();
            for (StructField f : t.schema().fields()) cols.add("  " + Names.quoted(List.of(f.name())) + " " + f.dataType().sql() + (f.nullable() ? "" : " NOT NULL"));
            sb.append(String.join(",\n", cols)).append(")\n");
            sb.append("USING ").append(t.format()).append("\n");
            if (!t.options().isEmpty()) {
                List<String> opts = new ArrayList<>();
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(t.options()).entrySet()) opts.add("  '" + e.getKey() + "' = '" + e.getValue() + "'");
                sb.append("OPTIONS (\n").append(String.join(",\n", opts)).append(")\n");
            }
            if (!t.partitionBy().isEmpty()) sb.append("PARTITIONED BY (").append(String.join(", ", t.partitionBy())).append(")\n");
            if (!t.clusterBy().isEmpty()) sb.append("CLUSTER BY (").append(String.join(", ", t.clusterBy())).append(")\n");
            if (t.buckets() != null) {
                sb.append("CLUSTERED BY (").append(String.join(", ", t.buckets().columns())).append(")\n");
                if (!t.buckets().sortColumns().isEmpty()) sb.append("SORTED BY (").append(String.join(", ", t.buckets().sortColumns())).append(")\n");
                sb.append("INTO ").append(t.buckets().numBuckets()).append(" BUCKETS\n");
            }
            if (t.comment() != null) sb.append("COMMENT '").append(t.comment()).append("'\n");
            if (t.type() == CatalogTable.Type.EXTERNAL) sb.append("LOCATION '").append(uri(t.location())).append("'\n");
            if (!t.properties().isEmpty()) {
                List<String> props = new ArrayList<>();
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(t.properties()).entrySet()) props.add("  '" + e.getKey() + "' = '" + e.getValue() + "'");
                sb.append("TBLPROPERTIES (\n").append(String.join(",\n", props)).append(")\n");
            }
        }
        StructType schema = Statements.schema("createtab_stmt");
        return session.createDataFrame(List.of(Row.of(schema, sb.toString())), schema);
    }

    // ---- views ----

    private DataFrame createView(SqlGrammar.CreatePersistentViewContext ctx) {
        if (ctx.REPLACE() != null && ctx.EXISTS() != null) throw SyntaxErrors.at(ctx, "CREATE OR REPLACE and IF NOT EXISTS cannot be combined");
        List<String> name = Names.parts(ctx.multipartIdentifier());
        if (ctx.EXISTS() != null && catalog.catalogTable(name).isPresent()) return empty();
        String sql = text(ctx.query());
        refuseGeneratedNames(ctx.query(), name);
        DataFrame df = new QueryBuilder(session).query(ctx.query());   // checked now, as Spark analyzes a view's query
        List<String> columns = null;
        if (ctx.identifierList() != null) {
            columns = Names.identifiers(ctx.identifierList().identifier());
            if (columns.size() != df.columns().length) {
                throw SyntaxErrors.at(ctx.identifierList(), "the view names " + columns.size() + " columns, but its query has " + df.columns().length);
            }
        }
        String comment = ctx.comment == null ? null : Literals.string(ctx.comment.getText());
        refuseTempReferences(ctx.query(), name);
        catalog.createView(name, sql, df.schema(), columns, comment, ctx.REPLACE() != null, false);
        if (ctx.properties != null) catalog.setProperties(name, Statements.options(ctx.properties), List.of());
        return empty();
    }

    /**
     * A persistent view's output columns must have names the user gave: an unaliased expression other than a column
     * is refused, even with a column list (Spark: CREATE_PERMANENT_VIEW_WITHOUT_ALIAS; its generated name could change).
     */
    private static void refuseGeneratedNames(SqlGrammar.QueryContext query, List<String> view) {
        SqlGrammar.QuerySpecificationContext spec = outputSpecification(query);
        if (spec == null) return;
        for (SqlGrammar.NamedExpressionContext n : spec.namedExpressionSeq().namedExpression()) {
            if (n.name != null || n.names != null) continue;
            String text = n.expression().getText();
            if (text.matches("[A-Za-z_`][A-Za-z0-9_`.]*(\\.\\*)?") || text.equals("*")) continue;   // a column, a.field, t.*, *
            // Spark names literals without marking the name generated: SELECT 1, 'x', TRUE, NULL are allowed
            if (text.matches("(?i)[0-9.]+([eE][+-]?[0-9]+)?(L|S|Y|D|F|BD)?|'.*'|\".*\"|true|false|null")) continue;
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "CREATE VIEW " + String.join(".", view))
                    .with("reason", "the expression " + text + " has no alias (Spark: CREATE_PERMANENT_VIEW_WITHOUT_ALIAS); name it with AS").build();
        }
    }

    /** The SELECT whose columns a query returns: the leftmost one of set operations and parentheses. */
    private static SqlGrammar.QuerySpecificationContext outputSpecification(org.antlr.v4.runtime.tree.ParseTree tree) {
        if (tree instanceof SqlGrammar.QuerySpecificationContext q) return q;
        if (tree instanceof SqlGrammar.QueryContext q) return outputSpecification(q.queryBody());
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (tree.getChild(i) instanceof ParserRuleContext child) return outputSpecification(child);
        }
        return null;
    }

    /** A persistent view may not read temporary views (Spark: INVALID_TEMP_OBJ_REFERENCE). */
    private void refuseTempReferences(SqlGrammar.QueryContext query, List<String> view) { refuseTempReferences(query, "CREATE VIEW", view); }

    /** Nor may a persistent function ({@code what}: the statement, for the error). */
    private void refuseTempReferences(ParserRuleContext body, String what, List<String> object) {
        List<SqlGrammar.MultipartIdentifierContext> names = new ArrayList<>();
        collect(body, names);
        for (SqlGrammar.MultipartIdentifierContext m : names) {
            List<String> parts = Names.parts(m);
            if (catalog.isView(parts)) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", what + " " + String.join(".", object))
                        .with("reason", "a persistent object cannot refer to the temporary view " + String.join(".", parts)
                                + " (Spark: INVALID_TEMP_OBJ_REFERENCE); make it temporary instead").build();
            }
        }
    }

    private static void collect(org.antlr.v4.runtime.tree.ParseTree tree, List<SqlGrammar.MultipartIdentifierContext> out) {
        if (tree instanceof SqlGrammar.TableNameContext t) out.add(t.multipartIdentifier());
        for (int i = 0; i < tree.getChildCount(); i++) collect(tree.getChild(i), out);
    }

    /** The source text of a parse tree node, as the user wrote it. */
    static String text(ParserRuleContext ctx) {
        return ctx.start.getInputStream().getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
    }

    // ---- functions ----

    private DataFrame createSqlFunction(SqlGrammar.CreateSqlFunctionContext ctx) {
        boolean temporary = ctx.TEMPORARY() != null || ctx.TEMP() != null;
        if (ctx.REPLACE() != null && ctx.EXISTS() != null) throw SyntaxErrors.at(ctx, "CREATE OR REPLACE and IF NOT EXISTS cannot be combined");
        List<String> name = Names.parts(ctx.multipartIdentifier());
        String shown = String.join(".", name).toLowerCase(Locale.ROOT);
        List<StructField> params = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        for (SqlGrammar.FunctionParameterContext p : ctx.parameters) {
            String pn = Names.identifier(p.identifier());
            if (params.stream().anyMatch(f -> f.name().equalsIgnoreCase(pn))) {
                throw SyntaxErrors.at(p, "the parameter " + pn + " is named twice (Spark: DUPLICATE_ROUTINE_PARAMETER_NAMES)");
            }
            params.add(StructField.of(pn, ExpressionBuilder.dataType(p.dataType())));
            defaults.add(p.defaultValue == null ? null : text(p.defaultValue));
        }
        boolean table = ctx.TABLE() != null;
        StructType columns = null;
        if (table && !ctx.columns.isEmpty()) {
            List<StructField> cols = new ArrayList<>();
            for (SqlGrammar.FunctionColumnContext c : ctx.columns) {
                String cn = Names.identifier(c.identifier());
                if (cols.stream().anyMatch(f -> f.name().equalsIgnoreCase(cn))) {
                    throw invalidFunction(shown, "the column " + cn + " is named twice in RETURNS TABLE (DUPLICATE_ROUTINE_RETURNS_COLUMNS)");
                }
                cols.add(StructField.of(cn, ExpressionBuilder.dataType(c.dataType())));
            }
            columns = new StructType(cols);
        } else if (table && ctx.LPAREN().size() > 1) {
            throw invalidFunction(shown, "RETURNS TABLE () names no column; name them, or write RETURNS TABLE to return the body's columns");
        }
        boolean queryBody = ctx.bodyQuery != null;
        if (table && !queryBody) throw invalidFunction(shown, "the body of a table function must be a query (SQL_TABLE_UDF_BODY_MUST_BE_A_QUERY)");
        String body = text(queryBody ? ctx.bodyQuery : ctx.body);
        String comment = null;
        boolean deterministic = true;
        String dataAccess = null;
        for (SqlGrammar.RoutineCharacteristicContext c : ctx.routineCharacteristic()) {
            if (c.comment != null) comment = Literals.string(c.comment.getText());
            else if (c.DETERMINISTIC() != null) deterministic = c.NOT() == null;
            else if (c.CONTAINS() != null) dataAccess = "CONTAINS SQL";
            else if (c.READS() != null) dataAccess = "READS SQL DATA";
            else if (c.MODIFIES() != null) {
                throw SyntaxErrors.unsupported("MODIFIES SQL DATA", "a SQL function only reads: write CONTAINS SQL or READS SQL DATA");
            }
        }
        CatalogFunction f = function(name, params, table ? null : ExpressionBuilder.dataType(ctx.returnType), body, null, comment, temporary,
                defaults, table, columns, queryBody, deterministic, dataAccess);
        if (!temporary) refuseTempReferences(queryBody ? ctx.bodyQuery : ctx.body, "CREATE FUNCTION", name);
        RoutineDefinitions.check(session, f, queryBody ? ctx.bodyQuery : ctx.body);
        catalog.createFunction(name, f, temporary, ctx.REPLACE() != null, ctx.EXISTS() != null);
        return empty();
    }

    private static SluiceException invalidFunction(String function, String reason) {
        return SluiceException.of(ErrorCode.USER_DEFINED_FUNCTIONS).with("function", function).with("reason", reason).build();
    }

    /**
     * {@code CREATE FUNCTION f AS 'com.example.Udf' [USING JAR '...']}: recorded as Spark records it (the class is
     * not loaded until the function is called); a call is refused, since Sluice runs no Hive or Spark UDF classes.
     */
    private DataFrame createClassFunction(SqlGrammar.CreateClassFunctionContext ctx) {
        boolean temporary = ctx.TEMPORARY() != null || ctx.TEMP() != null;
        if (!ctx.resource().isEmpty()) {
            throw SyntaxErrors.unsupported("CREATE FUNCTION ... USING JAR|FILE|ARCHIVE", "Sluice loads no jars or files for functions; "
                    + "define the function in SQL (CREATE FUNCTION f(x INT) RETURNS INT RETURN ...) or register a Python or Java UDF");
        }
        List<String> name = Names.parts(ctx.multipartIdentifier());
        String className = Literals.string(ctx.className.getText());
        catalog.createFunction(name, function(name, null, null, null, className, null, temporary), temporary, ctx.REPLACE() != null, ctx.EXISTS() != null);
        return empty();
    }

    private CatalogFunction function(List<String> name, List<StructField> params, dev.sluice.types.DataType returns, String body,
                                     String className, String comment, boolean temporary) {
        return function(name, params, returns, body, className, comment, temporary, null, false, null, false, true, null);
    }

    private CatalogFunction function(List<String> name, List<StructField> params, dev.sluice.types.DataType returns, String body,
                                     String className, String comment, boolean temporary, List<String> defaults, boolean table,
                                     StructType columns, boolean queryBody, boolean deterministic, String dataAccess) {
        String database = null;
        String simple = name.get(name.size() - 1);
        if (!temporary) {
            Catalog.Ident id = catalog.ident(name);
            database = id.database();
            simple = id.name();
        }
        return new CatalogFunction(database, simple.toLowerCase(Locale.ROOT), params, returns, body, className, comment, defaults, table,
                columns, queryBody, deterministic, dataAccess);
    }

    private static List<String> quotedParts(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) out.add("`" + p.replace("`", "``") + "`");
        return out;
    }

    private DataFrame empty() { return session.createDataFrame(List.of(), new StructType(List.of())); }
}
