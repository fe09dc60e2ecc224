package dev.sluice.types;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tinyint, smallint, timestamp_ntz and the ANSI interval types: DDL names and Spark's three text forms. */
class NewTypesDdlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tinyint|tinyint|byte|TINYINT", "byte|tinyint|byte|TINYINT",
            "smallint|smallint|short|SMALLINT", "SHORT|smallint|short|SMALLINT",
            "timestamp_ntz|timestamp_ntz|timestamp_ntz|TIMESTAMP_NTZ",
            "interval year to month|interval year to month|interval year to month|INTERVAL YEAR TO MONTH",
            "INTERVAL YEAR|interval year|interval year|INTERVAL YEAR",
            "interval months|interval month|interval month|INTERVAL MONTH",
            "interval day to second|interval day to second|interval day to second|INTERVAL DAY TO SECOND",
            "interval hour to minute|interval hour to minute|interval hour to minute|INTERVAL HOUR TO MINUTE",
            "interval second|interval second|interval second|INTERVAL SECOND"})
    void parsesEveryNameAndPrintsSparksForms(String ddl, String simple, String typeName, String sql) {
        DataType t = DdlParser.parseType(ddl);
        assertThat(t.simpleString()).isEqualTo(simple);
        assertThat(t.typeName()).isEqualTo(typeName);
        assertThat(t.sql()).isEqualTo(sql);
        assertThat(DdlParser.parseType(t.simpleString())).isEqualTo(t);   // round trip
    }

    @Test void aSchemaWithEveryNewTypeRoundTrips() {
        StructType s = DdlParser.parseSchema("a TINYINT, b SMALLINT NOT NULL, c TIMESTAMP_NTZ, d INTERVAL YEAR TO MONTH, "
                + "e INTERVAL DAY TO SECOND, f array<interval hour>, g map<smallint,tinyint>");
        assertThat(s.simpleString()).isEqualTo("struct<a:tinyint,b:smallint,c:timestamp_ntz,d:interval year to month,"
                + "e:interval day to second,f:array<interval hour>,g:map<smallint,tinyint>>");
        assertThat(DdlParser.parseSchema(s.simpleString()).simpleString()).isEqualTo(s.simpleString());
        assertThat(s.field(1).nullable()).isFalse();
    }

    @Test void refusesAnIntervalRangeThatMixesFamiliesOrRunsBackwards() {
        assertThatThrownBy(() -> DdlParser.parseType("interval year to second"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA));
        assertThatThrownBy(() -> DdlParser.parseType("interval second to day"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA));
    }

    @Test void physicalWidthsAndFamilies() {
        assertThat(DataTypes.BYTE.storesInt()).isTrue();
        assertThat(DataTypes.SHORT.isIntegral()).isTrue();
        assertThat(DataTypes.BYTE.isNumeric()).isTrue();
        assertThat(DataTypes.TIMESTAMP_NTZ.storesLong()).isTrue();
        assertThat(DataTypes.YEAR_MONTH_INTERVAL.storesInt()).isTrue();
        assertThat(DataTypes.DAY_TIME_INTERVAL.storesLong()).isTrue();
        assertThat(DataTypes.DAY_TIME_INTERVAL.isNumeric()).isFalse();
        assertThat(TypeSizes.width(DataTypes.BYTE)).isEqualTo(1);
        assertThat(TypeSizes.width(DataTypes.SHORT)).isEqualTo(2);
    }
}
