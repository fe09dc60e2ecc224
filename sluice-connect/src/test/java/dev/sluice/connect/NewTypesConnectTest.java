package dev.sluice.connect;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.YearMonthIntervalType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** tinyint, smallint, timestamp_ntz and ANSI intervals in Spark Connect's Arrow and proto forms (as Spark's ArrowUtils). */
class NewTypesConnectTest {
    static final StructType SCHEMA = StructType.of(StructField.of("b", DataTypes.BYTE), StructField.of("s", DataTypes.SHORT),
            StructField.of("ntz", DataTypes.TIMESTAMP_NTZ), StructField.of("ym", DataTypes.YEAR_MONTH_INTERVAL),
            StructField.of("dt", DataTypes.DAY_TIME_INTERVAL));

    @Test void arrowTypesAreSparks() {
        var fields = ArrowTypes.schema(SCHEMA).getFields();
        assertThat(fields.get(0).getType()).isEqualTo(new ArrowType.Int(8, true));
        assertThat(fields.get(1).getType()).isEqualTo(new ArrowType.Int(16, true));
        assertThat(fields.get(2).getType()).isEqualTo(new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, null));
        assertThat(fields.get(3).getType()).isEqualTo(new ArrowType.Interval(org.apache.arrow.vector.types.IntervalUnit.YEAR_MONTH));
        assertThat(fields.get(4).getType()).isEqualTo(new ArrowType.Duration(org.apache.arrow.vector.types.TimeUnit.MICROSECOND));
    }

    @Test void valuesSurviveAnArrowRoundTrip() {
        List<Row> rows = List.of(
                Row.of(SCHEMA, (byte) -128, (short) 32767, LocalDateTime.of(2021, 12, 6, 1, 2, 3, 456_789_000), Period.of(-1, -2, 0),
                        Duration.ofHours(-34).plusNanos(1000)),
                Row.of(SCHEMA, null, null, null, null, null));
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE)) {
            ArrowRows.Decoded back = ArrowRows.decode(allocator, ArrowBatches.encode(allocator, SCHEMA, rows), null);
            assertThat(back.schema()).isEqualTo(SCHEMA);
            assertThat(back.rows()).isEqualTo(rows);
        }
    }

    @Test void protoTypesRoundTripWithTheirFields() {
        for (DataType t : List.of(DataTypes.BYTE, DataTypes.SHORT, DataTypes.TIMESTAMP_NTZ, new YearMonthIntervalType(0, 0),
                new YearMonthIntervalType(0, 1), new DayTimeIntervalType(1, 2), DataTypes.DAY_TIME_INTERVAL)) {
            assertThat(ProtoTypes.fromProto(ProtoTypes.toProto(t))).isEqualTo(t);
        }
    }
}
