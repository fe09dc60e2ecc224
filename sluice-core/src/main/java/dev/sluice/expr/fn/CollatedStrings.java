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
 * searches the lower-cased strings, ICU collations search with ICU's {@link StringSearch} (matches as the collator
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
        if (c.isLowercase()) return lower(s).contains(lower(needle));
        return search(s, needle, c).first() != StringSearch.DONE;
    }

    static boolean startsWith(String s, String prefix, Collation c) {
        if (prefix.isEmpty()) return true;
        if (c.isLowercase()) return lower(s).startsWith(lower(prefix));
        for (int end = 0; end <= s.length(); end = next(s, end)) {   // some prefix of s equal to prefix under c
            if (c.collator().compare(s.substring(0, end), prefix) == 0) return true;
            if (end == s.length()) break;
        }
        return false;
    }

    static boolean endsWith(String s, String suffix, Collation c) {
        if (suffix.isEmpty()) return true;
        if (c.isLowercase()) return lower(s).endsWith(lower(suffix));
        for (int start = s.length(); start >= 0; start = start == 0 ? -1 : s.offsetByCodePoints(start, -1)) {
            if (c.collator().compare(s.substring(start), suffix) == 0) return true;
        }
        return false;
    }

    /** 1-based character position of the first match at or after character {@code fromChar}, 0 if none. */
    static int indexOf(String s, String needle, int fromChar, Collation c) {
        if (c.isLowercase()) return StringFunctions.charIndexOf(lower(s), lower(needle), fromChar);
        int chars = s.codePointCount(0, s.length());
        if (fromChar > chars) return 0;
        if (needle.isEmpty()) return fromChar + 1;
        int fromUnit = s.offsetByCodePoints(0, fromChar);
        StringSearch search = search(s, needle, c);
        int unit = search.following(fromUnit);
        return unit == StringSearch.DONE ? 0 : s.codePointCount(0, unit) + 1;
    }

    /** {@code replace(s, search, with)}: every non-overlapping match of {@code search} under the collation, left to right. */
    static String replace(String s, String search, String with, Collation c) {
        if (search.isEmpty()) return s;
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        if (c.isLowercase()) {
            // the lower-cased string, with each of its UTF-16 positions mapped back to the original's
            StringBuilder low = new StringBuilder(s.length());
            int[] origin = new int[2 * s.length() + 1];
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                String piece = cp == 0x0130 ? "i\u0307" : new String(Character.toChars(Character.toLowerCase(cp)));
                for (int k = 0; k < piece.length(); k++) origin[low.length() + k] = i;
                low.append(piece);
                i += Character.charCount(cp);
            }
            origin[low.length()] = s.length();
            String needle = lower(search);
            for (int m = low.indexOf(needle); m >= 0; m = low.indexOf(needle, m + needle.length())) {
                out.append(s, copied, origin[m]).append(with);
                copied = origin[m + needle.length()];
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

    private static int next(String s, int unit) { return unit >= s.length() ? s.length() : s.offsetByCodePoints(unit, 1); }

    private static String lower(String s) { return Collation.lowercase(s); }

    private static StringSearch search(String s, String needle, Collation c) {
        return new StringSearch(needle, new StringCharacterIterator(s), (RuleBasedCollator) c.collator());
    }
}
