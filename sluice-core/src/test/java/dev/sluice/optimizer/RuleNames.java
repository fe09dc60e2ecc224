package dev.sluice.optimizer;

import java.util.List;

/** Every standard rule's name, for tests that run with the optimizer off (StandardRules is package-private). */
public final class RuleNames {
    private RuleNames() {}

    public static List<String> all() { return StandardRules.ruleNames(); }
}
