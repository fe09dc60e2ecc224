package dev.sluice.types;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of Spark 4.1's string collations: {@code UTF8_BINARY} (bytes), {@code UTF8_LCASE} (code points lower-cased
 * one by one), and ICU's ({@code UNICODE}, {@code UNICODE_CI}, locales such as {@code en}, {@code de_CI_AI},
 * {@code sr_Cyrl_SRB}), each optionally {@code _RTRIM} (trailing spaces ignored). {@link #name()} is Spark's
 * normalized name, {@link #key} the bytes that compare (unsigned, lexicographically) and hash as the collation
 * says two strings compare: equal keys for equal strings, so hashing, grouping, joining and sorting by the key
 * is collation-correct.
 */
public final class Collation {
    public enum Kind { BINARY, LCASE, ICU }

    public static final String CATALOG_PREFIX = "SYSTEM.BUILTIN.";
    public static final Collation UTF8_BINARY = new Collation("UTF8_BINARY", Kind.BINARY, false, null, true, true);
    public static final Collation UTF8_LCASE = new Collation("UTF8_LCASE", Kind.LCASE, false, null, true, true);

    private static final Map<String, Collation> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final Kind kind;
    private final boolean rtrim;
    private final String locale;
    private final boolean caseSensitive;
    private final boolean accentSensitive;
    private final Collator collator;

    private Collation(String name, Kind kind, boolean rtrim, String locale, boolean caseSensitive, boolean accentSensitive) {
        this.name = name;
        this.kind = kind;
        this.rtrim = rtrim;
        this.locale = locale;
        this.caseSensitive = caseSensitive;
        this.accentSensitive = accentSensitive;
        this.collator = kind == Kind.ICU ? IcuLocales.collator(locale, caseSensitive, accentSensitive) : null;
    }

    /** Spark's normalized name, e.g. {@code UTF8_LCASE}, {@code UNICODE_CI}, {@code de_CI_AI}, {@code en_RTRIM}. */
    public String name() { return name; }

    /** What {@code collation(s)} returns: {@code SYSTEM.BUILTIN.} and the name. */
    public String qualifiedName() { return CATALOG_PREFIX + name; }

    /** Spark's provider: {@code spark} for UTF8_*, {@code icu} for the others (the Parquet/JSON schema metadata prefix). */
    public String provider() { return kind == Kind.ICU ? "icu" : "spark"; }

    public Kind kind() { return kind; }

    public boolean rtrim() { return rtrim; }

    public boolean caseSensitive() { return caseSensitive; }

    public boolean accentSensitive() { return accentSensitive; }

    /** Plain UTF8_BINARY: bytes compare as the strings do, the engine's fast path. */
    public boolean isBinary() { return kind == Kind.BINARY && !rtrim; }

    /** UTF8_LCASE without RTRIM: lower-casing both sides gives its equality (the string functions' fast form). */
    public boolean isLowercase() { return kind == Kind.LCASE; }

    /** The ICU collator (frozen, thread-safe); null for UTF8_*. */
    public Collator collator() { return collator; }

    /**
     * The collation by name, case-insensitively, with or without {@code SYSTEM.BUILTIN.}; INVALID_COLLATION
     * ({@code COLLATION_INVALID_NAME}) naming the closest valid names otherwise.
     */
    public static Collation of(String name) {
        if (name == null) throw invalid("NULL");
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith(CATALOG_PREFIX)) upper = upper.substring(CATALOG_PREFIX.length());
        else if (upper.startsWith("BUILTIN.")) upper = upper.substring("BUILTIN.".length());
        if (upper.equals("UTF8_BINARY")) return UTF8_BINARY;
        if (upper.equals("UTF8_LCASE")) return UTF8_LCASE;
        String key = upper;
        Collation cached = CACHE.get(key);
        if (cached != null) return cached;
        Collation parsed = parse(name, upper);
        CACHE.putIfAbsent(key, parsed);
        return CACHE.get(key);
    }

    private static Collation parse(String original, String upper) {
        if (upper.startsWith("UTF8_BINARY") || upper.startsWith("UTF8_LCASE")) {
            boolean lcase = upper.startsWith("UTF8_LCASE");
            String rest = upper.substring(lcase ? "UTF8_LCASE".length() : "UTF8_BINARY".length());
            if (!rest.equals("_RTRIM")) throw invalid(original);
            return new Collation((lcase ? "UTF8_LCASE" : "UTF8_BINARY") + "_RTRIM", lcase ? Kind.LCASE : Kind.BINARY, true, null, !lcase, true);
        }
        String locale = IcuLocales.longestPrefix(upper);
        if (locale == null) throw invalid(original);
        String rest = upper.substring(locale.length());
        if (!rest.isEmpty() && rest.charAt(0) != '_') throw invalid(original);
        boolean caseSet = false, accentSet = false, trimSet = false, cs = true, as = true, rtrim = false;
        for (String spec : rest.isEmpty() ? new String[0] : rest.substring(1).split("_", -1)) {
            switch (spec) {
                case "CS", "CI" -> { if (caseSet) throw invalid(original); caseSet = true; cs = spec.equals("CS"); }
                case "AS", "AI" -> { if (accentSet) throw invalid(original); accentSet = true; as = spec.equals("AS"); }
                case "RTRIM" -> { if (trimSet) throw invalid(original); trimSet = true; rtrim = true; }
                default -> throw invalid(original);
            }
        }
        String canonical = IcuLocales.canonical(locale);
        StringBuilder n = new StringBuilder(canonical);
        if (!cs) n.append("_CI");
        if (!as) n.append("_AI");
        if (rtrim) n.append("_RTRIM");
        return new Collation(n.toString(), Kind.ICU, rtrim, canonical, cs, as);
    }

    private static SluiceException invalid(String name) {
        return SluiceException.of(ErrorCode.COLLATION_INVALID_NAME).with("collationName", name)
                .with("proposals", IcuLocales.suggestions(name)).build();
    }

    /** The collation key of a UTF-8 string: bytes that compare and hash as the collation compares the strings. */
    public byte[] key(byte[] utf8, int offset, int length) {
        if (rtrim) {
            while (length > 0 && utf8[offset + length - 1] == ' ') length--;
        }
        return switch (kind) {
            case BINARY -> Arrays.copyOfRange(utf8, offset, offset + length);
            case LCASE -> Lowercase.key(utf8, offset, length);
            case ICU -> collator.getCollationKey(new String(utf8, offset, length, StandardCharsets.UTF_8)).toByteArray();
        };
    }

    public byte[] key(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return key(b, 0, b.length);
    }

    /** The collation's order of two strings: their keys' unsigned byte order. */
    public int compare(String a, String b) {
        if (isBinary()) return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        return Arrays.compareUnsigned(key(a), key(b));
    }

    public boolean equal(String a, String b) { return compare(a, b) == 0; }

    /** UTF8_LCASE's lower case of a string: each code point on its own. */
    public static String lowercase(String s) { return Lowercase.lower(s); }

    @Override public boolean equals(Object o) { return o instanceof Collation c && c.name.equals(name); }

    @Override public int hashCode() { return name.hashCode(); }

    @Override public String toString() { return name; }

    /** UTF8_LCASE: each code point lower-cased on its own (İ becomes i̇, as Spark's lowerCaseCodePoints). */
    static final class Lowercase {
        private Lowercase() {}

        static byte[] key(byte[] utf8, int offset, int length) {
            boolean ascii = true;
            for (int i = 0; i < length; i++) {
                if (utf8[offset + i] < 0) { ascii = false; break; }
            }
            if (ascii) {
                byte[] out = new byte[length];
                for (int i = 0; i < length; i++) {
                    byte c = utf8[offset + i];
                    out[i] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
                }
                return out;
            }
            return lower(new String(utf8, offset, length, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }

        static String lower(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == 0x0130) sb.append("i\u0307");   // İ: the one code point whose lower case is two
                else sb.appendCodePoint(Character.toLowerCase(cp));
            });
            return sb.toString();
        }
    }

    /** ICU's locales as Spark names them: language, optional script, optional 3-letter country ({@code sr_Cyrl_SRB}). */
    static final class IcuLocales {
        private IcuLocales() {}

        private static final class Holder {
            static final Map<String, String> CANONICAL_BY_UPPER = new TreeMap<>();
            static final Map<String, ULocale> LOCALES = new TreeMap<>();
            static {
                LOCALES.put("UNICODE", ULocale.ROOT);
                for (ULocale l : Collator.getAvailableULocales()) {
                    if (!l.getVariant().isEmpty()) continue;
                    StringBuilder b = new StringBuilder(l.getLanguage());
                    if (!l.getScript().isEmpty()) b.append('_').append(l.getScript());
                    if (!l.getISO3Country().isEmpty()) b.append('_').append(l.getISO3Country());
                    LOCALES.put(b.toString(), l);
                }
                for (String n : LOCALES.keySet()) CANONICAL_BY_UPPER.put(n.toUpperCase(Locale.ROOT), n);
            }
        }

        /** The longest locale name (upper case) that {@code upper} starts with, or null. */
        static String longestPrefix(String upper) {
            String best = null;
            for (int i = 1; i <= upper.length(); i++) {
                String p = upper.substring(0, i);
                if (Holder.CANONICAL_BY_UPPER.containsKey(p)) best = p;
            }
            return best;
        }

        static String canonical(String upperLocale) { return Holder.CANONICAL_BY_UPPER.get(upperLocale); }

        static Collator collator(String locale, boolean caseSensitive, boolean accentSensitive) {
            ULocale.Builder b = new ULocale.Builder().setLocale(Holder.LOCALES.get(locale));
            if (caseSensitive && accentSensitive) b.setUnicodeLocaleKeyword("ks", "level3");
            else if (caseSensitive) b.setUnicodeLocaleKeyword("ks", "level1").setUnicodeLocaleKeyword("kc", "true");
            else if (accentSensitive) b.setUnicodeLocaleKeyword("ks", "level2");
            else b.setUnicodeLocaleKeyword("ks", "level1");
            Collator c = Collator.getInstance(b.build());
            c.freeze();
            return c;
        }

        /** Up to three valid names closest to {@code name} (edit distance), for the error's suggestion. */
        static String suggestions(String name) {
            String upper = name.toUpperCase(Locale.ROOT);
            java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("UTF8_BINARY", "UTF8_LCASE", "UNICODE_CI"));
            if (!upper.startsWith("UTF8_")) all.addAll(Holder.LOCALES.keySet());
            all.sort(java.util.Comparator.comparingInt((String c) -> distance(upper, c.toUpperCase(Locale.ROOT))).thenComparing(c -> c));
            return String.join(", ", all.subList(0, Math.min(3, all.size())));
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) prev[j] = j;
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                }
                int[] t = prev; prev = cur; cur = t;
            }
            return prev[b.length()];
        }
    }
}
