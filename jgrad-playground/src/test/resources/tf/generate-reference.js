// Writes tf-reference.json: TensorFlow Playground's random numbers and what it derives from them, computed with
// the real `seedrandom` (2.4.4, the version TF Playground ships) and `d3` (3.x, its scales) npm packages, for
// the playground's TF-compatible mode tests. The tests read the JSON; they never need node or npm.
//
//   cd /tmp/x && npm install seedrandom@2.4.4 d3@3.5.17 && NODE_PATH=/tmp/x/node_modules node generate-reference.js > tf-reference.json
//
// The data sets, the weight draws and the training step follow TF Playground's algorithm (src/dataset.ts, src/nn.ts,
// src/playground.ts: one seeded stream for data, shuffle and weights; per-point gradients summed until a batch is
// full, a partial last batch carried into the next epoch; L1 that zeroes and freezes a weight whose sign it flips).
'use strict';
require('seedrandom');
const d3 = require('d3');

const uniform = (a, b) => Math.random() * (b - a) + a;
function normal(mean, variance) {
  let v1, v2, s;
  do {
    v1 = 2 * Math.random() - 1;
    v2 = 2 * Math.random() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s > 1);
  const result = Math.sqrt(-2 * Math.log(s) / s) * v1;
  return mean + Math.sqrt(variance) * result;
}
const dist = (x, y, cx, cy) => Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));

const sets = {
  circle(n, noise) {
    const out = [];
    const radius = 5;
    for (const [lo, hi] of [[0, radius * 0.5], [radius * 0.7, radius]]) {
      for (let i = 0; i < n / 2; i++) {
        const r = uniform(lo, hi), a = uniform(0, 2 * Math.PI);
        const x = r * Math.sin(a), y = r * Math.cos(a);
        const nx = uniform(-radius, radius) * noise, ny = uniform(-radius, radius) * noise;
        out.push([x, y, dist(x + nx, y + ny, 0, 0) < radius * 0.5 ? 1 : -1]);
      }
    }
    return out;
  },
  xor(n, noise) {
    const out = [];
    for (let i = 0; i < n; i++) {
      let x = uniform(-5, 5);
      x += x > 0 ? 0.3 : -0.3;
      let y = uniform(-5, 5);
      y += y > 0 ? 0.3 : -0.3;
      const nx = uniform(-5, 5) * noise, ny = uniform(-5, 5) * noise;
      out.push([x, y, (x + nx) * (y + ny) >= 0 ? 1 : -1]);
    }
    return out;
  },
  gauss(n, noise) {
    const variance = d3.scale.linear().domain([0, 0.5]).range([0.5, 4])(noise), out = [];
    for (const [c, label] of [[2, 1], [-2, -1]]) {
      for (let i = 0; i < n / 2; i++) out.push([normal(c, variance), normal(c, variance), label]);
    }
    return out;
  },
  spiral(n, noise) {
    const out = [], half = n / 2;
    for (const [dt, label] of [[0, 1], [Math.PI, -1]]) {
      for (let i = 0; i < half; i++) {
        const r = i / half * 5, t = 1.75 * i / half * 2 * Math.PI + dt;
        out.push([r * Math.sin(t) + uniform(-1, 1) * noise, r * Math.cos(t) + uniform(-1, 1) * noise, label]);
      }
    }
    return out;
  },
  'reg-plane'(n, noise) {
    const scale = d3.scale.linear().domain([-10, 10]).range([-1, 1]), out = [];
    for (let i = 0; i < n; i++) {
      const x = uniform(-6, 6), y = uniform(-6, 6), nx = uniform(-6, 6) * noise, ny = uniform(-6, 6) * noise;
      out.push([x, y, scale((x + nx) + (y + ny))]);
    }
    return out;
  },
  'reg-gauss'(n, noise) {
    const scale = d3.scale.linear().domain([0, 2]).range([1, 0]).clamp(true), out = [];
    const centres = [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]];
    for (let i = 0; i < n; i++) {
      const x = uniform(-6, 6), y = uniform(-6, 6), nx = uniform(-6, 6) * noise, ny = uniform(-6, 6) * noise;
      let label = 0;
      for (const [cx, cy, sign] of centres) {
        const l = sign * scale(dist(x + nx, y + ny, cx, cy));
        if (Math.abs(l) > Math.abs(label)) label = l;
      }
      out.push([x, y, label]);
    }
    return out;
  },
};

function shuffle(a) {
  for (let counter = a.length; counter > 0;) {
    const index = Math.floor(Math.random() * counter);
    counter--;
    [a[counter], a[index]] = [a[index], a[counter]];
  }
}

/** Seeds the stream, generates, shuffles and splits as TF Playground does; the stream goes on for the weights. */
function data(seed, set, noisePercent, percTrain) {
  Math.seedrandom(seed);
  const all = sets[set](set.startsWith('reg-') ? 1200 : 500, noisePercent / 100);
  shuffle(all);
  const split = Math.floor(all.length * percTrain / 100);
  return { train: all.slice(0, split), test: all.slice(split) };
}

/** Weights in creation order: per layer, per neuron, per input (the bias is 0.1, not drawn). */
function weights(shape) {
  const w = [];
  for (let l = 1; l < shape.length; l++) {
    const layer = [];
    for (let i = 0; i < shape[l]; i++) {
      const row = [];
      for (let j = 0; j < shape[l - 1]; j++) row.push(Math.random() - 0.5);
      layer.push(row);
    }
    w.push(layer);
  }
  return w;
}

const FEATURES = { x: (x, y) => x, y: (x, y) => y, xSquared: (x, y) => x * x, ySquared: (x, y) => y * y,
  xTimesY: (x, y) => x * y, sinX: (x, y) => Math.sin(x), sinY: (x, y) => Math.sin(y) };

/** TF Playground's training: tanh hidden layers, tanh output, half squared error, per-point accumulation. */
function train(run) {
  const { train: points } = data(run.seed, run.dataset, run.noise, run.percTrain);
  const shape = [run.features.length, ...run.networkShape, 1];
  const w = weights(shape), b = shape.slice(1).map(n => new Array(n).fill(0.1));
  const dead = w.map(layer => layer.map(row => row.map(() => false)));
  const accW = w.map(layer => layer.map(row => row.map(() => 0))), accB = b.map(layer => layer.map(() => 0));
  let count = 0;
  const epochs = [];
  for (let epoch = 0; epoch < run.epochs; epoch++) {
    points.forEach((p, i) => {
      // forward
      const outs = [run.features.map(f => FEATURES[f](p[0], p[1]))], nets = [];
      for (let l = 0; l < w.length; l++) {
        const net = w[l].map((row, k) => row.reduce((s, wk, j) => s + wk * outs[l][j], b[l][k]));
        nets.push(net);
        outs.push(net.map(Math.tanh));
      }
      // backward: d(0.5 (o - t)^2)/do = o - t
      let der = [outs[outs.length - 1][0] - p[2]];
      for (let l = w.length - 1; l >= 0; l--) {
        const inDer = der.map((d, k) => d * (1 - outs[l + 1][k] * outs[l + 1][k]));
        inDer.forEach((d, k) => {
          accB[l][k] += d;
          w[l][k].forEach((_, j) => { if (!dead[l][k][j]) accW[l][k][j] += d * outs[l][j]; });
        });
        der = outs[l].map((_, j) => inDer.reduce((s, d, k) => s + w[l][k][j] * d, 0));
      }
      count++;
      if ((i + 1) % run.batchSize === 0) {
        for (let l = 0; l < w.length; l++) {
          for (let k = 0; k < w[l].length; k++) {
            b[l][k] -= run.learningRate * accB[l][k] / count;
            accB[l][k] = 0;
            for (let j = 0; j < w[l][k].length; j++) {
              if (dead[l][k][j]) continue;
              const old = w[l][k][j];
              const regDer = run.regularization === 'L1' ? Math.sign(old) : run.regularization === 'L2' ? old : 0;
              const stepped = old - run.learningRate / count * accW[l][k][j];
              const next = stepped - run.learningRate * run.regularizationRate * regDer;
              if (run.regularization === 'L1' && stepped * next < 0) {
                w[l][k][j] = 0;
                dead[l][k][j] = true;
              } else {
                w[l][k][j] = next;
              }
              accW[l][k][j] = 0;
            }
          }
        }
        count = 0;
      }
    });
    epochs.push({ weights: w.map(l => l.map(r => r.slice())), biases: b.map(l => l.slice()),
      dead: dead.map(l => l.map(r => r.map(Number))), carried: count });
  }
  return epochs;
}

const out = { generator: 'generate-reference.js with seedrandom@2.4.4 and d3@3.5.17' };
out.streams = {};
for (const seed of ['0.12345', '0.00001', '0.98765', 'hello']) {
  Math.seedrandom(seed);
  out.streams[seed] = Array.from({ length: 12 }, () => Math.random());
}
out.datasets = [];
for (const [set, noise, perc] of [['circle', 0, 50], ['circle', 25, 70], ['xor', 10, 50], ['gauss', 30, 50],
  ['spiral', 20, 40], ['reg-plane', 5, 50], ['reg-gauss', 15, 60]]) {
  const seed = '0.24680';
  const d = data(seed, set, noise, perc);
  const sum = pts => pts.reduce((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]);
  out.datasets.push({ seed, dataset: set, noise, percTrain: perc, trainSize: d.train.length, testSize: d.test.length,
    firstTrain: d.train.slice(0, 5), firstTest: d.test.slice(0, 5), trainSums: sum(d.train), testSums: sum(d.test),
    // the next draws go to the weights of a [2 inputs] -> 4 -> 2 -> 1 network
    weights: weights([2, 4, 2, 1]) });
}
out.training = [
  // 250 training points in batches of 30: 10 carried into each next epoch; L1 strong enough to kill links
  { seed: '0.13579', dataset: 'circle', noise: 0, percTrain: 50, features: ['x', 'y'], networkShape: [4, 2],
    learningRate: 0.03, batchSize: 30, regularization: 'L1', regularizationRate: 0.03, epochs: 3 },
  { seed: '0.11111', dataset: 'xor', noise: 0, percTrain: 50, features: ['x', 'y', 'xTimesY'], networkShape: [3],
    learningRate: 0.1, batchSize: 7, regularization: 'L2', regularizationRate: 0.01, epochs: 2 },
].map(run => Object.assign({}, run, { epochs: train(run) }));
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
