// The page's whole setup is one plain object (the server's PlaygroundState). The server turns it into the URL
// hash and back (TF Playground's parameters plus jgrad's own), so a link reproduces data, network and initial
// weights; the choices (activations, losses, optimizers, initializers, datasets) come from GET /api/choices, which
// reads the library's catalogs. Only presets for numeric drop-downs and display names of inputs live here.

/** Presets of the numeric drop-downs; a value outside them (from a link) is added on the fly. */
export const PRESETS = {
  learningRate: [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  regRate: [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  dropout: [0, 0.1, 0.2, 0.3, 0.5],
  speed: [1, 2, 5, 10, 20, 50, 100],
  targetLoss: [0, 0.1, 0.05, 0.02, 0.01, 0.005, 0.001],
};

/** Display names of the input features and the playground's own words. */
export const LABELS = {
  none: 'None', l1: 'L1', l2: 'L2', classification: 'Classification', regression: 'Regression',
  x1: 'X\u2081', x2: 'X\u2082', x1sq: 'X\u2081\u00B2', x2sq: 'X\u2082\u00B2', x1x2: 'X\u2081X\u2082',
  sinx1: 'sin(X\u2081)', sinx2: 'sin(X\u2082)', r: 'r', theta: '\u03B8',
};

/** The entry name of a catalog spec: 'leaky-relu:0.1' -> 'leaky-relu'. */
export function specName(spec) {
  const i = spec.indexOf(':');
  return i < 0 ? spec : spec.slice(0, i);
}

/** The parameters of a spec: 'hardtanh:-2,2' -> [-2, 2]. */
export function specParams(spec) {
  const i = spec.indexOf(':');
  return i < 0 ? [] : spec.slice(i + 1).split(',').map(Number);
}

/** A catalog entry's name with parameters: trailing defaults are left out ('huber', 'leaky-relu:0.1'). */
export function makeSpec(entry, values) {
  const v = [...values];
  while (v.length && v[v.length - 1] === entry.parameters[v.length - 1].default) v.pop();
  return v.length ? `${entry.name}:${v.join(',')}` : entry.name;
}

/** How a spec reads in a menu: the entry's display name, with its parameters when they are not the defaults. */
export function specLabel(entries, spec) {
  const e = entries.find(x => x.name === specName(spec));
  if (!e) return spec;
  const p = specParams(spec);
  const changed = p.some((v, i) => e.parameters[i] && v !== e.parameters[i].default);
  return changed ? `${e.displayName} (${e.parameters.map((q, i) => `${q.name} ${p[i] ?? q.default}`).join(', ')})` : e.displayName;
}

/** A fresh seed below 2^31 (the server's bound). */
export function newSeed() {
  return Math.floor(Math.random() * 2147483647);
}
