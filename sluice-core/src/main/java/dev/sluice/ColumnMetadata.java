package dev.sluice;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;

/** Column metadata given by the user (Spark's {@code Metadata}): the text of one JSON object, checked here. */
final class ColumnMetadata {
    private static final JsonFactory JSON = new JsonFactory();

    private ColumnMetadata() {}

    static String check(String json) {
        if (json == null) throw invalid("give a JSON object, e.g. {\"comment\": \"...\"}");
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw invalid("metadata must be a JSON object, got " + json);
            p.skipChildren();
            if (p.nextToken() != null) throw invalid("text after the metadata's JSON object: " + json);
        } catch (IOException e) {
            throw invalid("metadata is not valid JSON (" + e.getMessage() + "): " + json);
        }
        return json;
    }

    private static SluiceException invalid(String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "column metadata").with("reason", reason).build();
    }
}
