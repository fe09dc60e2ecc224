package dev.sluice.glue;

import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueNull;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.ArrayList;
import java.util.List;

/**
 * DropNullFields (GLUE.md §3.6): drops every field whose schema type is {@code null} (no record holds a value),
 * walking structs and arrays of structs (an {@code array<null>} is kept; maps are not walked), then a dropFields.
 * Glue prints {@code null_fields [...]}; Sluice does not write to stdout. Needs the schema: a pass for a file
 * source whose schema is not known yet (as in Glue).
 */
final class DropNullFieldsTransform {
    private DropNullFieldsTransform() {}

    static DynamicFrame apply(DynamicFrame frame, TransformOptions options) {
        return frame.derive("dropNullFields", options, null, stage -> {
            FramePlan plan = frame.plan();
            List<FieldPath> paths = new ArrayList<>();
            collect(plan.schema(), new ArrayList<>(), paths);
            for (FieldPath p : paths) plan = DropFieldsTransform.drop(plan, p, stage);
            return plan;
        });
    }

    static List<String> nullFields(GlueStruct schema) {
        List<FieldPath> paths = new ArrayList<>();
        collect(schema, new ArrayList<>(), paths);
        List<String> out = new ArrayList<>();
        for (FieldPath p : paths) out.add(ResolveChoiceTransform.render(p));
        return out;
    }

    private static void collect(GlueType type, List<FieldPath.Step> prefix, List<FieldPath> out) {
        if (type instanceof GlueArray a && a.element() instanceof GlueStruct) {
            collect(a.element(), prefix, out);
            return;
        }
        if (!(type instanceof GlueStruct s)) return;
        for (GlueField f : s.fields()) {
            List<FieldPath.Step> p = new ArrayList<>(prefix);
            p.add(new FieldPath.Step(f.name(), false));
            if (f.type() instanceof GlueNull) out.add(new FieldPath(p));
            else collect(f.type(), p, out);
        }
    }
}
