package dev.sluice.xml;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One XML record to a row of a schema, with Spark 4.1's rules: the record element's attributes are the fields
 * {@code <attributePrefix><name>}, its child elements the fields of their name (a repeated element fills an
 * ARRAY field; a non-array field keeps the last one), its text the {@code valueTag} field; an element read as a
 * STRING that holds elements gives its inner XML; elements no field names go to the {@code wildcardColName}
 * column when the schema has one, else are skipped. Field names match exactly, else ignoring case.
 * <p>A value that does not convert makes the field NULL and the record malformed ({@link Result#malformed()}):
 * the caller applies the mode, as for a record that does not parse.
 */
public final class XmlRecordParser {
    /** A parsed record: its row (never null) and, when it was malformed, why. */
    public record Result(Row row, String malformed) {}

    private final StructType schema;
    private final XmlOptions options;
    private final XmlValues values;
    private final String prefix;
    private final String valueTag;
    private final String wildcard;
    private final boolean excludeAttribute;
    private String problem;

    public XmlRecordParser(StructType schema, XmlOptions options) {
        this.schema = schema;
        this.options = options;
        this.values = new XmlValues(options);
        this.prefix = options.attributePrefix();
        this.valueTag = options.valueTag();
        this.wildcard = options.wildcardColName();
        this.excludeAttribute = options.excludeAttribute();
    }

    /** Parses {@code xml} (one record); a record that is not well-formed is malformed with every field NULL. */
    public Result parse(String xml) {
        XmlNode root;
        try {
            root = XmlStax.parse(xml, options);
        } catch (MalformedXmlException e) {
            return new Result(new Row(schema, new Object[schema.size()]), e.reason());
        }
        return convert(root);
    }

    /** Converts a parsed record element. */
    public Result convert(XmlNode root) {
        problem = null;
        Row row = object(root, schema);
        return new Result(row, problem);
    }

    private Row object(XmlNode node, StructType st) {
        Object[] out = new Object[st.size()];
        if (!excludeAttribute) {
            for (XmlNode.Attribute a : node.attributes()) {
                int i = index(st, prefix + a.name());
                if (i >= 0) out[i] = leaf(a.value(), st.field(i).dataType(), prefix + a.name());
            }
        }
        int wild = index(st, wildcard);
        for (Object c : node.content()) {
            if (c instanceof String text) {
                if (text.isBlank()) continue;
                int i = index(st, valueTag);
                if (i < 0) continue;
                DataType t = st.field(i).dataType();
                if (t instanceof ArrayType at) append(out, i, leaf(text, at.elementType(), valueTag));
                else out[i] = leaf(text, t, valueTag);
                continue;
            }
            XmlNode child = (XmlNode) c;
            int i = index(st, child.name());
            if (i < 0 || i == wild) {
                if (wild >= 0) {
                    DataType wt = st.field(wild).dataType();
                    if (wt instanceof ArrayType) append(out, wild, XmlStax.outerXml(child));
                    else out[wild] = XmlStax.outerXml(child);
                }
                continue;
            }
            DataType t = st.field(i).dataType();
            if (t instanceof ArrayType at && !(at.elementType() instanceof ArrayType)) append(out, i, field(child, at.elementType()));
            else out[i] = field(child, t);
        }
        return new Row(st, out);
    }

    @SuppressWarnings("unchecked")
    private static void append(Object[] out, int i, Object v) {
        if (out[i] == null) out[i] = new ArrayList<>();
        ((List<Object>) out[i]).add(v);
    }

    /** One element's value as {@code type}. */
    private Object field(XmlNode node, DataType type) {
        if (type instanceof StructType st) {
            boolean hasAttributes = !excludeAttribute && !node.attributes().isEmpty();
            if (!node.hasChildren() && node.texts().isEmpty() && !hasAttributes) return null;
            return object(node, st);
        }
        if (type instanceof ArrayType at) {
            // an array inside an array: the writer's arrayElementName children, whatever their name
            List<Object> list = new ArrayList<>();
            if (!node.hasChildren()) {
                if (!node.texts().isEmpty()) list.add(leaf(node.allText(), at.elementType(), node.name()));
                return list;
            }
            for (Object c : node.content()) if (c instanceof XmlNode n) list.add(field(n, at.elementType()));
            return list;
        }
        if (type instanceof MapType mt) {
            if (!(mt.keyType() instanceof StringType)) {
                malformed("the field " + node.name() + " is a map with non-string keys");
                return null;
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            if (!excludeAttribute) {
                for (XmlNode.Attribute a : node.attributes()) map.put(prefix + a.name(), leaf(a.value(), mt.valueType(), a.name()));
            }
            for (Object c : node.content()) if (c instanceof XmlNode n) map.put(n.name(), field(n, mt.valueType()));
            return map;
        }
        if (node.hasChildren()) {
            if (type instanceof StringType) return XmlStax.innerXml(node);
            malformed("the element " + node.name() + " holds elements, not a " + type.simpleString());
            return null;
        }
        String text = node.allText();
        if (text.isBlank() && !(type instanceof StringType)) return null;
        if (text.isEmpty() && type instanceof StringType) return "".equals(options.nullValue()) ? null : "";
        return leaf(text, type, node.name());
    }

    private Object leaf(String text, DataType type, String where) {
        if (!XmlValues.isLeaf(type)) {
            malformed("the field " + where + " of type " + type.simpleString() + " holds text");
            return null;
        }
        Object v = values.cast(text, type);
        if (v == XmlValues.INVALID) {
            malformed("the value '" + abbreviate(text.strip()) + "' of " + where + " is not a " + type.simpleString());
            return null;
        }
        return v;
    }

    private void malformed(String reason) {
        if (problem == null) problem = reason;
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    /** The field named {@code name}: exactly, else ignoring case (Spark's default resolution); -1 if none. */
    static int index(StructType st, String name) {
        int i = st.indexOf(name);
        if (i >= 0) return i;
        for (int j = 0; j < st.size(); j++) if (st.field(j).name().equalsIgnoreCase(name)) return j;
        return -1;
    }

    /** The schema's fields, for callers that check the corrupt-record column. */
    public StructType schema() { return schema; }

    static StructField field(StructType st, int i) { return st.field(i); }
}
