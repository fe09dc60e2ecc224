package dev.sluice.expr;

/** How an expression treats overflow, bad input and bad indexes, as Spark's EvalMode. */
public enum EvalMode {
    /** Spark 4's default (spark.sql.ansi.enabled=true): raise a coded error. */
    ANSI,
    /** The try_ functions: return NULL. */
    TRY,
    /** Spark 3.5 / non-ANSI: wrap around on overflow, NULL for bad input. */
    LEGACY
}
