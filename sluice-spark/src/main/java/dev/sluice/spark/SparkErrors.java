package dev.sluice.spark;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.apache.spark.SparkThrowable;

import java.util.Map;
import java.util.Set;

/**
 * Spark's errors as Sluice's: by Spark's error condition ({@link SparkThrowable#getCondition()}, the part before
 * the first dot), never by message text. Spark wraps task failures (a SparkException without a condition,
 * FAILED_READ_FILE, TASK_WRITE_FAILED), so the cause chain is searched for the first condition with a meaning.
 */
final class SparkErrors {
    private SparkErrors() {}

    private static final Map<String, ErrorCode> CODES = Map.ofEntries(
            Map.entry("UNRESOLVED_COLUMN", ErrorCode.COLUMN_NOT_FOUND),
            Map.entry("SCALAR_SUBQUERY_TOO_MANY_ROWS", ErrorCode.SCALAR_SUBQUERY_TOO_MANY_ROWS),
            Map.entry("UNRESOLVED_FIELD", ErrorCode.FIELD_NOT_FOUND),
            Map.entry("FIELD_NOT_FOUND", ErrorCode.FIELD_NOT_FOUND),
            Map.entry("AMBIGUOUS_REFERENCE", ErrorCode.AMBIGUOUS_COLUMN),
            Map.entry("DATATYPE_MISMATCH", ErrorCode.TYPE_MISMATCH),
            Map.entry("DUPLICATED_MAP_KEY", ErrorCode.DUPLICATE_MAP_KEY),
            Map.entry("COLLATION_INVALID_NAME", ErrorCode.COLLATION_INVALID_NAME),
            Map.entry("COLLATION_MISMATCH", ErrorCode.COLLATION_MISMATCH),
            Map.entry("INVALID_JSON_SCHEMA", ErrorCode.INVALID_SCHEMA),
            Map.entry("PARSE_SYNTAX_ERROR", ErrorCode.INVALID_SCHEMA),
            Map.entry("PARSE_MODE_UNSUPPORTED", ErrorCode.INVALID_OPTION),
            Map.entry("CAST_INVALID_INPUT", ErrorCode.CAST_INVALID_INPUT),
            Map.entry("CAST_OVERFLOW", ErrorCode.CAST_OVERFLOW),
            Map.entry("CAST_OVERFLOW_IN_TABLE_INSERT", ErrorCode.CAST_OVERFLOW),
            Map.entry("ARITHMETIC_OVERFLOW", ErrorCode.ARITHMETIC_OVERFLOW),
            Map.entry("INTERVAL_ARITHMETIC_OVERFLOW", ErrorCode.ARITHMETIC_OVERFLOW),
            Map.entry("BINARY_ARITHMETIC_OVERFLOW", ErrorCode.ARITHMETIC_OVERFLOW),
            Map.entry("DIVIDE_BY_ZERO", ErrorCode.DIVIDE_BY_ZERO),
            Map.entry("REMAINDER_BY_ZERO", ErrorCode.DIVIDE_BY_ZERO),
            Map.entry("INTERVAL_DIVIDED_BY_ZERO", ErrorCode.DIVIDE_BY_ZERO),
            Map.entry("INVALID_ARRAY_INDEX", ErrorCode.INVALID_ARRAY_INDEX),
            Map.entry("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", ErrorCode.INVALID_ARRAY_INDEX),
            Map.entry("INVALID_INDEX_OF_ZERO", ErrorCode.INVALID_ELEMENT_AT_INDEX),
            Map.entry("NUMERIC_VALUE_OUT_OF_RANGE", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE),
            Map.entry("MALFORMED_RECORD_IN_PARSING", ErrorCode.MALFORMED_RECORD),
            Map.entry("PATH_NOT_FOUND", ErrorCode.PATH_NOT_FOUND),
            Map.entry("PATH_ALREADY_EXISTS", ErrorCode.PATH_ALREADY_EXISTS),
            Map.entry("UNRESOLVED_ROUTINE", ErrorCode.UNSUPPORTED_OPERATION),
            Map.entry("UNSUPPORTED_FEATURE", ErrorCode.UNSUPPORTED_OPERATION),
            Map.entry("SPARK_JOB_CANCELLED", ErrorCode.JOB_CANCELLED),
            Map.entry("OPERATION_CANCELED", ErrorCode.JOB_CANCELLED),
            Map.entry("TABLE_OR_VIEW_NOT_FOUND", ErrorCode.TABLE_OR_VIEW_NOT_FOUND),
            Map.entry("TABLE_OR_VIEW_ALREADY_EXISTS", ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS),
            Map.entry("SCHEMA_NOT_FOUND", ErrorCode.SCHEMA_NOT_FOUND),
            Map.entry("CREATE_PERMANENT_VIEW_WITHOUT_ALIAS", ErrorCode.INVALID_ARGUMENT),
            Map.entry("SCHEMA_ALREADY_EXISTS", ErrorCode.SCHEMA_ALREADY_EXISTS),
            Map.entry("SCHEMA_NOT_EMPTY", ErrorCode.SCHEMA_NOT_EMPTY),
            Map.entry("ROUTINE_ALREADY_EXISTS", ErrorCode.ROUTINE_ALREADY_EXISTS),
            Map.entry("NOT_A_SCALAR_FUNCTION", ErrorCode.NOT_A_SCALAR_FUNCTION),
            Map.entry("NOT_A_TABLE_FUNCTION", ErrorCode.NOT_A_TABLE_FUNCTION),
            Map.entry("WRONG_NUM_ARGS", ErrorCode.WRONG_NUM_ARGS),
            Map.entry("CYCLIC_FUNCTION_REFERENCE", ErrorCode.CYCLIC_FUNCTION_REFERENCE),
            Map.entry("USER_DEFINED_FUNCTIONS", ErrorCode.USER_DEFINED_FUNCTIONS),
            Map.entry("INVALID_SQL_FUNCTION_DATA_ACCESS", ErrorCode.INVALID_SQL_FUNCTION_DATA_ACCESS),
            Map.entry("COLUMN_ALREADY_EXISTS", ErrorCode.COLUMN_ALREADY_EXISTS),
            Map.entry("INSERT_COLUMN_ARITY_MISMATCH", ErrorCode.INSERT_COLUMN_ARITY_MISMATCH),
            Map.entry("INSERT_PARTITION_COLUMN_ARITY_MISMATCH", ErrorCode.INSERT_COLUMN_ARITY_MISMATCH),
            // INSERT's PARTITION clause: a column that is not a partition column; not every partition column named;
            // a static partition column in the column list (Sluice: INVALID_ARGUMENT naming Spark's condition)
            Map.entry("PARTITIONS_NOT_FOUND", ErrorCode.INVALID_ARGUMENT),
            Map.entry("_LEGACY_ERROR_TEMP_1169", ErrorCode.INVALID_ARGUMENT),
            Map.entry("INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS", ErrorCode.INVALID_ARGUMENT),
            // INSERT ... REPLACE WHERE into a file table ("Cannot write into v1 table")
            Map.entry("_LEGACY_ERROR_TEMP_1012", ErrorCode.UNSUPPORTED_OPERATION),
            Map.entry("EXPECT_TABLE_NOT_VIEW", ErrorCode.EXPECT_TABLE_NOT_VIEW),
            Map.entry("EXPECT_VIEW_NOT_TABLE", ErrorCode.EXPECT_TABLE_NOT_VIEW),
            Map.entry("INVALID_INVERSE_DISTRIBUTION_FUNCTION", ErrorCode.INVALID_INVERSE_DISTRIBUTION_FUNCTION),
            Map.entry("INVALID_WITHIN_GROUP_EXPRESSION", ErrorCode.INVALID_WITHIN_GROUP_EXPRESSION),
            Map.entry("UNEXPECTED_POSITIONAL_ARGUMENT", ErrorCode.UNEXPECTED_POSITIONAL_ARGUMENT),
            Map.entry("DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT", ErrorCode.DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT),
            Map.entry("UNRECOGNIZED_PARAMETER_NAME", ErrorCode.UNRECOGNIZED_PARAMETER_NAME),
            Map.entry("REQUIRED_PARAMETER_NOT_FOUND", ErrorCode.REQUIRED_PARAMETER_NOT_FOUND),
            Map.entry("NAMED_PARAMETERS_NOT_SUPPORTED", ErrorCode.NAMED_PARAMETERS_NOT_SUPPORTED),
            // several time/session windows in one operator (Spark's multiTimeWindowExpressionsNotSupportedError)
            Map.entry("_LEGACY_ERROR_TEMP_1039", ErrorCode.UNSUPPORTED_OPERATION),
            Map.entry("INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION", ErrorCode.INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION),
            // the TIME type (Spark 4.1)
            Map.entry("DATETIME_FIELD_OUT_OF_BOUNDS", ErrorCode.DATETIME_FIELD_OUT_OF_BOUNDS),
            Map.entry("DATETIME_OVERFLOW", ErrorCode.DATETIME_OVERFLOW),
            Map.entry("CANNOT_PARSE_TIME", ErrorCode.CANNOT_PARSE_TIME),
            Map.entry("UNSUPPORTED_TIME_TYPE", ErrorCode.UNSUPPORTED_TIME_TYPE),
            Map.entry("UNSUPPORTED_TIME_PRECISION", ErrorCode.UNSUPPORTED_TIME_PRECISION),
            Map.entry("INVALID_PARAMETER_VALUE.TIME_UNIT", ErrorCode.INVALID_FUNCTION_INPUT),
            // TIMESTAMPADD('MONTH', ...): Spark's parser refuses a quoted unit, as Sluice's does
            Map.entry("INVALID_PARAMETER_VALUE.DATETIME_UNIT", ErrorCode.PARSE_SYNTAX_ERROR),
            Map.entry("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", ErrorCode.UNSUPPORTED_OPERATION),
            // extract(WEEK FROM interval): Sluice's date_part refuses the field as an invalid argument
            Map.entry("INVALID_EXTRACT_FIELD", ErrorCode.INVALID_ARGUMENT),
            // a cast Spark does not allow: Sluice's analyzer says UNSUPPORTED_CAST (before the head's TYPE_MISMATCH)
            Map.entry("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", ErrorCode.UNSUPPORTED_CAST),
            Map.entry("DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION", ErrorCode.UNSUPPORTED_CAST),
            Map.entry("DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION", ErrorCode.UNSUPPORTED_CAST));

    /** Conditions that only wrap the real cause; used when no cause says more. */
    private static final Map<String, ErrorCode> WRAPPERS = Map.of(
            "FAILED_READ_FILE", ErrorCode.IO_ERROR,
            "TASK_WRITE_FAILED", ErrorCode.IO_ERROR,
            "FAILED_EXECUTE_UDF", ErrorCode.TASK_FAILED);

    private static final Set<String> IGNORED = Set.of("", "null");

    /** The Sluice error for anything a Spark action threw. */
    static SluiceException translate(Throwable thrown) {
        ErrorCode fallback = null;
        String fallbackCondition = null;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SluiceException s) return s;   // raised by Sluice code running inside Spark
            if (!(t instanceof SparkThrowable st)) continue;
            String condition = st.getCondition();
            if (condition == null || IGNORED.contains(condition)) continue;
            String head = condition.contains(".") ? condition.substring(0, condition.indexOf('.')) : condition;
            ErrorCode code = CODES.getOrDefault(condition, CODES.get(head));
            if (code != null) return build(code, condition, t, thrown);
            if (fallback == null && WRAPPERS.containsKey(head)) {
                fallback = WRAPPERS.get(head);
                fallbackCondition = condition;
            } else if (fallbackCondition == null) {
                fallbackCondition = condition;
            }
        }
        if (fallback != null) return build(fallback, fallbackCondition, thrown, thrown);
        return SluiceException.of(ErrorCode.INTERNAL_ERROR)
                .with("reason", "Spark failed with an error Sluice does not map (condition " + fallbackCondition + "): " + firstLine(thrown))
                .cause(thrown).build();
    }

    private static SluiceException build(ErrorCode code, String condition, Throwable source, Throwable thrown) {
        String message = firstLine(source);
        return SluiceException.of(code)
                .with("reason", message).with("operation", message).with("path", message)
                .with("location", message).with("value", message).with("spark_condition", condition)
                .cause(thrown).build();
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
