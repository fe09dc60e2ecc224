package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.List;

/**
 * renameField(oldPath, newPath): both full paths with the same parent ({@code address.state} to
 * {@code address.state_code}); names with dots in backticks. The field keeps its place. Moving a field to
 * another level is not documented by Glue and is refused. A missing old path changes nothing.
 */
final class RenameFieldTransform {
    private RenameFieldTransform() {}

    static DynamicFrame apply(DynamicFrame frame, String oldPath, String newPath, TransformOptions options) {
        FieldPath from = FieldPath.parse(oldPath), to = FieldPath.parse(newPath);
        if (from.size() != to.size() || !from.steps().subList(0, from.size() - 1).equals(to.steps().subList(0, to.size() - 1))
                || from.hasArrayStep()) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "renameField(" + oldPath + ", " + newPath + ")")
                    .with("reason", "both paths must name fields of the same struct (use applyMapping to move fields between levels)").build();
        }
        String newName = to.steps().get(to.size() - 1).name();
        return frame.derive("renameField", options, null, stage -> StructRewriter.rewrite(frame.plan(), from,
                (value, type) -> List.of(new StructRewriter.Out(newName, value, type))).orElse(frame.plan()));
    }
}
