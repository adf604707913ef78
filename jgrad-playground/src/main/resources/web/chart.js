// The loss chart: training (grey) and test (black) loss over epochs, TF Playground style.

/** history: [[epoch, trainLoss, testLoss], ...] (nulls for non-finite values). */
export function drawLossChart(canvas, history) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  ctx.strokeStyle = '#eee';
  ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
  if (history.length < 2) return;
  let max = 0;
  for (const [, tr, te] of history) {
    if (tr !== null) max = Math.max(max, tr);
    if (te !== null) max = Math.max(max, te);
  }
  if (max <= 0) max = 1;
  const first = history[0][0], last = history[history.length - 1][0];
  const x = e => 2 + (e - first) / Math.max(1, last - first) * (w - 4);
  const y = v => h - 2 - v / max * (h - 6);
  const line = (col, color, width) => {
    ctx.beginPath();
    let started = false;
    for (const row of history) {
      if (row[col] === null) { started = false; continue; }
      if (started) ctx.lineTo(x(row[0]), y(row[col])); else ctx.moveTo(x(row[0]), y(row[col]));
      started = true;
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke();
  };
  line(1, '#999', 1.5);
  line(2, '#000', 1.5);
}
