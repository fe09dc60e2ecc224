package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.GlueTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * unbox(path, format, options) (GLUE.md §3.5): parses the string field at {@code path} with {@code json} or
 * {@code csv} and replaces it in place with a struct of the same name. A value that does not parse makes an
 * error record. The struct's type is the merge of the parsed values (one pass) unless {@code withSchema} gives
 * it (Spark's StructType JSON, or a DDL string). Quoted JSON numbers stay strings (GLUE.md §7.8: Glue's doc
 * shows int; Sluice does not guess). CSV takes {@code separator} (quotes are {@code "}); fields are named col0,
 * col1, ...; {@code escaper}, {@code withHeader} and {@code skipFirst} are refused (a value is one line).
 */
final class UnboxTransform {
    private UnboxTransform() {}

    static DynamicFrame apply(DynamicFrame frame, String path, String format, Map<String, String> options, TransformOptions t) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv")) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "unbox format " + format).with("reason", "Sluice unboxes json and csv").build();
        }
        for (String k : options.keySet()) {
            String key = k.toLowerCase(Locale.ROOT);
            if (!key.equals("withschema") && !(f.equals("csv") && key.equals("separator"))) {
                throw SourceOptions.invalid(k, options.get(k), "not an unbox option Sluice honours for " + f);
            }
        }
        FieldPath p = FieldPath.parse(path);
        String withSchema = options.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("withSchema")).map(Map.Entry::getValue).findFirst().orElse(null);
        char sep = options.getOrDefault("separator", ",").charAt(0);
        RecordOp op = r -> {
            Object v = r.getField(p);
            if (v == null) return List.of(r);
            if (!(v instanceof String s)) throw new RecordOp.RecordError("unbox: the value at " + path + " is not a string", r.toJson(), null);
            Object parsed;
            try {
                parsed = f.equals("json") ? single(GlueJsonParser.parseAll(s)) : csv(s, sep);
            } catch (Exception e) {
                throw new RecordOp.RecordError("unbox: cannot parse " + f + " at " + path + ": " + e.getMessage(), s, null);
            }
            r.setField(p, parsed);
            return List.of(r);
        };
        return frame.deriveOpen("unbox", t, (stage, schema) -> {
            FramePlan in = frame.plan();
            GlueStruct out = schema;
            if (out == null) {
                GlueType parsedType = withSchema != null ? parseSchema(withSchema) : valueType(in, p, op);
                out = SchemaPaths.replace(in.schema(), p, old -> parsedType);
            }
            return Records.applyEach(in, out, op, stage);
        });
    }

    private static GlueType valueType(FramePlan in, FieldPath p, RecordOp op) {
        GlueStruct all = OutputSchemas.infer(in, op);
        return SchemaPaths.typeAt(all, p).orElse(GlueStruct.EMPTY);
    }

    private static GlueType parseSchema(String s) {
        String t = s.trim();
        if (t.startsWith("{")) return GlueSchemaJson.parse(t);   // Spark's StructType.json() or Glue's schema JSON
        return GlueTypes.parse(t.startsWith("struct<") ? t : "struct<" + t + ">");
    }

    private static Object single(List<Object> values) throws java.io.IOException {
        if (values.size() != 1) throw new java.io.IOException("expected one JSON value, found " + values.size());
        return values.get(0);
    }

    private static DynamicRecord csv(String s, char sep) {
        DynamicRecord r = new DynamicRecord();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == sep) { fields.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        if (quoted) throw new IllegalArgumentException("unterminated quote");
        fields.add(cur.toString());
        for (int i = 0; i < fields.size(); i++) r.put("col" + i, fields.get(i));
        return r;
    }
}
