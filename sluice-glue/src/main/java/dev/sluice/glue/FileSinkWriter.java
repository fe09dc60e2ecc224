package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.DataFrameWriter;
import dev.sluice.WriteResult;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Glue file sink (connection types s3 and file; formats json, csv, parquet/glueparquet): appends new files under
 * {@code path} (Glue never replaces what is there), Hive-style directories for {@code partitionKeys}, through
 * Sluice's atomic commit. JSON is written record by record as Glue writes it (a choice writes its value, not
 * its struct); CSV and Parquet write toDF()'s columns. Error records are not written; thresholds are enforced.
 */
public final class FileSinkWriter implements GlueSink {
    private static final Set<String> KEYS = Set.of("path", "partitionkeys", "compression");
    private final GlueContext glueContext;
    private final String path;
    private final List<String> partitionKeys;
    private final String format;
    private final Map<String, String> formatOptions;
    private final String compression;

    FileSinkWriter(GlueContext glueContext, String connectionType, Map<String, ?> options, String format, Map<String, String> formatOptions) {
        String ct = connectionType == null ? "s3" : connectionType.toLowerCase(Locale.ROOT);
        if (!ct.equals("s3") && !ct.equals("file")) {
            throw ConnectionTypes.unsupported(connectionType, true);
        }
        for (String k : options.keySet()) {
            if (!KEYS.contains(k.toLowerCase(Locale.ROOT))) throw SourceOptions.invalid(k, String.valueOf(options.get(k)), "not a sink option Sluice honours " + KEYS);
        }
        Object p = options.get("path");
        if (p == null) throw SourceOptions.invalid("path", "(none)", "a sink needs a path");
        this.glueContext = glueContext;
        this.path = GluePaths.resolve(String.valueOf(p), glueContext.s3LocalRoot());
        List<String> keys = new ArrayList<>();
        Object pk = options.get("partitionKeys");
        if (pk instanceof List<?> l) for (Object o : l) keys.add(String.valueOf(o));
        else if (pk instanceof String[] a) keys.addAll(List.of(a));
        else if (pk != null && !String.valueOf(pk).isBlank()) keys.add(String.valueOf(pk));
        this.partitionKeys = keys;
        this.format = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!Set.of("json", "csv", "parquet", "glueparquet", "avro").contains(this.format)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "sink format " + format)
                    .with("reason", "Sluice's Glue sinks write json, csv, parquet and avro").build();
        }
        this.formatOptions = formatOptions == null ? Map.of() : Map.copyOf(formatOptions);
        Object c = options.get("compression");
        this.compression = c == null ? null : String.valueOf(c);
    }

    @Override public WriteResult writeDynamicFrame(DynamicFrame frame) {
        FramePlan plan = frame.plan();
        for (String k : partitionKeys) {
            if (plan.schema().field(k).isEmpty()) {
                throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", k).with("suggestion", " (partitionKeys name top-level fields)").build();
            }
        }
        ThresholdCheck check = ThresholdCheck.forFrame(frame);
        FramePlan checked = new FramePlan(check.wrap(plan), plan.schema());
        DataFrame good;
        String writeFormat;
        if (format.equals("json")) {
            good = asJsonLines(checked, frame.stage()).good();
            writeFormat = "text";
        } else {
            good = checked.good();
            writeFormat = format.equals("glueparquet") ? "parquet" : format;
        }
        DataFrameWriter w = good.write().mode("append").format(writeFormat);
        options(w);
        if (!partitionKeys.isEmpty()) w.partitionBy(partitionKeys.toArray(new String[0]));
        return w.save(path);
    }

    private void options(DataFrameWriter w) {
        if (compression != null) w.option("compression", compression);
        for (Map.Entry<String, String> e : formatOptions.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (format.equals("csv") && k.equals("separator")) w.option("sep", e.getValue());
            else if (format.equals("csv") && k.equals("quotechar")) w.option("quote", e.getValue());
            else if (format.equals("csv") && k.equals("writeheader")) w.option("header", e.getValue());
            else if ((format.contains("parquet")) && k.equals("compression")) w.option("compression", e.getValue());
            else if (format.contains("parquet") && k.equals("blocksize")) w.option("parquet.block.size", e.getValue());
            // Sluice has one Parquet writer, and it is Glue's kind (no schema pre-pass): the flag chooses nothing else
            else if (format.contains("parquet") && k.equals("useglueparquetwriter")) continue;
            else if (format.contains("parquet") && k.equals("pagesize")) {
                throw SourceOptions.invalid(e.getKey(), e.getValue(), "Sluice's Parquet writer has no page size setting (pages follow its own limits)");
            }
            else throw SourceOptions.invalid(e.getKey(), e.getValue(), "not a " + format + " sink option Sluice honours");
        }
        if (format.equals("csv") && formatOptions.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("writeHeader"))) w.option("header", "true");
    }

    /** One compact JSON text per record (partition keys left out of it and kept as columns). */
    private FramePlan asJsonLines(FramePlan plan, Stage stage) {
        List<GlueField> fields = new ArrayList<>(List.of(new GlueField("value", GlueScalar.STRING)));
        for (String k : partitionKeys) fields.add(plan.schema().field(k).orElseThrow());
        GlueStruct out = new GlueStruct(fields);
        return Records.applyEach(plan, out, r -> {
            DynamicRecord line = new DynamicRecord();
            for (String k : partitionKeys) line.put(k, r.dropField(FieldPath.parse(FramePlan.quote(k))));
            DynamicRecord json = new DynamicRecord();
            json.put("value", r.toJson());
            line.asMap().forEach(json::put);
            return List.of(json);
        }, stage);
    }
}
