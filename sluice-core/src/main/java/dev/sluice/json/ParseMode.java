package dev.sluice.json;

/** What a reader does with a malformed record, as Spark's {@code mode} option. */
public enum ParseMode {
    /** Keep the record: fields that cannot be read become NULL, the text goes to the corrupt-record column. */
    PERMISSIVE,
    /** Drop the record (counted, and reported by the job). */
    DROPMALFORMED,
    /** Fail the job at the first malformed record, naming the file and line. */
    FAILFAST
}
