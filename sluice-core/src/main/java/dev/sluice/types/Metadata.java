package dev.sluice.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;

/**
 * Column metadata (Spark's {@code Metadata}): the text of one JSON object, checked when made
 * ({@code Metadata.fromJson("{\"comment\": \"...\"}")}), for {@code Column.as(alias, metadata)} and
 * {@code DataFrame.withMetadata}; a {@link StructField} carries it as {@link #json()}.
 */
public record Metadata(String json) {
    private static final JsonFactory JSON = new JsonFactory();

    public static final Metadata EMPTY = new Metadata("{}");

    public Metadata {
        if (json == null) throw invalid("give a JSON object, e.g. {\"comment\": \"...\"}");
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw invalid("metadata must be a JSON object, got " + json);
            p.skipChildren();
            if (p.nextToken() != null) throw invalid("text after the metadata's JSON object: " + json);
        } catch (IOException e) {
            throw invalid("metadata is not valid JSON (" + e.getMessage() + "): " + json);
        }
        json = json.strip();
    }

    public static Metadata fromJson(String json) { return new Metadata(json); }

    private static SluiceException invalid(String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "column metadata").with("reason", reason).build();
    }
}
