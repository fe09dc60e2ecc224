package dev.sluice.optimizer;

import java.util.List;

/** The default rule batches, in order. */
final class StandardRules {
    private StandardRules() {}

    static List<RuleBatch> batches() {
        return List.of(
                new RuleBatch("hints_and_aliases", 1, List.of(new EliminateSubqueryAliases(), new ApplyBroadcastHints())),
                new RuleBatch("infer_filters", 1, List.of(new InferJoinNotNull())),
                new RuleBatch("operator_pushdown", 20, List.of(
                        new PushFilterThroughProject(),
                        new MergeFilters(),
                        new PushLimitThroughProject(),
                        new CombineLimits(),
                        new ConstantFolding(),
                        new SimplifyFilters(),
                        new CollapseProject(),
                        new RemoveRedundantProject(),
                        new PushFilterThroughGenerate(),
                        new PushFilterThroughAggregate(),
                        new PushFilterThroughJoin(),
                        new PushJoinConditionIntoSides())),
                new RuleBatch("distinct_aggregates", 1, List.of(new RewriteDistinctAggregates())),
                new RuleBatch("column_pruning", 1, List.of(new PruneColumns())),
                new RuleBatch("cleanup", 5, List.of(new CollapseProject(), new RemoveRedundantProject())),
                new RuleBatch("scan_pushdown", 1, List.of(new PushFiltersIntoScan())));
    }

    /** Every rule name, for validating the setting that disables rules. */
    static List<String> ruleNames() {
        return batches().stream().flatMap(b -> b.rules().stream()).map(Rule::name).distinct().toList();
    }
}
