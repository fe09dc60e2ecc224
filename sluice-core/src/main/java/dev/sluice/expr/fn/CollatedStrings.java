package dev.sluice.expr.fn;

import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.text.StringSearch;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.CollationPrecedence;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Signature;
import dev.sluice.types.Collation;
import dev.sluice.types.DataType;
import dev.sluice.types.StringType;

import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * The substring searches of Spark's collation-aware string functions ({@code contains}, {@code startswith},
 * {@code endswith}, {@code instr}, {@code locate}/{@code position}) under a non-binary collation: UTF8_LCASE
 * searches the lower-cased strings (matches of whole characters, positions of the input), ICU collations search with ICU's {@link StringSearch} (matches as the collator
 * says: under {@code UNICODE_CI}, {@code 'B'} is found in {@code 'abc'}).
 * A function binds with its collation as the signature's state: null for UTF8_BINARY, whose byte loops are untouched.
 */
final class CollatedStrings {
    private CollatedStrings() {}

    /**
     * The collation the string arguments {@code stringArgs} of {@code fn} meet in (Spark's precedence), or null when it
     * is UTF8_BINARY. RTRIM collations are refused here: Sluice does not search with trailing-space rules.
     */
    static Collation of(String fn, List<Expression> args, int... stringArgs) {
        List<Expression> strings = new ArrayList<>();
        for (int i : stringArgs) if (i < args.size()) strings.add(args.get(i));
        StringType common = CollationPrecedence.common(strings);
        Collation c = null;
        if (common != null) c = common.collation();
        else for (Expression e : strings) if (e.dataType() instanceof StringType s) c = s.collation();
        if (c == null || c.isBinary()) return null;
        if (c.rtrim()) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", fn + " under the collation " + c.name())
                    .with("reason", "Sluice's collation-aware searches do not apply RTRIM; collate the arguments without _RTRIM").build();
        }
        return c;
    }

    /** {@code s} with its string arguments typed as {@code c}'s string type (so no cast to UTF8_BINARY) and {@code c} as state. */
    static Signature collated(Signature s, Collation c, int... stringArgs) {
        if (c == null) return s;
        List<DataType> types = new ArrayList<>(s.argumentTypes());
        for (int i : stringArgs) if (i < types.size()) types.set(i, StringType.of(c));
        return new Signature(types, s.resultType(), s.nullable(), c);
    }

    static boolean contains(String s, String needle, Collation c) {
        if (needle.isEmpty()) return true;
        return find(s, needle, 0, c) != null;
    }

    static boolean startsWith(String s, String prefix, Collation c) {
        if (prefix.isEmpty()) return true;
        if (c.isLowercase()) {   // whole characters only: 'i' does not start 'İ' (lower case i̇)
            Lowered low = Lowered.of(s);
            String p = lower(prefix);
            return low.text.startsWith(p) && low.boundary(p.length());
        }
        for (int end = 0; end <= s.length(); end = next(s, end)) {   // some prefix of s equal to prefix under c
            if (c.collator().compare(s.substring(0, end), prefix) == 0) return true;
            if (end == s.length()) break;
        }
        return false;
    }

    static boolean endsWith(String s, String suffix, Collation c) {
        if (suffix.isEmpty()) return true;
        if (c.isLowercase()) {
            Lowered low = Lowered.of(s);
            String p = lower(suffix);
            return low.text.endsWith(p) && low.boundary(low.text.length() - p.length());
        }
        for (int start = s.length(); start >= 0; start = start == 0 ? -1 : s.offsetByCodePoints(start, -1)) {
            if (c.collator().compare(s.substring(start), suffix) == 0) return true;
        }
        return false;
    }

    /** 1-based character position of the first match at or after character {@code fromChar}, 0 if none. */
    static int indexOf(String s, String needle, int fromChar, Collation c) {
        if (c.isLowercase() && needle.isEmpty()) return StringFunctions.charIndexOf(s, needle, fromChar);
        int chars = s.codePointCount(0, s.length());
        if (fromChar > chars) return 0;
        if (needle.isEmpty()) return fromChar + 1;
        int[] m = find(s, needle, s.offsetByCodePoints(0, fromChar), c);   // positions of s, also after a İ under UTF8_LCASE
        return m == null ? 0 : s.codePointCount(0, m[0]) + 1;
    }

    /** {@code replace(s, search, with)}: every non-overlapping match of {@code search} under the collation, left to right. */
    static String replace(String s, String search, String with, Collation c) {
        if (search.isEmpty()) return s;
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        if (c.isLowercase()) {
            for (int[] m = find(s, search, 0, c); m != null; m = find(s, search, m[1], c)) {
                out.append(s, copied, m[0]).append(with);
                copied = m[1];
            }
        } else {
            StringSearch ss = search(s, search, c);
            for (int m = ss.first(); m != StringSearch.DONE; m = ss.next()) {
                out.append(s, copied, m).append(with);
                copied = m + ss.getMatchLength();
            }
        }
        return out.append(s, copied, s.length()).toString();
    }


    /**
     * The first match of {@code needle} (not empty) in {@code s} at or after UTF-16 unit {@code from}, under the
     * collation's base comparison (RTRIM does not apply to delimiters, as Spark's split_part/substring_index):
     * {start, end} in units of {@code s}, or null. UTF8_LCASE matches only whole characters of {@code s}
     * ({@code 'i'} is not found in {@code 'İ'}, whose lower case is two characters).
     */
    static int[] find(String s, String needle, int from, Collation c) {
        if (c.kind() == Collation.Kind.BINARY) {
            int at = s.indexOf(needle, from);
            return at < 0 ? null : new int[] {at, at + needle.length()};
        }
        if (c.isLowercase()) {
            Lowered low = Lowered.of(s);
            String n = lower(needle);
            for (int m = low.text.indexOf(n, low.position(from)); m >= 0; m = low.text.indexOf(n, m + 1)) {
                int end = m + n.length();
                if (low.boundary(m) && low.boundary(end)) return new int[] {low.origin[m], low.origin[end]};
            }
            return null;
        }
        if (from > s.length()) return null;
        StringSearch search = search(s, needle, c);
        int at = search.following(from);
        return at == StringSearch.DONE ? null : new int[] {at, at + search.getMatchLength()};
    }

    /** A UTF8_LCASE lower-cased string with each of its UTF-16 positions mapped to the original's. */
    private record Lowered(String text, int[] origin, boolean[] starts) {
        static Lowered of(String s) {
            StringBuilder low = new StringBuilder(s.length());
            int[] origin = new int[2 * s.length() + 1];
            boolean[] starts = new boolean[2 * s.length() + 1];
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                String piece = cp == 0x0130 ? "i\u0307" : new String(Character.toChars(Character.toLowerCase(cp)));
                starts[low.length()] = true;
                for (int k = 0; k < piece.length(); k++) origin[low.length() + k] = i;
                low.append(piece);
                i += Character.charCount(cp);
            }
            origin[low.length()] = s.length();
            starts[low.length()] = true;
            return new Lowered(low.toString(), origin, starts);
        }

        boolean boundary(int lowPosition) { return starts[lowPosition]; }

        /** The lower-cased position of original position {@code unit}. */
        int position(int unit) {
            for (int k = 0; k <= text.length(); k++) if (starts[k] && origin[k] >= unit) return k;
            return text.length();
        }
    }

    /** {@code split_part} under a collation: the parts between non-overlapping matches of the delimiter. */
    static String splitPart(String s, String delimiter, int part, Collation c) {
        if (delimiter.isEmpty()) return StringSliceFunctions.splitPart(s, delimiter, part);
        if (part == 0) return StringSliceFunctions.splitPart(s, delimiter, part);   // its error
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int[] m = find(s, delimiter, 0, c); m != null; m = m[1] > m[0] ? find(s, delimiter, m[1], c) : null) {
            parts.add(s.substring(from, m[0]));
            from = m[1];
        }
        parts.add(s.substring(from));
        int i = part > 0 ? part - 1 : parts.size() + part;
        return i >= 0 && i < parts.size() ? parts.get(i) : "";
    }

    /** {@code substring_index} under a collation; occurrences may overlap, as the byte-wise form's. */
    static String substringIndex(String s, String delim, int count, Collation c) {
        if (delim.isEmpty() || count == 0) return "";
        List<int[]> matches = new ArrayList<>();
        for (int[] m = find(s, delim, 0, c); m != null; m = find(s, delim, next(s, m[0]), c)) {
            matches.add(m);
            if (count > 0 && matches.size() == count) return s.substring(0, m[0]);
            if (m[0] >= s.length()) break;
        }
        if (count > 0 || matches.size() < -count) return s;
        return s.substring(matches.get(matches.size() + count)[1]);
    }

    /** {@code find_in_set}: the 1-based index of the first comma-separated item equal to {@code word} under the collation. */
    static int findInSet(String word, String list, Collation c) {
        if (word.contains(",")) return 0;
        byte[] key = c.key(word);
        String[] items = list.split(",", -1);
        for (int i = 0; i < items.length; i++) if (java.util.Arrays.equals(c.key(items[i]), key)) return i + 1;
        return 0;
    }

    /**
     * {@code translate} under a collation: a character of {@code s} is replaced (or dropped) when it equals, under
     * the collation, a character of {@code from} (the first such wins); RTRIM plays no part for single characters.
     */
    static String translate(String s, String from, String to, Collation c) {
        int[] f = from.codePoints().toArray(), t = to.codePoints().toArray();
        byte[][] keys = new byte[f.length][];
        for (int k = 0; k < f.length; k++) keys[k] = c.key(new String(Character.toChars(f[k])));
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            byte[] key = c.key(new String(Character.toChars(cp)));
            int hit = -1;
            for (int k = 0; k < f.length && hit < 0; k++) if (java.util.Arrays.equals(keys[k], key)) hit = k;
            if (hit < 0) sb.appendCodePoint(cp);
            else if (hit < t.length) sb.appendCodePoint(t[hit]);
        }
        return sb.toString();
    }

    /** {@code s} split at each match of {@code delimiter} (literal, under the collation), keeping empty parts. */
    static List<String> split(String s, String delimiter, Collation c) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        if (!delimiter.isEmpty()) {
            for (int[] m = find(s, delimiter, 0, c); m != null && m[1] > m[0]; m = find(s, delimiter, m[1], c)) {
                parts.add(s.substring(from, m[0]));
                from = m[1];
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** {@code btrim(s, chars)} / {@code trim(chars FROM s)} under a collation: characters equal to one of {@code chars}. */
    static String trim(String s, String chars, Collation c, boolean leading, boolean trailing) {
        java.util.Set<java.nio.ByteBuffer> set = new java.util.HashSet<>();
        chars.codePoints().forEach(cp -> set.add(java.nio.ByteBuffer.wrap(c.key(new String(Character.toChars(cp))))));
        int start = 0, end = s.length();
        while (leading && start < end) {
            int cp = s.codePointAt(start);
            if (!set.contains(java.nio.ByteBuffer.wrap(c.key(new String(Character.toChars(cp)))))) break;
            start += Character.charCount(cp);
        }
        while (trailing && end > start) {
            int cp = s.codePointBefore(end);
            if (!set.contains(java.nio.ByteBuffer.wrap(c.key(new String(Character.toChars(cp)))))) break;
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    private static int next(String s, int unit) { return unit >= s.length() ? s.length() : s.offsetByCodePoints(unit, 1); }

    private static String lower(String s) { return Collation.lowercase(s); }

    private static StringSearch search(String s, String needle, Collation c) {
        return new StringSearch(needle, new StringCharacterIterator(s), (RuleBasedCollator) c.collator());
    }
}
