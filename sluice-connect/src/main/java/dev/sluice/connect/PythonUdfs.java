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

    static PythonUdf function(ConnectSession session, CommonInlineUserDefinedFunction u) {
        if (!u.hasPythonUdf()) {
            throw ConnectErrors.unsupported("the " + u.getFunctionCase().name().toLowerCase(java.util.Locale.ROOT)
                    + " user-defined function " + u.getFunctionName(), "Sluice runs Python UDFs only");
        }
        var p = u.getPythonUdf();
        if (!PythonUdf.SCALAR_EVAL_TYPES.contains(p.getEvalType())) {
            throw ConnectErrors.unsupported("the Python UDF " + u.getFunctionName() + " of eval type " + p.getEvalType(),
                    "Sluice runs scalar Python UDFs (row-at-a-time, pandas and Arrow scalar UDFs), not grouped, map or table ones");
        }
        return new PythonUdf(u.getFunctionName(), ProtoTypes.fromProto(p.getOutputType()), p.getEvalType(), p.getCommand(),
                u.getDeterministic(), session.pythonWorkers(), session::timeZone);
    }

    /** {@code spark.udf.register(name, f)}: the function becomes callable by name in this session's SQL and expressions. */
    static void register(ConnectSession session, CommonInlineUserDefinedFunction u) {
        PythonUdf f = function(session, u).named(u.getFunctionName());
        session.sluice().udf().register(u.getFunctionName(), UserDefinedFunction.of(f));
    }
}
