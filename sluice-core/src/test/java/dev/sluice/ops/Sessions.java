package dev.sluice.ops;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.assertj.core.api.ThrowableAssert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test helpers for the relational operators: sessions at parallelism 1 and 7, rows from arrays. */
final class Sessions {
    private Sessions() {}

    /** One worker, default batches; and seven workers, batches (and in-memory splits) of 5 rows, 3 shuffle partitions. */
    static List<Sluice> both() {
        return List.of(Sluice.builder().parallelism(1).build(),
                Sluice.builder().parallelism(7).batchSize(5).shufflePartitions(3).build());
    }

    static DataFrame df(Sluice s, String ddl, Object[]... rows) {
        StructType schema = StructType.fromDDL(ddl);
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) list.add(new Row(schema, r));
        return s.createDataFrame(list, schema);
    }

    static Object[] r(Object... values) { return values; }

    /** The rows as lists of Java values (Row equality ignores nothing, but lists print better). */
    static List<List<Object>> values(DataFrame df) {
        List<List<Object>> out = new ArrayList<>();
        for (Row row : df.collect()) out.add(row.values());
        return out;
    }

    static List<Object> column(DataFrame df, int i) {
        List<Object> out = new ArrayList<>();
        for (Row row : df.collect()) out.add(row.get(i));
        return out;
    }

    static List<List<Object>> rows(Object[]... rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : rows) out.add(new ArrayList<>(Arrays.asList(r)));
        return out;
    }

    static void assertCode(ErrorCode code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
