package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's RenameField: renames a field given by its full path. */
public final class RenameField {
    private RenameField() {}

    public static DynamicFrame apply(DynamicFrame frame, String oldName, String newName) { return frame.renameField(oldName, newName); }

    public static DynamicFrame apply(DynamicFrame frame, String oldName, String newName, TransformOptions options) {
        return frame.renameField(oldName, newName, options);
    }
}
