/**
 * Glue's Job, argument parsing (getResolvedOptions) and job bookmarks kept in a local directory: one JSON state
 * file per job, replaced atomically on commit.
 */
package dev.sluice.glue.job;
