package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.glue.types.GlueStruct;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.call_function;
import static dev.sluice.functions.coalesce;
import static dev.sluice.functions.col;
import static dev.sluice.functions.explode_outer;
import static dev.sluice.functions.struct;

/**
 * Runs a {@link RecordOp} over a frame's plan: the op is an engine function carried by its call, evaluated per batch
 * (parallel, streamed, bounded), its outputs are exploded into rows and its failures land in the error column.
 */
final class Records {
    private Records() {}

    static FramePlan apply(FramePlan in, GlueStruct output, RecordOp op, Stage stage) {
        RecordFunction fn = new RecordFunction(in.schema(), output, op, stage);
        List<Column> fields = new ArrayList<>();
        for (String n : in.schema().names()) fields.add(FramePlan.column(n));
        Column record = fields.isEmpty() ? dev.sluice.functions.lit(null) : struct(fields.toArray(new Column[0]));
        if (fields.isEmpty()) record = struct(dev.sluice.functions.lit(0).alias("_"));
        DataFrame called = in.data().select(call_function(fn, record, in.error()).alias("__k"), in.error().alias("__e"));
        DataFrame rows = called.select(explode_outer(col("__k.recs")).alias("__r"), col("__k.err").alias("__ke"), col("__e"))
                .filter(col("__r").isNotNull().or(col("__ke").isNotNull()).or(col("__e").isNotNull()));
        List<Column> out = new ArrayList<>();
        for (String n : output.names()) out.add(col("__r").getField(n).alias(n));
        return FramePlan.of(rows, out, coalesce(col("__ke"), col("__e")), output);
    }
}
