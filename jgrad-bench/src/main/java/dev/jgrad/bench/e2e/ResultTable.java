package dev.jgrad.bench.e2e;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints one thread count's results as a Markdown table: jgrad, each peer variant, and the speed ratios. */
final class ResultTable {

    private ResultTable() {
    }

    @SuppressWarnings("unchecked")
    static void print(PrintStream out, int threads, Map<String, Object> jgrad, Map<String, Object> peers) {
        Map<String, Object> jm = (Map<String, Object>) jgrad.getOrDefault("metrics", Map.of());
        List<String> variants = new ArrayList<>(peers.keySet());
        StringBuilder head = new StringBuilder("| " + threads + "t | unit | jgrad |");
        StringBuilder rule = new StringBuilder("|---|---|---:|");
        for (String v : variants) {
            Map<String, Object> p = (Map<String, Object>) peers.get(v);
            String name = v.equals("env") ? "peer" : "peer, OPENBLAS_* unset";
            if (p.get("torch") != null) {
                name += " (torch " + p.get("torch") + ", " + p.get("openblas_core") + ")";
            }
            head.append(' ').append(name).append(" | x faster |");
            rule.append("---:|---:|");
        }
        out.println(head);
        out.println(rule);
        for (MetricRow row : MetricRow.ALL) {
            Double j = number(jm.get(row.key()));
            if (j == null && variants.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder("| " + row.label() + " | " + row.unit() + " | " + format(j, row.unit()) + " |");
            for (String v : variants) {
                Map<String, Object> p = (Map<String, Object>) peers.get(v);
                Map<String, Object> pm = (Map<String, Object>) p.getOrDefault("metrics", Map.of());
                Double pv = row.peerKey() == null ? null : number(pm.get(row.peerKey()));
                double ratio = row.speedRatio(j, pv);
                line.append(' ').append(format(pv, row.unit())).append(" | ")
                        .append(Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio)).append(" |");
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
            case "GFLOPS" -> String.format(Locale.ROOT, "%.1f", v);
            default -> String.format(Locale.ROOT, "%,.0f", v);
        };
    }
}
