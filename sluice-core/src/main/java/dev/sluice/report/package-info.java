/**
 * The job report: a recorder of queries, stages and tasks, and its rendering as one self-contained HTML page.
 * Sits beside the API; depends on {@code exec} for operators and metrics.
 */
package dev.sluice.report;
