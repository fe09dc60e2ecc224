package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import static dev.sluice.functions.lit;
import static dev.sluice.functions.struct;
import static dev.sluice.functions.when;

/**
 * Rewrites the field at a struct path (no array steps) as plan expressions: the field is replaced by zero or
 * more new fields, and every enclosing struct is rebuilt around it (staying null where it was null). This is how
 * the declarative transforms (resolveChoice, renameField, dropFields, ...) stay vectorized.
 */
final class StructRewriter {
    /** A new field: its name, the expression computing it and its Glue type. */
    record Out(String name, Column value, GlueType type) {}

    /** The replacement of the field at the path, given its current expression and type. */
    interface Replacement extends BiFunction<Column, GlueType, List<Out>> {}

    private StructRewriter() {}

    /** The columns and schema of {@code plan} with the field at {@code path} replaced; empty when the path is missing. */
    static Optional<FramePlan> rewrite(FramePlan plan, FieldPath path, Replacement replacement) {
        List<Out> top = new ArrayList<>();
        for (GlueField f : plan.schema().fields()) top.add(new Out(f.name(), FramePlan.column(f.name()), f.type()));
        Optional<List<Out>> rewritten = rewrite(top, path, 0, replacement);
        if (rewritten.isEmpty()) return Optional.empty();
        List<Column> cols = new ArrayList<>();
        List<GlueField> fields = new ArrayList<>();
        for (Out o : rewritten.get()) {
            cols.add(o.value());
            fields.add(new GlueField(o.name(), o.type()));
        }
        return Optional.of(FramePlan.of(plan.data(), cols, plan.error(), new GlueStruct(fields)));
    }

    private static Optional<List<Out>> rewrite(List<Out> fields, FieldPath path, int depth, Replacement replacement) {
        FieldPath.Step step = path.steps().get(depth);
        List<Out> out = new ArrayList<>();
        boolean found = false;
        for (Out f : fields) {
            if (!f.name().equals(step.name()) || found) {
                out.add(f);
                continue;
            }
            found = true;
            if (depth == path.size() - 1) {
                out.addAll(replacement.apply(f.value(), f.type()));
            } else if (f.type() instanceof GlueStruct s) {
                List<Out> children = new ArrayList<>();
                for (GlueField c : s.fields()) children.add(new Out(c.name(), f.value().getField(c.name()), c.type()));
                Optional<List<Out>> inner = rewrite(children, path, depth + 1, replacement);
                if (inner.isEmpty()) return Optional.empty();
                out.add(rebuilt(f, inner.get()));
            } else {
                return Optional.empty();
            }
        }
        return found ? Optional.of(out) : Optional.empty();
    }

    /** A struct rebuilt from new children; null where the original struct was null; dropped when it has none. */
    private static Out rebuilt(Out original, List<Out> children) {
        List<GlueField> fields = new ArrayList<>();
        List<Column> values = new ArrayList<>();
        for (Out c : children) {
            fields.add(new GlueField(c.name(), c.type()));
            values.add(c.value().alias(c.name()));
        }
        GlueStruct type = new GlueStruct(fields);
        if (values.isEmpty()) return new Out(original.name(), lit(null).cast(type.dataType()), type);
        Column value = when(original.value().isNull(), lit(null).cast(type.dataType()))
                .otherwise(struct(values.toArray(new Column[0])));
        return new Out(original.name(), value, type);
    }

    /** Columns for every field of a schema, unchanged (the start of a select that changes a few). */
    static List<Out> identity(GlueStruct schema) {
        List<Out> out = new ArrayList<>();
        for (GlueField f : schema.fields()) out.add(new Out(f.name(), FramePlan.column(f.name()), f.type()));
        return out;
    }
}
