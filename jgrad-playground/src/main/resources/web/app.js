// Wires the page: one App object owns the session, the current state, data and latest frame. Controls send state
// patches to the server; the server's answer (canonical state + data + frame) is rendered and written to the hash.

import { PRESETS, LABELS, specName, newSeed } from './state.js';
import { SpecControl } from './spec.js';
import { Api } from './api.js';
import { bytes, classColor, signedColor } from './colors.js';
import { paintSigned, paintClasses, paintProbability, drawPoints, toData, drawAxes, OUTPUT_ALPHA } from './heatmap.js';
import { drawLossChart } from './chart.js';
import { NetworkView } from './network.js';
import { GraphView } from './graph.js';
import { DigitPad } from './digits.js';

const $ = id => document.getElementById(id);

/** Formats a number for a select option: 0.00001 rather than 1e-5. */
function optionText(v) {
  if (typeof v !== 'number') return LABELS[v] || v;
  return v < 0.001 && v > 0 ? v.toFixed(5).replace(/0+$/, '') : String(v);
}

class App {
  constructor() {
    this.api = new Api();
    this.state = null;
    this.data = null;
    this.paintClass = 1;
    this.frame = null;
    this.hover = null;
    this.drawQueued = false;
    this.framesSeen = 0;
    this.framesDrawn = 0; // rendered updates, for the browser test's frame-rate report
    this.network = new NetworkView($('network'), $('tooltip'), {
      toggleFeature: name => this.toggleFeature(name),
      activations: () => this.choices.activations,
      features: () => this.choices.features,
      maxNeurons: () => this.choices.limits.maxNeurons,
      neurons: (l, d) => this.changeNeurons(l, d),
      activation: (l, a) => this.change({ activations: this.state.activations.map((x, i) => (i === l ? a : x)) }),
      hover: target => { this.hover = target; this.queueDraw(); },
      editWeight: (l, to, from, v) => this.editWeight(l, to, from, v),
    });
    this.graphView = new GraphView($('graph'), $('graph-phase'), $('graph-formula'));
  }

  async start() {
    // The catalogs' entries (activations, losses, optimizers, initializers) and the data sets: served, not listed here.
    this.choices = await this.api.choices();
    this.setupControls();
    const link = location.hash.length > 1 ? location.hash : null;
    let r, rejected = null;
    try {
      r = await this.api.createSession(link ? { link } : {});
    } catch (e) {
      rejected = e.message;
      r = await this.api.createSession({});
    }
    this.adopt(r);
    if (rejected) this.showStatus(`This link's setup was rejected (${rejected}); starting from the defaults.`, true);
    this.openStream();
    // A pasted link or the back button changes the hash without a reload: adopt that setup in full.
    window.addEventListener('hashchange', () => {
      if (location.hash !== this.hash) this.change({ link: location.hash });
    });
    this.setupGraphs();
    this.digits = new DigitPad($('digit-pad'), $('digit-probs'), $('digit-message'), $('digit-clear'), this.api, $('digit-title'));
    this.digits.init().catch(e => { $('digit-message').textContent = e.message; });
  }

  // ---- controls ----------------------------------------------------------------------------------------------

  setupControls() {
    const c = this.choices;
    for (const key of ['learningRate', 'regRate', 'dropout', 'speed', 'targetLoss', 'regularization', 'problem']) {
      const sel = $(key);
      sel.addEventListener('change', () => this.onSelect(key, sel.value));
    }
    this.specs = {
      activation: new SpecControl($('activation'), $('activation-params'), c.activations,
        spec => this.change({ activations: this.state.layers.map(() => spec) })),
      loss: new SpecControl($('loss'), $('loss-params'), c.losses, spec => this.change({ loss: spec })),
      optimizer: new SpecControl($('optimizer'), $('optimizer-params'), c.optimizers, spec => this.change({ optimizer: spec })),
      initializer: new SpecControl($('initializer'), $('initializer-params'), c.initializers, spec => this.change({ initializer: spec })),
    };
    for (const key of ['trainRatio', 'noise', 'batchSize', 'classes']) {
      const input = $(key);
      input.addEventListener('input', () => { $(`${key}-value`).textContent = this.sliderText(key, input.value); });
      input.addEventListener('change', () => this.change({ [key]: Number(input.value) }));
    }
    for (const key of ['showTest', 'discretize']) {
      $(key).addEventListener('change', () => this.change({ [key]: $(key).checked }));
    }
    // TF's semantics come with TF's loss and initialization; leaving the mode takes jgrad's defaults back.
    $('tfCompat').addEventListener('change', () => this.change($('tfCompat').checked
      ? { tfCompat: true, loss: 'quadratic', optimizer: 'sgd', initializer: 'uniform:-0.5,0.5', biasInit: 0.1 }
      : { tfCompat: false, initializer: 'glorot-uniform', biasInit: 0 }));
    $('explain-toggle').addEventListener('click', () => {
      const hide = this.state.hide.includes('text') ? this.state.hide.filter(h => h !== 'text') : [...this.state.hide, 'text'];
      this.change({ hide });
    });
    $('play').addEventListener('click', () => this.togglePlay());
    $('step').addEventListener('click', () => this.action('step'));
    $('reset').addEventListener('click', () => this.action('reset'));
    $('reseed').addEventListener('click', () => this.change({ initSeed: newSeed() }));
    $('regenerate').addEventListener('click', () => this.change({ seed: newSeed(), points: [] }));
    $('clear-points').addEventListener('click', () => this.change({ points: [] }));
    $('add-layer').addEventListener('click', () => {
      if (this.state.layers.length >= c.limits.maxLayers) return;
      const last = this.state.activations[this.state.activations.length - 1] || $('activation').value || 'tanh';
      this.change({ layers: [...this.state.layers, 2], activations: [...this.state.activations, last] });
    });
    $('remove-layer').addEventListener('click', () => {
      if (this.state.layers.length === 0) return;
      this.change({ layers: this.state.layers.slice(0, -1), activations: this.state.activations.slice(0, -1) });
    });
    $('heatmap').addEventListener('click', e => this.paint(e));
    $('upload-csv').addEventListener('change', e => this.upload(e.target, f => f.text().then(t => this.api.uploadCsv(t))));
    $('load-model').addEventListener('change', e => this.upload(e.target, f => f.arrayBuffer().then(b => this.api.uploadModel(b))));
    $('export').addEventListener('click', () => this.showExport());
    $('export-close').addEventListener('click', () => { $('export-panel').hidden = true; });
    $('share').addEventListener('click', () => this.share());
    this.buildDatasetPicker();
    drawAxes($('heatmap-axes'));
    fetch('/api/previews').then(r => r.json()).then(p => {
      for (const [name, data] of Object.entries(p)) this.drawDatasetIcon(name, data);
    });
  }

  fillSelect(sel, values, current) {
    const list = [...values];
    if (current !== undefined && !list.includes(current)) list.push(current);
    const key = list.join('|');
    if (sel.dataset.options !== key) {
      sel.replaceChildren(...list.map(v => {
        const o = document.createElement('option');
        o.value = String(v);
        o.textContent = optionText(v);
        return o;
      }));
      sel.dataset.options = key;
    }
    if (current !== undefined) sel.value = String(current);
  }

  sliderText(key, v) {
    return key === 'trainRatio' ? `${v}%` : String(v);
  }

  /** The loss entry of a spec, with its fit flags (classification, multiClass, regression). */
  lossEntry(spec) {
    return this.choices.losses.find(l => l.name === specName(spec));
  }

  /** Drop-downs; problem and dataset changes pull compatible defaults along (the server rejects mismatches). */
  onSelect(key, raw) {
    const numeric = ['learningRate', 'regRate', 'dropout', 'speed', 'targetLoss'].includes(key);
    const value = numeric ? Number(raw) : raw;
    if (key === 'problem') {
      const regression = value === 'regression';
      const fits = regression ? this.lossEntry(this.state.loss).regression : true;
      this.change({ problem: value, dataset: regression ? 'plane' : 'circle', loss: fits ? this.state.loss : 'quadratic',
        points: [], custom: [] });
    } else {
      this.change({ [key]: value });
    }
  }

  buildDatasetPicker() {
    const box = $('datasets');
    const ds = this.choices.datasets;
    for (const name of [...ds.classification, ...ds.regression]) {
      const b = document.createElement('button');
      b.className = 'dataset';
      b.dataset.name = name;
      b.title = name;
      const c = document.createElement('canvas');
      c.width = c.height = 36;
      b.appendChild(c);
      b.addEventListener('click', () => {
        const patch = { dataset: name, points: [], custom: [] };
        if (ds.multiClass.includes(name)) patch.loss = 'cross-entropy';
        else if (this.state.dataset === 'custom' || ds.multiClass.includes(this.state.dataset)) patch.loss = 'quadratic';
        this.change(patch);
      });
      box.appendChild(b);
    }
  }

  /** Small previews of each dataset: drawn from the server's points once they are known. */
  drawDatasetIcon(name, data) {
    const b = document.querySelector(`.dataset[data-name="${name}"]`);
    if (!b) return;
    const c = b.firstChild, ctx = c.getContext('2d');
    ctx.fillStyle = '#fafafa';
    ctx.fillRect(0, 0, c.width, c.height);
    drawPoints(c, data, true, 1);
  }

  toggleFeature(name) {
    const on = this.state.features.includes(name);
    if (on && this.state.features.length === 1) return this.showStatus('Keep at least one input feature.', true);
    const features = on ? this.state.features.filter(f => f !== name)
      : this.choices.features.filter(f => f === name || this.state.features.includes(f));
    this.change({ features });
  }

  changeNeurons(layer, delta) {
    const max = this.choices.limits.maxNeurons;
    const layers = this.state.layers.map((n, i) => (i === layer ? Math.max(1, Math.min(max, n + delta)) : n));
    this.change({ layers });
  }

  /** Adds a point of the chosen class where the output was clicked (shift-click: the first class / -1). */
  paint(e) {
    const r = e.target.getBoundingClientRect();
    const [x, y] = toData(e.target, e.clientX - r.left, e.clientY - r.top);
    const regression = this.state.problem === 'regression';
    const label = e.shiftKey ? (regression ? -1 : 0) : this.paintClass;
    const p = [+x.toFixed(3), +y.toFixed(3), label];
    if (!regression && label >= this.data.numClasses) return this.paintNewClass(p);
    this.change({ points: [...this.state.points, p] });
  }

  /** A class the data set does not have: the points become a custom set with one more class. */
  paintNewClass(p) {
    const d = this.data, triples = [];
    for (const set of [d.train, d.test]) set.x1.forEach((x, i) => triples.push([x, set.x2[i], set.label[i]]));
    const classes = Math.min(this.choices.limits.maxClasses, Math.max(d.numClasses, p[2]) + 1);
    this.change({ dataset: 'custom', custom: [...triples, p], points: [], classes, loss: 'cross-entropy' });
  }

  /** One swatch per class (and one for a new class), or +1 / -1 for regression. */
  renderPaintClasses() {
    const box = $('paint-classes'), d = this.data;
    const regression = d.regression;
    const options = regression ? [1, -1] : [...Array(d.numClasses).keys()];
    if (!regression && d.numClasses < this.choices.limits.maxClasses) options.push(d.numClasses);
    const key = `${regression}|${options.join(',')}`;
    if (!options.includes(this.paintClass)) this.paintClass = options[regression ? 0 : Math.min(1, options.length - 1)];
    if (box.dataset.key !== key) {
      box.dataset.key = key;
      box.replaceChildren(...options.map(v => {
        const b = document.createElement('button');
        b.className = 'swatch-button';
        b.dataset.value = v;
        const isNew = !regression && v === d.numClasses;
        b.textContent = regression ? (v > 0 ? '+1' : '\u22121') : isNew ? `+ class ${v}` : `class ${v}`;
        b.style.setProperty('--swatch', regression ? signedColor(v) : classColor(v));
        b.title = isNew ? 'Paint a new class: the points become a custom data set' : 'Paint points of this class';
        b.addEventListener('click', () => { this.paintClass = v; this.renderPaintClasses(); });
        return b;
      }));
    }
    for (const b of box.children) b.classList.toggle('selected', Number(b.dataset.value) === this.paintClass);
  }

  async showExport() {
    try {
      const x = await this.api.exportSession();
      $('export-command').textContent = x.command;
      $('export-java').textContent = x.java;
      const json = JSON.stringify(x, null, 1);
      $('export-json').textContent = json.length > 4000 ? json.slice(0, 4000) + '\n...' : json;
      $('export-json-link').href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      $('export-link').value = location.origin + location.pathname + x.linkWithWeights;
      $('export-panel').hidden = false;
      $('export-panel').scrollIntoView({ block: 'nearest' });
    } catch (e) {
      this.showStatus(e.message, true);
    }
  }

  /** Puts the link with the current weights into the address bar (and the clipboard when allowed). */
  async share() {
    try {
      const x = await this.api.exportSession();
      const url = location.origin + location.pathname + x.linkWithWeights;
      this.hash = x.linkWithWeights;
      history.replaceState(null, '', x.linkWithWeights);
      if (navigator.clipboard) navigator.clipboard.writeText(url).catch(() => {});
      this.showStatus('The address bar now holds a link with these weights (copied when the browser allows).', false);
    } catch (e) {
      this.showStatus(e.message, true);
    }
  }

  async upload(input, send) {
    const file = input.files[0];
    input.value = '';
    if (!file) return;
    try {
      this.adopt(await send(file));
    } catch (e) {
      this.showStatus(e.message, true);
    }
  }

  // ---- talking to the server ---------------------------------------------------------------------------------

  async change(patch) {
    try {
      this.adopt(await this.api.putState(patch));
    } catch (e) {
      this.showStatus(e.message, true);
      this.renderControls();
    }
  }

  async action(name) {
    try {
      this.onFrame(await this.api.action(name));
    } catch (e) {
      this.showStatus(e.message, true);
    }
  }

  togglePlay() {
    const f = this.currentFrame();
    this.action(f && f.status === 'running' ? 'pause' : 'play');
  }

  async editWeight(layer, to, from, value) {
    try {
      this.onFrame(await this.api.setWeight(layer, to, from, value));
    } catch (e) {
      this.showStatus(e.message, true);
    }
  }

  /** Takes the server's canonical session view: state, data (points, feature maps) and the latest frame. */
  adopt(r) {
    this.state = r.state;
    this.data = r.data;
    this.hash = r.link;
    history.replaceState(null, '', this.hash);
    // The setup was accepted: an error about an earlier attempt no longer applies.
    if (!$('status').hidden && $('status').classList.contains('error') && !$('status').dataset.sticky) this.hideStatus();
    $('download-csv').href = this.api.dataUrl();
    $('save-model').href = this.api.modelUrl();
    $('export-onnx').href = this.api.onnxUrl();
    this.renderControls();
    this.onFrame(r.frame);
  }

  openStream() {
    this.stream = this.api.stream(text => this.onFrameText(text), () => {
      // EventSource retries by itself; a CLOSED stream means the session is gone (expired): start a new one.
      if (this.stream.readyState === EventSource.CLOSED) this.restart();
    });
  }

  async restart() {
    try {
      this.adopt(await this.api.createSession({ link: this.hash }));
      this.openStream();
      this.showStatus('The session had expired; a new one was started with the same setup.', false);
    } catch (e) {
      this.showStatus(e.message, true);
    }
  }

  onFrame(frame) {
    this.frame = frame;
    this.frameText = null;
    this.framesSeen++;
    this.queueDraw();
  }

  /** A streamed frame, parsed only when it is drawn (or read): a newer one may replace it first. */
  onFrameText(text) {
    this.frameText = text;
    this.framesSeen++;
    this.queueDraw();
  }

  currentFrame() {
    if (this.frameText) {
      this.frame = JSON.parse(this.frameText);
      this.frameText = null;
    }
    return this.frame;
  }

  // ---- drawing -----------------------------------------------------------------------------------------------

  /** Frames can arrive faster than the screen refreshes; draw at most once per animation frame. */
  queueDraw() {
    if (this.drawQueued) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.draw();
    });
  }

  renderControls() {
    const s = this.state, c = this.choices;
    this.fillSelect($('learningRate'), PRESETS.learningRate, s.learningRate);
    this.fillSelect($('regRate'), PRESETS.regRate, s.regRate);
    this.fillSelect($('dropout'), PRESETS.dropout, s.dropout);
    this.fillSelect($('speed'), PRESETS.speed, s.speed);
    this.fillSelect($('targetLoss'), PRESETS.targetLoss, s.targetLoss);
    for (const o of $('targetLoss').options) if (o.value === '0') o.textContent = 'never';
    this.fillSelect($('regularization'), c.regularizations, s.regularization);
    this.fillSelect($('problem'), c.problems, s.problem);
    this.specs.loss.set(s.loss);
    this.specs.optimizer.set(s.optimizer);
    this.specs.initializer.set(s.initializer);
    if (s.activations.length) this.specs.activation.set(s.activations[0]);
    this.specs.activation.disabled = s.layers.length === 0;
    // Only the losses that fit the problem can be picked.
    const multi = s.problem === 'classification' && this.data && this.data.numClasses > 2;
    this.specs.loss.disableWhere(l => (s.problem === 'regression' ? !l.regression : multi && !l.multiClass));
    for (const key of ['trainRatio', 'noise', 'batchSize', 'classes']) {
      $(key).value = s[key];
      $(`${key}-value`).textContent = this.sliderText(key, s[key]);
    }
    $('classes-row').hidden = !c.datasets.multiClass.includes(s.dataset);
    $('showTest').checked = s.showTest;
    $('discretize').checked = s.discretize;
    $('tfCompat').checked = s.tfCompat;
    $('initSeed').textContent = s.initSeed;
    $('layer-count').textContent = s.layers.length;
    $('add-layer').disabled = s.layers.length >= c.limits.maxLayers;
    $('remove-layer').disabled = s.layers.length === 0;
    for (const b of document.querySelectorAll('.dataset')) {
      b.classList.toggle('selected', b.dataset.name === s.dataset);
      b.disabled = !c.datasets[s.problem].includes(b.dataset.name);
    }
    // A link can hide controls (TF Playground's *_hide=true, and hideText for the explanations).
    for (const el of document.querySelectorAll('[data-control]')) el.classList.toggle('hidden-by-link', s.hide.includes(el.dataset.control));
    document.body.classList.toggle('hide-text', s.hide.includes('text'));
    if (this.data) this.renderPaintClasses();
  }

  draw() {
    const f = this.currentFrame(), s = this.state, d = this.data;
    if (!f || !d) return;
    const weights = f.weights;
    const t0 = performance.now();
    this.network.build(s, weights[weights.length - 1].b.length);
    this.network.update(f, d);
    const t1 = performance.now();
    $('epoch').textContent = String(f.epoch).padStart(6, '0').replace(/(\d{3})(\d{3})$/, '$1,$2');
    $('train-loss').textContent = f.trainLoss === null ? 'NaN' : f.trainLoss.toFixed(3);
    $('test-loss').textContent = f.testLoss === null ? 'NaN' : f.testLoss.toFixed(3);
    $('play').classList.toggle('playing', f.status === 'running');
    drawLossChart($('loss-chart'), f.history);
    this.drawHeatmap();
    this.drawLegend();
    this.drawMetrics();
    // Milliseconds per redraw (moving averages), read by the browser tests' frame-rate report.
    const t2 = performance.now(), avg = (old, v) => (old === undefined ? v : 0.9 * old + 0.1 * v);
    this.timings = { network: avg(this.timings?.network, t1 - t0), rest: avg(this.timings?.rest, t2 - t1),
      links: this.network.linkMillis };
    if (f.message) this.showStatus(f.message, f.status === 'halted', true);
    else if ($('status').dataset.sticky) this.hideStatus();
    document.body.dataset.epoch = f.epoch;
    document.body.dataset.frames = this.framesSeen;
    document.body.dataset.draws = ++this.framesDrawn;
    document.body.dataset.ready = 'true';
  }

  /** The big canvas: the output, or the hovered neuron / feature. Points on top. */
  drawHeatmap() {
    const canvas = $('heatmap'), f = this.frame, m = f.maps, s = this.state, d = this.data;
    const label = $('heatmap-label');
    const h = this.hover;
    if (h && h.kind === 'feature' && d.features[h.name]) {
      paintSigned(canvas, bytes(d.features[h.name]), d.featureSize);
      label.textContent = `input ${LABELS[h.name] || h.name}`;
    } else if (h && h.kind === 'hidden' && m.hidden[h.layer] && m.hidden[h.layer][h.neuron]) {
      paintSigned(canvas, bytes(m.hidden[h.layer][h.neuron]), m.hiddenSize, s.discretize);
      label.textContent = `layer ${h.layer + 1}, neuron ${h.neuron + 1}`;
    } else if (h && h.kind === 'output' && m.outputKind === 'probabilities') {
      paintProbability(canvas, bytes(m.output[h.neuron]), m.size, h.neuron);
      label.textContent = `P(class ${h.neuron})`;
    } else if (m.outputKind === 'probabilities') {
      paintClasses(canvas, m.output.map(bytes), m.size, s.discretize, OUTPUT_ALPHA);
      label.textContent = '';
    } else {
      paintSigned(canvas, bytes(m.output[0]), m.size, s.discretize, OUTPUT_ALPHA);
      label.textContent = '';
    }
    label.hidden = !label.textContent;
    drawPoints(canvas, d, s.showTest);
  }

  drawLegend() {
    const d = this.data, box = $('legend');
    const key = `${d.regression}|${d.numClasses}`;
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    box.replaceChildren();
    const add = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; box.appendChild(e); return e; };
    if (d.numClasses > 2) {
      for (let c = 0; c < d.numClasses; c++) {
        add('span', 'swatch').style.background = classColor(c);
        add('span', '', `class ${c}`);
      }
    } else {
      add('span', '', '\u22121');
      add('span', 'bar');
      add('span', '', '+1');
      add('span', '', d.regression ? '(target / prediction)' : '(orange = class 0, blue = class 1)');
    }
  }

  drawMetrics() {
    const f = this.frame, m = f.metrics, box = $('metrics');
    const pct = v => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);
    const num = v => (v === null || v === undefined ? '–' : v.toFixed(3));
    const lines = [];
    if (this.data.regression) lines.push(`R\u00B2 train <b>${num(m.r2Train)}</b> · test <b>${num(m.r2Test)}</b>`);
    else lines.push(`Accuracy train <b>${pct(m.trainAccuracy)}</b> · test <b>${pct(m.testAccuracy)}</b>`);
    lines.push(`${f.params} parameters · ${f.msPerEpoch === null || f.msPerEpoch === undefined ? '–' : f.msPerEpoch.toFixed(2)} ms/epoch`);
    let html = lines.map(l => `<div>${l}</div>`).join('');
    if (m.confusion) {
      const k = m.confusion.length;
      html += '<table><tr><th>actual \\ predicted</th>' + [...Array(k).keys()].map(c => `<th>${c}</th>`).join('') + '</tr>';
      m.confusion.forEach((row, a) => { html += `<tr><th>${a}</th>${row.map(v => `<td>${v}</td>`).join('')}</tr>`; });
      html += '</table>';
    }
    box.innerHTML = html; // only numbers from the server go in here
  }

  showStatus(text, error, sticky = false) {
    const s = $('status');
    s.textContent = text;
    s.className = 'status' + (error ? ' error' : '');
    s.hidden = false;
    if (sticky) s.dataset.sticky = 'true'; else delete s.dataset.sticky;
    clearTimeout(this.statusTimer);
    if (!sticky) this.statusTimer = setTimeout(() => this.hideStatus(), 8000);
  }

  hideStatus() {
    $('status').hidden = true;
    delete $('status').dataset.sticky;
  }

  // ---- computational graph -----------------------------------------------------------------------------------

  async setupGraphs() {
    const sel = $('graph-select');
    const list = await this.api.graphs();
    for (const g of list) {
      const o = document.createElement('option');
      o.value = g.name;
      o.textContent = g.title;
      sel.appendChild(o);
    }
    const load = async () => this.graphView.show(await this.api.graph(sel.value));
    sel.addEventListener('change', load);
    $('graph-forward').addEventListener('click', () => this.graphView.move(+1));
    $('graph-back').addEventListener('click', () => this.graphView.move(-1));
    $('graph-all').addEventListener('click', () => this.graphView.showAll());
    await load();
  }
}

const app = new App();
window.playground = app; // for the browser tests (session id, frame counters)
app.start().catch(e => {
  const s = document.getElementById('status');
  s.textContent = `The playground could not start: ${e.message}`;
  s.className = 'status error';
  s.hidden = false;
});
