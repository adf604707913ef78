package dev.jgrad.cli.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.data.Scaler;
import dev.jgrad.interop.InputScaler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model's metadata becomes in the formats of other tools, which hold only strings: ONNX
 * {@code metadata_props} and the safetensors {@code __metadata__}. A safetensors file keeps the whole jgrad
 * metadata as JSON under {@link #JGRAD_METADATA}, so {@code jgrad import} restores class names, normalization and
 * the scaler of a model {@code jgrad export} wrote.
 */
public final class InteropMetadata {

    /** The safetensors metadata key holding a jgrad model's metadata as JSON. */
    public static final String JGRAD_METADATA = "jgrad.metadata";
    /** The safetensors metadata key with the layer widths, {@code 784-256-128-10}. */
    public static final String JGRAD_LAYERS = "jgrad.layers";

    /** ONNX metadata keys saying what the graph's input and output hold. */
    public static final String INPUT_DESCRIPTION = "input_description";
    public static final String OUTPUT_DESCRIPTION = "output_description";

    private static final ObjectMapper JSON = new ObjectMapper();

    private InteropMetadata() {
    }

    /** The scaler as plain numbers for the ONNX graph, or null. */
    public static InputScaler inputScaler(ModelInfo info) {
        Scaler s = info.scaler();
        return s == null ? null : new InputScaler(s.offsets(), s.scales());
    }

    /** What the ONNX input expects, in words. */
    public static String inputMeaning(ModelInfo info, boolean scalerInGraph) {
        return switch (info.normalization()) {
            case "pixels/255" -> "pixel values divided by 255, in [0, 1], row-major "
                    + (info.isImage() ? info.inputShape()[0] + "x" + info.inputShape()[1] : info.inputSize() + " values");
            case "scaler" -> scalerInGraph ? "raw features; the model's " + info.scaler().kind().id()
                    + " scaler is applied inside the graph" : "features already scaled by the model's scaler";
            default -> "raw features, unscaled";
        };
    }

    /** ONNX metadata_props: every metadata entry as a string (JSON for non-strings), plus what input and output hold. */
    public static Map<String, String> forOnnx(Map<String, Object> metadata, ModelInfo info, boolean scalerInGraph) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            out.put(e.getKey(), asString(e.getValue()));
        }
        out.put(INPUT_DESCRIPTION, inputMeaning(info, scalerInGraph));
        out.put(OUTPUT_DESCRIPTION, switch (info.output()) {
            case LOGITS -> "logits; softmax gives the class probabilities";
            case BINARY_LOGITS -> "per-class logits; a sigmoid of each gives its probability";
            case SIGMOID -> "per-class sigmoid scores";
            case TANH -> "one tanh score in [-1, 1]; its sign is the class";
            case MARGIN -> "one raw score (hinge margin); its sign is the class";
            case VALUE -> "regression values";
        });
        return out;
    }

    /** Safetensors __metadata__: PyTorch's format tag, the layer widths and the whole jgrad metadata. */
    public static Map<String, String> forSafetensors(Map<String, Object> metadata, int[] widths, String version) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("format", "pt");
        out.put("producer", "jgrad " + version);
        out.put(JGRAD_LAYERS, Mlp.describe(widths));
        out.put(JGRAD_METADATA, asString(metadata));
        return out;
    }

    /** The jgrad metadata a safetensors file carries, or null. */
    public static Map<String, Object> fromSafetensors(Map<String, String> fileMetadata) {
        if (fileMetadata == null || !fileMetadata.containsKey(JGRAD_METADATA)) {
            return null;
        }
        try {
            return JSON.readValue(fileMetadata.get(JGRAD_METADATA), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("__metadata__ '" + JGRAD_METADATA + "' is not a JSON object: "
                    + e.getOriginalMessage());
        }
    }

    private static String asString(Object v) {
        if (v instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }
}
