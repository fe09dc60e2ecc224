/**
 * The optimizer: ordered rule batches run to a fixed point through one wrapper that verifies each firing.
 * One rule per file. Depends on {@code plan}, {@code expr}, {@code types}; knows nothing of execution.
 */
package dev.sluice.optimizer;
