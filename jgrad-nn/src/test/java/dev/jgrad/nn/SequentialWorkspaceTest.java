package dev.jgrad.nn;

import dev.jgrad.activation.Activations;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/**
 * The fused path of {@link Sequential}: each Linear with its activation, intermediates in a workspace reused
 * across steps. Same numbers as the layers run one by one, step after step; buffers reused only once no graph
 * needs them; a freed intermediate refuses to be read; a steady step allocates little.
 */
class SequentialWorkspaceTest {

    private static Sequential model(long seed, String act) {
        Random rng = new Random(seed);
        return new Sequential(new Linear(5, 12, rng), new Activation(act), new Linear(12, 7, rng),
                new Activation(act), new Linear(7, 3, rng));
    }

    private static Tensor unfused(Sequential s, Tensor x) {
        List<Tensor> trace = s.forwardTrace(x);
        return trace.get(trace.size() - 1);
    }

    @Test
    void everyCatalogActivationTrainsLikeTheLayerByLayerComposition() {
        for (var e : Activations.entries()) {
            String act = e.create().spec();
            Sequential fused = model(3, act);
            Sequential plain = model(3, act);
            Adam o1 = new Adam(fused.parameters(), 0.01);
            Adam o2 = new Adam(plain.parameters(), 0.01);
            Loss loss = new CrossEntropyLoss();
            Random data = new Random(9);
            for (int step = 0; step < 6; step++) {
                int n = step % 2 == 0 ? 8 : 5; // batch sizes change: buffers are resized, never stale
                Tensor x = Tensor.randn(data, n, 5);
                Tensor y = Tensor.of(new float[n], n);
                for (int i = 0; i < n; i++) {
                    y.set(data.nextInt(3), i);
                }
                o1.zeroGrad();
                o2.zeroGrad();
                Tensor l1 = loss.apply(fused.forward(x), y);
                Tensor l2 = loss.apply(unfused(plain, x), y);
                assertThat(l1.item()).as("%s step %d", act, step).isCloseTo(l2.item(), offset(1e-5f));
                l1.backward();
                l2.backward();
                for (int p = 0; p < fused.parameters().size(); p++) {
                    assertThat(fused.parameters().get(p).grad().toArray()).as("%s step %d param %d", act, step, p)
                            .containsExactly(plain.parameters().get(p).grad().toArray(), offset(1e-5f));
                }
                o1.step();
                o2.step();
            }
        }
    }

    @Test
    void twoGraphsAliveAtOnceKeepTheirOwnBuffers() {
        Sequential net = model(4, "tanh");
        Sequential ref = model(4, "tanh");
        Random data = new Random(1);
        Tensor x1 = Tensor.randn(data, 4, 5);
        Tensor x2 = Tensor.randn(data, 4, 5);
        // Siamese use: two forwards, then one backward through both.
        net.forward(x1).sub(net.forward(x2)).pow(2).sum().backward();
        unfused(ref, x1).sub(unfused(ref, x2)).pow(2).sum().backward();
        for (int p = 0; p < net.parameters().size(); p++) {
            assertThat(net.parameters().get(p).grad().toArray())
                    .containsExactly(ref.parameters().get(p).grad().toArray(), offset(1e-5f));
        }
    }

    @Test
    void outputsStayTheCallersOwnAcrossSteps() {
        Sequential net = new Sequential(new Linear(3, 4, new Random(1)), new ReLU(), new Linear(4, 2, new Random(2)),
                new Identity());
        Tensor x = Tensor.randn(new Random(3), 6, 3);
        Tensor first;
        try (var s = Tensor.noGrad()) {
            first = net.forward(x);
        }
        float[] kept = first.toArray();
        try (var s = Tensor.noGrad()) {
            net.forward(Tensor.randn(new Random(4), 6, 3));
        }
        assertThat(first.toArray()).containsExactly(kept);
        assertThat(first.isLeased()).isFalse();
    }

    @Test
    void aFreedIntermediateAndASecondBackwardSayWhy() {
        Sequential net = model(5, "relu");
        Tensor out = net.forward(Tensor.randn(new Random(1), 4, 5));
        Tensor hidden = out.inputs().get(0); // the second layer's output, in the workspace
        assertThat(hidden.isLeased()).isTrue();
        Tensor loss = out.sum();
        loss.backward();
        assertThatThrownBy(hidden::toArray).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("freed by backward()");
        assertThatThrownBy(loss::backward).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("freed by backward()");
        assertThat(out.toArray()).hasSize(12); // the output itself stays readable
    }

    /**
     * Allocation per steady step. The kernels' Vector API code allocates until C2 has compiled it (later on a
     * loaded machine), so steps run until a window of 20 is steady, up to a bound; the engine's own share is
     * what is asserted: the [64, 10] output and its gradient plus small objects, where the unfused layers
     * allocated ~50 KB of intermediates and gradients per step.
     */
    @Test
    void aSteadyTrainingStepAllocatesLittle() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random rng = new Random(7);
        Sequential net = new Sequential(new Linear(96, 64, rng), new ReLU(), new Linear(64, 32, rng), new ReLU(),
                new Linear(32, 10, rng));
        Adam opt = new Adam(net.parameters(), 1e-3);
        Loss loss = new CrossEntropyLoss();
        Tensor x = Tensor.randn(rng, 64, 96);
        float[] labels = new float[64];
        for (int i = 0; i < 64; i++) {
            labels[i] = i % 10;
        }
        Tensor y = Tensor.of(labels, 64);
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 400 && best >= 16 * 1024; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20; i++) {
                opt.zeroGrad();
                Tensor l = loss.apply(net.forward(x), y);
                l.backward();
                opt.step();
            }
            best = Math.min(best, (threads.getCurrentThreadAllocatedBytes() - before) / 20);
        }
        assertThat(best).isLessThan(16 * 1024);
    }
}
