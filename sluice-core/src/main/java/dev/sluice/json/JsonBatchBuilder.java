package dev.sluice.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.io.IOException;

/**
 * Builds batches of rows of a (projected) schema from JSON text records, one record at a time, with Spark
 * 4.1's JSON reader semantics:
 * <ul>
 *   <li>Keys match fields by exact name; keys not in the schema are skipped without conversion (also inside
 *       nested structs); a missing key is NULL; a repeated key keeps its last value.</li>
 *   <li>Values convert as Spark's JacksonParser: a string column takes any value (non-strings as compact JSON
 *       text), int/bigint only integral numbers in range, float/double numbers and "NaN"/"Infinity"/"-Infinity",
 *       decimal numbers or numeric strings, boolean only true/false, date/timestamp strings in Spark's default
 *       forms (timestamps also integral epoch seconds), binary base64.</li>
 *   <li>A value that cannot be converted makes only that field NULL (Spark's partial results) and the record
 *       MALFORMED: PERMISSIVE keeps the row and puts the record's text in the corrupt-record column (a STRING
 *       field named by {@code columnNameOfCorruptRecord}, if the schema has one), DROPMALFORMED drops it,
 *       FAILFAST throws {@link MalformedJsonException}.</li>
 *   <li>A syntax error, or a top-level value that is not an object (scalar, {@code null}, array of non-objects),
 *       makes every field NULL (PERMISSIVE) with the same mode handling. A top-level array of objects gives one
 *       row per object; {@code []} gives none.</li>
 *   <li>An empty or whitespace-only record appends nothing and returns {@link RecordOutcome#EMPTY}.</li>
 * </ul>
 * <b>Deliberate difference from Spark:</b> text after the first JSON value ({@code {"a":1} xyz},
 * {@code {"a":1}{"a":2}}) makes the record MALFORMED with all fields NULL; Spark silently ignores the rest, so
 * data could be lost without a word.
 * <p>Not thread-safe: one builder per task. {@link #finish} returns the batch and resets the builder.
 */
public final class JsonBatchBuilder {
    private final StructType schema;
    private final ParseMode mode;
    private final JsonFactory factory;
    private final StructParser root;
    private final ScalarParsers.StringParser corrupt;
    private final ReadContext ctx;
    /** The fast path for plain records (null when the schema has types it does not convert). */
    private final StrictJsonScanner fast;
    /** By field: the from_json the field's text goes to, evaluated while reading (null: a plain field). */
    private final FusedFromJson[] fused;
    private final boolean anyFused;
    /** Shared with the readers of the scan's other splits (null: none); {@link #keyMemos} start from and go to it. */
    private final LearntKeys learntKeys;
    private final Object layout;
    private final java.util.List<KeyMemo> keyMemos = new java.util.ArrayList<>();
    private final java.util.List<ScalarParsers.StringParser> strings = new java.util.ArrayList<>();
    private boolean keysOffered;

    public JsonBatchBuilder(StructType schema, JsonOptions options) { this(schema, options, (Boolean) null); }

    /**
     * A builder that also evaluates {@code fromJson} calls over its top-level string columns while it reads them
     * (where it can; see {@link FusedFromJson}): those columns' vectors carry the results for {@link FromJsonEvaluator}.
     */
    public JsonBatchBuilder(StructType schema, JsonOptions options, java.util.List<FromJsonColumn> fromJson) {
        this(schema, options, null, fromJson, null);
    }

    /**
     * As {@link #JsonBatchBuilder(StructType, JsonOptions, java.util.List)}, for one of the readers of a scan's splits:
     * its fast path starts from the keys {@code learntKeys} holds from another reader of the same layout, and the keys
     * it learns in its first batch go there when none are held yet ({@link LearntKeys}).
     */
    public JsonBatchBuilder(StructType schema, JsonOptions options, java.util.List<FromJsonColumn> fromJson, LearntKeys learntKeys) {
        this(schema, options, null, fromJson, learntKeys);
    }

    /**
     * {@code fastPath}: null tries the fast path while it pays; true tries it on every record, false never (tests
     * compare the two paths).
     */
    JsonBatchBuilder(StructType schema, JsonOptions options, Boolean fastPath) { this(schema, options, fastPath, java.util.List.of(), null); }

    JsonBatchBuilder(StructType schema, JsonOptions options, Boolean fastPath, java.util.List<FromJsonColumn> fromJson) {
        this(schema, options, fastPath, fromJson, null);
    }

    JsonBatchBuilder(StructType schema, JsonOptions options, Boolean fastPath, java.util.List<FromJsonColumn> fromJson,
                     LearntKeys learntKeys) {
        this.schema = schema;
        this.mode = options.mode();
        this.factory = JsonFactories.forOptions(options);
        String corruptName = options.columnNameOfCorruptRecord();
        int corruptField = schema.indexOf(corruptName);
        if (corruptField >= 0 && !(schema.field(corruptField).dataType() instanceof StringType)) {
            throw SluiceException.of(ErrorCode.TYPE_MISMATCH)
                    .with("expression", "The corrupt-record column `" + corruptName + "`")
                    .with("expected", "the nullable STRING type")
                    .with("actual", schema.field(corruptField).dataType().sql()).build();
        }
        this.root = new StructParser(schema, options, Batch.DEFAULT_SIZE, corruptName);
        this.corrupt = corruptField < 0 ? null : (ScalarParsers.StringParser) root.child(corruptField);
        this.ctx = new ReadContext(factory);
        this.fused = new FusedFromJson[schema.size()];
        boolean any = false;
        if (!Boolean.FALSE.equals(fastPath)) {
            for (FromJsonColumn call : fromJson) {
                int f = schema.indexOf(call.column());
                if (f < 0 || f == corruptField || fused[f] != null || !(root.child(f) instanceof ScalarParsers.StringParser)) continue;
                fused[f] = FusedFromJson.of(call, Batch.DEFAULT_SIZE, fastPath == null);
                any |= fused[f] != null;
            }
        }
        this.fast = Boolean.FALSE.equals(fastPath) ? null
                : StrictJsonScanner.forStruct(root, corruptName, fastPath == null, any ? fused : null);
        if (fast == null) java.util.Arrays.fill(fused, null);   // only the fast path parses ahead
        this.anyFused = any && fast != null;
        this.learntKeys = fast == null ? null : learntKeys;
        this.layout = java.util.List.of(schema, options, fromJson);
        if (this.learntKeys != null) {
            fast.collectKeyMemos(keyMemos);
            fast.collectStrings(strings);
            for (FusedFromJson f : fused) {
                if (f != null) {
                    f.collectKeyMemos(keyMemos);
                    f.collectStrings(strings);
                }
            }
            this.learntKeys.adopt(layout, keyMemos, strings);
        }
    }

    public StructType schema() { return schema; }

    public int rowCount() { return root.size(); }

    /** Converts one record, {@code buf[offset, offset+length)} (UTF-8), appending its rows. */
    public RecordOutcome append(byte[] buf, int offset, int length) {
        if (!anyFused) return read(buf, offset, length);
        RecordOutcome outcome = read(buf, offset, length);
        for (int f = 0; f < fused.length; f++) {
            if (fused[f] != null) fused[f].pad(root.child(f), root.size());
        }
        return outcome;
    }

    /**
     * The next record of a JSON Lines buffer when the fast path reads it whole and finds where its line ends:
     * {@code buf[offset, limit)} holds the bytes from the line's start on, {@code lastBytes} says they end the input.
     * Returns the index of the line's end (its newline, or {@code limit}) with the record's row appended as
     * {@link #append} would have appended it, or -1 with nothing appended: the caller then finds the line and calls
     * {@link #append}, which decides as before (malformed records, blank lines, a line that is not one object).
     * Saves the reader a separate search of every byte for the newline.
     */
    public int appendLine(byte[] buf, int offset, int limit, boolean lastBytes) {
        if (fast == null || !fast.enabled()) return -1;
        int lineEnd = fast.readLine(buf, offset, limit, lastBytes);
        if (anyFused) {
            for (int f = 0; f < fused.length; f++) {
                if (fused[f] == null) continue;
                if (lineEnd < 0) fused[f].truncate(root.size());
                else fused[f].pad(root.child(f), root.size());
            }
        }
        return lineEnd;
    }

    private RecordOutcome read(byte[] buf, int offset, int length) {
        if (fast != null && fast.enabled()) {
            if (fast.readRecord(buf, offset, length, false)) return RecordOutcome.OK;
            if (anyFused) {   // given up: the rows it appended are gone, and so must their results be
                for (FusedFromJson f : fused) {
                    if (f != null) f.truncate(root.size());
                }
            }
        }
        int startRows = root.size();
        ctx.reset();
        String malformed = null;
        try (JsonParser p = factory.createParser(buf, offset, length)) {
            JsonToken t = p.nextToken();
            if (t == null) return RecordOutcome.EMPTY;
            if (t == JsonToken.START_OBJECT) {
                root.readObject(p, ctx);
            } else if (t == JsonToken.START_ARRAY) {
                readTopLevelArray(p);
            } else {
                malformed = "expected a JSON object, got " + ReadContext.tokenName(t);
            }
            if (malformed == null) malformed = checkNothingAfter(p);
        } catch (ReadContext.Mismatch m) {
            malformed = ctx.reason;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw JsonLimits.exceeded(e, "record");   // a limit, not a malformed record
        } catch (JsonProcessingException e) {
            malformed = describe(e);
        } catch (IOException e) {
            malformed = String.valueOf(e.getMessage());
        }
        if (malformed != null) return reject(startRows, malformed, buf, offset, length);
        if (ctx.bad) return keepPartial(startRows, buf, offset, length);
        return RecordOutcome.OK;
    }

    /** The rows so far as a batch (columns in schema order); the builder is then empty and reusable. */
    public Batch finish() {
        ColumnVector[] columns = new ColumnVector[root.fieldCount()];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = root.child(f).takeVector();
            if (fused[f] != null) columns[f] = fused[f].finish((dev.sluice.vector.BytesVector) columns[f], root.size());
        }
        Batch batch = new Batch(columns, root.size());
        root.truncate(0);
        if (learntKeys != null && !keysOffered) {   // the first batch's keys and buffer sizes, for the readers of later splits
            keysOffered = true;
            if (!learntKeys.knows(layout)) learntKeys.publish(layout, keyMemos, strings);
        }
        return batch;
    }

    /** Spark's SPARK-3308: a top-level array of objects is one row per object; any other element is malformed. */
    private void readTopLevelArray(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                ctx.reason = "expected a JSON object in the top-level array, got " + ReadContext.tokenName(t);
                throw ReadContext.MISMATCH;
            }
            root.readObject(p, ctx);
        }
    }

    /** Sluice's rule: the record must end after its first JSON value (see the class comment). */
    private static String checkNothingAfter(JsonParser p) {
        int column = p.currentLocation().getColumnNr();
        try {
            if (p.nextToken() == null) return null;
        } catch (IOException e) {
            // unparsable trailing text is trailing text all the same
        }
        return "unexpected text after the JSON value at column " + column;
    }

    private RecordOutcome reject(int startRows, String reason, byte[] buf, int offset, int length) {
        root.truncate(startRows);
        if (mode == ParseMode.FAILFAST) throw new MalformedJsonException(reason);
        if (mode == ParseMode.DROPMALFORMED) return RecordOutcome.DROPPED;
        root.appendAllNullRow();
        setCorruptText(startRows, buf, offset, length);
        return RecordOutcome.MALFORMED;
    }

    private RecordOutcome keepPartial(int startRows, byte[] buf, int offset, int length) {
        if (mode != ParseMode.PERMISSIVE) {
            root.truncate(startRows);
            if (mode == ParseMode.FAILFAST) throw new MalformedJsonException(ctx.reason);
            return RecordOutcome.DROPPED;
        }
        setCorruptText(startRows, buf, offset, length);
        return RecordOutcome.MALFORMED;
    }

    private void setCorruptText(int fromRow, byte[] buf, int offset, int length) {
        if (corrupt == null) return;
        int rows = root.size();
        corrupt.truncate(fromRow);
        for (int r = fromRow; r < rows; r++) corrupt.appendRaw(buf, offset, length);
    }

    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message == null ? -1 : message.indexOf('\n');
        if (cut >= 0) message = message.substring(0, cut);
        return e.getLocation() == null ? message : message + " at column " + e.getLocation().getColumnNr();
    }
}
