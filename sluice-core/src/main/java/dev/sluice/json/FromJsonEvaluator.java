package dev.sluice.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.Encoding;

import java.io.IOException;

/**
 * Evaluates from_json over a string vector with Spark 4.1's results (see the oracle notes):
 * <ul>
 *   <li>SQL NULL, empty and whitespace-only strings give NULL.</li>
 *   <li>struct schema: malformed text, or a top-level value that is not an object (arrays included), gives a
 *       struct whose fields are all NULL (not a NULL struct); a value that cannot be converted nulls only its
 *       field (partial result). A STRING field named by {@code columnNameOfCorruptRecord} receives the text of
 *       such records.</li>
 *   <li>array / map schema: malformed text or any element/value that cannot be converted gives NULL; struct
 *       elements keep partial results; an array-of-structs schema also accepts a single object.</li>
 *   <li>Text after the first JSON value is ignored, as in Spark (unlike the JSON file reader, see
 *       {@link JsonBatchBuilder}): from_json parses a value, not a line of a file.</li>
 *   <li>Mode FAILFAST raises MALFORMED_RECORD for any of those; DROPMALFORMED is refused (INVALID_OPTION).</li>
 * </ul>
 */
public final class FromJsonEvaluator {
    private final DataType schema;
    private final ParseMode mode;
    private final JsonFactory factory;
    private final ColumnParser root;
    private final ScalarParsers.StringParser corrupt;
    private final ReadContext ctx;
    /** The fast path for plain objects (null for array/map schemas and types it does not convert). */
    private final StrictJsonScanner fast;

    private FromJsonEvaluator(DataType schema, JsonOptions options, int capacity, Boolean fastPath) {
        this.schema = schema;
        this.mode = options.mode();
        if (mode == ParseMode.DROPMALFORMED) {
            throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "mode").with("value", "DROPMALFORMED")
                    .with("reason", "from_json supports only PERMISSIVE and FAILFAST").build();
        }
        if (!(schema instanceof StructType || schema instanceof ArrayType || schema instanceof MapType)) {
            throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", "The schema of from_json")
                    .with("expected", "a struct, an array or a map").with("actual", schema.sql()).build();
        }
        this.factory = JsonFactories.forOptions(options);
        String corruptName = options.columnNameOfCorruptRecord();
        if (schema instanceof StructType s) {
            this.root = new StructParser(s, options, capacity, corruptName);
            int f = s.indexOf(corruptName);
            this.corrupt = f >= 0 && s.field(f).dataType() instanceof StringType
                    ? (ScalarParsers.StringParser) ((StructParser) root).child(f) : null;
        } else {
            this.root = ColumnParser.forType(schema, options, capacity);
            this.corrupt = null;
        }
        this.ctx = new ReadContext(factory);
        this.fast = !Boolean.FALSE.equals(fastPath) && root instanceof StructParser sp
                ? StrictJsonScanner.forStruct(sp, corruptName, fastPath == null) : null;
    }

    public static ColumnVector evaluate(ColumnVector input, DataType schema, JsonOptions options) {
        return evaluate(input, schema, options, null);
    }

    /**
     * {@code fastPath}: null tries the fast path while it pays; true tries it on every value, false never (tests
     * compare the two paths).
     */
    static ColumnVector evaluate(ColumnVector input, DataType schema, JsonOptions options, Boolean fastPath) {
        if (input instanceof PreParsedJsonVector p && !Boolean.FALSE.equals(fastPath)) {   // the reader parsed it already
            ColumnVector results = p.parsed(schema, options);
            if (results != null) return results;
        }
        int rows = input.size();
        if (input.encoding() == Encoding.CONSTANT && rows > 0) {   // parse the one value once
            FromJsonEvaluator one = new FromJsonEvaluator(schema, options, 1, fastPath);
            one.append(input, 0);
            return ConstantVector.repeat(one.root.toVector(), 0, rows);
        }
        FromJsonEvaluator e = new FromJsonEvaluator(schema, options, rows, fastPath);
        for (int r = 0; r < rows; r++) e.append(input, r);
        return e.root.toVector();
    }

    private void append(ColumnVector input, int r) {
        if (input.isNull(r)) root.appendNull();
        else append(input.bytesArray(r), input.bytesStart(r), input.bytesLength(r));
    }

    private void append(byte[] buf, int offset, int length) {
        if (fast != null && fast.enabled() && fast.readRecord(buf, offset, length, true)) return;
        int row = root.size();
        ctx.reset();
        String failure = null;
        try (JsonParser p = factory.createParser(buf, offset, length)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                root.appendNull();
                return;
            }
            readRoot(p, t);
        } catch (ReadContext.Mismatch m) {
            failure = ctx.reason;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw JsonLimits.exceeded(e, "from_json input");
        } catch (JsonProcessingException e) {
            failure = JsonBatchBuilder.describe(e);
        } catch (IOException e) {
            failure = String.valueOf(e.getMessage());
        }
        if (failure != null) {
            root.truncate(row);
            if (mode == ParseMode.FAILFAST) throw malformed(failure);
            if (root instanceof StructParser s) s.appendAllNullRow();
            else root.appendNull();
            setCorruptText(row, buf, offset, length);
        } else if (ctx.bad) {
            if (mode == ParseMode.FAILFAST) throw malformed(ctx.reason);
            setCorruptText(row, buf, offset, length);
        }
    }

    private void readRoot(JsonParser p, JsonToken t) throws IOException {
        if (root instanceof StructParser s) {
            if (t != JsonToken.START_OBJECT) {
                ctx.reason = "expected a JSON object, got " + ReadContext.tokenName(t);
                throw ReadContext.MISMATCH;
            }
            s.readObject(p, ctx);
        } else if (root instanceof ArrayParser a && t == JsonToken.START_OBJECT && a.elements() instanceof StructParser s) {
            s.readObject(p, ctx);   // Spark's SPARK-19595: one object for an array of structs
            a.finishRow();
        } else if (t == JsonToken.VALUE_NULL) {
            ctx.reason = "expected " + schema.simpleString() + ", got null";
            throw ReadContext.MISMATCH;
        } else {
            root.read(p, t, ctx);
        }
    }

    private void setCorruptText(int row, byte[] buf, int offset, int length) {
        if (corrupt == null) return;
        corrupt.truncate(row);
        corrupt.appendRaw(buf, offset, length);
    }

    private static SluiceException malformed(String reason) {
        return SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", "from_json").with("reason", reason).build();
    }
}
