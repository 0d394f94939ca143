// The admin API as the page uses it: same-origin requests, the admin token (when the twin needs one) sent as
// Authorization: Bearer and kept for this tab only (sessionStorage).

const TOKEN = 'twin.adminToken';
const listeners = new Set();

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN, value); else sessionStorage.removeItem(TOKEN);
}

/** Told when the twin refuses the token (or wants one). */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

function headers(json) {
  const result = {};
  if (token()) result.Authorization = 'Bearer ' + token();
  if (json) result['Content-Type'] = 'application/json';
  return result;
}

async function failure(response) {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) message = body.error.message;
  } catch { /* not JSON */ }
  if (response.status === 401) listeners.forEach(listener => listener(message));
  return new ApiError(response.status, message);
}

/** Calls the admin API; resolves to the JSON answer (null for none), rejects with an ApiError. */
export async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: headers(body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The answer as a Blob (downloads). */
export async function download(path) {
  const response = await fetch(path, {headers: headers(false), cache: 'no-store'});
  if (!response.ok) throw await failure(response);
  return response.blob();
}

/**
 * Reads server-sent events from path until signal aborts; calls onEvent(type, id, data) for each. Reconnects
 * after a dropped connection, asking only for events after the last id seen. fetch rather than EventSource:
 * EventSource cannot send the admin token.
 */
export async function stream(path, onEvent, signal, onState = () => {}) {
  let last = null;
  while (!signal.aborted) {
    try {
      const url = last === null ? path : path + (path.includes('?') ? '&' : '?') + 'after=' + encodeURIComponent(last);
      const response = await fetch(url, {headers: headers(false), signal, cache: 'no-store'});
      if (!response.ok) throw await failure(response);
      onState('live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = {type: 'message', id: null, data: ''};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event.type = value;
            else if (field === 'id') event.id = value;
            else if (field === 'data') event.data += value;
          }
          if (event.data) {
            if (event.id !== null) last = event.id;
            onEvent(event.type, event.id, JSON.parse(event.data));
          }
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      onState(error instanceof ApiError ? 'refused: ' + error.message : 'reconnecting');
      if (error instanceof ApiError && error.status < 500) return;
    }
    if (!signal.aborted) {
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}
