package dev.sluice.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's JSON form of a schema ({@code StructType.json()}): what PySpark sends for a StructType and what Spark
 * keeps in a Parquet footer ({@code org.apache.spark.sql.parquet.row.metadata}). Collated strings are
 * {@code "string"} with the collation in the field's metadata under {@code __COLLATIONS}, keyed by the path of the
 * string inside the field ({@code a}, {@code a.element}, {@code a.key}, {@code a.value}) and valued
 * {@code provider.NAME} ({@code spark.UTF8_LCASE}, {@code icu.UNICODE_CI}), as Spark's StructField writes it.
 */
public final class SparkSchemaJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SparkSchemaJson() {}

    /** The type a JSON schema text describes; INVALID_SCHEMA naming the text otherwise. */
    public static DataType parse(String text) {
        return fromJson(readJson(text), text);
    }

    private static Object readJson(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            return read(p);
        } catch (IOException e) {
            throw SluiceException.of(ErrorCode.INVALID_SCHEMA).with("schema", text).with("reason", e.getMessage()).build();
        }
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                m.put(name, read(p));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) l.add(read(p));
            return l;
        }
        if (t == JsonToken.VALUE_TRUE) return true;
        if (t == JsonToken.VALUE_FALSE) return false;
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        return p.getText();
    }

    @SuppressWarnings("unchecked")
    private static DataType fromJson(Object node, String text) {
        if (node instanceof String name) return DdlParser.parseType(name);
        if (!(node instanceof Map)) throw bad(text, "a type must be a string or an object");
        Map<String, Object> m = (Map<String, Object>) node;
        String type = String.valueOf(m.get("type"));
        switch (type) {
            case "struct": {
                List<StructField> fields = new ArrayList<>();
                for (Object f : (List<Object>) m.getOrDefault("fields", List.of())) {
                    Map<String, Object> fm = (Map<String, Object>) f;
                    String name = String.valueOf(fm.get("name"));
                    DataType ft = fromJson(fm.get("type"), text);
                    if (fm.get("metadata") instanceof Map<?, ?> md && md.get(COLLATIONS) instanceof Map<?, ?> collations) {
                        ft = withCollations(ft, name, (Map<String, Object>) collations, text);
                    }
                    fields.add(new StructField(name, ft, !Boolean.FALSE.equals(fm.get("nullable"))));
                }
                return new StructType(fields);
            }
            case "array":
                return new ArrayType(fromJson(m.get("elementType"), text), !Boolean.FALSE.equals(m.get("containsNull")));
            case "map":
                return new MapType(fromJson(m.get("keyType"), text), fromJson(m.get("valueType"), text),
                        !Boolean.FALSE.equals(m.get("valueContainsNull")));
            case "udt":
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "user-defined types")
                        .with("reason", "Sluice has no UDTs").build();
            default:
                throw bad(text, "unknown type " + type);
        }
    }

    /** Spark's field metadata key naming the collations of a field's strings by path ({@code a}, {@code a.element}, {@code a.key}). */
    private static final String COLLATIONS = "__COLLATIONS";

    /** {@code t} with the strings at the paths of {@code collations} ({@code provider.NAME} values) collated. */
    private static DataType withCollations(DataType t, String path, Map<String, Object> collations, String text) {
        if (t instanceof StringType && collations.get(path) instanceof String c) {
            int dot = c.indexOf('.');
            String provider = dot < 0 ? "" : c.substring(0, dot);
            if (!provider.equals("spark") && !provider.equals("icu")) throw bad(text, "unknown collation provider in " + c);
            return StringType.of(Collation.of(c.substring(dot + 1)));
        }
        if (t instanceof ArrayType a) {
            return new ArrayType(withCollations(a.elementType(), path + ".element", collations, text), a.containsNull());
        }
        if (t instanceof MapType m) {
            return new MapType(withCollations(m.keyType(), path + ".key", collations, text),
                    withCollations(m.valueType(), path + ".value", collations, text), m.valueContainsNull());
        }
        return t;
    }

    /** The {@code __COLLATIONS} entries of a field of type {@code t} (its strings outside nested structs). */
    private static void collations(DataType t, String path, List<String> out) {
        if (t instanceof StringType st && !st.isDefault()) {
            out.add(quote(path) + ":" + quote(st.collation().provider() + "." + st.collation().name()));
        } else if (t instanceof ArrayType a) {
            collations(a.elementType(), path + ".element", out);
        } else if (t instanceof MapType m) {
            collations(m.keyType(), path + ".key", out);
            collations(m.valueType(), path + ".value", out);
        }
    }

    /** A field's type as Spark's StructField JSON writes it: collated strings as {@code "string"} (the collation goes to metadata). */
    private static String fieldTypeJson(DataType t) {
        if (t instanceof StringType) return quote("string");
        if (t instanceof ArrayType a) {
            return "{\"type\":\"array\",\"elementType\":" + fieldTypeJson(a.elementType()) + ",\"containsNull\":" + a.containsNull() + "}";
        }
        if (t instanceof MapType m) {
            return "{\"type\":\"map\",\"keyType\":" + fieldTypeJson(m.keyType()) + ",\"valueType\":" + fieldTypeJson(m.valueType())
                    + ",\"valueContainsNull\":" + m.valueContainsNull() + "}";
        }
        return toJson(t);
    }

    private static String metadataJson(StructField f) {
        List<String> entries = new ArrayList<>();
        collations(f.dataType(), f.name(), entries);
        String md = f.metadata().isEmpty() ? "{}" : f.metadata().toString();
        if (entries.isEmpty()) return md;
        String c = quote(COLLATIONS) + ":{" + String.join(",", entries) + "}";
        return md.equals("{}") ? "{" + c + "}" : md.substring(0, md.lastIndexOf('}')) + "," + c + "}";
    }

    private static SluiceException bad(String text, String reason) {
        return SluiceException.of(ErrorCode.INVALID_SCHEMA).with("schema", text).with("reason", reason).build();
    }

    /** Spark's JSON form of a type (what {@code DataType.json()} prints), for LocalRelation schemas and tests. */
    public static String toJson(DataType t) {
        if (t instanceof StructType s) {
            StringBuilder b = new StringBuilder("{\"type\":\"struct\",\"fields\":[");
            for (int i = 0; i < s.size(); i++) {
                StructField f = s.field(i);
                if (i > 0) b.append(',');
                b.append("{\"name\":").append(quote(f.name())).append(",\"type\":").append(fieldTypeJson(f.dataType()))
                        .append(",\"nullable\":").append(f.nullable()).append(",\"metadata\":").append(metadataJson(f)).append('}');
            }
            return b.append("]}").toString();
        }
        if (t instanceof ArrayType a) {
            return "{\"type\":\"array\",\"elementType\":" + toJson(a.elementType()) + ",\"containsNull\":" + a.containsNull() + "}";
        }
        if (t instanceof MapType m) {
            return "{\"type\":\"map\",\"keyType\":" + toJson(m.keyType()) + ",\"valueType\":" + toJson(m.valueType())
                    + ",\"valueContainsNull\":" + m.valueContainsNull() + "}";
        }
        return quote(t instanceof dev.sluice.types.DecimalType ? t.simpleString() : t.typeName());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
