package dev.jgrad.playground.data;

import dev.jgrad.data.synthetic.Points2D;
import dev.jgrad.data.synthetic.Shape2D;
import dev.jgrad.data.synthetic.Synthetic2D;

/** Adapts jgrad-data's generators to the playground: ids, the 0..50 noise slider and class indices 0..k-1. */
final class Synthetic {
    private Synthetic() {}

    static PointSet generate(String dataset, int n, int noisePercent, long seed, int classes) {
        Shape2D shape = Shape2D.parse(dataset.equals("multigauss") ? "multi-gauss" : dataset);
        int k = shape.kind() == Shape2D.Kind.MULTI_CLASS ? classes : shape.defaultClasses();
        Points2D p = Synthetic2D.generate(shape, n, noisePercent / 100.0, k, seed);
        if (p.regression()) return new PointSet(p.x1(), p.x2(), p.label(), 1, true);
        // jgrad-data labels binary sets +1/-1 (TF Playground's convention); the playground uses class indices.
        int[] idx = p.classIndices();
        float[] label = new float[idx.length];
        for (int i = 0; i < idx.length; i++) label[i] = idx[i];
        return new PointSet(p.x1(), p.x2(), label, p.numClasses(), false);
    }
}
