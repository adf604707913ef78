package dev.jgrad.examples;

import dev.jgrad.autograd.Graph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SeedGraphTest {

    private static Map<String, Graph.Node> nodes(SeedGraph g) {
        List<Graph.Node> list = Graph.of(g.build()).nodes();
        return list.stream().collect(Collectors.toMap(Graph.Node::label, n -> n, (a, b) -> a));
    }

    @Test
    void everyExampleHasTheNotesNumbers() {
        Map<String, Graph.Node> addMul = nodes(SeedGraph.ADD_MUL);
        assertThat(addMul.get("f").value()[0]).isEqualTo(-12f);
        assertThat(addMul.get("x").grad()[0]).isEqualTo(-4f);
        assertThat(addMul.get("z").grad()[0]).isEqualTo(3f);

        Map<String, Graph.Node> neuron = nodes(SeedGraph.SIGMOID_NEURON);
        assertThat(neuron.get("1/x").value()[0]).isCloseTo(0.7311f, within(1e-4f));
        assertThat(neuron.get("x1").grad()[0]).isCloseTo(-0.5898f, within(1e-4f));
        assertThat(neuron.get("w2").grad()[0]).isCloseTo(0.1966f, within(1e-4f));

        Map<String, Graph.Node> logistic = nodes(SeedGraph.LOGISTIC_STEP);
        assertThat(logistic.get("a").value()[0]).isCloseTo(0.57932f, within(1e-5f));
        assertThat(logistic.get("z").grad()[0]).isCloseTo(-0.42068f, within(1e-5f));
        assertThat(logistic.get("w2").grad()[0]).isCloseTo(-0.294473f, within(1e-5f));

        Map<String, Graph.Node> relu = nodes(SeedGraph.RELU_REGRESSION);
        assertThat(relu.get("L").value()[0]).isEqualTo(4f);
        assertThat(relu.get("w2").grad()[0]).isEqualTo(-60f);
        assertThat(relu.get("x").grad()[0]).isEqualTo(20f);

        Map<String, Graph.Node> square = nodes(SeedGraph.SQUARE_OF_AFFINE);
        assertThat(square.get("h").value()[0]).isEqualTo(36f);
        assertThat(square.get("g").grad()[0]).isEqualTo(12f);
        assertThat(square.get("x").grad()[0]).isEqualTo(24f);
    }

    @Test
    void logisticStepMatchesTheSlide() {
        LogisticStep.Result r = LogisticStep.run(0.5f);
        assertThat(r.newW()).containsExactly(new float[]{0.821034f, 0.347237f}, within(1e-5f));
        assertThat(r.newB()).isCloseTo(0.310338f, within(1e-5f));
        assertThat(r.newZ()).isCloseTo(0.63551f, within(1e-5f));
        assertThat(r.newA()).isCloseTo(0.65374f, within(1e-5f));
        assertThat(r.newLoss()).isCloseTo(0.42505f, within(1e-5f));
        assertThat(r.toString()).contains("a = 0.57932").contains("loss = 0.42505");
    }

    @Test
    void unknownIdsListTheChoices() {
        assertThat(SeedGraph.byId("add-mul")).isEqualTo(SeedGraph.ADD_MUL);
        assertThatThrownBy(() -> SeedGraph.byId("nope")).hasMessageContaining("add-mul").hasMessageContaining("relu-regression");
    }
}
