package dev.sluice.plan;

import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Internal column names keep references by name unambiguous after a join whose sides share column names.
 * Spark tells such columns apart by expression ids; Sluice renames the right side's clashing columns to
 * {@code name + MARK + n} (MARK an invisible separator that does not occur in real names). The user sees the
 * display name (the part before MARK) everywhere: schemas, results, written files; explain shows
 * {@code name#n}, as Spark shows its ids. Name resolution compares display names, so {@code col("id")} over
 * two {@code id} columns is ambiguous, as in Spark.
 */
public final class InternalNames {
    /** U+2063 INVISIBLE SEPARATOR. */
    public static final char MARK = '\u2063';

    private InternalNames() {}

    /** The name the user sees. */
    public static String display(String name) {
        int i = name.indexOf(MARK);
        return i < 0 ? name : name.substring(0, i);
    }

    public static boolean isInternal(String name) { return name.indexOf(MARK) >= 0; }

    /** Explain text: MARK shown as {@code #}. */
    public static String forExplain(String text) { return text.replace(MARK, '#'); }

    /** {@code schema} with display names (nested fields never carry internal names). */
    public static StructType display(StructType schema) {
        boolean any = false;
        for (StructField f : schema.fields()) any |= isInternal(f.name());
        if (!any) return schema;
        List<StructField> out = new ArrayList<>(schema.size());
        for (StructField f : schema.fields()) out.add(f.withName(display(f.name())));
        return new StructType(out);
    }

    /**
     * Indexes of the columns a user's name means: display names equal to it, exact spelling first, then
     * ignoring case (Spark's default resolution). More than one means the name is ambiguous.
     */
    public static List<Integer> matches(StructType schema, String name) {
        List<Integer> exact = new ArrayList<>();
        List<Integer> loose = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < schema.size(); i++) {
            String candidate = display(schema.field(i).name());
            if (candidate.equals(name)) exact.add(i);
            else if (candidate.toLowerCase(Locale.ROOT).equals(lower)) loose.add(i);
        }
        return exact.isEmpty() ? loose : exact;
    }

    /** A name for a column called {@code name} that clashes (ignoring case) with none of {@code taken}. */
    static String fresh(String name, Set<String> takenLowerCase) {
        String base = display(name);
        for (int n = 1; ; n++) {
            String candidate = base + MARK + n;
            if (!takenLowerCase.contains(candidate.toLowerCase(Locale.ROOT))) return candidate;
        }
    }

    static Set<String> lowerCaseNames(StructType... schemas) {
        Set<String> out = new HashSet<>();
        for (StructType s : schemas) for (StructField f : s.fields()) out.add(f.name().toLowerCase(Locale.ROOT));
        return out;
    }
}
