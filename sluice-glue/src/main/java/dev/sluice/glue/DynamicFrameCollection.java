package dev.sluice.glue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Glue's DynamicFrameCollection: frames by name, in insertion order. {@link #select} of a missing key returns an
 * empty frame named after the key, as Glue does. map and flatMap call the function with each frame and
 * {@code transformationContext + ":" + key}.
 */
public final class DynamicFrameCollection {
    private final Lazy<Map<String, DynamicFrame>> frames;
    private final GlueContext glueContext;

    public DynamicFrameCollection(Map<String, DynamicFrame> frames, GlueContext glueContext) {
        Map<String, DynamicFrame> copy = new LinkedHashMap<>(frames);
        this.frames = Lazy.of(() -> copy);
        this.glueContext = glueContext;
    }

    /** A collection whose members are known only once computed (relationalize's tables depend on the schema). */
    DynamicFrameCollection(java.util.function.Supplier<Map<String, DynamicFrame>> frames, GlueContext glueContext) {
        this.frames = Lazy.of(frames);
        this.glueContext = glueContext;
    }

    /** A collection keyed by each frame's name. */
    public static DynamicFrameCollection of(List<DynamicFrame> frames, GlueContext glueContext) {
        Map<String, DynamicFrame> m = new LinkedHashMap<>();
        for (DynamicFrame f : frames) m.put(f.name(), f);
        return new DynamicFrameCollection(m, glueContext);
    }

    public Set<String> keys() { return java.util.Collections.unmodifiableSet(frames.get().keySet()); }

    public List<DynamicFrame> values() { return new ArrayList<>(frames.get().values()); }

    public int size() { return frames.get().size(); }

    /**
     * The frame under {@code key}; a missing key gives an empty frame named {@code key} (Glue's rule). Lazy even
     * when the collection's members are not known yet.
     */
    public DynamicFrame select(String key) {
        if (frames.isComputed()) {
            DynamicFrame f = frames.get().get(key);
            if (f != null) return f;
        }
        Stage stage = Stage.next("select", TransformOptions.DEFAULT);
        return new DynamicFrame(glueContext, key, stage, () -> {
            DynamicFrame f = frames.get().get(key);
            return f != null ? f.plan() : new FramePlan(glueContext.sluice().createDataFrame(List.of(),
                    new dev.sluice.types.StructType(List.of(dev.sluice.types.StructField.of(ErrorColumn.NAME, ErrorColumn.TYPE)))),
                    dev.sluice.glue.types.GlueStruct.EMPTY);
        });
    }

    public DynamicFrame get(String key) { return select(key); }

    public DynamicFrameCollection map(BiFunction<DynamicFrame, String, DynamicFrame> f, String transformationContext) {
        Map<String, DynamicFrame> out = new LinkedHashMap<>();
        frames.get().forEach((k, v) -> {
            DynamicFrame r = f.apply(v, transformationContext + ":" + k);
            if (r == null) throw new IllegalArgumentException("the function given to DynamicFrameCollection.map must return a DynamicFrame (key " + k + ")");
            out.put(k, r);
        });
        return new DynamicFrameCollection(out, glueContext);
    }

    public DynamicFrameCollection map(Function<DynamicFrame, DynamicFrame> f) { return map((frame, ctx) -> f.apply(frame), ""); }

    /** The function may return a frame (keyed by its name) or a collection (merged). */
    public DynamicFrameCollection flatMap(BiFunction<DynamicFrame, String, Object> f, String transformationContext) {
        Map<String, DynamicFrame> out = new LinkedHashMap<>();
        frames.get().forEach((k, v) -> {
            Object r = f.apply(v, transformationContext + ":" + v.name());
            if (r instanceof DynamicFrame d) out.put(d.name(), d);
            else if (r instanceof DynamicFrameCollection c) c.frames.get().forEach(out::put);
            else throw new IllegalArgumentException("flatMap's function must return a DynamicFrame or a DynamicFrameCollection, got " + r);
        });
        return new DynamicFrameCollection(out, glueContext);
    }

    @Override public String toString() { return frames.isComputed() ? "DynamicFrameCollection" + frames.get().keySet() : "DynamicFrameCollection(not computed)"; }
}
