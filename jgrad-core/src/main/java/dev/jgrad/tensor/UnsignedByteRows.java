package dev.jgrad.tensor;

/** {@link RowSource#ofUnsignedBytes}: rows of bytes, each turned into its float by a table lookup as it is read. */
final class UnsignedByteRows implements RowSource {

    private final int n;
    private final int width;
    private final byte[] values;
    private final float[] decode;

    UnsignedByteRows(byte[] values, int rows, int width, float[] decode) {
        if (values == null || decode == null) {
            throw new IllegalArgumentException("RowSource.ofUnsignedBytes: values and decode table must not be null");
        }
        if (decode.length != 256) {
            throw new IllegalArgumentException("RowSource.ofUnsignedBytes: the decode table needs 256 entries, one per"
                    + " byte value, got " + decode.length);
        }
        if (rows <= 0 || width <= 0 || (long) rows * width > values.length) {
            throw new IllegalArgumentException("RowSource.ofUnsignedBytes: need at least one row of width > 0 within the"
                    + " values, got " + rows + " rows of " + width + " in " + values.length + " bytes");
        }
        this.n = rows;
        this.width = width;
        this.values = values;
        this.decode = decode.clone();
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int[] shape() {
        return new int[] {n, width};
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void gather(int[] order, int from, int count, float[] out) {
        float[] table = decode;
        for (int i = 0; i < count; i++) {
            int src = order[from + i] * width;
            int dst = i * width;
            for (int j = 0; j < width; j++) {
                out[dst + j] = table[values[src + j] & 0xFF];
            }
        }
    }
}
