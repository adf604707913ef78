package dev.jgrad.spark;

import dev.jgrad.data.idx.IdxHeader;
import dev.jgrad.data.idx.IdxReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** IDX images and labels; a worker skips to the rows it needs and decodes only those. */
record IdxRows(String images, String labels, int classes) implements RowSource {

    @Override
    public int rows(Map<String, String> hadoop) throws IOException {
        IdxHeader i = header(images, "IDX images file", IdxReader.IMAGES_MAGIC, hadoop);
        IdxHeader l = header(labels, "IDX labels file", IdxReader.LABELS_MAGIC, hadoop);
        if (i.count() != l.count()) {
            throw new IOException(labels + " has " + l.count() + " labels but " + images + " has " + i.count() + " images");
        }
        return i.count();
    }

    private static IdxHeader header(String name, String what, int magic, Map<String, String> hadoop) throws IOException {
        DataFile f = DataFile.open(name, what, hadoop);
        long size = f.size();
        try (InputStream in = f.open()) {
            return IdxReader.readHeader(name, in, size, magic);
        }
    }

    @Override
    public int classes(Map<String, String> hadoop) {
        return classes;
    }

    @Override
    public RowBlock read(int[] rows, Map<String, String> hadoop) throws IOException {
        DataFile x = DataFile.open(images, "IDX images file", hadoop);
        DataFile y = DataFile.open(labels, "IDX labels file", hadoop);
        float[] pixels;
        int[] values;
        long xs = x.size();
        long ys = y.size();
        try (InputStream in = x.open()) {
            pixels = IdxReader.readImages(images, in, xs, rows);
        }
        try (InputStream in = y.open()) {
            values = IdxReader.readLabels(labels, in, ys, rows);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= classes) {
                throw new IOException(labels + ": label " + values[i] + " of item " + rows[i] + " is outside 0.." + (classes - 1));
            }
        }
        return new RowBlock(rows, pixels, rows.length == 0 ? 0 : pixels.length / rows.length, values, null, 0);
    }

    @Override
    public String describe() {
        return images + " + " + labels;
    }
}
