package dev.sluice.glue;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Glue's XML format options and how one record element is read with the JDK's StAX reader: child elements become
 * fields (a repeated child becomes an array), attributes become fields named {@code attributePrefix + name}
 * (unless {@code excludeAttribute}), and the text of an element that also has attributes or children becomes
 * {@code valueTag}. Without a schema, values are typed from their text: {@code true}/{@code false} boolean,
 * integers int (long when they do not fit), other numbers double, the rest string; so differing values make
 * choices, as in Glue. With {@code withSchema} (Glue's schema JSON, or Spark's), leaves stay text and each record
 * is fitted to the schema ({@link XmlSchemaFit}). DTDs and external entities are never read.
 */
final class XmlFormat implements java.io.Serializable {
    private final String rowTag;
    private final String attributePrefix;
    private final String valueTag;
    private final boolean excludeAttributes;
    private final boolean emptyAsNull;
    private final boolean trim;
    private final dev.sluice.glue.types.GlueStruct schema;   // withSchema, or null

    XmlFormat(Map<String, String> options) {
        this.rowTag = option(options, "rowTag", null);
        if (rowTag == null || rowTag.isBlank()) throw SourceOptions.invalid("rowTag", "(none)", "the xml format needs rowTag, the element that holds a record");
        this.attributePrefix = option(options, "attributePrefix", "_");
        this.valueTag = option(options, "valueTag", "_VALUE");
        this.excludeAttributes = SourceOptions.bool(option(options, "excludeAttribute", "false"));
        this.emptyAsNull = SourceOptions.bool(option(options, "treatEmptyValuesAsNulls", "false"));
        this.trim = SourceOptions.bool(option(options, "ignoreSurroundingSpaces", "false"));
        String encoding = option(options, "encoding", "UTF-8");
        if (!encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("UTF8")) {
            throw SourceOptions.invalid("encoding", encoding, "Sluice reads XML files as UTF-8");
        }
        String withSchema = option(options, "withSchema", null);
        if (withSchema == null) {
            this.schema = null;
        } else if (GlueSchemaJson.parse(withSchema) instanceof dev.sluice.glue.types.GlueStruct s) {
            this.schema = s;
        } else {
            throw SourceOptions.invalid("withSchema", withSchema, "the schema of an XML record is a struct");
        }
    }

    private static String option(Map<String, String> options, String key, String otherwise) {
        for (Map.Entry<String, String> e : options.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return otherwise;
    }

    String rowTag() { return rowTag; }

    String valueTag() { return valueTag; }

    /** The schema given with withSchema, or null (then it is found by a pass over the files). */
    dev.sluice.glue.types.GlueStruct schema() { return schema; }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The record element the reader is on (a rowTag start), read to its end. */
    DynamicRecord record(XMLStreamReader r) throws XMLStreamException { return (DynamicRecord) element(r, true); }

    /** The element the reader is on, read to its end: a record, or (a leaf without attributes) a value. */
    private Object element(XMLStreamReader r, boolean row) throws XMLStreamException {
        DynamicRecord rec = new DynamicRecord();
        boolean structured = false;
        if (!excludeAttributes) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                rec.put(attributePrefix + r.getAttributeLocalName(i), value(r.getAttributeValue(i)));
                structured = true;
            }
        }
        StringBuilder textBuf = new StringBuilder();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                Object child = element(r, false);
                structured = true;
                add(rec, name, child);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                textBuf.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        String text = textBuf.toString();
        if (!structured && !row) return leaf(text);
        if (!text.isBlank()) rec.put(valueTag, leaf(text));
        return rec;
    }

    /** A repeated child element makes an array (element values are records or scalars, never lists). */
    private static void add(DynamicRecord rec, String name, Object child) {
        if (child == null) return;
        Object existing = rec.get(name);
        if (existing == null) {
            rec.put(name, child);
        } else {
            List<Object> values = new ArrayList<>();
            if (existing instanceof List<?> l) values.addAll(l);
            else values.add(existing);
            values.add(child);
            rec.put(name, values);
        }
    }

    private Object leaf(String text) {
        String t = trim ? text.trim() : text;
        if (t.isEmpty()) return emptyAsNull ? null : "";
        return value(t);
    }

    /** A leaf's value: typed from its text, or the text itself when a schema will type it. */
    private Object value(String raw) {
        String t = trim ? raw.trim() : raw;
        return schema == null ? typed(t) : t;
    }

    static Object typed(String t) {
        if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
        if (t.matches("[+-]?\\d{1,18}")) {
            long l = Long.parseLong(t);
            return l == (int) l ? (Object) (int) l : (Object) l;
        }
        if (t.matches("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?")) return Double.parseDouble(t);
        return t;
    }
}
