package dev.jgrad.examples;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's five lines, kept compiling and working. */
class ReadmeExampleTest {

    @Test
    void fiveLinesTrain() {
        Tensor x = Tensor.randn(new Random(1), 64, 2);
        Tensor y = x.sum(1, true).tanh().detach();
        float first = 0;
        float last = 0;
        Random rng = new Random(42);
        Sequential model = new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 1, rng));
        Adam opt = new Adam(model.parameters(), 0.01);
        for (int i = 0; i < 200; i++) {
            Tensor loss = new MSELoss().apply(model.forward(x), y);
            opt.zeroGrad(); loss.backward(); opt.step();
            if (i == 0) {
                first = loss.item();
            }
            last = loss.item();
        }
        assertThat(last).isLessThan(first / 10);
    }
}
