package dev.jgrad.tensor;

/**
 * A data set's samples as {@link #rows()} rows of equal shape, read by copying chosen rows into a float buffer:
 * how {@code DataLoader} (and so {@code Trainer.fit}) reads training features and targets. The rows stay in
 * whatever form they were stored in, and only a batch is ever float32 at once:
 * <ul>
 *   <li>{@link #of(Tensor)}: float32 rows, read in place from the tensor's own array;</li>
 *   <li>{@link #ofUnsignedBytes}: one unsigned byte per value, turned into a float by a 256-entry table (image
 *       pixels: Fashion-MNIST's 60,000 training images are 47 MB as bytes, 188 MB as float32). The table is the
 *       exact value each byte stands for, so a batch holds the very floats a float32 copy of the data would.</li>
 * </ul>
 */
public interface RowSource {

    /** The number of rows (samples). */
    int rows();

    /** The shape of all rows together, {@code [rows, d...]} (a copy). */
    int[] shape();

    /** Values per row: the product of {@code shape()[1..]}. */
    int width();

    /**
     * Copies rows {@code order[from]}, ..., {@code order[from + count - 1]} as floats into {@code out}, end to end
     * from index 0.
     */
    void gather(int[] order, int from, int count, float[] out);

    /** The rows of {@code t} along its first axis, read in place (its backing array when that array is it). */
    static RowSource of(Tensor t) {
        return new FloatRows(t);
    }

    /**
     * The first {@code rows} rows of {@code width} floats of {@code values} (row-major), read in place: shape
     * {@code [rows, width]}; {@code values} may hold more rows after them.
     */
    static RowSource ofFloats(float[] values, int rows, int width) {
        return new FloatRows(values, rows, width);
    }

    /**
     * The first {@code rows} rows of {@code width} unsigned bytes of {@code values} (row-major; more may follow),
     * byte {@code b} standing for {@code decode[b & 0xFF]}: shape {@code [rows, width]}. Read in place;
     * {@code decode} is copied.
     */
    static RowSource ofUnsignedBytes(byte[] values, int rows, int width, float[] decode) {
        return new UnsignedByteRows(values, rows, width, decode);
    }
}
