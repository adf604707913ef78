// The digit pad: draw with the mouse on a 28x28 grid (shown 10x larger), classify on the server after each stroke.

export class DigitPad {
  constructor(canvas, probsEl, messageEl, clearButton, api, titleEl) {
    this.titleEl = titleEl;
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.probs = probsEl;
    this.message = messageEl;
    this.api = api;
    this.drawing = false;
    this.clear();
    clearButton.addEventListener('click', () => this.clear());
    canvas.addEventListener('pointerdown', e => { this.drawing = true; this.last = this.point(e); this.dot(this.last); });
    canvas.addEventListener('pointermove', e => {
      if (!this.drawing) return;
      const p = this.point(e);
      this.line(this.last, p);
      this.last = p;
    });
    const end = () => { if (this.drawing) { this.drawing = false; this.classify(); } };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointerleave', end);
  }

  async init() {
    const info = await this.api.digits();
    this.available = info.available;
    // The pad is named after its data: "Digit pad" for digits, "Fashion pad" for Fashion-MNIST, ...
    if (info.title && this.titleEl) this.titleEl.textContent = info.title;
    this.message.textContent = info.available
      ? info.message || `Draw in the box; model ${info.model} answers.`
      : info.message;
  }

  point(e) {
    const r = this.canvas.getBoundingClientRect();
    return [(e.clientX - r.left) / r.width * this.canvas.width, (e.clientY - r.top) / r.height * this.canvas.height];
  }

  dot(p) { this.line(p, p); }

  line(a, b) {
    const c = this.ctx;
    c.strokeStyle = '#fff';
    c.lineWidth = 22;
    c.lineCap = 'round';
    c.beginPath();
    c.moveTo(a[0], a[1]);
    c.lineTo(b[0], b[1]);
    c.stroke();
  }

  clear() {
    this.ctx.fillStyle = '#000';
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.probs.replaceChildren();
  }

  /** Averages 10x10 blocks of the 280x280 canvas into 28x28 intensities in [0, 1]. */
  pixels() {
    const img = this.ctx.getImageData(0, 0, this.canvas.width, this.canvas.height).data;
    const side = 28, block = this.canvas.width / side;
    const out = new Array(side * side).fill(0);
    for (let y = 0; y < this.canvas.height; y++) {
      for (let x = 0; x < this.canvas.width; x++) {
        out[Math.floor(y / block) * side + Math.floor(x / block)] += img[(y * this.canvas.width + x) * 4] / 255;
      }
    }
    return out.map(v => Math.min(1, v / (block * block)));
  }

  async classify() {
    if (!this.available) return;
    try {
      const r = await this.api.predictDigit(this.pixels());
      this.probs.replaceChildren();
      r.probabilities.forEach((p, i) => {
        const row = document.createElement('div');
        row.className = 'row' + (i === r.top ? ' top' : '');
        const name = document.createElement('span');
        name.textContent = r.labels[i];
        const bar = document.createElement('div');
        bar.className = 'bar';
        bar.style.width = `${Math.round(p * 100)}px`; // at most 100 px: the column is narrow
        const pct = document.createElement('small');
        pct.textContent = `${(p * 100).toFixed(1)}%`;
        row.append(name, bar, pct);
        this.probs.appendChild(row);
      });
    } catch (e) {
      this.message.textContent = e.message;
    }
  }
}
