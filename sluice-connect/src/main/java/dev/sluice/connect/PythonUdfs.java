package dev.sluice.connect;

import dev.sluice.UserDefinedFunction;
import org.apache.spark.connect.proto.CommonInlineUserDefinedFunction;

/**
 * Spark Connect's user-defined functions as Sluice functions: a {@code PythonUDF} of a scalar eval type becomes a
 * {@link PythonUdf} run by the session's Python workers; Scala/Java UDFs (JVM closures serialized by a Scala
 * client), Python table functions and grouped/map Python UDFs are refused by name.
 */
final class PythonUdfs {
    private PythonUdfs() {}

    /** PySpark's SQL_GROUPED_AGG_PANDAS_UDF: {@code @pandas_udf} from Series to a scalar, used as an aggregate. */
    static final int GROUPED_AGG_PANDAS = 202;

    /**
     * A grouped aggregate pandas UDF ({@code df.groupBy(k).agg(min_udf(df.age))}): the group's argument rows gathered
     * by {@code collect_list(struct(args))} (NULLs kept: the struct is never NULL), then the function called once per
     * group by a Python worker with one pandas Series per argument, as Spark hands over a whole group. The group is
     * held as any collect_list's (the aggregate spills by groups). Named as Spark names it: {@code min_udf(age)}.
     */
    static dev.sluice.Column groupedAggregate(ConnectSession session, CommonInlineUserDefinedFunction u, java.util.List<dev.sluice.expr.Expression> args) {
        if (u.getIsDistinct()) throw ConnectErrors.unsupported("a DISTINCT call of the Python UDF " + u.getFunctionName(), "drop DISTINCT");
        var p = u.getPythonUdf();
        PythonUdf f = new PythonUdf(u.getFunctionName(), ProtoTypes.fromProto(p.getOutputType()), GROUPED_AGG_PANDAS, p.getCommand(),
                u.getDeterministic(), session.pythonWorkers(), session::timeZone);
        dev.sluice.Column[] fields = new dev.sluice.Column[args.size()];
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new dev.sluice.Column(args.get(i)).alias("_" + i);
            names.add(dev.sluice.expr.Expressions.outputName(args.get(i)));
        }
        dev.sluice.Column rows = dev.sluice.functions.collect_list(dev.sluice.functions.struct(fields));
        return new dev.sluice.Column(dev.sluice.expr.FunctionCall.inline(f, java.util.List.of(rows.expr())))
                .alias(u.getFunctionName() + "(" + String.join(", ", names) + ")");
    }

    static PythonUdf function(ConnectSession session, CommonInlineUserDefinedFunction u) {
        if (!u.hasPythonUdf()) throw notPython(u, "user-defined function");
        if (u.getIsDistinct()) {
            throw ConnectErrors.unsupported("a DISTINCT call of the Python UDF " + u.getFunctionName(), "Sluice's Python UDFs are scalar");
        }
        var p = u.getPythonUdf();
        if (!PythonUdf.SCALAR_EVAL_TYPES.contains(p.getEvalType())) {
            throw ConnectErrors.unsupported("the Python UDF " + u.getFunctionName() + " of eval type " + p.getEvalType(),
                    "Sluice runs scalar Python UDFs (row-at-a-time, pandas and Arrow scalar UDFs), not grouped, map or table ones");
        }
        return new PythonUdf(u.getFunctionName(), ProtoTypes.fromProto(p.getOutputType()), p.getEvalType(), p.getCommand(),
                u.getDeterministic(), session.pythonWorkers(), session::timeZone);
    }

    /**
     * A function that is not Python: a JVM client's Scala/Java UDF or typed Dataset function ({@code map},
     * {@code filter(func)}, {@code mapPartitions}...) arrives as a serialized JVM closure, which needs Scala and the
     * client's classes on the server; a Java UDF names a class on the server's class path. Sluice's server has neither.
     */
    static dev.sluice.error.SluiceException notPython(CommonInlineUserDefinedFunction u, String what) {
        String name = u.getFunctionName().isEmpty() ? "" : " " + u.getFunctionName();
        switch (u.getFunctionCase()) {
            case SCALAR_SCALA_UDF:
                return ConnectErrors.unsupported("the Scala/Java " + what + name + " (a serialized JVM closure: Scala UDFs and "
                        + "typed Dataset functions such as map, flatMap, filter(func), mapPartitions, foreach)",
                        "the Sluice server runs no JVM closures (it has no Scala); use built-in functions or a Python UDF");
            case JAVA_UDF:
                return ConnectErrors.unsupported("the Java " + what + name + " (class " + u.getJavaUdf().getClassName() + ")",
                        "the Sluice server loads no user classes; use built-in functions or a Python UDF");
            default:
                return ConnectErrors.unsupported("the " + what + name + " without a function body", "the client sent no function");
        }
    }

    /** {@code spark.udf.register(name, f)}: the function becomes callable by name in this session's SQL and expressions. */
    static void register(ConnectSession session, CommonInlineUserDefinedFunction u) {
        PythonUdf f = function(session, u).named(u.getFunctionName());
        session.sluice().udf().register(u.getFunctionName(), UserDefinedFunction.of(f));
    }
}
