package dev.jgrad.cli.report;

import dev.jgrad.train.History;
import dev.jgrad.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training curves drawn with XChart: loss (train and validation) and the metric (accuracy or R^2) per epoch, each
 * saved as PNG and SVG.
 */
public final class CurvePlots {

    private CurvePlots() {
    }

    /**
     * Starts drawing a throw-away chart (PNG and SVG, into nothing) on a daemon thread, so that loading XChart, AWT
     * and the fonts (about half of a short {@code jgrad train}'s wall time, measured: the first chart class loads
     * 5.2 s into a 10.7 s run on a loaded machine) happens on the other core while the model trains, not after it.
     * The real charts are drawn later as before; a JVM that exits first simply drops the thread.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                System.setProperty("java.awt.headless", "true");
                XYChart c = chart("warm-up", "loss");
                addSeries(c, "train", List.of(1.0, 0.5));
                java.io.OutputStream nowhere = java.io.OutputStream.nullOutputStream();
                BitmapEncoder.saveBitmap(c, nowhere, BitmapEncoder.BitmapFormat.PNG);
                VectorGraphicsEncoder.saveVectorGraphic(c, nowhere, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } catch (IOException | RuntimeException | LinkageError e) {
                // only a warm-up: the real charts report their own failures
            }
        }, "jgrad-chart-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Writes {@code base.loss.png/.svg} and, when the history has the metric, {@code base.<metric>.png/.svg}.
     *
     * @param base   the model path without its extension, e.g. {@code out/fashion}
     * @param metric      {@code accuracy} or {@code r2}
     * @param monitorName what the {@code val_} values were measured on: "validation" or "test"
     * @return the files written
     */
    public static List<Path> write(History history, String base, String metric, String title, String monitorName)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path named = Path.of(title).getFileName();
        title = named == null ? title : named.toString(); // a data file's name, not its whole path
        List<Path> written = new ArrayList<>();
        XYChart loss = chart(title + ": loss", "loss");
        addSeries(loss, "train", history.metric("loss"));
        addSeries(loss, monitorName, history.metric("val_loss"));
        written.addAll(save(loss, base + ".loss"));
        if (hasValues(history.metric(metric)) || hasValues(history.metric("val_" + metric))) {
            String name = metric.equals("accuracy") ? "accuracy" : metric;
            XYChart m = chart(title + ": " + name, name);
            addSeries(m, "train", history.metric(metric));
            addSeries(m, monitorName, history.metric("val_" + metric));
            written.addAll(save(m, base + "." + name));
        }
        return written;
    }

    /** Losses fall and accuracies rise, so the legend goes to the corner the curves leave free. */
    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setLegendPosition(yTitle.equals("loss") ? org.knowm.xchart.style.Styler.LegendPosition.InsideNE
                : org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        c.getStyler().setXAxisDecimalPattern("#");
        c.getStyler().setYAxisDecimalPattern("0.####");
        return c;
    }

    private static void addSeries(XYChart chart, String name, List<Double> values) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (Double.isFinite(v)) {
                x.add(i + 1.0);
                y.add(v);
            }
        }
        if (!x.isEmpty()) {
            // Markers help to read a few epochs and clutter many.
            chart.addSeries(name, x, y).setMarker(x.size() <= 50 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
    }

    private static boolean hasValues(List<Double> values) {
        return values.stream().anyMatch(Double::isFinite);
    }

    private static List<Path> save(XYChart chart, String base) throws IOException {
        if (chart.getSeriesMap().isEmpty()) {
            return List.of();
        }
        Path png = Path.of(base + ".png");
        Path svg = Path.of(base + ".svg");
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        AtomicFiles.write(svg, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return List.of(png, svg);
    }
}
