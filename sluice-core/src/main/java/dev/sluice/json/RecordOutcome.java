package dev.sluice.json;

/** What {@link JsonBatchBuilder#append} did with one record. */
public enum RecordOutcome {
    /** Converted; one row appended (or several, or none, for a top-level array of objects). */
    OK,
    /** Malformed or with values that could not be converted; kept as Spark's PERMISSIVE mode keeps it. */
    MALFORMED,
    /** Malformed and dropped (DROPMALFORMED): no row appended. */
    DROPPED,
    /** Empty or whitespace only: no row appended, not an error (Spark skips such lines). */
    EMPTY
}
