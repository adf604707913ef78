package dev.jgrad.playground.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.playground.state.LinkCodec;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.playground.state.StateJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * TF Playground's numbers from the real {@code seedrandom} and {@code d3} npm packages: {@code tf/tf-reference.json},
 * written once by {@code tf/generate-reference.js} (see its header); the tests only read it.
 */
public final class TfReference {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNode JSON = load();

    private TfReference() {}

    private static JsonNode load() {
        try (InputStream in = TfReference.class.getResourceAsStream("/tf/tf-reference.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state a TF link describes. */
    public static PlaygroundState state(String link) {
        return new StateJson(MAPPER).read(LinkCodec.read(link, MAPPER), PlaygroundState.defaults());
    }

    /** The TF link of a reference entry's data set. */
    public static String link(JsonNode e) {
        String set = e.get("dataset").asText();
        String data = set.startsWith("reg-") ? "problem=regression&regDataset=" + set : "dataset=" + set;
        return "#" + data + "&seed=" + e.get("seed").asText() + "&noise=" + e.get("noise").asInt() + "&percTrainData="
                + e.get("percTrain").asInt() + "&activation=tanh";
    }
}
