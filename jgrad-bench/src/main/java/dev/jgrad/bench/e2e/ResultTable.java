package dev.jgrad.bench.e2e;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints one thread count's results as a Markdown table: jgrad, each peer variant, and the speed ratios; where a
 * row has a FLOP count and the worker measured the machine's FMA peak, each side's figure also as a percentage
 * of that peak (per CPU-second rows against one core's peak, the others against the peak on this many threads).
 */
final class ResultTable {

    private ResultTable() {
    }

    @SuppressWarnings("unchecked")
    static void print(PrintStream out, int threads, Map<String, Object> jgrad, Map<String, Object> peers) {
        Map<String, Object> jm = (Map<String, Object>) jgrad.getOrDefault("metrics", Map.of());
        List<String> variants = new ArrayList<>(peers.keySet());
        double peakHere = peakGflops(jgrad, threads);
        double peakOne = peakGflops(jgrad, 1);
        boolean withPeak = !Double.isNaN(peakHere);
        int classicRows = jgrad.get("classic_rows") instanceof Number r ? r.intValue() : 0;
        if (withPeak) {
            out.println("FMA peak measured in the worker: " + String.format(Locale.ROOT, "%.1f", peakHere) + " GFLOPS on "
                    + threads + " thread" + (threads == 1 ? "" : "s") + (threads == 1 ? "" : String.format(Locale.ROOT,
                    ", %.1f on 1", peakOne)) + peakSpread(jgrad, threads) + "; \"% pk\" = figure x FLOPs per unit / peak");
        } else if (jgrad.get("peak") instanceof Map<?, ?> p && p.get("error") != null) {
            out.println(p.get("error"));
        }
        StringBuilder head = new StringBuilder("| " + threads + "t | unit | jgrad |" + (withPeak ? " % pk |" : ""));
        StringBuilder rule = new StringBuilder("|---|---|---:|" + (withPeak ? "---:|" : ""));
        for (String v : variants) {
            Map<String, Object> p = (Map<String, Object>) peers.get(v);
            String name = v.equals("env") ? "peer" : "peer, OPENBLAS_* unset";
            if (p.get("torch") != null) {
                name += " (torch " + p.get("torch") + ", " + p.get("openblas_core") + ")";
            }
            head.append(' ').append(name).append(" |").append(withPeak ? " % pk |" : "").append(" x faster |");
            rule.append(withPeak ? "---:|---:|---:|" : "---:|---:|");
        }
        out.println(head);
        out.println(rule);
        for (MetricRow row : MetricRow.ALL) {
            Double j = number(jm.get(row.key()));
            if (j == null && variants.isEmpty()) {
                continue;
            }
            double peak = row.perCpuSecond() ? peakOne : peakHere;
            StringBuilder line = new StringBuilder("| " + row.label() + " | " + row.unit() + " | " + format(j, row.unit()) + " |");
            if (withPeak) {
                line.append(' ').append(percent(row.gflops(j, classicRows), peak)).append(" |");
            }
            for (String v : variants) {
                Map<String, Object> p = (Map<String, Object>) peers.get(v);
                Map<String, Object> pm = (Map<String, Object>) p.getOrDefault("metrics", Map.of());
                Double pv = row.peerKey() == null ? null : number(pm.get(row.peerKey()));
                double ratio = row.speedRatio(j, pv);
                line.append(' ').append(format(pv, row.unit())).append(" | ");
                if (withPeak) {
                    line.append(percent(row.gflops(pv, classicRows), peak)).append(" | ");
                }
                line.append(Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio)).append(" |");
            }
            out.println(line);
        }
        for (String v : variants) {
            Map<String, Object> p = (Map<String, Object>) peers.get(v);
            if (p.get("error") != null) {
                out.println("(peer " + v + ": " + p.get("error") + ")");
            } else if (p.get("openblas_config") != null) {
                out.println("(peer " + v + ": torch " + p.get("torch") + ", numpy " + p.get("numpy") + ", "
                        + p.get("openblas_config") + ", " + p.get("env") + ", data " + p.get("data") + ")");
            }
        }
    }

    /** The best-round FMA peak the worker measured on {@code threads} threads, NaN if it did not. */
    @SuppressWarnings("unchecked")
    static double peakGflops(Map<String, Object> jgrad, int threads) {
        if (jgrad.get("peak") instanceof Map<?, ?> p && p.get(Integer.toString(threads)) instanceof Map<?, ?> r
                && r.get("gflops") instanceof Number g) {
            return g.doubleValue();
        }
        return Double.NaN;
    }

    /** ", rounds 151.2-160.3 (median 158.0)": how much the peak itself moved while the machine was shared. */
    private static String peakSpread(Map<String, Object> jgrad, int threads) {
        if (jgrad.get("peak") instanceof Map<?, ?> p && p.get(Integer.toString(threads)) instanceof Map<?, ?> r
                && r.get("worst_gflops") instanceof Number w && r.get("median_gflops") instanceof Number med) {
            return String.format(Locale.ROOT, " (rounds %.1f-%.1f, median %.1f)", w.doubleValue(),
                    ((Number) r.get("gflops")).doubleValue(), med.doubleValue());
        }
        return "";
    }

    static String percent(double gflops, double peak) {
        return Double.isNaN(gflops) || Double.isNaN(peak) || peak <= 0 ? "-"
                : String.format(Locale.ROOT, "%.0f%%", 100 * gflops / peak);
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    static String format(Double v, String unit) {
        if (v == null || v.isNaN()) {
            return "-";
        }
        return switch (unit) {
            case "us" -> String.format(Locale.ROOT, "%.1f", v);
            case "s/iter" -> String.format(Locale.ROOT, "%.3f", v);
            case "GFLOPS", "%" -> String.format(Locale.ROOT, "%.1f", v);
            default -> String.format(Locale.ROOT, "%,.0f", v);
        };
    }
}
