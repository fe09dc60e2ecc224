package dev.sluice.json;

import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.sluice.json.JsonTestSupport.opts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fused document walk ({@link EscapedJsonScanner}) on documents of one layout, so that every key is predicted: the
 * key memo's comma-and-key compare after a value, the object's end tested right after a value, unread strings skipped a
 * word at a time and unread nulls in place. Documents whose values are every edge value, whose separators carry spaces,
 * whose unread strings hold a special byte at every offset, and which are cut or edited at every byte, read through the
 * reader with from_json fused and by Jackson alone, give the same rows.
 */
class EscapedJsonScannerWalkTest {
    /** The workload's document; its values are replaced one at a time below. */
    private static final String[] PARTS = {
        "{\"user\":{\"id\":", "2239556822", ",\"country\":", "\"ES\"", ",\"plan\":", "\"free\"", "},\"items\":[{\"sku\":",
        "\"SKU-91535\"", ",\"qty\":", "2", ",\"price\":", "407.54", "},{\"sku\":", "\"SKU-8\"", ",\"qty\":", "1",
        ",\"price\":", "199.78", "}],\"error\":", "null", "}",
    };
    /** What the reads differ in: Q2's pruned schema, Q1's (elements counted only), Q3's, and the whole document. */
    private static final String[] CONTENTS = {
        "struct<user: struct<country: string>, items: array<struct<qty: int, price: double>>>",
        "struct<user: struct<id: bigint, country: string, plan: string>, items: array<struct<>>>",
        "struct<error: struct<code: string, message: string>>",
        StrictJsonScannerTest.CONTENT,
    };
    /**
     * Values next to the ones taken in place: literals one byte off null, and strings that a skip ending at any escape
     * (not only at the closing quote) would end early, leaving a valid-looking rest ({@code "/,"qty":2...}).
     */
    private static final String[] NEAR_VALUES = {"nulx", "nul ", "nu", "n", "\"/", "\"a\\\"", "\"\\\\", "\"/\"", "\"\\/\""};
    /** Pieces of an unread string's content as the document writes them, good and bad. */
    private static final String[] PIECES = {
        "\\\"", "\\\\", "\\/", "\\n", "\\u0041", "\\x", "\"", "\\", "é", "\u0001", "\u007f", " ", ",", "}",
    };

    @Test void everyValueAndSeparatorAtPredictedKeysGivesTheSameRowsBothWays() {
        List<String> docs = new ArrayList<>();
        String plain = String.join("", PARTS);
        for (int p = 1; p < PARTS.length; p += 2) {   // each value position
            for (String v : StrictJsonScannerTest.SCALARS) {
                docs.add(plain);   // keeps the memos on the layout
                docs.add(with(p, v));
            }
            for (String v : NEAR_VALUES) {
                docs.add(plain);
                docs.add(with(p, v));
            }
        }
        for (int p = 0; p < PARTS.length; p += 2) {   // spaces around each separator and colon
            for (String spaced : new String[] {" ", "  "}) {
                docs.add(plain);
                docs.add(String.join("", edited(p, PARTS[p].replace(",", spaced + ",").replace(":", spaced + ":"))));
                docs.add(plain);
                docs.add(String.join("", edited(p, PARTS[p].replace(",", "," + spaced).replace(":", ":" + spaced))));
                docs.add(plain);
                docs.add(String.join("", edited(p, PARTS[p].replace("}", spaced + "}").replace("]", spaced + "]"))));
            }
        }
        docs.add("{\"user\":{},\"items\":[{}],\"error\":{\"code\":\"E1\",\"message\":\"m\"}}");
        docs.add("{\"user\":{\"id\":1,\"id\":2},\"items\":[],\"error\":null}");
        docs.add("{\"items\":[{\"qty\":1,\"sku\":\"a\",\"price\":2.5}],\"user\":null}");
        assertBothWays(docs);
    }

    @Test void unreadStringsWithASpecialByteAtEveryOffsetGiveTheSameRowsBothWays() {
        Random random = new Random(7);
        List<String> docs = new ArrayList<>();
        for (int length = 0; length <= 20; length++) {
            for (int at = 0; at <= length; at++) {
                String plainText = "abcdefghijklmnopqrstu".substring(0, length);
                String text = plainText.substring(0, at) + StrictJsonScannerTest.pick(random, PIECES) + plainText.substring(at);
                docs.add(String.join("", PARTS));
                docs.add(with(7, "\"" + text + "\""));    // the first item's sku
                docs.add(with(5, "\"" + text + "\""));    // the user's plan
                docs.add(with(7, "\"" + plainText + "\""));
            }
        }
        assertBothWays(docs);
    }

    @Test void documentsCutOrEditedAtEveryByteGiveTheSameRowsBothWays() {
        Random random = new Random(11);
        String edits = "\",:{}[]\\ 0-.nu\u00e9\u0001";
        String plain = String.join("", PARTS);
        List<String> docs = new ArrayList<>();
        for (int at = 0; at <= plain.length(); at++) {
            docs.add(plain);
            docs.add(plain.substring(0, at));
            if (at < plain.length()) {
                char c = edits.charAt(random.nextInt(edits.length()));
                docs.add(plain.substring(0, at) + c + plain.substring(at + 1));
                docs.add(plain.substring(0, at) + c + plain.substring(at));
            }
        }
        assertBothWays(docs);
    }

    /** The memo of a key after the first holds the comma before it, so that one compare takes the separator too. */
    @Test void keysAfterTheFirstAreRememberedWithTheirComma() {
        StructParser root = new StructParser(StructType.fromDDL("items ARRAY<STRUCT<sku: STRING, qty: INT, price: DOUBLE>>"),
                JsonOptions.DEFAULT, 16, null);
        ScanNode tree = ScanNode.compile(root, null);
        EscapedJsonScanner scanner = new EscapedJsonScanner(tree);
        byte[] line = utf8(StrictJsonScannerTest.quote("{\"items\":[{\"sku\":\"a\",\"qty\":1,\"price\":2.5}]}") + " ".repeat(32));
        assertThat(scanner.parse(line, 1, line.length, false)).isPositive();
        KeyMemo item = tree.fields[0].element.keys;
        byte[] next = utf8(",\\\"qty\\\":1,\\\"price\\\":2.5}" + " ".repeat(16));
        assertThat(item.match(next, 0, next.length, 1)).isEqualTo(9);
        assertThat(item.match(next, 10, next.length, 2)).isEqualTo(11);
        assertThat(item.match(next, 1, next.length, 1)).as("the key without its comma").isZero();
    }

    private static String with(int part, String value) { return String.join("", edited(part, value)); }

    private static String[] edited(int part, String text) {
        String[] parts = PARTS.clone();
        parts[part] = text;
        return parts;
    }

    private static void assertBothWays(List<String> docs) {
        List<byte[]> lines = new ArrayList<>();
        for (String doc : docs) {
            String quoted = StrictJsonScannerTest.quote(doc);
            lines.add(utf8("{\"status\":200,\"response_body\":" + quoted + "}"));
            // the line's \/ is a plain '/' of the document: a skip must not take its backslash for the closing quote's
            if (doc.contains("/")) lines.add(utf8("{\"status\":200,\"response_body\":" + quoted.replace("/", "\\/") + "}"));
        }
        for (String content : CONTENTS) {
            for (String mode : new String[] {"PERMISSIVE", "FAILFAST"}) {
                assertThat(FusedFromJsonTest.readAll("status INT, response_body STRING", JsonOptions.DEFAULT, content,
                        opts("mode", mode), lines, true)).as(content + " " + mode)
                        .isEqualTo(FusedFromJsonTest.readAll("status INT, response_body STRING", JsonOptions.DEFAULT, content,
                                opts("mode", mode), lines, false));
            }
        }
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
