package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.DataFrameReader;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.catalog.CatalogTable;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueTypes;
import dev.sluice.io.FileStatus;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.struct;
import static dev.sluice.functions.when;

/**
 * A Glue file source (connection types {@code s3} and {@code file}; formats json, csv, parquet). Defining it
 * checks the options and reads nothing; {@link #getDynamicFrame()} is lazy. When the frame is computed the
 * files are listed (bookmarks and bounded execution choose among them), then JSON's schema is inferred by a
 * full pass (Glue computes a DynamicFrame's schema from all records), then the records are read.
 */
public final class FileSource implements GlueSource {
    static final Set<String> XML_OPTIONS = Set.of("rowtag", "encoding", "excludeattribute", "treatemptyvaluesasnulls",
            "attributeprefix", "valuetag", "ignoresurroundingspaces", "withschema");
    static final Set<String> JSON_OPTIONS = Set.of("jsonpath", "multiline", "optimizeperformance");
    static final Set<String> CSV_OPTIONS = Set.of("separator", "quotechar", "escaper", "multiline", "withheader",
            "skipfirst", "optimizeperformance");

    private final GlueContext glueContext;
    private final SourceOptions options;
    private final String format;
    private final Map<String, String> formatOptions;
    private final String transformationContext;
    private final CatalogTable table;
    private final String pushDownPredicate;

    FileSource(GlueContext glueContext, String connectionType, Map<String, ?> connectionOptions, String format,
               Map<String, String> formatOptions, String transformationContext, CatalogTable table, String pushDownPredicate) {
        String ct = connectionType == null ? "s3" : connectionType.toLowerCase(Locale.ROOT);
        if (!ct.equals("s3") && !ct.equals("file")) throw ConnectionTypes.unsupported(connectionType, false);
        this.glueContext = glueContext;
        this.options = SourceOptions.parse(connectionOptions);
        this.format = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        this.formatOptions = formatOptions == null ? Map.of() : Map.copyOf(formatOptions);
        this.transformationContext = transformationContext == null ? "" : transformationContext;
        this.table = table;
        this.pushDownPredicate = pushDownPredicate;
        checkFormatOptions();
    }

    private void checkFormatOptions() {
        Set<String> allowed = switch (format) {
            case "json" -> JSON_OPTIONS;
            case "csv" -> CSV_OPTIONS;
            case "xml" -> XML_OPTIONS;
            case "parquet", "glueparquet", "avro" -> Set.of();
            case "orc" -> throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "format orc")
                    .with("reason", "Sluice has no ORC reader (Apache ORC's Java library needs Hadoop); convert to Parquet or Avro").build();
            default -> throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "format " + format)
                    .with("reason", "Sluice's Glue sources read json, csv, xml, parquet and avro").build();
        };
        if (format.equals("xml")) new XmlFormat(formatOptions);   // rowTag, encoding and withSchema are checked when the source is defined
        for (String k : formatOptions.keySet()) {
            if (!allowed.contains(k.toLowerCase(Locale.ROOT))) {
                throw SourceOptions.invalid(k, formatOptions.get(k), "not a " + format + " format option Sluice honours " + allowed);
            }
        }
    }

    private String fmt(String key) {
        for (Map.Entry<String, String> e : formatOptions.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return null;
    }

    @Override public DynamicFrame getDynamicFrame() {
        Stage stage = Stage.next("read_" + format, TransformOptions.context(transformationContext));
        return new DynamicFrame(glueContext, transformationContext, stage, () -> plan(stage));
    }

    private FramePlan plan(Stage stage) {
        List<FileStatus> files = files();
        if (files.isEmpty()) return empty();
        FramePlan p = plan(files, stage);
        long bytes = 0;
        for (FileStatus f : files) bytes += f.size();
        int groups = options.groups(files.size(), bytes, glueContext.sluice().conf().maxSplitBytes());
        // grouped: neighbouring file reads share a partition (no shuffle), as Glue's groupFiles packs small files
        return groups == 0 ? p : new FramePlan(p.data().coalesce(groups), p.schema());
    }

    private FramePlan plan(List<FileStatus> files, Stage stage) {
        if (table == null || table.partitionKeys().size() == 0) return read(files, stage);
        Map<Map<String, String>, List<FileStatus>> groups = new LinkedHashMap<>();
        for (FileStatus f : files) groups.computeIfAbsent(PartitionColumns.values(f.path(), table), k -> new ArrayList<>()).add(f);
        List<FramePlan> plans = new ArrayList<>();
        groups.forEach((values, group) -> plans.add(PartitionColumns.withValues(read(group, stage), table, values)));
        return PlanAlignment.union(plans, stage);
    }

    private FramePlan read(List<FileStatus> files, Stage stage) {
        List<String> paths = new ArrayList<>();
        for (FileStatus f : files) paths.add(f.path());
        return switch (format) {
            case "json" -> json(paths, stage);
            case "csv" -> csv(paths, stage);
            case "xml" -> xml(paths, stage);
            default -> sparkFormat(paths, format.equals("glueparquet") ? "parquet" : format);
        };
    }

    List<FileStatus> files() {
        List<String> resolved = new ArrayList<>();
        for (String p : options.paths()) resolved.add(GluePaths.resolve(p, glueContext.s3LocalRoot()));
        List<FileStatus> files = InputFiles.list(glueContext.sluice().storage(), resolved, options.recurse() || table != null,
                options.exclusions());
        if (table != null && pushDownPredicate != null && !pushDownPredicate.isBlank()) {
            files = PartitionColumns.prune(files, table, pushDownPredicate, glueContext);
        }
        if ("gzip".equalsIgnoreCase(options.compressionType())) {
            for (FileStatus f : files) {
                if (!f.path().endsWith(".gz")) {
                    throw SourceOptions.invalid("compressionType", "gzip", "the file " + f.path()
                            + " has no .gz extension; Sluice detects compression by extension");
                }
            }
        }
        return glueContext.selectFiles(transformationContext, files, options);
    }

    private FramePlan empty() {
        DataFrame none = glueContext.sluice().createDataFrame(List.of(), new StructType(List.of(StructField.of(ErrorColumn.NAME, ErrorColumn.TYPE))));
        return new FramePlan(none, GlueStruct.EMPTY);
    }

    private FramePlan json(List<String> paths, Stage stage) {
        String jsonPath = fmt("jsonPath");
        boolean whole = SourceOptions.bool(fmt("multiline")) || jsonPath != null;
        DataFrame text = SourceFiles.read(paths, p -> {
            DataFrameReader reader = glueContext.sluice().read().format("text");
            if (whole) return reader.option("wholetext", "true").load(p);
            return ErrorLine.tag(reader.load(p));
        });
        JsonRecordsOp op = new JsonRecordsOp(jsonPath, false, whole);   // fail-fast applies to the read, not the schema pass
        List<Column> cols = new ArrayList<>(List.of(col("value"), col(SourceFiles.COLUMN)));
        List<GlueField> fields = new ArrayList<>(List.of(new GlueField("value", GlueScalar.STRING), new GlueField(SourceFiles.COLUMN, GlueScalar.STRING)));
        if (!whole) {
            cols.addAll(List.of(col(ErrorLine.BLOCK), col(ErrorLine.ROW)));
            fields.addAll(List.of(new GlueField(ErrorLine.BLOCK, GlueScalar.LONG), new GlueField(ErrorLine.ROW, GlueScalar.LONG)));
        }
        FramePlan lines = FramePlan.of(text, cols, lit(null).cast(ErrorColumn.TYPE), new GlueStruct(fields));
        GlueStruct schema = OutputSchemas.infer(lines, op);
        if (!whole && glueContext.vectorizedJson() && VectorizedJson.eligible(schema)) {
            return VectorizedJson.read(glueContext.sluice(), paths, schema, stage, transformationContext, options.failFast());
        }
        return Records.applyToLines(lines, schema, new JsonRecordsOp(jsonPath, options.failFast(), whole), stage,
                new LinePositions(glueContext.sluice().storage(), LinePositions.Kind.EVERY_LINE));
    }

    /** XML: records by rowTag, streamed from each file with StAX ({@link XmlRecords}). */
    private FramePlan xml(List<String> paths, Stage stage) {
        return XmlRecords.read(glueContext.sluice(), paths, new XmlFormat(formatOptions), stage);
    }

    private FramePlan csv(List<String> paths, Stage stage) {
        Map<String, String> o = new LinkedHashMap<>();
        if (fmt("separator") != null) o.put("sep", fmt("separator"));
        String quote = fmt("quoteChar");
        if (quote != null) o.put("quote", quote.equals("-1") ? "" : quote);
        o.put("escape", fmt("escaper") == null ? "" : fmt("escaper"));
        if (fmt("multiLine") != null) o.put("multiLine", fmt("multiLine"));
        boolean header = SourceOptions.bool(fmt("withHeader"));
        boolean skipFirst = SourceOptions.bool(fmt("skipFirst"));
        o.put("header", String.valueOf(header || skipFirst));
        DataFrame probe = glueContext.sluice().read().format("csv").options(o).load(paths.toArray(new String[0]));
        List<String> names = new ArrayList<>();
        List<String> sourceNames = probe.schema().fieldNames();
        for (int i = 0; i < sourceNames.size(); i++) names.add(header ? sourceNames.get(i) : "col" + i);
        StructType schema = new StructType(List.of());
        for (String n : sourceNames) schema = schema.add(n, DataTypes.STRING);
        schema = schema.add("_corrupt_record", DataTypes.STRING);
        StructType readSchema = schema;
        DataFrame rows = SourceFiles.read(paths, p -> ErrorLine.tag(glueContext.sluice().read().format("csv").options(o).option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", "_corrupt_record").schema(readSchema).load(p)));
        // a multiLine record may span lines: its line cannot be found by counting lines, so it has none
        Column line = SourceOptions.bool(fmt("multiLine")) ? lit(null).cast(DataTypes.LONG) : ErrorLine.of(glueContext.sluice().storage(),
                header || skipFirst ? LinePositions.Kind.CSV_RECORDS_AFTER_HEADER : LinePositions.Kind.CSV_RECORDS, col("_corrupt_record").isNotNull());
        List<Column> cols = new ArrayList<>();
        List<GlueField> fields = new ArrayList<>();
        Column bad = col("_corrupt_record").isNotNull();
        for (int i = 0; i < names.size(); i++) {
            cols.add(when(bad, lit(null).cast(DataTypes.STRING)).otherwise(FramePlan.column(sourceNames.get(i))));
            fields.add(new GlueField(names.get(i), GlueScalar.STRING));
        }
        Column error = when(bad, struct(lit(stage.id()).alias("stage"), lit(stage.transform()).alias("transform"),
                lit(transformationContext).alias("context"), lit("").alias("info"),
                lit("malformed CSV record").alias("msg"), lit(null).cast(DataTypes.STRING).alias("stackTrace"),
                col("_corrupt_record").alias("input"), col(SourceFiles.COLUMN).alias("source"),
                lit(null).cast(DataTypes.STRING).alias("record"), line.alias("line"))).otherwise(lit(null).cast(ErrorColumn.TYPE));
        return FramePlan.of(rows, cols, error, new GlueStruct(fields));
    }

    /** Parquet and Avro carry their schema: read as Sluice reads them (Avro needs sluice-avro on the class path). */
    private FramePlan sparkFormat(List<String> paths, String sluiceFormat) {
        return FramePlan.ofDataFrame(glueContext.sluice().read().format(sluiceFormat).load(paths.toArray(new String[0])));
    }
}
