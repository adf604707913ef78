// A catalog choice on the page: a drop-down of the catalog's entries (served by /api/choices) and one small
// number field per parameter of the chosen entry (Leaky ReLU's alpha, Huber's delta, momentum's m, ...).
// Its value is a catalog spec such as 'leaky-relu:0.1', the same string the state, links and model files use.

import { specName, specParams, makeSpec } from './state.js';

export class SpecControl {
  /**
   * @param select    the <select> to fill
   * @param paramsBox an element that receives the parameter fields
   * @param entries   catalog entries [{name, displayName, description, parameters: [{name, default}]}]
   * @param onChange  called with the new spec
   */
  constructor(select, paramsBox, entries, onChange) {
    this.select = select;
    this.paramsBox = paramsBox;
    this.entries = entries;
    this.onChange = onChange;
    select.replaceChildren(...entries.map(e => {
      const o = document.createElement('option');
      o.value = e.name;
      o.textContent = e.displayName;
      o.title = e.description;
      return o;
    }));
    select.addEventListener('change', () => {
      this.renderParams(this.entry(), []);
      this.onChange(this.entry().name);
    });
  }

  entry() {
    return this.entries.find(e => e.name === this.select.value);
  }

  /** Shows a spec; an unknown name (a user's own catalog entry) is added as it is. */
  set(spec) {
    const name = specName(spec);
    if (!this.entries.some(e => e.name === name)) {
      this.entries = [...this.entries, { name, displayName: name, description: '', parameters: [] }];
      const o = document.createElement('option');
      o.value = o.textContent = name;
      this.select.appendChild(o);
    }
    this.select.value = name;
    this.select.title = this.entry().description;
    if (this.shown !== spec) this.renderParams(this.entry(), specParams(spec));
    this.shown = spec;
  }

  renderParams(entry, values) {
    if (!this.paramsBox) return;
    this.paramsBox.replaceChildren(...entry.parameters.map((p, i) => {
      const label = document.createElement('label');
      label.className = 'param';
      label.textContent = p.name + ' ';
      const input = document.createElement('input');
      input.type = 'number';
      input.step = 'any';
      input.dataset.param = p.name;
      input.value = String(values[i] ?? p.default);
      input.title = `${p.name} (default ${p.default})`;
      input.addEventListener('change', () => {
        const vals = [...this.paramsBox.querySelectorAll('input')].map(x => Number(x.value));
        if (vals.every(Number.isFinite)) this.onChange(makeSpec(entry, vals));
      });
      label.appendChild(input);
      return label;
    }));
  }

  /** Greys out entries that do not fit (e.g. losses for the other problem type). */
  disableWhere(test) {
    for (const o of this.select.options) {
      const e = this.entries.find(x => x.name === o.value);
      o.disabled = !!(e && test(e));
    }
  }

  set disabled(v) { this.select.disabled = v; }
}
