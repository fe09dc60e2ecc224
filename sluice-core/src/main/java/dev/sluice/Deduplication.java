package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.agg.FirstLast;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.NameSuggestions;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * distinct() and dropDuplicates(cols) as aggregations (Spark's ReplaceDeduplicateWithAggregate): the key
 * columns are grouped, every other column takes the value of the group's first row ({@code first}, NULLs
 * included, so all of them come from the same row). Spark leaves which row is kept undefined; here it is the
 * first in partition order. Columns keep their order.
 */
final class Deduplication {
    private Deduplication() {}

    static LogicalPlan dropDuplicates(LogicalPlan input, List<String> keyNames) {
        StructType schema = input.schema();
        List<Integer> keys = new ArrayList<>();
        for (String name : keyNames) {
            List<Integer> matches = schema.indexesOfIgnoreCase(name);
            if (matches.isEmpty()) {
                throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", name)
                        .with("suggestion", NameSuggestions.didYouMean(name, schema.fieldNames())).build();
            }
            for (int i : matches) if (!keys.contains(i)) keys.add(i);
        }
        List<Expression> grouping = new ArrayList<>();
        List<Expression> outputs = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            StructField f = schema.field(i);
            ColumnRef ref = new ColumnRef(f.name(), f.dataType(), f.nullable());
            if (keyNames.isEmpty() || keys.contains(i)) {
                grouping.add(ref);
                outputs.add(ref);
            } else {
                outputs.add(new Alias(new AggregateExpression(FirstLast.first(ref, false), false), f.name()));
            }
        }
        return new Aggregate(input, grouping, outputs);
    }
}
