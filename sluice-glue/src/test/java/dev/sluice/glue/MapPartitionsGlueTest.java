package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** mapPartitions / mapPartitionsWithIndex over DynamicRecords: whole partitions, error records passed through. */
class MapPartitionsGlueTest extends GlueTestBase {
    private DynamicFrame input() {
        return json("{\"id\": 1}", "{bad", "{\"id\": 2}", "{\"id\": 3}", "{\"id\": 4}", "{\"id\": 5}", "{\"id\": 6}");
    }

    @Test void partitionFunctionsSeeWholePartitionsAndErrorsPassThrough() {
        DynamicFrame sums = input().repartition(3).mapPartitionsWithIndex((p, records) -> {
            int n = 0, sum = 0;
            while (records.hasNext()) {
                n++;
                sum += (Integer) records.next().get("id");
            }
            return List.of(new DynamicRecord().put("partition", p).put("n", n).put("sum", sum)).iterator();
        });
        assertThat(sums.schemaString()).isEqualTo("root\n|-- partition: int\n|-- n: int\n|-- sum: int\n");
        List<DynamicRecord> out = sums.collect();
        assertThat(out).extracting(r -> r.get("partition")).containsExactlyInAnyOrder(0, 1, 2);
        // seven rows (one an error record) dealt round-robin: every partition gets two or three, the good ones counted
        assertThat(out).extracting(r -> (Integer) r.get("n")).allSatisfy(n -> assertThat(n).isBetween(1, 3));
        assertThat(out.stream().mapToInt(r -> (Integer) r.get("n")).sum()).isEqualTo(6);
        assertThat(out.stream().mapToInt(r -> (Integer) r.get("sum")).sum()).isEqualTo(21);
        assertThat(sums.errorsCount()).isEqualTo(1);
        assertThat(sums.stageErrorsCount()).isZero();
    }

    @Test void badOutputsBecomeErrorRecordsOfTheStageAndThrowingFailsTheAction() {
        DynamicFrame f = input().mapPartitions(records -> {
            List<DynamicRecord> out = new ArrayList<>();
            records.forEachRemaining(r -> out.add((Integer) r.get("id") % 2 == 0 ? null : r.put("odd", true)));
            return out.iterator();
        });
        assertThat(jsonOf(f)).containsExactly("{\"id\":1,\"odd\":true}", "{\"id\":3,\"odd\":true}", "{\"id\":5,\"odd\":true}");
        assertThat(f.stageErrorsCount()).isEqualTo(3);
        assertThat(f.errorsCount()).isEqualTo(4);
        DynamicFrame failing = input().mapPartitions(records -> {
            throw new IllegalStateException("boom");
        }).withFrameSchema(GlueStruct());
        assertThatThrownBy(failing::count)
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_RAISED_EXCEPTION));
    }

    private static dev.sluice.glue.types.GlueStruct GlueStruct() { return dev.sluice.glue.types.GlueStruct.EMPTY; }

    @Test void aLazyOutputIteratorIsStreamed() {
        DynamicFrame doubled = input().mapPartitions(records -> new Iterator<>() {
            @Override public boolean hasNext() { return records.hasNext(); }

            @Override public DynamicRecord next() {
                DynamicRecord r = records.next();
                return r.put("id", (Integer) r.get("id") * 2);
            }
        }).withFrameSchema((dev.sluice.glue.types.GlueStruct) dev.sluice.glue.types.GlueTypes.parse("struct<id:int>"));
        assertThat(jsonOf(doubled)).containsExactly("{\"id\":10}", "{\"id\":12}", "{\"id\":2}", "{\"id\":4}", "{\"id\":6}", "{\"id\":8}");
        assertThat(doubled.errorsCount()).isEqualTo(1);
    }
}
