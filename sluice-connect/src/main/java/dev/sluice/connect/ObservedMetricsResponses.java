package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.types.Row;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.ExecutePlanResponse;

import java.math.BigDecimal;
import java.util.Map;

/**
 * After a query's rows, the values of its {@code observe} metrics (CollectMetrics relations) as Spark sends them: one
 * ObservedMetrics per observation, keys and literal values, which the client's {@code Observation.get} reads by name.
 */
final class ObservedMetricsResponses {
    private ObservedMetricsResponses() {}

    static void send(PlanExecutor executor, DataFrame df) {
        Map<String, Row> metrics = df.observedMetrics();
        if (metrics.isEmpty()) return;
        ExecutePlanResponse.Builder response = executor.response();
        for (Map.Entry<String, Row> e : metrics.entrySet()) {
            ExecutePlanResponse.ObservedMetrics.Builder m = ExecutePlanResponse.ObservedMetrics.newBuilder().setName(e.getKey());
            Row row = e.getValue();
            for (int i = 0; i < row.schema().size(); i++) {
                m.addKeys(row.schema().field(i).name());
                m.addValues(literal(row.get(i)));
            }
            response.addObservedMetrics(m);
        }
        executor.send(response);
    }

    /** The metric values aggregates produce: numbers, strings, booleans, decimals; anything else as its text. */
    static Expression.Literal literal(Object v) {
        Expression.Literal.Builder b = Expression.Literal.newBuilder();
        if (v == null) return b.setNull(org.apache.spark.connect.proto.DataType.newBuilder()
                .setNull(org.apache.spark.connect.proto.DataType.NULL.getDefaultInstance())).build();
        if (v instanceof Long l) return b.setLong(l).build();
        if (v instanceof Integer i) return b.setInteger(i).build();
        if (v instanceof Short s) return b.setShort(s).build();
        if (v instanceof Byte y) return b.setByte(y).build();
        if (v instanceof Double d) return b.setDouble(d).build();
        if (v instanceof Float f) return b.setFloat(f).build();
        if (v instanceof Boolean z) return b.setBoolean(z).build();
        if (v instanceof BigDecimal d) {
            return b.setDecimal(Expression.Literal.Decimal.newBuilder().setValue(d.toPlainString())
                    .setPrecision(Math.max(d.precision(), d.scale())).setScale(Math.max(0, d.scale()))).build();
        }
        return b.setString(String.valueOf(v)).build();
    }
}
