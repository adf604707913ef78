package dev.jgrad.autograd;

import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphTest {

    private static Graph addMul() {
        Tensor x = Tensor.scalar(-2).requiresGrad(true).name("x");
        Tensor y = Tensor.scalar(5).requiresGrad(true).name("y");
        Tensor z = Tensor.scalar(-4).requiresGrad(true).name("z");
        Tensor f = x.add(y).name("q").mul(z).name("f");
        f.backward();
        return Graph.of(f);
    }

    @Test
    void nodesComeInTopologicalOrderWithValuesAndGradients() {
        Graph g = addMul();
        assertThat(g.nodes()).extracting(Graph.Node::label).containsExactly("x", "y", "q", "z", "f");
        Graph.Node q = g.nodes().get(2);
        assertThat(q.op()).isEqualTo("add");
        assertThat(q.value()).containsExactly(3f);
        assertThat(q.grad()).containsExactly(-4f);
        assertThat(q.inputs()).containsExactly(0, 1);
    }

    @Test
    void textShowsEveryNode() {
        assertThat(addMul().toText()).isEqualTo("""
                x  value -2  grad -4
                y  value 5  grad -4
                q = add(x, y)  value 3  grad -4
                z  value -4  grad 3
                f = mul(q, z)  value -12  grad 1
                """);
    }

    @Test
    void dotAndSvgCarryValuesAndGradients() {
        Graph g = addMul();
        String dot = g.toDot();
        assertThat(dot).startsWith("digraph jgrad {").contains("n0 -> n2;").contains("n1 -> n2;").contains("n2 -> n4;")
                .contains("q = add").contains(">-12<").contains(">-4<");
        String svg = g.toSvg();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
                .contains(">f: mul<").contains(">-12<").contains(">3<").contains("fill=\"#cf222e\"");
        assertThat(svg.split("<line ", -1)).hasSize(5); // four edges
    }

    @Test
    void largerTensorsAreShownByShape() {
        Tensor w = Tensor.ones(3, 4).requiresGrad(true).name("W");
        Tensor s = w.sum();
        s.backward();
        assertThat(Graph.of(s).toText()).contains("W  value shape [3, 4]  grad shape [3, 4]").contains("sum = sum(W)  value 12");
    }
}
