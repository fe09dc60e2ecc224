package dev.sluice.expr.fn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.json.JsonOptions;
import dev.sluice.json.JsonSchemaInference;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StringType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * get_json_object and schema_of_json. ({@code json_tuple} is a generator in Spark — one row to several
 * columns — and needs the generator operator, so it is not a scalar function here.)
 * <p>get_json_object follows Spark's (Hive's) JSONPath subset: {@code $}, {@code .name}, {@code ['name']},
 * {@code [n]}, {@code [*]}; anything else (double quotes, {@code ..}, {@code .*}, negative indexes) gives NULL,
 * as do malformed JSON, a missing path and a JSON null. A matched string is returned unquoted, anything else as
 * compact JSON; a wildcard with one match returns it bare, with several an array. Text after the first JSON
 * value is ignored and the first of duplicate keys wins, as Spark.
 */
public final class JsonFunctions {
    private JsonFunctions() {}

    public static List<ScalarFunction> all() { return List.of(new GetJsonObject(), new SchemaOfJson()); }

    /** Spark's SharedFactory for get_json_object: single quotes and raw control characters allowed (Hive). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /** One path step: KEY/SUBSCRIPT/WILDCARD markers, or a field name, or an array index. */
    sealed interface Step permits Marker, Named, Index {}

    enum Marker implements Step { KEY, SUBSCRIPT, WILDCARD }

    record Named(String name) implements Step {}

    record Index(long index) implements Step {}

    /** The parsed path, or null when Spark's parser would refuse it. */
    static List<Step> parsePath(String path) {
        if (!path.startsWith("$")) return null;
        List<Step> steps = new ArrayList<>();
        int i = 1, n = path.length();
        while (i < n) {
            if (path.startsWith(".*", i)) {
                steps.add(Marker.WILDCARD);
                i += 2;
            } else if (path.startsWith("['*']", i)) {
                steps.add(Marker.WILDCARD);
                i += 5;
            } else if (path.charAt(i) == '.') {
                int j = i + 1;
                while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') j++;
                if (j == i + 1) return null;
                steps.add(Marker.KEY);
                steps.add(new Named(path.substring(i + 1, j)));
                i = j;
            } else if (path.startsWith("['", i)) {
                int end = path.indexOf("']", i + 2);
                if (end <= i + 2 || path.substring(i + 2, end).indexOf('\'') >= 0) return null;
                steps.add(Marker.KEY);
                steps.add(new Named(path.substring(i + 2, end)));
                i = end + 2;
            } else if (path.charAt(i) == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) return null;
                String inner = path.substring(i + 1, end);
                steps.add(Marker.SUBSCRIPT);
                if (inner.equals("*")) {
                    steps.add(Marker.WILDCARD);
                } else if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit) && inner.length() < 19) {
                    steps.add(new Index(Long.parseLong(inner)));
                } else {
                    return null;
                }
                i = end + 1;
            } else {
                return null;
            }
        }
        return steps;
    }

    enum Style { RAW, QUOTED, FLATTEN }

    /** The match of {@code path} in {@code json} as Spark prints it, or null. */
    static String evaluate(String json, List<Step> path) {
        StringWriter out = new StringWriter();
        try (JsonParser p = FACTORY.createParser(json); JsonGenerator g = FACTORY.createGenerator(out)) {
            boolean matched = p.nextToken() != null && evaluatePath(p, g, Style.RAW, path, 0);
            g.flush();
            return matched ? out.toString() : null;
        } catch (IOException | RuntimeException e) {
            return null;   // malformed JSON gives NULL, as Spark
        }
    }

    private static boolean evaluatePath(JsonParser p, JsonGenerator g, Style style, List<Step> path, int at) throws IOException {
        JsonToken token = p.currentToken();
        boolean end = at == path.size();
        if (end && token == JsonToken.VALUE_STRING && style == Style.RAW) {
            g.writeRaw(p.getText());   // a bare string, unquoted
            return true;
        }
        if (end && token == JsonToken.START_ARRAY && style == Style.FLATTEN) {
            boolean dirty = false;
            while (p.nextToken() != JsonToken.END_ARRAY) dirty |= evaluatePath(p, g, style, path, at);
            return dirty;
        }
        if (end) {
            g.copyCurrentStructure(p);
            return true;
        }
        Step step = path.get(at);
        if (token == JsonToken.START_OBJECT && step == Marker.KEY) {
            boolean dirty = false;
            while (p.nextToken() != JsonToken.END_OBJECT) {
                if (dirty) p.skipChildren();   // the first match wins; skip the rest
                else dirty = evaluatePath(p, g, style, path, at + 1);
            }
            return dirty;
        }
        boolean wildcardNext = at + 1 < path.size() && path.get(at + 1) == Marker.WILDCARD;
        if (token == JsonToken.START_ARRAY && step == Marker.SUBSCRIPT && wildcardNext) {
            boolean doubleWildcard = at + 3 < path.size() && path.get(at + 2) == Marker.SUBSCRIPT && path.get(at + 3) == Marker.WILDCARD;
            if (doubleWildcard) {
                // Hive's non-structure-preserving double wildcard: one flat array
                boolean dirty = false;
                g.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) dirty |= evaluatePath(p, g, Style.FLATTEN, path, at + 4);
                g.writeEndArray();
                return dirty;
            }
            if (style != Style.QUOTED) {
                Style next = style == Style.RAW ? Style.QUOTED : Style.FLATTEN;
                StringWriter buffer = new StringWriter();
                int matches = 0;
                try (JsonGenerator inner = FACTORY.createGenerator(buffer)) {
                    inner.writeStartArray();
                    while (p.nextToken() != JsonToken.END_ARRAY) matches += evaluatePath(p, inner, next, path, at + 2) ? 1 : 0;
                    inner.writeEndArray();
                }
                String s = buffer.toString();
                if (matches > 1) g.writeRawValue(s);
                else if (matches == 1) g.writeRawValue(s.substring(1, s.length() - 1));   // a single match loses its brackets
                return matches > 0;
            }
            boolean dirty = false;
            g.writeStartArray();
            while (p.nextToken() != JsonToken.END_ARRAY) dirty |= evaluatePath(p, g, Style.QUOTED, path, at + 2);
            g.writeEndArray();
            return dirty;
        }
        if (token == JsonToken.START_ARRAY && step == Marker.SUBSCRIPT && at + 1 < path.size() && path.get(at + 1) instanceof Index idx) {
            boolean thenWildcard = at + 3 < path.size() && path.get(at + 2) == Marker.SUBSCRIPT && path.get(at + 3) == Marker.WILDCARD;
            p.nextToken();
            long remaining = idx.index();
            while (p.currentToken() != JsonToken.END_ARRAY) {
                if (remaining == 0) {
                    boolean dirty = evaluatePath(p, g, thenWildcard ? Style.QUOTED : style, path, at + 2);
                    while (p.nextToken() != JsonToken.END_ARRAY) p.skipChildren();
                    return dirty;
                }
                p.skipChildren();
                p.nextToken();
                remaining--;
            }
            return false;
        }
        if (token == JsonToken.FIELD_NAME && step instanceof Named named && p.currentName().equals(named.name())) {
            return p.nextToken() != JsonToken.VALUE_NULL && evaluatePath(p, g, style, path, at + 1);
        }
        if (token == JsonToken.FIELD_NAME && step == Marker.WILDCARD) {
            p.nextToken();
            return evaluatePath(p, g, style, path, at + 1);
        }
        p.skipChildren();
        return false;
    }

    /** {@code get_json_object(json, path)}; a constant path is parsed once at binding. */
    record GetJsonObject() implements ScalarFunction {
        @Override public String name() { return "get_json_object"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            List<dev.sluice.types.DataType> types = List.of(FnArgs.expect(name(), args, 0, DataTypes.STRING), FnArgs.expect(name(), args, 1, DataTypes.STRING));
            Object path = FnArgs.constant(args.get(1), DataTypes.STRING);
            return new Signature(types, DataTypes.STRING, true, path instanceof String s ? new ParsedPath(s, parsePath(s)) : null);
        }

        record ParsedPath(String text, List<Step> steps) {}

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = StringFunctions.strings(rows);
            ParsedPath cached = (ParsedPath) signature.state();
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) {
                    out.appendNull();
                    continue;
                }
                String path = args[1].getString(i);
                if (cached == null || !cached.text().equals(path)) cached = new ParsedPath(path, parsePath(path));
                String r = cached.steps() == null ? null : JsonFunctions.evaluate(args[0].getString(i), cached.steps());
                if (r == null) out.appendNull();
                else out.append(r);
            }
            return out;
        }
    }

    /** {@code schema_of_json(json)} of a constant JSON text: the DDL of the type Spark infers for it. */
    record SchemaOfJson() implements ScalarFunction {
        @Override public String name() { return "schema_of_json"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            if (!(args.get(0).dataType() instanceof StringType)) throw FnArgs.mismatch(name(), args, 0, "a constant JSON string");
            Object json = FnArgs.constant(args.get(0), DataTypes.STRING);
            if (!(json instanceof String s)) throw FnArgs.invalid(name(), "the JSON must be a constant non-NULL string");
            JsonOptions options = JsonOptions.DEFAULT;
            List<dev.sluice.types.DataType> types = List.of(DataTypes.STRING);
            if (args.size() == 2) {
                dev.sluice.types.MapType mt = new dev.sluice.types.MapType(DataTypes.STRING, DataTypes.STRING, true);
                if (!(args.get(1).dataType() instanceof dev.sluice.types.MapType)) throw FnArgs.mismatch(name(), args, 1, "a constant map of options");
                Object m = FnArgs.constant(args.get(1), mt);
                Map<String, String> values = new java.util.LinkedHashMap<>();
                if (m instanceof Map<?, ?> map) for (Map.Entry<?, ?> e : map.entrySet()) values.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
                options = JsonOptions.of(values).validateForReading();
                types = List.of(DataTypes.STRING, mt);
            }
            return new Signature(types, DataTypes.STRING, false, JsonSchemaInference.inferValue(s, options).sql());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            return ConstantVector.of(DataTypes.STRING, signature.state(), rows);
        }
    }
}
