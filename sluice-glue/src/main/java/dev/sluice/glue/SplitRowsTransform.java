package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.sluice.functions.coalesce;
import static dev.sluice.functions.lit;

/**
 * splitRows(comparisons, name1, name2) (GLUE.md §3.7): {@code {path: {op: value, ...}, ...}} with operators
 * {@code = != < <= > >=}; all comparisons must hold (AND) for a record to go to name1; the rest (including
 * records where a field is missing or null) go to name2. A value is cast to the field's type first (so
 * {@code "100"} compares with an int field as 100). A plan filter on each side; error records travel with both.
 */
final class SplitRowsTransform {
    private SplitRowsTransform() {}

    static DynamicFrameCollection apply(DynamicFrame frame, Map<String, Map<String, Object>> comparisons, String name1, String name2,
                                        TransformOptions options) {
        for (Map<String, Object> ops : comparisons.values()) {
            for (String op : ops.keySet()) {
                if (!java.util.Set.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
                    throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "splitRows").with("reason", "unknown operator " + op + "; use = != < <= > >=").build();
                }
            }
        }
        DynamicFrame matching = frame.derive("splitRows", options, name1, stage -> side(frame.plan(), comparisons, true));
        DynamicFrame rest = frame.derive("splitRows", options, name2, stage -> side(frame.plan(), comparisons, false));
        Map<String, DynamicFrame> m = new LinkedHashMap<>();
        m.put(name1, matching);
        m.put(name2, rest);
        return new DynamicFrameCollection(m, frame.glueContext());
    }

    private static FramePlan side(FramePlan plan, Map<String, Map<String, Object>> comparisons, boolean matching) {
        Column all = lit(true);
        for (Map.Entry<String, Map<String, Object>> e : comparisons.entrySet()) {
            FieldPath path = FieldPath.parse(e.getKey());
            Optional<Column> value = column(plan.schema(), path);
            GlueType type = SchemaPaths.typeAt(plan.schema(), path).orElse(null);
            for (Map.Entry<String, Object> c : e.getValue().entrySet()) {
                if (value.isEmpty() || type == null || type instanceof ChoiceType) {
                    all = all.and(lit(false));
                    continue;
                }
                Column v = lit(c.getValue()).cast(type.dataType());
                Column x = value.get();
                Column cmp = switch (c.getKey()) {
                    case "=" -> x.equalTo(v);
                    case "!=" -> x.notEqual(v);
                    case "<" -> x.lt(v);
                    case "<=" -> x.leq(v);
                    case ">" -> x.gt(v);
                    default -> x.geq(v);
                };
                all = all.and(cmp);
            }
        }
        Column holds = coalesce(all, lit(false));
        Column keep = plan.error().isNotNull().or(matching ? holds : dev.sluice.functions.not(holds));
        return new FramePlan(plan.data().filter(keep), plan.schema());
    }

    private static Optional<Column> column(GlueStruct schema, FieldPath path) {
        if (path.hasArrayStep()) return Optional.empty();
        GlueType current = schema;
        Column c = null;
        for (FieldPath.Step s : path.steps()) {
            if (!(current instanceof GlueStruct st)) return Optional.empty();
            Optional<GlueField> f = st.field(s.name());
            if (f.isEmpty()) return Optional.empty();
            c = c == null ? FramePlan.column(s.name()) : c.getField(s.name());
            current = f.get().type();
        }
        return Optional.ofNullable(c);
    }
}
