// The page's whole setup is one plain object (the server's PlaygroundState). It lives in the URL hash, so a link
// reproduces data, network and initial weights; the server validates it and answers with the canonical version.

/** Choices offered by the drop-downs; values outside these lists (from a hand-edited link) are added on the fly. */
export const OPTIONS = {
  learningRate: [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  regRate: [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  dropout: [0, 0.1, 0.2, 0.3, 0.5],
  speed: [1, 2, 5, 10, 20, 50, 100],
  activation: ['relu', 'tanh', 'sigmoid', 'linear', 'leakyrelu', 'gelu', 'step'],
  regularization: ['none', 'l1', 'l2'],
  problem: ['classification', 'regression'],
  loss: ['mse', 'bce', 'crossentropy', 'hinge', 'huber'],
  optimizer: ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'],
  initializer: ['glorot', 'he', 'uniform', 'zero'],
};

/** Human names for option values. */
export const LABELS = {
  relu: 'ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: 'Linear', leakyrelu: 'Leaky ReLU', gelu: 'GELU', step: 'Step',
  none: 'None', l1: 'L1', l2: 'L2', classification: 'Classification', regression: 'Regression',
  mse: 'Squared error', bce: 'Binary cross-entropy', crossentropy: 'Cross-entropy (softmax)', hinge: 'Hinge',
  huber: 'Huber', sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', rmsprop: 'RMSProp', adam: 'Adam',
  glorot: 'Glorot', he: 'He', uniform: 'Uniform ±0.5', zero: 'Zero',
  x1: 'X\u2081', x2: 'X\u2082', x1sq: 'X\u2081\u00B2', x2sq: 'X\u2082\u00B2', x1x2: 'X\u2081X\u2082',
  sinx1: 'sin(X\u2081)', sinx2: 'sin(X\u2082)', r: 'r', theta: '\u03B8',
};

/** Mirrors Choices.FEATURES (server), in the same order: the polar r and theta come last. */
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2', 'r', 'theta'];

/** Datasets by problem type, in the order of the picker. */
export const DATASETS = {
  classification: ['circle', 'xor', 'gauss', 'spiral', 'moons', 'checkerboard', 'spirals', 'blobs'],
  regression: ['plane', 'multigauss'],
};
export const MULTI_CLASS = ['spirals', 'blobs'];
export const MAX_LAYERS = 6;
export const MAX_NEURONS = 32;

/** Mirrors PlaygroundState.defaults() so a bare URL and the server agree. */
export function defaultState() {
  return {
    dataset: 'circle', classes: 3, noise: 0, trainRatio: 50, seed: 1, initSeed: 1,
    features: ['x1', 'x2'], layers: [4, 2], activations: ['tanh', 'tanh'],
    problem: 'classification', loss: 'mse', optimizer: 'sgd', initializer: 'glorot',
    learningRate: 0.03, regularization: 'none', regRate: 0, batchSize: 10, dropout: 0, speed: 1,
    showTest: false, discretize: false, points: [], custom: [],
  };
}

const LIST_KEYS = ['features', 'activations'];
const POINT_KEYS = ['points', 'custom'];

/** State to hash: short key=value pairs, lists comma-separated, points as x:y:label;... */
export function toHash(state) {
  const parts = [];
  for (const [key, value] of Object.entries(state)) {
    let text;
    if (POINT_KEYS.includes(key)) {
      if (value.length === 0) continue;
      text = value.map(p => p.map(v => +(+v).toFixed(3)).join(':')).join(';');
    } else if (Array.isArray(value)) {
      text = value.join(',');
    } else {
      text = String(value);
    }
    parts.push(key + '=' + encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';'));
  }
  return '#' + parts.join('&');
}

/** Hash to a partial state: only known keys, typed like the defaults. The server does the range checks. */
export function fromHash(hash) {
  const defaults = defaultState();
  const out = {};
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq);
    const text = decodeURIComponent(pair.slice(eq + 1));
    if (!(key in defaults)) continue;
    const like = defaults[key];
    if (POINT_KEYS.includes(key)) {
      out[key] = text === '' ? [] : text.split(';').map(p => p.split(':').map(Number));
    } else if (LIST_KEYS.includes(key)) {
      out[key] = text === '' ? [] : text.split(',');
    } else if (key === 'layers') {
      out[key] = text === '' ? [] : text.split(',').map(Number);
    } else if (typeof like === 'boolean') {
      out[key] = text === 'true';
    } else if (typeof like === 'number') {
      out[key] = Number(text);
    } else {
      out[key] = text;
    }
  }
  return out;
}

/** A fresh seed below 2^31 (the server's bound). */
export function newSeed() {
  return Math.floor(Math.random() * 2147483647);
}
