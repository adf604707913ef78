// The computational-graph view: nodes laid out by depth, forward values (green) revealed in topological order,
// then gradients (red) in reverse order, one node per step, as in the lecture notes' circuit diagrams.

const SVG = 'http://www.w3.org/2000/svg';
const NODE_W = 104, NODE_H = 26, COL_W = 150, ROW_H = 62;

function svg(tag, attrs, parent) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

const fmt = v => (v === null || v === undefined ? '' : (Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(2) : +v.toFixed(3)));

export class GraphView {
  constructor(svgEl, phaseEl, formulaEl) {
    this.svg = svgEl;
    this.phase = phaseEl;
    this.formula = formulaEl;
    this.graph = null;
    this.step = 0;
  }

  show(graph) {
    this.graph = graph;
    this.step = 0;
    this.formula.textContent = graph.formula;
    this.layout();
    this.render();
  }

  /** Steps: 1..n reveal forward values, n+1..2n reveal gradients from the output back. */
  move(delta) {
    if (!this.graph) return;
    const n = this.graph.nodes.length;
    this.step = Math.max(0, Math.min(2 * n, this.step + delta));
    this.render();
  }

  showAll() {
    if (!this.graph) return;
    this.step = 2 * this.graph.nodes.length;
    this.render();
  }

  layout() {
    const nodes = this.graph.nodes;
    const depth = [];
    for (const n of nodes) depth[n.id] = n.inputs.length ? 1 + Math.max(...n.inputs.map(i => depth[i])) : 0;
    const maxDepth = Math.max(...depth);
    const rows = new Array(maxDepth + 1).fill(0);
    this.pos = [];
    // Leaves sit in the column just before their first consumer so inputs line up with where they are used.
    const consumerDepth = id => {
      const users = nodes.filter(m => m.inputs.includes(id)).map(m => depth[m.id]);
      return users.length ? Math.min(...users) - 1 : depth[id];
    };
    for (const n of nodes) {
      const d = n.inputs.length ? depth[n.id] : consumerDepth(n.id);
      this.pos[n.id] = [20 + d * COL_W, 30 + rows[d]++ * ROW_H];
    }
    const height = Math.max(...rows) * ROW_H + 30;
    this.svg.setAttribute('viewBox', `0 0 ${(maxDepth + 1) * COL_W + 20} ${height}`);
    this.svg.style.height = `${Math.min(420, Math.max(200, height))}px`;
  }

  render() {
    const g = this.graph, n = g.nodes.length;
    this.svg.replaceChildren();
    const defs = svg('defs', {}, this.svg);
    const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' }, defs);
    svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#bbb' }, marker);
    for (const e of g.edges) {
      const [x1, y1] = this.pos[e.from], [x2, y2] = this.pos[e.to];
      const mx = (x1 + NODE_W + x2) / 2;
      svg('path', { class: 'edge', d: `M${x1 + NODE_W},${y1 + NODE_H / 2} C${mx},${y1 + NODE_H / 2} ${mx},${y2 + NODE_H / 2} ${x2},${y2 + NODE_H / 2}` }, this.svg);
    }
    const forward = Math.min(this.step, n);
    const backward = Math.max(0, this.step - n);
    g.nodes.forEach((node, i) => {
      const [x, y] = this.pos[node.id];
      const active = (this.step <= n && i === forward - 1) || (this.step > n && n - 1 - i === backward - 1);
      const grp = svg('g', { class: `gnode${node.op === 'leaf' ? ' leaf' : ''}${active ? ' active' : ''}` }, this.svg);
      svg('rect', { x, y, width: NODE_W, height: NODE_H, rx: 4 }, grp);
      svg('text', { x: x + NODE_W / 2, y: y + 17, 'text-anchor': 'middle', class: 'lbl' }, grp).textContent = node.label;
      if (i < forward) svg('text', { x: x + 2, y: y - 4, class: 'val' }, grp).textContent = fmt(node.value);
      if (n - 1 - i < backward && node.grad !== null) {
        svg('text', { x: x + 2, y: y + NODE_H + 13, class: 'grad' }, grp).textContent = `\u2202 ${fmt(node.grad)}`;
      }
    });
    this.phase.textContent = this.step === 0 ? 'press forward'
      : this.step <= n ? `forward ${forward}/${n}` : `backward ${backward}/${n}`;
  }
}
