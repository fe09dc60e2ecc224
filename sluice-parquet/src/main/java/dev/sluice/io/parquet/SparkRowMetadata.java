package dev.sluice.io.parquet;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.SparkSchemaJson;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's schema in a Parquet footer: the key-value entry {@code org.apache.spark.sql.parquet.row.metadata} holding
 * {@code StructType.json()}. Parquet's own schema cannot say that a string is collated; Spark keeps the collation
 * there (field metadata {@code __COLLATIONS}), and reads it back from there. Sluice writes the entry when the schema
 * has a collated string, so Spark and Sluice read the column back collated, and takes collations from it when it
 * infers a file's schema (other types still come from the Parquet schema).
 */
final class SparkRowMetadata {
    static final String KEY = "org.apache.spark.sql.parquet.row.metadata";

    private SparkRowMetadata() {}

    /** The footer's key-value metadata for a file of {@code schema}: the writer's name, and Spark's schema when collated. */
    static Map<String, String> footer(StructType schema, String writerKey, String writerName) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(writerKey, writerName);
        if (hasCollation(schema)) out.put(KEY, SparkSchemaJson.toJson(schema));
        return out;
    }

    /** {@code fromParquet} with the collations Spark's schema in the footer gives its strings (by field name and position in nested types). */
    static StructType withCollations(StructType fromParquet, Map<String, String> footer) {
        String json = footer == null ? null : footer.get(KEY);
        if (json == null || !json.contains("__COLLATIONS")) return fromParquet;
        DataType spark;
        try {
            spark = SparkSchemaJson.parse(json);
        } catch (RuntimeException unreadable) {
            return fromParquet;   // Spark itself falls back to the Parquet schema when its own cannot be parsed
        }
        return spark instanceof StructType s ? (StructType) collate(fromParquet, s) : fromParquet;
    }

    private static DataType collate(DataType t, DataType spark) {
        if (t instanceof StringType && spark instanceof StringType s) return s;
        if (t instanceof ArrayType a && spark instanceof ArrayType sa) return new ArrayType(collate(a.elementType(), sa.elementType()), a.containsNull());
        if (t instanceof MapType m && spark instanceof MapType sm) {
            return new MapType(collate(m.keyType(), sm.keyType()), collate(m.valueType(), sm.valueType()), m.valueContainsNull());
        }
        if (t instanceof StructType st && spark instanceof StructType ss) {
            List<StructField> fields = new ArrayList<>(st.size());
            for (StructField f : st.fields()) {
                int i = ss.indexOf(f.name());
                fields.add(i < 0 ? f : new StructField(f.name(), collate(f.dataType(), ss.field(i).dataType()), f.nullable(), f.metadata()));
            }
            return new StructType(fields);
        }
        return t;
    }

    static boolean hasCollation(DataType t) {
        if (t instanceof StringType s) return !s.isDefault();
        if (t instanceof ArrayType a) return hasCollation(a.elementType());
        if (t instanceof MapType m) return hasCollation(m.keyType()) || hasCollation(m.valueType());
        if (t instanceof StructType s) {
            for (StructField f : s.fields()) if (hasCollation(f.dataType())) return true;
        }
        return false;
    }
}
