package dev.sluice.exec;

/**
 * An operator whose input must be fully computed before it produces anything (an exchange, a broadcast).
 * The scheduler finds them before running a job and runs their inputs first, bottom-up, as separate stages:
 * no worker ever blocks waiting for another stage.
 */
public interface StageBoundary extends ExecNode {
    /** Computes the input stage with {@code runner}; called once, before any {@code execute}. */
    void materialize(StageRunner runner);

    /** Frees what {@link #materialize} holds (called when the job ends, success or not). */
    void release();
}
