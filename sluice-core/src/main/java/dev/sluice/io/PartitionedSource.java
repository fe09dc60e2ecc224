package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files of one format under directories that may hold Hive-style partitions ({@code year=2026/month=11/}). At
 * action time it lists the files, discovers the partition columns, leaves out the partitions that pushed
 * filters on partition columns rule out, and reads each remaining partition's files through the format,
 * adding the partition values as constant columns.
 * <p>The schema is the user's (partition columns are those of its fields that directories name; the others are
 * read from the files), or, when inferred, the files' columns followed by the discovered partition columns.
 */
public final class PartitionedSource implements DataSource {
    private final FileFormat format;
    private final FileSourceContext context;
    private final List<String> paths;
    private final StructType schema;
    private final DataSource flat;   // the format's own source over all paths: description, and the no-partition case
    private final List<dev.sluice.json.FromJsonColumn> fromJson;   // see withFromJson

    public PartitionedSource(FileFormat format, FileSourceContext context, List<String> paths, StructType schema) {
        this.format = format;
        this.context = context;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.flat = format.source(context, paths, schema);
        this.fromJson = List.of();
    }

    private PartitionedSource(PartitionedSource from, List<dev.sluice.json.FromJsonColumn> fromJson) {
        this.format = from.format;
        this.context = from.context;
        this.paths = from.paths;
        this.schema = from.schema;
        this.flat = from.flat.withFromJson(fromJson);
        this.fromJson = List.copyOf(fromJson);
    }

    /** The hint goes to the format's sources (all paths, and each partition's). */
    @Override public DataSource withFromJson(List<dev.sluice.json.FromJsonColumn> calls) { return new PartitionedSource(this, calls); }

    @Override public List<dev.sluice.json.FromJsonColumn> fromJson() { return fromJson; }

    /** Infers the whole schema now (the documented exception to laziness): file columns, then partition columns. */
    public static PartitionedSource inferred(FileFormat format, FileSourceContext context, List<String> paths) {
        List<FileListing.ListedFile> listed = FileListing.resolveListed(context.storage(), paths, context.listing());
        if (listed.isEmpty() && format.infersSchemaFromData()) {
            // Spark's UNABLE_TO_INFER_SCHEMA: an empty directory, or one with only hidden/_ files or sub-directories
            throw SluiceException.of(ErrorCode.UNABLE_TO_INFER_SCHEMA).with("format", format.name().toUpperCase(java.util.Locale.ROOT))
                    .with("path", String.join(", ", paths)).with("reason", "there are no data files to read a schema from")
                    .build();
        }
        StructType data = format.inferSchema(context, paths);
        if (context.recursiveFileLookup()) return new PartitionedSource(format, context, paths, data);
        PartitionDiscovery.Partitions partitions = PartitionDiscovery.discover(listed);
        List<StructField> fields = new ArrayList<>();
        for (StructField f : data.fields()) if (partitions.schema().indexOf(f.name()) < 0) fields.add(f);
        fields.addAll(partitions.schema().fields());
        return new PartitionedSource(format, context, paths, new StructType(fields));
    }

    /** The paths as the user gave them. */
    public List<String> paths() { return paths; }

    /** The reader's options as the user gave them. */
    public Map<String, String> options() { return context.options(); }

    /** The format's own source over all the paths (what reads the files when there are no partition directories). */
    public DataSource fileSource() { return flat; }

    @Override public String formatName() { return flat.formatName(); }

    @Override public String description() { return flat.description(); }

    @Override public StructType schema() { return schema; }

    @Override public List<Split> splits() { return splits(List.of()); }

    @Override public List<Split> splits(List<Expression> filters) {
        if (context.recursiveFileLookup()) return flat.splits(filters);
        List<FileListing.ListedFile> files = FileListing.resolveListed(context.storage(), paths, context.listing());
        PartitionDiscovery.Partitions found = PartitionDiscovery.discover(files);
        StructType partitionSchema = partitionColumns(found.schema());
        if (partitionSchema.size() == 0) return flat.splits(filters);
        StructType dataSchema = dataColumns(partitionSchema);
        Map<Row, List<String>> filesByPartition = new LinkedHashMap<>();
        for (FileListing.ListedFile f : files) {
            Row values = typedValues(found.valuesByFile().get(f.file().path()), found.schema(), partitionSchema);
            // listed files are literal paths; the format reads its paths as globs, so escape them
            filesByPartition.computeIfAbsent(values, k -> new ArrayList<>()).add(GlobPattern.escape(f.file().path()));
        }
        List<Expression> partitionFilters = partitionOnly(filters, partitionSchema);
        List<Split> out = new ArrayList<>();
        for (Map.Entry<Row, List<String>> e : filesByPartition.entrySet()) {
            if (!PartitionPruning.mayMatch(partitionFilters, e.getKey())) continue;
            DataSource source = format.source(context, e.getValue(), dataSchema).withFromJson(fromJson);
            for (Split s : source.splits(dataOnly(filters, partitionSchema))) {
                out.add(new PartitionSplit(s, source, e.getKey(), partitionSchema));
            }
        }
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        return FailureTolerantReader.wrap(context.options(), split, () -> openSplit(split, projection, filters));
    }

    private BatchReader openSplit(Split split, StructType projection, List<Expression> filters) {
        if (!(split instanceof PartitionSplit ps)) return flat.open(split, projection, filters);
        List<StructField> dataFields = new ArrayList<>();
        for (StructField f : projection.fields()) if (ps.partitionSchema().indexOf(f.name()) < 0) dataFields.add(f);
        StructType dataProjection = new StructType(dataFields);
        BatchReader inner = ps.source().open(ps.inner(), dataProjection, dataOnly(filters, ps.partitionSchema()));
        return new BatchReader() {
            @Override public Batch next() {
                Batch b = inner.next();
                if (b == null) return null;
                ColumnVector[] out = new ColumnVector[projection.size()];
                for (int i = 0; i < out.length; i++) {
                    StructField f = projection.field(i);
                    int p = ps.partitionSchema().indexOf(f.name());
                    out[i] = p >= 0 ? ConstantVector.of(f.dataType(), ps.values().get(p), b.rowCount())
                            : b.column(dataProjection.indexOf(f.name()));
                }
                return new Batch(out, b.rowCount());
            }

            @Override public long bytesRead() { return inner.bytesRead(); }

            @Override public long droppedRecords() { return inner.droppedRecords(); }

            @Override public void close() { inner.close(); }
        };
    }

    /** A split of one partition's files, with that partition's values. */
    record PartitionSplit(Split inner, DataSource source, Row values, StructType partitionSchema) implements Split {
        @Override public String filePath() { return inner.filePath(); }

        @Override public long fileStart() { return inner.fileStart(); }

        @Override public long fileLength() { return inner.fileLength(); }

        @Override public String description() { return inner.description() + " " + values; }

        @Override public long sizeInBytes() { return inner.sizeInBytes(); }

        @Override public boolean packable() { return inner.packable(); }
    }

    /** The discovered columns that the schema names, with the schema's types, in discovery order. */
    private StructType partitionColumns(StructType discovered) {
        List<StructField> out = new ArrayList<>();
        for (StructField d : discovered.fields()) {
            int i = schema.indexOf(d.name());
            if (i >= 0) out.add(schema.field(i));
        }
        return new StructType(out);
    }

    private StructType dataColumns(StructType partitionSchema) {
        List<StructField> out = new ArrayList<>();
        for (StructField f : schema.fields()) if (partitionSchema.indexOf(f.name()) < 0) out.add(f);
        return new StructType(out);
    }

    /** The file's discovered values converted to the schema's types (a user schema may type them differently). */
    private static Row typedValues(Row discovered, StructType discoveredSchema, StructType partitionSchema) {
        Object[] values = new Object[partitionSchema.size()];
        for (int i = 0; i < values.length; i++) {
            StructField f = partitionSchema.field(i);
            Object v = discovered.get(discoveredSchema.indexOf(f.name()));
            DataType from = discoveredSchema.field(discoveredSchema.indexOf(f.name())).dataType();
            values[i] = v == null || from.equals(f.dataType()) ? v : castText(String.valueOf(v), f.dataType());
        }
        return new Row(partitionSchema, values);
    }

    private static Object castText(String text, DataType to) {
        BytesVector s = new BytesVector(dev.sluice.types.DataTypes.STRING, 1);
        s.append(text);
        return dev.sluice.expr.Casts.cast(s, to, dev.sluice.expr.EvalMode.ANSI).getObject(0);
    }

    private static List<Expression> partitionOnly(List<Expression> filters, StructType partitionSchema) {
        List<Expression> out = new ArrayList<>();
        for (Expression f : filters) if (references(f).stream().allMatch(n -> partitionSchema.indexOf(n) >= 0)) out.add(f);
        return out;
    }

    private static List<Expression> dataOnly(List<Expression> filters, StructType partitionSchema) {
        List<Expression> out = new ArrayList<>();
        for (Expression f : filters) if (references(f).stream().noneMatch(n -> partitionSchema.indexOf(n) >= 0)) out.add(f);
        return out;
    }

    private static Set<String> references(Expression e) {
        Set<String> names = new java.util.HashSet<>();
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof ColumnRef r) names.add(r.name());
            if (node instanceof dev.sluice.expr.BoundColumn b) names.add(b.name());
        }
        return names;
    }
}
