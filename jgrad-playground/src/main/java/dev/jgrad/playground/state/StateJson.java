package dev.jgrad.playground.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a state from JSON: missing fields take their defaults, unknown fields and wrong types are errors, and the
 * result is validated. Writing is plain Jackson.
 */
public final class StateJson {
    private final ObjectMapper mapper;

    public StateJson(ObjectMapper mapper) {
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Overlays {@code json} on {@code base}, then validates. @throws IllegalArgumentException with a field message */
    public PlaygroundState read(JsonNode json, PlaygroundState base) {
        if (json == null || !json.isObject()) throw new IllegalArgumentException("state: expected a JSON object");
        ObjectNode merged = mapper.valueToTree(base);
        json.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        defaultCustomClasses(json, merged);
        PlaygroundState s;
        try {
            s = mapper.treeToValue(merged, PlaygroundState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("state: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state: " + e.getMessage());
        }
        return StateValidator.validate(s);
    }

    /**
     * New custom points without a class count take the classes actually painted (the largest label + 1, at least
     * 2), not whatever count the previous data set had (3 for the default blobs).
     */
    private static void defaultCustomClasses(JsonNode patch, ObjectNode merged) {
        if (patch.has("classes") || !patch.has("custom") || !Choices.CUSTOM.equals(merged.path("dataset").asText())
                || !"classification".equals(merged.path("problem").asText()) || !merged.path("custom").isArray()) {
            return;
        }
        int classes = 2;
        for (JsonNode p : merged.get("custom")) {
            JsonNode label = p.path(2);
            if (label.isNumber() && label.asDouble() == Math.rint(label.asDouble())
                    && label.asDouble() >= 0 && label.asDouble() < Limits.MAX_CLASSES) {
                classes = Math.max(classes, label.asInt() + 1);
            }
        }
        merged.put("classes", classes);
    }

    public JsonNode write(PlaygroundState s) {
        return mapper.valueToTree(s);
    }
}
