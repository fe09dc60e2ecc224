package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.namespace.QName;

import static dev.sluice.types.DataTypes.STRING;

/**
 * XPath 1.0 over an XML string with the JDK's evaluator, as Spark's xpath family: xpath (the text of each matched
 * node, NULL for an element without a text child), xpath_string, xpath_boolean and the numeric forms (NaN as 0 for
 * the integral ones, as Spark). External entities and DTDs are refused. Invalid XML fails the query.
 */
public final class XPathFunctions {
    private XPathFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("xpath", RowFunction.typed(DataTypes.array(STRING), STRING, STRING), v -> {
            NodeList nodes = (NodeList) eval("xpath", v, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Node n = nodes.item(i);
                texts.add(n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.ATTRIBUTE_NODE ? n.getNodeValue() : null);
            }
            return texts;
        }));
        out.add(RowFunction.of("xpath_string", RowFunction.typed(STRING, STRING, STRING), v -> eval("xpath_string", v, XPathConstants.STRING)));
        out.add(RowFunction.of("xpath_boolean", RowFunction.typed(DataTypes.BOOLEAN, STRING, STRING), v -> eval("xpath_boolean", v, XPathConstants.BOOLEAN)));
        out.add(number("xpath_double", DataTypes.DOUBLE, d -> d));
        out.add(number("xpath_number", DataTypes.DOUBLE, d -> d));
        out.add(number("xpath_float", DataTypes.FLOAT, Double::floatValue));
        out.add(number("xpath_short", DataTypes.SHORT, d -> (short) d.intValue()));   // Double.shortValue: through int, NaN is 0
        out.add(number("xpath_int", DataTypes.INT, d -> d.isNaN() ? 0 : (int) d.doubleValue()));
        out.add(number("xpath_long", DataTypes.LONG, d -> d.isNaN() ? 0L : (long) d.doubleValue()));
        return out;
    }

    static ScalarFunction number(String name, DataType type, Function<Double, Object> convert) {
        return RowFunction.of(name, RowFunction.typed(type, STRING, STRING), v -> convert.apply((Double) eval(name, v, XPathConstants.NUMBER)));
    }

    static Object eval(String fn, Object[] v, QName kind) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader((String) v[0])));
            return XPathFactory.newInstance().newXPath().evaluate((String) v[1], doc, kind);
        } catch (XPathExpressionException e) {
            throw FnArgs.badInput(fn, "invalid XPath '" + v[1] + "'");
        } catch (Exception e) {
            throw FnArgs.badInput(fn, "invalid XML: " + e.getMessage());
        }
    }
}
