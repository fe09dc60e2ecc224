package dev.sluice.glue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueMap;
import dev.sluice.glue.types.GlueNull;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.GlueTypes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema as Glue's format options write it: Glue's own schema JSON ({@code json.dumps(schema.jsonValue())} of
 * awsglue.gluetypes: {@code {"dataType": "struct", "fields": [{"name": ..., "container": {...}}]}}, choices as
 * {@code {"dataType": "choice", "choices": [...]}}), or Spark's {@code StructType.json()} (read by
 * {@link SparkSchemaJson}). Glue's {@code unknown} type reads as {@code null}.
 */
final class GlueSchemaJson {
    private static final JsonFactory JSON = new JsonFactory();

    private GlueSchemaJson() {}

    static GlueType parse(String json) {
        if (json.contains("\"type\"") && !json.contains("\"dataType\"")) return GlueTypes.fromDataType(SparkSchemaJson.parse(json));
        try (JsonParser p = JSON.createParser(json)) {
            GlueType t = type(p, p.nextToken());
            if (p.nextToken() != null) throw new IOException("text after the schema");
            return t;
        } catch (IOException | RuntimeException e) {
            throw SluiceException.of(ErrorCode.INVALID_SCHEMA).with("schema", json).with("reason", String.valueOf(e.getMessage())).build();
        }
    }

    private static GlueType type(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) throw new IOException("a type is an object with a dataType");
        String kind = null;
        Integer precision = null, scale = null;
        GlueType element = null, value = null;
        List<GlueField> fields = new ArrayList<>();
        List<GlueType> choices = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "dataType": kind = p.getText(); break;
                case "precision": precision = p.getIntValue(); break;
                case "scale": scale = p.getIntValue(); break;
                case "elementType": element = type(p, v); break;
                case "valueType": value = type(p, v); break;
                case "fields":
                    while (p.nextToken() == JsonToken.START_OBJECT) fields.add(field(p));
                    break;
                case "choices":
                    while (p.nextToken() == JsonToken.START_OBJECT) choices.add(type(p, JsonToken.START_OBJECT));
                    break;
                default: p.skipChildren();
            }
        }
        if (kind == null) throw new IOException("a type without dataType");
        switch (kind) {
            case "struct": return new GlueStruct(fields);
            case "array": return new GlueArray(element == null ? GlueNull.INSTANCE : element);
            case "map": return new GlueMap(value == null ? GlueNull.INSTANCE : value);
            case "choice": return choices.size() == 1 ? choices.get(0) : ChoiceType.of(choices.toArray(new GlueType[0]));
            case "decimal": return GlueScalar.decimal(precision == null ? 10 : precision, scale == null ? 2 : scale);
            case "null": case "unknown": return GlueNull.INSTANCE;
            default: return GlueTypes.parse(kind);
        }
    }

    private static GlueField field(JsonParser p) throws IOException {
        String name = null;
        GlueType type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken v = p.nextToken();
            if (k.equals("name")) name = p.getText();
            else if (k.equals("container") || k.equals("dataType")) type = type(p, v);
            else p.skipChildren();
        }
        if (name == null || type == null) throw new IOException("a field needs a name and a container");
        return new GlueField(name, type);
    }
}
