package dev.jgrad.spark;

import dev.jgrad.data.idx.IdxHeader;
import dev.jgrad.data.idx.IdxImages;
import dev.jgrad.data.idx.IdxLabels;
import dev.jgrad.data.idx.IdxReader;

import java.io.IOException;

/** IDX images and labels; a worker skips to its range and decodes only its rows. */
record IdxRows(String images, String labels, int classes) implements RowSource {

    @Override
    public int rows() throws IOException {
        IdxHeader i = IdxReader.readHeader(RowSource.existing(images, "IDX images file"), IdxReader.IMAGES_MAGIC);
        IdxHeader l = IdxReader.readHeader(RowSource.existing(labels, "IDX labels file"), IdxReader.LABELS_MAGIC);
        if (i.count() != l.count()) {
            throw new IOException(labels + " has " + l.count() + " labels but " + images + " has " + i.count() + " images");
        }
        return i.count();
    }

    @Override
    public LocalRows read(int from, int to) throws IOException {
        IdxImages x = IdxReader.readImages(RowSource.existing(images, "IDX images file"), from, to);
        IdxLabels y = IdxReader.readLabels(RowSource.existing(labels, "IDX labels file"), from, to);
        int[] values = y.labels();
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= classes) {
                throw new IOException(labels + ": label " + values[i] + " of item " + (from + i) + " is outside 0.." + (classes - 1));
            }
        }
        return new LocalRows(x.pixels(), x.pixelsPerImage(), values, null, 0);
    }

    @Override
    public String describe() {
        return images + " + " + labels;
    }
}
