package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.spark.connect.proto.CommonInlineUserDefinedTableFunction;
import org.apache.spark.connect.proto.Expression;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python user-defined table functions ({@code @udtf}, {@code udtf(cls, returnType=...)}) called with scalar
 * arguments: {@code PlusOne(lit(1))}. The arguments become a one-row relation; a Python worker makes one handler
 * of the class per partition, calls {@code eval} for each row and then {@code terminate}, and its rows are the
 * result. Without a return type the class's {@code analyze} static method gives the schema (run by a worker while
 * the plan is translated, as Spark runs it during analysis). A table argument ({@code df.asTable()}) makes one call
 * per row of the table (see {@link #call(ConnectSession, CommonInlineUserDefinedTableFunction, List, Map, TableArgument)}).
 * Lateral joins and Arrow UDTFs ({@code arrow_udtf}, eval type 302) are refused by name.
 */
final class PythonTableFunctions {
    /** PySpark's eval types of table functions Sluice runs: SQL_TABLE_UDF, SQL_ARROW_TABLE_UDF. */
    static final java.util.Set<Integer> EVAL_TYPES = java.util.Set.of(300, 301);
    /** The worker's request for a class's analyze() (not one of PySpark's eval types). */
    static final int ANALYZE = -1;
    /**
     * A call whose table argument is partitioned by keys (not one of PySpark's eval types): the worker makes a handler
     * per key as its rows arrive, so a partition without rows makes none (no {@code terminate}), as Spark.
     */
    static final int PARTITIONED = -2;

    private final RelationTranslator relations;

    PythonTableFunctions(RelationTranslator relations) { this.relations = relations; }

    DataFrame call(CommonInlineUserDefinedTableFunction u) {
        check(u);
        List<Column> positional = new ArrayList<>();
        Map<String, Column> named = new LinkedHashMap<>();
        dev.sluice.TableArgument table = null;
        for (Expression a : u.getArgumentsList()) {
            String key = null;
            if (a.hasNamedArgumentExpression()) {
                key = a.getNamedArgumentExpression().getKey();
                a = a.getNamedArgumentExpression().getValue();
            }
            if (a.hasSubqueryExpression()) {
                if (table != null) {
                    throw ConnectErrors.unsupported("a second table argument of the Python table function " + u.getFunctionName(),
                            "Spark allows one table argument per table function call");
                }
                table = tableArgument(a.getSubqueryExpression());
                if (key == null) positional.add(null);   // its place among the arguments
                else named.put(key, null);
                continue;
            }
            Column c = relations.expressions().translate(a, table == null ? null : table.rows());
            if (key == null) positional.add(c);
            else named.put(key, c);
        }
        return call(relations.translation().session(), u, positional, named, table);
    }

    /** A table argument ({@code df.asTable()}, with {@code partitionBy}/{@code orderBy} or {@code withSinglePartition}). */
    private dev.sluice.TableArgument tableArgument(org.apache.spark.connect.proto.SubqueryExpression s) {
        DataFrame rows = relations.translation().subqueries().tableArgument(s);
        var options = s.getTableArgOptions();
        List<Column> partitionBy = new ArrayList<>();
        for (Expression e : options.getPartitionSpecList()) partitionBy.add(relations.expressions().translate(e, rows));
        List<Column> orderBy = new ArrayList<>();
        for (Expression.SortOrder o : options.getOrderSpecList()) orderBy.add(relations.expressions().sortOrder(o, rows));
        boolean single = options.hasWithSinglePartition() && options.getWithSinglePartition();
        if (single && !partitionBy.isEmpty()) {
            throw ConnectErrors.unsupported("a table argument both partitioned and in a single partition", "use one of partitionBy() and withSinglePartition()");
        }
        if (!orderBy.isEmpty() && partitionBy.isEmpty() && !single) {
            throw ConnectErrors.unsupported("orderBy() of a table argument that is not partitioned", "call partitionBy() or withSinglePartition() first");
        }
        return new dev.sluice.TableArgument(rows, partitionBy, orderBy, single);
    }

    /** {@code spark.udtf.register(name, cls)}: callable by name from this session's SQL ({@code FROM name(1, x => 2)}). */
    static void register(ConnectSession session, CommonInlineUserDefinedTableFunction u) {
        check(u);
        session.sluice().udf().registerTableFunction(u.getFunctionName(), new dev.sluice.TableFunction() {
            @Override public DataFrame call(List<Column> positional, Map<String, Column> named) {
                return PythonTableFunctions.call(session, u, positional, named, null);
            }

            @Override public DataFrame call(List<Column> positional, Map<String, Column> named, dev.sluice.TableArgument table) {
                return PythonTableFunctions.call(session, u, positional, named, table);   // SQL's TABLE(t) PARTITION BY ...
            }
        });
    }

    private static void check(CommonInlineUserDefinedTableFunction u) {
        if (!u.hasPythonUdtf()) {
            throw ConnectErrors.unsupported("the table function " + u.getFunctionName() + " of kind "
                    + u.getFunctionCase().name().toLowerCase(Locale.ROOT), "Sluice runs Python table functions only");
        }
        var p = u.getPythonUdtf();
        if (!EVAL_TYPES.contains(p.getEvalType())) {
            throw ConnectErrors.unsupported("the Python table function " + u.getFunctionName() + " of eval type " + p.getEvalType()
                    + (p.getEvalType() == 302 ? " (arrow_udtf)" : ""), "Sluice runs @udtf table functions (eval types 300 and 301)");
        }
    }

    /**
     * The call as a relation: its arguments become one row (columns named {@code p:<c|e>:<i>} and
     * {@code k:<c|e>:<name>}, c marking a literal), which the worker turns into the function's rows. With a table
     * argument they are the table's rows instead, each with the scalar arguments beside its columns; PARTITION BY
     * splits the rows by ranges of its keys (handed to the worker as {@code q:k:<j>}: a new handler, and
     * {@code terminate}, per key) and sorts them by the keys and ORDER BY within each partition; WITH SINGLE PARTITION
     * moves them into one.
     */
    /** {@code table}: the call's table argument (a null among {@code positional} or in {@code named} marks its place), or null. */
    private static DataFrame call(ConnectSession session, CommonInlineUserDefinedTableFunction u, List<Column> positional,
                                  Map<String, Column> named, dev.sluice.TableArgument table) {
        var p = u.getPythonUdtf();
        List<Column> args = new ArrayList<>();
        List<Column> analyzed = new ArrayList<>();   // the same, with a table argument's columns as typed NULLs
        for (int i = 0; i < positional.size(); i++) {
            if (positional.get(i) == null) {
                tableColumns(table, "p", String.valueOf(i), args, analyzed);
            } else {
                args.add(argument("p", String.valueOf(i), positional.get(i)));
                analyzed.add(args.get(args.size() - 1));
            }
        }
        for (var e : named.entrySet()) {
            if (e.getValue() == null) {
                tableColumns(table, "k", e.getKey(), args, analyzed);
                continue;
            }
            args.add(argument("k", e.getKey(), e.getValue()));
            analyzed.add(args.get(args.size() - 1));
        }
        DataFrame arguments = LocalRelations.oneRow(session).select((table == null ? args : analyzed).toArray(new Column[0]));
        StructType schema = p.hasReturnType() ? struct(ProtoTypes.fromProto(p.getReturnType()), u.getFunctionName())
                : analyze(session, u, arguments);
        if (table != null) arguments = partitioned(table, args);
        int evalType = table != null && !table.partitionBy().isEmpty() ? PARTITIONED : p.getEvalType();
        PythonMapFunction f = new PythonMapFunction(u.getFunctionName(), schema, evalType, p.getCommand(),
                session.pythonWorkers(), session::timeZone);
        return arguments.mapPartitions(f.overPartitions(arguments.schema()), schema);
    }

    /** The table's columns among the arguments, named {@code <kind>:t:<key>:<column>} for the worker to make one Row of. */
    private static void tableColumns(dev.sluice.TableArgument table, String kind, String key, List<Column> args, List<Column> analyzed) {
        StructType columns = table.rows().schema();
        for (var field : columns.fields()) {
            String name = kind + ":t:" + key + ":" + field.name();
            args.add(table.rows().col(field.name()).alias(name));
            analyzed.add(dev.sluice.functions.lit(null).cast(field.dataType()).alias(name));
        }
    }

    /** The table's rows with the call's arguments, laid out as its PARTITION BY / ORDER BY / WITH SINGLE PARTITION ask. */
    private static DataFrame partitioned(dev.sluice.TableArgument table, List<Column> args) {
        List<Column> all = new ArrayList<>(args);
        List<Column> keys = new ArrayList<>();
        for (int j = 0; j < table.partitionBy().size(); j++) {
            all.add(table.partitionBy().get(j).alias("q:k:" + j));
            keys.add(dev.sluice.functions.col("`q:k:" + j + "`"));
        }
        List<Column> order = new ArrayList<>();
        for (int j = 0; j < table.orderBy().size(); j++) all.add(sortKey(table.orderBy().get(j)).alias("q:o:" + j));
        DataFrame rows = table.rows().select(all.toArray(new Column[0]));
        for (int j = 0; j < table.orderBy().size(); j++) order.add(sortedBy(table.orderBy().get(j), dev.sluice.functions.col("`q:o:" + j + "`")));
        if (table.singlePartition()) rows = rows.repartition(1);
        // by ranges of the keys: a key's rows stay together (as hashing would keep them) and the keys come out in order
        else if (!keys.isEmpty()) rows = rows.repartitionByRange(keys.toArray(new Column[0]));
        List<Column> within = new ArrayList<>(keys);
        within.addAll(order);
        if (!within.isEmpty()) rows = rows.sortWithinPartitions(within.toArray(new Column[0]));
        List<Column> handed = new ArrayList<>();
        for (String c : rows.columns()) if (!c.startsWith("q:o:")) handed.add(dev.sluice.functions.col("`" + c + "`"));
        return rows.select(handed.toArray(new Column[0]));
    }

    private static Column sortKey(Column order) {
        return order.expr() instanceof dev.sluice.expr.SortOrder o ? new Column(o.child()) : order;
    }

    private static Column sortedBy(Column order, Column key) {
        return order.expr() instanceof dev.sluice.expr.SortOrder o
                ? new Column(new dev.sluice.expr.SortOrder(key.expr(), o.ascending(), o.nullsFirst())) : key;
    }

    private static Column argument(String kind, String key, Column value) {
        String constant = value.expr() instanceof dev.sluice.expr.Literal ? "c" : "e";
        return value.alias(kind + ":" + constant + ":" + key);
    }

    /** The class's analyze(): the arguments' types and constant values in, the result schema out. */
    private static StructType analyze(ConnectSession session, CommonInlineUserDefinedTableFunction u, DataFrame arguments) {
        // one row of the call's arguments, computed without reading any data
        List<dev.sluice.types.Row> row = arguments.collect();
        byte[] command = u.getPythonUdtf().getCommand().toByteArray();
        String name = u.getFunctionName();
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("udtf-analyze-" + name, 0, Long.MAX_VALUE)) {
            byte[] input = ArrowBatches.encode(allocator, arguments.schema(), row);
            byte[] empty = ArrowBatches.encode(allocator, new StructType(List.of()), List.of());
            byte[] json = session.pythonWorkers().with(name,
                    w -> w.call(command, ANALYZE, session.timeZone(), empty, List.of(input), name));
            return struct(SchemaStrings.parseType(new String(json, StandardCharsets.UTF_8)), name);
        }
    }

    private static StructType struct(DataType t, String name) {
        if (t instanceof StructType s) return s;
        throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", name)
                .with("reason", "the return type of a table function must be a struct type, got " + t.simpleString()).build();
    }
}
