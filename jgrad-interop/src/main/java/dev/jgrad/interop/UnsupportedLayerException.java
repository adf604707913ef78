package dev.jgrad.interop;

/**
 * A layer that has no ONNX form (or does not fit where it stands): the message names the layer by its path in
 * the model ({@code "2"}, or {@code "1.0"} inside a nested Sequential) and its type.
 */
public class UnsupportedLayerException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String layerPath;
    private final String layerType;

    public UnsupportedLayerException(String layerPath, String layerType, String problem) {
        super("layer " + layerPath + " (" + layerType + "): " + problem);
        this.layerPath = layerPath;
        this.layerType = layerType;
    }

    /** Where the layer sits, e.g. {@code "2"}. */
    public String layerPath() {
        return layerPath;
    }

    /** The layer's type name, e.g. {@code "MyAttention"}. */
    public String layerType() {
        return layerType;
    }
}
