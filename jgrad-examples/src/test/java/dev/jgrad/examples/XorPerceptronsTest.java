package dev.jgrad.examples;

import dev.jgrad.autograd.Graph;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class XorPerceptronsTest {

    @Test
    void theStepNetworkComputesXor() {
        assertThat(XorPerceptrons.truthTable()).containsExactly(0f, 1f, 1f, 0f);
    }

    @Test
    void theGraphHasEveryUnitsValueAndZeroGradients() {
        for (float[] in : new float[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
            Tensor y = XorPerceptrons.graph(in[0], in[1]);
            y.backward();
            Map<String, Graph.Node> nodes = Graph.of(y).nodes().stream()
                    .collect(Collectors.toMap(Graph.Node::label, n -> n, (a, b) -> a));
            float xor = (in[0] + in[1] == 1) ? 1f : 0f;
            assertThat(nodes.get("y").value()[0]).isEqualTo(xor);
            assertThat(nodes.get("or").value()[0]).isEqualTo(in[0] + in[1] >= 1 ? 1f : 0f);
            assertThat(nodes.get("nand").value()[0]).isEqualTo(in[0] + in[1] == 2 ? 0f : 1f);
            // The step's gradient is 0: nothing upstream of the output learns.
            assertThat(nodes.get("or.w1").grad()[0]).isZero();
            assertThat(nodes.get("and.b").grad()[0]).isZero();
        }
        String svg = Graph.of(SeedGraph.XOR_PERCEPTRONS.build()).toSvg();
        assertThat(svg).startsWith("<svg").contains("nand").contains("and.b");
        assertThat(SeedGraph.byId("xor-perceptrons").build().item()).isEqualTo(1f);
    }
}
