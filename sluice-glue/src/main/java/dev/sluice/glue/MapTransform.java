package dev.sluice.glue;

import java.util.List;
import java.util.function.Function;

/**
 * map(f): f gets a copy of each record (so mutating it is safe) and returns the new record. A function that
 * throws, returns null or returns a record marked with setError makes an error record carrying the message
 * (Glue's "User-specified function returned None instead of DynamicRecord" for null). The output schema is
 * the merge of the records f returns: one pass over the input, skipped when withFrameSchema is given.
 * Every action re-runs f (as every Glue action re-evaluates the lineage), so f should be deterministic.
 */
final class MapTransform {
    private MapTransform() {}

    static DynamicFrame apply(DynamicFrame frame, Function<DynamicRecord, DynamicRecord> f, TransformOptions options) {
        RecordOp op = r -> {
            DynamicRecord out = f.apply(r);
            if (out == null) throw new RecordOp.RecordError("User-specified function returned None instead of DynamicRecord", r.toJson(), null);
            return List.of(out);
        };
        return frame.deriveOpen("map", options, (stage, schema) -> {
            FramePlan in = frame.plan();
            return Records.applyEach(in, schema != null ? schema : OutputSchemas.infer(in, op), op, stage);
        });
    }
}
