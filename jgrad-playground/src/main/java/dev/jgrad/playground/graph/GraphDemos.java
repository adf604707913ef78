package dev.jgrad.playground.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.autograd.Graph;
import dev.jgrad.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Three graphs from the notes, each built from named scalar tensors, back-propagated once, then read with
 * {@link Graph#of} (nodes in topological order, each with its forward value and gradient).
 */
public final class GraphDemos {
    private GraphDemos() {}

    private record Demo(String title, String formula, Supplier<Tensor> build) {}

    private static final Map<String, Demo> DEMOS = new LinkedHashMap<>();

    static {
        DEMOS.put("add-mul", new Demo("(x + y) z", "f = (x + y) · z at x = -2, y = 5, z = -4", () -> {
            Tensor x = var("x", -2), y = var("y", 5), z = var("z", -4);
            Tensor q = x.add(y).name("q = x + y");
            return q.mul(z).name("f = q · z");
        }));
        DEMOS.put("sigmoid-neuron", new Demo("sigmoid neuron",
                "f = 1 / (1 + exp(-(w0·x0 + w1·x1 + w2))) at w0 = 2, x0 = -1, w1 = -3, x1 = -2, w2 = -3", () -> {
            Tensor w0 = var("w0", 2), x0 = var("x0", -1), w1 = var("w1", -3), x1 = var("x1", -2), w2 = var("w2", -3);
            Tensor a = w0.mul(x0).name("w0·x0"), b = w1.mul(x1).name("w1·x1");
            Tensor dot = a.add(b).name("+"), z = dot.add(w2).name("+ w2");
            Tensor neg = z.neg().name("· -1"), e = neg.exp().name("exp"), d = e.add(1f).name("+ 1");
            return d.pow(-1f).name("1 / x");
        }));
        DEMOS.put("logistic", new Demo("logistic regression",
                "L = -(y log p + (1 - y) log(1 - p)), p = σ(w·x + b) at x = (0.1, 0.7), y = 1, w = (0.8, 0.2), b = 0.1",
                () -> {
            Tensor x1 = var("x1", 0.1f), x2 = var("x2", 0.7f), w1 = var("w1", 0.8f), w2 = var("w2", 0.2f);
            Tensor b = var("b", 0.1f), y = Tensor.scalar(1f).name("y");
            Tensor z = w1.mul(x1).name("w1·x1").add(w2.mul(x2).name("w2·x2")).name("+").add(b).name("z = +b");
            Tensor p = z.sigmoid().name("p = σ(z)");
            Tensor pos = y.mul(p.log().name("log p")).name("y·log p");
            Tensor oneMinusY = y.neg().add(1f).name("1 - y");
            Tensor neg = oneMinusY.mul(p.neg().add(1f).name("1 - p").log().name("log(1-p)")).name("(1-y)·log(1-p)");
            return pos.add(neg).name("+").neg().name("L");
        }));
    }

    private static Tensor var(String name, float v) {
        return Tensor.scalar(v).requiresGrad(true).name(name);
    }

    /** The available graphs: name, title, formula. */
    public static ArrayNode list(ObjectMapper mapper) {
        ArrayNode a = mapper.createArrayNode();
        DEMOS.forEach((k, d) -> a.addObject().put("name", k).put("title", d.title()).put("formula", d.formula()));
        return a;
    }

    /**
     * Nodes (topological order, inputs first) with forward value and gradient of the output, plus edges.
     *
     * @throws NoSuchElementException for an unknown name
     */
    public static ObjectNode compute(String name, ObjectMapper mapper) {
        Demo d = DEMOS.get(name);
        if (d == null) throw new NoSuchElementException("graph '" + name + "' not found; known: " + DEMOS.keySet());
        Tensor out = d.build().get();
        out.backward();
        Graph g = Graph.of(out);
        ObjectNode o = mapper.createObjectNode().put("name", name).put("title", d.title()).put("formula", d.formula());
        ArrayNode nodes = o.putArray("nodes"), edges = o.putArray("edges");
        for (Graph.Node n : g.nodes()) {
            ObjectNode j = nodes.addObject().put("id", n.id()).put("label", n.label()).put("op", n.op())
                    .put("value", n.value()[0]);
            if (n.grad() == null) j.putNull("grad"); else j.put("grad", n.grad()[0]);
            ArrayNode in = j.putArray("inputs");
            for (int i : n.inputs()) {
                in.add(i);
                edges.addObject().put("from", i).put("to", n.id());
            }
        }
        return o;
    }
}
