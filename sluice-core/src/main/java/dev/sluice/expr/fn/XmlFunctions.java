package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Spark's XML functions over one XML record with the JDK's parser (DTDs and external entities refused):
 * from_xml (the record's child elements to the fields of a struct by name, a repeated element to an array,
 * attributes as {@code _name} fields, an element's text beside attributes as {@code _VALUE}), schema_of_xml
 * (Spark's inference: bigint, double, boolean, timestamp or string per value, arrays for repeated elements, fields
 * in name order) and to_xml (a struct as a {@code <ROW>} element indented by four spaces). Options: timestampFormat,
 * dateFormat, excludeAttribute, attributePrefix, valueTag, rowTag (to_xml); any other is refused.
 */
public final class XmlFunctions {
    private XmlFunctions() {}

    private static final Set<String> OPTIONS = Set.of("timestampformat", "dateformat", "excludeattribute", "attributeprefix", "valuetag", "rowtag", "mode");

    public static List<ScalarFunction> all() {
        return List.of(new FromXml(), new SchemaOfXml(), new ToXml());
    }

    /** The options map (a constant map of strings), keys lower-cased; INVALID_ARGUMENT for one Sluice does not honour. */
    static Map<String, String> options(String fn, List<Expression> args, int i) {
        Map<String, String> out = new TreeMap<>();
        if (args.size() <= i) return out;
        if (!(args.get(i).dataType() instanceof MapType)) throw FnArgs.mismatch(fn, args, i, "a constant map of options");
        Object m = FnArgs.constant(args.get(i), new MapType(DataTypes.STRING, DataTypes.STRING, true));
        if (!(m instanceof Map<?, ?> map)) throw FnArgs.invalid(fn, "the options must be a constant map");
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
            if (!OPTIONS.contains(key)) throw FnArgs.invalid(fn, "the option " + e.getKey() + " is not supported; supported: timestampFormat, dateFormat, excludeAttribute, attributePrefix, valueTag, rowTag, mode");
            out.put(key, String.valueOf(e.getValue()));
        }
        return out;
    }

    static Element parse(String fn, String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            return null;
        }
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) if (nodes.item(i) instanceof Element c) out.add(c);
        return out;
    }

    static String text(Element e) {
        StringBuilder sb = new StringBuilder();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) sb.append(n.getNodeValue());
        }
        return sb.toString().strip();
    }

    static List<Attr> attributes(Element e, Map<String, String> options) {
        List<Attr> out = new ArrayList<>();
        if (Boolean.parseBoolean(options.getOrDefault("excludeattribute", "false"))) return out;
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) if (!attrs.item(i).getNodeName().startsWith("xmlns")) out.add((Attr) attrs.item(i));
        return out;
    }

    /** {@code from_xml(xml, schema[, options])}. */
    static final class FromXml implements ScalarFunction {
        record State(StructType schema, Map<String, String> options) {}

        @Override public String name() { return "from_xml"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 3);
            FnArgs.expect(name(), args, 0, DataTypes.STRING);
            Object ddl = FnArgs.constant(args.get(1), DataTypes.STRING);
            if (!(ddl instanceof String text)) throw FnArgs.invalid(name(), "the schema must be a constant DDL string");
            DataType t = text.strip().toUpperCase(Locale.ROOT).startsWith("STRUCT<") ? DdlParser.parseType(text) : DdlParser.parseSchema(text);
            if (!(t instanceof StructType schema)) throw FnArgs.invalid(name(), "the schema must be a struct, got " + t.simpleString());
            Map<String, String> options = options(name(), args, 2);
            List<DataType> types = new ArrayList<>(List.of(DataTypes.STRING, DataTypes.STRING));
            if (args.size() > 2) types.add(new MapType(DataTypes.STRING, DataTypes.STRING, true));
            return new Signature(types, schema, true, new State(schema, options));
        }

        @Override public dev.sluice.vector.ColumnVector evaluate(Signature signature, dev.sluice.vector.ColumnVector[] args, int rows) {
            State st = (State) signature.state();
            dev.sluice.vector.FlatVector out = dev.sluice.vector.Vectors.allocate(st.schema(), rows);
            for (int r = 0; r < rows; r++) {
                if (args[0].isNull(r)) {
                    out.appendNull();
                    continue;
                }
                Element root = parse(name(), (String) args[0].getObject(r));
                out.appendObject(root == null ? null : struct(root, st.schema(), st.options()));
            }
            return out;
        }

        @Override public boolean deterministic() { return true; }

        static Row struct(Element e, StructType schema, Map<String, String> options) {
            String prefix = options.getOrDefault("attributeprefix", "_"), valueTag = options.getOrDefault("valuetag", "_VALUE");
            Object[] values = new Object[schema.size()];
            for (int i = 0; i < schema.size(); i++) {
                StructField f = schema.field(i);
                if (f.name().equals(valueTag)) {
                    values[i] = leaf(text(e), f.dataType(), options);
                } else if (f.name().startsWith(prefix) && e.hasAttribute(f.name().substring(prefix.length()))) {
                    values[i] = leaf(e.getAttribute(f.name().substring(prefix.length())), f.dataType(), options);
                } else {
                    List<Element> matches = new ArrayList<>();
                    for (Element c : children(e)) if (c.getTagName().equals(f.name())) matches.add(c);
                    if (matches.isEmpty()) continue;
                    if (f.dataType() instanceof ArrayType at) {
                        List<Object> list = new ArrayList<>();
                        for (Element c : matches) list.add(value(c, at.elementType(), options));
                        values[i] = list;
                    } else {
                        values[i] = value(matches.get(matches.size() - 1), f.dataType(), options);
                    }
                }
            }
            return new Row(schema, values);
        }

        static Object value(Element e, DataType t, Map<String, String> options) {
            if (t instanceof StructType st) return struct(e, st, options);
            return leaf(text(e), t, options);
        }

        static Object leaf(String s, DataType t, Map<String, String> options) {
            if (s == null || s.isEmpty() && !(t instanceof StringType)) return null;
            try {
                if (t instanceof StringType) return s;
                if (t instanceof IntegerType) return Integer.parseInt(s);
                if (t instanceof LongType) return Long.parseLong(s);
                if (t instanceof DoubleType) return Double.parseDouble(s);
                if (t instanceof FloatType) return Float.parseFloat(s);
                if (t instanceof BooleanType) return s.equalsIgnoreCase("true") ? Boolean.TRUE : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                if (t instanceof DecimalType d) return new BigDecimal(s).setScale(d.scale(), java.math.RoundingMode.HALF_UP);
                if (t instanceof DateType) {
                    String p = options.get("dateformat");
                    return p == null ? LocalDate.parse(s) : LocalDate.ofEpochDay(DateTimePatterns.parseDays("from_xml", DateTimePatterns.of(p), s));
                }
                if (t instanceof TimestampType) {
                    String p = options.getOrDefault("timestampformat", DateTimePatterns.DEFAULT_TIMESTAMP);
                    return Timestamps.toInstant(DateTimePatterns.parseMicros("from_xml", DateTimePatterns.of(p), s, DateTimePatterns.sessionZone()));
                }
                if (t instanceof BinaryType) return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                return null;   // PERMISSIVE, as Spark's default mode: a value that does not parse is NULL
            }
            return null;
        }
    }

    /** {@code schema_of_xml(xml[, options])} of a constant XML record: Spark's DDL of the inferred struct. */
    static final class SchemaOfXml implements ScalarFunction {
        @Override public String name() { return "schema_of_xml"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            if (!(args.get(0).dataType() instanceof StringType)) throw FnArgs.mismatch(name(), args, 0, "a constant XML string");
            Object xml = FnArgs.constant(args.get(0), DataTypes.STRING);
            if (!(xml instanceof String s)) throw FnArgs.invalid(name(), "the XML must be a constant non-NULL string");
            Map<String, String> options = options(name(), args, 1);
            Element root = parse(name(), s);
            if (root == null) throw FnArgs.badInput(name(), "the XML record is malformed");
            List<DataType> types = new ArrayList<>(List.of(DataTypes.STRING));
            if (args.size() > 1) types.add(new MapType(DataTypes.STRING, DataTypes.STRING, true));
            return new Signature(types, DataTypes.STRING, false, infer(root, options).sql());
        }

        @Override public dev.sluice.vector.ColumnVector evaluate(Signature signature, dev.sluice.vector.ColumnVector[] args, int rows) {
            return dev.sluice.vector.ConstantVector.of(DataTypes.STRING, signature.state(), rows);
        }

        static StructType infer(Element e, Map<String, String> options) {
            String prefix = options.getOrDefault("attributeprefix", "_"), valueTag = options.getOrDefault("valuetag", "_VALUE");
            Map<String, DataType> fields = new TreeMap<>();
            for (Attr a : attributes(e, options)) fields.put(prefix + a.getName(), leafType(a.getValue()));
            Map<String, List<Element>> byName = new LinkedHashMap<>();
            for (Element c : children(e)) byName.computeIfAbsent(c.getTagName(), k -> new ArrayList<>()).add(c);
            for (Map.Entry<String, List<Element>> g : byName.entrySet()) {
                DataType t = null;
                for (Element c : g.getValue()) t = t == null ? type(c, options) : widen(t, type(c, options));
                fields.put(g.getKey(), g.getValue().size() > 1 ? new ArrayType(t, true) : t);
            }
            String text = text(e);
            if (!text.isEmpty() && !fields.isEmpty()) fields.put(valueTag, leafType(text));
            List<StructField> out = new ArrayList<>();
            for (Map.Entry<String, DataType> f : fields.entrySet()) out.add(new StructField(f.getKey(), f.getValue(), true));
            return new StructType(out);
        }

        static DataType type(Element e, Map<String, String> options) {
            if (children(e).isEmpty() && attributes(e, options).isEmpty()) return leafType(text(e));
            return infer(e, options);
        }

        static DataType leafType(String s) {
            if (s.isEmpty()) return DataTypes.STRING;
            try {
                Long.parseLong(s);
                return DataTypes.LONG;
            } catch (NumberFormatException ignored) {
                // not a whole number
            }
            try {
                Double.parseDouble(s);
                if (!s.endsWith("d") && !s.endsWith("D") && !s.endsWith("f") && !s.endsWith("F")) return DataTypes.DOUBLE;
            } catch (NumberFormatException ignored) {
                // not a number
            }
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return DataTypes.BOOLEAN;
            return DataTypes.STRING;
        }

        static DataType widen(DataType a, DataType b) {
            if (a.equals(b)) return a;
            if ((a instanceof LongType && b instanceof DoubleType) || (a instanceof DoubleType && b instanceof LongType)) return DataTypes.DOUBLE;
            return DataTypes.STRING;
        }
    }

    /** {@code to_xml(struct[, options])}: the struct as a ROW element, a line per field, indented by four spaces. */
    static final class ToXml implements ScalarFunction {
        record State(StructType schema, Map<String, String> options) {}

        @Override public String name() { return "to_xml"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            if (!(args.get(0).dataType() instanceof StructType st)) throw FnArgs.mismatch(name(), args, 0, "a struct");
            Map<String, String> options = options(name(), args, 1);
            List<DataType> types = new ArrayList<>(List.of(st));
            if (args.size() > 1) types.add(new MapType(DataTypes.STRING, DataTypes.STRING, true));
            return new Signature(types, DataTypes.STRING, true, new State(st, options));
        }

        @Override public dev.sluice.vector.ColumnVector evaluate(Signature signature, dev.sluice.vector.ColumnVector[] args, int rows) {
            State st = (State) signature.state();
            dev.sluice.vector.FlatVector out = dev.sluice.vector.Vectors.allocate(DataTypes.STRING, rows);
            for (int r = 0; r < rows; r++) {
                if (args[0].isNull(r)) {
                    out.appendNull();
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                element(sb, st.options().getOrDefault("rowtag", "ROW"), (Row) args[0].getObject(r), st.schema(), st.options(), 0);
                out.appendObject(sb.toString());
            }
            return out;
        }

        static void element(StringBuilder sb, String tag, Row row, StructType schema, Map<String, String> options, int depth) {
            String prefix = options.getOrDefault("attributeprefix", "_"), valueTag = options.getOrDefault("valuetag", "_VALUE");
            String indent = "    ".repeat(depth);
            sb.append(indent).append('<').append(tag);
            for (int i = 0; i < schema.size(); i++) {
                String n = schema.field(i).name();
                if (n.startsWith(prefix) && !n.equals(valueTag) && row.get(i) != null) {
                    sb.append(' ').append(n.substring(prefix.length())).append("=\"").append(escape(leafText(row.get(i), schema.field(i).dataType(), options))).append('"');
                }
            }
            sb.append(">\n");
            for (int i = 0; i < schema.size(); i++) {
                StructField f = schema.field(i);
                Object v = row.get(i);
                if (v == null || f.name().startsWith(prefix) && !f.name().equals(valueTag)) continue;
                if (f.name().equals(valueTag)) {
                    sb.append(indent).append("    ").append(escape(leafText(v, f.dataType(), options))).append('\n');
                } else if (f.dataType() instanceof ArrayType at) {
                    for (Object x : (List<?>) v) if (x != null) field(sb, f.name(), x, at.elementType(), options, depth + 1);
                } else {
                    field(sb, f.name(), v, f.dataType(), options, depth + 1);
                }
            }
            sb.append(indent).append("</").append(tag).append('>');
        }

        static void field(StringBuilder sb, String name, Object v, DataType t, Map<String, String> options, int depth) {
            if (t instanceof StructType st) {
                element(sb, name, (Row) v, st, options, depth);
                sb.append('\n');
                return;
            }
            sb.append("    ".repeat(depth)).append('<').append(name).append('>').append(escape(leafText(v, t, options)))
                    .append("</").append(name).append(">\n");
        }

        static String leafText(Object v, DataType t, Map<String, String> options) {
            if (t instanceof TimestampType) {
                String p = options.getOrDefault("timestampformat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
                return DateTimePatterns.format("to_xml", DateTimePatterns.of(p), Timestamps.toMicros((Instant) v), DateTimePatterns.sessionZone());
            }
            if (t instanceof DateType) {
                String p = options.get("dateformat");
                return p == null ? v.toString() : DateTimePatterns.format("to_xml", DateTimePatterns.of(p), ((LocalDate) v).toEpochDay() * 86_400_000_000L, java.time.ZoneOffset.UTC);
            }
            return String.valueOf(v);
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
