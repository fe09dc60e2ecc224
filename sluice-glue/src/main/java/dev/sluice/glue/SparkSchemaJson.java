package dev.sluice.glue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Spark's schema JSON ({@code StructType.json()}), as Glue's withSchema options take it. */
final class SparkSchemaJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SparkSchemaJson() {}

    static DataType parse(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            return type(p, p.nextToken());
        } catch (IOException | RuntimeException e) {
            throw SluiceException.of(ErrorCode.INVALID_SCHEMA).with("schema", json).with("reason", e.getMessage()).build();
        }
    }

    private static DataType type(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) return DdlParser.parseType(p.getText());
        String kind = null;
        DataType element = null, key = null, value = null;
        List<StructField> fields = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type": kind = p.getText(); break;
                case "elementType": element = type(p, v); break;
                case "keyType": key = type(p, v); break;
                case "valueType": value = type(p, v); break;
                case "fields":
                    while (p.nextToken() == JsonToken.START_OBJECT) fields.add(field(p));
                    break;
                default: p.skipChildren();
            }
        }
        if ("struct".equals(kind)) return new StructType(fields);
        if ("array".equals(kind)) return new ArrayType(element, true);
        if ("map".equals(kind)) return new MapType(key, value, true);
        throw new IOException("unknown type " + kind);
    }

    private static StructField field(JsonParser p) throws IOException {
        String name = null;
        DataType type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken v = p.nextToken();
            if (k.equals("name")) name = p.getText();
            else if (k.equals("type")) type = type(p, v);
            else p.skipChildren();
        }
        return StructField.of(name, type);
    }
}
