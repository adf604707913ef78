package dev.jgrad.interop;

import java.util.Locale;

/** How a file stores a dense layer's weight matrix. */
public enum WeightLayout {
    /** {@code [out, in]}: PyTorch's {@code nn.Linear}, and jgrad's. */
    OUT_IN,
    /** {@code [in, out]}: Keras, TensorFlow and Flax kernels; transposed on import. */
    IN_OUT;

    /** The command-line spelling: {@code out-in}, {@code in-out}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static WeightLayout parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (WeightLayout w : values()) {
            if (w.id().equals(t)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown weight layout '" + s + "'; choose out-in (PyTorch) or in-out (Keras, Flax)");
    }
}
