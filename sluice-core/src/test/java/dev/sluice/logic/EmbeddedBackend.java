package dev.sluice.logic;

import dev.sluice.Sluice;
import dev.sluice.optimizer.RuleNames;

import java.util.List;

/** The embedded engine, every variant. */
public final class EmbeddedBackend implements LogicBackend {
    @Override public String name() { return "embedded"; }

    @Override public Sluice session(Variant v) { return configure(Sluice.builder(), v).build(); }

    @Override public List<Variant> variants() { return Variant.ALL; }

    /** The variant's settings on a session builder (the Spark backend applies the same ones to Sluice's side). */
    public static Sluice.Builder configure(Sluice.Builder b, Variant v) {
        b.parallelism(v.parallelism()).batchSize(v.batchSize()).maxSplitBytes(v.maxSplitBytes());
        if (!v.optimizer()) for (String rule : RuleNames.all()) b.disableRule(rule);
        return b;
    }
}
