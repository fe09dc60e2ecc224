package dev.sluice.connect;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.SparkSchemaJson;
import dev.sluice.types.StructType;

/**
 * Schema strings as clients send them: a DDL string ({@code "a INT, b STRING"}) or Spark's JSON form of a
 * {@code StructType} ({@code StructType.json()}, which PySpark sends when the user passes a StructType).
 */
final class SchemaStrings {
    private SchemaStrings() {}

    static StructType parseSchema(String text) {
        DataType t = parseType(text);
        if (t instanceof StructType s) return s;
        throw SluiceException.of(ErrorCode.INVALID_SCHEMA).with("schema", text).with("reason", "it is not a struct").build();
    }

    static DataType parseType(String text) {
        String s = text.strip();
        if (s.startsWith("{") || s.startsWith("\"")) return SparkSchemaJson.parse(text);
        try {
            return DdlParser.parseSchema(s);
        } catch (SluiceException asSchema) {
            return DdlParser.parseType(s);
        }
    }

    /** Spark's JSON form of a type (what {@code DataType.json()} prints), for LocalRelation schemas and tests. */
    static String toJson(DataType t) { return SparkSchemaJson.toJson(t); }
}
