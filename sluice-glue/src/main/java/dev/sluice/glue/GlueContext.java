package dev.sluice.glue;

import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.glue.catalog.CatalogTable;
import dev.sluice.glue.catalog.LocalCatalog;
import dev.sluice.glue.job.BookmarkStore;
import dev.sluice.glue.job.Job;
import dev.sluice.io.FileStatus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Glue's GlueContext over a Sluice session: file sources and sinks (s3 and file), the local Data Catalog and job
 * bookmarks. Settings: a local S3 root ({@code sluice.s3.localRoot}: {@code s3://bucket/key} reads
 * {@code <root>/bucket/key}), the catalog directory ({@code sluice.glue.catalog}) and the bookmark directory
 * ({@code sluice.glue.bookmarks}), from the builder or else from system properties.
 */
public final class GlueContext {
    private final Sluice sluice;
    private final Path s3LocalRoot;
    private final LocalCatalog catalog;
    private final BookmarkStore bookmarks;
    private volatile Job job;
    private volatile boolean vectorizedJson = true;

    private GlueContext(Sluice sluice, Path s3LocalRoot, Path catalogDir, Path bookmarkDir) {
        this.sluice = sluice;
        this.s3LocalRoot = s3LocalRoot;
        this.catalog = new LocalCatalog(catalogDir);
        this.bookmarks = new BookmarkStore(bookmarkDir);
    }

    public GlueContext(Sluice sluice) { this(sluice, property("sluice.s3.localRoot"), property("sluice.glue.catalog"), BookmarkStore.defaultDir()); }

    public static GlueContext of(Sluice sluice) { return new GlueContext(sluice); }

    public static Builder builder(Sluice sluice) { return new Builder(sluice); }

    private static Path property(String key) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? null : Path.of(v);
    }

    public Sluice sluice() { return sluice; }

    public Path s3LocalRoot() { return s3LocalRoot; }

    public LocalCatalog catalog() { return catalog; }

    public BookmarkStore bookmarkStore() { return bookmarks; }

    /** Called by {@link Job#init}: sources defined from now on use that job's bookmark. */
    public void setJob(Job job) { this.job = job; }

    public Job job() { return job; }

    boolean vectorizedJson() { return vectorizedJson; }

    /** Tests compare the JSON source's columnar path with its record-at-a-time path. */
    GlueContext recordAtATimeJson() {
        vectorizedJson = false;
        return this;
    }

    // ---- sources

    /**
     * Glue's getSourceWithFormat: a file source (s3, file), or a JDBC table (postgresql, mysql, sqlserver, oracle,
     * redshift, custom.jdbc; no format); {@code getDynamicFrame()} on it is lazy.
     */
    public GlueSource getSourceWithFormat(String connectionType, Map<String, ?> options, String format,
                                          Map<String, String> formatOptions, String transformationContext) {
        if (connectionType != null && JdbcOptions.isJdbc(connectionType)) {
            if (formatOptions != null && !formatOptions.isEmpty()) {
                throw SourceOptions.invalid(formatOptions.keySet().iterator().next(), "", "a " + connectionType + " connection takes no format options");
            }
            return JdbcFrames.source(this, connectionType, options, transformationContext);
        }
        return new FileSource(this, connectionType, options, format, formatOptions, transformationContext, null, null);
    }

    /** Glue's getSource: like getSourceWithFormat with {@code format} (default json) among the options. */
    public GlueSource getSource(String connectionType, Map<String, ?> options, String transformationContext) {
        Map<String, Object> o = new HashMap<>(options);
        Object format = o.remove("format");
        if (connectionType != null && JdbcOptions.isJdbc(connectionType)) return JdbcFrames.source(this, connectionType, o, transformationContext);
        return getSourceWithFormat(connectionType, o, format == null ? "json" : String.valueOf(format), Map.of(), transformationContext);
    }

    /** A source over a local catalog table; push_down_predicate prunes its partitions before listing their files. */
    public FileSource getCatalogSource(String database, String tableName, String transformationContext,
                                       String pushDownPredicate, Map<String, ?> additionalOptions) {
        CatalogTable t = catalog.table(database, tableName);
        Map<String, Object> o = new HashMap<>();
        t.parameters().forEach((k, v) -> {
            if (SourceOptions.KEYS.contains(k.toLowerCase(java.util.Locale.ROOT))) o.put(k, v);
        });
        if (additionalOptions != null) o.putAll(additionalOptions);
        o.put("paths", List.of(t.location()));
        return new FileSource(this, "s3", o, t.format(), t.formatOptions(), transformationContext, t, pushDownPredicate);
    }

    /**
     * A frame of records held in memory (Glue's {@code create_dynamic_frame_from_rdd}): the schema is the merge of
     * the records' types, computed when the frame is first computed; records that do not fit it cannot occur.
     */
    public DynamicFrame createDynamicFrameFromRecords(List<DynamicRecord> records, String name) {
        List<DynamicRecord> copy = new java.util.ArrayList<>();
        for (DynamicRecord r : records) copy.add(r.copy());
        Stage stage = Stage.next("fromRecords", TransformOptions.DEFAULT);
        return new DynamicFrame(this, name, stage, () -> {
            dev.sluice.glue.types.GlueType merged = dev.sluice.glue.types.GlueStruct.EMPTY;
            for (DynamicRecord r : copy) merged = dev.sluice.glue.types.SchemaMerge.merge(merged, r.schema());
            dev.sluice.glue.types.GlueStruct schema = (dev.sluice.glue.types.GlueStruct) merged;
            List<dev.sluice.types.Row> rows = new java.util.ArrayList<>();
            for (DynamicRecord r : copy) {
                dev.sluice.types.Row data = RecordCodec.encodeRecord(r, schema);
                Object[] values = new Object[schema.size() + 1];
                for (int i = 0; i < schema.size(); i++) values[i] = data.get(i);
                rows.add(new dev.sluice.types.Row(FrameRows.type(schema), values));
            }
            return new FramePlan(sluice.createDataFrame(rows, FrameRows.type(schema)), schema);
        });
    }

    /** Python's {@code glueContext.create_dynamic_frame}. */
    public DynamicFrameReader createDynamicFrame() { return new DynamicFrameReader(this); }

    // ---- sinks

    /** A file sink (s3, file) or a JDBC table sink (the JDBC connection types; no format). */
    public GlueSink getSinkWithFormat(String connectionType, Map<String, ?> options, String format,
                                            Map<String, String> formatOptions, String transformationContext) {
        if (connectionType != null && JdbcOptions.isJdbc(connectionType)) {
            Map<String, Object> o = new HashMap<>(options);
            return frame -> JdbcFrames.write(frame, connectionType, o);
        }
        return new FileSinkWriter(this, connectionType, options, format, formatOptions);
    }

    /** Python's {@code glueContext.write_dynamic_frame}. */
    public DynamicFrameWriter writeDynamicFrame() { return new DynamicFrameWriter(this); }

    List<FileStatus> selectFiles(String context, List<FileStatus> files, SourceOptions o) {
        Job j = job;
        if (j == null) return Job.bounded(files, o.boundedFiles(), o.boundedSize());
        return j.select(context, files, o.maxBand(), o.maxFilesInBand(), o.boundedFiles(), o.boundedSize());
    }

    /** Settings for a GlueContext. */
    public static final class Builder {
        private final Sluice sluice;
        private Path s3LocalRoot = property("sluice.s3.localRoot");
        private Path catalog = property("sluice.glue.catalog");
        private Path bookmarks = BookmarkStore.defaultDir();

        private Builder(Sluice sluice) { this.sluice = sluice; }

        public Builder s3LocalRoot(Path root) { this.s3LocalRoot = root; return this; }

        public Builder catalog(Path dir) { this.catalog = dir; return this; }

        public Builder bookmarks(Path dir) { this.bookmarks = dir; return this; }

        public GlueContext build() { return new GlueContext(sluice, s3LocalRoot, catalog, bookmarks); }
    }

    /** The {@code fromOptions}/{@code fromCatalog} readers of {@code create_dynamic_frame}. */
    public static final class DynamicFrameReader {
        private final GlueContext ctx;

        DynamicFrameReader(GlueContext ctx) { this.ctx = ctx; }

        public DynamicFrame fromOptions(String connectionType, Map<String, ?> connectionOptions, String format,
                                        Map<String, String> formatOptions, String transformationContext) {
            return ctx.getSourceWithFormat(connectionType, connectionOptions, format, formatOptions, transformationContext).getDynamicFrame();
        }

        public DynamicFrame fromOptions(String connectionType, Map<String, ?> connectionOptions, String format) {
            return fromOptions(connectionType, connectionOptions, format, Map.of(), "");
        }

        public DynamicFrame fromCatalog(String database, String tableName, String transformationContext,
                                        String pushDownPredicate, Map<String, ?> additionalOptions) {
            return ctx.getCatalogSource(database, tableName, transformationContext, pushDownPredicate, additionalOptions).getDynamicFrame();
        }

        public DynamicFrame fromCatalog(String database, String tableName) { return fromCatalog(database, tableName, "", null, Map.of()); }
    }

    /** The {@code fromOptions} writer of {@code write_dynamic_frame}. */
    public static final class DynamicFrameWriter {
        private final GlueContext ctx;

        DynamicFrameWriter(GlueContext ctx) { this.ctx = ctx; }

        public WriteResult fromOptions(DynamicFrame frame, String connectionType, Map<String, ?> connectionOptions, String format,
                                       Map<String, String> formatOptions, String transformationContext) {
            return ctx.getSinkWithFormat(connectionType, connectionOptions, format, formatOptions, transformationContext).writeDynamicFrame(frame);
        }

        public WriteResult fromOptions(DynamicFrame frame, String connectionType, Map<String, ?> connectionOptions, String format) {
            return fromOptions(frame, connectionType, connectionOptions, format, Map.of(), "");
        }

        /**
         * Glue's {@code write_dynamic_frame.from_catalog}: appends the frame to a local catalog table, at its location, in
         * its format, in Hive-style directories for its partition keys. Of the table's format options, the CSV
         * {@code separator} and {@code quoteChar} apply, and {@code withHeader} becomes {@code writeHeader}; reader-only
         * options (jsonPath, multiline, rowTag, ...) do not concern writing.
         */
        public WriteResult fromCatalog(DynamicFrame frame, String database, String tableName, String transformationContext) {
            CatalogTable t = ctx.catalog.table(database, tableName);
            Map<String, Object> options = new HashMap<>();
            options.put("path", t.location());
            if (t.partitionKeys().size() > 0) options.put("partitionKeys", t.partitionKeys().names());
            Map<String, String> formatOptions = new HashMap<>();
            t.formatOptions().forEach((k, v) -> {
                String key = k.toLowerCase(java.util.Locale.ROOT);
                if (key.equals("separator") || key.equals("quotechar")) formatOptions.put(k, v);
                else if (key.equals("withheader")) formatOptions.put("writeHeader", v);
            });
            return fromOptions(frame, "s3", options, t.format(), formatOptions, transformationContext);
        }

        public WriteResult fromCatalog(DynamicFrame frame, String database, String tableName) {
            return fromCatalog(frame, database, tableName, "");
        }

        /** Writes every frame of a collection (Glue's write_from_options takes a collection too), each under path/name. */
        public void fromOptions(DynamicFrameCollection frames, String connectionType, Map<String, ?> connectionOptions, String format) {
            for (String key : frames.keys()) {
                Map<String, Object> o = new HashMap<>(connectionOptions);
                o.put("path", String.valueOf(connectionOptions.get("path")).replaceAll("/+$", "") + "/" + key);
                fromOptions(frames.select(key), connectionType, o, format);
            }
        }
    }
}
