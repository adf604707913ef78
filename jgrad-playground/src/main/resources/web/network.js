// The network diagram: input features, hidden layers (each neuron with a heatmap thumbnail), the output, and links
// whose width and color follow the weights. Built once per architecture; each frame only repaints.

import { LABELS, specName, specLabel } from './state.js';
import { bytes, signedColor } from './colors.js';
import { paintSigned, paintProbability } from './heatmap.js';

const SVG = 'http://www.w3.org/2000/svg';

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
    this.svg = root.querySelector('svg');
    this.tooltip = tooltip;
    this.on = on;
    this.key = null;
    window.addEventListener('resize', () => this.layoutLinks());
  }

  /** Rebuilds the DOM when the architecture changed (features, layers, activations, output width). */
  build(state, outputSize) {
    const key = JSON.stringify([state.features, state.layers, state.activations, outputSize]);
    if (key === this.key) return;
    this.key = key;
    this.state = state;
    for (const c of [...this.root.children]) if (c !== this.svg) c.remove();
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
    this.buildLinks();
    requestAnimationFrame(() => this.layoutLinks());
  }

  node(parent, cls) {
    const node = el('div', cls, parent);
    const c = el('canvas', '', node);
    c.width = c.height = 40;
    return node;
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

  buildLinks() {
    this.svg.replaceChildren();
    this.paths = [];
    const cols = this.columns();
    for (let l = 0; l + 1 < cols.length; l++) {
      const layer = [];
      cols[l + 1].forEach((_, to) => {
        const row = [];
        cols[l].forEach((__, from) => {
          const p = document.createElementNS(SVG, 'path');
          p.addEventListener('mouseenter', e => this.showValue(e, `weight ${this.weightValue(l, to, from)}`));
          p.addEventListener('mouseleave', () => this.hideTooltip());
          p.addEventListener('click', e => this.edit(e, l, to, from));
          this.svg.appendChild(p);
          row.push(p);
        });
        layer.push(row);
      });
      this.paths.push(layer);
    }
  }

  /** Positions the link curves from node edges; called after layout and on resize. */
  layoutLinks() {
    if (!this.paths) return;
    const box = this.root.getBoundingClientRect();
    const cols = this.columns();
    const anchor = (node, right) => {
      const r = node.getBoundingClientRect();
      return [(right ? r.right : r.left) - box.left, r.top + r.height / 2 - box.top];
    };
    this.paths.forEach((layer, l) => layer.forEach((row, to) => row.forEach((p, from) => {
      const [x1, y1] = anchor(cols[l][from], true);
      const [x2, y2] = anchor(cols[l + 1][to], false);
      const mx = (x1 + x2) / 2;
      p.setAttribute('d', `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`);
    })));
  }

  /** Repaints thumbnails, links and biases from a frame. */
  update(frame, data) {
    this.frame = frame;
    const maps = frame.maps;
    // Input features depend only on the data: repaint them when the data (or the diagram) changed, not per frame.
    if (this.paintedData !== data || this.paintedKey !== this.key) {
      this.paintedData = data;
      this.paintedKey = this.key;
      for (const [name, node] of this.featureNodes) {
        if (data.features[name]) paintSigned(node.firstChild, bytes(data.features[name]), data.featureSize);
      }
    }
    maps.hidden.forEach((layer, l) => layer.forEach((b64, i) => {
      const node = this.hiddenNodes[l] && this.hiddenNodes[l][i];
      if (node) paintSigned(node.firstChild, bytes(b64), maps.hiddenSize);
    }));
    this.outputNodes.forEach((node, i) => {
      if (maps.outputKind === 'probabilities') paintProbability(node.firstChild, bytes(maps.output[i]), maps.size, i);
      else paintSigned(node.firstChild, bytes(maps.output[0]), maps.size);
    });
    frame.weights.forEach((w, l) => {
      const layer = this.paths[l];
      if (!layer) return;
      w.w.forEach((row, to) => row.forEach((v, from) => {
        const p = layer[to] && layer[to][from];
        if (!p) return;
        const value = v === null ? 0 : v;
        // Touch the DOM only when the drawn link changes: unchanged attributes still cost style work per frame.
        const stroke = signedColor(Math.max(-1, Math.min(1, value)));
        const width = Math.min(10, 0.8 + Math.abs(value) * 4).toFixed(2);
        if (p.dataset.stroke !== stroke) {
          p.dataset.stroke = stroke;
          p.setAttribute('stroke', stroke);
        }
        if (p.dataset.width !== width) {
          p.dataset.width = width;
          p.setAttribute('stroke-width', width);
        }
        if (!p.hasAttribute('stroke-opacity')) p.setAttribute('stroke-opacity', '0.75');
      }));
      w.b.forEach((v, to) => {
        const b = this.biasNodes[l] && this.biasNodes[l][to];
        if (b) b.style.background = signedColor(Math.max(-1, Math.min(1, v === null ? 0 : v)));
      });
    });
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
