package dev.jgrad.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor of a safetensors file: its name, element type, shape and raw little-endian bytes, row-major.
 * {@link #f32} makes one from floats, {@link #toFloats} reads one back as float32.
 */
public record SafeTensor(String name, SafetensorsDtype dtype, int[] shape, byte[] data) {

    public SafeTensor {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a safetensors tensor needs a non-empty name");
        }
        if (dtype == null || shape == null || data == null) {
            throw new IllegalArgumentException("tensor '" + name + "': dtype, shape and data are required");
        }
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n * dtype.bytes() != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + n * dtype.bytes() + " bytes, got " + data.length);
        }
    }

    /** A float32 tensor; {@code values} are copied, their bits kept exactly (NaN payloads, -0). */
    public static SafeTensor f32(String name, float[] values, int... shape) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putInt(Float.floatToRawIntBits(v));
        }
        return new SafeTensor(name, SafetensorsDtype.F32, shape, b.array());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The raw bytes (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    public long numel() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /**
     * The values as float32: F32 bit for bit, F16 and BF16 exactly (every such value is a float), F64 rounded to
     * nearest.
     *
     * @throws IllegalArgumentException for integer, boolean and 8-bit float types
     */
    public float[] toFloats() {
        if (!dtype.convertsToFloat()) {
            throw new IllegalArgumentException("tensor '" + name + "' is " + dtype + "; only F32, F16, BF16 and F64 tensors"
                    + " can be read as float32 weights");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[(int) numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (dtype) {
                case F32 -> Float.intBitsToFloat(b.getInt());
                case F64 -> (float) b.getDouble();
                case BF16 -> Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16);
                case F16 -> halfToFloat(b.getShort());
                default -> throw new AssertionError(dtype);
            };
        }
        return out;
    }

    /** IEEE 754 binary16 to float, exactly (subnormals, infinities and NaN included). */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            // Zero or subnormal: mant * 2^-24, exact in float.
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafeTensor t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape);
    }
}
