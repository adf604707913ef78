package dev.jgrad.examples;

import dev.jgrad.autograd.GradCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deck 001's "finite difference unbalanced (so use centered difference)": the one-sided difference
 * {@code (f(a+h) - f(a)) / h} has error O(h), the centered {@code (f(a+h) - f(a-h)) / 2h} (what jgrad's
 * {@link GradCheck} uses) O(h^2). Shown on the notes' sigmoid at a = 1 against the exact derivative
 * sigma(1)(1 - sigma(1)): a table of the error against h, the slopes of log(error) against log(h) (about 1 and
 * 2), and the same in float32, where rounding ({@code ~1e-7 / h}) takes over below h ~ 1e-2 for the centered
 * difference (why {@code GradCheck} defaults to h = 1e-2 on float32 graphs).
 *
 * <p>Run: {@code java -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.FiniteDifferences [errors.csv] [errors.svg]}.
 */
public final class FiniteDifferences {

    /** The point where the derivative is taken. */
    public static final double A = 1.0;

    private FiniteDifferences() {
    }

    /** Errors at one step h: float64 one-sided and centered, float32 one-sided and centered. */
    public record Row(double h, double oneSided, double centered, double oneSided32, double centered32) {
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static float sigmoid32(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    /** The exact derivative at {@link #A}. */
    public static double exact() {
        double s = sigmoid(A);
        return s * (1 - s);
    }

    /** The errors for h = 10^0, 10^-0.5, ..., 10^-6. */
    public static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        double exact = exact();
        for (int k = 0; k <= 12; k++) {
            double h = Math.pow(10, -k / 2.0);
            double oneSided = (sigmoid(A + h) - sigmoid(A)) / h;
            double centered = GradCheck.numericGradient64(x -> sigmoid(x[0]), new double[]{A}, h)[0];
            float a = (float) A, hf = (float) h;
            float oneSided32 = (sigmoid32(a + hf) - sigmoid32(a)) / hf;
            float centered32 = (sigmoid32(a + hf) - sigmoid32(a - hf)) / (2 * hf);
            rows.add(new Row(h, Math.abs(oneSided - exact), Math.abs(centered - exact), Math.abs(oneSided32 - exact),
                    Math.abs(centered32 - exact)));
        }
        return rows;
    }

    /** Least-squares slope of log10(error) on log10(h) over the rows with hMin <= h <= hMax. */
    public static double slope(List<Row> rows, java.util.function.ToDoubleFunction<Row> error, double hMin, double hMax) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (Row r : rows) {
            if (r.h() >= hMin * (1 - 1e-9) && r.h() <= hMax * (1 + 1e-9)) {
                double x = Math.log10(r.h()), y = Math.log10(error.applyAsDouble(r));
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                n++;
            }
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** The table as CSV: h and the four errors. */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("h,one_sided_error,centered_error,one_sided_error_float32,centered_error_float32\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.6g,%.6g%n", r.h(), r.oneSided(), r.centered(),
                    r.oneSided32(), r.centered32()));
        }
        return sb.toString();
    }

    /** A log-log plot of the four error curves as a standalone SVG. */
    public static String svg(List<Row> rows) {
        int w = 640, h = 420, left = 70, right = 180, top = 30, bottom = 50;
        double x0 = -6, x1 = 0, y0 = -16, y1 = 0;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", w, h));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        java.util.function.DoubleUnaryOperator px = v -> left + (v - x0) / (x1 - x0) * (w - left - right);
        java.util.function.DoubleUnaryOperator py = v -> top + (y1 - v) / (y1 - y0) * (h - top - bottom);
        for (int e = (int) x0; e <= x1; e++) {
            double x = px.applyAsDouble(e);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1e%d</text>%n", x, top, x, h - bottom, x, h - bottom + 16, e));
        }
        for (int e = (int) y0; e <= y1; e += 2) {
            double y = py.applyAsDouble(e);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>%n", left, y, w - right, y, left - 6, y + 4, e));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">step h</text>%n",
                (left + w - right) / 2, h - 12));
        sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" "
                + "text-anchor=\"middle\">|error| of d sigma/dx at x = 1</text>%n", h / 2, h / 2));
        String[] names = {"one-sided, float64: O(h)", "centered, float64: O(h^2)", "one-sided, float32",
                "centered, float32"};
        String[] colors = {"#cf222e", "#0969da", "#f4a6a6", "#8cb8f0"};
        for (int c = 0; c < 4; c++) {
            StringBuilder pts = new StringBuilder();
            for (Row r : rows) {
                double err = switch (c) {
                    case 0 -> r.oneSided();
                    case 1 -> r.centered();
                    case 2 -> r.oneSided32();
                    default -> r.centered32();
                };
                double ly = Math.max(y0, Math.log10(Math.max(err, 1e-300)));
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(Math.log10(r.h())), py.applyAsDouble(ly)));
            }
            sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                    colors[c], c >= 2 ? " stroke-dasharray=\"5 4\"" : "", pts.toString().trim()));
            int ly = top + 14 + 18 * c;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", w - right + 10, ly, w - right + 30, ly, colors[c],
                    w - right + 34, ly + 4, names[c]));
        }
        return sb.append("</svg>\n").toString();
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = table();
        System.out.printf(Locale.ROOT, "d/dx sigma(x) at x = 1: exact sigma(1)(1 - sigma(1)) = %.12f%n", exact());
        System.out.printf(Locale.ROOT, "%10s %16s %16s %16s %16s%n", "h", "one-sided", "centered", "one-sided f32",
                "centered f32");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%10.3g %16.3e %16.3e %16.3e %16.3e%n", r.h(), r.oneSided(), r.centered(),
                    r.oneSided32(), r.centered32());
        }
        System.out.printf(Locale.ROOT, "slope of log(error) vs log(h), h in [1e-4, 1e-1]: one-sided %.2f (O(h)), "
                + "centered %.2f (O(h^2))%n", slope(rows, Row::oneSided, 1e-4, 1e-1), slope(rows, Row::centered, 1e-4, 1e-1));
        if (args.length > 0) {
            write(Path.of(args[0]), csv(rows));
            System.out.println("wrote " + args[0]);
        }
        if (args.length > 1) {
            write(Path.of(args[1]), svg(rows));
            System.out.println("wrote " + args[1]);
        }
    }
}
