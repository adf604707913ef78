// Color scales shared by heatmaps, points and links (TensorFlow Playground's orange/white/blue).

const ORANGE = [245, 147, 34];
const MID = [232, 234, 235];
const BLUE = [8, 119, 189];

/** One color per class for k-class data; the first two match the binary colors. */
export const CLASS_COLORS = [
  [245, 147, 34], [8, 119, 189], [46, 160, 67], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194], [23, 190, 207],
];

function mix(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** 256 RGB entries for a quantized value in [-1, 1] (byte 0 = -1, 255 = +1). */
export const SIGNED_LUT = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const v = i / 255 * 2 - 1;
    const c = v < 0 ? mix(MID, ORANGE, -v) : mix(MID, BLUE, v);
    lut.set(c.map(Math.round), i * 3);
  }
  return lut;
})();

/** CSS color for a value in [-1, 1]. */
export function signedColor(v) {
  const i = Math.max(0, Math.min(255, Math.round((v + 1) / 2 * 255)));
  return `rgb(${SIGNED_LUT[i * 3]},${SIGNED_LUT[i * 3 + 1]},${SIGNED_LUT[i * 3 + 2]})`;
}

export function classColor(k) {
  const c = CLASS_COLORS[k % CLASS_COLORS.length];
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Color of a data point: its class, or its regression target on the signed scale. */
export function pointColor(label, data) {
  if (data.regression) return signedColor(label);
  if (data.numClasses === 2) return label > 0.5 ? classColor(1) : classColor(0);
  return classColor(label);
}

/** Decodes base64 into bytes (heatmaps travel as base64 of one byte per cell). */
export function bytes(base64) {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
