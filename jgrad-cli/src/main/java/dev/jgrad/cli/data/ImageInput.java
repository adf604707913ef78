package dev.jgrad.cli.data;

import dev.jgrad.cli.InputException;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a picture (PNG, or anything javax.imageio reads) as grey pixels in [0, 1], resized to the model's input
 * size. MNIST and Fashion-MNIST images are light objects on a black background; a photo or drawing is usually dark
 * on light, so with {@code invert} unset an image whose border is mostly light is inverted.
 */
public final class ImageInput {

    /** The pixels, row-major, and whether they were inverted. */
    public record Pixels(float[] values, boolean inverted, int sourceWidth, int sourceHeight) {
    }

    private ImageInput() {
    }

    /** Larger pictures are refused before decoding: 46000x46000 would take 8 GB as ARGB for a 28x28 input. */
    static final long MAX_PIXELS = 40_000_000L;

    /** Reads only the image header and refuses sizes that would need gigabytes to decode. */
    private static void checkSize(Path file) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return;
            }
            java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return; // not an image; read() says so
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new InputException(file + ": " + w + "x" + h + " pixels is too large to read (at most "
                            + MAX_PIXELS / 1_000_000 + " million pixels); scale it down first");
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof InputException) {
                    throw e;
                }
                // A damaged header: read() reports it.
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * @param invert true / false to force, null to decide from the border brightness
     */
    public static Pixels read(Path file, int rows, int cols, Boolean invert) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        checkSize(file);
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new InputException(file + ": not an image javax.imageio can read; expected a PNG (or JPEG/GIF/BMP)");
        }
        BufferedImage grey = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            // A transparent background counts as white paper.
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, cols, rows);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(scaledDown(img, cols, rows), 0, 0, cols, rows, null);
        } finally {
            g.dispose();
        }
        float[] px = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                px[r * cols + c] = (grey.getRaster().getSample(c, r, 0) & 0xFF) / 255f;
            }
        }
        boolean flip = invert != null ? invert : borderMean(px, rows, cols) > 0.5;
        if (flip) {
            for (int i = 0; i < px.length; i++) {
                px[i] = 1 - px[i];
            }
        }
        return new Pixels(px, flip, img.getWidth(), img.getHeight());
    }

    /** Halves the image until it is at most twice the target, so bilinear resizing averages instead of skipping pixels. */
    private static BufferedImage scaledDown(BufferedImage img, int cols, int rows) {
        BufferedImage cur = img;
        while (cur.getWidth() >= 2 * cols * 2 && cur.getHeight() >= 2 * rows * 2) {
            int w = cur.getWidth() / 2;
            int h = cur.getHeight() / 2;
            BufferedImage half = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = half.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(cur, 0, 0, w, h, null);
            g.dispose();
            cur = half;
        }
        return cur;
    }

    private static double borderMean(float[] px, int rows, int cols) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (r == 0 || c == 0 || r == rows - 1 || c == cols - 1) {
                    sum += px[r * cols + c];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
