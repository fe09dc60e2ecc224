package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueNull;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.GlueTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.sluice.functions.lit;
import static dev.sluice.functions.struct;
import static dev.sluice.functions.when;

/**
 * applyMapping (GLUE.md §3.1) as one projection: only mapped fields are kept, in mapping order; dotted sources
 * read nested fields, dotted targets build structs (siblings with the same prefix share one struct, null when
 * all its fields are); a type change is a try_cast (a value that cannot be cast becomes null, like resolveChoice
 * cast); a missing source gives null. Paths into arrays are refused, as Glue does.
 */
final class ApplyMappingTransform {
    private ApplyMappingTransform() {}

    /** A target tree node: either a leaf value or a struct of children. */
    private static final class Node {
        Column value;
        GlueType type;
        final Map<String, Node> children = new LinkedHashMap<>();
    }

    static DynamicFrame apply(DynamicFrame frame, List<Mapping> mappings, boolean caseSensitive, TransformOptions options) {
        if (mappings.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "applyMapping").with("reason", "give at least one mapping").build();
        }
        for (Mapping m : mappings) {
            if (FieldPath.parse(m.sourcePath()).hasArrayStep() || FieldPath.parse(m.targetPath()).hasArrayStep()) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "applyMapping of " + m.sourcePath())
                        .with("reason", "applyMapping cannot map columns nested under arrays (as in Glue); use map or resolveChoice").build();
            }
            if (m.targetType() != null) GlueTypes.parse(m.targetType());
        }
        return frame.derive("applyMapping", options, null, stage -> {
            FramePlan plan = frame.plan();
            Node root = new Node();
            for (Mapping m : mappings) {
                Node n = root;
                for (FieldPath.Step s : FieldPath.parse(m.targetPath()).steps()) n = n.children.computeIfAbsent(s.name(), k -> new Node());
                Source src = source(plan.schema(), FieldPath.parse(m.sourcePath()), caseSensitive);
                GlueType target = m.targetType() == null ? src.type : GlueTypes.parse(m.targetType());
                n.value = convert(src, target);
                n.type = target;
            }
            List<Column> cols = new ArrayList<>();
            List<GlueField> fields = new ArrayList<>();
            root.children.forEach((name, node) -> {
                Built b = build(node);
                cols.add(b.value);
                fields.add(new GlueField(name, b.type));
            });
            return FramePlan.of(plan.data(), cols, plan.error(), new GlueStruct(fields));
        });
    }

    private record Source(Column value, GlueType type) {}

    private record Built(Column value, GlueType type) {}

    private static Source source(GlueStruct schema, FieldPath path, boolean caseSensitive) {
        GlueType current = schema;
        Column value = null;
        for (FieldPath.Step step : path.steps()) {
            if (!(current instanceof GlueStruct s)) return new Source(lit(null), GlueNull.INSTANCE);
            Optional<GlueField> f = s.field(step.name(), caseSensitive);
            if (f.isEmpty()) return new Source(lit(null), GlueNull.INSTANCE);
            value = value == null ? FramePlan.column(f.get().name()) : value.getField(f.get().name());
            current = f.get().type();
        }
        return new Source(value, current);
    }

    private static Column convert(Source src, GlueType target) {
        if (src.type instanceof ChoiceType c) {
            List<Column> tries = new ArrayList<>();
            for (String alt : c.typeNames()) tries.add(src.value.getField(alt).try_cast(target.dataType()));
            return dev.sluice.functions.coalesce(tries.toArray(new Column[0]));
        }
        if (src.type.equals(target)) return src.value;
        if (target instanceof GlueArray || src.type instanceof GlueNull) return src.value.cast(target.dataType());
        return src.value.try_cast(target.dataType());
    }

    private static Built build(Node node) {
        if (node.children.isEmpty()) return new Built(node.value, node.type);
        List<Column> values = new ArrayList<>();
        List<GlueField> fields = new ArrayList<>();
        Column allNull = null;
        for (Map.Entry<String, Node> e : node.children.entrySet()) {
            Built b = build(e.getValue());
            values.add(b.value.alias(e.getKey()));
            fields.add(new GlueField(e.getKey(), b.type));
            allNull = allNull == null ? b.value.isNull() : allNull.and(b.value.isNull());
        }
        GlueStruct type = new GlueStruct(fields);
        return new Built(when(allNull, lit(null).cast(type.dataType())).otherwise(struct(values.toArray(new Column[0]))), type);
    }
}
