package dev.jgrad.cli.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The redrawn bar never reaches the terminal's last column, so it never wraps (a wrapped bar repeats every redraw). */
class ProgressBarWidthTest {

    @Test
    void theLineFitsEveryWidthAndShrinksTheBarFirst() {
        for (int columns = 1; columns <= 200; columns++) {
            String line = ProgressBar.barLine(columns, "epoch 12/100", 0.52, " 52%", "31.2k samples/s", "loss 0.4123",
                    "ETA 4.1s");
            assertThat(line.length()).as("width " + columns + ": " + line).isLessThan(Math.max(2, columns));
        }
        assertThat(ProgressBar.barLine(120, "epoch 3/10", 0.5, " 50%", "1k samples/s", "loss 0.4", "ETA 1s"))
                .isEqualTo("epoch 3/10 [==============>               ]  50% 1k samples/s loss 0.4 ETA 1s");
        assertThat(ProgressBar.barLine(40, "epoch 3/10", 0.5, " 50%", "1k samples/s", "loss 0.4", "ETA 1s"))
                .isEqualTo("epoch 3/10 [=====>      ]  50% loss 0.4");
    }
}
