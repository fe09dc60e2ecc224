package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Spark's {@code colRegex}: a name in backquotes ({@code `(id|v).*`}, optionally qualified: {@code t.`x.*`}) is a
 * regular expression over the column names, matched whole and, unless {@code spark.sql.caseSensitive}, ignoring case;
 * any other name is a plain column.
 */
final class ColumnRegex {
    private static final Pattern ESCAPED = Pattern.compile("`((?s).+)`");
    private static final Pattern QUALIFIED = Pattern.compile("((?s).+)\\.`((?s).+)`");

    private ColumnRegex() {}

    static boolean isRegex(String name) {
        return ESCAPED.matcher(name).matches() || QUALIFIED.matcher(name).matches();
    }

    /** The columns of {@code df}, in order, whose names match; none when none match (as Spark). */
    static List<Column> matching(String name, DataFrame df, String caseSensitive) {
        Matcher m = ESCAPED.matcher(name);
        String regex;
        if (m.matches()) {
            regex = m.group(1);
        } else {
            Matcher q = QUALIFIED.matcher(name);
            if (!q.matches()) throw new IllegalArgumentException("not a column regex: " + name);
            // a qualifier names the DataFrame (an alias); Sluice's DataFrame already is the one the client named
            regex = q.group(2);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(Boolean.parseBoolean(caseSensitive) ? regex : "(?i)" + regex);
        } catch (PatternSyntaxException e) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "colRegex")
                    .with("reason", "the regular expression " + regex + " is invalid: " + e.getDescription()).build();
        }
        List<Column> out = new ArrayList<>();
        for (String c : df.columns()) {
            if (pattern.matcher(c).matches()) out.add(df.col(c));
        }
        return out;
    }
}
