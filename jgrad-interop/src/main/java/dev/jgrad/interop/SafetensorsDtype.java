package dev.jgrad.interop;

/**
 * The element types of the safetensors format, in the order of the reference implementation's {@code Dtype}
 * enum: a writer lays tensors out by that order, largest first (so every tensor stays aligned), then by name.
 */
public enum SafetensorsDtype {
    BOOL(1), U8(1), I8(1), F8_E5M2(1), F8_E4M3(1), I16(2), U16(2), F16(2), BF16(2), I32(4), U32(4), F32(4), F64(8),
    I64(8), U64(8);

    private final int bytes;

    SafetensorsDtype(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Whether {@link SafeTensor#toFloats()} can read it: F32 as is, F16, BF16 and F64 converted. */
    public boolean convertsToFloat() {
        return this == F32 || this == F16 || this == BF16 || this == F64;
    }

    /** The dtype spelled as in a header ({@code "F32"}), or null if the format has none by that name. */
    static SafetensorsDtype byName(String name) {
        for (SafetensorsDtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
