package dev.sluice.connect;

import dev.sluice.DataFrame;

import java.util.HashMap;
import java.util.Map;

/**
 * The state of translating one request's plan: the session, and the DataFrame built for each relation's
 * {@code plan_id}, so that an attribute carrying a plan id ({@code df["col"]}) names that DataFrame's column.
 */
final class Translation {
    private final ConnectSession session;
    private final Map<Long, DataFrame> byPlanId = new HashMap<>();
    private final SubqueryExpressions subqueries = new SubqueryExpressions(this);

    Translation(ConnectSession session) { this.session = session; }

    /** The request's subquery references ({@code WithRelations}) and the scalar subqueries awaiting their join. */
    SubqueryExpressions subqueries() { return subqueries; }

    ConnectSession session() { return session; }

    void remember(long planId, DataFrame df) { byPlanId.put(planId, df); }

    DataFrame planned(long planId) {
        DataFrame df = byPlanId.get(planId);
        if (df == null) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.COLUMN_NOT_FOUND)
                    .with("column", "of the DataFrame with plan id " + plan(planId))
                    .with("suggestion", " That DataFrame is not part of this query.").build();
        }
        return df;
    }

    private static String plan(long id) { return String.valueOf(id); }
}
