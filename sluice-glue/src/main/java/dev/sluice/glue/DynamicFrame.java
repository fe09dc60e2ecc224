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
import java.util.function.UnaryOperator;

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
        return new DynamicFrame(glueContext, name, stage, () -> {
            GlueStruct schema = GlueTypes.fromStruct(df.schema());
            List<Column> cols = new ArrayList<>();
            for (String n : schema.names()) cols.add(FramePlan.column(n));
            return FramePlan.of(df, cols, lit(null).cast(ErrorColumn.TYPE), schema);
        });
    }

    /** {@code fromDF(df, glueContext, name)} with a GlueContext over the DataFrame's session. */
    public static DynamicFrame fromDF(DataFrame df, String name) { return fromDF(df, GlueContext.of(df.session()), name); }

    public static DynamicFrame fromDF(DataFrame df, GlueContext glueContext) { return fromDF(df, glueContext, ""); }

    /**
     * The good records as a DataFrame (error records are left out): a choice becomes a struct with one field per
     * alternative, named after its type (Glue's default). Lazy: the conversion reads nothing.
     */
    public DataFrame toDF() { return plan().good(); }

    /** toDF with choices resolved first: {@code KeepAsStruct}, {@code Project} or {@code Cast} per path. */
    public DataFrame toDF(List<ResolveSpec> specs) {
        List<ResolveChoiceSpec> choiceSpecs = new ArrayList<>();
        for (ResolveSpec s : specs) choiceSpecs.add(s.toChoiceSpec());
        return resolveChoice(choiceSpecs).toDF();
    }

    public String name() { return name; }

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
        DynamicFrame f = new DynamicFrame(glueContext, name, stage, plan);
        f.attachedSchema = schema.get();
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
        try (ThresholdCheck check = ThresholdCheck.forFrame(this)) {
            return check.wrap(plan()).filter(col(ErrorColumn.NAME).isNull()).count();
        }
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

            @Override public void close() {
                rows.close();
                check.close();
            }
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
        try (ThresholdCheck check = ThresholdCheck.forFrame(this)) {
            return check.wrap(plan()).filter(condition).count();
        }
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

    @Override public String toString() { return "DynamicFrame(" + name + ")"; }
}
