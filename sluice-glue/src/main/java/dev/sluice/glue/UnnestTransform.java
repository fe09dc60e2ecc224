package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.ArrayList;
import java.util.List;

/**
 * unnest (GLUE.md §3.4): every nested struct is flattened into top-level fields named with dots
 * ({@code Address.Zip.Code}; names are not escaped), in the struct's place; arrays stay arrays (pivoting arrays
 * is relationalize's job; GLUE.md §7.5 chooses this reading). A plan projection: no pass.
 */
final class UnnestTransform {
    private UnnestTransform() {}

    static DynamicFrame apply(DynamicFrame frame, TransformOptions options) {
        return frame.derive("unnest", options, null, stage -> {
            FramePlan plan = frame.plan();
            List<Column> cols = new ArrayList<>();
            List<GlueField> fields = new ArrayList<>();
            for (GlueField f : plan.schema().fields()) flatten(f.name(), FramePlan.column(f.name()), f.type(), cols, fields);
            return FramePlan.of(plan.data(), cols, plan.error(), new GlueStruct(fields));
        });
    }

    static void flatten(String name, Column value, GlueType type, List<Column> cols, List<GlueField> fields) {
        if (type instanceof GlueStruct s && s.size() > 0) {
            for (GlueField c : s.fields()) flatten(name + "." + c.name(), value.getField(c.name()), c.type(), cols, fields);
            return;
        }
        cols.add(value);
        fields.add(new GlueField(name, type));
    }
}
