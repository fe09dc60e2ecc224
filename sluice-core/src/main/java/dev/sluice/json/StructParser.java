package dev.sluice.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.StructVector;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON object into a struct, as Spark's {@code convertObject}: keys are matched to fields by exact
 * (case-sensitive) name, unknown keys are skipped without being converted, a missing key is NULL, a repeated
 * key keeps its last value, and a value that cannot be converted becomes NULL while the other fields are
 * kept (Spark's partial results; the record is marked bad in the {@link ReadContext}).
 * <p>Known difference: when a repeated key's later value cannot be converted, the field is NULL, where Spark
 * keeps the earlier value (the buffers are append-only, so the earlier value is dropped before converting).
 */
final class StructParser extends ColumnParser {
    private final ColumnParser[] children;
    /** Field names by index, interned (Jackson interns keys, so most lookups are one identity check). */
    private final String[] names;
    private final Map<String, Integer> byName = new HashMap<>();
    private final int[] seen;
    private int stamp;

    /** {@code ignoredField}: a field never read from the JSON (the corrupt-record column), or null. */
    StructParser(StructType type, JsonOptions options, int capacity, String ignoredField) {
        super(type, capacity);
        int n = type.size();
        children = new ColumnParser[n];
        names = new String[n];
        seen = new int[n];
        for (int f = 0; f < n; f++) {
            StructField field = type.field(f);
            children[f] = ColumnParser.forType(field.dataType(), options, capacity);
            if (field.name().equals(ignoredField)) continue;
            names[f] = field.name().intern();
            byName.put(field.name(), f);   // with duplicate names the last one wins, as Spark's name map
        }
    }

    ColumnParser child(int field) { return children[field]; }

    int fieldCount() { return children.length; }

    @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
        if (t != JsonToken.START_OBJECT) throw ctx.mismatch(p, type, t);
        readObject(p, ctx);
    }

    /** Reads the object whose START_OBJECT is the current token, up to its END_OBJECT, as one row. */
    void readObject(JsonParser p, ReadContext ctx) throws IOException {
        int row = size;
        if (++stamp == 0) {   // wrapped: forget the old marks
            java.util.Arrays.fill(seen, 0);
            stamp = 1;
        }
        JsonStreamContext objectContext = p.getParsingContext();
        int expected = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            int f = expected < names.length && names[expected] == name ? expected : lookup(name);
            if (f < 0) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) p.skipChildren();
                continue;
            }
            expected = f + 1;
            ColumnParser child = children[f];
            if (seen[f] == stamp) child.truncate(row);   // repeated key: the last value wins
            seen[f] = stamp;
            if (t == JsonToken.VALUE_NULL) {
                child.appendNull();
                continue;
            }
            try {
                child.read(p, t, ctx);
            } catch (ReadContext.Mismatch m) {
                child.truncate(row);
                child.appendNull();
                ctx.bad = true;
                skipTo(p, objectContext);
            } catch (com.fasterxml.jackson.core.io.JsonEOFException cut) {
                // The text ends inside this field's value. Spark then skips the value and asks for the next token:
                // if the parser answers "no more input", the fields read so far stay and this one is NULL; if it
                // fails again, the whole record is malformed. Do exactly that.
                JsonToken after;
                try {
                    p.skipChildren();
                    after = p.nextToken();
                } catch (com.fasterxml.jackson.core.JsonProcessingException again) {
                    throw cut;
                }
                if (after != null) throw cut;
                child.truncate(row);
                child.appendNull();
                ctx.bad = true;
                ctx.endOfInput = true;
                if (ctx.reason == null) ctx.reason = JsonBatchBuilder.describe(cut);
            }
            if (ctx.endOfInput) break;
        }
        for (int f = 0; f < children.length; f++) {
            if (seen[f] != stamp) children[f].appendNull();
        }
        finishRow();
    }

    private int lookup(String name) {
        Integer f = byName.get(name);
        return f == null ? -1 : f;
    }

    /** Ends a row whose fields were appended to the children. */
    void finishRow() {
        int row = nextSlot();
        size = row + 1;
    }

    /** A non-null row whose fields are all NULL (what Spark returns for a malformed record). */
    void appendAllNullRow() {
        for (ColumnParser child : children) child.appendNull();
        finishRow();
    }

    @Override void appendNull() {
        for (ColumnParser child : children) child.appendNull();
        super.appendNull();
    }

    @Override void truncate(int rows) {
        super.truncate(rows);
        for (ColumnParser child : children) child.truncate(rows);
    }

    @Override protected void growValues(int newCapacity) { }

    @Override void appendTo(FlatVector out, int row) {
        StructVector v = (StructVector) out;
        if (isNull(row)) {
            v.appendNull();
            return;
        }
        for (int f = 0; f < children.length; f++) children[f].appendTo(v.writableChild(f), row);
        v.finishRow();
    }

    /**
     * Each field in one bulk copy over the whole range, then the struct's own null flags: the rows of a null struct are
     * null in every child too ({@link #appendNull}), as {@link StructVector#appendNull} makes them, so this is the
     * row-by-row copy's result. (A loop over runs of non-null rows, with every child's copy inlined per run, was the
     * largest compiled unit of a scan reading a mostly-null struct, and per null row a chain of calls.)
     */
    @Override void appendRangeTo(FlatVector out, int from, int to) {
        StructVector v = (StructVector) out;
        for (int f = 0; f < children.length; f++) children[f].appendRangeTo(v.writableChild(f), from, to);
        v.finishRows(nullFlags(), from, to);
    }

    /** Each field's vector taken from its parser (handed over where the parser can), then the struct's null flags. */
    @Override FlatVector takeVector() {
        FlatVector[] fields = new FlatVector[children.length];
        for (int f = 0; f < children.length; f++) fields[f] = children[f].takeVector();
        StructVector v = new StructVector((StructType) type, fields, size);
        v.finishRows(nullFlags(), 0, size);
        truncate(0);
        return v;
    }

    /** After a failed value, skips what is left of it so that the parser is back in {@code target}. */
    static void skipTo(JsonParser p, JsonStreamContext target) throws IOException {
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && p.getParsingContext() != target) p.skipChildren();
        while (p.getParsingContext() != target) {
            t = p.nextToken();
            if (t == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) p.skipChildren();
        }
    }
}
