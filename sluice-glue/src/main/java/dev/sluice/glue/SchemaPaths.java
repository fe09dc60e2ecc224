package dev.sluice.glue;

import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Walks and rewrites Glue schemas by {@link FieldPath} (with {@code []} steps into array elements). */
final class SchemaPaths {
    private SchemaPaths() {}

    static Optional<GlueType> typeAt(GlueStruct schema, FieldPath path) {
        GlueType current = schema;
        for (FieldPath.Step step : path.steps()) {
            if (current instanceof GlueArray a && !(a.element() instanceof GlueArray)) current = a.element();
            if (!(current instanceof GlueStruct s)) return Optional.empty();
            Optional<GlueField> f = s.field(step.name());
            if (f.isEmpty()) return Optional.empty();
            current = f.get().type();
            if (step.intoArray()) {
                if (!(current instanceof GlueArray a)) return Optional.empty();
                current = a.element();
            }
        }
        return Optional.of(current);
    }

    /** The schema with the type at {@code path} replaced by {@code change} of it. */
    static GlueStruct replace(GlueStruct schema, FieldPath path, UnaryOperator<GlueType> change) {
        return (GlueStruct) replace(schema, path.steps(), 0, change);
    }

    private static GlueType replace(GlueType type, List<FieldPath.Step> steps, int i, UnaryOperator<GlueType> change) {
        if (i == steps.size()) return change.apply(type);
        if (type instanceof GlueArray a) return new GlueArray(replace(a.element(), steps, i, change));
        if (!(type instanceof GlueStruct s)) return type;
        FieldPath.Step step = steps.get(i);
        List<GlueField> out = new ArrayList<>();
        for (GlueField f : s.fields()) {
            if (!f.name().equals(step.name())) {
                out.add(f);
                continue;
            }
            GlueType t = f.type();
            GlueType changed = step.intoArray() && t instanceof GlueArray a
                    ? new GlueArray(replace(a.element(), steps, i + 1, change))
                    : replace(t, steps, i + 1, change);
            out.add(new GlueField(f.name(), changed));
        }
        return new GlueStruct(out);
    }

    /** Every path (dotted, {@code []} for arrays) whose type is a choice, outermost first. */
    static List<FieldPath> choicePaths(GlueStruct schema) {
        List<FieldPath> out = new ArrayList<>();
        collect(schema, new ArrayList<>(), out);
        return out;
    }

    private static void collect(GlueType type, List<FieldPath.Step> prefix, List<FieldPath> out) {
        if (type instanceof GlueStruct s) {
            for (GlueField f : s.fields()) {
                List<FieldPath.Step> p = new ArrayList<>(prefix);
                GlueType t = f.type();
                if (t instanceof GlueArray a) {
                    p.add(new FieldPath.Step(f.name(), true));
                    if (a.element() instanceof ChoiceType) out.add(new FieldPath(p));
                    else collect(a.element(), p, out);
                } else {
                    p.add(new FieldPath.Step(f.name(), false));
                    if (t instanceof ChoiceType) out.add(new FieldPath(p));
                    else collect(t, p, out);
                }
            }
        }
    }
}
