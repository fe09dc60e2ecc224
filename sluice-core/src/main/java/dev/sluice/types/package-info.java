/**
 * Data types and schemas with Spark's names, DDL schema strings and printSchema rendering.
 * Depends only on {@code dev.sluice.error}.
 */
package dev.sluice.types;
