package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;

/**
 * A Glue field path: dot-separated names, a name with literal dots in backticks ({@code `this.old.name`}), and
 * {@code []} after an array's name to step into its elements ({@code myList[].price}).
 */
public record FieldPath(List<Step> steps) {
    /** One name; {@code intoArray} when the name was followed by {@code []}. */
    public record Step(String name, boolean intoArray) {}

    public FieldPath { steps = List.copyOf(steps); }

    public static FieldPath parse(String path) {
        List<Step> steps = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quoted) {
                if (c == '`') {
                    if (i + 1 < path.length() && path.charAt(i + 1) == '`') { name.append('`'); i++; }
                    else quoted = false;
                } else name.append(c);
            } else if (c == '`') {
                quoted = true;
                any = true;
            } else if (c == '.') {
                steps.add(step(path, name.toString()));
                name.setLength(0);
                any = false;
            } else {
                name.append(c);
                any = true;
            }
        }
        if (quoted) throw invalid(path, "an unclosed backtick");
        if (!any && name.length() == 0) throw invalid(path, "an empty name");
        steps.add(step(path, name.toString()));
        return new FieldPath(steps);
    }

    private static Step step(String path, String raw) {
        boolean array = raw.endsWith("[]");
        String n = array ? raw.substring(0, raw.length() - 2) : raw;
        if (n.isEmpty() && !raw.equals("")) throw invalid(path, "an empty name");
        return new Step(n, array);
    }

    static SluiceException invalid(String path, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "field path '" + path + "'")
                .with("reason", reason).build();
    }

    public int size() { return steps.size(); }

    public String head() { return steps.get(0).name(); }

    public FieldPath tail() { return new FieldPath(steps.subList(1, steps.size())); }

    public boolean hasArrayStep() {
        for (Step s : steps) if (s.intoArray()) return true;
        return false;
    }

    /** The names joined by dots, unquoted: the column name Glue gives a flattened path. */
    public String dotted() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (sb.length() > 0) sb.append('.');
            sb.append(s.name());
        }
        return sb.toString();
    }
}
