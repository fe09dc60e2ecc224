package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.SchemaMerge;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.lit;

/**
 * Brings plans with different schemas to one merged schema (Glue's merge rules), so they can be unioned:
 * fields a plan lacks become nulls; a field whose type differs from the merged one (it became a choice, or a
 * struct gained fields) is re-encoded record by record.
 */
final class PlanAlignment {
    private PlanAlignment() {}

    static FramePlan union(List<FramePlan> plans, Stage stage) {
        GlueStruct merged = GlueStruct.EMPTY;
        for (FramePlan p : plans) merged = SchemaMerge.mergeStructs(merged, p.schema());
        DataFrame out = null;
        for (FramePlan p : plans) {
            DataFrame aligned = align(p, merged, stage).data();
            out = out == null ? aligned : out.union(aligned);
        }
        return new FramePlan(out, merged);
    }

    static FramePlan align(FramePlan p, GlueStruct merged, Stage stage) {
        boolean direct = true;
        for (GlueField f : merged.fields()) {
            var own = p.schema().field(f.name());
            if (own.isPresent() && !own.get().type().equals(f.type())) direct = false;
        }
        if (!direct) return Records.applyEach(p, merged, List::of, stage);
        List<Column> cols = new ArrayList<>();
        for (GlueField f : merged.fields()) {
            cols.add(p.schema().field(f.name()).isPresent() ? FramePlan.column(f.name()) : lit(null).cast(f.type().dataType()));
        }
        return FramePlan.of(p.data(), cols, p.error(), merged);
    }
}
