package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * A column named by the user, not yet resolved: {@code col("content.user.country")} has parts
 * [content, user, country]; back-quoted parts keep their dots ({@code `a.b`}).
 */
public record UnresolvedColumn(List<String> nameParts) implements Expression {
    public UnresolvedColumn {
        if (nameParts.isEmpty()) throw new IllegalArgumentException("empty column name");
        nameParts = List.copyOf(nameParts);
    }

    /** Parses Spark's column-name syntax: dot-separated parts, back-quotes around parts with dots. */
    public static UnresolvedColumn parse(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`') {
                if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    current.append('`');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("unbalanced back-quote in column name " + name);
        parts.add(current.toString());
        return new UnresolvedColumn(parts);
    }

    @Override public DataType dataType() { throw Expression.unresolved(this); }

    @Override public boolean nullable() { return true; }

    @Override public boolean resolved() { return false; }

    @Override public List<Expression> children() { return List.of(); }

    @Override public Expression withChildren(List<Expression> children) { return this; }

    @Override public String sql() {
        StringBuilder sb = new StringBuilder();
        for (String p : nameParts) {
            if (sb.length() > 0) sb.append('.');
            sb.append(p.contains(".") ? "`" + p + "`" : p);
        }
        return sb.toString();
    }

    @Override public ColumnVector evaluate(Batch batch) { throw Expression.unresolved(this); }
}
