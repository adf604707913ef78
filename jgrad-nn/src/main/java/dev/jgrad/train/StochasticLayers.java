package dev.jgrad.train;

import dev.jgrad.nn.Module;
import dev.jgrad.random.Seeds;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the layers that draw random numbers (dropout) get their streams, the same for the {@link Trainer} and the
 * workers of distributed training: at the start of epoch {@code e} every module of the tree (depth first, the model
 * itself first) is {@link Module#reseed reseeded} from (seed, {@code e}, its index), and before each forward pass
 * told which rows of which step it gets ({@link Module#atRows}). A row's dropout mask is thus a pure function of
 * (seed, epoch, step, the row's position in the global batch).
 */
public final class StochasticLayers {

    private final List<Module> modules = new ArrayList<>();

    public StochasticLayers(Module root) {
        collect(root);
    }

    private void collect(Module m) {
        modules.add(m);
        for (Module child : m.children().values()) {
            collect(child);
        }
    }

    /** Restarts every module's stream for 1-based {@code epoch} of a run seeded with {@code seed}. */
    public void reseed(long seed, int epoch) {
        for (int i = 0; i < modules.size(); i++) {
            modules.get(i).reseed(Seeds.derive(seed, epoch, i + 1));
        }
    }

    /** The next forward pass gets the batch of 0-based {@code step}, from its row {@code firstRow} on. */
    public void atRows(int step, int firstRow) {
        for (Module m : modules) {
            m.atRows(step, firstRow);
        }
    }
}
