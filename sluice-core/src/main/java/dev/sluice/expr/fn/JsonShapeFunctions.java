package dev.sluice.expr.fn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.types.DataTypes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.STRING;

/**
 * The shape of a JSON text, as Spark: json_array_length (elements of the outermost array; NULL when the text is
 * not an array or not valid JSON) and json_object_keys (keys of the outermost object; NULL otherwise).
 */
public final class JsonShapeFunctions {
    private JsonShapeFunctions() {}

    private static final JsonFactory JSON = new JsonFactory();

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("json_array_length", RowFunction.typed(INT, STRING), v -> walk((String) v[0], JsonToken.START_ARRAY, false)),
                RowFunction.of("json_object_keys", RowFunction.typed(DataTypes.array(STRING), STRING), v -> walk((String) v[0], JsonToken.START_OBJECT, true)));
    }

    /** The element count of an outer array, or the keys of an outer object; null for anything else or bad JSON. */
    static Object walk(String text, JsonToken outer, boolean keys) {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != outer) return null;
            List<String> names = new ArrayList<>();
            int n = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT) {
                if (t == null) return null;
                if (t == JsonToken.FIELD_NAME) {
                    names.add(p.currentName());
                    t = p.nextToken();
                }
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) p.skipChildren();
                n++;
            }
            if (p.nextToken() != null) return null;
            return keys ? names : (Object) n;
        } catch (IOException e) {
            return null;
        }
    }
}
