package dev.sluice.glue;

import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.types.DataTypes;

import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.concat;
import static dev.sluice.functions.length;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.struct;

/**
 * errorsAsDynamicFrame: the error records as a frame in Glue's layout (GLUE.md §2): one struct column
 * {@code error} with {@code callsite{site, info}}, {@code msg}, {@code stackTrace}, {@code input},
 * {@code bytesread}, {@code source} and {@code dynamicRecord} (the partial record as JSON text; Glue shows it
 * as a Row), then Sluice's {@code line}: the 1-based line of a reader's malformed record in {@code source} (null
 * for errors made by transforms).
 */
final class ErrorFrames {
    static final GlueStruct ERROR = GlueStruct.of(
            new GlueField("callsite", GlueStruct.of(new GlueField("site", GlueScalar.STRING), new GlueField("info", GlueScalar.STRING))),
            new GlueField("msg", GlueScalar.STRING), new GlueField("stackTrace", GlueScalar.STRING),
            new GlueField("input", GlueScalar.STRING), new GlueField("bytesread", GlueScalar.LONG),
            new GlueField("source", GlueScalar.STRING), new GlueField("dynamicRecord", GlueScalar.STRING),
            new GlueField("line", GlueScalar.LONG));

    private ErrorFrames() {}

    static DynamicFrame of(DynamicFrame frame) {
        return frame.derive("errorsAsDynamicFrame", TransformOptions.DEFAULT, frame.name() + "_errors", stage -> {
            FramePlan p = frame.plan();
            String e = ErrorColumn.NAME + ".";
            var site = concat(col(e + "transform"), lit(" (transformationContext '"), col(e + "context"), lit("')"));
            var error = struct(struct(site.alias("site"), col(e + "info").alias("info")).alias("callsite"),
                    col(e + "msg").alias("msg"), col(e + "stackTrace").alias("stackTrace"), col(e + "input").alias("input"),
                    length(col(e + "input")).cast(DataTypes.LONG).alias("bytesread"), col(e + "source").alias("source"),
                    col(e + "record").alias("dynamicRecord"), col(e + "line").alias("line"));
            return FramePlan.of(p.data().filter(p.error().isNotNull()), List.of(error),
                    lit(null).cast(ErrorColumn.TYPE), GlueStruct.of(new GlueField("error", ERROR)));
        });
    }
}
