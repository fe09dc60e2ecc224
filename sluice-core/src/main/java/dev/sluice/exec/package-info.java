/**
 * Execution: physical operators ({@code *Exec}) over batches, the physical planner, the scheduler and its
 * progress listeners. Depends on {@code plan}, {@code expr}, {@code io}, {@code vector}; never on the API.
 */
package dev.sluice.exec;
