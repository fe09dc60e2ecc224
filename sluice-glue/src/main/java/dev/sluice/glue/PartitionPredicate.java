package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * push_down_predicate over partition values: comparisons {@code key op literal} ({@code = == != <> < <= > >=}),
 * {@code key in ('a', 'b')}, joined by {@code and} / {@code or} (and binds tighter), with parentheses. Literals
 * are quoted strings or numbers; two numbers compare as numbers, otherwise as strings. Anything else is refused.
 */
final class PartitionPredicate implements Predicate<Map<String, String>> {
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|,|==|!=|<>|<=|>=|=|<|>|'(?:[^']|'')*'|\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_]*|`[^`]+`|-?\\d+(?:\\.\\d+)?)");
    private final Predicate<Map<String, String>> test;

    private PartitionPredicate(Predicate<Map<String, String>> test) { this.test = test; }

    @Override public boolean test(Map<String, String> values) { return test.test(values); }

    static PartitionPredicate parse(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int pos = 0;
        while (pos < text.length()) {
            if (text.substring(pos).isBlank()) break;
            if (!m.find(pos) || m.start() != pos) throw invalid(text, "cannot read it from position " + pos);
            tokens.add(m.group(1));
            pos = m.end();
        }
        int[] at = {0};
        Predicate<Map<String, String>> p = or(tokens, at, text);
        if (at[0] != tokens.size()) throw invalid(text, "unexpected " + tokens.get(at[0]));
        return new PartitionPredicate(p);
    }

    private static Predicate<Map<String, String>> or(List<String> t, int[] at, String text) {
        Predicate<Map<String, String>> p = and(t, at, text);
        while (at[0] < t.size() && t.get(at[0]).equalsIgnoreCase("or")) {
            at[0]++;
            p = p.or(and(t, at, text));
        }
        return p;
    }

    private static Predicate<Map<String, String>> and(List<String> t, int[] at, String text) {
        Predicate<Map<String, String>> p = atom(t, at, text);
        while (at[0] < t.size() && t.get(at[0]).equalsIgnoreCase("and")) {
            at[0]++;
            p = p.and(atom(t, at, text));
        }
        return p;
    }

    private static Predicate<Map<String, String>> atom(List<String> t, int[] at, String text) {
        if (at[0] >= t.size()) throw invalid(text, "it ends too early");
        if (t.get(at[0]).equals("(")) {
            at[0]++;
            Predicate<Map<String, String>> p = or(t, at, text);
            expect(t, at, ")", text);
            return p;
        }
        String key = t.get(at[0]++);
        if (key.startsWith("`")) key = key.substring(1, key.length() - 1);
        if (at[0] >= t.size()) throw invalid(text, "a comparison needs an operator after " + key);
        String op = t.get(at[0]++).toLowerCase(java.util.Locale.ROOT);
        String k = key;
        if (op.equals("in")) {
            expect(t, at, "(", text);
            List<String> values = new ArrayList<>();
            while (true) {
                values.add(literal(t.get(at[0]++), text));
                if (t.get(at[0]).equals(",")) { at[0]++; continue; }
                expect(t, at, ")", text);
                break;
            }
            return v -> v.get(k) != null && values.stream().anyMatch(x -> compare(v.get(k), x) == 0);
        }
        String lit = literal(t.get(at[0]++), text);
        switch (op) {
            case "=": case "==": return v -> v.get(k) != null && compare(v.get(k), lit) == 0;
            case "!=": case "<>": return v -> v.get(k) != null && compare(v.get(k), lit) != 0;
            case "<": return v -> v.get(k) != null && compare(v.get(k), lit) < 0;
            case "<=": return v -> v.get(k) != null && compare(v.get(k), lit) <= 0;
            case ">": return v -> v.get(k) != null && compare(v.get(k), lit) > 0;
            case ">=": return v -> v.get(k) != null && compare(v.get(k), lit) >= 0;
            default: throw invalid(text, "unknown operator " + op);
        }
    }

    private static void expect(List<String> t, int[] at, String token, String text) {
        if (at[0] >= t.size() || !t.get(at[0]).equals(token)) throw invalid(text, "expected " + token);
        at[0]++;
    }

    private static String literal(String token, String text) {
        if (token.startsWith("'")) return token.substring(1, token.length() - 1).replace("''", "'");
        if (token.startsWith("\"")) return token.substring(1, token.length() - 1);
        if (token.matches("-?\\d+(\\.\\d+)?")) return token;
        throw invalid(text, "expected a literal, found " + token);
    }

    private static int compare(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static SluiceException invalid(String text, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "push_down_predicate").with("value", text)
                .with("reason", reason + "; Sluice's partition predicates are comparisons of partition keys with literals, joined by and/or").build();
    }
}
