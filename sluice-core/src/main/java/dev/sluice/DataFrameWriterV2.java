package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.io.FileFormats;
import dev.sluice.io.OptionCheck;
import dev.sluice.io.SaveMode;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Spark's DataFrameWriterV2, {@code df.writeTo("db.t").using("parquet").partitionedBy(col("d")).create()}, against
 * Sluice's session catalog, which holds file tables as Spark 4.1's {@code spark_catalog} holds them: as v1 tables.
 * So it does what Spark 4.1.1 does there (checked against it, see DataFrameWriterV2DifferentialTest):
 * <ul>
 *   <li>{@link #create} writes a new table (CREATE TABLE AS SELECT): format {@link #using} (default parquet), its
 *       options (a {@code path} makes it external), {@link #tableProperty}s, partitioned by {@link #partitionedBy}'s
 *       identity columns and at most one {@code bucket(n, col)}; TABLE_OR_VIEW_ALREADY_EXISTS when the table exists.
 *       {@code years}, {@code months}, {@code days} and {@code hours} are refused (Spark: UNSUPPORTED_PARTITION_TRANSFORM,
 *       "The supported transforms are identity, bucket, and clusterBy"), as is any other expression.</li>
 *   <li>{@link #append}, {@link #overwrite} and {@link #overwritePartitions} need a table that accepts v2 writes; a
 *       session-catalog table does not (Spark: "Cannot write into v1 table"), a temporary view neither, a missing table
 *       is TABLE_OR_VIEW_NOT_FOUND. {@code insertInto} and {@code saveAsTable} write those tables, and
 *       {@code partitionOverwriteMode=dynamic} gives {@code overwritePartitions}'s result.</li>
 *   <li>{@link #replace} and {@link #createOrReplace} are refused (Spark: UNSUPPORTED_FEATURE.TABLE_OPERATION, the
 *       session catalog does not support REPLACE TABLE AS SELECT).</li>
 * </ul>
 * Every refusal happens before anything is read or written.
 */
public final class DataFrameWriterV2 {
    private static final Set<String> TIME_TRANSFORMS = Set.of("years", "months", "days", "hours");

    private final DataFrame frame;
    private final String table;
    private final List<String> nameParts;
    private String provider;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<Column> partitioning = new ArrayList<>();

    DataFrameWriterV2(DataFrame frame, String table) {
        this.frame = frame;
        this.table = table;
        this.nameParts = dev.sluice.expr.UnresolvedColumn.parse(table).nameParts();
    }

    /** The table's format (Spark's provider): parquet, json, csv, orc, ... */
    public DataFrameWriterV2 using(String provider) {
        this.provider = provider;
        return this;
    }

    public DataFrameWriterV2 option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameWriterV2 option(String key, boolean value) { return option(key, String.valueOf(value)); }

    public DataFrameWriterV2 option(String key, long value) { return option(key, String.valueOf(value)); }

    public DataFrameWriterV2 option(String key, double value) { return option(key, String.valueOf(value)); }

    public DataFrameWriterV2 options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    /** A property of the created table (SHOW TBLPROPERTIES). */
    public DataFrameWriterV2 tableProperty(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /**
     * The partitioning of the created table: columns ({@code col("d")}, identity) and partition transforms
     * ({@code functions.bucket(4, col("id"))}; {@code years}, {@code months}, {@code days}, {@code hours}).
     */
    public DataFrameWriterV2 partitionedBy(Column column, Column... columns) {
        partitioning.clear();
        partitioning.add(column);
        partitioning.addAll(List.of(columns));
        return this;
    }

    /** Creates the table from the rows: TABLE_OR_VIEW_ALREADY_EXISTS when there is one. */
    public WriteResult create() {
        Partitioning p = partitioning();
        String format = provider == null ? DataFrameWriter.defaultTableFormat() : provider;
        FileFormats.lookup(format);
        Map<String, String> tableOptions = new LinkedHashMap<>(options);
        String location = null;
        for (String k : List.copyOf(tableOptions.keySet())) {
            if (k.equalsIgnoreCase("path")) location = tableOptions.remove(k);   // an external table, as Spark
        }
        OptionCheck.write(FileFormats.lookup(format), tableOptions);
        TableDefinition def = new TableDefinition(nameParts, format, null, p.columns(), p.buckets(), List.of(), tableOptions, location,
                properties, null);
        return frame.session().catalog().saveAsTable(def, frame, SaveMode.ERROR_IF_EXISTS);
    }

    /** Spark 4.1 cannot replace a session-catalog table this way (UNSUPPORTED_FEATURE.TABLE_OPERATION). */
    public WriteResult replace() { throw cannotReplace(); }

    /** As {@link #replace}: refused as Spark 4.1 refuses it for the session catalog, whether or not the table exists. */
    public WriteResult createOrReplace() { throw cannotReplace(); }

    /** Refused for a session-catalog table, as Spark 4.1 refuses it: use {@code write().mode("append").insertInto(table)}. */
    public WriteResult append() { throw cannotWrite("append()", "df.write().mode(\"append\").insertInto(\"" + table + "\")"); }

    /** Refused for a session-catalog table, as Spark 4.1 refuses it. */
    public WriteResult overwrite(Column condition) {
        java.util.Objects.requireNonNull(condition, "condition");
        throw cannotWrite("overwrite(condition)", "df.write().mode(\"overwrite\").insertInto(\"" + table + "\") to replace the table");
    }

    /** Refused for a session-catalog table, as Spark 4.1 refuses it: the dynamic partition overwrite gives its result. */
    public WriteResult overwritePartitions() {
        throw cannotWrite("overwritePartitions()", "df.write().mode(\"overwrite\").option(\"partitionOverwriteMode\", \"dynamic\").insertInto(\""
                + table + "\")");
    }

    /** The table's partition columns and bucketing from {@link #partitionedBy}, checked as Spark checks them. */
    private record Partitioning(List<String> columns, CatalogTable.BucketSpec buckets) {}

    private Partitioning partitioning() {
        List<String> columns = new ArrayList<>();
        CatalogTable.BucketSpec buckets = null;
        for (Column c : partitioning) {
            Expression e = c.expr();
            if (e instanceof UnresolvedColumn u) {
                String name = column(u, "identity");
                for (String seen : columns) {
                    if (seen.equalsIgnoreCase(name)) throw SluiceException.of(ErrorCode.COLUMN_ALREADY_EXISTS).with("column", name).build();
                }
                columns.add(name);
            } else if (e instanceof FunctionCall f && TIME_TRANSFORMS.contains(f.name().toLowerCase(Locale.ROOT))) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "The partition transform `" + f.name() + "(" + sql(f.arguments()) + ")`")
                        .with("reason", "a session-catalog table takes the transforms identity, bucket and clusterBy only (Spark: UNSUPPORTED_PARTITION_TRANSFORM);"
                                + " partition by a column computed before the write, e.g. withColumn(\"year\", year(ts))").build();
            } else if (e instanceof FunctionCall f && f.name().equalsIgnoreCase("bucket") && f.arguments().size() == 2
                    && f.arguments().get(0) instanceof Literal n && n.value() instanceof Number count && f.arguments().get(1) instanceof UnresolvedColumn u) {
                if (buckets != null) {
                    throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "Multiple bucket transforms")
                            .with("reason", "a table has one bucketing (Spark: UNSUPPORTED_FEATURE.MULTIPLE_BUCKET_TRANSFORMS)").build();
                }
                int numBuckets = count.intValue();
                if (numBuckets <= 0 || numBuckets > 100_000) {
                    throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "bucket")
                            .with("reason", "the number of buckets must be greater than 0 and at most 100000, got " + numBuckets + " (Spark: INVALID_BUCKET_COUNT)").build();
                }
                buckets = new CatalogTable.BucketSpec(numBuckets, List.of(column(u, "bucket")), List.of());
            } else {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "partitionedBy")
                        .with("reason", "Invalid partition transformation: " + sql(List.of(e)) + "; use a column, or bucket(n, column)").build();
            }
        }
        if (!columns.isEmpty() && columns.size() == frame.schema().size()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "partitionedBy")
                    .with("reason", "Cannot use all columns for partition columns (Spark: ALL_PARTITION_COLUMNS_NOT_ALLOWED)").build();
        }
        return new Partitioning(columns, buckets);
    }

    /** The data's column a transform names, as the data spells it (a nested field is not a partition column). */
    private String column(UnresolvedColumn u, String transform) {
        if (u.nameParts().size() != 1) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "The partition transform `" + transform + "(" + String.join(".", u.nameParts()) + ")`")
                    .with("reason", "partition and bucket columns are top-level columns (Spark: UNSUPPORTED_PARTITION_TRANSFORM)").build();
        }
        String name = u.nameParts().get(0);
        for (StructField f : frame.schema().fields()) if (f.name().equalsIgnoreCase(name)) return f.name();
        throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", name)
                .with("suggestion", " The partition column is not defined in the table " + table + ", whose columns are " + frame.schema().fieldNames()
                        + " (Spark: COLUMN_NOT_DEFINED_IN_TABLE).").build();
    }

    /** The expressions as SQL text; a partition transform is no function, so it is written out by name. */
    private static String sql(List<Expression> exprs) {
        List<String> out = new ArrayList<>();
        for (Expression e : exprs) {
            if (e instanceof FunctionCall f) out.add(f.name() + "(" + sql(f.arguments()) + ")");
            else if (e instanceof UnresolvedColumn u) out.add(String.join(".", u.nameParts()));
            else out.add(e.sql());
        }
        return String.join(", ", out);
    }

    private SluiceException cannotReplace() {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "REPLACE TABLE AS SELECT into " + qualified())
                .with("reason", "Spark 4.1's session catalog does not support it for its tables (Spark: UNSUPPORTED_FEATURE.TABLE_OPERATION); drop the table"
                        + " and create() it, or df.write().mode(\"overwrite\").saveAsTable(\"" + table + "\")").build();
    }

    private SluiceException cannotWrite(String operation, String instead) {
        Catalog catalog = frame.session().catalog();
        if (catalog.isView(nameParts)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "writeTo(\"" + table + "\")." + operation)
                    .with("reason", "Cannot write into temp view " + table + " as it's not a data source v2 relation (as Spark)").build();
        }
        if (catalog.catalogTable(nameParts).isEmpty()) throw catalog.notFound(nameParts);
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "writeTo(\"" + table + "\")." + operation)
                .with("reason", "Cannot write into v1 table: " + qualified() + " (as Spark 4.1, whose session catalog holds file tables as v1 tables);"
                        + " use " + instead).build();
    }

    private String qualified() {
        Catalog.Ident id = frame.session().catalog().ident(nameParts);
        return "`" + Catalog.CATALOG_NAME + "`.`" + id.database() + "`.`" + id.name().toLowerCase(Locale.ROOT) + "`";
    }
}
