package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.spark.connect.proto.LocalRelation;
import org.apache.spark.connect.proto.Range;

import java.util.List;

/** Data the client sends or describes: {@code createDataFrame} (Arrow in), {@code range}, and one-row results. */
final class LocalRelations {
    private LocalRelations() {}

    static DataFrame range(ConnectSession session, Range r) {
        long start = r.hasStart() ? r.getStart() : 0;
        int partitions = r.hasNumPartitions() ? r.getNumPartitions() : session.sluice().conf().snapshot().parallelism();
        return session.sluice().range(start, r.getEnd(), r.getStep(), partitions);
    }

    static DataFrame local(ConnectSession session, LocalRelation r) {
        StructType schema = r.hasSchema() && !r.getSchema().isBlank() ? SchemaStrings.parseSchema(r.getSchema()) : null;
        if (!r.hasData()) {
            if (schema == null) throw ConnectErrors.unsupported("a local relation without data or schema", "nothing to build");
            return session.sluice().createDataFrame(List.of(), schema);
        }
        // column by column into batches, cut as createDataFrame's MemorySource cuts its rows
        return session.sluice().read(ArrowLocalRelations.decode(Allocators.root(), r.getData().toByteArray(), schema,
                session.sluice().conf().batchSize()));
    }

    /** One row, no columns: the input of a select without a FROM ({@code spark.range(1).select(...)} aside). */
    static DataFrame oneRow(ConnectSession session) {
        StructType s = StructType.of(new StructField("__one", DataTypes.INT, false));
        DataFrame df = session.sluice().createDataFrame(List.of(Row.of(s, 1)), s);
        return df.drop("__one");
    }

    static DataFrame singleString(ConnectSession session, String column, String value) {
        StructType s = StructType.of(new StructField(column, DataTypes.STRING, true));
        return session.sluice().createDataFrame(List.of(Row.of(s, value)), s);
    }
}
