package dev.sluice.connect;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sluice errors as Spark Connect errors: a {@code google.rpc.Status} with an {@code ErrorInfo} whose reason and
 * {@code classes} name Spark's exception classes, and whose metadata holds Spark's error condition, SQL state and
 * message parameters, so that PySpark raises AnalysisException, ParseException, ArithmeticException, ...
 */
final class ConnectErrors {
    private ConnectErrors() {}

    /** What Spark would throw for a Sluice error code: exception classes (most specific first), condition, state. */
    record SparkError(List<String> classes, String condition, String sqlState) {}

    private static final List<String> ANALYSIS = List.of("org.apache.spark.sql.AnalysisException");
    private static final List<String> PARSE = List.of("org.apache.spark.sql.catalyst.parser.ParseException",
            "org.apache.spark.sql.AnalysisException");
    private static final List<String> ARITHMETIC = List.of("org.apache.spark.SparkArithmeticException",
            "java.lang.ArithmeticException");
    private static final List<String> NUMBER_FORMAT = List.of("org.apache.spark.SparkNumberFormatException",
            "java.lang.NumberFormatException", "java.lang.IllegalArgumentException");
    private static final List<String> RUNTIME = List.of("org.apache.spark.SparkRuntimeException");
    private static final List<String> UNSUPPORTED = List.of("org.apache.spark.SparkUnsupportedOperationException",
            "java.lang.UnsupportedOperationException");
    private static final List<String> INDEX = List.of("org.apache.spark.SparkArrayIndexOutOfBoundsException",
            "java.lang.ArrayIndexOutOfBoundsException");
    private static final List<String> DATETIME = List.of("org.apache.spark.SparkDateTimeException",
            "java.time.DateTimeException");
    private static final List<String> SPARK = List.of("org.apache.spark.SparkException");
    private static final List<String> PYTHON = List.of("org.apache.spark.api.python.PythonException",
            "org.apache.spark.SparkException");

    static SparkError sparkError(ErrorCode code) {
        switch (code) {
            case COLUMN_NOT_FOUND: return new SparkError(ANALYSIS, "UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703");
            case AMBIGUOUS_COLUMN: return new SparkError(ANALYSIS, "AMBIGUOUS_REFERENCE", "42704");
            case FIELD_NOT_FOUND: return new SparkError(ANALYSIS, "FIELD_NOT_FOUND", "42704");
            case TYPE_MISMATCH: return new SparkError(ANALYSIS, "DATATYPE_MISMATCH", "42K09");
            case INVALID_SCHEMA: return new SparkError(PARSE, "PARSE_SYNTAX_ERROR", "42601");
            case PARSE_SYNTAX_ERROR: return new SparkError(PARSE, "PARSE_SYNTAX_ERROR", "42601");
            case UNSUPPORTED_CAST: return new SparkError(ANALYSIS, "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", "42K09");
            case PATH_ALREADY_EXISTS: return new SparkError(ANALYSIS, "PATH_ALREADY_EXISTS", "42K04");
            case UNKNOWN_FUNCTION: return new SparkError(ANALYSIS, "UNRESOLVED_ROUTINE", "42883");
            case DUPLICATE_COLUMN: return new SparkError(ANALYSIS, "COLUMN_ALREADY_EXISTS", "42711");
            case MISSING_AGGREGATION: return new SparkError(ANALYSIS, "MISSING_AGGREGATION", "42803");
            case NUM_COLUMNS_MISMATCH: return new SparkError(ANALYSIS, "NUM_COLUMNS_MISMATCH", "42826");
            case PATH_NOT_FOUND: return new SparkError(ANALYSIS, "PATH_NOT_FOUND", "42K03");
            case UNSUPPORTED_OPERATION: return new SparkError(UNSUPPORTED, "UNSUPPORTED_FEATURE", "0A000");
            case CAST_INVALID_INPUT: return new SparkError(NUMBER_FORMAT, "CAST_INVALID_INPUT", "22018");
            case CAST_OVERFLOW: return new SparkError(ARITHMETIC, "CAST_OVERFLOW", "22003");
            case ARITHMETIC_OVERFLOW: return new SparkError(ARITHMETIC, "ARITHMETIC_OVERFLOW", "22003");
            case DIVIDE_BY_ZERO: return new SparkError(ARITHMETIC, "DIVIDE_BY_ZERO", "22012");
            case NUMERIC_VALUE_OUT_OF_RANGE: return new SparkError(ARITHMETIC, "NUMERIC_VALUE_OUT_OF_RANGE", "22003");
            case INVALID_ARRAY_INDEX: return new SparkError(INDEX, "INVALID_ARRAY_INDEX", "22003");
            case INVALID_ELEMENT_AT_INDEX: return new SparkError(RUNTIME, "INVALID_INDEX_OF_ZERO", "22003");
            case CANNOT_PARSE_DATETIME: return new SparkError(DATETIME, "CANNOT_PARSE_TIMESTAMP", "22007");
            case CANNOT_PARSE_TIME: return new SparkError(DATETIME, "CANNOT_PARSE_TIME", "22010");
            case DATETIME_OVERFLOW: return new SparkError(ARITHMETIC, "DATETIME_OVERFLOW", "22008");
            case UNSUPPORTED_TIME_TYPE: return new SparkError(ANALYSIS, "UNSUPPORTED_TIME_TYPE", "0A000");
            case MALFORMED_RECORD: return new SparkError(SPARK, "MALFORMED_RECORD_IN_PARSING", "22023");
            case DUPLICATE_MAP_KEY: return new SparkError(RUNTIME, "DUPLICATE_MAP_KEY", "23505");
            case NULL_MAP_KEY: return new SparkError(RUNTIME, "NULL_MAP_KEY", "2200E");
            case TEMP_TABLE_OR_VIEW_ALREADY_EXISTS: return new SparkError(ANALYSIS, "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "42P07");
            case TABLE_OR_VIEW_NOT_FOUND: return new SparkError(ANALYSIS, "TABLE_OR_VIEW_NOT_FOUND", "42P01");
            case JOB_CANCELLED: return new SparkError(SPARK, "OPERATION_CANCELED", "HY008");
            case FAILED_EXECUTE_UDF: return new SparkError(SPARK, "FAILED_EXECUTE_UDF", "39000");
            default:
                if (code.category() == ErrorCode.Category.ANALYSIS) return new SparkError(ANALYSIS, code.name(), "42000");
                if (code.category() == ErrorCode.Category.INTERNAL) return new SparkError(SPARK, "INTERNAL_ERROR", "XX000");
                return new SparkError(SPARK, code.name(), "XX000");
        }
    }

    /**
     * Whether the JVM client's exception for {@code e} cannot be built without an error condition (ParseException,
     * SparkRuntimeException); every other class it builds from the message alone when none is given.
     */
    static boolean jvmClientNeedsCondition(SparkError e) {
        return e.classes() == PARSE || e.classes() == RUNTIME;
    }

    /** What Spark would throw for this error (a Python UDF's failure is PySpark's PythonException). */
    static SparkError sparkErrorOf(SluiceException e) {
        return "python".equals(e.facts().get("language"))
                ? new SparkError(PYTHON, "FAILED_EXECUTE_UDF", "39000")
                : sparkError(e.code());
    }

    /** A plan element, option or type Sluice does not support, named, so that nothing is misread. */
    static SluiceException unsupported(String what, String reason) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", what).with("reason", reason).build();
    }

    /** The gRPC error for anything thrown while serving a request. */
    static StatusRuntimeException toStatus(Throwable thrown) {
        SluiceException e = asSluice(thrown);
        SparkError spark = sparkErrorOf(e);
        String message = e.getMessage() + " SQLSTATE: " + spark.sqlState();
        Map<String, String> params = new TreeMap<>(e.facts());
        ErrorInfo info = ErrorInfo.newBuilder()
                .setReason(spark.classes().get(0))
                .setDomain("org.apache.spark")
                .putMetadata("classes", jsonArray(spark.classes()))
                .putMetadata("errorClass", spark.condition())
                .putMetadata("sqlState", spark.sqlState())
                .putMetadata("messageParameters", jsonObject(params))
                .putMetadata("sluiceErrorCode", e.code().name())
                .putMetadata("errorId", ErrorDetails.remember(e))   // the cause chain, for FetchErrorDetails
                .build();
        Code code = Code.INTERNAL;   // as Spark's server: the ErrorInfo, not the code, says what went wrong
        Status status = Status.newBuilder().setCode(code.getNumber()).setMessage(message).addDetails(Any.pack(info)).build();
        return StatusProto.toStatusRuntimeException(status);
    }

    static SluiceException asSluice(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SluiceException s) return s;
        }
        if (thrown instanceof IllegalArgumentException) {
            return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "the request")
                    .with("reason", String.valueOf(thrown.getMessage())).cause(thrown).build();
        }
        return SluiceException.of(ErrorCode.INTERNAL_ERROR).with("reason", thrown.toString()).cause(thrown).build();
    }

    private static String jsonArray(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) b.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        return b.append(']').toString();
    }

    private static String jsonObject(Map<String, String> values) {
        StringBuilder b = new StringBuilder("{");
        for (var e : values.entrySet()) {
            if (b.length() > 1) b.append(',');
            b.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        return b.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : String.valueOf(s).toCharArray()) {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
