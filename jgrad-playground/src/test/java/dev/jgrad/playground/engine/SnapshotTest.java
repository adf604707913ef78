package dev.jgrad.playground.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.data.Features;
import dev.jgrad.playground.data.Grid;
import dev.jgrad.playground.state.LinkCodec;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.playground.state.StateJson;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The frame's pictures: the output over the fine grid, the hidden neurons over the coarse one, scores cached. */
class SnapshotTest {
    static PlaygroundState state(String link) {
        ObjectMapper m = new ObjectMapper();
        return new StateJson(m).read(LinkCodec.read(link, m), PlaygroundState.defaults());
    }

    @Test
    @SuppressWarnings("try")
    void hiddenMapsComeFromTheCoarseGridAndTheOutputFromTheFineOne() {
        PlaygroundState s = state("#networkShape=3,2&activation=tanh&dataset=xor&x=true&y=true&xTimesY=true&tfCompat=false");
        JgradEngine e = new JgradEngine(s, DataSplit.of(s));
        e.trainEpoch();
        Grid fine = Grid.of(10), coarse = Grid.of(4);
        Snapshot snap = e.snapshot(fine, coarse);
        assertThat(snap.output()).hasDimensions(1, 100);
        assertThat(snap.hidden()).hasSize(2);
        assertThat(snap.hidden().get(0)).hasDimensions(3, 16);
        assertThat(snap.hidden().get(1)).hasDimensions(2, 16);
        // Cell by cell, one point at a time through the network.
        var net = e.network();
        net.eval();
        try (var ignored = Tensor.noGrad()) {
            for (int cell : new int[] {0, 5, 15}) {
                Tensor x = Tensor.of(Features.matrix(s.features(), new float[] {coarse.x1()[cell]}, new float[] {coarse.x2()[cell]}), 1, 3);
                List<Tensor> trace = net.forwardTrace(x);
                // Linear, tanh, Linear, tanh, Linear, tanh: the hidden activations are trace[1] and trace[3].
                for (int j = 0; j < 3; j++) assertThat(snap.hidden().get(0)[j][cell]).isCloseTo(trace.get(1).get(0, j), within(1e-5f));
                for (int j = 0; j < 2; j++) assertThat(snap.hidden().get(1)[j][cell]).isCloseTo(trace.get(3).get(0, j), within(1e-5f));
            }
            for (int cell : new int[] {0, 37, 99}) {
                Tensor x = Tensor.of(Features.matrix(s.features(), new float[] {fine.x1()[cell]}, new float[] {fine.x2()[cell]}), 1, 3);
                assertThat(snap.output()[0][cell]).isCloseTo(net.forward(x).item(), within(1e-5f));
            }
        }
    }

    @Test
    void scoresAreRecomputedAfterAnythingThatChangesTheWeights() {
        PlaygroundState s = state("#networkShape=4&activation=tanh&dataset=circle&tfCompat=false");
        JgradEngine e = new JgradEngine(s, DataSplit.of(s));
        Snapshot.Scores before = e.scores();
        assertThat(e.scores()).isSameAs(before);
        e.setWeight(1, 0, 0, 5f);
        Snapshot.Scores edited = e.scores();
        assertThat(edited.trainLoss()).isNotEqualTo(before.trainLoss());
        e.trainEpoch();
        assertThat(e.scores().epoch()).isEqualTo(1);
        assertThat(e.scores().trainLoss()).isNotEqualTo(edited.trainLoss());
        float[] p = e.parameters();
        java.util.Arrays.fill(p, 0f);
        e.setParameters(p);
        assertThat(e.scores().trainLoss()).isCloseTo(0.5, within(1e-6)); // quadratic loss of 0 against +-1
    }
}
