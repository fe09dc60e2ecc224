package dev.sluice.expr.fn;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.json.ParseMode;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DdlParser;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import dev.sluice.xml.MalformedXmlException;
import dev.sluice.xml.XmlNode;
import dev.sluice.xml.XmlOptions;
import dev.sluice.xml.XmlRecordParser;
import dev.sluice.xml.XmlRecordWriter;
import dev.sluice.xml.XmlSchemaInference;
import dev.sluice.xml.XmlStax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spark's XML functions over one XML record, on the same codec as the XML file reader and writer
 * ({@code dev.sluice.xml}), so a record reads the same in a file and in a column: from_xml (the record to a struct:
 * child elements by name, repeated elements as arrays, attributes as {@code _name}, text beside them as
 * {@code _VALUE}), schema_of_xml (Spark's inference) and to_xml (a struct as a {@code <ROW>} element indented by
 * four spaces). A record that is not well-formed XML is NULL (from_xml in PERMISSIVE mode) or an error (FAILFAST).
 * Options are the reader's and writer's parsing ones; any other is refused.
 */
public final class XmlFunctions {
    private XmlFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new FromXml(), new SchemaOfXml(), new ToXml());
    }

    /** The options map (a constant map of strings); INVALID_ARGUMENT for a key outside {@code accepted} or a bad value. */
    static XmlOptions options(String fn, List<Expression> args, int i, Set<String> accepted) {
        Map<String, String> out = new TreeMap<>();
        if (args.size() <= i) return XmlOptions.DEFAULT;
        if (!(args.get(i).dataType() instanceof MapType)) throw FnArgs.mismatch(fn, args, i, "a constant map of options");
        Object m = FnArgs.constant(args.get(i), new MapType(DataTypes.STRING, DataTypes.STRING, true));
        if (!(m instanceof Map<?, ?> map)) throw FnArgs.invalid(fn, "the options must be a constant map");
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!accepted.contains(key.toLowerCase(Locale.ROOT))) {
                throw FnArgs.invalid(fn, "the option " + key + " is not supported; supported: " + String.join(", ", new TreeSet<>(accepted)));
            }
            out.put(key, String.valueOf(e.getValue()));
        }
        try {
            XmlOptions options = XmlOptions.of(out);
            return accepted == XmlOptions.FUNCTION_WRITE_KEYS ? options.validateGenerating() : options.validateParsing();
        } catch (SluiceException e) {
            throw FnArgs.invalid(fn, e.getMessage());
        }
    }

    /** {@code from_xml(xml, schema[, options])}. */
    static final class FromXml implements ScalarFunction {
        record State(StructType schema, XmlOptions options) {}

        @Override public String name() { return "from_xml"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 3);
            FnArgs.expect(name(), args, 0, DataTypes.STRING);
            Object ddl = FnArgs.constant(args.get(1), DataTypes.STRING);
            if (!(ddl instanceof String text)) throw FnArgs.invalid(name(), "the schema must be a constant DDL string");
            DataType t = text.strip().toUpperCase(Locale.ROOT).startsWith("STRUCT<") ? DdlParser.parseType(text) : DdlParser.parseSchema(text);
            if (!(t instanceof StructType schema)) throw FnArgs.invalid(name(), "the schema must be a struct, got " + t.simpleString());
            XmlOptions options = options(name(), args, 2, XmlOptions.FUNCTION_READ_KEYS);
            if (options.mode() == ParseMode.DROPMALFORMED) throw FnArgs.invalid(name(), "from_xml supports the modes PERMISSIVE and FAILFAST, as in Spark");
            List<DataType> types = new ArrayList<>(List.of(DataTypes.STRING, DataTypes.STRING));
            if (args.size() > 2) types.add(new MapType(DataTypes.STRING, DataTypes.STRING, true));
            return new Signature(types, schema, true, new State(schema, options));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            State st = (State) signature.state();
            XmlRecordParser parser = new XmlRecordParser(st.schema(), st.options());
            boolean failFast = st.options().mode() == ParseMode.FAILFAST;
            int corrupt = st.schema().indexOf(st.options().columnNameOfCorruptRecord());
            FlatVector out = Vectors.allocate(st.schema(), rows);
            for (int r = 0; r < rows; r++) {
                if (args[0].isNull(r)) {
                    out.appendNull();
                    continue;
                }
                String xml = (String) args[0].getObject(r);
                XmlNode root;
                try {
                    root = XmlStax.parse(xml, st.options());
                } catch (MalformedXmlException e) {
                    if (failFast) throw FnArgs.badInput(name(), "the XML record is malformed: " + e.reason());
                    out.appendNull();
                    continue;
                }
                XmlRecordParser.Result result = parser.convert(root);
                if (result.malformed() != null && failFast) throw FnArgs.badInput(name(), result.malformed());
                Row row = result.row();
                if (result.malformed() != null && corrupt >= 0 && st.schema().field(corrupt).dataType() instanceof StringType) {
                    Object[] values = new Object[st.schema().size()];
                    for (int i = 0; i < values.length; i++) values[i] = row.get(i);
                    values[corrupt] = xml;
                    row = new Row(st.schema(), values);
                }
                out.appendObject(row);
            }
            return out;
        }

        @Override public boolean deterministic() { return true; }
    }

    /** {@code schema_of_xml(xml[, options])} of a constant XML record: Spark's DDL of the inferred struct. */
    static final class SchemaOfXml implements ScalarFunction {
        @Override public String name() { return "schema_of_xml"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            if (!(args.get(0).dataType() instanceof StringType)) throw FnArgs.mismatch(name(), args, 0, "a constant XML string");
            Object xml = FnArgs.constant(args.get(0), DataTypes.STRING);
            if (!(xml instanceof String s)) throw FnArgs.invalid(name(), "the XML must be a constant non-NULL string");
            XmlOptions options = options(name(), args, 1, XmlOptions.FUNCTION_READ_KEYS);
            XmlNode root;
            try {
                root = XmlStax.parse(s, options);
            } catch (MalformedXmlException e) {
                throw FnArgs.badInput(name(), "the XML record is malformed: " + e.reason());
            }
            XmlSchemaInference inference = new XmlSchemaInference(options);
            inference.add(root);
            List<DataType> types = new ArrayList<>(List.of(DataTypes.STRING));
            if (args.size() > 1) types.add(new MapType(DataTypes.STRING, DataTypes.STRING, true));
            return new Signature(types, DataTypes.STRING, false, inference.result().sql());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            return ConstantVector.of(DataTypes.STRING, signature.state(), rows);
        }
    }

    /** {@code to_xml(struct[, options])}: the struct as a ROW element, a line per field, indented by four spaces. */
    static final class ToXml implements ScalarFunction {
        record State(StructType schema, XmlOptions options) {}

        @Override public String name() { return "to_xml"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            if (!(args.get(0).dataType() instanceof StructType st)) throw FnArgs.mismatch(name(), args, 0, "a struct");
            XmlOptions options = options(name(), args, 1, XmlOptions.FUNCTION_WRITE_KEYS);
            try {
                XmlRecordWriter.check(st, options);
            } catch (SluiceException e) {
                throw FnArgs.invalid(name(), e.getMessage());
            }
            List<DataType> types = new ArrayList<>(List.of(st));
            if (args.size() > 1) types.add(new MapType(DataTypes.STRING, DataTypes.STRING, true));
            return new Signature(types, DataTypes.STRING, true, new State(st, options));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            State st = (State) signature.state();
            FlatVector out = Vectors.allocate(DataTypes.STRING, rows);
            for (int r = 0; r < rows; r++) {
                if (args[0].isNull(r)) out.appendNull();
                else out.appendObject(XmlRecordWriter.toXml((Row) args[0].getObject(r), st.schema(), st.options()));
            }
            return out;
        }
    }
}
