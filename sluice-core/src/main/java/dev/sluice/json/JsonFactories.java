package dev.sluice.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Jackson factories configured like Spark's JSONOptions (single quotes and NaN/Infinity accepted by default;
 * comments, unquoted names, leading zeros, any-character escapes and raw control characters only when
 * asked). One shared factory per combination: factories are thread-safe and own the symbol tables that let
 * field names be matched without allocating.
 */
final class JsonFactories {
    private static final ConcurrentHashMap<Integer, JsonFactory> CACHE = new ConcurrentHashMap<>();

    private JsonFactories() {}

    static JsonFactory forOptions(JsonOptions o) {
        if (!JsonLimits.defaults(o)) return withLimits(o);
        int key = bit(o.flag("allowComments", false), 0)
                | bit(o.flag("allowUnquotedFieldNames", false), 1)
                | bit(o.flag("allowSingleQuotes", true), 2)
                | bit(o.flag("allowNumericLeadingZeros", false), 3)
                | bit(o.allowNonNumericNumbers(), 4)
                | bit(o.flag("allowBackslashEscapingAnyCharacter", false), 5)
                | bit(o.flag("allowUnquotedControlChars", false), 6);
        return CACHE.computeIfAbsent(key, JsonFactories::build);
    }

    private static int bit(boolean on, int position) { return on ? 1 << position : 0; }

    /** A factory with the user's limits (not cached: options with limits are rare). */
    private static JsonFactory withLimits(JsonOptions o) {
        JsonFactory shared = forOptions(JsonOptions.of(java.util.Map.of("allowComments", String.valueOf(o.flag("allowComments", false)),
                "allowUnquotedFieldNames", String.valueOf(o.flag("allowUnquotedFieldNames", false)),
                "allowSingleQuotes", String.valueOf(o.flag("allowSingleQuotes", true)),
                "allowNumericLeadingZeros", String.valueOf(o.flag("allowNumericLeadingZeros", false)),
                "allowNonNumericNumbers", String.valueOf(o.allowNonNumericNumbers()),
                "allowBackslashEscapingAnyCharacter", String.valueOf(o.flag("allowBackslashEscapingAnyCharacter", false)),
                "allowUnquotedControlChars", String.valueOf(o.flag("allowUnquotedControlChars", false)))));
        return shared.rebuild().streamReadConstraints(JsonLimits.constraints(o)).streamWriteConstraints(JsonLimits.writeConstraints(o)).build();
    }

    private static JsonFactory build(int key) {
        return JsonFactory.builder()
                .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, (key & 1) != 0)
                .configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, (key & 2) != 0)
                .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, (key & 4) != 0)
                .configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, (key & 8) != 0)
                .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, (key & 16) != 0)
                .configure(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, (key & 32) != 0)
                .configure(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, (key & 64) != 0)
                .streamReadConstraints(JsonLimits.constraints(JsonOptions.DEFAULT))
                .streamWriteConstraints(JsonLimits.writeConstraints(JsonOptions.DEFAULT))
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
    }

    /** The factory for writing (write features are the same for every option set). */
    static JsonFactory forWriting() { return forOptions(JsonOptions.DEFAULT); }
}
