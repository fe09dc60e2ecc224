package dev.sluice.io.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte tokenizer cuts every line into the fields {@link CsvTokenizer} gives its text. */
class CsvByteTokenizerTest {
    static final String[] PIECES = {",", "\"", "\"\"", "\\", "\\\"", "'", " ", "\t", "||", "|", "a", "1", "", "\u00e9",
        "\ud83d\ude00", "\u0000", "\r",
        "abcdefghij", "0123456789abcdefghij", "{x:1,y:[2]}"};   // runs longer than a word, for the word searches

    static List<Map<String, String>> optionSets() {
        List<Map<String, String>> sets = new ArrayList<>(CsvByteReaderTest.optionSets());
        sets.add(Map.of("escape", "\u0000"));
        sets.add(Map.of("sep", "|", "quote", "'", "escape", "'", "emptyValue", "E"));
        sets.add(Map.of("sep", "||", "emptyValue", "E", "ignoreLeadingWhiteSpace", "true"));
        return sets;
    }

    @Test void randomLinesGiveTheFieldsOfTheCharTokenizer() {
        SplittableRandom random = new SplittableRandom(3);
        for (Map<String, String> options : optionSets()) {
            CsvOptions parsed = CsvOptions.forReading(options);
            CsvTokenizer chars = new CsvTokenizer(parsed);
            CsvByteTokenizer bytes = new CsvByteTokenizer(parsed);
            for (int n = 0; n < 30_000; n++) {
                StringBuilder sb = new StringBuilder();
                for (int k = random.nextInt(12); k >= 0; k--) sb.append(PIECES[random.nextInt(PIECES.length)]);
                boolean[] needed = random.nextInt(3) == 0 ? null : randomNeeded(random);
                assertSameFields(sb.toString(), needed, parsed, chars, bytes);
            }
        }
    }

    /** Lines far longer than the scratch buffer's first size, of quoted values with escapes to rewrite. */
    @Test void longRewrittenValuesGiveTheFieldsOfTheCharTokenizer() {
        SplittableRandom random = new SplittableRandom(5);
        for (Map<String, String> options : optionSets()) {
            CsvOptions parsed = CsvOptions.forReading(options);
            if (parsed.quote() == 0) continue;
            String quote = String.valueOf(parsed.quote()), escape = String.valueOf(parsed.escape());
            String[] inside = {escape + quote, escape + escape, "abcdefghij", "x", parsed.separator(), "\u00e9"};
            CsvTokenizer chars = new CsvTokenizer(parsed);
            CsvByteTokenizer bytes = new CsvByteTokenizer(parsed);
            for (int n = 0; n < 300; n++) {
                StringBuilder sb = new StringBuilder();
                for (int field = random.nextInt(4); field >= 0; field--) {
                    sb.append(quote);
                    for (int k = random.nextInt(600); k >= 0; k--) sb.append(inside[random.nextInt(inside.length)]);
                    sb.append(quote).append(field == 0 ? "" : parsed.separator());
                }
                assertSameFields(sb.toString(), null, parsed, chars, bytes);
            }
        }
    }

    @Test void edgeCasesGiveTheFieldsOfTheCharTokenizer() {
        String[] lines = {"a,\"", "a,\" ", "\"\"", "\"\",\"\"", "\"a,b\",c", "\"a\nb\",c", "\"a\\\"b\"", "\"a\"\"b\"", "\"x\" y,z",
            "\"x\" ,z", " \"x\" ,z", "a,", ",", ",,", "\"unclosed\\\"", "\"\\\\\",x", "\u00e9,\"\u00e9\\\"\u00e9\"", ""};
        for (Map<String, String> options : optionSets()) {
            CsvOptions parsed = CsvOptions.forReading(options);
            for (String line : lines) assertSameFields(line, null, parsed, new CsvTokenizer(parsed), new CsvByteTokenizer(parsed));
        }
    }

    @Test void aQuotedEmptyValueAndAnEmptyUnclosedQuoteDiffer() {
        CsvOptions options = CsvOptions.forReading(Map.of("emptyValue", "E"));
        CsvByteTokenizer bytes = new CsvByteTokenizer(options);
        assertThat(fields(bytes, "\"\",\"", null, options)).containsExactly("E", "");
        assertThat(fields(bytes, "a,,\"x\\\"y\"", null, options)).containsExactly("a", null, "x\"y");
    }

    private static boolean[] randomNeeded(SplittableRandom random) {
        boolean[] needed = new boolean[random.nextInt(8)];
        for (int i = 0; i < needed.length; i++) needed[i] = random.nextBoolean();
        return needed;
    }

    private static void assertSameFields(String line, boolean[] needed, CsvOptions options, CsvTokenizer chars, CsvByteTokenizer bytes) {
        int count = chars.tokenize(line, needed);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) expected.add(chars.field(i));
        assertThat(fields(bytes, line, needed, options)).as("line [%s], needed %s, options %s", line, Arrays.toString(needed), options)
                .isEqualTo(expected);
    }

    /** The fields as Strings, the line placed at an offset inside a bigger buffer. */
    private static List<String> fields(CsvByteTokenizer bytes, String line, boolean[] needed, CsvOptions options) {
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[text.length + 10];
        Arrays.fill(buf, (byte) ',');
        System.arraycopy(text, 0, buf, 5, text.length);
        int count = bytes.tokenize(buf, 5, 5 + text.length, needed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            switch (bytes.kind(i)) {
                case CsvByteTokenizer.NULL: out.add(null); break;
                case CsvByteTokenizer.EMPTY: out.add(options.emptyValue()); break;
                case CsvByteTokenizer.LINE: out.add(new String(buf, bytes.start(i), bytes.end(i) - bytes.start(i), StandardCharsets.UTF_8)); break;
                default: out.add(new String(bytes.scratch(), bytes.start(i), bytes.end(i) - bytes.start(i), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
