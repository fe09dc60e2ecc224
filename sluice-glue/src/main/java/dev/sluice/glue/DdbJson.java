package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB JSON (GLUE.md §3.13). unnestDDBJson: removes the {@code Item} wrapper and the type-descriptor level
 * of each column ({@code Item.ColA.S} becomes {@code ColA}; numbers stay strings), as a projection; a column
 * whose records use different descriptors keeps its struct. simplifyDDBJson: the same recursively, record by
 * record ({@code M} a struct, {@code L} a list unless its elements mix types or hold maps, {@code SS/NS/BS}
 * lists of strings, {@code BOOL} boolean, {@code NULL} null).
 */
final class DdbJson {
    static final Set<String> DESCRIPTORS = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

    private DdbJson() {}

    static DynamicFrame unnest(DynamicFrame frame, TransformOptions options) {
        return frame.derive("unnestDDBJson", options, null, stage -> {
            FramePlan plan = frame.plan();
            GlueStruct columns = plan.schema();
            Column base = null;
            if (columns.size() == 1 && columns.field("Item").isPresent() && columns.field("Item").get().type() instanceof GlueStruct item) {
                columns = item;
                base = FramePlan.column("Item");
            }
            List<Column> cols = new ArrayList<>();
            List<GlueField> fields = new ArrayList<>();
            for (GlueField f : columns.fields()) {
                Column c = base == null ? FramePlan.column(f.name()) : base.getField(f.name());
                if (f.type() instanceof GlueStruct s && s.size() == 1 && DESCRIPTORS.contains(s.fields().get(0).name())) {
                    GlueField d = s.fields().get(0);
                    cols.add(c.getField(d.name()));
                    fields.add(new GlueField(f.name(), d.type()));
                } else {
                    cols.add(c);
                    fields.add(f);
                }
            }
            return FramePlan.of(plan.data(), cols, plan.error(), new GlueStruct(fields));
        });
    }

    static DynamicFrame simplify(DynamicFrame frame) {
        RecordOp op = r -> {
            Object item = r.size() == 1 && r.get("Item") instanceof DynamicRecord i ? i : r;
            DynamicRecord out = new DynamicRecord();
            for (Map.Entry<String, Object> e : ((DynamicRecord) item).asMap().entrySet()) out.put(e.getKey(), value(e.getValue()));
            return List.of(out);
        };
        return frame.deriveOpen("simplifyDDBJson", TransformOptions.DEFAULT, (stage, schema) -> {
            FramePlan in = frame.plan();
            return Records.applyEach(in, schema != null ? schema : OutputSchemas.infer(in, op), op, stage);
        });
    }

    static Object value(Object v) {
        if (!(v instanceof DynamicRecord r) || r.size() != 1) return v;
        String d = r.names().iterator().next();
        if (!DESCRIPTORS.contains(d)) return v;
        Object x = r.get(d);
        switch (d) {
            case "NULL": return null;
            case "M": {
                if (!(x instanceof DynamicRecord m)) return x;
                DynamicRecord out = new DynamicRecord();
                m.asMap().forEach((k, val) -> out.put(k, value(val)));
                return out;
            }
            case "L": {
                if (!(x instanceof List<?> l)) return x;
                Set<String> kinds = new java.util.HashSet<>();
                for (Object o : l) kinds.add(o instanceof DynamicRecord e && e.size() == 1 ? e.names().iterator().next() : "?");
                if (kinds.size() > 1 || kinds.contains("M") || kinds.contains("?")) return x;
                List<Object> out = new ArrayList<>();
                for (Object o : l) out.add(value(o));
                return out;
            }
            case "SS": case "NS": case "BS": {
                if (!(x instanceof List<?> l)) return x;
                List<Object> out = new ArrayList<>();
                for (Object o : l) out.add(o == null ? null : String.valueOf(o));
                return out;
            }
            default: return x;
        }
    }

}
