package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.sluice.expr.fn.Fn.bind;
import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static dev.sluice.expr.fn.Fn.lit;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1, see /work/scratch/spark-oracle/out/fnlib_hash.txt. */
class HashFunctionsTest {
    @Test void digestsAreLowerCaseHex() {
        assertThat(eval("md5", "abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(eval("md5", "")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(eval("md5", (Object) null)).isNull();
        assertThat(eval("md5", new byte[] {1, 2})).isEqualTo("0cb988d042a7f28dd5fe2b55b3f5ac7a");
        fails(ErrorCode.TYPE_MISMATCH, "md5", 1);
        assertThat(eval("sha1", "abc")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(eval("sha", "abc")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(eval("sha2", "abc", 256)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(eval("sha2", "abc", 0)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(eval("sha2", "abc", 224)).isEqualTo("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
        assertThat(eval("sha2", "abc", 384)).isEqualTo("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
        assertThat(eval("sha2", "abc", 512)).isEqualTo("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
        assertThat(eval("sha2", "abc", 1)).isNull();
        assertThat(eval("sha2", "abc", null)).isNull();
        assertThat(eval("crc32", "abc")).isEqualTo(891568578L);
        assertThat(eval("crc32", "")).isEqualTo(0L);
        assertThat(eval("crc32", new byte[] {0, (byte) 0xFF})).isEqualTo(1826356594L);
        assertThat(column("md5", col("string", "abc", null, ""))).containsExactly(
                "900150983cd24fb0d6963f7d28e17f72", null, "d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test void murmur3HashOfScalars() {
        assertThat(eval("hash", 1)).isEqualTo(-559580957);
        assertThat(eval("hash", 0)).isEqualTo(933211791);
        assertThat(eval("hash", -1)).isEqualTo(-1604776387);
        assertThat(eval("hash", Integer.MAX_VALUE)).isEqualTo(133916647);
        assertThat(eval("hash", Integer.MIN_VALUE)).isEqualTo(723455942);
        assertThat(eval("hash", 1L)).isEqualTo(-1712319331);
        assertThat(eval("hash", 0L)).isEqualTo(-1670924195);
        assertThat(eval("hash", -1L)).isEqualTo(-939490007);
        assertThat(eval("hash", Long.MAX_VALUE)).isEqualTo(-1604625029);
        assertThat(eval("hash", Long.MIN_VALUE)).isEqualTo(-853646085);
        assertThat(eval("hash", 1.0)).isEqualTo(-460888942);
        assertThat(eval("hash", 0.0)).isEqualTo(-1670924195);
        assertThat(eval("hash", -0.0)).isEqualTo(-1670924195);
        assertThat(eval("hash", Double.NaN)).isEqualTo(-1281358385);
        assertThat(eval("hash", Double.POSITIVE_INFINITY)).isEqualTo(833680482);
        assertThat(eval("hash", 1.5)).isEqualTo(1290763749);
        assertThat(eval("hash", 1.5f)).isEqualTo(-221251528);
        assertThat(eval("hash", -0.0f)).isEqualTo(933211791);
        assertThat(eval("hash", Float.NaN)).isEqualTo(-349261430);
        assertThat(eval("hash", "abc")).isEqualTo(1322437556);
        assertThat(eval("hash", "")).isEqualTo(142593372);
        assertThat(eval("hash", "a😀b")).isEqualTo(-1183850047);
        assertThat(eval("hash", "héllo wörld, a longer string of 33")).isEqualTo(-1746491361);
        assertThat(eval("hash", (Object) null)).isEqualTo(42);
        assertThat(eval("hash", true)).isEqualTo(-559580957);
        assertThat(eval("hash", false)).isEqualTo(933211791);
        assertThat(eval("hash", LocalDate.of(2024, 1, 15))).isEqualTo(1697177293);
        assertThat(eval("hash", Instant.parse("2024-01-15T10:00:00Z"))).isEqualTo(-2079482790);
        assertThat(eval("hash", new byte[] {1, 2})).isEqualTo(1964783052);
        assertThat(eval("hash", new byte[0])).isEqualTo(142593372);
        assertThat(eval("hash", new byte[] {1, 2, 3, 4, 5, 6})).isEqualTo(-707439997);
    }

    @Test void murmur3HashOfDecimalsDependsOnThePrecision() {
        assertThat(eval("hash", lit(new BigDecimal("1.5"), "decimal(2,1)"))).isEqualTo(-18083236);
        assertThat(eval("hash", lit(new BigDecimal("1.5"), "decimal(18,1)"))).isEqualTo(-18083236);
        assertThat(eval("hash", lit(new BigDecimal("1.5"), "decimal(19,1)"))).isEqualTo(-357711666);
        assertThat(eval("hash", lit(new BigDecimal("1"), "decimal(20,0)"))).isEqualTo(-386724586);
        assertThat(eval("hash", lit(new BigDecimal("-1"), "decimal(20,0)"))).isEqualTo(1398487324);
        assertThat(eval("hash", lit(new BigDecimal("12345678901234567890.123"), "decimal(38,3)"))).isEqualTo(-434902821);
        assertThat(eval("hash", lit(new BigDecimal("0"), "decimal(38,0)"))).isEqualTo(-783713497);
        assertThat(eval("hash", lit(new BigDecimal("-1.5"), "decimal(38,18)"))).isEqualTo(-1875682696);
    }

    @Test void murmur3HashFoldsArgumentsArraysAndStructsSkippingNulls() {
        assertThat(eval("hash", 1, "a")).isEqualTo(-936062819);
        assertThat(eval("hash", "a", 1)).isEqualTo(532252686);
        assertThat(eval("hash", 1, 2, 3)).isEqualTo(-912918097);
        assertThat(eval("hash", lit(null, "int"), 1)).isEqualTo(-559580957);
        assertThat(eval("hash", 1, lit(null, "int"))).isEqualTo(-559580957);
        assertThat(eval("hash", lit(List.of(1, 2), "array<int>"))).isEqualTo(-222940379);
        assertThat(eval("hash", lit(List.of(), "array<int>"))).isEqualTo(42);
        assertThat(eval("hash", lit(Arrays.asList((Object) null), "array<int>"))).isEqualTo(42);
        assertThat(eval("hash", lit(Arrays.asList(1, null), "array<int>"))).isEqualTo(-559580957);
        assertThat(eval("hash", lit(List.of("a", "b"), "array<string>"))).isEqualTo(190734147);
        assertThat(eval("hash", lit(List.of(List.of(1)), "array<array<int>>"))).isEqualTo(-559580957);
        StructType s = StructType.fromDDL("a INT, b STRING");
        assertThat(eval("hash", lit(Row.of(s, 1, "x"), "struct<a:int,b:string>"))).isEqualTo(-1305545736);
        assertThat(eval("hash", lit(null, "array<int>"))).isEqualTo(42);
        assertThat(bind("hash", (Object) null).nullable()).isFalse();
        fails(ErrorCode.TYPE_MISMATCH, "hash", lit(Map.of(1, "a"), "map<int,string>"));
        fails(ErrorCode.INVALID_ARGUMENT, "hash");
        assertThat(column("hash", col("int", 1, null, 0), col("string", "a", "a", null))).containsExactly(-936062819, 
                (int) eval("hash", "a"), 933211791);
    }

    @Test void xxhash64OfEveryType() {
        assertThat(eval("xxhash64", 1)).isEqualTo(-6698625589789238999L);
        assertThat(eval("xxhash64", 0)).isEqualTo(3614696996920510707L);
        assertThat(eval("xxhash64", -1)).isEqualTo(2017008487422258757L);
        assertThat(eval("xxhash64", Integer.MAX_VALUE)).isEqualTo(1508894993788531228L);
        assertThat(eval("xxhash64", 1L)).isEqualTo(-7001672635703045582L);
        assertThat(eval("xxhash64", -1L)).isEqualTo(3858142552250413010L);
        assertThat(eval("xxhash64", Long.MAX_VALUE)).isEqualTo(-3246596055638297850L);
        assertThat(eval("xxhash64", 1.0)).isEqualTo(-2162451265447482029L);
        assertThat(eval("xxhash64", 0.0)).isEqualTo(-5252525462095825812L);
        assertThat(eval("xxhash64", -0.0)).isEqualTo(-5252525462095825812L);
        assertThat(eval("xxhash64", Double.NaN)).isEqualTo(-3127944061524951246L);
        assertThat(eval("xxhash64", 1.5)).isEqualTo(7738255526519901366L);
        assertThat(eval("xxhash64", 1.5f)).isEqualTo(6163473420726370430L);
        assertThat(eval("xxhash64", -0.0f)).isEqualTo(3614696996920510707L);
        assertThat(eval("xxhash64", Float.NaN)).isEqualTo(2692338816207849720L);
        assertThat(eval("xxhash64", "abc")).isEqualTo(1423657621850124518L);
        assertThat(eval("xxhash64", "")).isEqualTo(-7444071767201028348L);
        assertThat(eval("xxhash64", "a😀b")).isEqualTo(3615198219860056391L);
        assertThat(eval("xxhash64", "héllo wörld, a longer string of 33")).isEqualTo(543624826441489794L);
        assertThat(eval("xxhash64", "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz")).isEqualTo(-7600957943877686576L);
        assertThat(eval("xxhash64", (Object) null)).isEqualTo(42L);
        assertThat(eval("xxhash64", 1, "a")).isEqualTo(8205864924878002737L);
        assertThat(eval("xxhash64", true)).isEqualTo(-6698625589789238999L);
        assertThat(eval("xxhash64", LocalDate.of(2024, 1, 15))).isEqualTo(2166432641145730595L);
        assertThat(eval("xxhash64", Instant.parse("2024-01-15T10:00:00Z"))).isEqualTo(8414929465308532436L);
        assertThat(eval("xxhash64", lit(new BigDecimal("1.5"), "decimal(2,1)"))).isEqualTo(3132713209420183794L);
        assertThat(eval("xxhash64", lit(new BigDecimal("1"), "decimal(20,0)"))).isEqualTo(6668291691252061002L);
        assertThat(eval("xxhash64", lit(new BigDecimal("-1"), "decimal(20,0)"))).isEqualTo(-4006032525457443936L);
        assertThat(eval("xxhash64", lit(new BigDecimal("12345678901234567890.123"), "decimal(38,3)"))).isEqualTo(1409737168217643118L);
        assertThat(eval("xxhash64", lit(List.of(1, 2), "array<int>"))).isEqualTo(-8133857028838179022L);
        assertThat(eval("xxhash64", lit(Arrays.asList((Object) null), "array<int>"))).isEqualTo(42L);
        assertThat(eval("xxhash64", lit(Row.of(StructType.fromDDL("a INT, b STRING"), 1, "x"), "struct<a:int,b:string>"))).isEqualTo(8510603489595372987L);
        assertThat(eval("xxhash64", new byte[] {1, 2})).isEqualTo(-449066226287847073L);
        assertThat(eval("xxhash64", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9})).isEqualTo(6467466876709027683L);
        assertThat(eval("xxhash64", lit(null, "int"), 1)).isEqualTo(-6698625589789238999L);
    }
}
