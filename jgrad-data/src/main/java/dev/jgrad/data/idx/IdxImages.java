package dev.jgrad.data.idx;

import java.nio.file.Path;

/**
 * Images read from an IDX file: {@code count} images of {@code rows x cols} pixels, row-major, each pixel the
 * file's unsigned byte divided by 255 so it lies in [0, 1]. The record owns {@code pixels}; callers must not
 * modify it (copying 188 MB per access would be worse).
 */
public record IdxImages(Path file, int count, int rows, int cols, float[] pixels) {

    public IdxImages {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException("IdxImages: " + count + " x " + rows + " x " + cols + " != "
                    + pixels.length + " pixels");
        }
    }

    /** Pixels per image. */
    public int pixelsPerImage() {
        return rows * cols;
    }
}
