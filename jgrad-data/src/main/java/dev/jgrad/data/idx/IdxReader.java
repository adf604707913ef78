package dev.jgrad.data.idx;

import dev.jgrad.data.DataFormatException;
import dev.jgrad.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads MNIST-family IDX files.
 *
 * <p>Layout: a 4-byte big-endian magic {@code 0x0000TTDD} (type {@code TT} = 0x08 unsigned byte, {@code DD}
 * dimensions), {@code DD} big-endian int sizes, then the bytes. Images are {@code 0x00000803} (count, rows, cols),
 * labels {@code 0x00000801} (count). Methods throw {@link IOException} when the file cannot be read at all and
 * {@link DataFormatException} when its content is wrong.
 */
public final class IdxReader {

    /** Magic of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    /**
     * The float each pixel byte stands for, {@code b / 255f}: pixels scaled to [0, 1]. The one definition of that
     * scaling, whether the pixels are turned into floats when read or per batch from a byte-stored dataset.
     */
    private static final float[] PIXEL_VALUES = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            PIXEL_VALUES[b] = b / 255f;
        }
    }

    /** Deflate cannot expand data by more than about 1032:1; bounds what a .gz header may promise. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private IdxReader() {
    }

    /** Reads and validates only the header; {@code expectedMagic} is one of the two constants. */
    public static IdxHeader readHeader(Path file, int expectedMagic) throws IOException {
        try (IdxInput in = IdxInput.open(file)) {
            return header(in, expectedMagic);
        }
    }

    /** Reads an images file; pixels scaled to [0, 1]. */
    public static IdxImages readImages(Path file) throws IOException {
        try (IdxInput in = IdxInput.open(file)) {
            IdxHeader h = header(in, IMAGES_MAGIC);
            int[] dims = h.dims();
            int count = dims[0];
            int rows = dims[1];
            int cols = dims[2];
            float[] pixels = readPixels(in, (int) h.payloadBytes());
            in.requireEnd();
            return new IdxImages(file, count, rows, cols, pixels);
        }
    }

    /** Reads a labels file; values are the raw unsigned bytes. */
    public static IdxLabels readLabels(Path file) throws IOException {
        try (IdxInput in = IdxInput.open(file)) {
            IdxHeader h = header(in, LABELS_MAGIC);
            int[] labels = readLabelValues(in, h.count());
            in.requireEnd();
            return new IdxLabels(file, labels);
        }
    }

    /**
     * Reads images {@code [from, to)} of an images file (pixels scaled to [0, 1]), skipping the others: a worker of
     * distributed training reads only its own rows. A .gz file is decompressed up to {@code to}.
     */
    public static IdxImages readImages(Path file, int from, int to) throws IOException {
        try (IdxInput in = IdxInput.open(file)) {
            IdxHeader h = header(in, IMAGES_MAGIC);
            int[] dims = h.dims();
            checkRange(file, from, to, dims[0]);
            int perImage = dims[1] * dims[2];
            in.skip((long) from * perImage);
            float[] pixels = readPixels(in, (to - from) * perImage);
            return new IdxImages(file, to - from, dims[1], dims[2], pixels);
        }
    }

    /** Reads labels {@code [from, to)} of a labels file, skipping the others. */
    public static IdxLabels readLabels(Path file, int from, int to) throws IOException {
        try (IdxInput in = IdxInput.open(file)) {
            IdxHeader h = header(in, LABELS_MAGIC);
            checkRange(file, from, to, h.count());
            in.skip(from);
            return new IdxLabels(file, readLabelValues(in, to - from));
        }
    }

    /**
     * Reads the header of an IDX stream of {@code size} bytes that is not a local file (e.g. on a Hadoop file
     * system); {@code name} (its URI) names it in errors, and the header's {@code file} is null.
     */
    public static IdxHeader readHeader(String name, InputStream stream, long size, int expectedMagic) throws IOException {
        try (IdxInput in = IdxInput.open(null, name, stream, size)) {
            return header(in, expectedMagic);
        }
    }

    /**
     * Reads the images at the ascending indices {@code items} of an images stream (see
     * {@link #readHeader(String, InputStream, long, int)}), skipping the others: {@code items.length} images of
     * pixels scaled to [0, 1], end to end. A worker of distributed training reads only the rows it needs.
     */
    public static float[] readImages(String name, InputStream stream, long size, int[] items) throws IOException {
        try (IdxInput in = IdxInput.open(null, name, stream, size)) {
            IdxHeader h = header(in, IMAGES_MAGIC);
            int[] dims = h.dims();
            int perImage = dims[1] * dims[2];
            float[] pixels = new float[items.length * perImage];
            long at = 0;
            for (int i = 0; i < items.length; i++) {
                checkItem(name, items, i, dims[0]);
                in.skip((items[i] - at) * perImage);
                System.arraycopy(readPixels(in, perImage), 0, pixels, i * perImage, perImage);
                at = items[i] + 1L;
            }
            return pixels;
        }
    }

    /** Reads the labels at the ascending indices {@code items} of a labels stream, skipping the others. */
    public static int[] readLabels(String name, InputStream stream, long size, int[] items) throws IOException {
        try (IdxInput in = IdxInput.open(null, name, stream, size)) {
            IdxHeader h = header(in, LABELS_MAGIC);
            int[] labels = new int[items.length];
            long at = 0;
            for (int i = 0; i < items.length; i++) {
                checkItem(name, items, i, h.count());
                in.skip(items[i] - at);
                labels[i] = readLabelValues(in, 1)[0];
                at = items[i] + 1L;
            }
            return labels;
        }
    }

    private static void checkItem(String name, int[] items, int i, int count) {
        if (items[i] < 0 || items[i] >= count || (i > 0 && items[i] <= items[i - 1])) {
            throw new IllegalArgumentException(name + ": item " + items[i] + " is outside the file's " + count
                    + " items or not in ascending order");
        }
    }

    /** The next {@code count} unsigned bytes as pixels scaled to [0, 1], read in 64 KiB chunks. */
    private static float[] readPixels(IdxInput in, int count) throws IOException {
        float[] pixels = new float[count];
        byte[] buf = new byte[Math.min(count, 1 << 16)];
        int done = 0;
        while (done < count) {
            int len = Math.min(buf.length, count - done);
            in.readFully(buf, 0, len);
            for (int i = 0; i < len; i++) {
                pixels[done + i] = PIXEL_VALUES[buf[i] & 0xFF];
            }
            done += len;
        }
        return pixels;
    }

    /** The next {@code count} unsigned bytes as label values. */
    private static int[] readLabelValues(IdxInput in, int count) throws IOException {
        byte[] raw = new byte[count];
        in.readFully(raw, 0, count);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = raw[i] & 0xFF;
        }
        return labels;
    }

    private static void checkRange(Path file, int from, int to, int count) {
        if (from < 0 || to < from || to > count) {
            throw new IllegalArgumentException(file + ": items [" + from + ", " + to + ") are outside the file's "
                    + count + " items");
        }
    }

    /** The float each pixel byte stands for ({@code b / 255f}), indexed by the unsigned byte; a copy. */
    public static float[] pixelValues() {
        return PIXEL_VALUES.clone();
    }

    /**
     * Reads an images file and its labels file into a classification {@link Dataset} with {@code rows * cols}
     * features in [0, 1], kept as the file's bytes ({@link Dataset#classification(byte[], float[], int, int[], List)}:
     * a quarter of the memory of float32, the same values). The headers are compared before any pixel is read, so a
     * count mismatch fails fast.
     *
     * @param classNames one per label value; a label {@code >= classNames.size()} is an error at its byte offset
     */
    public static Dataset readDataset(Path imagesFile, Path labelsFile, List<String> classNames) throws IOException {
        IdxHeader imagesHeader = readHeader(imagesFile, IMAGES_MAGIC);
        IdxHeader labelsHeader = readHeader(labelsFile, LABELS_MAGIC);
        if (imagesHeader.count() != labelsHeader.count()) {
            throw DataFormatException.atOffset(labelsFile, 4, "has " + labelsHeader.count() + " labels but "
                    + imagesFile + " has " + imagesHeader.count() + " images (count field at byte offset 4 of both)");
        }
        IdxLabels labels = readLabels(labelsFile);
        int[] values = labels.labels();
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= classNames.size()) {
                throw DataFormatException.atOffset(labelsFile, labelsHeader.headerBytes() + (long) i,
                        "label " + values[i] + " of item " + i + " is outside 0.." + (classNames.size() - 1));
            }
        }
        byte[] pixels;
        int perImage;
        try (IdxInput in = IdxInput.open(imagesFile)) {
            IdxHeader h = header(in, IMAGES_MAGIC);
            perImage = h.dims()[1] * h.dims()[2];
            pixels = new byte[(int) h.payloadBytes()];
            in.readFully(pixels, 0, pixels.length);
            in.requireEnd();
        }
        return Dataset.classification(pixels, PIXEL_VALUES, perImage, values, classNames);
    }

    private static IdxHeader header(IdxInput in, int expectedMagic) throws IOException {
        String file = in.name();
        int expectedDims = expectedMagic & 0xFF;
        in.expect("expected a " + (4 + 4 * expectedDims) + "-byte IDX header");
        int magic = in.readInt();
        if (magic != expectedMagic) {
            throw DataFormatException.atOffset(file, 0, describeMagic(magic, expectedMagic));
        }
        int[] dims = new int[expectedDims];
        long payload = 1;
        for (int i = 0; i < expectedDims; i++) {
            long at = in.offset();
            dims[i] = in.readInt();
            boolean countField = i == 0;
            if (dims[i] < 0 || (!countField && dims[i] == 0)) {
                throw DataFormatException.atOffset(file, at, "dimension " + i + " is " + dims[i]
                        + "; expected " + (countField ? ">= 0" : "> 0"));
            }
            payload *= dims[i];
            if (payload > Integer.MAX_VALUE - 8) {
                throw DataFormatException.atOffset(file, at, "dimensions " + dimsText(dims, i + 1)
                        + " describe more than " + (Integer.MAX_VALUE - 8) + " bytes, too large to load");
            }
        }
        IdxHeader h = new IdxHeader(in.file(), magic, dims, in.gzip());
        long total = h.headerBytes() + payload;
        String what = expectedMagic == IMAGES_MAGIC ? " images x " + dims[1] + " x " + dims[2] + " pixels"
                : " labels";
        in.expect("expected " + total + " bytes (" + h.headerBytes() + "-byte header + " + dims[0] + what + ")");
        // Fail before allocating when the file cannot possibly hold what the header promises.
        if (!in.gzip() && in.fileSize() < total) {
            throw DataFormatException.atOffset(file, in.fileSize(), "file ends here; expected "
                    + total + " bytes (" + h.headerBytes() + "-byte header + " + dims[0] + what
                    + "), " + (total - in.fileSize()) + " bytes missing");
        }
        if (in.gzip() && total > in.fileSize() * MAX_DEFLATE_RATIO) {
            throw DataFormatException.atOffset(file, 4, "header promises " + total + " bytes, more than a "
                    + in.fileSize() + "-byte .gz can hold; the header is corrupt");
        }
        return h;
    }

    private static String describeMagic(int magic, int expected) {
        String kind = expected == IMAGES_MAGIC ? "an IDX images file" : "an IDX labels file";
        String found = String.format("0x%08X", magic);
        String want = String.format("0x%08X", expected);
        if (magic == IMAGES_MAGIC || magic == LABELS_MAGIC) {
            return "magic " + found + " is " + (magic == IMAGES_MAGIC ? "an images" : "a labels")
                    + " file, expected " + kind + " (" + want + ") - are the images and labels files swapped?";
        }
        if ((magic >>> 16) == 0) {
            int type = (magic >>> 8) & 0xFF;
            if (type != 0x08) {
                return "IDX data type " + String.format("0x%02X", type) + " is not supported; expected " + kind
                        + " of unsigned bytes (magic " + want + ")";
            }
            return "IDX file has " + (magic & 0xFF) + " dimensions (magic " + found + "); expected " + kind
                    + " (magic " + want + ")";
        }
        return "not an IDX file: magic " + found + ", expected " + kind + " (" + want + ")";
    }

    private static String dimsText(int[] dims, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " x ").append(dims[i]);
        }
        return sb.toString();
    }
}
