package dev.sluice.json;

import dev.sluice.vector.ByteWords;

/**
 * Skipping the values a plan does not read, for both JSON fast paths: plain JSON ({@link StrictJsonScanner}) and a
 * JSON document held in a JSON string, whose quotes are {@code \"} ({@link EscapedJsonScanner}). One loop walks a
 * whole value, nested objects and arrays included, counting brackets on a stack and jumping over strings, with no
 * call per token; it still checks the full syntax (commas, colons, keys, numbers, literals, escapes, UTF-8, matching
 * brackets, the depth limit), so it gives up ({@link #BAIL}) on every value the token-by-token walk it replaces gave up
 * on, and a malformed record still reaches the Jackson path, which decides.
 */
abstract class JsonValueSkipper extends JsonByteCursor {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Deeper nesting goes to Jackson (its own limit is 1000). */
    static final int MAX_DEPTH = 200;

    /**
     * True while a record is read from a buffer of JSON Lines without knowing where its line ends
     * ({@link StrictJsonScanner#readLine}): a newline then ends the line, so it is not whitespace and a record that
     * reaches it is given up on, as it was when the record's bytes stopped at the newline.
     */
    boolean newlineEnds;

    /**
     * How many bytes a string's decoding reserves at most while {@link #newlineEnds}: {@code end} is then the end of the
     * buffered bytes (up to a MiB), not of the record, and reserving room to {@code end} (decoded text is never longer
     * than its JSON form) would grow every string column's buffer by that much per batch. A longer escaped string gives
     * up there, and the record's own read, which knows its end, decodes it.
     */
    static final int LINE_STRING_ROOM = 16 * 1024;

    /** Where the decoding of a string from {@code from} gives up (see {@link #LINE_STRING_ROOM}); {@code end} otherwise. */
    final int decodeLimit(int from) { return newlineEnds ? Math.min(end, from + LINE_STRING_ROOM) : end; }

    /** The open containers of the value being skipped, innermost last: '{' or '['. */
    private final byte[] open = new byte[MAX_DEPTH + 2];

    /**
     * Skips the value at pos (whitespace before it already skipped), which sits at nesting {@code depth}; pos is then
     * just after it. {@code escaped}: the value is inside a JSON string ({@link EscapedJsonScanner}'s syntax: strings
     * quoted by {@code \"}, spaces as the only whitespace).
     * <p>Written as tests in the order of how often they match rather than as a switch over the byte: C1, which runs
     * this loop for most of a short job, compiles a switch into a chain of range tests.
     */
    final void skipValue(int depth, boolean escaped) {
        byte[] b = this.b;
        int end = this.end;
        byte[] open = this.open;
        byte quote = escaped ? (byte) '\\' : (byte) '"';
        int deepest = MAX_DEPTH - depth + 1;   // containers this value may open: as deep as the token walk allowed
        int level = 0;
        int i = pos;
        value:
        while (true) {
            // a value starts at i
            if (i >= end) throw BAIL;
            byte c = b[i];
            if (c == quote) {
                i = escaped ? skipEscapedString(openQuote(i)) : skipString(i + 1);
            } else if (c == '{' || c == '[') {
                if (level == deepest) throw BAIL;
                open[level++] = c;
                i = blank(i + 1, escaped);
                if (c == '{') {
                    if (b[i] != '}') {
                        i = key(i, escaped);
                        continue;
                    }
                } else if (b[i] != ']') {
                    continue;
                }
                level--;   // {} or []
                i++;
            } else if (digit(c) || c == '-') {
                i = skipNumber(b, i, end);
            } else if (c == 'n') {
                if (i + 4 > end || b[i + 1] != 'u' || b[i + 2] != 'l' || b[i + 3] != 'l') throw BAIL;
                i += 4;
            } else if (c == 't') {
                if (i + 4 > end || b[i + 1] != 'r' || b[i + 2] != 'u' || b[i + 3] != 'e') throw BAIL;
                i += 4;
            } else if (c == 'f') {
                if (i + 5 > end || b[i + 1] != 'a' || b[i + 2] != 'l' || b[i + 3] != 's' || b[i + 4] != 'e') throw BAIL;
                i += 5;
            } else {
                throw BAIL;
            }
            // a value ended at i: a comma and the next value, or the end of its container (what follows a value at
            // level 0 is the caller's to check: "12x" and "truex" are given up on there)
            while (level > 0) {
                i = blank(i, escaped);
                byte d = b[i];
                boolean inObject = open[level - 1] == '{';
                if (d == ',') {
                    i = blank(i + 1, escaped);
                    if (inObject) i = key(i, escaped);
                    continue value;
                }
                if (d != (inObject ? '}' : ']')) throw BAIL;
                level--;
                i++;
            }
            pos = i;
            return;
        }
    }

    /**
     * Skips the value of an object's field that the plan does not read, at pos, as {@link #skipValue} does: scalars
     * (most skipped fields) directly, without a trip through the container loop.
     */
    final void skipField(int depth) {
        int i = pos;
        if (i >= end) throw BAIL;
        byte c = b[i];
        if (c == '"') {
            pos = skipString(i + 1);
        } else if (digit(c) || c == '-') {
            pos = skipNumber(b, i, end);
        } else {
            skipValue(depth, false);
        }
    }

    /** As {@link #skipField} for a field of a JSON document held in a JSON string ({@code escaped} in {@link #skipValue}). */
    final void skipEscapedField(int depth) {
        int i = pos;
        if (i >= end) throw BAIL;
        byte c = b[i];
        if (c == '\\') {
            pos = skipEscapedString(openQuote(i));
        } else if (digit(c) || c == '-') {
            pos = skipNumber(b, i, end);
        } else {
            int after = c == '{' || c == '[' ? skipCompactEscaped(i, depth) : -1;
            if (after >= 0) pos = after;
            else skipValue(depth, true);
        }
    }

    /**
     * The common case of {@link #skipValue} in a document held in a JSON string, the container at {@code i} written
     * compactly: no whitespace, and strings of plain ASCII only. Returns the index after it, or -1 at the first thing
     * outside that case (a space, an escape other than the quotes, a byte >= 0x80, deeper nesting, the end of the
     * input), and the caller then skips the value with {@link #skipValue}, which decides. What it accepts is a subset
     * of what {@code skipValue} accepts, token by token, so it ends where that would and gives up ({@link #BAIL}, on a
     * malformed number) only where that would. It tests each expected byte in place of {@code skipValue}'s whitespace
     * loops, mode tests and bracket stack, which halves the cost of skipping the unread parts of a typical document.
     */
    int skipCompactEscaped(int i, int depth) {
        // The loops over a string's bytes are written out here, for keys at both places where one starts and for
        // values, rather than called: C1 (the launcher's first tier) inlines nothing over 35 bytes, and a call per key
        // and per string was a tenth of its skip. One loop shared by keys and values (a flag for the colon) was 3-7%
        // slower in C2, which had inlined the calls as separate loops.
        byte[] b = this.b;
        int end = this.end;
        boolean[] plain = PLAIN;
        int deepest = Math.min(63, MAX_DEPTH - depth + 1);
        long objects = 0;   // bit k set: the container open at level k is an object
        int level = 0;
        value:
        while (true) {
            // a value starts at i
            if (i + 1 >= end) return -1;
            byte c = b[i];
            if (c == '\\') {   // \"plain ASCII\"
                if (b[i + 1] != '"') return -1;
                i += 2;
                while (i < end && plain[b[i] & 0xFF]) i++;
                if (i + 1 >= end || b[i] != '\\' || b[i + 1] != '"') return -1;
                i += 2;
            } else if (c == '{' || c == '[') {
                if (level == deepest) return -1;
                byte d = b[i + 1];
                if (c == '{') {
                    if (d == '}') {
                        i += 2;
                    } else {   // the first key, \"name\": (plain ASCII)
                        objects |= 1L << level++;
                        if (d != '\\' || i + 2 >= end || b[i + 2] != '"') return -1;
                        i += 3;
                        while (i < end && plain[b[i] & 0xFF]) i++;
                        if (i + 2 >= end || b[i] != '\\' || b[i + 1] != '"' || b[i + 2] != ':') return -1;
                        i += 3;
                        continue;
                    }
                } else if (d == ']') {
                    i += 2;
                } else {
                    objects &= ~(1L << level++);
                    i++;
                    continue;
                }
            } else if (digit(c) || c == '-') {
                i = skipNumber(b, i, end);
            } else if (c == 'n') {
                if (i + 4 > end || b[i + 1] != 'u' || b[i + 2] != 'l' || b[i + 3] != 'l') return -1;
                i += 4;
            } else if (c == 't') {
                if (i + 4 > end || b[i + 1] != 'r' || b[i + 2] != 'u' || b[i + 3] != 'e') return -1;
                i += 4;
            } else if (c == 'f') {
                if (i + 5 > end || b[i + 1] != 'a' || b[i + 2] != 'l' || b[i + 3] != 's' || b[i + 4] != 'e') return -1;
                i += 5;
            } else {
                return -1;
            }
            // a value ended at i: a comma and the next value, or the end of its container
            while (level > 0) {
                if (i >= end) return -1;
                byte d = b[i];
                boolean inObject = (objects & (1L << (level - 1))) != 0;
                if (d == ',') {
                    i++;
                    if (inObject) {   // the next key, as the first one above
                        if (i + 1 >= end || b[i] != '\\' || b[i + 1] != '"') return -1;
                        i += 2;
                        while (i < end && plain[b[i] & 0xFF]) i++;
                        if (i + 2 >= end || b[i] != '\\' || b[i + 1] != '"' || b[i + 2] != ':') return -1;
                        i += 3;
                    }
                    continue value;
                }
                if (d != (inObject ? '}' : ']')) return -1;
                level--;
                i++;
            }
            return i;
        }
    }

    /** After the key starting at {@code i} (a string), its colon and whitespace: the index of the key's value. */
    private int key(int i, boolean escaped) {
        if (escaped) {
            i = skipEscapedString(openQuote(i));
        } else {
            if (b[i] != '"') throw BAIL;
            i = skipString(i + 1);
        }
        i = blank(i, escaped);
        if (b[i] != ':') throw BAIL;
        return blank(i + 1, escaped);
    }

    /** The index after the {@code \"} at {@code i}. */
    private int openQuote(int i) {
        if (i + 1 >= end || b[i] != '\\' || b[i + 1] != '"') throw BAIL;
        return i + 2;
    }

    /** From {@code i}, the index of the first byte that is not whitespace; there must be one. */
    private int blank(int i, boolean escaped) {
        byte[] b = this.b;
        int end = this.end;
        while (i < end) {
            byte c = b[i];
            if (c > ' ') return i;   // the common case first: no whitespace (bytes >= 0x80 are negative)
            if (c != ' ' && (escaped || ((c != '\n' || newlineEnds) && c != '\r' && c != '\t'))) return i;
            i++;
        }
        throw BAIL;
    }

    /** The index after the JSON number at {@code b[i]}: checked as JSON's grammar has it, at most 100 bytes long. */
    static int skipNumber(byte[] b, int i, int end) {
        int start = i;
        if (b[i] == '-' && ++i >= end) throw BAIL;
        int first = i;
        if (!digit(b[i])) throw BAIL;
        do i++; while (i < end && digit(b[i]));
        // A leading zero before more digits: every caller gives up at the digit after the zero (not a delimiter), so
        // here. One test, without a branch on the zero: a number that starts with one (0.99) is rare enough that
        // C2 compiled such a branch as an uncommon trap, and the first 0.99 after it threw the compiled scanner away.
        if ((((b[first] ^ '0') - 1) & (first + 1 - i)) < 0) throw BAIL;
        if (i < end && b[i] == '.') {
            if (++i >= end || !digit(b[i])) throw BAIL;
            do i++; while (i < end && digit(b[i]));
        }
        if (i < end && (b[i] | 0x20) == 'e') {
            if (++i < end && (b[i] == '+' || b[i] == '-')) i++;
            if (i >= end || !digit(b[i])) throw BAIL;
            do i++; while (i < end && digit(b[i]));
        }
        if (i - start > 100) throw BAIL;   // Jackson's number-length limit is the Jackson path's business
        return i;
    }

    static boolean digit(byte c) { return ((c - '0') & 0xFF) < 10; }

    /**
     * The index after the closing quote of the plain JSON string whose content starts at {@code i}, checking its
     * escapes and UTF-8 (as the token walk did).
     * <p>A document held in a string (the workload's {@code response_body}) escapes a quote every few bytes; a loop that
     * stops at each escape puts the escape's tests on the position's dependency chain. So whole 8-byte words of plain
     * ASCII and {@code \"} escapes go in one step, from bit masks of the word's quotes, backslashes and control or
     * non-ASCII bytes: the bytes a backslash escapes are the backslashes' mask moved up a byte, and the word is done
     * when every escaped byte is a quote and no quote is unescaped (a backslash in its last byte escapes the next word's
     * first byte). Everything else (another escape, a run of backslashes, a control character, a byte >= 0x80, the last
     * bytes before {@code end}) is handled one byte at a time from its start as before, so what is accepted, and where
     * the string ends, is unchanged.
     */
    final int skipString(int i) {
        byte[] b = this.b;
        int end = this.end;
        while (true) {
            long carry = 0;   // the high bit of byte 0 when the last word ended with a backslash: byte 0 is escaped
            while (i + 8 <= end) {
                long w = ByteWords.longAt(b, i);
                long backslashes = backslashes(w);
                long quotes = quotes(w);
                long escaped = backslashes << 8 | carry;
                long closing = quotes & ~escaped;
                long oneByOne = controlOrHigh(w) | (escaped & ~quotes);
                long events = closing | oneByOne;
                if (events == 0) {   // plain bytes and \" escapes only; a backslash in the last byte escapes the next
                    carry = backslashes >>> 56;
                    i += 8;
                    continue;
                }
                long first = events & -events;   // every mask is exact up to its lowest byte, so this is the first event
                int at = ByteWords.firstMarkedByte(first);
                if ((closing & first) != 0) return i + at + 1;
                i += (escaped & first) != 0 ? at - 1 : at;   // an escape other than \" from its backslash (maybe i - 1)
                carry = 0;
                break;
            }
            i -= (int) (carry >>> 7);   // the input's last bytes start with that escape's backslash
            // one special byte at or after i, or the last bytes of the input, a byte at a time
            while (i < end && PLAIN[b[i] & 0xFF]) i++;
            if (i >= end) throw BAIL;
            int c = b[i];
            if (c == '"') return i + 1;
            if (c == '\\') {
                if (i + 1 >= end) throw BAIL;
                byte e = b[i + 1];
                switch (e) {
                    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                        i += 2;
                        break;
                    case 'u':
                        if (i + 5 >= end) throw BAIL;
                        hex(b[i + 2]);
                        hex(b[i + 3]);
                        hex(b[i + 4]);
                        hex(b[i + 5]);
                        i += 6;
                        break;
                    default: throw BAIL;
                }
            } else if (c < 0) {
                i = checkUtf8(i);
            } else {
                throw BAIL;   // a raw control character
            }
        }
    }

    /**
     * The high bit of each byte of {@code w} that is a backslash; also of a ']' right after a flagged byte (a borrow),
     * which is harmless: it follows a backslash, so that escape is not a quote and is handled byte by byte first.
     */
    private static long backslashes(long w) {
        long t = w ^ 0x5C5C5C5C5C5C5C5CL;
        return (t - ONES) & ~t & HIGHS;
    }

    /** The high bit of exactly each byte of {@code w} that is a quote (no borrows: an escaped quote may precede a '#'). */
    private static long quotes(long w) {
        long t = w ^ 0x2222222222222222L;
        return ~(((t & ~HIGHS) + ~HIGHS) | t) & HIGHS;
    }

    /** The high bit of each byte of {@code w} that is a control character or not ASCII; exact up to the lowest. */
    private static long controlOrHigh(long w) {
        return (((w - 0x2020202020202020L) & ~w) | w) & HIGHS;
    }

    /**
     * The index after the closing {@code \"} of the string inside a JSON string whose content starts at {@code i}: an
     * inner escape is escaped twice ({@code \\\"} is an inner {@code \"}), {@code \/} is a plain '/', and anything
     * the reader's decoding of the line would treat differently (a raw quote, escapes of control characters or code
     * points, raw control characters) gives up. The checks of {@link EscapedJsonScanner}'s string decoding.
     */
    final int skipEscapedString(int i) {
        byte[] b = this.b;
        int end = this.end;
        while (true) {
            // inner strings are short (keys, codes) and end at a backslash: a byte loop (measured against words
            // of 8 bytes: as fast once C2 compiles it, faster in C1 code)
            while (i < end && PLAIN[b[i] & 0xFF]) i++;
            if (i >= end) throw BAIL;
            byte c = b[i];
            if (c == '\\') {
                if (i + 1 >= end) throw BAIL;
                byte e = b[i + 1];
                if (e == '"') return i + 2;
                if (e == '/') {
                    i += 2;
                } else if (e == '\\') {
                    i = innerEscapeEnd(i + 2);
                } else {
                    throw BAIL;
                }
            } else if (c < 0) {
                i = checkUtf8(i);
            } else {
                throw BAIL;   // the line's closing quote (the document ends inside a string) or a control character
            }
        }
    }

    /**
     * After the line's {@code \\} at an inner string's escape, whose letter starts at {@code b[i]}: the index after the
     * escape. Inner backslash-u escapes give up (from_json's own path decodes them).
     */
    final int innerEscapeEnd(int i) {
        if (i + 1 >= end) throw BAIL;
        switch (b[i]) {
            case '\\': {   // \\\" is an inner \", \\\\ an inner \\, \\\/ an inner \/
                byte d = b[i + 1];
                if (d != '"' && d != '\\' && d != '/') throw BAIL;
                return i + 2;
            }
            case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                return i + 1;
            default: throw BAIL;
        }
    }

    /**
     * From {@code i}, the index of the first byte that is a quote, a backslash, a control character or not ASCII
     * (8 bytes at a time); end of input bails.
     */
    final int plainStringEnd(int i) {
        byte[] b = this.b;
        int end = this.end;
        while (i + 8 <= end) {
            long special = specialBytes(ByteWords.longAt(b, i));
            if (special != 0) return i + ByteWords.firstMarkedByte(special);
            i += 8;
        }
        while (i < end) {
            int c = b[i];
            if (c == '"' || c == '\\' || c < 0x20) return i;   // bytes >= 0x80 are negative
            i++;
        }
        throw BAIL;
    }

    /**
     * The high bit of each byte of {@code w} that is a quote, a backslash, a control character or not ASCII;
     * exact for the lowest such byte (higher ones may be flagged falsely after it), which is all callers use.
     */
    static long specialBytes(long w) {
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
        return (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((w - 0x2020202020202020L) & ~w) | w) & HIGHS;
    }
}
