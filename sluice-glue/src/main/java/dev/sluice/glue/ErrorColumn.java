package dev.sluice.glue;

import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

/**
 * The error side channel: every batch of a DynamicFrame's plan carries this struct column, null for good
 * records and set for error records (whose data columns are null). Error records therefore travel with the
 * frame through every transform, streamed and bounded like the good ones, and no extra pass finds them.
 */
final class ErrorColumn {
    static final String NAME = "__glue_error";
    static final StructType TYPE = new StructType(java.util.List.of(
            dev.sluice.types.StructField.of("stage", DataTypes.INT),
            dev.sluice.types.StructField.of("transform", DataTypes.STRING),
            dev.sluice.types.StructField.of("context", DataTypes.STRING),
            dev.sluice.types.StructField.of("info", DataTypes.STRING),
            dev.sluice.types.StructField.of("msg", DataTypes.STRING),
            dev.sluice.types.StructField.of("stackTrace", DataTypes.STRING),
            dev.sluice.types.StructField.of("input", DataTypes.STRING),
            dev.sluice.types.StructField.of("source", DataTypes.STRING),
            dev.sluice.types.StructField.of("record", DataTypes.STRING),
            dev.sluice.types.StructField.of("line", DataTypes.LONG)));

    private ErrorColumn() {}

    static Row of(Stage stage, String msg, String stackTrace, String input, String source, String record) {
        return of(stage, msg, stackTrace, input, source, record, null);
    }

    /** An error record's struct; {@code line} is the 1-based line of a reader's malformed record in {@code source}, or null. */
    static Row of(Stage stage, String msg, String stackTrace, String input, String source, String record, Long line) {
        return new Row(TYPE, new Object[] {stage.id(), stage.transform(), stage.options().transformationContext(),
                stage.options().info(), msg, stackTrace, input, source, record, line});
    }
}
