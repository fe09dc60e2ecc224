package dev.sluice.xml;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rows as XML, as Spark 4.1's XML writer lays them out: an optional declaration, the root element, one
 * {@code rowTag} element per row, indented by four spaces. A field named {@code <attributePrefix>x} is the attribute
 * {@code x}, the {@code valueTag} field the element's text, an ARRAY field one element per value, an array of
 * arrays {@code arrayElementName} elements, a map one element (or attribute) per key; NULL fields are left out
 * unless {@code nullValue} is set. A name that is not an XML name, a character XML cannot carry, or a binary
 * value fails the write naming the field, rather than writing a file that cannot be read back.
 */
public final class XmlRecordWriter {
    private static final Pattern XML_NAME = Pattern.compile("[\\p{L}_:][\\p{L}\\p{N}_:.\\-\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*");
    private static final String INDENT = "    ";

    private final XMLStreamWriter w;
    private final XmlOptions options;
    private final XmlValues values;
    private final String prefix;
    private final String valueTag;
    private final String nullValue;
    private final List<Boolean> hasChild = new ArrayList<>();   // per open element: whether it holds an element
    private boolean rootOpen;

    public XmlRecordWriter(Writer out, XmlOptions options) {
        this.w = XmlStax.writer(out);
        this.options = options;
        this.values = new XmlValues(options);
        this.prefix = options.attributePrefix();
        this.valueTag = options.valueTag();
        this.nullValue = options.nullValue();
    }

    /** Refuses a schema the writer cannot write (binary values, names that are not XML names) before any row. */
    public static void check(StructType schema, XmlOptions options) {
        name(options.rowTag(), "rowTag");
        for (StructField f : schema.fields()) checkField(f.name(), f.dataType(), options);
    }

    private static void checkField(String name, DataType t, XmlOptions options) {
        String n = name.startsWith(options.attributePrefix()) && !name.equals(options.valueTag())
                ? name.substring(options.attributePrefix().length()) : name;
        if (!name.equals(options.valueTag())) name(n, name);
        if (t instanceof BinaryType) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "write.xml")
                    .with("reason", "the column " + name + " is binary, which XML has no text for; cast it (base64(...)) first").build();
        }
        if (t instanceof StructType st) for (StructField f : st.fields()) checkField(f.name(), f.dataType(), options);
        if (t instanceof ArrayType at) checkField(at.elementType() instanceof ArrayType ? options.arrayElementName() : name, at.elementType(), options);
        if (t instanceof MapType mt) checkField(options.arrayElementName(), mt.valueType(), options);
    }

    private static void name(String n, String field) {
        if (!XML_NAME.matcher(n).matches()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "write.xml")
                    .with("reason", "'" + n + "' (from " + field + ") is not a valid XML element or attribute name; rename the column").build();
        }
    }

    /** The declaration (unless empty) and the root element's start tag: {@code rootTag} may carry attributes. */
    public void startDocument() {
        try {
            String declaration = options.declaration();
            if (!declaration.isEmpty()) {
                w.writeProcessingInstruction("xml", declaration);
                w.writeCharacters("\n");
            }
            String[] tokens = options.rootTag().trim().split("\\s+");
            w.writeStartElement(tokens[0]);
            for (int i = 1; i < tokens.length; i++) {
                int eq = tokens[i].indexOf('=');
                if (eq <= 0) continue;
                w.writeAttribute(tokens[i].substring(0, eq), tokens[i].substring(eq + 1).replaceAll("['\"]", ""));
            }
            hasChild.add(false);
            rootOpen = true;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Writes one row as a {@code rowTag} element. */
    public void write(Row row, StructType schema) {
        try {
            start(options.rowTag());
            struct(row, schema);
            end();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Closes the root element (when one was started) and flushes. */
    public void finish() {
        try {
            if (rootOpen) {
                end();
                rootOpen = false;
            }
            w.flush();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private void start(String name) throws XMLStreamException {
        if (!hasChild.isEmpty()) {
            hasChild.set(hasChild.size() - 1, true);
            w.writeCharacters("\n" + INDENT.repeat(hasChild.size()));
        }
        w.writeStartElement(name);
        hasChild.add(false);
    }

    private void end() throws XMLStreamException {
        boolean nested = hasChild.remove(hasChild.size() - 1);
        if (nested) w.writeCharacters("\n" + INDENT.repeat(hasChild.size()));
        w.writeEndElement();
    }

    private void struct(Row row, StructType st) throws XMLStreamException {
        for (int pass = 0; pass < 2; pass++) {   // attributes first: they belong to the start tag
            for (int i = 0; i < st.size(); i++) {
                StructField f = st.field(i);
                if (isAttribute(f.name()) == (pass == 0)) child(f.name(), f.dataType(), row.get(i));
            }
        }
    }

    private boolean isAttribute(String name) { return name.startsWith(prefix) && !name.equals(valueTag); }

    private void child(String name, DataType type, Object v) throws XMLStreamException {
        if (isAttribute(name)) {
            if (v == null || type instanceof NullType) {
                if (nullValue != null) w.writeAttribute(name.substring(prefix.length()), text(nullValue, name));
            } else {
                w.writeAttribute(name.substring(prefix.length()), text(leafText(v, type, name), name));
            }
            return;
        }
        if (type instanceof ArrayType at && v != null) {
            for (Object e : (List<?>) v) childElement(name, at.elementType(), e);
            return;
        }
        childElement(name, type, v);
    }

    private void childElement(String name, DataType type, Object v) throws XMLStreamException {
        if ((v == null || type instanceof NullType) && nullValue == null) return;   // NULL fields are left out
        if (name.equals(valueTag)) {
            element(type, v, name);
            return;
        }
        start(name);
        element(type, v, name);
        end();
    }

    private void element(DataType type, Object v, String name) throws XMLStreamException {
        if (v == null || type instanceof NullType) {
            w.writeCharacters(text(nullValue, name));
        } else if (type instanceof StructType st) {
            struct((Row) v, st);
        } else if (type instanceof ArrayType at) {
            for (Object e : (List<?>) v) child(options.arrayElementName(), at.elementType(), e);
        } else if (type instanceof MapType mt) {
            Map<?, ?> map = (Map<?, ?>) v;
            for (int pass = 0; pass < 2; pass++) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    if (isAttribute(key) == (pass == 0)) child(key, mt.valueType(), e.getValue());
                }
            }
        } else {
            w.writeCharacters(text(leafText(v, type, name), name));
        }
    }

    private String leafText(Object v, DataType type, String name) {
        try {
            return values.format(v, type);
        } catch (IllegalArgumentException e) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "write.xml")
                    .with("reason", "the field " + name + ": " + e.getMessage()).build();
        }
    }

    /** The text, refused when it holds a character XML 1.0 cannot carry (it could not be read back). */
    private static String text(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 0x20 && c <= 0xD7FF || c == '\t' || c == '\n' || c == '\r' || c >= 0xE000 && c <= 0xFFFD
                    || Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(++i));
            if (!ok) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "write.xml")
                        .with("reason", "the value of " + field + " holds the character U+" + String.format("%04X", (int) c)
                                + ", which XML 1.0 cannot carry; remove or replace it (regexp_replace) before writing").build();
            }
        }
        return s;
    }

    private static SluiceException failure(XMLStreamException e) {
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", "(XML output)").with("reason", String.valueOf(e.getMessage())).cause(e).build();
    }

    /** to_xml: one row as a {@code rowTag} element, without declaration or root. */
    public static String toXml(Row row, StructType schema, XmlOptions options) {
        java.io.StringWriter out = new java.io.StringWriter();
        XmlRecordWriter writer = new XmlRecordWriter(out, options);
        writer.write(row, schema);
        writer.finish();
        return out.toString();
    }
}
