package dev.sluice.glue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rewrites the values at a {@link FieldPath} of a record, stepping into every element of arrays on the way. */
final class RecordPaths {
    private RecordPaths() {}

    static void update(DynamicRecord record, FieldPath path, UnaryOperator<Object> change) {
        update(record, path.steps(), 0, change);
    }

    private static void update(DynamicRecord record, List<FieldPath.Step> steps, int i, UnaryOperator<Object> change) {
        FieldPath.Step step = steps.get(i);
        Object v = record.get(step.name());
        if (i == steps.size() - 1) {
            if (step.intoArray() && v instanceof List<?> l) {
                List<Object> out = new ArrayList<>(l.size());
                for (Object o : l) out.add(change.apply(o));
                record.put(step.name(), out);
            } else {
                record.put(step.name(), change.apply(v));
            }
            return;
        }
        if (v instanceof List<?> l) {
            for (Object o : l) if (o instanceof DynamicRecord r) update(r, steps, i + 1, change);
        } else if (v instanceof DynamicRecord r) {
            update(r, steps, i + 1, change);
        }
    }
}
