package dev.sluice.glue;

import dev.sluice.glue.types.GlueStruct;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

/** The row type of a frame's plan: the schema's carried types, then the error column. */
final class FrameRows {
    private FrameRows() {}

    static StructType type(GlueStruct schema) {
        return schema.dataType().add(StructField.of(ErrorColumn.NAME, ErrorColumn.TYPE));
    }
}
