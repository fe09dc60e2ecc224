package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;

import java.util.ArrayList;
import java.util.List;

/**
 * selectFields: keeps the named top-level fields, in the order given (names with dots are literal names here,
 * backticks optional); names the frame does not have are skipped. Nested paths need applyMapping, as in Glue.
 */
final class SelectFieldsTransform {
    private SelectFieldsTransform() {}

    static DynamicFrame apply(DynamicFrame frame, List<String> paths, TransformOptions options) {
        return frame.derive("selectFields", options, null, stage -> {
            FramePlan plan = frame.plan();
            List<Column> cols = new ArrayList<>();
            List<GlueField> fields = new ArrayList<>();
            for (String p : paths) {
                String name = p.startsWith("`") && p.endsWith("`") ? p.substring(1, p.length() - 1).replace("``", "`") : p;
                if (fields.stream().anyMatch(f -> f.name().equals(name))) continue;
                plan.schema().field(name).ifPresent(f -> {
                    cols.add(FramePlan.column(f.name()));
                    fields.add(f);
                });
            }
            return FramePlan.of(plan.data(), cols, plan.error(), new GlueStruct(fields));
        });
    }
}
