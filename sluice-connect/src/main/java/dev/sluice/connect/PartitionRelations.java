package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.expr.Literal;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.UnresolvedColumn;
import org.apache.spark.connect.proto.Expression;

import java.util.ArrayList;
import java.util.List;

/**
 * The relations RepartitionByExpression (hash, or range when every expression is a sort order, as Spark's server
 * decides; by id for one {@code direct_shuffle_partition_id}), Hint (every hint {@code DataFrame.hint} knows; unknown ones are logged and ignored, as Spark) and
 * CollectMetrics ({@code observe}; the values go back with the result as ObservedMetrics).
 */
final class PartitionRelations {
    private PartitionRelations() {}

    static DataFrame repartitionByExpression(RelationTranslator tx, org.apache.spark.connect.proto.RepartitionByExpression r) {
        DataFrame in = tx.translate(r.getInput());
        if (r.getPartitionExprsCount() == 1 && r.getPartitionExprs(0).hasDirectShufflePartitionId()) {   // repartitionById
            if (!r.hasNumPartitions()) throw ConnectErrors.unsupported("repartitionById without a number of partitions", "give numPartitions");
            return in.repartitionById(r.getNumPartitions(), tx.expressions().translate(r.getPartitionExprs(0).getDirectShufflePartitionId().getChild(), in));
        }
        List<Column> exprs = new ArrayList<>();
        boolean allSortOrders = r.getPartitionExprsCount() > 0;
        for (Expression e : r.getPartitionExprsList()) {
            Column c = e.hasSortOrder() ? tx.expressions().sortOrder(e.getSortOrder(), in) : tx.expressions().translate(e, in);
            allSortOrders &= c.expr() instanceof SortOrder;
            exprs.add(c);
        }
        Column[] cols = exprs.toArray(new Column[0]);
        if (allSortOrders) return r.hasNumPartitions() ? in.repartitionByRange(r.getNumPartitions(), cols) : in.repartitionByRange(cols);
        return r.hasNumPartitions() ? in.repartition(r.getNumPartitions(), cols) : in.repartition(cols);
    }

    static DataFrame hint(RelationTranslator tx, org.apache.spark.connect.proto.Hint h) {
        DataFrame in = tx.translate(h.getInput());
        Object[] params = new Object[h.getParametersCount()];
        for (int i = 0; i < params.length; i++) {
            Column c = tx.expressions().translate(h.getParameters(i), in);
            if (c.expr() instanceof Literal l && (l.value() instanceof Integer || l.value() instanceof String)) params[i] = l.value();
            else if (c.expr() instanceof UnresolvedColumn u) params[i] = String.join(".", u.nameParts());
            else params[i] = c;
        }
        return in.hint(h.getName(), params);
    }

    static DataFrame collectMetrics(RelationTranslator tx, org.apache.spark.connect.proto.CollectMetrics m) {
        DataFrame in = tx.translate(m.getInput());
        if (m.getMetricsCount() == 0) throw ConnectErrors.unsupported("observe without metrics", "give at least one metric");
        Column first = tx.expressions().translate(m.getMetrics(0), in);
        Column[] rest = new Column[m.getMetricsCount() - 1];
        for (int i = 1; i < m.getMetricsCount(); i++) rest[i - 1] = tx.expressions().translate(m.getMetrics(i), in);
        return in.observe(m.getName(), first, rest);
    }
}
