package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;

/**
 * join(keys1, keys2, frame2) (GLUE.md §3.9): an inner equality join (null keys never match) keeping every field
 * of both frames, keys included. A name in both frames gets a {@code .} prefix on frame2's side
 * ({@code customers | zip | .zip}; Glue does not say which side, Sluice chooses frame2). The error records of
 * both inputs travel with the result. The result's name is name1 + name2.
 */
final class JoinTransform {
    private JoinTransform() {}

    static DynamicFrame apply(DynamicFrame left, List<String> keys1, List<String> keys2, DynamicFrame right, TransformOptions options) {
        if (keys1.size() != keys2.size() || keys1.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "join")
                    .with("reason", "keys1 and keys2 must be non-empty and equally long (" + keys1.size() + " vs " + keys2.size() + ")").build();
        }
        return left.derive("join", options, left.name() + right.name(), stage -> {
            FramePlan l = left.plan(), r = right.plan();
            List<Column> lcols = new ArrayList<>(), rcols = new ArrayList<>();
            for (int i = 0; i < l.schema().size(); i++) lcols.add(FramePlan.column(l.schema().fields().get(i).name()).alias("__l" + i));
            for (int i = 0; i < r.schema().size(); i++) rcols.add(FramePlan.column(r.schema().fields().get(i).name()).alias("__r" + i));
            DataFrame lg = l.data().filter(l.error().isNull()).select(lcols.toArray(new Column[0]));
            DataFrame rg = r.data().filter(r.error().isNull()).select(rcols.toArray(new Column[0]));
            Column on = null;
            for (int i = 0; i < keys1.size(); i++) {
                Column eq = JoinKeys.equal(key(l.schema(), keys1.get(i), "__l"), JoinKeys.typeOf(l.schema(), keys1.get(i)),
                        key(r.schema(), keys2.get(i), "__r"), JoinKeys.typeOf(r.schema(), keys2.get(i)));
                on = on == null ? eq : on.and(eq);
            }
            DataFrame joined = lg.join(rg, on, "inner");
            Set<String> leftNames = new HashSet<>(l.schema().names());
            List<GlueField> fields = new ArrayList<>();
            List<Column> out = new ArrayList<>();
            for (int i = 0; i < l.schema().size(); i++) {
                fields.add(l.schema().fields().get(i));
                out.add(col("__l" + i));
            }
            for (int i = 0; i < r.schema().size(); i++) {
                GlueField f = r.schema().fields().get(i);
                fields.add(leftNames.contains(f.name()) ? new GlueField("." + f.name(), f.type()) : f);
                out.add(col("__r" + i));
            }
            GlueStruct schema = new GlueStruct(fields);
            FramePlan good = FramePlan.of(joined, out, lit(null).cast(ErrorColumn.TYPE), schema);
            return new FramePlan(good.data().union(errorsOf(l, schema)).union(errorsOf(r, schema)), schema);
        }, right);
    }

    private static Column key(GlueStruct schema, String path, String prefix) {
        FieldPath p = FieldPath.parse(path);
        int index = schema.names().indexOf(p.head());
        if (index < 0) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", path).with("suggestion", " (join keys name fields of " + schema.names() + ")").build();
        }
        Column c = col(prefix + index);
        for (FieldPath.Step s : p.tail().steps()) c = c.getField(s.name());
        return c;
    }

    /** A frame's error records in the layout of {@code schema} (data columns null). */
    static DataFrame errorsOf(FramePlan p, GlueStruct schema) {
        List<Column> cols = new ArrayList<>();
        for (GlueField f : schema.fields()) cols.add(lit(null).cast(f.type().dataType()));
        return FramePlan.of(p.data().filter(p.error().isNotNull()), cols, p.error(), schema).data();
    }
}
