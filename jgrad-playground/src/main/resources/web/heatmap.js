// Draws quantized heatmaps (one byte per grid cell, first row = top) and data points onto canvases.

import { SIGNED_LUT, CLASS_COLORS, pointColor } from './colors.js';

const DOMAIN = 6; // the grid covers [-6, 6]^2

/** Each target canvas keeps a small scratch canvas of the map's native size, scaled up on drawImage. */
const scratch = new WeakMap();

function scratchFor(canvas, size) {
  let s = scratch.get(canvas);
  if (!s || s.width !== size) {
    s = document.createElement('canvas');
    s.width = s.height = size;
    scratch.set(canvas, s);
  }
  return s;
}

function blit(canvas, size, fill, smooth) {
  const s = scratchFor(canvas, size);
  const sctx = s.getContext('2d');
  const img = sctx.createImageData(size, size);
  fill(img.data);
  sctx.putImageData(img, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = smooth;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(s, 0, 0, canvas.width, canvas.height);
}

/** RGBA of a map of values in [-1, 1] (byte 0 = -1 .. 255 = +1); discretize snaps to the sign. */
export function fillSigned(px, cells, discretize = false, alpha = 255) {
  for (let i = 0; i < cells.length; i++) {
    let q = cells[i];
    if (discretize) q = q >= 128 ? 255 : 0;
    px[i * 4] = SIGNED_LUT[q * 3];
    px[i * 4 + 1] = SIGNED_LUT[q * 3 + 1];
    px[i * 4 + 2] = SIGNED_LUT[q * 3 + 2];
    px[i * 4 + 3] = alpha;
  }
}

/** RGBA of class k's probability map: white (0) to the class color (1). */
export function fillProbability(px, cells, k) {
  const col = CLASS_COLORS[k % CLASS_COLORS.length];
  for (let i = 0; i < cells.length; i++) {
    const t = cells[i] / 255;
    px[i * 4] = 255 + (col[0] - 255) * t;
    px[i * 4 + 1] = 255 + (col[1] - 255) * t;
    px[i * 4 + 2] = 255 + (col[2] - 255) * t;
    px[i * 4 + 3] = 255;
  }
}

/** TF Playground's output: its colors at alpha 160 over white, so the data points stay readable on top. */
export const OUTPUT_ALPHA = 160;

/** A map of values in [-1, 1]; discretize snaps to the sign (the decision regions). */
export function paintSigned(canvas, cells, size, discretize = false, alpha = 255) {
  blit(canvas, size, px => fillSigned(px, cells, discretize, alpha), !discretize);
}

/** k probability maps: each cell takes the likeliest class's color, paler where the model is unsure. */
export function paintClasses(canvas, maps, size, discretize = false, alpha = 255) {
  const k = maps.length;
  blit(canvas, size, px => {
    for (let i = 0; i < size * size; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (maps[c][i] > maps[best][i]) best = c;
      // Confidence 1/k..1 mapped to 0..1 so a uniform guess is white.
      const conf = discretize ? 0.75 : Math.max(0, (maps[best][i] / 255 - 1 / k) / (1 - 1 / k)) * 0.8;
      const col = CLASS_COLORS[best % CLASS_COLORS.length];
      px[i * 4] = 255 + (col[0] - 255) * conf;
      px[i * 4 + 1] = 255 + (col[1] - 255) * conf;
      px[i * 4 + 2] = 255 + (col[2] - 255) * conf;
      px[i * 4 + 3] = alpha;
    }
  }, !discretize);
}

/** One class's probability map: white (0) to the class color (1). */
export function paintProbability(canvas, cells, size, k) {
  blit(canvas, size, px => fillProbability(px, cells, k), true);
}

/** Canvas pixel to data coordinates. */
export function toData(canvas, px, py) {
  return [px / canvas.clientWidth * 2 * DOMAIN - DOMAIN, DOMAIN - py / canvas.clientHeight * 2 * DOMAIN];
}

/** Training points with a white ring, test points with a black one (as in TF Playground). */
export function drawPoints(canvas, data, showTest, radius = 3.2) {
  const ctx = canvas.getContext('2d');
  const sx = canvas.width / (2 * DOMAIN);
  const draw = (set, stroke) => {
    for (let i = 0; i < set.x1.length; i++) {
      ctx.beginPath();
      ctx.arc((set.x1[i] + DOMAIN) * sx, (DOMAIN - set.x2[i]) * sx, radius, 0, 2 * Math.PI);
      ctx.fillStyle = pointColor(set.label[i], data);
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = stroke;
      ctx.stroke();
    }
  };
  draw(data.train, '#fff');
  if (showTest) draw(data.test, '#000');
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Axes around the output picture, as in TF Playground: ticks at every integer of [-6, 6], labels every 2. The SVG
 * covers the picture's wrapper; the picture sits AXIS_LEFT from its left edge and ends AXIS_BOTTOM above its bottom.
 */
export function drawAxes(svg, left = 24, size = 300) {
  svg.replaceChildren();
  const line = (x1, y1, x2, y2) => {
    const l = document.createElementNS(SVG, 'line');
    l.setAttribute('x1', x1); l.setAttribute('y1', y1); l.setAttribute('x2', x2); l.setAttribute('y2', y2);
    svg.appendChild(l);
  };
  const text = (x, y, t, anchor) => {
    const e = document.createElementNS(SVG, 'text');
    e.setAttribute('x', x); e.setAttribute('y', y); e.setAttribute('text-anchor', anchor);
    e.textContent = t;
    svg.appendChild(e);
  };
  line(left, size + 0.5, left + size, size + 0.5);
  line(left - 0.5, 0, left - 0.5, size);
  for (let v = -DOMAIN; v <= DOMAIN; v++) {
    const at = (v + DOMAIN) / (2 * DOMAIN) * size;
    const long = v % 2 === 0;
    line(left + at, size, left + at, size + (long ? 5 : 3));
    line(left - (long ? 5 : 3), size - at, left, size - at);
    if (long) {
      text(left + at, size + 15, String(v), 'middle');
      text(left - 7, size - at + 4, String(v), 'end');
    }
  }
}
