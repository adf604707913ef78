package dev.jgrad.autograd;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A computational graph as the lecture slides draw it: inputs on the left, the output on the right, every node
 * with its op, its forward value and (after {@code backward()}) its gradient. Meant for small graphs (the
 * seeds' {@code (x+y)z}, the sigmoid neuron); tensors with more than a few elements are shown by shape.
 */
public final class Graph {

    /** One node: a tensor in the graph, with the indices of the nodes it was computed from. */
    public record Node(int id, String label, String op, int[] shape, float[] value, float[] grad, List<Integer> inputs) {
        /** Whether the node is an input (a leaf) rather than the result of an op. */
        public boolean isLeaf() {
            return inputs.isEmpty();
        }
    }

    private final List<Node> nodes;

    private Graph(List<Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * The graph that produced {@code root}, nodes in topological order (inputs first, root last). Constants that
     * fed an op (a label y, an input x) are drawn too, without a gradient.
     */
    public static Graph of(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        collect(root, java.util.Collections.newSetFromMap(new IdentityHashMap<>()), order);
        Map<Tensor, Integer> ids = new IdentityHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Tensor t : order) {
            List<Integer> in = new ArrayList<>();
            for (Tensor p : t.inputs()) {
                Integer id = ids.get(p);
                if (id != null) {
                    in.add(id);
                }
            }
            int id = nodes.size();
            ids.put(t, id);
            String label = t.name() != null ? t.name() : (t.inputs().isEmpty() ? "in" + id : t.op());
            nodes.add(new Node(id, label, t.inputs().isEmpty() ? "leaf" : t.op(), t.shape(), t.toArray(),
                    t.grad() == null ? null : t.grad().toArray(), List.copyOf(in)));
        }
        return new Graph(nodes);
    }

    private static void collect(Tensor t, java.util.Set<Tensor> seen, List<Tensor> order) {
        if (!seen.add(t)) {
            return;
        }
        for (Tensor p : t.inputs()) {
            collect(p, seen, order); // recursion is fine: these graphs are small enough to draw
        }
        order.add(t);
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** One line per node: {@code q = add(x, y)  value 3  grad -4}. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            sb.append(n.label());
            if (!n.isLeaf()) {
                sb.append(" = ").append(n.op()).append('(');
                for (int i = 0; i < n.inputs().size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(nodes.get(n.inputs().get(i)).label());
                }
                sb.append(')');
            }
            sb.append("  value ").append(values(n.value(), n.shape()));
            sb.append("  grad ").append(n.grad() == null ? "-" : values(n.grad(), n.shape()));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Graphviz DOT: leaves as boxes, op results as ellipses, value in green and gradient in red. */
    public String toDot() {
        StringBuilder sb = new StringBuilder("digraph jgrad {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for (Node n : nodes) {
            String title = n.isLeaf() ? n.label() : n.label().equals(n.op()) ? n.op() : n.label() + " = " + n.op();
            sb.append("  n").append(n.id()).append(" [shape=").append(n.isLeaf() ? "box" : "ellipse")
                    .append(", label=<").append(escape(title))
                    .append("<br/><font color=\"#1a7f37\">").append(escape(values(n.value(), n.shape()))).append("</font>")
                    .append("<br/><font color=\"#cf222e\">").append(n.grad() == null ? "" : escape(values(n.grad(), n.shape())))
                    .append("</font>>];\n");
        }
        for (Node n : nodes) {
            for (int in : n.inputs()) {
                sb.append("  n").append(in).append(" -> n").append(n.id()).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    /**
     * A standalone SVG: nodes in columns by depth (inputs left), each showing its label, its value (green, above)
     * and its gradient (red, below), like the slides.
     */
    public String toSvg() {
        int[] depth = new int[nodes.size()];
        int maxDepth = 0;
        for (Node n : nodes) {
            for (int in : n.inputs()) {
                depth[n.id()] = Math.max(depth[n.id()], depth[in] + 1);
            }
            maxDepth = Math.max(maxDepth, depth[n.id()]);
        }
        int[] row = new int[nodes.size()];
        int[] perColumn = new int[maxDepth + 1];
        for (Node n : nodes) {
            row[n.id()] = perColumn[depth[n.id()]]++;
        }
        int rows = Arrays.stream(perColumn).max().orElse(1);
        int colW = 170;
        int rowH = 90;
        int w = (maxDepth + 1) * colW + 40;
        int h = rows * rowH + 40;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n", w, h, w, h));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
        double[][] pos = new double[nodes.size()][];
        for (Node n : nodes) {
            double cx = 20 + depth[n.id()] * colW + colW / 2.0;
            double cy = 20 + row[n.id()] * rowH + rowH / 2.0 + (rows - perColumn[depth[n.id()]]) * rowH / 2.0;
            pos[n.id()] = new double[]{cx, cy};
        }
        for (Node n : nodes) {
            for (int in : n.inputs()) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
                                + "stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n",
                        pos[in][0] + 40, pos[in][1], pos[n.id()][0] - 42, pos[n.id()][1]));
            }
        }
        for (Node n : nodes) {
            double cx = pos[n.id()][0];
            double cy = pos[n.id()][1];
            if (n.isLeaf()) {
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"80\" height=\"30\" rx=\"4\" "
                        + "fill=\"#f6f8fa\" stroke=\"#333\"/>\n", cx - 40, cy - 15));
            } else {
                sb.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"40\" ry=\"17\" fill=\"#fff8c5\" "
                        + "stroke=\"#333\"/>\n", cx, cy));
            }
            String title = n.isLeaf() || n.label().equals(n.op()) ? n.label() : n.label() + ": " + n.op();
            sb.append(text(cx, cy + 4, title, "#111", "middle"));
            sb.append(text(cx, cy - 22, values(n.value(), n.shape()), "#1a7f37", "middle"));
            if (n.grad() != null) {
                sb.append(text(cx, cy + 32, values(n.grad(), n.shape()), "#cf222e", "middle"));
            }
        }
        return sb.append("</svg>\n").toString();
    }

    private static String text(double x, double y, String s, String color, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" text-anchor=\"%s\">%s</text>\n",
                x, y, color, anchor, escape(s));
    }

    /** A value as a person reads it: a number for one element, a short list for a few, else the shape. */
    static String values(float[] v, int[] shape) {
        if (v.length == 1) {
            return number(v[0]);
        }
        if (v.length <= 4) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.length; i++) {
                sb.append(i > 0 ? ", " : "").append(number(v[i]));
            }
            return sb.append(']').toString();
        }
        return "shape " + Arrays.toString(shape);
    }

    private static String number(float f) {
        if (f == Math.rint(f) && Math.abs(f) < 1e6) {
            return String.valueOf((long) f);
        }
        String s = String.format(Locale.ROOT, "%.4f", f);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
