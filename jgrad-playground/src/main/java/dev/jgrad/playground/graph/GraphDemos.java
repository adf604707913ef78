package dev.jgrad.playground.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.autograd.Graph;
import dev.jgrad.examples.SeedGraph;

import java.util.NoSuchElementException;

/**
 * The notes' small graphs ({@link SeedGraph}, shared with {@code jgrad graph}), back-propagated once and read
 * with {@link Graph#of}: nodes in topological order, each with its forward value and gradient, plus edges.
 */
public final class GraphDemos {
    private GraphDemos() {}

    /** The available graphs: name, title, formula. */
    public static ArrayNode list(ObjectMapper mapper) {
        ArrayNode a = mapper.createArrayNode();
        for (SeedGraph g : SeedGraph.values()) {
            a.addObject().put("name", g.id()).put("title", g.title()).put("formula", g.title());
        }
        return a;
    }

    /**
     * Nodes (topological order, inputs first) with forward value and gradient of the output, plus edges. A
     * node's {@code name} is its tensor's name; {@code label} adds the op for display ("q: add").
     *
     * @throws NoSuchElementException for an unknown name
     */
    public static ObjectNode compute(String name, ObjectMapper mapper) {
        SeedGraph d;
        try {
            d = SeedGraph.byId(name);
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("graph '" + name + "' not found: " + e.getMessage());
        }
        Graph g = Graph.of(d.build());
        ObjectNode o = mapper.createObjectNode().put("name", name).put("title", d.title()).put("formula", d.title());
        ArrayNode nodes = o.putArray("nodes"), edges = o.putArray("edges");
        for (Graph.Node n : g.nodes()) {
            String label = n.isLeaf() || n.label().equals(n.op()) ? n.label() : n.label() + ": " + n.op();
            ObjectNode j = nodes.addObject().put("id", n.id()).put("name", n.label()).put("label", label).put("op", n.op())
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
