package dev.sluice.connect;

import dev.sluice.error.SluiceException;
import org.apache.spark.connect.proto.FetchErrorDetailsResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The errors the server reported, by the {@code errorId} their ErrorInfo carries, for {@code FetchErrorDetails}: the
 * error and its causes (each with Spark's exception classes, message, error condition, message parameters, SQL
 * state and stack), so PySpark raises the right exception with its cause chain. The last 1000 errors are kept.
 */
final class ErrorDetails {
    private static final int KEPT = 1000;
    private static final Map<String, Throwable> BY_ID = new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Throwable> eldest) { return size() > KEPT; }
    };

    private ErrorDetails() {}

    /** Keeps {@code error} and returns its id. */
    static String remember(Throwable error) {
        String id = UUID.randomUUID().toString();
        synchronized (BY_ID) {
            BY_ID.put(id, error);
        }
        return id;
    }

    /** The details of error {@code id}: the error first (root index 0), then each cause; none for an unknown id. */
    static FetchErrorDetailsResponse.Builder details(String id) {
        Throwable error;
        synchronized (BY_ID) {
            error = BY_ID.get(id);
        }
        FetchErrorDetailsResponse.Builder out = FetchErrorDetailsResponse.newBuilder();
        if (error == null) return out;
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) chain.add(t);
        for (int i = 0; i < chain.size(); i++) {
            Throwable t = chain.get(i);
            var e = FetchErrorDetailsResponse.Error.newBuilder();
            if (t instanceof SluiceException s) {
                ConnectErrors.SparkError spark = ConnectErrors.sparkErrorOf(s);
                var throwable = FetchErrorDetailsResponse.SparkThrowable.newBuilder()
                        .setSqlState(spark.sqlState()).putAllMessageParameters(s.facts());
                // The JVM client formats an error condition's message from Spark's own template and these parameters,
                // which are Sluice's facts, not the template's (it fails an assertion on a mismatch); without a
                // condition it keeps this message. PySpark takes the condition from the ErrorInfo, so it keeps it.
                if (ConnectErrors.jvmClientNeedsCondition(spark)) throwable.setErrorClass(spark.condition());
                e.addAllErrorTypeHierarchy(spark.classes())
                        .setMessage(s.getMessage() + " SQLSTATE: " + spark.sqlState())
                        .setSparkThrowable(throwable);
            } else {
                e.addErrorTypeHierarchy(t.getClass().getName()).setMessage(String.valueOf(t.getMessage()));
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                var f = FetchErrorDetailsResponse.StackTraceElement.newBuilder()
                        .setDeclaringClass(frame.getClassName()).setMethodName(frame.getMethodName()).setLineNumber(frame.getLineNumber());
                if (frame.getFileName() != null) f.setFileName(frame.getFileName());
                e.addStackTrace(f);
            }
            if (i + 1 < chain.size()) e.setCauseIdx(i + 1);
            out.addErrors(e);
        }
        return out.setRootErrorIdx(0);
    }
}
