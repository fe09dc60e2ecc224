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

/**
 * Runs a {@link RecordOp} over a frame's plan: the op is an engine function carried by its call, evaluated per
 * batch (parallel, streamed, bounded) over the input's columns; its outputs become rows and its failures land
 * in the error column. Ops with at most one output per record ({@link #applyEach}) need no explode.
 */
final class Records {
    private Records() {}

    /** An op that may return any number of records per input record. */
    static FramePlan apply(FramePlan in, GlueStruct output, RecordOp op, Stage stage) {
        DataFrame called = call(in, new RecordFunction(in.schema(), output, op, stage, false));
        DataFrame rows = called.select(explode_outer(col("__k.recs")).alias("__r"), col("__k.err").alias("__ke"), col("__e"))
                .filter(col("__r").isNotNull().or(col("__ke").isNotNull()).or(col("__e").isNotNull()));
        return output(rows, output);
    }

    /** A reader's op over the tagged lines of files ({@link ErrorLine#tag}): its error records name their line. */
    static FramePlan applyToLines(FramePlan in, GlueStruct output, RecordOp op, Stage stage, LinePositions positions) {
        DataFrame called = call(in, new RecordFunction(in.schema(), output, op, stage, false, positions));
        DataFrame rows = called.select(explode_outer(col("__k.recs")).alias("__r"), col("__k.err").alias("__ke"), col("__e"))
                .filter(col("__r").isNotNull().or(col("__ke").isNotNull()).or(col("__e").isNotNull()));
        return output(rows, output);
    }

    /** An op that returns zero or one record per input record (map, filter, record rewrites). */
    static FramePlan applyEach(FramePlan in, GlueStruct output, RecordOp op, Stage stage) {
        DataFrame called = call(in, new RecordFunction(in.schema(), output, op, stage, true));
        DataFrame rows = called.select(col("__k.rec").alias("__r"), col("__k.err").alias("__ke"), col("__e"))
                .filter(col("__r").isNotNull().or(col("__ke").isNotNull()).or(col("__e").isNotNull()));
        return output(rows, output);
    }

    private static DataFrame call(FramePlan in, RecordFunction fn) {
        List<Column> args = new ArrayList<>();
        for (String n : in.schema().names()) args.add(FramePlan.column(n));
        args.add(in.error());
        return in.data().select(call_function(fn, args.toArray(new Column[0])).alias("__k"), in.error().alias("__e"));
    }

    private static FramePlan output(DataFrame rows, GlueStruct output) {
        List<Column> out = new ArrayList<>();
        for (String n : output.names()) out.add(col("__r").getField(n).alias(n));
        return FramePlan.of(rows, out, coalesce(col("__ke"), col("__e")), output);
    }
}
