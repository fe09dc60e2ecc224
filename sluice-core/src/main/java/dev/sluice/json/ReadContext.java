package dev.sluice.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.types.DataType;

import java.io.IOException;

/**
 * Per-parse state shared by the {@link ColumnParser}s of one schema: whether the current record went bad
 * (Spark's "partial result": some value could not be converted and became NULL), the first reason, and a
 * reusable generator that re-serializes non-string values read into string columns.
 */
final class ReadContext {
    /**
     * Thrown when a value cannot be converted to its type (Spark's non-partial conversion failure). One
     * shared instance without a stack trace: it is control flow on bad data, and bad data may be common.
     */
    static final class Mismatch extends RuntimeException {
        private Mismatch() { super(null, null, false, false); }
    }

    static final Mismatch MISMATCH = new Mismatch();

    private final JsonFactory factory;
    private final GrowableBytes rawBuffer = new GrowableBytes(256);
    private JsonGenerator rawGenerator;
    /** The record has at least one value that became NULL because it could not be converted. */
    boolean bad;
    /** Why the record is bad (the first failure), for FAILFAST messages. */
    String reason;
    /** The record's text ended inside a value; enclosing objects stop reading. */
    boolean endOfInput;

    ReadContext(JsonFactory factory) { this.factory = factory; }

    void reset() {
        bad = false;
        reason = null;
        endOfInput = false;
    }

    /** Records a conversion failure of the current token and returns the exception to throw. */
    Mismatch mismatch(JsonParser p, DataType expected, JsonToken got) {
        if (reason == null) {
            String name = currentName(p);
            reason = (name == null ? "" : "field `" + name + "`: ") + "expected " + expected.simpleString()
                    + ", got " + tokenName(got);
        }
        return MISMATCH;
    }

    /** Records a failure to parse a string value as {@code expected}. */
    Mismatch unparsable(JsonParser p, DataType expected, String text) {
        if (reason == null) {
            String name = currentName(p);
            reason = (name == null ? "" : "field `" + name + "`: ") + "cannot parse '" + abbreviate(text) + "' as "
                    + expected.simpleString();
        }
        return MISMATCH;
    }

    /**
     * The current value (scalar, object or array) re-serialized as compact JSON, numbers with their text as
     * written (Spark keeps the text of non-string values; Jackson's own copy would reformat 1.50 as 1.5).
     */
    GrowableBytes copyCurrentStructure(JsonParser p) throws IOException {
        if (rawGenerator == null) {
            rawGenerator = factory.createGenerator(rawBuffer);
            rawGenerator.setRootValueSeparator(null);
        }
        rawBuffer.reset();
        copyValue(p, p.currentToken());
        rawGenerator.flush();
        return rawBuffer;
    }

    private void copyValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                rawGenerator.writeStartObject();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    rawGenerator.writeFieldName(p.currentName());
                    copyValue(p, p.nextToken());
                }
                rawGenerator.writeEndObject();
                break;
            case START_ARRAY:
                rawGenerator.writeStartArray();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) copyValue(p, n);
                rawGenerator.writeEndArray();
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                rawGenerator.writeNumber(p.getText());
                break;
            default:
                rawGenerator.copyCurrentEvent(p);
        }
    }

    private static String currentName(JsonParser p) {
        try {
            return p.currentName();
        } catch (IOException e) {
            return null;
        }
    }

    static String tokenName(JsonToken t) {
        if (t == null) return "end of input";
        switch (t) {
            case VALUE_STRING: return "string";
            case VALUE_NUMBER_INT: return "integer";
            case VALUE_NUMBER_FLOAT: return "number";
            case VALUE_TRUE: case VALUE_FALSE: return "boolean";
            case VALUE_NULL: return "null";
            case START_OBJECT: return "object";
            case START_ARRAY: return "array";
            default: return t.asString() == null ? t.name() : t.asString();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
