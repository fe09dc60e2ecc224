package dev.sluice.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Infers a schema from JSON records as Spark 4.1's JsonInferSchema:
 * <ul>
 *   <li>integral numbers → bigint (beyond bigint: decimal(n,0)); other numbers, NaN, Infinity → double (with
 *       {@code prefersDecimal}: decimal when it fits, numeric strings too); true/false → boolean; strings →
 *       string; {@code primitivesAsString}: every primitive → string. Dates and timestamps stay strings
 *       ({@code inferTimestamp}/{@code inferDate} are not supported).</li>
 *   <li>Merging: bigint+double → double, decimal+decimal → the decimal holding both (or double beyond 38
 *       digits), structs merge field by field, arrays by element; anything else in conflict (string with
 *       anything, boolean with numbers, struct/array with a primitive) → string.</li>
 *   <li>Struct fields are sorted by name; names equal ignoring case are one field named as first seen (Spark
 *       4.1 with case-insensitive resolution). null-only fields and {@code []} elements → string; empty
 *       structs (and fields with an empty name) are dropped; {@code dropFieldIfAllNull} drops null-only
 *       fields instead.</li>
 *   <li>A top-level array of objects contributes its objects. A malformed record (syntax error, or a
 *       top-level value that is not an object) adds a {@code _corrupt_record} string field
 *       (columnNameOfCorruptRecord) in PERMISSIVE mode, is skipped in DROPMALFORMED and fails in FAILFAST.
 *       As in {@link JsonBatchBuilder}, text after the first JSON value makes a record malformed (Spark ignores
 *       it), so that the reader's corrupt-record column is in the inferred schema.</li>
 * </ul>
 * Feed records with {@link #add} (blank ones are skipped) and read {@link #result}; or call {@link #infer}.
 */
public final class JsonSchemaInference {
    /** One record: {@code buf[offset, offset+length)}, UTF-8. */
    public record Record(byte[] buf, int offset, int length) {
        public Record {
            Objects.checkFromIndexSize(offset, length, buf.length);
        }

        public static Record of(byte[] bytes) { return new Record(bytes, 0, bytes.length); }
    }

    private static final Comparator<StructField> BY_NAME = Comparator.comparing(StructField::name);
    private static final DecimalType LONG_AS_DECIMAL = new DecimalType(20, 0);

    private final JsonFactory factory;
    private final ParseMode mode;
    private final String corruptName;
    private final boolean primitivesAsString;
    private final boolean prefersDecimal;
    private final boolean dropFieldIfAllNull;
    private DataType root;   // null until a record is seen

    public JsonSchemaInference(JsonOptions options) {
        this.factory = JsonFactories.forOptions(options);
        this.mode = options.mode();
        this.corruptName = options.columnNameOfCorruptRecord();
        this.primitivesAsString = options.primitivesAsString();
        this.prefersDecimal = options.prefersDecimal();
        this.dropFieldIfAllNull = options.dropFieldIfAllNull();
    }

    public static StructType infer(Iterable<Record> records, JsonOptions options) {
        JsonSchemaInference inference = new JsonSchemaInference(options);
        for (Record r : records) inference.add(r.buf(), r.offset(), r.length());
        return inference.result();
    }

    /**
     * The type of one JSON value, as Spark's {@code schema_of_json} infers it: any value at the top (not only
     * objects), NULL and empty-array elements read as string, an empty object as an empty struct. Malformed text
     * is MALFORMED_RECORD. (Added for the function library's schema_of_json.)
     */
    public static DataType inferValue(String json, JsonOptions options) {
        JsonSchemaInference inference = new JsonSchemaInference(options);
        try (JsonParser p = inference.factory.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) throw SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", "schema_of_json").with("reason", "no JSON value").build();
            DataType c = inference.canonicalize(inference.inferField(p, t));
            return c != null ? c : t == JsonToken.START_OBJECT ? StructType.EMPTY : DataTypes.STRING;
        } catch (IOException e) {
            throw SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", "schema_of_json")
                    .with("reason", e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? JsonBatchBuilder.describe(j) : String.valueOf(e.getMessage())).build();
        }
    }

    public void add(byte[] buf, int offset, int length) {
        DataType type;
        try (JsonParser p = factory.createParser(buf, offset, length)) {
            JsonToken t = p.nextToken();
            if (t == null) return;
            type = inferField(p, t);
            if (p.nextToken() != null) type = malformed("unexpected text after the JSON value");
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw JsonLimits.exceeded(e, "a record read for schema inference");
        } catch (IOException e) {
            type = malformed(e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? JsonBatchBuilder.describe(j) : String.valueOf(e.getMessage()));
        }
        // as Spark's fold from an empty struct: a first record that is a top-level array of objects gives their struct
        if (type != null) root = mergeRoot(root == null ? StructType.EMPTY : root, type);
    }

    /** The schema of the records added so far (empty when there were none). */
    public StructType result() {
        if (root == null) return StructType.EMPTY;
        DataType canonical = canonicalize(root);
        return canonical instanceof StructType s ? s : StructType.EMPTY;
    }

    private DataType malformed(String reason) {
        switch (mode) {
            case PERMISSIVE: return DataTypes.struct(StructField.of(corruptName, DataTypes.STRING));
            case DROPMALFORMED: return null;
            default:
                throw SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", "JSON schema inference")
                        .with("reason", reason).build();
        }
    }

    private DataType inferField(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_NULL:
                return DataTypes.NULL;
            case VALUE_STRING:
                // Spark: empty strings count as null (some writers cannot tell the two apart)
                if (p.getTextLength() < 1) return DataTypes.NULL;
                if (prefersDecimal && !primitivesAsString) {
                    DataType d = decimalOf(p.getText());
                    if (d != null) return d;
                }
                return DataTypes.STRING;
            case START_OBJECT: {
                Map<String, StructField> fields = new LinkedHashMap<>();
                String name;
                while ((name = p.nextFieldName()) != null) {
                    DataType type = inferField(p, p.nextToken());
                    mergeField(fields, StructField.of(name, type));
                }
                return sortedStruct(fields);
            }
            case START_ARRAY: {
                DataType element = DataTypes.NULL;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) element = compatibleType(element, inferField(p, e));
                return ArrayType.of(element);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                if (primitivesAsString) return DataTypes.STRING;
                return inferNumber(p, t);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return primitivesAsString ? DataTypes.STRING : DataTypes.BOOLEAN;
            default:
                throw SluiceException.internal("unexpected JSON token " + t);
        }
    }

    /** Spark: int/long → bigint; big integers (and floats with prefersDecimal) → decimal if ≤ 38 digits; else double. */
    private DataType inferNumber(JsonParser p, JsonToken t) throws IOException {
        JsonParser.NumberType n = p.getNumberType();
        if (n == JsonParser.NumberType.INT || n == JsonParser.NumberType.LONG) return DataTypes.LONG;
        if (n == JsonParser.NumberType.BIG_INTEGER || n == JsonParser.NumberType.BIG_DECIMAL || prefersDecimal) {
            try {
                DataType d = decimalOf(p.getDecimalValue());
                if (d != null) return d;
            } catch (NumberFormatException e) {
                // NaN and infinities have no decimal form
            }
        }
        return DataTypes.DOUBLE;
    }

    private static DataType decimalOf(BigDecimal v) {
        int precision = Math.max(v.precision(), v.scale());
        return precision <= DecimalType.MAX_PRECISION && v.scale() >= 0 ? new DecimalType(precision, v.scale()) : null;
    }

    private static DataType decimalOf(String text) {
        try {
            return decimalOf(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Spark's compatibleRootType: unwraps top-level arrays; a non-object next to an object marks corruption. */
    private DataType mergeRoot(DataType a, DataType b) {
        if (a instanceof ArrayType arr) return mergeRoot(arr.elementType(), b);
        if (b instanceof ArrayType arr) return mergeRoot(a, arr.elementType());
        if (a instanceof StructType s && b instanceof NullType) return s;
        if (a instanceof NullType && b instanceof StructType s) return s;
        if (a instanceof StructType s && !(b instanceof StructType)) return withCorruptField(s, b);
        if (b instanceof StructType s && !(a instanceof StructType)) return withCorruptField(s, a);
        return compatibleType(a, b);
    }

    private DataType withCorruptField(StructType struct, DataType other) {
        switch (mode) {
            case PERMISSIVE: {
                if (struct.indexOf(corruptName) >= 0) return struct;
                List<StructField> fields = new ArrayList<>(struct.fields());
                fields.add(StructField.of(corruptName, DataTypes.STRING));
                fields.sort(BY_NAME);
                return new StructType(fields);
            }
            case DROPMALFORMED: return struct;
            default:
                throw SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", "JSON schema inference")
                        .with("reason", "expected a JSON object, found a record of type " + other.simpleString()).build();
        }
    }

    /** Spark's compatibleType: the type both values fit, string as the last resort. */
    static DataType compatibleType(DataType a, DataType b) {
        if (a.equals(b)) return a;
        if (a instanceof NullType) return b;
        if (b instanceof NullType) return a;
        if (a instanceof LongType && b instanceof DoubleType || a instanceof DoubleType && b instanceof LongType) {
            return DataTypes.DOUBLE;
        }
        if (a instanceof DoubleType && b instanceof DecimalType || a instanceof DecimalType && b instanceof DoubleType) {
            return DataTypes.DOUBLE;
        }
        if (a instanceof LongType && b instanceof DecimalType d) return compatibleType(LONG_AS_DECIMAL, d);
        if (a instanceof DecimalType d && b instanceof LongType) return compatibleType(d, LONG_AS_DECIMAL);
        if (a instanceof DecimalType d1 && b instanceof DecimalType d2) {
            int scale = Math.max(d1.scale(), d2.scale());
            int range = Math.max(d1.precision() - d1.scale(), d2.precision() - d2.scale());
            return range + scale > DecimalType.MAX_PRECISION ? DataTypes.DOUBLE : new DecimalType(range + scale, scale);
        }
        if (a instanceof StructType s1 && b instanceof StructType s2) {
            Map<String, StructField> fields = new LinkedHashMap<>();
            for (StructField f : s1.fields()) mergeField(fields, f);
            for (StructField f : s2.fields()) mergeField(fields, f);
            return sortedStruct(fields);
        }
        if (a instanceof ArrayType a1 && b instanceof ArrayType a2) {
            return new ArrayType(compatibleType(a1.elementType(), a2.elementType()), a1.containsNull() || a2.containsNull());
        }
        return DataTypes.STRING;
    }

    /** Adds a field, merging with one whose name is equal ignoring case (the first name seen is kept). */
    private static void mergeField(Map<String, StructField> fields, StructField f) {
        String key = f.name().toLowerCase(Locale.ROOT);
        StructField old = fields.get(key);
        fields.put(key, old == null ? f : StructField.of(old.name(), compatibleType(old.dataType(), f.dataType())));
    }

    private static StructType sortedStruct(Map<String, StructField> fields) {
        List<StructField> list = new ArrayList<>(fields.values());
        list.sort(BY_NAME);
        return new StructType(list);
    }

    /** Spark's canonicalizeType: null → string, empty structs and unnamed fields removed; null when removed. */
    private DataType canonicalize(DataType t) {
        if (t instanceof NullType) return dropFieldIfAllNull ? null : DataTypes.STRING;
        if (t instanceof ArrayType a) {
            DataType element = canonicalize(a.elementType());
            return element == null ? null : new ArrayType(element, a.containsNull());
        }
        if (t instanceof StructType s) {
            List<StructField> fields = new ArrayList<>();
            for (StructField f : s.fields()) {
                if (f.name().isEmpty()) continue;
                DataType ft = canonicalize(f.dataType());
                if (ft != null) fields.add(f.withType(ft));
            }
            return fields.isEmpty() ? null : new StructType(fields);
        }
        return t;
    }
}
