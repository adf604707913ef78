package dev.jgrad.interop;

/** Weights that do not fit the model asked for: the message names the tensor, its shape and the shape needed. */
public class ModelImportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String tensor;

    public ModelImportException(String tensor, String message) {
        super(message);
        this.tensor = tensor;
    }

    /** The tensor concerned, or null when the problem is the set of tensors as a whole. */
    public String tensor() {
        return tensor;
    }
}
