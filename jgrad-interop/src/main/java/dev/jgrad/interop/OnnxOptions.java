package dev.jgrad.interop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link OnnxExport} writes a model.
 *
 * @param opset       the ONNX operator set, {@value #MIN_OPSET} to {@value #MAX_OPSET}; from 20 GELU is one
 *                    {@code Gelu} node, below it the exact erf composition
 * @param inputName   the graph input's name, shape {@code [batch, features]} with a dynamic batch
 * @param outputName  the graph output's name, shape {@code [batch, outputs]}
 * @param scaler      the input scaling to put in front of the network, or null
 * @param foldScaler  fold the scaler into the first Linear's weights instead of {@code Sub}/{@code Div} nodes;
 *                    saves two nodes but rounds differently when offsets are large next to the spread
 * @param inputWidth  the input width for a model without a Linear layer in front (else null: read off the model)
 * @param metadata    key/value pairs for the file's {@code metadata_props} (class names, normalization, ...)
 */
public record OnnxOptions(int opset, String inputName, String outputName, InputScaler scaler, boolean foldScaler,
                          Integer inputWidth, Map<String, String> metadata) {

    /** Opset 13 is where Softmax became a single-axis op, as jgrad's is. */
    public static final int MIN_OPSET = 13;
    /** The newest opset whose operators this exporter has been checked against ONNX Runtime with. */
    public static final int MAX_OPSET = 21;
    /** Widely supported (ONNX Runtime 1.12+, 2022); GELU is composed from Erf there. */
    public static final int DEFAULT_OPSET = 17;
    /** The first opset with a {@code Gelu} operator. */
    public static final int GELU_OPSET = 20;

    public OnnxOptions {
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new IllegalArgumentException("ONNX opset " + opset + " is not supported; choose " + MIN_OPSET + " to "
                    + MAX_OPSET + " (default " + DEFAULT_OPSET + ")");
        }
        checkName("input", inputName);
        checkName("output", outputName);
        if (inputName.equals(outputName)) {
            throw new IllegalArgumentException("ONNX input and output need different names, both are '" + inputName + "'");
        }
        if (foldScaler && scaler == null) {
            throw new IllegalArgumentException("foldScaler needs a scaler");
        }
        if (inputWidth != null && inputWidth <= 0) {
            throw new IllegalArgumentException("inputWidth must be positive, got " + inputWidth);
        }
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata == null ? Map.of() : metadata));
    }

    private static void checkName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the ONNX " + what + " needs a non-blank name");
        }
    }

    /** Opset {@value #DEFAULT_OPSET}, {@code input} to {@code output}, no scaler, no metadata. */
    public static OnnxOptions defaults() {
        return new OnnxOptions(DEFAULT_OPSET, "input", "output", null, false, null, Map.of());
    }

    public OnnxOptions withOpset(int opset) {
        return new OnnxOptions(opset, inputName, outputName, scaler, foldScaler, inputWidth, metadata);
    }

    public OnnxOptions withNames(String input, String output) {
        return new OnnxOptions(opset, input, output, scaler, foldScaler, inputWidth, metadata);
    }

    /** Puts {@code scaler} in front of the network, as nodes or ({@code fold}) folded into the first Linear. */
    public OnnxOptions withScaler(InputScaler scaler, boolean fold) {
        return new OnnxOptions(opset, inputName, outputName, scaler, fold, inputWidth, metadata);
    }

    public OnnxOptions withInputWidth(int width) {
        return new OnnxOptions(opset, inputName, outputName, scaler, foldScaler, width, metadata);
    }

    public OnnxOptions withMetadata(Map<String, String> metadata) {
        return new OnnxOptions(opset, inputName, outputName, scaler, foldScaler, inputWidth, metadata);
    }
}
