package dev.sluice.connect;

import dev.sluice.types.ArrayType;
import dev.sluice.types.Collation;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StringType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The proto string type carries the collation's name, as Spark's Connect client sends it; UTF8_BINARY sends none. */
class CollationProtoTest {
    @Test void collatedStringTypesRoundTripThroughTheProto() {
        for (DataType t : List.<DataType>of(StringType.of(Collation.UTF8_LCASE), StringType.of(Collation.of("de_ci_ai")),
                new ArrayType(StringType.of(Collation.of("UNICODE_RTRIM")), true), DataTypes.STRING)) {
            assertThat(ProtoTypes.fromProto(ProtoTypes.toProto(t))).isEqualTo(t);
        }
        assertThat(ProtoTypes.toProto(StringType.of(Collation.of("unicode_ci"))).getString().getCollation()).isEqualTo("UNICODE_CI");
        assertThat(ProtoTypes.toProto(DataTypes.STRING).getString().getCollation()).isEmpty();
    }
}
