package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.sluice.expr.fn.Fn.col;
import static dev.sluice.expr.fn.Fn.column;
import static dev.sluice.expr.fn.Fn.eval;
import static dev.sluice.expr.fn.Fn.fails;
import static dev.sluice.expr.fn.Fn.sql;
import static org.assertj.core.api.Assertions.assertThat;

/** Values observed on Spark 4.1.1 (ANSI), see /work/scratch/spark-oracle/out/fnlib_strings.txt. */
class RegexFunctionsTest {
    @Test void splitKeepsTrailingEmptyStrings() {
        assertThat(eval("split", "a1b22c", "[0-9]+")).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval("split", "abc", "")).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval("split", "abc", "", 2)).isEqualTo(List.of("a", "bc"));
        assertThat(eval("split", "a,b,c", ",", 2)).isEqualTo(List.of("a", "b,c"));
        assertThat(eval("split", "a,b,c", ",", 1)).isEqualTo(List.of("a,b,c"));
        assertThat(eval("split", "a,b,c,,", ",", 0)).isEqualTo(List.of("a", "b", "c", "", ""));
        assertThat(eval("split", "a.b", ".")).isEqualTo(List.of("", "", "", ""));
        assertThat(eval("split", "a😀b😀c", "😀")).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval("split", null, ",")).isNull();
        assertThat(eval("split", "a,b", null)).isNull();
        fails(ErrorCode.INVALID_ARGUMENT, "split", "a,b", "(");
        assertThat(sql("split", "s", "l")).isEqualTo("split(s, l, -1)");
        assertThat(column("split", col("string", "a,b", null, "c"), col("string", ",", ",", "x")))
                .containsExactly(List.of("a", "b"), null, List.of("c"));
    }

    @Test void regexpExtractChecksTheGroupIndex() {
        assertThat(eval("regexp_extract", "100-200", "(\\d+)-(\\d+)", 1)).isEqualTo("100");
        assertThat(eval("regexp_extract", "100-200", "(\\d+)-(\\d+)", 0)).isEqualTo("100-200");
        assertThat(eval("regexp_extract", "100-200", "(\\d+)-(\\d+)")).isEqualTo("100");
        assertThat(eval("regexp_extract", "abc", "(\\d+)", 1)).isEqualTo("");
        assertThat(eval("regexp_extract", "abc", "(x)?b", 1)).isEqualTo("");
        assertThat(eval("regexp_extract", null, "b", 0)).isNull();
        fails(ErrorCode.INVALID_ARGUMENT, "regexp_extract", "100-200", "(\\d+)-(\\d+)", 3);
        fails(ErrorCode.INVALID_ARGUMENT, "regexp_extract", "100-200", "(\\d+)-(\\d+)", -1);
        fails(ErrorCode.INVALID_ARGUMENT, "regexp_extract", "abc", "b");
        fails(ErrorCode.INVALID_ARGUMENT, "regexp_extract", "abc", "(", 1);
        assertThat(sql("regexp_extract", "s", "l")).isEqualTo("regexp_extract(s, l, 1)");
    }

    @Test void regexpReplaceUsesJavaReplacementsFromAPosition() {
        assertThat(eval("regexp_replace", "abc", "b", "$0$0")).isEqualTo("abbc");
        assertThat(eval("regexp_replace", "aaa", "a", "x", 2)).isEqualTo("axx");
        assertThat(eval("regexp_replace", "aaa", "a*", "x")).isEqualTo("xx");
        assertThat(eval("regexp_replace", "abc", "", "-")).isEqualTo("-a-b-c-");
        assertThat(eval("regexp_replace", "abc", "b", "\\$")).isEqualTo("a$c");
        assertThat(eval("regexp_replace", "abc", "b", "x", 10)).isEqualTo("abc");
        assertThat(eval("regexp_replace", "a.b.c", "\\.", "/")).isEqualTo("a/b/c");
        assertThat(eval("regexp_replace", null, "b", "x")).isNull();
        fails(ErrorCode.INVALID_ARGUMENT, "regexp_replace", "abc", "(", "x");
        fails(ErrorCode.INVALID_ARGUMENT, "regexp_replace", "abc", "b", "$2");
        fails(ErrorCode.INVALID_ARGUMENT, "regexp_replace", "abc", "b", "x", 0);
        assertThat(sql("regexp_replace", "s", "l", "L")).isEqualTo("regexp_replace(s, l, L, 1)");
        assertThat(column("regexp_replace", col("string", "a1", "b22", null), "\\d", "#")).containsExactly("a#", "b##", null);
    }

    @Test void rlikeFindsAMatchAnywhere() {
        assertThat(eval("rlike", "abc", "b")).isEqualTo(true);
        assertThat(eval("rlike", "abc", "^b")).isEqualTo(false);
        assertThat(eval("rlike", "", "")).isEqualTo(true);
        assertThat(eval("rlike", null, "a")).isNull();
        fails(ErrorCode.INVALID_ARGUMENT, "rlike", "abc", "(");
        assertThat(sql("rlike", "s", "H")).isEqualTo("RLIKE(s, H)");
        assertThat(column("rlike", col("string", "x1", "y", null), col("string", "\\d", "\\d", "a"))).containsExactly(true, false, null);
    }

    @Test void likeHasWildcardsAndAnEscape() {
        assertThat(eval("like", "abc", "a%")).isEqualTo(true);
        assertThat(eval("like", "abc", "a_c")).isEqualTo(true);
        assertThat(eval("like", "abc", "A%")).isEqualTo(false);
        assertThat(eval("like", "a_c", "a\\_c")).isEqualTo(true);
        assertThat(eval("like", "abc", "a\\_c")).isEqualTo(false);
        assertThat(eval("like", "a%b", "a#%b", "#")).isEqualTo(true);
        assertThat(eval("like", "axb", "a#%b", "#")).isEqualTo(false);
        assertThat(eval("like", "a\nb", "a_b")).isEqualTo(true);
        assertThat(eval("like", "", "")).isEqualTo(true);
        assertThat(eval("like", "", "%")).isEqualTo(true);
        assertThat(eval("like", "a.c", "a.c")).isEqualTo(true);
        assertThat(eval("like", "abc", "a.c")).isEqualTo(false);
        assertThat(eval("like", "a\\b", "a\\\\b")).isEqualTo(true);
        assertThat(eval("like", null, "a")).isNull();
        fails(ErrorCode.INVALID_ARGUMENT, "like", "a", "a\\");
        fails(ErrorCode.INVALID_ARGUMENT, "like", "a", "\\a");
        assertThat(sql("like", "s", "H%")).isEqualTo("s LIKE H%");
        assertThat(column("like", col("string", "ab", "ba", null), "a%")).containsExactly(true, false, null);
        assertThat(Arrays.asList(1)).hasSize(1);
    }
}
