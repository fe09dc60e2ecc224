package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.coalesce;

/**
 * Equality of key values in join and mergeDynamicFrame. Records self-describe, so two keys may have different
 * types (a choice on one side, say): keys of the same type compare as they are; otherwise both compare as their
 * text ({@code 1} as int equals {@code 1} as long). A null key matches nothing.
 */
final class JoinKeys {
    private JoinKeys() {}

    static Column equal(Column left, GlueType leftType, Column right, GlueType rightType) {
        if (leftType != null && leftType.equals(rightType) && !(leftType instanceof ChoiceType)) return left.equalTo(right);
        return text(left, leftType).equalTo(text(right, rightType));
    }

    private static Column text(Column c, GlueType type) {
        if (type instanceof ChoiceType choice) {
            List<Column> alts = new ArrayList<>();
            for (String alt : choice.typeNames()) alts.add(c.getField(alt).cast(DataTypes.STRING));
            return coalesce(alts.toArray(new Column[0]));
        }
        return c.cast(DataTypes.STRING);
    }

    static GlueType typeOf(GlueStruct schema, String path) {
        return SchemaPaths.typeAt(schema, FieldPath.parse(path)).orElse(null);
    }
}
