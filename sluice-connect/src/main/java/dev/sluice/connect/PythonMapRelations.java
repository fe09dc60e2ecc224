package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.functions;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.spark.connect.proto.CoGroupMap;
import org.apache.spark.connect.proto.CommonInlineUserDefinedFunction;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.GroupMap;
import org.apache.spark.connect.proto.MapPartitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The relations that run a Python function over whole partitions or groups: {@code MapPartitions}
 * ({@code mapInPandas}, {@code mapInArrow}), {@code GroupMap} ({@code groupBy().applyInPandas/applyInArrow}) and
 * {@code CoGroupMap} ({@code groupBy().cogroup(...).applyInPandas/applyInArrow}). A group is gathered by an
 * aggregate ({@code collect_list} of the function's columns per key, which spills like any aggregate), then each
 * group goes to a Python worker as one Arrow batch, as Spark hands a whole group to the function. The streaming,
 * stateful and sorted-group forms are refused by name.
 */
final class PythonMapRelations {
    /** PySpark's eval types: mapInPandas, mapInArrow. */
    static final Set<Integer> MAP_ITER = Set.of(205, 207);
    /** applyInPandas, applyInArrow and their iterator forms. */
    static final Set<Integer> GROUPED = Set.of(201, 209, 215, 216);
    /** cogroup().applyInPandas, cogroup().applyInArrow. */
    static final Set<Integer> COGROUPED = Set.of(206, 210);

    private static final String GROUP = "__group";

    private final RelationTranslator relations;

    PythonMapRelations(RelationTranslator relations) { this.relations = relations; }

    DataFrame mapPartitions(MapPartitions m) {
        // barrier=True: the partitions run as a normal stage. The results are the same; what barrier mode adds is
        // BarrierTaskContext (barrier(), allGather()), which a function asking for it finds missing (a Python error)
        if (m.hasProfileId()) throw ConnectErrors.unsupported("Python UDF profiling", "Sluice does not profile Python functions");
        PythonMapFunction f = function(m.getFunc(), MAP_ITER, "mapInPandas/mapInArrow");
        DataFrame in = relations.translate(m.getInput());
        DataFrame args = in.select(arguments(m.getFunc(), in));
        return args.mapPartitions(f.overPartitions(args.schema()), f.resultSchema());
    }

    DataFrame groupMap(GroupMap g) {
        if (g.getSortingExpressionsCount() > 0) unsupportedField("sorting expressions (flatMapSortedGroups)");
        if (g.hasInitialInput() || g.getInitialGroupingExpressionsCount() > 0) unsupportedField("an initial state");
        if (g.hasIsMapGroupsWithState() || g.hasOutputMode() || g.hasTimeoutConf() || g.hasStateSchema()
                || g.hasTransformWithStateInfo()) {
            throw ConnectErrors.unsupported("stateful group functions (mapGroupsWithState, applyInPandasWithState, "
                    + "transformWithState)", "Sluice has no Structured Streaming");
        }
        PythonMapFunction f = function(g.getFunc(), GROUPED, "applyInPandas/applyInArrow");
        DataFrame in = relations.translate(g.getInput());
        Grouped grouped = group(in, g.getGroupingExpressionsList(), g.getFunc(), "__key_");
        return grouped.df.mapPartitions(f.overGroups(grouped.keyCount, grouped.keys, grouped.values), f.resultSchema());
    }

    DataFrame coGroupMap(CoGroupMap c) {
        if (c.getInputSortingExpressionsCount() > 0 || c.getOtherSortingExpressionsCount() > 0) {
            unsupportedField("sorting expressions (cogroup with sorted groups)");
        }
        PythonMapFunction f = function(c.getFunc(), COGROUPED, "cogroup().applyInPandas/applyInArrow");
        if (c.getInputGroupingExpressionsCount() != c.getOtherGroupingExpressionsCount()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "cogroup")
                    .with("reason", "both sides must be grouped by as many columns (" + c.getInputGroupingExpressionsCount()
                            + " and " + c.getOtherGroupingExpressionsCount() + ")").build();
        }
        int keys = c.getInputGroupingExpressionsCount();
        DataFrame left = relations.translate(c.getInput());
        DataFrame right = relations.translate(c.getOther());
        if (c.getFunc().getArgumentsCount() > 0) {
            throw ConnectErrors.unsupported("cogroup().applyInPandas with function arguments", "the function gets whole groups");
        }
        // the function gets every column of each side
        Grouped l = group(left, c.getInputGroupingExpressionsList(), allColumns(left), "__lkey_", "__left");
        Grouped r = group(right, c.getOtherGroupingExpressionsList(), allColumns(right), "__rkey_", "__right");
        Column on = null;
        for (int k = 0; k < keys; k++) {
            Column eq = l.df.col("__lkey_" + k).eqNullSafe(r.df.col("__rkey_" + k));
            on = on == null ? eq : on.and(eq);
        }
        DataFrame joined = keys == 0 ? l.df.crossJoin(r.df) : l.df.join(r.df, on, "full_outer");
        List<Column> ordered = new ArrayList<>();
        for (int k = 0; k < keys; k++) ordered.add(joined.col("__lkey_" + k));
        ordered.add(joined.col("__left"));
        for (int k = 0; k < keys; k++) ordered.add(joined.col("__rkey_" + k));
        ordered.add(joined.col("__right"));
        DataFrame pairs = joined.select(ordered.toArray(new Column[0]));
        return pairs.mapPartitions(f.overCogroups(keys, l.keys, l.values, r.keys, r.values), f.resultSchema());
    }

    /** A DataFrame of one row per group: the key columns, then the group's rows as an array of structs. */
    private record Grouped(DataFrame df, int keyCount, StructType keys, StructType values) {}

    private Grouped group(DataFrame in, List<Expression> grouping, CommonInlineUserDefinedFunction func, String keyPrefix) {
        return group(in, grouping, relations.columns(func.getArgumentsList(), in), keyPrefix, GROUP);
    }

    private static Column[] allColumns(DataFrame df) {
        String[] names = df.columns();
        Column[] out = new Column[names.length];
        for (int i = 0; i < names.length; i++) out[i] = df.col(names[i]);
        return out;
    }

    private Grouped group(DataFrame in, List<Expression> grouping, Column[] values, String keyPrefix, String groupName) {
        List<Column> cols = new ArrayList<>();
        List<Column> keyCols = new ArrayList<>();
        for (int k = 0; k < grouping.size(); k++) {
            cols.add(relations.expressions().translate(grouping.get(k), in).alias(keyPrefix + k));
        }
        for (Column v : values) cols.add(v);
        DataFrame selected = in.select(cols.toArray(new Column[0]));
        List<StructField> keyFields = new ArrayList<>();
        List<StructField> valueFields = new ArrayList<>();
        List<Column> valueCols = new ArrayList<>();
        for (int i = 0; i < selected.schema().size(); i++) {
            StructField field = selected.schema().field(i);
            if (i < grouping.size()) {
                keyFields.add(field);
                keyCols.add(selected.col(field.name()));
            } else {
                valueFields.add(field);
                valueCols.add(selected.col(field.name()));
            }
        }
        Column rows = functions.collect_list(functions.struct(valueCols.toArray(new Column[0]))).alias(groupName);
        DataFrame grouped = keyCols.isEmpty() ? selected.agg(rows)
                : selected.groupBy(keyCols.toArray(new Column[0])).agg(rows);
        return new Grouped(grouped, grouping.size(), new StructType(keyFields), new StructType(valueFields));
    }

    private Column[] arguments(CommonInlineUserDefinedFunction func, DataFrame in) {
        return relations.columns(func.getArgumentsList(), in);
    }

    private PythonMapFunction function(CommonInlineUserDefinedFunction u, Set<Integer> evalTypes, String api) {
        if (!u.hasPythonUdf()) throw PythonUdfs.notPython(u, "function");
        var p = u.getPythonUdf();
        if (!evalTypes.contains(p.getEvalType())) {
            throw ConnectErrors.unsupported("the Python function " + u.getFunctionName() + " of eval type " + p.getEvalType()
                    + " in " + api, "Sluice runs the eval types " + new java.util.TreeSet<>(evalTypes) + " here");
        }
        if (!(ProtoTypes.fromProto(p.getOutputType()) instanceof StructType schema)) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", api)
                    .with("reason", "its schema must be a struct type").build();
        }
        ConnectSession session = relations.translation().session();
        return new PythonMapFunction(u.getFunctionName(), schema, p.getEvalType(), p.getCommand(), session.pythonWorkers(),
                session::timeZone);
    }

    private static void unsupportedField(String what) {
        throw ConnectErrors.unsupported("applyInPandas with " + what, "Sluice runs plain grouped Python functions");
    }
}
