package dev.sluice.sql;

import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;

/** Identifier text: back-quotes removed ({@code `a.b`} is the one name {@code a.b}; {@code ``} stands for a back-quote). */
final class Names {
    private Names() {}

    static String identifier(SqlGrammar.IdentifierContext ctx) {
        String text = ctx.getText();
        if (ctx.BACKQUOTED_IDENTIFIER() != null) return text.substring(1, text.length() - 1).replace("``", "`");
        return text;
    }

    /** A word that is a name only where it stands (a lambda parameter, a column, a field after a dot). */
    static String word(org.antlr.v4.runtime.ParserRuleContext ctx) {
        if (ctx.getChildCount() == 1 && ctx.getChild(0) instanceof SqlGrammar.IdentifierContext id) return identifier(id);
        return ctx.getText();
    }

    static List<String> identifiers(List<SqlGrammar.IdentifierContext> ctxs) {
        List<String> out = new ArrayList<>(ctxs.size());
        for (SqlGrammar.IdentifierContext c : ctxs) out.add(identifier(c));
        return out;
    }

    static List<String> parts(SqlGrammar.MultipartIdentifierContext ctx) { return identifiers(ctx.parts); }

    static List<String> parts(SqlGrammar.QualifiedNameContext ctx) { return identifiers(ctx.identifier()); }

    /** A name as Spark prints it: parts joined by dots, back-quoted where needed. */
    static String quoted(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) out.add(p.matches("[A-Za-z_][A-Za-z0-9_]*") ? p : "`" + p.replace("`", "``") + "`");
        return String.join(".", out);
    }
}
