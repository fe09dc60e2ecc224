package dev.sluice.io.orc;

import dev.sluice.DataFrame;
import dev.sluice.plan.Plans;
import dev.sluice.plan.Scan;

/** The number of splits of the ORC scans in a DataFrame's plan (tests). */
final class OrcSourceSplits {
    private OrcSourceSplits() {}

    static int count(DataFrame df) {
        int[] n = {0};
        Plans.transformUp(df.logicalPlan(), node -> {
            if (node instanceof Scan scan && scan.source().formatName().equals("orc")) n[0] += scan.source().splits().size();
            return node;
        });
        return n[0];
    }
}
