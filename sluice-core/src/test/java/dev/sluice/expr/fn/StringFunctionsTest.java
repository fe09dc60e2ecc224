package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static dev.sluice.expr.fn.Fn.bind;
import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static dev.sluice.expr.fn.Fn.lit;
import static dev.sluice.expr.fn.Fn.sql;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1 (ANSI), see /work/scratch/spark-oracle/out/fnlib_strings.txt. */
class StringFunctionsTest {
    @Test void concatWsSkipsNullsAndFlattensArrays() {
        assertThat(eval("concat_ws", ",", "a", null, "b")).isEqualTo("a,b");
        assertThat(eval("concat_ws", null, "a", "b")).isNull();
        assertThat(eval("concat_ws", ",", lit(Arrays.asList("a", null, "b"), "array<string>"), "c")).isEqualTo("a,b,c");
        assertThat(eval("concat_ws", ",")).isEqualTo("");
        assertThat(eval("concat_ws", ",", 1, 2)).isEqualTo("1,2");
        assertThat(eval("concat_ws", ",", lit(List.of(1, 2), "array<int>"))).isEqualTo("1,2");
        assertThat(eval("concat_ws", ",", lit(null, "array<string>"), "x")).isEqualTo("x");
        assertThat(bind("concat_ws", ",", col("string", "a")).nullable()).isFalse();
        assertThat(column("concat_ws", "-", col("string", "a", null, "😀"), col("string", null, null, "b")))
                .containsExactly("a", "", "😀-b");
    }

    @Test void instrAndLocateCountCharacters() {
        assertThat(eval("instr", "hello", "l")).isEqualTo(3);
        assertThat(eval("instr", "hello", "")).isEqualTo(1);
        assertThat(eval("instr", "", "")).isEqualTo(1);
        assertThat(eval("instr", "hello", "z")).isEqualTo(0);
        assertThat(eval("instr", null, "a")).isNull();
        assertThat(eval("instr", "a😀b", "b")).isEqualTo(3);
        assertThat(eval("locate", "l", "hello")).isEqualTo(3);
        assertThat(eval("locate", "l", "hello", 4)).isEqualTo(4);
        assertThat(eval("locate", "l", "hello", 0)).isEqualTo(0);
        assertThat(eval("locate", "l", "hello", -1)).isEqualTo(0);
        assertThat(eval("locate", "", "hello", 9)).isEqualTo(1);
        assertThat(eval("locate", "", "hello", 0)).isEqualTo(0);
        assertThat(eval("locate", "l", "hello", null)).isEqualTo(0);
        assertThat(bind("locate", "l", "hello", null).nullable()).isFalse();
        assertThat(eval("locate", "b", "a😀b")).isEqualTo(3);
        assertThat(eval("position", "l", "hello")).isEqualTo(3);
        assertThat(sql("locate", "l", "s")).isEqualTo("locate(l, s, 1)");
    }

    @Test void padsCutOrFillByCharacters() {
        assertThat(eval("lpad", "hi", 5, "ab")).isEqualTo("abahi");
        assertThat(eval("lpad", "hi", 1, "ab")).isEqualTo("h");
        assertThat(eval("lpad", "hi", 5, "")).isEqualTo("hi");
        assertThat(eval("lpad", "hi", -1, "a")).isEqualTo("");
        assertThat(eval("lpad", "hi", 5)).isEqualTo("   hi");
        assertThat(eval("rpad", "hi", 5, "ab")).isEqualTo("hiaba");
        assertThat(eval("rpad", "hi", 1, "ab")).isEqualTo("h");
        assertThat(eval("rpad", "hi", 5)).isEqualTo("hi   ");
        assertThat(eval("lpad", "a😀", 4, "😀x")).isEqualTo("😀xa😀");
        assertThat(eval("lpad", null, 4, "x")).isNull();
        assertThat(eval("lpad", "a", null, "x")).isNull();
        assertThat(sql("lpad", "s", 8)).isEqualTo("lpad(s, 8,  )");
    }

    @Test void trimsTakeSparksSqlArgumentOrder() {
        assertThat(eval("ltrim", "xxaxx", "x")).isEqualTo("");
        assertThat(eval("ltrim", "x", "xxaxx")).isEqualTo("axx");
        assertThat(eval("rtrim", "x", "xxaxx")).isEqualTo("xxa");
        assertThat(eval("ltrim", "xy", "xyxaxy")).isEqualTo("axy");
        assertThat(eval("rtrim", "xy", "xyxaxy")).isEqualTo("xyxa");
        assertThat(eval("ltrim", "  a  ")).isEqualTo("a  ");
        assertThat(eval("ltrim", "", "xxa")).isEqualTo("xxa");
        assertThat(eval("ltrim", "😀", "😀😀a😀")).isEqualTo("a😀");
        assertThat(eval("ltrim", null, "x")).isNull();
        assertThat(sql("ltrim", "H", "s")).isEqualTo("TRIM(LEADING H FROM s)");
        assertThat(sql("rtrim", "o", "s")).isEqualTo("TRIM(TRAILING o FROM s)");
    }

    @Test void initcapTitleCasesWordsSeparatedBySpaces() {
        assertThat(eval("initcap", "hello wORLD")).isEqualTo("Hello World");
        assertThat(eval("initcap", "a-b c_d")).isEqualTo("A-b C_d");
        assertThat(eval("initcap", "")).isEqualTo("");
        assertThat(eval("initcap", "  x  y")).isEqualTo("  X  Y");
        assertThat(eval("initcap", "élan ÉLAN")).isEqualTo("Élan Élan");
        assertThat(eval("initcap", "a\tb")).isEqualTo("A\tb");
        assertThat(eval("initcap", "ǆa")).isEqualTo("ǅa");
        assertThat(eval("initcap", "ßa")).isEqualTo("Ssa");
        assertThat(eval("initcap", (Object) null)).isNull();
    }

    @Test void reverseRepeatTranslate() {
        assertThat(eval("reverse", "a😀b")).isEqualTo("b😀a");
        assertThat(eval("reverse", "")).isEqualTo("");
        assertThat(eval("reverse", lit(Arrays.asList(1, 2, null), "array<int>"))).isEqualTo(Arrays.asList(null, 2, 1));
        assertThat(column("reverse", col("array<int>", List.of(1, 2), null, List.of()))).containsExactly(List.of(2, 1), null, List.of());
        assertThat(eval("repeat", "ab", 3)).isEqualTo("ababab");
        assertThat(eval("repeat", "ab", 0)).isEqualTo("");
        assertThat(eval("repeat", "ab", -1)).isEqualTo("");
        assertThat(eval("repeat", "ab", null)).isNull();
        assertThat(column("repeat", col("string", "é", null, ""), 2)).containsExactly("éé", null, "");
        assertThat(eval("translate", "abcabc", "abc", "x")).isEqualTo("xx");
        assertThat(eval("translate", "abc", "", "x")).isEqualTo("abc");
        assertThat(eval("translate", "a😀c", "😀", "X")).isEqualTo("aXc");
        assertThat(eval("translate", "aaa", "aa", "xy")).isEqualTo("xxx");
        assertThat(eval("translate", "abc", "cba", "xyz")).isEqualTo("zyx");
        assertThat(eval("translate", "abc", "ab", "12345")).isEqualTo("12c");
        assertThat(eval("translate", null, "a", "b")).isNull();
    }

    @Test void substringIndexCountsFromEitherEnd() {
        assertThat(eval("substring_index", "a.b.c", ".", 2)).isEqualTo("a.b");
        assertThat(eval("substring_index", "a.b.c", ".", -2)).isEqualTo("b.c");
        assertThat(eval("substring_index", "a.b.c", ".", 0)).isEqualTo("");
        assertThat(eval("substring_index", "a.b.c", "", 1)).isEqualTo("");
        assertThat(eval("substring_index", "a..b..c", "..", 2)).isEqualTo("a..b");
        assertThat(eval("substring_index", "a.b.c", ".", 5)).isEqualTo("a.b.c");
        assertThat(eval("substring_index", "a.b.c", ".", -5)).isEqualTo("a.b.c");
        assertThat(eval("substring_index", "aaa", "aa", -1)).isEqualTo("");
        assertThat(eval("substring_index", "aaa", "aa", 1)).isEqualTo("");
        assertThat(eval("substring_index", null, ".", 1)).isNull();
    }

    @Test void formatStringUsesJavaFormatterWithSparksValues() {
        assertThat(eval("format_string", "%d %s", 1, "a")).isEqualTo("1 a");
        assertThat(eval("format_string", "%5.2f", 3.14159)).isEqualTo(" 3.14");
        assertThat(eval("format_string", "%s", null)).isEqualTo("null");
        assertThat(eval("format_string", "%x", 255)).isEqualTo("ff");
        assertThat(eval("format_string", "%05d", -42)).isEqualTo("-0042");
        assertThat(eval("format_string", "%s", 1.0E10)).isEqualTo("1.0E10");
        assertThat(eval("format_string", "%s", new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(eval("format_string", "%s", LocalDate.of(2024, 1, 15))).isEqualTo("19737");
        assertThat(eval("format_string", "%s", Instant.parse("2024-01-15T10:00:00Z"))).isEqualTo("1705312800000000");
        assertThat(eval("format_string", null, 1)).isNull();
        assertThat(eval("format_string", "%.3e", 12345.678)).isEqualTo("1.235e+04");
        assertThat(eval("format_string", "%,d", 1234567)).isEqualTo("1,234,567");
        assertThat(eval("format_string", "%2$s %1$s", "a", "b")).isEqualTo("b a");
        assertThat(eval("format_string", "%c", 65)).isEqualTo("A");
        assertThat(eval("printf", "%d", 1)).isEqualTo("1");
        fails(ErrorCode.INVALID_ARGUMENT, "format_string", "%d", "x");
        fails(ErrorCode.INVALID_ARGUMENT, "format_string", "%s %s", "a");
    }
}
