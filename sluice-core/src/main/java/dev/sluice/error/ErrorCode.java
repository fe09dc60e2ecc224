package dev.sluice.error;

/**
 * Stable error codes. Numbers never change once released; ranges by category:
 * 1000 user/analysis, 2000 plan, 3000 execution and data, 4000 resources, 5000 internal.
 * Each template names its facts in braces; {@link SluiceException} fills them.
 */
public enum ErrorCode {
    // 1000: the user's job is wrong; raised by the analyzer or the API before anything runs
    COLUMN_NOT_FOUND(1001, Category.ANALYSIS, "Column `{column}` does not exist.{suggestion}"),
    AMBIGUOUS_COLUMN(1002, Category.ANALYSIS, "Column `{column}` is ambiguous: it matches {matches}."),
    FIELD_NOT_FOUND(1003, Category.ANALYSIS, "No field `{field}` in struct column `{column}` of type {type}.{suggestion}"),
    TYPE_MISMATCH(1004, Category.ANALYSIS, "{expression} needs {expected}, but {actual} was given."),
    INVALID_SCHEMA(1005, Category.ANALYSIS, "Cannot parse the schema string {schema}: {reason}"),
    UNSUPPORTED_CAST(1006, Category.ANALYSIS, "Cannot cast {from} to {to}."),
    INVALID_ARGUMENT(1007, Category.ANALYSIS, "Invalid argument for {function}: {reason}"),
    INVALID_OPTION(1008, Category.ANALYSIS, "Invalid value {value} for option `{option}`: {reason}"),
    PATH_ALREADY_EXISTS(1009, Category.ANALYSIS, "Path {path} already exists. Use mode(\"overwrite\") to replace it, \"append\" to add to it, or \"ignore\" to skip the write."),
    UNKNOWN_FUNCTION(1010, Category.ANALYSIS, "Unknown function `{function}`."),
    DUPLICATE_COLUMN(1011, Category.ANALYSIS, "Column `{column}` appears more than once in {where}."),
    MISSING_AGGREGATION(1012, Category.ANALYSIS, "{expression} is neither grouped nor aggregated: add it to groupBy(...), or wrap it in an aggregate function such as first() or any_value()."),
    AGGREGATE_NOT_ALLOWED(1013, Category.ANALYSIS, "The aggregate {expression} is not allowed {where}."),
    NUM_COLUMNS_MISMATCH(1020, Category.ANALYSIS, "{operation} needs inputs with the same number of columns, but the first input has {first} columns and input {index} has {count}."),
    UNSUPPORTED_GENERATOR(1021, Category.ANALYSIS, "The generator {generator} is not supported {reason}."),
    GENERATOR_ALIAS_MISMATCH(1022, Category.ANALYSIS, "{generator} produces {expected} columns, but {actual} names were given: {names}."),
    PARSE_SYNTAX_ERROR(1040, Category.ANALYSIS, "Syntax error at position {position} of the expression: {reason}\n{pointer}"),
    WINDOW_NOT_ORDERED(1023, Category.ANALYSIS, "Window function {function} requires an ordered window: add orderBy(...) to its WindowSpec."),
    WINDOW_FRAME_MISMATCH(1024, Category.ANALYSIS, "Window function {function} requires the frame {required}, but {actual} was given."),
    INVALID_WINDOW_FRAME(1025, Category.ANALYSIS, "The window frame {frame} is invalid: {reason}."),
    WINDOW_FUNCTION_NOT_ALLOWED(1026, Category.ANALYSIS, "The window function {function} is not allowed {where}: window functions belong in select or withColumn."),
    INVALID_TYPED_LITERAL(1041, Category.ANALYSIS, "The value of the typed literal {type} {value} is invalid."),
    TABLE_OR_VIEW_NOT_FOUND(1042, Category.ANALYSIS, "The table or view `{name}` cannot be found.{suggestion}"),
    TEMP_TABLE_OR_VIEW_ALREADY_EXISTS(1043, Category.ANALYSIS, "Cannot create the temporary view `{name}` because it already exists. Use createOrReplaceTempView to replace it."),
    UNABLE_TO_INFER_SCHEMA(1050, Category.ANALYSIS, "Unable to infer schema for {format} at {path}: {reason}. It must be specified manually with schema(...)."),
    CONFLICTING_DIRECTORY_STRUCTURES(1051, Category.ANALYSIS, "Conflicting directory structures under {path}: {reason}. Read the partition directories and the other directories separately, or set the option recursiveFileLookup to true (partition columns are then not discovered)."),
    CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE(1057, Category.ANALYSIS, "Failed to merge incompatible data types {left} and {right} ({where}). Read the files with an explicit schema(...), or without mergeSchema."),
    // SQL front end (1160..): Spark's conditions of the same names
    INVALID_INVERSE_DISTRIBUTION_FUNCTION(1160, Category.ANALYSIS, "Invalid inverse distribution function {function}: {reason}."),
    INVALID_WITHIN_GROUP_EXPRESSION(1161, Category.ANALYSIS, "Invalid function {function} with WITHIN GROUP: {reason}."),
    UNEXPECTED_POSITIONAL_ARGUMENT(1162, Category.ANALYSIS, "Cannot invoke routine {function} because it contains positional argument(s) following the named argument assigned to {parameter}; please rearrange them so the positional arguments come first and then retry the query again."),
    DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT(1163, Category.ANALYSIS, "Call to routine {function} is invalid because it includes multiple argument assignments to the same parameter name {parameter}."),
    UNRECOGNIZED_PARAMETER_NAME(1164, Category.ANALYSIS, "Cannot invoke routine {function} because the routine call included a named argument reference for the argument named {parameter}, but this routine does not include any signature containing an argument with this name.{suggestion}"),
    REQUIRED_PARAMETER_NOT_FOUND(1165, Category.ANALYSIS, "Cannot invoke routine {function} because the parameter named {parameter} is required, but the routine call did not supply a value."),
    NAMED_PARAMETERS_NOT_SUPPORTED(1166, Category.ANALYSIS, "Named parameters are not supported for function {function}; please retry the query with positional arguments to the function call instead."),
    TABLE_OR_VIEW_ALREADY_EXISTS(1167, Category.ANALYSIS, "Cannot create table or view `{name}` because it already exists. Choose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects."),
    LOCATION_ALREADY_EXISTS(1168, Category.ANALYSIS, "Cannot name the managed table as `{name}`, as its associated location {location} already exists. Please pick a different table name, or remove the existing location first."),
    INSERT_COLUMN_ARITY_MISMATCH(1169, Category.ANALYSIS, "Cannot write to `{name}`: {reason}: table columns {tableColumns}, data columns {dataColumns}."),
    EXPECT_TABLE_NOT_VIEW(1170, Category.ANALYSIS, "`{name}` is a {actual}; {statement} expects a {expected}."),
    // the TIME type (1190..): Spark's conditions of the same names
    UNSUPPORTED_TIME_TYPE(1190, Category.ANALYSIS, "The data type TIME is not supported. Set spark.sql.timeType.enabled to true to use it (Spark 4.1 gates the type behind that setting, off by default)."),
    UNSUPPORTED_TIME_PRECISION(1191, Category.ANALYSIS, "The seconds precision {precision} of the TIME data type is out of the supported range [0, 6]."),
    UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY(1171, Category.ANALYSIS, "Unsupported subquery expression: {reason}."),
    // the session catalog (1180..): Spark's conditions of the same names
    SCHEMA_NOT_FOUND(1180, Category.ANALYSIS, "The schema `{name}` cannot be found. Verify the spelling and correctness of the schema and catalog, or create it with CREATE DATABASE."),
    SCHEMA_ALREADY_EXISTS(1181, Category.ANALYSIS, "Cannot create schema `{name}` because it already exists. Choose a different name, drop the existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema."),
    SCHEMA_NOT_EMPTY(1182, Category.ANALYSIS, "Cannot drop a schema `{name}` because it contains objects. Use DROP SCHEMA ... CASCADE to drop the schema and all its objects."),
    ROUTINE_ALREADY_EXISTS(1183, Category.ANALYSIS, "Cannot create the function `{name}` because it already exists. Choose a different name, drop or replace the existing function, or add the IF NOT EXISTS clause to tolerate a pre-existing function."),
    NOT_A_PARTITIONED_TABLE(1185, Category.ANALYSIS, "{operation} is not allowed on `{name}` since it is not a partitioned table."),
    // SQL functions (1210..): Spark's conditions of the same names
    NOT_A_SCALAR_FUNCTION(1210, Category.ANALYSIS, "{function} appears as a scalar expression here, but the function was defined as a table function. Move the call into the FROM clause, or redefine {function} as a scalar function."),
    NOT_A_TABLE_FUNCTION(1211, Category.ANALYSIS, "{function} appears as a table function here, but the function was defined as a scalar function. Move the call out of the FROM clause, or redefine {function} as a table function."),
    WRONG_NUM_ARGS(1212, Category.ANALYSIS, "The {function} requires {expected} parameters but the actual number is {actual}."),
    CYCLIC_FUNCTION_REFERENCE(1213, Category.ANALYSIS, "Cyclic function reference detected: {path}."),
    USER_DEFINED_FUNCTIONS(1214, Category.ANALYSIS, "User defined function {function} is invalid: {reason}"),
    INVALID_SQL_FUNCTION_DATA_ACCESS(1215, Category.ANALYSIS, "Cannot create the SQL function {function} with CONTAINS SQL: its body reads a table or view. Use READS SQL DATA instead."),
    // collations (1200..): Spark's conditions of the same names
    COLLATION_INVALID_NAME(1200, Category.ANALYSIS, "The value {collationName} does not represent a correct collation name. Suggested valid collation names: [{proposals}]."),
    COLLATION_MISMATCH(1201, Category.ANALYSIS, "Could not determine which collation to use for string functions and operators: {reason}"),
    COLUMN_ALREADY_EXISTS(1186, Category.ANALYSIS, "The column `{column}` already exists. Choose another name or rename the existing column."),

    // 2000: the plan cannot be built or run as asked
    UNSUPPORTED_OPERATION(2001, Category.PLAN, "{operation} is not supported: {reason}"),

    // 3000: running the job failed on the data or the files
    PATH_NOT_FOUND(3001, Category.EXECUTION, "Path does not exist: {path}"),
    MALFORMED_RECORD(3002, Category.EXECUTION, "Malformed record at {location}: {reason}. Use mode PERMISSIVE (with a _corrupt_record column) or DROPMALFORMED to keep going."),
    CAST_INVALID_INPUT(3003, Category.EXECUTION, "The value {value} of type {from} cannot be cast to {to} because it is malformed. Use try_cast to tolerate malformed input and return NULL instead."),
    CAST_OVERFLOW(3004, Category.EXECUTION, "The value {value} of type {from} cannot be cast to {to} due to an overflow. Use try_cast to tolerate overflow and return NULL instead."),
    ARITHMETIC_OVERFLOW(3005, Category.EXECUTION, "{operation} overflowed {type}. Use the try_ variant or a wider type to tolerate overflow."),
    DIVIDE_BY_ZERO(3006, Category.EXECUTION, "Division by zero. Use try_divide to tolerate a zero divisor and return NULL instead."),
    INVALID_ARRAY_INDEX(3007, Category.EXECUTION, "The index {index} is out of bounds. The array has {size} elements. Use try_element_at to tolerate a bad index and return NULL instead."),
    IO_ERROR(3008, Category.EXECUTION, "I/O error on {path}: {reason}"),
    JOB_CANCELLED(3009, Category.EXECUTION, "The job was cancelled."),
    TASK_FAILED(3010, Category.EXECUTION, "Task {task} failed: {reason}"),
    NUMERIC_VALUE_OUT_OF_RANGE(3011, Category.EXECUTION, "The value {value} cannot be represented as {type}. Use try_cast to return NULL instead."),
    INVALID_ELEMENT_AT_INDEX(3012, Category.EXECUTION, "element_at index 0 is invalid: SQL array indexes start at 1. Use try_element_at to return NULL instead."),
    DUPLICATE_MAP_KEY(3013, Category.EXECUTION, "Duplicate map key {key} was found: map keys must be unique."),
    NULL_MAP_KEY(3014, Category.EXECUTION, "Cannot use NULL as a map key."),
    CORRUPT_COMPRESSED_FILE(3030, Category.EXECUTION, "The compressed file {path} cannot be read at byte {offset}: {reason}. The last complete line read was line {line}. Set the option ignoreCorruptFiles to true to skip damaged files (each one skipped is listed in the job's result and report)."),
    CSV_HEADER_MISMATCH(3031, Category.EXECUTION, "CSV header does not conform to the schema in {path}: {reason}. Remove the option enforceSchema=false to read the columns by position whatever the header says."),
    WRITE_CONFLICT(3032, Category.EXECUTION, "Cannot commit the write to {path}: {reason}"),
    CANNOT_PARSE_TIME(3016, Category.EXECUTION, "The input string {value} cannot be parsed to a TIME value because it does not match to the datetime format {pattern}. Use try_to_time to tolerate bad input and return NULL instead."),
    CANNOT_PARSE_DATETIME(3015, Category.EXECUTION, "Text {value} cannot be parsed as a {type} with the pattern {pattern}. Use try_to_timestamp to tolerate bad input and return NULL instead."),
    // function library (3100..): runtime failures of a function on its input, Spark's conditions in brackets
    DATETIME_FIELD_OUT_OF_BOUNDS(3101, Category.EXECUTION, "{function}: {reason}. Use the try_ variant of the function to return NULL instead."),
    USER_RAISED_EXCEPTION(3102, Category.EXECUTION, "{message}"),
    INVALID_FUNCTION_INPUT(3103, Category.EXECUTION, "Invalid input for {function}: {reason}"),
    SCALAR_SUBQUERY_TOO_MANY_ROWS(3104, Category.EXECUTION, "More than one row returned by a subquery used as an expression."),
    INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION(3105, Category.EXECUTION, "Cannot add an interval to a date because its microseconds part is not 0. Cast the date to a timestamp, which supports the addition of intervals with microseconds."),
    DATETIME_OVERFLOW(3106, Category.EXECUTION, "Datetime operation overflow: {operation}."),
    // user-defined functions (3110..): the function itself failed on a row, or its worker could not run [FAILED_EXECUTE_UDF]
    FAILED_EXECUTE_UDF(3110, Category.EXECUTION, "User-defined function {function} failed: {reason}"),
    PYTHON_WORKER_FAILED(3111, Category.EXECUTION, "The Python worker ({executable}) for {function} failed: {reason}"),

    // 3200: the Glue layer (DynamicFrame error thresholds, job bookmarks)
    GLUE_ERROR_THRESHOLD(3201, Category.EXECUTION, "Glue transform {transform} (transformationContext '{context}') has {stageErrors} error records of its own and {totalErrors} in total, over its {threshold}."),
    GLUE_BOOKMARK_ERROR(3202, Category.EXECUTION, "Job bookmark of job {job}: {reason}"),
    GLUE_CATALOG_ENTITY_NOT_FOUND(1101, Category.ANALYSIS, "The local Glue Data Catalog at {root} has no {entity}."),
    GLUE_CONNECTION_ERROR(3203, Category.EXECUTION, "Glue {connection} connection: {reason}"),

    // 4000: not enough resources
    LIMIT_EXCEEDED(4010, Category.RESOURCES, "{what} exceeds the limit of {limit}. {remedy}"),
    MEMORY_EXHAUSTED(4001, Category.RESOURCES, "Out of memory budget: {reason}. Raise the memory budget (sluice.memory.budget) or the heap (-Xmx)."),

    // 5000: a bug in Sluice
    INTERNAL_ERROR(5001, Category.INTERNAL, "Internal error (this is a bug in Sluice, please report it): {reason}");

    /** What kind of failure a code is; used for exit codes and retry decisions. */
    public enum Category { ANALYSIS, PLAN, EXECUTION, RESOURCES, INTERNAL }

    private final int number;
    private final Category category;
    private final String template;

    ErrorCode(int number, Category category, String template) {
        this.number = number;
        this.category = category;
        this.template = template;
    }

    public int number() { return number; }

    public Category category() { return category; }

    public String template() { return template; }
}
