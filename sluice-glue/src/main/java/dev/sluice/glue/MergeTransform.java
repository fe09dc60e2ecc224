package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;

/**
 * mergeDynamicFrame(stage, primaryKeys) (GLUE.md §3.10): an upsert. Source records whose keys appear in the
 * staging frame are replaced by all staging records with those keys; other source records stay (duplicates
 * too, and records with a null key, which matches nothing); staging-only records are added (as Glue's example
 * shows). Schemas merge with Glue's rules. A left anti join plus a union in the plan.
 */
final class MergeTransform {
    private MergeTransform() {}

    static DynamicFrame apply(DynamicFrame source, DynamicFrame staging, List<String> keys, TransformOptions options) {
        if (keys.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "mergeDynamicFrame").with("reason", "give the primary keys").build();
        }
        return source.derive("mergeDynamicFrame", options, null, stage -> {
            FramePlan s = source.plan(), t = staging.plan();
            List<Column> stagingKeys = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) stagingKeys.add(keyColumn(t, keys.get(i)).alias("__k" + i));
            DataFrame stagingKeySet = t.data().filter(t.error().isNull()).select(stagingKeys.toArray(new Column[0])).distinct();
            Column on = null;
            for (int i = 0; i < keys.size(); i++) {
                Column eq = JoinKeys.equal(keyColumn(s, keys.get(i)), JoinKeys.typeOf(s.schema(), keys.get(i)),
                        col("__k" + i), JoinKeys.typeOf(t.schema(), keys.get(i)));
                on = on == null ? eq : on.and(eq);
            }
            FramePlan kept = new FramePlan(s.data().join(stagingKeySet, on, "left_anti"), s.schema());
            return PlanAlignment.union(List.of(kept, t), stage);
        }, staging);
    }

    private static Column keyColumn(FramePlan p, String path) {
        FieldPath f = FieldPath.parse(path);
        if (p.schema().field(f.head()).isEmpty()) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", path).with("suggestion", " (primary keys name fields of the source frame)").build();
        }
        Column c = FramePlan.column(f.head());
        for (FieldPath.Step st : f.tail().steps()) c = c.getField(st.name());
        return c;
    }
}
