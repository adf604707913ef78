// The network diagram's pictures (each neuron's map over the plane) and bias squares, all painted on ONE canvas laid
// over the diagram. With a canvas per neuron and a styled element per bias, a 6x32 network changed ~400 elements per
// frame and headless Chromium spent most of each redraw rasterizing and compositing them; one canvas is one layer.
// The diagram's elements stay where they are, unchanged from frame to frame: they give the layout, the hover and the
// clicks (this canvas lets the mouse through).

/** Pixels around each map in the atlas, copies of its edge: smoothing at a map's border never reads its neighbour. */
const PAD = 1;

export class PictureCanvas {
  constructor(canvas) {
    this.canvas = canvas;
    this.atlas = document.createElement('canvas'); // every map of a frame, stacked, at its native size
    this.atlasImage = null;
    this.tiles = new Map(); // size -> ImageData a map is filled into before it is copied into the atlas
    this.places = [];
    this.squares = [];
  }

  /**
   * Measures where things go, relative to root: pictures fill the content box of each element of {@code pictures},
   * squares cover the border box of each element of {@code squares}. Clears the canvas (everything is drawn again).
   */
  layout(root, pictures, squares) {
    const box = root.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const w = Math.ceil(root.scrollWidth), h = Math.ceil(root.scrollHeight);
    if (this.canvas.width !== w * dpr || this.canvas.height !== h * dpr) {
      this.canvas.width = w * dpr;
      this.canvas.height = h * dpr;
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.places = pictures.map(e => {
      const r = e.getBoundingClientRect();
      return [r.left - box.left + e.clientLeft, r.top - box.top + e.clientTop, e.clientWidth, e.clientHeight];
    });
    this.squares = squares.map(e => {
      const r = e.getBoundingClientRect();
      return [r.left - box.left, r.top - box.top, r.width, r.height];
    });
    this.laidOut = true;
  }

  /** Drops the measurements (the elements were replaced); nothing is drawn until the next layout. */
  reset() {
    this.laidOut = false;
    this.places = [];
    this.squares = [];
  }

  /**
   * Draws maps into their places, smoothly scaled: items of {place, size, fill(px) writing size*size RGBA pixels,
   * opacity (default 1)}. One putImageData for all of them, then one drawImage each.
   */
  draw(items) {
    if (!this.laidOut || items.length === 0) return;
    let w = 0, h = 0;
    for (const it of items) {
      w = Math.max(w, it.size + 2 * PAD);
      h += it.size + 2 * PAD;
    }
    if (this.atlas.width < w || this.atlas.height < h) {
      this.atlas.width = Math.max(w, this.atlas.width);
      this.atlas.height = Math.max(h, this.atlas.height);
      this.atlasImage = null;
    }
    const actx = this.atlas.getContext('2d');
    if (!this.atlasImage) this.atlasImage = actx.createImageData(this.atlas.width, this.atlas.height);
    const out = this.atlasImage.data, stride = this.atlasImage.width;
    const rows = [];
    let y = 0;
    for (const it of items) {
      let tile = this.tiles.get(it.size);
      if (!tile) this.tiles.set(it.size, tile = new Uint8ClampedArray(it.size * it.size * 4));
      it.fill(tile);
      copyPadded(tile, it.size, out, stride, y);
      rows.push(y + PAD);
      y += it.size + 2 * PAD;
    }
    actx.putImageData(this.atlasImage, 0, 0, 0, 0, w, h);
    const ctx = this.canvas.getContext('2d');
    ctx.imageSmoothingEnabled = true;
    items.forEach((it, i) => {
      const [x, top, pw, ph] = this.places[it.place];
      const opacity = it.opacity === undefined ? 1 : it.opacity;
      if (opacity < 1) ctx.clearRect(x, top, pw, ph);
      ctx.globalAlpha = opacity;
      ctx.drawImage(this.atlas, PAD, rows[i], it.size, it.size, x, top, pw, ph);
    });
    ctx.globalAlpha = 1;
  }

  /** Fills each square (a 1-px border of {@code border}, the inside in colors[i]); drawn after the pictures it overlaps. */
  fillSquares(colors, border) {
    if (!this.laidOut) return;
    const ctx = this.canvas.getContext('2d');
    ctx.fillStyle = border;
    for (let i = 0; i < colors.length && i < this.squares.length; i++) {
      const [x, y, w, h] = this.squares[i];
      ctx.fillRect(x, y, w, h);
    }
    for (let i = 0; i < colors.length && i < this.squares.length; i++) {
      const [x, y, w, h] = this.squares[i];
      ctx.fillStyle = colors[i];
      ctx.fillRect(x + 1, y + 1, w - 2, h - 2);
    }
  }
}

/** Copies a size x size RGBA tile into the atlas at row y, with PAD pixels of its edge repeated around it. */
function copyPadded(tile, size, out, stride, y) {
  const full = size + 2 * PAD;
  for (let r = 0; r < full; r++) {
    const sr = Math.min(size - 1, Math.max(0, r - PAD));
    for (let c = 0; c < full; c++) {
      const sc = Math.min(size - 1, Math.max(0, c - PAD));
      const s = (sr * size + sc) * 4, d = ((y + r) * stride + c) * 4;
      out[d] = tile[s];
      out[d + 1] = tile[s + 1];
      out[d + 2] = tile[s + 2];
      out[d + 3] = tile[s + 3];
    }
  }
}
