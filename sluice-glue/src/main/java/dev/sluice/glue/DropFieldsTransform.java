package dev.sluice.glue;

import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dropFields (GLUE.md §3.6): nested paths with dots, backticks for names with dots; a path through an array of
 * structs ({@code friends.age}) drops the field from every element; a struct whose last field is dropped goes
 * too; missing paths are ignored. Struct paths are plan expressions; paths through arrays run record by record.
 * Unlike Glue, a record whose array was empty keeps it (GLUE.md §7.9: Glue drops it; nothing is lost here).
 */
final class DropFieldsTransform {
    private DropFieldsTransform() {}

    static DynamicFrame apply(DynamicFrame frame, List<String> paths, TransformOptions options) {
        List<FieldPath> parsed = new ArrayList<>();
        for (String p : paths) parsed.add(FieldPath.parse(p));
        return frame.derive("dropFields", options, null, stage -> {
            FramePlan plan = frame.plan();
            for (FieldPath p : parsed) plan = drop(plan, p, stage);
            return plan;
        });
    }

    static FramePlan drop(FramePlan plan, FieldPath path, Stage stage) {
        if (throughArray(plan.schema(), path)) {
            Optional<GlueStruct> out = without(plan.schema(), path.steps(), 0);
            if (out.isEmpty()) return plan;
            return Records.applyEach(plan, out.get(), r -> {
                dropIn(r, path.steps(), 0);
                return List.of(r);
            }, stage);
        }
        Optional<FramePlan> rewritten = StructRewriter.rewrite(plan, path, (value, type) -> List.of());
        if (rewritten.isEmpty()) return plan;
        // a struct left without fields is removed with it
        if (path.size() > 1) {
            FieldPath parent = new FieldPath(path.steps().subList(0, path.size() - 1));
            Optional<dev.sluice.glue.types.GlueType> t = SchemaPaths.typeAt(rewritten.get().schema(), parent);
            if (t.isPresent() && t.get() instanceof GlueStruct s && s.size() == 0) return drop(rewritten.get(), parent, stage);
        }
        return rewritten.get();
    }

    private static boolean throughArray(GlueStruct schema, FieldPath path) {
        GlueType current = schema;
        for (int i = 0; i < path.size(); i++) {
            if (current instanceof GlueArray a) return true;
            if (!(current instanceof GlueStruct s)) return false;
            Optional<GlueField> f = s.field(path.steps().get(i).name());
            if (f.isEmpty()) return false;
            current = f.get().type();
        }
        return false;
    }

    private static Optional<GlueStruct> without(GlueStruct s, List<FieldPath.Step> steps, int i) {
        String name = steps.get(i).name();
        Optional<GlueField> f = s.field(name);
        if (f.isEmpty()) return Optional.empty();
        if (i == steps.size() - 1) return Optional.of(s.without(name));
        GlueType t = f.get().type();
        boolean array = t instanceof GlueArray;
        GlueType inner = array ? ((GlueArray) t).element() : t;
        if (!(inner instanceof GlueStruct is)) return Optional.empty();
        Optional<GlueStruct> changed = without(is, steps, i + 1);
        if (changed.isEmpty()) return Optional.empty();
        if (changed.get().size() == 0 && !array) return Optional.of(s.without(name));
        GlueType replaced = array ? new GlueArray(changed.get()) : changed.get();
        List<GlueField> out = new ArrayList<>();
        for (GlueField g : s.fields()) out.add(g.name().equals(name) ? new GlueField(name, replaced) : g);
        return Optional.of(new GlueStruct(out));
    }

    private static void dropIn(Object v, List<FieldPath.Step> steps, int i) {
        if (v instanceof List<?> l) {
            for (Object o : l) dropIn(o, steps, i);
            return;
        }
        if (!(v instanceof DynamicRecord r)) return;
        String name = steps.get(i).name();
        if (i == steps.size() - 1) {
            r.put(name, null);
            return;
        }
        Object child = r.get(name);
        dropIn(child, steps, i + 1);
        if (child instanceof DynamicRecord c && c.size() == 0) r.put(name, null);
    }
}
