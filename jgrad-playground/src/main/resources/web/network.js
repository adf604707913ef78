// The network diagram: input features, hidden layers (each neuron with a heatmap thumbnail), the output, and links
// whose width and color follow the weights. Built once per architecture; each frame only repaints. The links are
// drawn on one canvas (thousands of SVG paths made a 6x32 network redraw about once a second) and found under the
// mouse by distance to their curves; the neurons' pictures and the bias squares on another, above the elements that
// lay them out and take the mouse (a canvas per neuron made rasterizing most of a 6x32 network's redraw).

import { LABELS, specName, specLabel } from './state.js';
import { bytes, signedColor } from './colors.js';
import { fillSigned, fillProbability } from './heatmap.js';
import { PictureCanvas } from './pictures.js';

/** A link is hit within this many pixels of its curve; each curve is checked at CURVE_STEPS points. */
const HIT_PX = 4, CURVE_STEPS = 12;
/**
 * Above this many links the browser's rasterizing (not our drawing calls) dominates a redraw: in headless Chromium a
 * 6x32 network's ~5200 links took ~880 ms to rasterize as curves 1-4 px wide, ~60 ms as hairlines. There, links are
 * straight 1-px lines whose opacity (not width) shows the weight's size, redrawn at most every LINK_INTERVAL_MS
 * while training; neurons, output and losses still redraw every frame.
 */
const MANY_LINKS = 1500, LINK_INTERVAL_MS = 500;
/** The bias squares' border (their inside is the bias's color). */
const BIAS_BORDER = '#777';

function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

export class NetworkView {
  /**
   * @param root     the .network container (holds the layer columns and the links SVG)
   * @param tooltip  element used for hover read-outs and weight editing
   * @param on       callbacks: toggleFeature(name), neurons(layer, delta), activation(layer, name),
   *                 hover(target|null) with target {kind: 'feature'|'hidden'|'output', ...}, editWeight(layer, to, from, value)
   */
  constructor(root, tooltip, on) {
    this.root = root;
    this.canvas = root.querySelector('canvas.links');
    this.pictures = new PictureCanvas(root.querySelector('canvas.pictures'));
    this.hot = null; // the link under the mouse: [layer, to, from]
    this.tooltip = tooltip;
    this.on = on;
    this.key = null;
    window.addEventListener('resize', () => this.layout());
  }

  /** Rebuilds the DOM when the architecture changed (features, layers, activations, output width). */
  build(state, outputSize) {
    const key = JSON.stringify([state.features, state.layers, state.activations, outputSize, state.hide]);
    if (key === this.key) return;
    this.key = key;
    this.state = state;
    for (const c of [...this.root.children]) if (c.tagName !== 'CANVAS') c.remove();
    this.pictures.reset();
    this.featureNodes = new Map();
    this.hiddenNodes = [];
    this.outputNodes = [];
    this.biasNodes = [];

    const features = el('div', 'layer features', this.root);
    el('div', 'layer-head', features).textContent = '';
    for (const name of this.on.features()) {
      const node = this.node(features, 'node feature' + (state.features.includes(name) ? '' : ' off'));
      el('span', 'name', node).textContent = LABELS[name] || name;
      node.title = state.features.includes(name) ? 'Click to remove this input' : 'Click to add this input';
      node.addEventListener('click', () => this.on.toggleFeature(name));
      node.addEventListener('mouseenter', () => this.on.hover({ kind: 'feature', name }));
      node.addEventListener('mouseleave', () => this.on.hover(null));
      this.featureNodes.set(name, node);
    }

    state.layers.forEach((n, l) => {
      const col = el('div', 'layer hidden', this.root);
      const head = el('div', 'layer-head', col);
      const pm = el('div', 'pm', head);
      pm.dataset.control = `numNodes${l}`; // TF Playground's numNodes0_hide, numNodes1_hide, ...
      const plus = el('button', 'round tiny', pm);
      plus.textContent = '+';
      plus.title = 'Add a neuron';
      plus.disabled = n >= this.on.maxNeurons();
      plus.addEventListener('click', () => this.on.neurons(l, +1));
      const minus = el('button', 'round tiny', pm);
      minus.textContent = '\u2212';
      minus.title = 'Remove a neuron';
      minus.disabled = n <= 1;
      minus.addEventListener('click', () => this.on.neurons(l, -1));
      el('div', '', head).textContent = `${n} neuron${n === 1 ? '' : 's'}`;
      const sel = el('select', '', head);
      sel.dataset.control = 'activation'; // activation_hide hides the per-layer menus too
      sel.title = 'Activation of this layer';
      // The catalog's entries; a spec with its own parameters (leaky-relu:0.1) is an option of its own.
      const entries = this.on.activations();
      const spec = state.activations[l];
      for (const a of entries) {
        const o = el('option', '', sel);
        o.value = a.name;
        o.textContent = a.displayName;
        o.title = a.description;
      }
      const entry = entries.find(e => e.name === specName(spec));
      if (entry && specLabel(entries, spec) === entry.displayName) {
        sel.value = entry.name;
      } else {
        const o = el('option', '', sel);
        o.value = spec;
        o.textContent = specLabel(entries, spec);
        sel.value = spec;
      }
      sel.addEventListener('change', () => this.on.activation(l, sel.value));
      const nodes = [], biases = [];
      for (let i = 0; i < n; i++) {
        const node = this.node(col, 'node');
        node.addEventListener('mouseenter', () => this.on.hover({ kind: 'hidden', layer: l, neuron: i }));
        node.addEventListener('mouseleave', () => this.on.hover(null));
        nodes.push(node);
        biases.push(this.bias(node, l, i));
      }
      this.hiddenNodes.push(nodes);
      this.biasNodes.push(biases);
    });

    const out = el('div', 'layer output', this.root);
    el('div', 'layer-head', out).textContent = outputSize > 1 ? `${outputSize} outputs` : 'output';
    const biases = [];
    for (let i = 0; i < outputSize; i++) {
      const node = this.node(out, 'node');
      node.addEventListener('mouseenter', () => this.on.hover({ kind: 'output', neuron: i }));
      node.addEventListener('mouseleave', () => this.on.hover(null));
      this.outputNodes.push(node);
      biases.push(this.bias(node, state.layers.length, i));
    }
    this.biasNodes.push(biases);
    // A link can hide controls (TF Playground's *_hide=true): the diagram's own are built here.
    for (const e of this.root.querySelectorAll('[data-control]')) e.classList.toggle('hidden-by-link', state.hide.includes(e.dataset.control));
    this.buildLinks();
    requestAnimationFrame(() => this.layout());
  }

  /** A neuron's box: its picture is painted on the picture canvas, over the box's inside. */
  node(parent, cls) {
    return el('div', cls, parent);
  }

  bias(node, layer, to) {
    const b = el('div', 'bias', node);
    b.addEventListener('mouseenter', e => this.showValue(e, `bias ${this.biasValue(layer, to)}`));
    b.addEventListener('mouseleave', () => this.hideTooltip());
    b.addEventListener('click', e => { e.stopPropagation(); this.edit(e, layer, to, -1); });
    return b;
  }

  /** Columns of nodes feeding each weight layer: active features, then hidden layers, then the output. */
  columns() {
    const inputs = this.state.features.map(f => this.featureNodes.get(f));
    return [inputs, ...this.hiddenNodes, this.outputNodes];
  }

  /** Links as (layer, to, from) triples in drawing order, and the mouse handlers that find them. */
  buildLinks() {
    const cols = this.columns();
    this.links = [];
    for (let l = 0; l + 1 < cols.length; l++) {
      for (let to = 0; to < cols[l + 1].length; to++) for (let from = 0; from < cols[l].length; from++) this.links.push([l, to, from]);
    }
    this.geometry = new Float32Array(this.links.length * 4);
    if (!this.listening) {
      this.listening = true;
      this.root.addEventListener('mousemove', e => this.onMouse(e, false));
      this.root.addEventListener('click', e => this.onMouse(e, true));
      this.root.addEventListener('mouseleave', () => { if (this.hot) { this.hot = null; this.hideTooltip(); this.drawLinks(); } });
    }
  }

  /** The link count (for tests). */
  linkCount() {
    return this.links ? this.links.length : 0;
  }

  /** Client coordinates of the middle of a link (for tests). */
  linkPoint(l, to, from) {
    const i = this.links.findIndex(k => k[0] === l && k[1] === to && k[2] === from);
    const g = this.geometry, box = this.root.getBoundingClientRect();
    const [x, y] = bezier(g[4 * i], g[4 * i + 1], g[4 * i + 2], g[4 * i + 3], 0.5);
    return [box.left + x, box.top + y];
  }

  /** Measures the diagram after it was built and on resize: links, pictures and bias squares, all drawn again. */
  layout() {
    if (!this.links) return;
    this.layoutLinks();
    this.pictures.layout(this.root, [...this.featureNodes.values(), ...this.hiddenNodes.flat(), ...this.outputNodes],
      this.biasNodes.flat());
    this.paintedData = null;
    if (this.frame) this.paintPictures(this.frame, this.data);
  }

  /** End points of every link from the nodes' boxes. */
  layoutLinks() {
    if (!this.links) return;
    const box = this.root.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const w = Math.ceil(this.root.scrollWidth), h = Math.ceil(this.root.scrollHeight);
    if (this.canvas.width !== w * dpr || this.canvas.height !== h * dpr) {
      this.canvas.width = w * dpr;
      this.canvas.height = h * dpr;
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    const cols = this.columns();
    const anchors = cols.map((col, c) => col.map(node => {
      const r = node.getBoundingClientRect();
      return [r.left - box.left, r.right - box.left, r.top + r.height / 2 - box.top];
    }));
    this.links.forEach(([l, to, from], i) => {
      const a = anchors[l][from], b = anchors[l + 1][to];
      this.geometry.set([a[1], a[2], b[0], b[2]], 4 * i);
    });
    this.drawLinks();
  }

  /** One stroke per (color, width) bucket: a few dozen canvas calls however many links there are. */
  drawLinks(force = true) {
    if (!this.links || !this.frame) return;
    const started = performance.now();
    const many = this.links.length > MANY_LINKS;
    if (many && !force && started - (this.linksDrawnAt || 0) < LINK_INTERVAL_MS) return;
    this.linksDrawnAt = started;
    const ctx = this.canvas.getContext('2d');
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const buckets = new Map();
    const g = this.geometry, weights = this.frame.weights;
    this.links.forEach(([l, to, from], i) => {
      const v = weights[l] ? weights[l].w[to][from] : 0;
      const value = v === null ? 0 : Math.max(-1, Math.min(1, v));
      const size = Math.abs(v === null ? 0 : v);
      const key = many ? `${Math.round(value * 16)}|1|${Math.min(1, 0.2 + size).toFixed(1)}`
        : `${Math.round(value * 16)}|${Math.min(10, 0.8 + size * 4).toFixed(1)}|0.75`;
      let list = buckets.get(key);
      if (!list) buckets.set(key, list = []);
      list.push(i);
    });
    for (const [key, list] of buckets) {
      const [q, width, alpha] = key.split('|');
      ctx.globalAlpha = Number(alpha);
      ctx.strokeStyle = signedColor(Number(q) / 16);
      ctx.lineWidth = Number(width);
      ctx.beginPath();
      for (const i of list) {
        const x1 = g[4 * i], y1 = g[4 * i + 1], x2 = g[4 * i + 2], y2 = g[4 * i + 3], mx = (x1 + x2) / 2;
        ctx.moveTo(x1, y1);
        if (many) ctx.lineTo(x2, y2); else ctx.bezierCurveTo(mx, y1, mx, y2, x2, y2);
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    if (this.hot) {
      const i = this.links.findIndex(k => k[0] === this.hot[0] && k[1] === this.hot[1] && k[2] === this.hot[2]);
      if (i >= 0) {
        const x1 = g[4 * i], y1 = g[4 * i + 1], x2 = g[4 * i + 2], y2 = g[4 * i + 3], mx = (x1 + x2) / 2;
        ctx.strokeStyle = 'rgba(0,0,0,.6)';
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.moveTo(x1, y1);
        if (many) ctx.lineTo(x2, y2); else ctx.bezierCurveTo(mx, y1, mx, y2, x2, y2);
        ctx.stroke();
      }
    }
    const ms = performance.now() - started;
    this.linkMillis = this.linkMillis === undefined ? ms : 0.9 * this.linkMillis + 0.1 * ms;
  }

  /** The link nearest to the mouse (within HIT_PX), or null. */
  linkAt(x, y) {
    const g = this.geometry;
    let best = -1, bestD = HIT_PX * HIT_PX;
    for (let i = 0; i < this.links.length; i++) {
      const x1 = g[4 * i], y1 = g[4 * i + 1], x2 = g[4 * i + 2], y2 = g[4 * i + 3];
      if (x < x1 - HIT_PX || x > x2 + HIT_PX || y < Math.min(y1, y2) - HIT_PX || y > Math.max(y1, y2) + HIT_PX) continue;
      const steps = this.links.length > MANY_LINKS ? 1 : CURVE_STEPS; // drawn straight there
      let [px, py] = [x1, y1];
      for (let s = 1; s <= steps; s++) {
        const [qx, qy] = steps === 1 ? [x2, y2] : bezier(x1, y1, x2, y2, s / steps);
        const d = segmentDistance2(x, y, px, py, qx, qy);
        if (d < bestD) { bestD = d; best = i; }
        px = qx; py = qy;
      }
    }
    return best < 0 ? null : this.links[best];
  }

  onMouse(e, click) {
    const t = e.target;
    if (t !== this.root && t !== this.canvas && !t.classList.contains('layer')) return; // over a neuron, a head, a bias
    if (this.editing) return;
    const box = this.root.getBoundingClientRect();
    const hit = this.linkAt(e.clientX - box.left, e.clientY - box.top);
    const changed = JSON.stringify(hit) !== JSON.stringify(this.hot);
    this.hot = hit;
    this.root.style.cursor = hit ? 'pointer' : '';
    if (changed) this.drawLinks();
    if (!hit) return this.hideTooltip();
    const [l, to, from] = hit;
    if (click) this.edit(e, l, to, from);
    else this.showValue(e, `weight ${this.weightValue(l, to, from)}`);
  }

  /** Repaints thumbnails, links and biases from a frame. */
  update(frame, data) {
    this.frame = frame;
    this.data = data;
    this.paintPictures(frame, data);
    this.drawLinks(false);
  }

  /** Neurons' pictures, then the bias squares over their corners, on the picture canvas (in its places' order). */
  paintPictures(frame, data) {
    const maps = frame.maps, items = [];
    const features = [...this.featureNodes.keys()];
    // Input features depend only on the data: repaint them when the data (or the layout) changed, not per frame.
    if (this.paintedData !== data) {
      this.paintedData = data;
      features.forEach((name, i) => {
        const cells = data.features[name];
        if (cells) items.push({ place: i, size: data.featureSize, fill: px => fillSigned(px, bytes(cells)),
          opacity: this.state.features.includes(name) ? 1 : 0.3 });
      });
    }
    let place = features.length;
    this.hiddenNodes.forEach((nodes, l) => nodes.forEach((node, i) => {
      const b64 = maps.hidden[l] && maps.hidden[l][i];
      if (b64) items.push({ place, size: maps.hiddenSize, fill: px => fillSigned(px, bytes(b64)) });
      place++;
    }));
    const probabilities = maps.outputKind === 'probabilities';
    this.outputNodes.forEach((node, i) => {
      const b64 = probabilities ? maps.output[i] : maps.output[0];
      if (b64) items.push({ place, size: maps.size, fill: probabilities ? px => fillProbability(px, bytes(b64), i) : px => fillSigned(px, bytes(b64)) });
      place++;
    });
    this.pictures.draw(items);
    const colors = [];
    this.biasNodes.forEach((nodes, l) => nodes.forEach((node, to) => {
      const v = frame.weights[l] ? frame.weights[l].b[to] : 0;
      colors.push(signedColor(Math.max(-1, Math.min(1, v === null || v === undefined ? 0 : v))));
    }));
    this.pictures.fillSquares(colors, BIAS_BORDER);
  }

  weightValue(l, to, from) {
    const v = this.frame && this.frame.weights[l] ? this.frame.weights[l].w[to][from] : null;
    return v === null || v === undefined ? 'NaN' : v.toFixed(3);
  }

  biasValue(l, to) {
    const v = this.frame && this.frame.weights[l] ? this.frame.weights[l].b[to] : null;
    return v === null || v === undefined ? 'NaN' : v.toFixed(3);
  }

  showValue(e, text) {
    if (this.editing) return;
    this.tooltip.textContent = text + ' (click to edit)';
    this.tooltip.style.left = `${e.clientX + 12}px`;
    this.tooltip.style.top = `${e.clientY + 12}px`;
    this.tooltip.hidden = false;
  }

  hideTooltip() {
    if (!this.editing) this.tooltip.hidden = true;
  }

  /** Click on a link or bias: an inline number field; Enter sends it, Escape or blur cancels. */
  edit(e, layer, to, from) {
    this.editing = true;
    const current = from < 0 ? this.biasValue(layer, to) : this.weightValue(layer, to, from);
    this.tooltip.replaceChildren();
    el('span', '', this.tooltip).textContent = (from < 0 ? 'bias ' : 'weight ') ;
    const input = el('input', '', this.tooltip);
    input.type = 'number';
    input.step = '0.1';
    input.value = current;
    this.tooltip.style.left = `${e.clientX + 12}px`;
    this.tooltip.style.top = `${e.clientY + 12}px`;
    this.tooltip.hidden = false;
    input.focus();
    input.select();
    const close = () => { this.editing = false; this.tooltip.hidden = true; };
    input.addEventListener('keydown', ev => {
      if (ev.key === 'Enter') {
        const v = Number(input.value);
        if (Number.isFinite(v)) this.on.editWeight(layer, to, from, v);
        close();
      } else if (ev.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', close);
  }
}

/** The point at t of the link's curve: a cubic with both control points at the middle x. */
function bezier(x1, y1, x2, y2, t) {
  const mx = (x1 + x2) / 2, u = 1 - t;
  const x = u * u * u * x1 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x2;
  const y = u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2;
  return [x, y];
}

function segmentDistance2(x, y, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
  const t = len > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
  const ex = ax + t * dx - x, ey = ay + t * dy - y;
  return ex * ex + ey * ey;
}
