package dev.sluice.io.csv;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Field splitting; every expectation was observed on Spark 4.1.1 (see /work/notes/spark-oracle.md, CSV). */
class CsvTokenizerTest {
    private static List<String> split(String record, String... options) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < options.length; i += 2) m.put(options[i], options[i + 1]);
        CsvTokenizer t = new CsvTokenizer(CsvOptions.forReading(m));
        t.tokenize(record, null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.count(); i++) out.add(t.field(i));
        return out;
    }

    @Test void splitsPlainAndQuotedFields() {
        assertThat(split("plain,x")).containsExactly("plain", "x");
        assertThat(split("\"a,b\",x")).containsExactly("a,b", "x");
        assertThat(split("a,")).containsExactly("a", null);
        assertThat(split(",x")).containsExactly(null, "x");
    }

    @Test void backslashEscapesAQuoteOrItselfOnlyInsideQuotes() {
        assertThat(split("\"a\\\"b\",x")).containsExactly("a\"b", "x");
        assertThat(split("\"a\\\\b\",x")).containsExactly("a\\b", "x");
        assertThat(split("a\\b,x")).containsExactly("a\\b", "x");
        assertThat(split("a\"b,x")).containsExactly("a\"b", "x");
    }

    @Test void textAfterAClosingQuoteKeepsTheRawField() {
        assertThat(split("\"a\"\"b\",x")).containsExactly("\"a\"\"b\"", "x");
        assertThat(split("\"x\" y,x")).containsExactly("\"x\" y", "x");
    }

    @Test void escapeEqualToQuoteMeansDoubledQuotes() {
        assertThat(split("\"a\"\"b\",x", "escape", "\"")).containsExactly("a\"b", "x");
        assertThat(split("\"a\\\"b\",x", "escape", "\"")).containsExactly("\"a\\\"b\"", "x");
        assertThat(split("\"a\\\\b\",x", "escape", "\"")).containsExactly("a\\\\b", "x");
    }

    @Test void quotedEmptyIsTheEmptyValueAndUnquotedEmptyIsNull() {
        assertThat(split("\"\",x")).containsExactly("", "x");
        assertThat(split("\"\",,x", "emptyValue", "E")).containsExactly("E", null, "x");
    }

    @Test void whitespaceIsKeptUnlessAskedOtherwiseAndQuotedWhitespaceAlwaysKept() {
        assertThat(split(" sp ,\" qsp \"")).containsExactly(" sp ", " qsp ");
        assertThat(split(" sp ,\" qsp \"", "ignoreLeadingWhiteSpace", "true", "ignoreTrailingWhiteSpace", "true"))
                .containsExactly("sp", " qsp ");
        assertThat(split(" sp ,x", "ignoreLeadingWhiteSpace", "true")).containsExactly("sp ", "x");
    }

    @Test void anUnclosedQuoteTakesTheRestOfTheRecord() {
        CsvTokenizer t = new CsvTokenizer(CsvOptions.forReading(Map.of()));
        t.tokenize("\"unclosed,x", null);
        assertThat(t.count()).isEqualTo(1);
        assertThat(t.field(0)).isEqualTo("unclosed,x");
        assertThat(t.endedInsideQuotes()).isTrue();
    }

    @Test void otherQuotesAndSeparators() {
        assertThat(split("'a,b',x", "quote", "'")).containsExactly("a,b", "x");
        assertThat(split("\"c,d", "quote", "'")).containsExactly("\"c", "d");
        assertThat(split("\"a,b\",x", "quote", "")).containsExactly("\"a", "b\"", "x");
        assertThat(split("y|y||2", "sep", "||")).containsExactly("y|y", "2");
        assertThat(split("x\t1", "sep", "\\t")).containsExactly("x", "1");
        assertThat(split("x;1", "delimiter", ";")).containsExactly("x", "1");
    }

    @Test void fieldsNotNeededAreScannedButNotCopied() {
        CsvTokenizer t = new CsvTokenizer(CsvOptions.forReading(Map.of()));
        boolean[] needed = {false, true, false};
        t.tokenize("a,\"b,c\",d,e", needed);
        assertThat(t.count()).isEqualTo(4);
        assertThat(Arrays.asList(t.field(0), t.field(1), t.field(2), t.field(3))).containsExactly(null, "b,c", null, null);
    }
}
