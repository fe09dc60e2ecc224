package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.Window;
import dev.sluice.WindowSpec;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;

/** {@code OVER (PARTITION BY ... ORDER BY ... ROWS/RANGE ...)} and named windows to the API's {@link WindowSpec}. */
final class WindowBuilder {
    private WindowBuilder() {}

    static WindowSpec spec(ExpressionBuilder b, SqlGrammar.WindowSpecContext ctx) {
        if (ctx instanceof SqlGrammar.WindowReferenceContext r) return spec(b, b.namedWindow(Names.identifier(r.name), r));
        SqlGrammar.WindowDefinitionContext d = (SqlGrammar.WindowDefinitionContext) ctx;
        if (d.base != null) {
            SqlGrammar.WindowSpecContext base = b.namedWindow(Names.identifier(d.base), d);
            if (!d.partition.isEmpty()) {
                throw SyntaxErrors.unsupported("a window that refines the named window " + d.base.getText(),
                        "refine only by ORDER BY or a frame, or write the window out");
            }
            return refine(b, spec(b, base), d);
        }
        List<Column> partition = new ArrayList<>();
        for (SqlGrammar.ExpressionContext e : d.partition) partition.add(new Column(b.build(e)));
        WindowSpec spec = Window.partitionBy(partition.toArray(new Column[0]));
        return refine(b, spec, d);
    }

    private static WindowSpec refine(ExpressionBuilder b, WindowSpec spec, SqlGrammar.WindowDefinitionContext d) {
        if (!d.sortItem().isEmpty()) {
            List<Column> order = new ArrayList<>();
            for (SqlGrammar.SortItemContext s : d.sortItem()) order.add(new Column(b.sortOrder(s)));
            spec = spec.orderBy(order.toArray(new Column[0]));
        }
        SqlGrammar.WindowFrameContext f = d.windowFrame();
        if (f == null) return spec;
        long start = bound(b, f.start);
        long end = f.end == null ? 0 : bound(b, f.end);
        return f.frameType.getType() == SqlGrammar.ROWS ? spec.rowsBetween(start, end) : spec.rangeBetween(start, end);
    }

    private static long bound(ExpressionBuilder b, SqlGrammar.FrameBoundContext ctx) {
        boolean preceding = ctx.boundType != null && ctx.boundType.getType() == SqlGrammar.PRECEDING;
        if (ctx.UNBOUNDED() != null) return preceding ? Window.unboundedPreceding() : Window.unboundedFollowing();
        if (ctx.CURRENT() != null) return Window.currentRow();
        Expression e = b.build(ctx.expression());
        if (!(e instanceof Literal l) || !(l.value() instanceof Integer || l.value() instanceof Long)) {
            throw SyntaxErrors.unsupported("the frame bound " + ctx.getText(), "frame offsets must be integer literals");
        }
        long v = ((Number) l.value()).longValue();
        return preceding ? -v : v;
    }
}
