package dev.sluice.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses one XML record with the JDK's StAX parser into an {@link XmlNode} tree. Secure by default: a DTD is
 * refused (so no entity can be declared, and no external entity or DTD is ever fetched), and only the predefined
 * and character entities are expanded. Parsing is not namespace-aware (as Spark's XML reader in effect): a prefixed
 * name is kept whole, or cut to its local part with {@code ignoreNamespace}, and {@code xmlns} declarations are not
 * attributes.
 */
public final class XmlStax {
    /** One factory per thread: the JDK's factory then reuses its reader (creating one costs more than parsing a record). */
    private static final ThreadLocal<XMLInputFactory> INPUT = ThreadLocal.withInitial(XmlStax::inputFactory);
    /**
     * Always the JDK's own implementations ({@code newDefaultFactory}), never a service lookup: the lookup finds
     * whichever StAX provider the class path carries (Hadoop's client runtime, present with sluice-orc, ships a
     * shaded Woodstox), so records would parse with different rules depending on the modules deployed.
     */
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private XmlStax() {}

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        trySet(f, "reuse-instance", true);
        return f;
    }

    private static void trySet(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // an implementation without the property: SUPPORT_DTD=false already keeps it from fetching anything
        }
    }

    static XMLStreamWriter writer(java.io.Writer out) {
        try {
            return OUTPUT.createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer cannot be created", e);
        }
    }

    /** The record's root element, or throws {@link MalformedXmlException} naming what is wrong. */
    public static XmlNode parse(String xml, XmlOptions options) {
        XMLStreamReader r = null;
        try {
            r = INPUT.get().createXMLStreamReader(new StringReader(xml));
            boolean ignoreNamespace = options.ignoreNamespace();
            Deque<XmlNode> open = new ArrayDeque<>();
            XmlNode root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (root != null && open.isEmpty()) throw new MalformedXmlException("more than one root element");
                        List<XmlNode.Attribute> attrs = new ArrayList<>(r.getAttributeCount());
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String n = qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i));
                            if (n.equals("xmlns") || n.startsWith("xmlns:")) continue;
                            attrs.add(new XmlNode.Attribute(name(n, ignoreNamespace), r.getAttributeValue(i)));
                        }
                        String n = qualified(r.getPrefix(), r.getLocalName());
                        // the row element keeps its prefix, as in Spark; children may drop theirs
                        XmlNode node = new XmlNode(open.isEmpty() ? n : name(n, ignoreNamespace), attrs);
                        if (open.isEmpty()) root = node;
                        else open.peek().addChild(node);
                        open.push(node);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) open.peek().addText(r.getText());
                        else if (!r.isWhiteSpace()) throw new MalformedXmlException("text outside the record's element");
                    }
                    case XMLStreamConstants.DTD -> throw new MalformedXmlException("a DTD is not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new MalformedXmlException("the entity &" + r.getLocalName() + "; is not defined");
                    default -> { }
                }
            }
            if (root == null) throw new MalformedXmlException("no element");
            return root;
        } catch (XMLStreamException e) {
            throw new MalformedXmlException(message(e));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing held open: the input is a string
                }
            }
        }
    }

    private static String message(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** The name of an element or attribute as fields see it: with ignoreNamespace, the part after the prefix. */
    static String name(String qualified, boolean ignoreNamespace) {
        if (!ignoreNamespace) return qualified;
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }

    /** The element's content (children and text, without its own tags) as XML text, for a STRING field. */
    static String innerXml(XmlNode node) {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = writer(out);
        try {
            for (Object o : node.content()) write(w, o);
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** The element with its tags as XML text (the wildcard column's value). */
    static String outerXml(XmlNode node) {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = writer(out);
        try {
            write(w, node);
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void write(XMLStreamWriter w, Object o) throws XMLStreamException {
        if (o instanceof String s) {
            w.writeCharacters(s);
            return;
        }
        XmlNode n = (XmlNode) o;
        w.writeStartElement(n.name());
        for (XmlNode.Attribute a : n.attributes()) w.writeAttribute(a.name(), a.value());
        for (Object c : n.content()) write(w, c);
        w.writeEndElement();
    }
}
