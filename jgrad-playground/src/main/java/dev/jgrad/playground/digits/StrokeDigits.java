package dev.jgrad.playground.digits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Digits drawn with a pen, made up on the spot: each of 0..9 is a few strokes (a skeleton), drawn at a random size,
 * slant, rotation, position and pen width, then framed like MNIST ({@link #frame}). Nothing is downloaded: the
 * playground's pad trains its built-in model on these at first use. White ink on black, 28x28, values in [0, 1].
 */
final class StrokeDigits {
    private StrokeDigits() {}

    static final int SIDE = DigitPad.SIDE;

    /** Each digit's strokes as (x, y) pairs in the unit square, y down. */
    private static final double[][][] SKELETONS = {
            {ellipse(0.5, 0.5, 0.28, 0.4, 20)},
            {{0.35, 0.25, 0.52, 0.1, 0.52, 0.9}},
            {{0.25, 0.3, 0.33, 0.15, 0.5, 0.1, 0.68, 0.16, 0.73, 0.33, 0.6, 0.52, 0.25, 0.9, 0.78, 0.9}},
            {{0.25, 0.18, 0.45, 0.1, 0.66, 0.17, 0.68, 0.33, 0.45, 0.47, 0.7, 0.58, 0.72, 0.77, 0.55, 0.9, 0.25, 0.84}},
            {{0.62, 0.9, 0.62, 0.1, 0.2, 0.64, 0.82, 0.64}},
            {{0.74, 0.12, 0.34, 0.12, 0.29, 0.46, 0.52, 0.4, 0.7, 0.52, 0.73, 0.74, 0.56, 0.9, 0.26, 0.85}},
            {{0.66, 0.1, 0.42, 0.3, 0.28, 0.58, 0.32, 0.82, 0.52, 0.91, 0.7, 0.78, 0.66, 0.58, 0.46, 0.52, 0.3, 0.64}},
            {{0.22, 0.12, 0.78, 0.12, 0.44, 0.9}},
            {ellipse(0.5, 0.29, 0.18, 0.19, 14), ellipse(0.5, 0.7, 0.22, 0.21, 14)},
            {ellipse(0.5, 0.32, 0.2, 0.2, 16), {0.7, 0.2, 0.69, 0.6, 0.56, 0.9}},
    };

    /** {@code n} images of each digit, interleaved (0, 1, ..., 9, 0, ...): [10n][784] and the labels. */
    static Set generate(int perDigit, long seed) {
        Random rng = new Random(seed);
        int n = 10 * perDigit;
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            x[i] = frame(draw(y[i], rng));
        }
        return new Set(x, y);
    }

    record Set(float[][] images, int[] labels) {}

    /** One digit at a random size, slant, rotation, offset and pen width, on a 56x56 canvas. */
    static float[] draw(int digit, Random rng) {
        int big = 2 * SIDE;
        BufferedImage img = new BufferedImage(big, big, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, big, big);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (3.5 + 4 * rng.nextDouble()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        AffineTransform t = new AffineTransform();
        t.translate(big / 2.0 + rng.nextGaussian() * 2, big / 2.0 + rng.nextGaussian() * 2);
        t.rotate(Math.toRadians(rng.nextGaussian() * 8));
        t.shear(rng.nextGaussian() * 0.15, 0);
        double scale = big * (0.6 + 0.25 * rng.nextDouble());
        t.scale(scale * (0.8 + 0.3 * rng.nextDouble()), scale);
        t.translate(-0.5, -0.5);
        for (double[] stroke : SKELETONS[digit]) {
            Path2D.Double p = new Path2D.Double();
            for (int k = 0; k < stroke.length; k += 2) {
                double px = stroke[k] + rng.nextGaussian() * 0.02, py = stroke[k + 1] + rng.nextGaussian() * 0.02;
                if (k == 0) p.moveTo(px, py); else p.lineTo(px, py);
            }
            g.draw(t.createTransformedShape(p));
        }
        g.dispose();
        float[] out = new float[big * big];
        for (int r = 0; r < big; r++) for (int c = 0; c < big; c++) out[r * big + c] = (img.getRaster().getSample(c, r, 0)) / 255f;
        return out;
    }

    /**
     * MNIST's framing of any square image: the ink's bounding box scaled (aspect kept) into 20x20, placed in 28x28 with
     * its centre of mass in the middle. The pad's strokes go through the same framing, so where and how large one
     * draws does not matter.
     */
    static float[] frame(float[] image) {
        int side = (int) Math.round(Math.sqrt(image.length));
        int top = side, bottom = -1, left = side, right = -1;
        for (int r = 0; r < side; r++) for (int c = 0; c < side; c++) {
            if (image[r * side + c] > 0.05f) {
                top = Math.min(top, r);
                bottom = Math.max(bottom, r);
                left = Math.min(left, c);
                right = Math.max(right, c);
            }
        }
        float[] out = new float[SIDE * SIDE];
        if (bottom < 0) return out;
        int h = bottom - top + 1, w = right - left + 1;
        double s = 20.0 / Math.max(h, w);
        int nh = Math.max(1, (int) Math.round(h * s)), nw = Math.max(1, (int) Math.round(w * s));
        // Area-average the box into nh x nw.
        float[] small = new float[nh * nw];
        for (int r = 0; r < nh; r++) for (int c = 0; c < nw; c++) {
            double r0 = top + r / s, r1 = top + (r + 1) / s, c0 = left + c / s, c1 = left + (c + 1) / s;
            double sum = 0, area = 0;
            for (int rr = (int) r0; rr < Math.ceil(r1) && rr < side; rr++) {
                double fr = Math.min(r1, rr + 1) - Math.max(r0, rr);
                for (int cc = (int) c0; cc < Math.ceil(c1) && cc < side; cc++) {
                    double fc = Math.min(c1, cc + 1) - Math.max(c0, cc);
                    sum += fr * fc * image[rr * side + cc];
                    area += fr * fc;
                }
            }
            small[r * nw + c] = (float) Math.min(1, area > 0 ? sum / area * 1.2 : 0);
        }
        double mass = 0, mr = 0, mc = 0;
        for (int r = 0; r < nh; r++) for (int c = 0; c < nw; c++) {
            mass += small[r * nw + c];
            mr += r * small[r * nw + c];
            mc += c * small[r * nw + c];
        }
        int offR = (int) Math.round(SIDE / 2.0 - (mass > 0 ? mr / mass : nh / 2.0) - 0.5);
        int offC = (int) Math.round(SIDE / 2.0 - (mass > 0 ? mc / mass : nw / 2.0) - 0.5);
        for (int r = 0; r < nh; r++) for (int c = 0; c < nw; c++) {
            int rr = r + offR, cc = c + offC;
            if (rr >= 0 && rr < SIDE && cc >= 0 && cc < SIDE) out[rr * SIDE + cc] = small[r * nw + c];
        }
        return out;
    }

    private static double[] ellipse(double cx, double cy, double rx, double ry, int n) {
        double[] p = new double[2 * (n + 1)];
        for (int i = 0; i <= n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            p[2 * i] = cx + rx * Math.cos(a);
            p[2 * i + 1] = cy + ry * Math.sin(a);
        }
        return p;
    }

}
