package dev.sluice.connect;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** TIME in Spark Connect: Arrow time64[ns] as PySpark 4.1 reads it, the proto Time type and Time literals. */
class TimeConnectTest {
    static final StructType SCHEMA = StructType.of(StructField.of("t", DataTypes.TIME), StructField.of("t0", DataTypes.time(0)));

    @Test void arrowTimeIsNanosecondTime64() {
        var fields = ArrowTypes.schema(SCHEMA).getFields();
        assertThat(fields.get(0).getType()).isEqualTo(new ArrowType.Time(TimeUnit.NANOSECOND, 64));
        assertThat(fields.get(1).getType()).isEqualTo(new ArrowType.Time(TimeUnit.NANOSECOND, 64));
    }

    @Test void valuesSurviveAnArrowRoundTrip() {
        StructType six = StructType.of(StructField.of("t", DataTypes.TIME));
        List<Row> rows = List.of(Row.of(six, LocalTime.of(12, 34, 56, 123_456_000)), Row.of(six, LocalTime.MIDNIGHT), Row.of(six, (Object) null));
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE)) {
            ArrowRows.Decoded back = ArrowRows.decode(allocator, ArrowBatches.encode(allocator, six, rows), null);
            assertThat(back.schema()).isEqualTo(six);
            assertThat(back.rows()).isEqualTo(rows);
        }
    }

    @Test void protoTypeKeepsThePrecision() {
        for (DataType t : List.of(DataTypes.TIME, DataTypes.time(0), DataTypes.time(3))) {
            assertThat(ProtoTypes.fromProto(ProtoTypes.toProto(t))).isEqualTo(t);
        }
        var bare = org.apache.spark.connect.proto.DataType.newBuilder().setTime(org.apache.spark.connect.proto.DataType.Time.getDefaultInstance()).build();
        assertThat(ProtoTypes.fromProto(bare)).isEqualTo(DataTypes.TIME);
    }

    @Test void timeLiteralsAreTypedByTheirPrecision() {
        var lit = org.apache.spark.connect.proto.Expression.Literal.newBuilder()
                .setTime(org.apache.spark.connect.proto.Expression.Literal.Time.newBuilder().setNano(23_445_887_000_000L).setPrecision(3)).build();
        var expr = (dev.sluice.expr.Literal) Literals.toColumn(lit).expr();
        assertThat(expr.dataType()).isEqualTo(DataTypes.time(3));
        assertThat(expr.value()).isEqualTo(LocalTime.of(6, 30, 45, 887_000_000));
        assertThat(Literals.value(lit)).isEqualTo(LocalTime.of(6, 30, 45, 887_000_000));
    }
}
