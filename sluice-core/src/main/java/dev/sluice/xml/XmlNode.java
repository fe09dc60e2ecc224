package dev.sluice.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * One XML element of a record: its name (namespace prefix kept or dropped per {@code ignoreNamespace}), its
 * attributes in document order (namespace declarations left out) and its content in order: child elements and
 * text chunks (adjacent text, CDATA and entity text joined; comments and processing instructions dropped).
 */
public final class XmlNode {
    public record Attribute(String name, String value) {}

    private final String name;
    private final List<Attribute> attributes;
    private final List<Object> content = new ArrayList<>();

    XmlNode(String name, List<Attribute> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    public String name() { return name; }

    public List<Attribute> attributes() { return attributes; }

    /** Child elements ({@link XmlNode}) and text chunks ({@link String}) in document order. */
    public List<Object> content() { return content; }

    void addText(String text) {
        int last = content.size() - 1;
        if (last >= 0 && content.get(last) instanceof String previous) content.set(last, previous + text);
        else content.add(text);
    }

    void addChild(XmlNode child) { content.add(child); }

    /** Whether the element has a child element. */
    public boolean hasChildren() {
        for (Object o : content) if (o instanceof XmlNode) return true;
        return false;
    }

    /** The text chunks that are not whitespace only, in order. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Object o : content) if (o instanceof String s && !s.isBlank()) out.add(s);
        return out;
    }

    /** All text chunks joined (whitespace ones too). */
    public String allText() {
        StringBuilder sb = new StringBuilder();
        for (Object o : content) if (o instanceof String s) sb.append(s);
        return sb.toString();
    }
}
