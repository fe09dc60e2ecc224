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
 * the plan is translated, as Spark runs it during analysis). Table arguments ({@code asTable()}), lateral joins
 * and Arrow UDTFs ({@code arrow_udtf}, eval type 302) are refused by name.
 */
final class PythonTableFunctions {
    /** PySpark's eval types of table functions Sluice runs: SQL_TABLE_UDF, SQL_ARROW_TABLE_UDF. */
    static final java.util.Set<Integer> EVAL_TYPES = java.util.Set.of(300, 301);
    /** The worker's request for a class's analyze() (not one of PySpark's eval types). */
    static final int ANALYZE = -1;

    private final RelationTranslator relations;

    PythonTableFunctions(RelationTranslator relations) { this.relations = relations; }

    DataFrame call(CommonInlineUserDefinedTableFunction u) {
        check(u);
        List<Column> positional = new ArrayList<>();
        Map<String, Column> named = new LinkedHashMap<>();
        for (Expression a : u.getArgumentsList()) {
            String key = null;
            if (a.hasNamedArgumentExpression()) {
                key = a.getNamedArgumentExpression().getKey();
                a = a.getNamedArgumentExpression().getValue();
            }
            if (a.hasSubqueryExpression()) {
                throw ConnectErrors.unsupported("table arguments (asTable()) of the Python table function " + u.getFunctionName(),
                        "Sluice calls table functions with scalar arguments");
            }
            Column c = relations.expressions().translate(a, null);
            if (key == null) positional.add(c);
            else named.put(key, c);
        }
        return call(relations.translation().session(), u, positional, named);
    }

    /** {@code spark.udtf.register(name, cls)}: callable by name from this session's SQL ({@code FROM name(1, x => 2)}). */
    static void register(ConnectSession session, CommonInlineUserDefinedTableFunction u) {
        check(u);
        session.sluice().udf().registerTableFunction(u.getFunctionName(), (positional, named) -> call(session, u, positional, named));
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
     * {@code k:<c|e>:<name>}, c marking a literal), which the worker turns into the function's rows.
     */
    private static DataFrame call(ConnectSession session, CommonInlineUserDefinedTableFunction u, List<Column> positional,
                                  Map<String, Column> named) {
        var p = u.getPythonUdtf();
        List<Column> args = new ArrayList<>();
        for (int i = 0; i < positional.size(); i++) args.add(argument("p", String.valueOf(i), positional.get(i)));
        for (var e : named.entrySet()) args.add(argument("k", e.getKey(), e.getValue()));
        DataFrame arguments = LocalRelations.oneRow(session).select(args.toArray(new Column[0]));
        StructType schema = p.hasReturnType() ? struct(ProtoTypes.fromProto(p.getReturnType()), u.getFunctionName())
                : analyze(session, u, arguments);
        PythonMapFunction f = new PythonMapFunction(u.getFunctionName(), schema, p.getEvalType(), p.getCommand(),
                session.pythonWorkers(), session::timeZone);
        return arguments.mapPartitions(f.overPartitions(arguments.schema()), schema);
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
