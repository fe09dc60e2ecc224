package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.GlueTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.sluice.functions.coalesce;
import static dev.sluice.functions.lit;

/**
 * The resolveChoice actions on one field, as plan expressions over the choice's struct of alternatives:
 * {@code cast:T} tries every alternative as T (a value that cannot be cast becomes null, as Glue documents);
 * {@code project:T} keeps the T alternative only (other values become null: the majority reading of GLUE.md
 * §3.2); {@code make_cols} gives one field {@code name_type} per alternative, in place; {@code make_struct} keeps
 * the alternatives as a struct named by type. A field that is not a choice is untouched except by cast and project.
 */
final class ChoiceActions {
    private ChoiceActions() {}

    static List<StructRewriter.Out> apply(String name, Column value, GlueType type, String action) {
        String a = action.trim();
        String lower = a.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cast:")) return List.of(cast(name, value, type, GlueTypes.parse(a.substring(5))));
        if (lower.startsWith("project:")) return List.of(project(name, value, type, GlueTypes.parse(a.substring(8))));
        if (lower.equals("make_cols")) return makeCols(name, value, type);
        if (lower.equals("make_struct")) return List.of(makeStruct(name, value, type));
        throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "resolveChoice")
                .with("reason", "unknown action '" + action + "'; use cast:<type>, project:<type>, make_cols, make_struct or match_catalog")
                .build();
    }

    static StructRewriter.Out cast(String name, Column value, GlueType type, GlueType target) {
        if (type instanceof ChoiceType c) {
            List<Column> tries = new ArrayList<>();
            for (String alt : c.typeNames()) tries.add(value.getField(alt).try_cast(target.dataType()));
            return new StructRewriter.Out(name, coalesce(tries.toArray(new Column[0])), target);
        }
        if (type.typeName().equals(target.typeName()) && type.equals(target)) return new StructRewriter.Out(name, value, type);
        return new StructRewriter.Out(name, value.try_cast(target.dataType()), target);
    }

    static StructRewriter.Out project(String name, Column value, GlueType type, GlueType target) {
        if (type instanceof ChoiceType c) {
            Column v = c.alternative(target.typeName()).isPresent() ? value.getField(target.typeName()) : lit(null);
            return new StructRewriter.Out(name, v.cast(target.dataType()), target);
        }
        if (type.typeName().equals(target.typeName())) return new StructRewriter.Out(name, value, type);
        return new StructRewriter.Out(name, lit(null).cast(target.dataType()), target);
    }

    static List<StructRewriter.Out> makeCols(String name, Column value, GlueType type) {
        if (!(type instanceof ChoiceType c)) return List.of(new StructRewriter.Out(name, value, type));
        List<StructRewriter.Out> out = new ArrayList<>();
        for (Map.Entry<String, GlueType> alt : c.alternatives().entrySet()) {
            out.add(new StructRewriter.Out(name + "_" + alt.getKey(), value.getField(alt.getKey()), alt.getValue()));
        }
        return out;
    }

    static StructRewriter.Out makeStruct(String name, Column value, GlueType type) {
        if (!(type instanceof ChoiceType c)) return new StructRewriter.Out(name, value, type);
        List<GlueField> fields = new ArrayList<>();
        c.alternatives().forEach((n, t) -> fields.add(new GlueField(n, t)));
        return new StructRewriter.Out(name, value, new GlueStruct(fields));
    }
}
