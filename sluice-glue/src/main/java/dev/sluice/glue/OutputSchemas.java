package dev.sluice.glue;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.SchemaMerge;
import dev.sluice.types.Row;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema of what a record op produces (a reader's parser, a user's map), found by one pass that runs the op
 * over every good input record: the workers run it in parallel and send each output record's type as a
 * {@link TypeSignature}; the driver merges every distinct shape once, in the order the records come (so fields
 * keep the order they were first met). Records the op fails on add nothing: the real run makes them error records.
 * withFrameSchema on a mapped frame skips this pass.
 */
final class OutputSchemas {
    private static final GlueStruct SHAPE = GlueStruct.of(new GlueField("shape", GlueScalar.STRING));

    private OutputSchemas() {}

    static GlueStruct infer(FramePlan input, RecordOp op) {
        Stage stage = Stage.next("schemaPass", TransformOptions.DEFAULT);
        FramePlan shapes = Records.apply(input, SHAPE, r -> {
            List<DynamicRecord> out = new ArrayList<>();
            for (DynamicRecord o : op.apply(r)) {
                if (!o.isError()) out.add(new DynamicRecord().put("shape", TypeSignature.of(o.schema())));
            }
            return out;
        }, stage);
        GlueType merged = GlueStruct.EMPTY;
        Set<String> seen = new HashSet<>();
        try (CloseableIterator<Row> rows = shapes.good().toLocalIterator()) {
            while (rows.hasNext()) {
                String shape = rows.next().getString(0);
                if (seen.add(shape)) merged = SchemaMerge.merge(merged, TypeSignature.parse(shape));
            }
        }
        return (GlueStruct) merged;
    }
}
