package dev.sluice.xml;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.json.ParseMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Infers the schema of XML records as Spark 4.1 does: a record's attributes become {@code _name} fields, child
 * elements fields of their name (an element seen twice in a record an ARRAY), an element with attributes a struct
 * holding them and its text as {@code valueTag}; leaf text is typed bigint, double, date, timestamp, boolean or
 * string; records merge field by field (names ignore case; bigint and double widen to double, date and timestamp
 * to timestamp, a value and an array to an array, anything else to string). Fields are sorted by name; fields
 * seen only empty become strings and structs that stay empty are dropped. A malformed record adds the
 * corrupt-record column (PERMISSIVE), is skipped (DROPMALFORMED) or fails (FAILFAST), as in Spark.
 */
public final class XmlSchemaInference {
    private final XmlOptions options;
    private final XmlValues values;
    private final String prefix;
    private final String valueTag;
    private DataType merged = new StructType(List.of());

    public XmlSchemaInference(XmlOptions options) {
        this.options = options;
        this.values = new XmlValues(options);
        this.prefix = options.attributePrefix();
        this.valueTag = options.valueTag();
    }

    /** Adds one record's text; {@code location} names it in a FAILFAST error. */
    public void add(String xml, String location) {
        XmlNode root;
        try {
            root = XmlStax.parse(xml, options);
        } catch (MalformedXmlException e) {
            addMalformed(e.reason(), location);
            return;
        }
        add(root);
    }

    /** A malformed record: the corrupt-record column (PERMISSIVE), nothing (DROPMALFORMED) or MALFORMED_RECORD. */
    public void addMalformed(String reason, String location) {
        switch (options.mode()) {
            case PERMISSIVE -> merged = merge(merged, new StructType(List.of(new StructField(options.columnNameOfCorruptRecord(), DataTypes.STRING, true))));
            case DROPMALFORMED -> { }
            case FAILFAST -> throw SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", location)
                    .with("reason", reason + " (while inferring the schema)").build();
        }
    }

    /** Adds one parsed record. */
    public void add(XmlNode root) { merged = merge(merged, object(root, true)); }

    /** The schema of the records added so far. */
    public StructType result() {
        DataType t = canonical(merged);
        return t instanceof StructType st ? st : new StructType(List.of());
    }

    /** Whether this mode leaves out malformed records (for callers that must know if the column was added). */
    public ParseMode mode() { return options.mode(); }

    private StructType object(XmlNode node, boolean withAttributes) {
        Map<String, DataType> fields = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();   // lower case -> the first spelling seen
        if (withAttributes) for (Map.Entry<String, DataType> a : attributes(node).entrySet()) put(fields, names, a.getKey(), a.getValue());
        for (Object c : node.content()) {
            if (c instanceof String text) {
                if (!text.isBlank()) put(fields, names, valueTag, values.infer(text));
                continue;
            }
            XmlNode child = (XmlNode) c;
            DataType t = field(child);
            Map<String, DataType> attrs = attributes(child);
            if (!attrs.isEmpty()) {
                List<StructField> nested = new ArrayList<>();
                if (t instanceof StructType st) nested.addAll(st.fields());
                else if (!(t instanceof NullType)) nested.add(new StructField(valueTag, t, true));
                for (Map.Entry<String, DataType> a : attrs.entrySet()) nested.add(new StructField(a.getKey(), a.getValue(), true));
                nested.sort(Comparator.comparing(StructField::name));
                t = new StructType(nested);
            }
            put(fields, names, child.name(), t);
        }
        List<StructField> out = new ArrayList<>();
        for (Map.Entry<String, DataType> f : fields.entrySet()) out.add(new StructField(names.get(f.getKey()), f.getValue(), true));
        out.sort(Comparator.comparing(StructField::name));
        return new StructType(out);
    }

    /** An element's own type, its attributes aside: NULL when empty, a leaf type for text only, else a struct. */
    private DataType field(XmlNode node) {
        StructType st = object(node, false);
        if (st.size() == 0) return DataTypes.NULL;
        if (!node.hasChildren() && st.size() == 1 && st.field(0).name().equalsIgnoreCase(valueTag) && isPrimitive(st.field(0).dataType())) {
            return st.field(0).dataType();
        }
        return st;
    }

    private Map<String, DataType> attributes(XmlNode node) {
        Map<String, DataType> out = new LinkedHashMap<>();
        if (options.excludeAttribute()) return out;
        for (XmlNode.Attribute a : node.attributes()) {
            String name = prefix + a.name();
            out.merge(name, values.infer(a.value()), this::merge);
        }
        return out;
    }

    private void put(Map<String, DataType> fields, Map<String, String> names, String name, DataType t) {
        String key = name.toLowerCase(Locale.ROOT);
        names.putIfAbsent(key, name);
        DataType old = fields.get(key);
        if (old == null) fields.put(key, t);
        else if (old instanceof ArrayType) fields.put(key, merge(old, t));
        else fields.put(key, new ArrayType(merge(old, t), true));   // a repeated element: an array
    }

    private static boolean isPrimitive(DataType t) {
        return !(t instanceof StructType) && !(t instanceof ArrayType) && !(t instanceof dev.sluice.types.MapType);
    }

    /** The most general type of two, by Spark's XML rules. */
    DataType merge(DataType a, DataType b) {
        if (a.equals(b)) return a;
        if (a instanceof NullType) return b;
        if (b instanceof NullType) return a;
        if (a instanceof StructType sa && b instanceof StructType sb) {
            Map<String, StructField> byName = new LinkedHashMap<>();
            for (StructField f : sa.fields()) byName.put(f.name().toLowerCase(Locale.ROOT), f);
            for (StructField f : sb.fields()) {
                String key = f.name().toLowerCase(Locale.ROOT);
                StructField old = byName.get(key);
                byName.put(key, old == null ? f : new StructField(old.name(), merge(old.dataType(), f.dataType()), true));
            }
            List<StructField> out = new ArrayList<>(byName.values());
            out.sort(Comparator.comparing(StructField::name));
            return new StructType(out);
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) return new ArrayType(merge(x.elementType(), y.elementType()), true);
        if (a instanceof LongType && b instanceof DoubleType || a instanceof DoubleType && b instanceof LongType) return DataTypes.DOUBLE;
        if (a instanceof DateType && b instanceof TimestampType || a instanceof TimestampType && b instanceof DateType) return DataTypes.TIMESTAMP;
        if (a instanceof DoubleType && b instanceof DecimalType || a instanceof DecimalType && b instanceof DoubleType) return DataTypes.DOUBLE;
        if (a instanceof ArrayType x) return new ArrayType(merge(x.elementType(), b), true);
        if (b instanceof ArrayType y) return new ArrayType(merge(a, y.elementType()), true);
        if (a instanceof StructType sa && sa.indexOf(valueTag) >= 0) return withValue(sa, b, true);
        if (b instanceof StructType sb && sb.indexOf(valueTag) >= 0) return withValue(sb, a, false);
        return DataTypes.STRING;
    }

    private StructType withValue(StructType st, DataType other, boolean structFirst) {
        List<StructField> out = new ArrayList<>(st.fields());
        int i = st.indexOf(valueTag);
        DataType v = st.field(i).dataType();
        out.set(i, new StructField(valueTag, structFirst ? merge(v, other) : merge(other, v), true));
        return new StructType(out);
    }

    /** NULL becomes STRING; fields with empty names and structs left empty are dropped. */
    private static DataType canonical(DataType t) {
        if (t instanceof NullType) return DataTypes.STRING;
        if (t instanceof ArrayType at) {
            DataType e = canonical(at.elementType());
            return e == null ? null : new ArrayType(e, true);
        }
        if (t instanceof StructType st) {
            List<StructField> out = new ArrayList<>();
            for (StructField f : st.fields()) {
                if (f.name().isEmpty()) continue;
                DataType ft = canonical(f.dataType());
                if (ft != null) out.add(new StructField(f.name(), ft, true));
            }
            return out.isEmpty() ? null : new StructType(out);
        }
        return t;
    }
}
