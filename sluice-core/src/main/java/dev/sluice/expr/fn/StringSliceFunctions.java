package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.STRING;

/**
 * Strings cut, joined and measured by characters (code points), as Spark's UTF8String: left, right,
 * substr/substring with Spark's negative positions, split_part, overlay, btrim, space, elt, find_in_set,
 * char_length and friends, lcase/ucase, replace, ascii, chr, soundex, levenshtein.
 */
public final class StringSliceFunctions {
    private StringSliceFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("left", RowFunction.typed(STRING, STRING, INT), v -> left((String) v[0], (Integer) v[1])));
        out.add(RowFunction.of("right", RowFunction.typed(STRING, STRING, INT), v -> right((String) v[0], (Integer) v[1])));
        for (String n : List.of("substr", "substring")) {
            out.add(RowFunction.of(n, RowFunction.optional(2, STRING, STRING, INT, INT),
                    v -> substring((String) v[0], (Integer) v[1], v.length > 2 ? (Integer) v[2] : Integer.MAX_VALUE)));
        }
        out.add(RowFunction.of("split_part", RowFunction.typed(STRING, STRING, STRING, INT),
                (v, s) -> s.state() instanceof dev.sluice.types.Collation c   // set by CollationSupport for non-binary collations
                        ? CollatedStrings.splitPart((String) v[0], (String) v[1], (Integer) v[2], c)
                        : splitPart((String) v[0], (String) v[1], (Integer) v[2])));
        out.add(RowFunction.of("overlay", RowFunction.optional(3, STRING, STRING, STRING, INT, INT),
                v -> overlay((String) v[0], (String) v[1], (Integer) v[2], v.length > 3 ? (Integer) v[3] : -1)));
        // trim(str) and SQL's trim(trimStr FROM str) as the two-argument call trim(trimStr, str), as ltrim/rtrim
        out.add(RowFunction.of("trim", RowFunction.optional(1, STRING, STRING, STRING), (v, s) -> {
            String chars = v.length > 1 ? (String) v[0] : " ", src = (String) v[v.length - 1];
            if (s.state() instanceof dev.sluice.types.Collation c) return CollatedStrings.trim(src, chars, c, true, true);
            return StringFunctions.Trim.trim(StringFunctions.Trim.trim(src, chars, true), chars, false);
        }));
        out.add(RowFunction.of("btrim", RowFunction.optional(1, STRING, STRING, STRING), (v, s) -> {
            String chars = v.length > 1 ? (String) v[1] : " ";
            if (s.state() instanceof dev.sluice.types.Collation c) return CollatedStrings.trim((String) v[0], chars, c, true, true);
            return StringFunctions.Trim.trim(StringFunctions.Trim.trim((String) v[0], chars, true), chars, false);
        }));
        out.add(RowFunction.of("space", RowFunction.typed(STRING, INT), v -> " ".repeat(Math.max(0, (Integer) v[0]))));
        out.add(RowFunction.nullable("elt", RowFunction.variadic(2, STRING, STRING), (v, s) -> elt(v)));
        out.add(RowFunction.of("find_in_set", RowFunction.typed(INT, STRING, STRING), (v, s) -> s.state() instanceof dev.sluice.types.Collation c
                ? CollatedStrings.findInSet((String) v[0], (String) v[1], c) : findInSet((String) v[0], (String) v[1])));
        for (String n : List.of("char_length", "character_length", "len")) {
            out.add(RowFunction.of(n, RowFunction.typed(INT, STRING), v -> ((String) v[0]).codePointCount(0, ((String) v[0]).length())));
        }
        out.add(RowFunction.of("lcase", RowFunction.typed(STRING, STRING), v -> ((String) v[0]).toLowerCase(Locale.ROOT)));
        out.add(RowFunction.of("ucase", RowFunction.typed(STRING, STRING), v -> ((String) v[0]).toUpperCase(Locale.ROOT)));
        out.add(RowFunction.of("replace", (fn, args) -> CollatedStrings.collated(RowFunction.optional(2, STRING, STRING, STRING, STRING)
                        .bind(fn, args), CollatedStrings.of(fn, args, 0, 1, 2), 0, 1, 2),
                (v, s) -> s.state() instanceof dev.sluice.types.Collation c   // the search follows a non-binary collation
                        ? CollatedStrings.replace((String) v[0], (String) v[1], v.length > 2 ? (String) v[2] : "", c)
                        : replace((String) v[0], (String) v[1], v.length > 2 ? (String) v[2] : "")));
        out.add(RowFunction.of("ascii", RowFunction.typed(INT, STRING), v -> ((String) v[0]).isEmpty() ? 0 : ((String) v[0]).codePointAt(0)));
        for (String n : List.of("chr", "char")) out.add(RowFunction.of(n, RowFunction.typed(STRING, DataTypes.LONG), v -> chr((Long) v[0])));
        out.add(RowFunction.of("soundex", RowFunction.typed(STRING, STRING), v -> soundex((String) v[0])));
        out.add(RowFunction.of("levenshtein", RowFunction.optional(2, INT, STRING, STRING, INT), v -> {
            int d = dev.sluice.error.EditDistance.between((String) v[0], (String) v[1]);
            return v.length > 2 && d > (Integer) v[2] ? -1 : d;
        }));
        return out;
    }

    static int chars(String s) { return s.codePointCount(0, s.length()); }

    /** Characters [from, to) of s, clamped to s. */
    static String cut(String s, int from, int to) {
        int n = chars(s);
        from = Math.max(0, Math.min(from, n));
        to = Math.max(from, Math.min(to, n));
        return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    }

    static String left(String s, int len) { return len <= 0 ? "" : cut(s, 0, len); }

    static String right(String s, int len) {
        if (len <= 0) return "";
        int n = chars(s);
        return cut(s, Math.max(0, n - len), n);
    }

    /** Spark's substring: 1-based pos, pos 0 as 1, negative pos from the end; len < 1 gives ''. */
    static String substring(String s, int pos, int len) {
        int n = chars(s);
        long start = pos > 0 ? pos - 1L : pos < 0 ? (long) n + pos : 0;
        long end = len == Integer.MAX_VALUE ? n : start + len;
        if (len <= 0 && len != Integer.MAX_VALUE) return "";
        start = Math.max(0, start);
        if (end <= start) return "";
        return cut(s, (int) Math.min(start, n), (int) Math.min(end, n));
    }

    /** Spark's split_part: 1-based part, negative from the end, 0 an error; a missing part gives ''. */
    static String splitPart(String s, String delimiter, int part) {
        if (part == 0) {
            throw FnArgs.badInput("split_part", "the index 0 is invalid: an index shall be either < 0 or > 0 (the first element has index 1)");
        }
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) parts.add(s);
        else {
            int from = 0, at;
            while ((at = s.indexOf(delimiter, from)) >= 0) {
                parts.add(s.substring(from, at));
                from = at + delimiter.length();
            }
            parts.add(s.substring(from));
        }
        int i = part > 0 ? part - 1 : parts.size() + part;
        return i >= 0 && i < parts.size() ? parts.get(i) : "";
    }

    /** overlay(input PLACING replace FROM pos [FOR len]); len -1 means the replacement's length. */
    static String overlay(String input, String replace, int pos, int len) {
        int l = len >= 0 ? len : chars(replace);
        int n = chars(input);
        return cut(input, 0, pos - 1) + replace + cut(input, Math.min(n, Math.max(0, pos - 1 + l)), n);
    }

    static String elt(Object[] v) {
        if (v[0] == null) return null;
        int i = Integer.parseInt(((String) v[0]).strip());
        if (i < 1 || i >= v.length) {
            throw FnArgs.badInput("elt", "the index " + i + " is out of bounds: the array has " + (v.length - 1) + " elements");
        }
        return (String) v[i];
    }

    static int findInSet(String word, String list) {
        if (word.contains(",")) return 0;
        String[] items = list.split(",", -1);
        for (int i = 0; i < items.length; i++) if (items[i].equals(word)) return i + 1;
        return 0;
    }

    static String replace(String s, String search, String replacement) {
        return search.isEmpty() ? s : s.replace(search, replacement);
    }

    /** chr(n): the character n mod 256, '' for negative n, U+0000 for a multiple of 256. */
    static String chr(long n) {
        if (n < 0) return "";
        return String.valueOf((char) (n & 0xFF));
    }

    private static final String SOUNDEX = "01230120022455012623010202";

    /** Spark's soundex: letter plus three digits; a string not starting with a letter comes back unchanged. */
    static String soundex(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0)) || s.charAt(0) > 'z') return s;
        char first = Character.toUpperCase(s.charAt(0));
        if (first < 'A' || first > 'Z') return s;
        StringBuilder sb = new StringBuilder().append(first);
        char last = SOUNDEX.charAt(first - 'A');
        for (int i = 1; i < s.length() && sb.length() < 4; i++) {
            char c = Character.toUpperCase(s.charAt(i));
            if (c < 'A' || c > 'Z') { last = '0'; continue; }
            char code = SOUNDEX.charAt(c - 'A');
            if (c == 'H' || c == 'W') continue;
            if (code != '0' && code != last) sb.append(code);
            last = code;
        }
        while (sb.length() < 4) sb.append('0');
        return sb.toString();
    }
}
