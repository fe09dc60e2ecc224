package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueTypes;
import dev.sluice.types.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.Function;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;

/**
 * AWS Glue's DynamicFrame: self-describing records whose schema is computed when needed, with choice types and
 * error records. Underneath it is a Sluice plan ({@link FramePlan}): declarative transforms are plan operators
 * run by the optimizer and the vectorized engine; only user functions ({@link #map}, {@link #filter}) see one
 * record at a time. Building a frame or a transform reads nothing; docs/glue.md lists the calls that take a pass.
 */
public final class DynamicFrame {
    private final GlueContext glueContext;
    private final String name;
    private final Stage stage;
    private final Lazy<FramePlan> plan;
    private volatile GlueStruct attachedSchema;
    /** For frames whose schema comes from running user code (map): the plan for a given schema, so withFrameSchema skips the pass. */
    private java.util.function.Function<GlueStruct, FramePlan> planForSchema;

    DynamicFrame(GlueContext glueContext, String name, Stage stage, Supplier<FramePlan> plan) {
        this.glueContext = glueContext;
        this.name = name == null ? "" : name;
        this.stage = stage;
        this.plan = Lazy.of(plan);
    }

    // ---- construction and conversion

    /** Glue's {@code DynamicFrame.fromDF(df, glueContext, name)}: the DataFrame's types become Glue types; reads nothing. */
    public static DynamicFrame fromDF(DataFrame df, GlueContext glueContext, String name) {
        Stage stage = Stage.next("fromDF", TransformOptions.DEFAULT);
        return new DynamicFrame(glueContext, name, stage, () -> FramePlan.ofDataFrame(df));
    }

    /** {@code fromDF(df, glueContext, name)} with a GlueContext over the DataFrame's session. */
    public static DynamicFrame fromDF(DataFrame df, String name) { return fromDF(df, GlueContext.of(df.session()), name); }

    public static DynamicFrame fromDF(DataFrame df, GlueContext glueContext) { return fromDF(df, glueContext, ""); }

    /**
     * The good records as a DataFrame (error records are left out): a choice becomes a struct with one field per
     * alternative, named after its type (Glue's default). Lazy: the conversion reads nothing; the lineage's
     * stageThreshold/totalThreshold are enforced when the DataFrame is computed (each action counts afresh).
     */
    public DataFrame toDF() {
        FramePlan p = plan();
        return new FramePlan(ThresholdCheck.forFrame(this).wrap(p), p.schema()).good();
    }

    /** toDF with choices resolved first: {@code KeepAsStruct}, {@code Project} or {@code Cast} per path. */
    public DataFrame toDF(List<ResolveSpec> specs) {
        List<ResolveChoiceSpec> choiceSpecs = new ArrayList<>();
        for (ResolveSpec s : specs) choiceSpecs.add(s.toChoiceSpec());
        return resolveChoice(choiceSpecs).toDF();
    }

    public String name() { return name; }

    /** Glue's {@code getName()}. */
    public String getName() { return name; }

    /**
     * Glue's {@code DynamicFrame.write(connection_type, connection_options, format, format_options)}: writes the good
     * records through the frame's GlueContext (as {@code glueContext.getSinkWithFormat(...).writeDynamicFrame(frame)}).
     */
    public dev.sluice.WriteResult write(String connectionType, Map<String, ?> connectionOptions, String format, Map<String, String> formatOptions) {
        return glueContext.getSinkWithFormat(connectionType, connectionOptions, format, formatOptions, "").writeDynamicFrame(this);
    }

    public GlueContext glueContext() { return glueContext; }

    /** The same frame under another name (Glue frames carry names; collections key them by it). */
    public DynamicFrame withName(String newName) {
        DynamicFrame f = new DynamicFrame(glueContext, newName, stage, plan);
        f.attachedSchema = attachedSchema;
        return f;
    }

    // ---- schema

    /**
     * The frame's schema in Glue types. An attached schema ({@link #withFrameSchema}) is returned as is;
     * otherwise the one the plan carries, which for a file source is inferred by a full pass the first time.
     */
    public GlueStruct schema() {
        GlueStruct attached = attachedSchema;
        return attached != null ? attached : plan().schema();
    }

    /** Whether {@link #schema()} is known without a pass. */
    public boolean isSchemaComputed() { return attachedSchema != null || plan.isComputed(); }

    public java.util.Optional<GlueStruct> getSchemaIfComputed() {
        return isSchemaComputed() ? java.util.Optional.of(schema()) : java.util.Optional.empty();
    }

    /** Attaches a schema, so it is never computed; it must cover every field of the data (Glue's withFrameSchema). */
    public DynamicFrame withFrameSchema(Supplier<GlueStruct> schema) {
        GlueStruct given = schema.get();
        DynamicFrame f = planForSchema == null ? new DynamicFrame(glueContext, name, stage, plan)
                : new DynamicFrame(glueContext, name, stage, () -> planForSchema.apply(given));
        f.attachedSchema = given;
        return f;
    }

    public DynamicFrame withFrameSchema(GlueStruct schema) { return withFrameSchema(() -> schema); }

    /** Rescans the records and tightens the schema (a pass): see {@link SchemaTightening}. */
    public DynamicFrame recomputeSchema() { return SchemaTightening.apply(this); }

    /** Glue's printSchema text: {@code root} then {@code |-- name: type}, 4-space nesting, choices' alternatives. */
    public String schemaString() { return schema().treeString(); }

    public void printSchema() { System.out.print(schemaString()); }

    // ---- actions

    /** The number of good records (error records are not counted); one pass. */
    public long count() {
        return ThresholdCheck.forFrame(this).wrap(plan()).filter(col(ErrorColumn.NAME).isNull()).count();
    }

    /** Glue's show: the first {@code n} records as pretty-printed JSON, a blank line between records. */
    public String showString(int n) {
        StringBuilder sb = new StringBuilder();
        for (DynamicRecord r : take(n)) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(RecordJson.pretty(r)).append('\n');
        }
        return sb.toString();
    }

    public void show(int n) { System.out.print(showString(n)); }

    public void show() { show(20); }

    /** The first {@code n} good records (an action that reads only as far as it needs). */
    public List<DynamicRecord> take(int n) {
        List<DynamicRecord> out = new ArrayList<>();
        try (CloseableIterator<DynamicRecord> it = records()) {
            while (out.size() < n && it.hasNext()) out.add(it.next());
        }
        return out;
    }

    /** Every good record, streamed (an action; close the iterator). */
    public CloseableIterator<DynamicRecord> records() {
        FramePlan p = plan();
        ThresholdCheck check = ThresholdCheck.forFrame(this);
        DataFrame good = check.wrap(p).filter(col(ErrorColumn.NAME).isNull());
        List<Column> cols = new ArrayList<>();
        for (String n : p.schema().names()) cols.add(FramePlan.column(n));
        CloseableIterator<Row> rows = good.select(cols.toArray(new Column[0])).toLocalIterator();
        GlueStruct schema = p.schema();
        return new CloseableIterator<>() {
            @Override public boolean hasNext() { return rows.hasNext(); }

            @Override public DynamicRecord next() { return RecordCodec.decodeRecord(rows.next(), schema); }

            @Override public void close() { rows.close(); }
        };
    }

    /** All good records in a list (for tests and small frames). */
    public List<DynamicRecord> collect() {
        List<DynamicRecord> out = new ArrayList<>();
        try (CloseableIterator<DynamicRecord> it = records()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    // ---- error records

    /** Every error record, this frame's and its inputs' (an action). */
    public long errorsCount() { return countErrors(col(ErrorColumn.NAME).isNotNull()); }

    /** The error records made by the transform that produced this frame (an action). */
    public long stageErrorsCount() {
        return countErrors(col(ErrorColumn.NAME).isNotNull().and(col(ErrorColumn.NAME + ".stage").equalTo(stage.id())));
    }

    private long countErrors(Column condition) {
        return ThresholdCheck.forFrame(this).wrap(plan()).filter(condition).count();
    }

    /** Computes the frame and fails with GLUE_ERROR_THRESHOLD when a threshold in its lineage is exceeded. */
    public void assertErrorThreshold() { errorsCount(); }

    /** The error records as a frame in Glue's layout: one struct column {@code error}. Lazy. */
    public DynamicFrame errorsAsDynamicFrame() { return ErrorFrames.of(this); }

    // ---- transforms

    /** resolveChoice with per-path specs (see {@link ResolveChoiceTransform}). */
    public DynamicFrame resolveChoice(List<ResolveChoiceSpec> specs) { return resolveChoice(specs, null, TransformOptions.DEFAULT); }

    /** resolveChoice with one action for every choice: {@code cast:T}, {@code project:T}, {@code make_cols}, {@code make_struct}. */
    public DynamicFrame resolveChoice(String choice) { return resolveChoice(List.of(), choice, TransformOptions.DEFAULT); }

    public DynamicFrame resolveChoice(List<ResolveChoiceSpec> specs, String choice, TransformOptions options) {
        return ResolveChoiceTransform.apply(this, specs, choice, null, null, options);
    }

    /** resolveChoice with {@code match_catalog}: each choice is cast to the type of the same path in the catalog table. */
    public DynamicFrame resolveChoiceMatchCatalog(String database, String tableName, TransformOptions options) {
        return ResolveChoiceTransform.apply(this, List.of(), "match_catalog", database, tableName, options);
    }

    /** applyMapping: only mapped fields are kept, in mapping order (Scala's default: case-sensitive). */
    public DynamicFrame applyMapping(List<Mapping> mappings) { return applyMapping(mappings, true, TransformOptions.DEFAULT); }

    public DynamicFrame applyMapping(List<Mapping> mappings, boolean caseSensitive) { return applyMapping(mappings, caseSensitive, TransformOptions.DEFAULT); }

    public DynamicFrame applyMapping(List<Mapping> mappings, boolean caseSensitive, TransformOptions options) {
        return ApplyMappingTransform.apply(this, mappings, caseSensitive, options);
    }

    /** selectFields: the named top-level fields. */
    public DynamicFrame selectFields(String... paths) { return selectFields(List.of(paths), TransformOptions.DEFAULT); }

    public DynamicFrame selectFields(List<String> paths, TransformOptions options) { return SelectFieldsTransform.apply(this, paths, options); }

    /** dropFields: nested paths, through arrays of structs too. */
    public DynamicFrame dropFields(String... paths) { return dropFields(List.of(paths), TransformOptions.DEFAULT); }

    public DynamicFrame dropFields(List<String> paths, TransformOptions options) { return DropFieldsTransform.apply(this, paths, options); }

    /** renameField: full paths of the same struct; names with dots in backticks. */
    public DynamicFrame renameField(String oldName, String newName) { return renameField(oldName, newName, TransformOptions.DEFAULT); }

    public DynamicFrame renameField(String oldName, String newName, TransformOptions options) {
        return RenameFieldTransform.apply(this, oldName, newName, options);
    }

    /** map: a user function over each record (a copy); failures become error records. */
    public DynamicFrame map(Function<DynamicRecord, DynamicRecord> f) { return map(f, TransformOptions.DEFAULT); }

    public DynamicFrame map(Function<DynamicRecord, DynamicRecord> f, TransformOptions options) { return MapTransform.apply(this, f, options); }

    /**
     * mapPartitions: {@code f} gets an iterator over one partition's records and returns the partition's output
     * records (both streamed). Input error records pass through; see {@link MapPartitionsTransform}.
     */
    public DynamicFrame mapPartitions(Function<java.util.Iterator<DynamicRecord>, java.util.Iterator<DynamicRecord>> f) {
        return mapPartitions(f, TransformOptions.DEFAULT);
    }

    public DynamicFrame mapPartitions(Function<java.util.Iterator<DynamicRecord>, java.util.Iterator<DynamicRecord>> f, TransformOptions options) {
        return MapPartitionsTransform.apply(this, MapPartitionsTransform.withoutIndex(f), options);
    }

    /** mapPartitionsWithIndex: as mapPartitions, with the partition's index. */
    public DynamicFrame mapPartitionsWithIndex(java.util.function.BiFunction<Integer, java.util.Iterator<DynamicRecord>, java.util.Iterator<DynamicRecord>> f) {
        return mapPartitionsWithIndex(f, TransformOptions.DEFAULT);
    }

    public DynamicFrame mapPartitionsWithIndex(java.util.function.BiFunction<Integer, java.util.Iterator<DynamicRecord>, java.util.Iterator<DynamicRecord>> f,
                                               TransformOptions options) {
        return MapPartitionsTransform.apply(this, f::apply, options);
    }

    /** filter: keeps records for which {@code f} is true; failures become error records. */
    public DynamicFrame filter(Predicate<DynamicRecord> f) { return filter(f, TransformOptions.DEFAULT); }

    public DynamicFrame filter(Predicate<DynamicRecord> f, TransformOptions options) { return FilterTransform.apply(this, f, options); }

    /** unnest: structs flattened into dotted top-level names; arrays stay. */
    public DynamicFrame unnest() { return unnest(TransformOptions.DEFAULT); }

    public DynamicFrame unnest(TransformOptions options) { return UnnestTransform.apply(this, options); }

    /** unbox: parses a string field (json or csv) into a struct in place. */
    public DynamicFrame unbox(String path, String format) { return unbox(path, format, Map.of(), TransformOptions.DEFAULT); }

    public DynamicFrame unbox(String path, String format, Map<String, String> formatOptions) {
        return unbox(path, format, formatOptions, TransformOptions.DEFAULT);
    }

    public DynamicFrame unbox(String path, String format, Map<String, String> formatOptions, TransformOptions options) {
        return UnboxTransform.apply(this, path, format, formatOptions, options);
    }

    /** dropNullFields: drops fields whose type is null (no record has a value). */
    public DynamicFrame dropNullFields() { return dropNullFields(TransformOptions.DEFAULT); }

    public DynamicFrame dropNullFields(TransformOptions options) { return DropNullFieldsTransform.apply(this, options); }

    /** splitFields: {name1: the paths, name2: the rest}. */
    public DynamicFrameCollection splitFields(List<String> paths, String name1, String name2) {
        return splitFields(paths, name1, name2, TransformOptions.DEFAULT);
    }

    public DynamicFrameCollection splitFields(List<String> paths, String name1, String name2, TransformOptions options) {
        return SplitFieldsTransform.apply(this, paths, name1, name2, options);
    }

    /** splitRows: {name1: records meeting every comparison, name2: the rest}; comparisons are {path: {op: value}}. */
    public DynamicFrameCollection splitRows(Map<String, Map<String, Object>> comparisons, String name1, String name2) {
        return splitRows(comparisons, name1, name2, TransformOptions.DEFAULT);
    }

    public DynamicFrameCollection splitRows(Map<String, Map<String, Object>> comparisons, String name1, String name2, TransformOptions options) {
        return SplitRowsTransform.apply(this, comparisons, name1, name2, options);
    }

    /** join: an inner equality join keeping every field of both frames. */
    public DynamicFrame join(List<String> keys1, List<String> keys2, DynamicFrame frame2) {
        return join(keys1, keys2, frame2, TransformOptions.DEFAULT);
    }

    public DynamicFrame join(List<String> keys1, List<String> keys2, DynamicFrame frame2, TransformOptions options) {
        return JoinTransform.apply(this, keys1, keys2, frame2, options);
    }

    /** mergeDynamicFrame: upsert of {@code stage} by primary keys. */
    public DynamicFrame mergeDynamicFrame(DynamicFrame stage, List<String> primaryKeys) {
        return mergeDynamicFrame(stage, primaryKeys, TransformOptions.DEFAULT);
    }

    public DynamicFrame mergeDynamicFrame(DynamicFrame stage, List<String> primaryKeys, TransformOptions options) {
        return MergeTransform.apply(this, stage, primaryKeys, options);
    }

    /** union: every record of both frames, schemas merged with Glue's rules. */
    public DynamicFrame union(DynamicFrame other) { return union(other, TransformOptions.DEFAULT); }

    public DynamicFrame union(DynamicFrame other, TransformOptions options) { return UnionTransform.apply(this, other, options); }

    /** relationalize: the root table and one table per array. */
    public DynamicFrameCollection relationalize(String rootTableName, String stagingPath) {
        return relationalize(rootTableName, stagingPath, TransformOptions.DEFAULT);
    }

    public DynamicFrameCollection relationalize(String rootTableName, String stagingPath, TransformOptions options) {
        return RelationalizeTransform.apply(this, rootTableName, stagingPath, options);
    }

    /** spigot: passes through, writing a sample as JSON Lines under {@code path} when first computed. */
    public DynamicFrame spigot(String path) { return spigot(path, Map.of(), TransformOptions.DEFAULT); }

    public DynamicFrame spigot(String path, Map<String, String> options) { return spigot(path, options, TransformOptions.DEFAULT); }

    public DynamicFrame spigot(String path, Map<String, String> options, TransformOptions transformOptions) {
        return SpigotTransform.apply(this, path, options, transformOptions);
    }

    /** unnestDDBJson: DynamoDB export columns without their Item wrapper and type descriptors. */
    public DynamicFrame unnestDDBJson() { return unnestDDBJson(TransformOptions.DEFAULT); }

    public DynamicFrame unnestDDBJson(TransformOptions options) { return DdbJson.unnest(this, options); }

    /** simplifyDDBJson: DynamoDB JSON simplified recursively. */
    public DynamicFrame simplifyDDBJson() { return DdbJson.simplify(this); }

    /** repartition(n): exactly n partitions, records dealt round-robin by an exchange (can add partitions). */
    public DynamicFrame repartition(int n) { return repartition(n, TransformOptions.DEFAULT); }

    public DynamicFrame repartition(int n, TransformOptions options) { return partitioned("repartition", n, options, df -> df.repartition(n)); }

    /** coalesce(n): at most n partitions, neighbouring ones joined without a shuffle. */
    public DynamicFrame coalesce(int n) { return coalesce(n, TransformOptions.DEFAULT); }

    public DynamicFrame coalesce(int n, TransformOptions options) { return partitioned("coalesce", n, options, df -> df.coalesce(n)); }

    /**
     * The partition count set by the last repartition (exact) or coalesce (an upper bound) in the lineage; else the
     * session's parallelism (Sluice cuts input by byte ranges at run time; this is a hint, as in GLUE.md §3.14).
     */
    public int getNumPartitions() {
        for (DynamicFrame f : ThresholdCheck.lineage(this)) if (f.partitions > 0) return f.partitions;
        return glueContext.sluice().conf().parallelism();
    }

    private DynamicFrame partitioned(String transform, int n, TransformOptions options, java.util.function.UnaryOperator<DataFrame> exchange) {
        if (n < 1) throw FieldPath.invalid(String.valueOf(n), transform + " needs n >= 1");
        DynamicFrame f = derive(transform, options, null, stage -> {
            FramePlan p = plan();
            return new FramePlan(exchange.apply(p.data()), p.schema());
        });
        f.partitions = n;
        return f;
    }

    private volatile int partitions;

    // ---- internals shared by the transforms

    FramePlan plan() { return plan.get(); }

    Stage stage() { return stage; }

    /** A new frame made by {@code transform} from this one (and {@code others}), lazily. */
    DynamicFrame derive(String transform, TransformOptions options, String newName,
                        java.util.function.Function<Stage, FramePlan> build, DynamicFrame... others) {
        DynamicFrame[] parents = new DynamicFrame[others.length + 1];
        parents[0] = this;
        System.arraycopy(others, 0, parents, 1, others.length);
        Stage s = Stage.next(transform, options, parents);
        return new DynamicFrame(glueContext, newName == null ? name : newName, s, () -> build.apply(s));
    }

    /** Like derive, for a transform whose output schema comes from user code: {@code build} gets the schema or null. */
    DynamicFrame deriveOpen(String transform, TransformOptions options,
                            java.util.function.BiFunction<Stage, GlueStruct, FramePlan> build) {
        Stage s = Stage.next(transform, options, this);
        DynamicFrame f = new DynamicFrame(glueContext, name, s, () -> build.apply(s, null));
        f.planForSchema = schema -> build.apply(s, schema);
        return f;
    }

    @Override public String toString() { return "DynamicFrame(" + name + ")"; }
}
