package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobPatternTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "*.json|a.json|true",
            "*.json|a.jsonl|false",
            "*.json|.json|true",
            "part-?.txt|part-1.txt|true",
            "part-?.txt|part-12.txt|false",
            "[abc].x|b.x|true",
            "[abc].x|d.x|false",
            "[a-c]1|c1|true",
            "[a-c]1|d1|false",
            "[!a]z|bz|true",
            "[!a]z|az|false",
            "[^a]z|az|false",
            "{a,bb}.csv|bb.csv|true",
            "{a,bb}.csv|a.csv|true",
            "{a,bb}.csv|b.csv|false",
            "{x*,y{1,2}}|xzz|true",
            "{x*,y{1,2}}|y2|true",
            "{x*,y{1,2}}|y3|false",
            "a\\*b|a*b|true",
            "a\\*b|axb|false",
            "(x)+.|(x)+.|true",
            "[.]x|.x|true",
            "a,b|a,b|true",
    })
    void matches(String glob, String name, boolean expected) {
        assertThat(GlobPattern.compile(glob).matches(name)).isEqualTo(expected);
    }

    @Test void detectsWildcardsButNotEscapedOnes() {
        assertThat(GlobPattern.hasWildcard("a*")).isTrue();
        assertThat(GlobPattern.hasWildcard("{a,b}")).isTrue();
        assertThat(GlobPattern.hasWildcard("a\\*")).isFalse();
        assertThat(GlobPattern.hasWildcard("plain.json")).isFalse();
        assertThat(GlobPattern.unescape("a\\*b")).isEqualTo("a*b");
    }

    @Test void expandsBracesThatSpanSegments() {
        assertThat(GlobPattern.expandBracesAcrossSegments("logs/{2024/12,2025/{01,02}}/*.json"))
                .containsExactly("logs/2024/12/*.json", "logs/2025/{01,02}/*.json");   // inner braces stay in their segment
        assertThat(GlobPattern.expandBracesAcrossSegments("logs/{a,b}/{c/d,e}"))
                .containsExactly("logs/{a,b}/c/d", "logs/{a,b}/e");
        assertThat(GlobPattern.expandBracesAcrossSegments("logs/{a,b}")).containsExactly("logs/{a,b}");
    }

    @Test void rejectsUnclosedGroups() {
        assertThatThrownBy(() -> GlobPattern.compile("{a,b"))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> GlobPattern.compile("[ab"))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
