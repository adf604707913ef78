package dev.jgrad.tensor;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TensorTest {

    @Test
    void creation() {
        assertThat(Tensor.zeros(2, 3).toArray()).containsOnly(0f).hasSize(6);
        assertThat(Tensor.ones(4).toArray()).containsOnly(1f);
        assertThat(Tensor.full(2.5f, 2).toArray()).containsExactly(2.5f, 2.5f);
        assertThat(Tensor.arange(4).toArray()).containsExactly(0, 1, 2, 3);
        assertThat(Tensor.scalar(3).dim()).isZero();
        assertThat(Tensor.scalar(3).item()).isEqualTo(3f);
        Tensor m = Tensor.matrix(new float[][]{{1, 2}, {3, 4}});
        assertThat(m.get(1, 0)).isEqualTo(3f);
        assertThatThrownBy(() -> Tensor.of(new float[5], 2, 3)).hasMessageContaining("5 values").hasMessageContaining("[2, 3]");
    }

    @Test
    void seededRandomnessIsReproducible() {
        assertThat(Tensor.randn(new Random(1), 10).toArray()).containsExactly(Tensor.randn(new Random(1), 10).toArray());
        assertThat(Tensor.rand(new Random(1), 10).toArray()).isNotEqualTo(Tensor.rand(new Random(2), 10).toArray());
        float[] u = Tensor.uniform(new Random(3), -1f, 1f, 1000).toArray();
        for (float v : u) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void viewsShareStorage() {
        Tensor m = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor t = m.transpose();
        assertThat(t.shape()).containsExactly(3, 2);
        assertThat(t.toArray()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(t.isContiguous()).isFalse();
        Tensor r = m.rows(1, 2);
        assertThat(r.toArray()).containsExactly(4, 5, 6);
        m.set(40, 1, 0);
        assertThat(r.get(0, 0)).isEqualTo(40f);
        assertThat(t.get(0, 1)).isEqualTo(40f);
        assertThat(m.reshape(3, -1).shape()).containsExactly(3, 2);
        assertThat(t.contiguous().isContiguous()).isTrue();
        assertThatThrownBy(t::data).hasMessageContaining("view");
    }

    @Test
    void broadcastingFollowsNumpy() {
        Tensor a = Tensor.of(new float[]{1, 2, 3}, 3, 1);
        Tensor b = Tensor.vector(10, 20);
        Tensor c = a.add(b);
        assertThat(c.shape()).containsExactly(3, 2);
        assertThat(c.toArray()).containsExactly(11, 21, 12, 22, 13, 23);
        assertThatThrownBy(() -> Tensor.ones(2, 3).add(Tensor.ones(4)))
                .hasMessage("add: shapes [2, 3] and [4] cannot be broadcast (dimension 1: 3 vs 4)");
    }

    @Test
    void elementwiseValues() {
        Tensor x = Tensor.vector(-2, 0, 3);
        assertThat(x.relu().toArray()).containsExactly(0, 0, 3);
        assertThat(x.step().toArray()).containsExactly(0, 1, 1);
        assertThat(x.abs().toArray()).containsExactly(2, 0, 3);
        assertThat(x.leakyRelu(0.1f).toArray()).containsExactly(new float[]{-0.2f, 0, 3}, within(1e-7f));
        assertThat(x.clamp(-1, 1).toArray()).containsExactly(-1, 0, 1);
        assertThat(x.sigmoid().toArray()).containsExactly(new float[]{0.1192029f, 0.5f, 0.9525741f}, within(1e-6f));
        assertThat(x.tanh().toArray()).containsExactly(new float[]{-0.9640276f, 0f, 0.9950548f}, within(1e-6f));
        assertThat(x.exp().log().toArray()).containsExactly(new float[]{-2, 0, 3}, within(1e-5f));
        assertThat(Tensor.vector(4, 9).sqrt().toArray()).containsExactly(2, 3);
        assertThat(x.pow(2).toArray()).containsExactly(4, 0, 9);
        assertThat(x.maximum(Tensor.scalar(1)).toArray()).containsExactly(1, 1, 3);
        assertThat(x.minimum(Tensor.scalar(1)).toArray()).containsExactly(-2, 0, 1);
        assertThat(x.gelu().toArray()).containsExactly(new float[]{-0.0455003f, 0f, 2.9959502f}, within(1e-5f));
        assertThat(Tensor.vector(-1000, 1000).sigmoid().toArray()).containsExactly(0f, 1f);
    }

    @Test
    void reductions() {
        Tensor m = Tensor.of(new float[]{1, 5, 3, 4, 2, 6}, 2, 3);
        assertThat(m.sum().item()).isEqualTo(21f);
        assertThat(m.mean().item()).isEqualTo(3.5f);
        assertThat(m.sum(0, false).toArray()).containsExactly(5, 7, 9);
        assertThat(m.sum(1, true).shape()).containsExactly(2, 1);
        assertThat(m.sum(-1, false).toArray()).containsExactly(9, 12);
        assertThat(m.mean(0, false).toArray()).containsExactly(2.5f, 3.5f, 4.5f);
        assertThat(m.max(1, false).toArray()).containsExactly(5, 6);
        assertThat(m.argmax(1)).containsExactly(1, 2);
        assertThat(m.argmax(0)).containsExactly(1, 0, 1);
    }

    @Test
    void softmaxIsStableAndNormalized() {
        Tensor logits = Tensor.of(new float[]{1000, 1001, 1002, -5, 0, 5}, 2, 3);
        Tensor p = logits.softmax(1);
        assertThat(p.sum(1, false).toArray()).containsExactly(new float[]{1, 1}, within(1e-6f));
        assertThat(p.get(0, 2)).isCloseTo(0.66524096f, within(1e-6f));
        Tensor lp = logits.logSoftmax(1);
        assertThat(lp.get(0, 2)).isCloseTo((float) Math.log(0.66524096), within(1e-5f));
        assertThat(lp.toArray()).doesNotContain(Float.NaN, Float.NEGATIVE_INFINITY);
    }

    @Test
    void matmulAndItsErrors() {
        Tensor a = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[]{7, 8, 9, 10, 11, 12}, 3, 2);
        assertThat(a.matmul(b).toArray()).containsExactly(58, 64, 139, 154);
        // transposed views go to GEMM as flags
        assertThat(b.transpose().transpose().matmul(a.transpose().transpose()).shape()).containsExactly(3, 3);
        assertThat(a.matmul(a.transpose()).toArray()).containsExactly(14, 32, 32, 77);
        assertThat(a.transpose().matmul(a).get(2, 2)).isEqualTo(45f);
        assertThatThrownBy(() -> Tensor.zeros(32, 784).matmul(Tensor.zeros(10, 784)))
                .hasMessage("matmul: [32, 784] @ [10, 784]: inner dimensions 784 != 10");
        Tensor batched = Tensor.ones(4, 2, 3).matmul(Tensor.ones(4, 3, 5));
        assertThat(batched.shape()).containsExactly(4, 2, 5);
        assertThat(batched.toArray()).containsOnly(3f);
    }

    @Test
    void linearIsMatmulWithTransposedWeightPlusBias() {
        Random rng = new Random(3);
        Tensor x = Tensor.randn(rng, 5, 4);
        Tensor w = Tensor.randn(rng, 3, 4);
        Tensor b = Tensor.randn(rng, 3);
        Tensor fused = Tensor.linear(x, w, b);
        Tensor composed = x.matmul(w.transpose()).add(b);
        assertThat(fused.toArray()).containsExactly(composed.toArray(), within(1e-5f));
        assertThatThrownBy(() -> Tensor.linear(Tensor.zeros(2, 5), w, b))
                .hasMessageContaining("[2, 5]").hasMessageContaining("[3, 4]");
    }

    @Test
    void indexingHelpers() {
        Tensor oh = Tensor.oneHot(new int[]{2, 0}, 3);
        assertThat(oh.toArray()).containsExactly(0, 0, 1, 1, 0, 0);
        Tensor scores = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(scores.pick(new int[]{2, 0}).toArray()).containsExactly(3, 4);
        assertThatThrownBy(() -> Tensor.oneHot(new int[]{3}, 3)).hasMessageContaining("label 3");
        Tensor c = Tensor.concat(1, Tensor.ones(2, 1), Tensor.zeros(2, 2));
        assertThat(c.toArray()).containsExactly(1, 0, 0, 1, 0, 0);
        assertThatThrownBy(() -> Tensor.concat(0, Tensor.ones(2, 1), Tensor.zeros(2, 2)))
                .hasMessageContaining("[2, 1], [2, 2]");
    }

    @Test
    void printsReadably() {
        assertThat(Tensor.vector(1, 2.5f).toString()).isEqualTo("tensor([1., 2.500], shape=[2])");
        assertThat(Tensor.scalar(1).requiresGrad(true).toString()).contains("requiresGrad");
    }
}
