package dev.sluice.glue.types;

import dev.sluice.types.DataType;

/**
 * A Glue type: what a DynamicFrame schema holds. Unlike Spark types it has a choice (a field whose records hold
 * values of different types). Each maps to the Sluice type that carries it in a plan ({@link #dataType()}):
 * a choice is carried as a struct with one field per alternative, named after the alternative's type.
 */
public sealed interface GlueType permits GlueScalar, GlueStruct, GlueArray, GlueMap, ChoiceType, GlueNull {
    /** Glue's name: {@code int}, {@code struct}, {@code choice}, ... */
    String typeName();

    /** The Sluice type that carries values of this type in a plan. */
    DataType dataType();
}
