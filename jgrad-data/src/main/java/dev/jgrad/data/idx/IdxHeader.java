package dev.jgrad.data.idx;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The header of an IDX file: magic number and dimension sizes ({@code dims[0]} is the item count).
 *
 * <p>{@link #headerBytes()} is {@code 4 + 4 * dims.length}: 16 for images, 8 for labels.
 */
public record IdxHeader(Path file, int magic, int[] dims, boolean gzip) {

    public IdxHeader {
        dims = dims.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Number of items (images or labels). */
    public int count() {
        return dims[0];
    }

    public int headerBytes() {
        return 4 + 4 * dims.length;
    }

    /** Bytes after the header: the product of the dimensions (one unsigned byte each). */
    public long payloadBytes() {
        long p = 1;
        for (int d : dims) {
            p *= d;
        }
        return p;
    }

    @Override
    public String toString() {
        return "IdxHeader[" + file + ", magic=" + String.format("0x%08X", magic) + ", dims=" + Arrays.toString(dims)
                + (gzip ? ", gzip" : "") + "]";
    }
}
