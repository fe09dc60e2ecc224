package dev.sluice.optimizer;

import java.util.List;

/** Rules run together, in order, repeatedly until the plan stops changing (at most {@code maxPasses}). */
public record RuleBatch(String name, int maxPasses, List<Rule> rules) {
    public RuleBatch {
        rules = List.copyOf(rules);
        if (maxPasses < 1) throw new IllegalArgumentException("maxPasses must be >= 1");
    }
}
