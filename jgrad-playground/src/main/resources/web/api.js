// Thin wrappers over the playground's JSON API. Every call returns parsed JSON or throws an Error carrying the
// server's message (the API answers 4xx with {"error": ...}).

async function call(method, path, body, contentType = 'application/json') {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = contentType === 'application/json' ? JSON.stringify(body) : body;
    init.headers['Content-Type'] = contentType;
  }
  const res = await fetch(path, init);
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(json && json.error ? json.error : `${method} ${path}: HTTP ${res.status}`);
  return json;
}

/** The API as seen from one tab: a session id plus its endpoints. */
export class Api {
  constructor() { this.id = null; }

  async createSession(state) {
    const r = await call('POST', '/api/sessions', state);
    this.id = r.id;
    return r;
  }

  base() { return `/api/sessions/${this.id}`; }
  putState(patch) { return call('PUT', `${this.base()}/state`, patch); }
  action(name) { return call('POST', `${this.base()}/${name}`); }
  setWeight(layer, to, from, value) { return call('POST', `${this.base()}/weight`, { layer, to, from, value }); }
  uploadCsv(text) { return call('POST', `${this.base()}/data`, text, 'text/csv'); }
  uploadModel(bytes) { return call('POST', `${this.base()}/model`, bytes, 'application/octet-stream'); }
  dataUrl() { return `${this.base()}/data`; }
  modelUrl() { return `${this.base()}/model`; }
  onnxUrl() { return `${this.base()}/onnx`; }

  /**
   * Opens the frame stream; onFrame gets each frame as JSON text, unparsed: frames arrive faster than a big network
   * redraws, and only the one drawn needs parsing. Returns the EventSource (close() to stop).
   */
  stream(onFrame, onError) {
    const es = new EventSource(`${this.base()}/stream`);
    es.onmessage = e => onFrame(e.data);
    es.onerror = () => onError && onError();
    return es;
  }

  exportSession() { return call('GET', `${this.base()}/export`); }
  choices() { return call('GET', '/api/choices'); }
  graphs() { return call('GET', '/api/graphs'); }
  graph(name) { return call('GET', `/api/graphs/${encodeURIComponent(name)}`); }
  digits() { return call('GET', '/api/digits'); }
  predictDigit(pixels) { return call('POST', '/api/digits/predict', { pixels }); }
}
