package dev.sluice.glue;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.SchemaMerge;
import dev.sluice.types.Row;

/**
 * The schema of what a record op produces, found by running it over every good input record once (a pass, as
 * Glue computes the schema of a mapped frame from its records). Records the op fails on add nothing: the real
 * run turns them into error records. withFrameSchema on the result skips this pass.
 */
final class OutputSchemas {
    private OutputSchemas() {}

    static GlueStruct infer(FramePlan input, RecordOp op) {
        GlueType merged = GlueStruct.EMPTY;
        try (CloseableIterator<Row> rows = input.good().toLocalIterator()) {
            while (rows.hasNext()) {
                DynamicRecord r = RecordCodec.decodeRecord(rows.next(), input.schema());
                try {
                    for (DynamicRecord out : op.apply(r)) if (!out.isError()) merged = SchemaMerge.merge(merged, out.schema());
                } catch (Exception e) {
                    // becomes an error record when the plan runs
                }
            }
        }
        return (GlueStruct) merged;
    }
}
