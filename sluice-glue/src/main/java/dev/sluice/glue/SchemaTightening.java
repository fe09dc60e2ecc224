package dev.sluice.glue;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.SchemaMerge;

import java.util.List;

/**
 * recomputeSchema: one pass over the good records merges their types, so fields no record holds any more and
 * choice alternatives no value has disappear (Glue's "tightening"); the plan is then re-encoded to that schema.
 */
final class SchemaTightening {
    private SchemaTightening() {}

    static DynamicFrame apply(DynamicFrame frame) {
        GlueType merged = GlueStruct.EMPTY;
        try (CloseableIterator<DynamicRecord> it = frame.records()) {
            while (it.hasNext()) merged = SchemaMerge.merge(merged, it.next().schema());
        }
        GlueStruct tight = (GlueStruct) merged;
        return frame.derive("recomputeSchema", TransformOptions.DEFAULT, null,
                stage -> frame.plan().schema().equals(tight) ? frame.plan() : Records.applyEach(frame.plan(), tight, List::of, stage));
    }
}
