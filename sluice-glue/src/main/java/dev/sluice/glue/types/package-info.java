/**
 * Glue's type system: Glue's type names ({@code int}, {@code long}, {@code string}, ...), {@link dev.sluice.glue.types.ChoiceType},
 * the schema merge rules of a DynamicFrame and Glue's {@code printSchema()} text. Depends only on {@code dev.sluice.types}.
 */
package dev.sluice.glue.types;
