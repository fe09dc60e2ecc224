package dev.sluice.types;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses Spark's two schema-string forms: a type ({@code struct<a:int,b:array<string>>}) and a column list
 * ({@code a INT, b STRING NOT NULL COMMENT 'x'}). Names may be back-quoted ({@code `a.b`}). Errors are
 * {@link ErrorCode#INVALID_SCHEMA} and name the position.
 */
public final class DdlParser {
    private final String text;
    private int pos;
    private int depth;   // struct, array and map levels open at pos: deeper than TypeDepth.max() is LIMIT_EXCEEDED

    private DdlParser(String text) { this.text = text; }

    /** A schema in either form; a bare non-struct type is rejected. */
    public static StructType parseSchema(String ddl) {
        if (ddl == null || ddl.isBlank()) throw new DdlParser(String.valueOf(ddl)).error("the schema is empty");
        if (deep(ddl)) return LargeStack.call("sluice-ddl", () -> parseSchemaHere(ddl));
        return parseSchemaHere(ddl);
    }

    /** Whether {@code ddl} may nest deeper than a small thread stack safely parses (an upper bound: it counts every '<'). */
    private static boolean deep(String ddl) {
        int open = 0;
        for (int i = 0; i < ddl.length() && open <= 64; i++) if (ddl.charAt(i) == '<') open++;
        return open > 64;
    }

    private static StructType parseSchemaHere(String ddl) {
        DdlParser p = new DdlParser(ddl);
        p.skipSpace();
        int start = p.pos;
        String first = p.peekWord();
        if (first.equalsIgnoreCase("struct") && p.lookingAtAfterWord('<')) {
            DataType type = p.parseType();
            p.expectEnd();
            return (StructType) type;
        }
        p.pos = start;
        StructType schema = p.parseColumnList();
        p.expectEnd();
        return schema;
    }

    /** Any data type: {@code int}, {@code array<struct<a:int>>}, {@code map<string,int>}, or a column list. */
    public static DataType parseType(String ddl) {
        if (ddl == null || ddl.isBlank()) throw new DdlParser(String.valueOf(ddl)).error("the type is empty");
        if (deep(ddl)) return LargeStack.call("sluice-ddl", () -> parseTypeHere(ddl));
        return parseTypeHere(ddl);
    }

    private static DataType parseTypeHere(String ddl) {
        DdlParser p = new DdlParser(ddl);
        int save = p.pos;
        try {
            DataType type = p.parseType();
            p.expectEnd();
            return type;
        } catch (SluiceException typeError) {
            if (typeError.code() == dev.sluice.error.ErrorCode.LIMIT_EXCEEDED) throw typeError;
            p.pos = save;
            p.depth = 0;
            try {
                StructType schema = p.parseColumnList();
                p.expectEnd();
                return schema;
            } catch (SluiceException ignored) {
                throw typeError;
            }
        }
    }

    /** Back-quotes a field name when DDL needs it. */
    public static String quoteIfNeeded(String name) {
        if (!name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                && !Character.isDigit(name.charAt(0))) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    private StructType parseColumnList() {
        List<StructField> fields = new ArrayList<>();
        nest();   // the column list is a struct level of its own
        do {
            skipSpace();
            String name = parseName();
            skipSpace();
            if (peek() == ':') pos++;
            DataType type = parseType();
            boolean nullable = parseColumnSuffix();
            fields.add(new StructField(name, type, nullable));
            skipSpace();
        } while (consume(','));
        depth--;
        return new StructType(fields);
    }

    /** Optional {@code NOT NULL} and {@code COMMENT 'text'}; returns nullability. */
    private boolean parseColumnSuffix() {
        boolean nullable = true;
        while (true) {
            skipSpace();
            int save = pos;
            String word = peekWord().toUpperCase(Locale.ROOT);
            if (word.equals("NOT")) {
                pos += 3;
                skipSpace();
                if (!peekWord().equalsIgnoreCase("NULL")) throw error("expected NULL after NOT");
                pos += 4;
                nullable = false;
            } else if (word.equals("COMMENT")) {
                pos += 7;
                skipSpace();
                parseQuoted(peek());
            } else {
                pos = save;
                return nullable;
            }
        }
    }

    private DataType parseType() {
        skipSpace();
        int start = pos;
        String word = readWord();
        if (word.isEmpty()) throw error("expected a type");
        String lower = word.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "boolean": return DataTypes.BOOLEAN;
            case "int": case "integer": return DataTypes.INT;
            case "bigint": case "long": return DataTypes.LONG;
            case "float": case "real": return DataTypes.FLOAT;
            case "double": return DataTypes.DOUBLE;
            case "string": return collated();
            case "varchar": case "char": case "character":
                skipLengthParameter();
                return DataTypes.STRING;
            case "binary": return DataTypes.BINARY;
            case "variant": return DataTypes.VARIANT;
            case "date": return DataTypes.DATE;
            case "timestamp": case "timestamp_ltz": return DataTypes.TIMESTAMP;
            case "void": case "null": return DataTypes.NULL;
            case "decimal": case "dec": case "numeric": return parseDecimal();
            case "array": {
                expect('<');
                nest();
                DataType element = parseType();
                depth--;
                expect('>');
                return ArrayType.of(element);
            }
            case "map": {
                expect('<');
                nest();
                DataType key = parseType();
                expect(',');
                DataType value = parseType();
                depth--;
                expect('>');
                return MapType.of(key, value);
            }
            case "struct": {
                nest();
                StructType struct = parseStructBody();
                depth--;
                return struct;
            }
            case "tinyint": case "byte": return DataTypes.BYTE;
            case "smallint": case "short": return DataTypes.SHORT;
            case "timestamp_ntz": return DataTypes.TIMESTAMP_NTZ;
            case "time": return parseTime();
            case "interval": return parseIntervalFields(start);
            default:
                pos = start;
                throw error("unknown type '" + word + "'");
        }
    }

    /** {@code string COLLATE name}: the string type of that collation (COLLATION_INVALID_NAME for an unknown name). */
    private DataType collated() {
        int save = pos;
        skipSpace();
        if (!peekWord().equalsIgnoreCase("collate")) {
            pos = save;
            return DataTypes.STRING;
        }
        readWord();
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) pos++;
        String name = text.substring(start, pos);
        if (name.isEmpty()) throw error("expected a collation name after COLLATE");
        return StringType.of(Collation.of(name));
    }

    /** One more level of nesting, refused beyond the limit before recursing into it (a deep DDL string overflowed the stack). */
    private void nest() {
        if (++depth > TypeDepth.max()) throw TypeDepth.tooDeep("The type at position " + pos + " of the DDL string");
    }

    /** {@code interval year to month}, {@code interval day}, {@code interval hour to second}...; {@code interval} alone. */
    private DataType parseIntervalFields(int start) {
        int bare = pos;
        skipSpace();
        if (IntervalTypes.of(peekWord(), peekWord()) == null) {   // no unit follows: Spark's calendar interval
            pos = bare;
            return DataTypes.CALENDAR_INTERVAL;
        }
        String from = readWord().toLowerCase(Locale.ROOT);
        int save = pos;
        skipSpace();
        String to = from;
        if (peekWord().equalsIgnoreCase("to")) {
            readWord();
            skipSpace();
            to = readWord().toLowerCase(Locale.ROOT);
        } else {
            pos = save;
        }
        DataType type = IntervalTypes.of(from, to);
        if (type == null) {
            pos = start;
            throw error("unknown interval type 'interval " + from + (from.equals(to) ? "" : " to " + to) + "'");
        }
        return type;
    }

    private StructType parseStructBody() {
        expect('<');
        List<StructField> fields = new ArrayList<>();
        skipSpace();
        if (consume('>')) return new StructType(fields);
        do {
            skipSpace();
            String name = parseName();
            skipSpace();
            consume(':');
            DataType type = parseType();
            boolean nullable = parseColumnSuffix();
            fields.add(new StructField(name, type, nullable));
            skipSpace();
        } while (consume(','));
        expect('>');
        return new StructType(fields);
    }

    private DecimalType parseDecimal() {
        skipSpace();
        if (!consume('(')) return DecimalType.USER_DEFAULT;
        int precision = parseInt();
        int scale = 0;
        skipSpace();
        if (consume(',')) scale = parseInt();
        expect(')');
        try {
            return new DecimalType(precision, scale);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** {@code time}, {@code time(p)}, either followed by Spark's optional {@code without time zone}. */
    private TimeType parseTime() {
        skipSpace();
        int precision = TimeType.DEFAULT_PRECISION;
        if (consume('(')) {
            precision = parseInt();
            expect(')');
        }
        int save = pos;
        skipSpace();
        if (peekWord().equalsIgnoreCase("without")) {
            readWord();
            skipSpace();
            if (!readWord().equalsIgnoreCase("time")) throw error("expected TIME ZONE after WITHOUT");
            skipSpace();
            if (!readWord().equalsIgnoreCase("zone")) throw error("expected ZONE after WITHOUT TIME");
        } else {
            pos = save;
        }
        if (precision < TimeType.MIN_PRECISION || precision > TimeType.MAX_PRECISION) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_TIME_PRECISION).with("precision", precision).build();
        }
        return new TimeType(precision);
    }

    private void skipLengthParameter() {
        skipSpace();
        if (consume('(')) {
            parseInt();
            expect(')');
        }
    }

    private int parseInt() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (start == pos) throw error("expected a number");
        return Integer.parseInt(text.substring(start, pos));
    }

    private String parseName() {
        skipSpace();
        char c = peek();
        if (c == '`') return parseQuoted('`');
        String word = readWord();
        if (word.isEmpty()) throw error("expected a field name");
        return word;
    }

    /** A quoted token; the quote doubled inside stands for itself. */
    private String parseQuoted(char quote) {
        if (peek() != quote) throw error("expected " + quote);
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated " + quote);
    }

    private String readWord() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        return text.substring(start, pos);
    }

    private String peekWord() {
        int save = pos;
        String w = readWord();
        pos = save;
        return w;
    }

    private boolean lookingAtAfterWord(char c) {
        int save = pos;
        readWord();
        skipSpace();
        boolean result = peek() == c;
        pos = save;
        return result;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

    private boolean consume(char c) {
        skipSpace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) throw error("expected '" + c + "'");
    }

    private void expectEnd() {
        skipSpace();
        if (pos != text.length()) throw error("unexpected '" + text.substring(pos, Math.min(text.length(), pos + 10)) + "'");
    }

    private SluiceException error(String reason) {
        return SluiceException.of(ErrorCode.INVALID_SCHEMA)
                .with("schema", "'" + text + "'")
                .with("reason", reason + " at position " + pos + ". Expected forms: 'struct<a:int,b:string>' or 'a INT, b STRING'.")
                .build();
    }
}
