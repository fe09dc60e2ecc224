package dev.sluice.spark;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.types.YearMonthIntervalType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** tinyint, smallint, timestamp_ntz, time(p) and the ANSI interval types map to Spark's types and back, fields included. */
class NewSparkTypesTest {
    @Test void mapsEveryNewTypeBothWays() {
        for (DataType t : List.of(DataTypes.BYTE, DataTypes.SHORT, DataTypes.TIMESTAMP_NTZ, new YearMonthIntervalType(0, 0),
                new YearMonthIntervalType(1, 1), DataTypes.YEAR_MONTH_INTERVAL, new DayTimeIntervalType(0, 0),
                new DayTimeIntervalType(1, 3), DataTypes.DAY_TIME_INTERVAL, DataTypes.TIME, DataTypes.time(0), DataTypes.time(3))) {
            org.apache.spark.sql.types.DataType spark = SparkTypes.toSpark(t);
            assertThat(spark.simpleString()).isEqualTo(t.simpleString());
            assertThat(SparkTypes.fromSpark(spark)).isEqualTo(t);
        }
    }
}
