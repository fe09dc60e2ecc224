package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;
import dev.sluice.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.STRING;

/**
 * Searching with Java regular expressions, as Spark: regexp_count, regexp_extract_all (group idx, default 1),
 * regexp_instr (1-based position of the first match, 0 if none), regexp_substr (the first match, NULL if none).
 */
public final class RegexSearchFunctions {
    private RegexSearchFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("ilike", RowFunction.optional(2, DataTypes.BOOLEAN, STRING, STRING, STRING), (v, sig) -> {
                    String escape = v.length > 2 ? (String) v[2] : "\\";
                    if (escape.length() != 1) throw FnArgs.badInput("ilike", "the escape must be one character, got '" + escape + "'");
                    Pattern p = RegexFunctions.likePattern("ilike", ((String) v[1]).toLowerCase(java.util.Locale.ROOT), escape.charAt(0));
                    return p.matcher(((String) v[0]).toLowerCase(java.util.Locale.ROOT)).matches();
                }),
                RowFunction.of("regexp_count", RowFunction.typed(INT, STRING, STRING), (v, sig) -> {
                    Matcher m = pattern("regexp_count", v[1], sig).matcher((String) v[0]);
                    int n = 0;
                    while (m.find()) n++;
                    return n;
                }),
                RowFunction.of("regexp_extract_all", RowFunction.optional(2, DataTypes.array(STRING), STRING, STRING, INT), (v, sig) -> {
                    Matcher m = pattern("regexp_extract_all", v[1], sig).matcher((String) v[0]);
                    int idx = v.length > 2 ? (Integer) v[2] : 1;
                    if (idx < 0 || idx > m.groupCount()) {
                        throw FnArgs.badInput("regexp_extract_all", "expects group index between 0 and " + m.groupCount() + ", but got " + idx);
                    }
                    List<String> out = new ArrayList<>();
                    while (m.find()) out.add(m.group(idx) == null ? "" : m.group(idx));
                    return out;
                }),
                RowFunction.of("regexp_instr", RowFunction.optional(2, INT, STRING, STRING, INT), (v, sig) -> {
                    Matcher m = pattern("regexp_instr", v[1], sig).matcher((String) v[0]);
                    return m.find() ? ((String) v[0]).codePointCount(0, m.start()) + 1 : 0;
                }),
                RowFunction.of("regexp_substr", RowFunction.typed(STRING, STRING, STRING), (v, sig) -> {
                    Matcher m = pattern("regexp_substr", v[1], sig).matcher((String) v[0]);
                    return m.find() ? m.group() : null;
                }));
    }

    static Pattern pattern(String fn, Object regex, dev.sluice.expr.Signature sig) {
        return RegexFunctions.compile(fn, (String) regex, CollatedRegex.flags(sig));
    }
}
