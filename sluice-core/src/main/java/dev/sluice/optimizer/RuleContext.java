package dev.sluice.optimizer;

import java.util.Set;

/** What rules may consult: the names of disabled rules (and later, statistics). */
public record RuleContext(Set<String> disabledRules) {
    public static final RuleContext DEFAULT = new RuleContext(Set.of());

    public RuleContext {
        disabledRules = Set.copyOf(disabledRules);
    }

    public boolean isEnabled(String ruleName) { return !disabledRules.contains(ruleName); }
}
