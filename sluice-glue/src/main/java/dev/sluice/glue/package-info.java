/**
 * AWS Glue's DynamicFrame layer over Sluice plans: DynamicFrame and DynamicRecord, Glue's transforms, error
 * records, GlueContext sources and sinks. Sub-packages: {@code types} (Glue types, choices, schema merge and
 * text), {@code catalog} (the local Data Catalog), {@code job} (Job, getResolvedOptions, bookmarks) and
 * {@code transforms} (Glue's transform classes). Builds on the public API of sluice-core only, plus the
 * function registry's run-time functions for record-at-a-time user code.
 */
package dev.sluice.glue;
