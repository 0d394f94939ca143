// Recording (twin record): exchanges as they are recorded, redacted; HAR download; infer a twin from the session.
import {api, download, stream} from './api.js';
import {el, message, replace, setStatus, showError, statusClass, time} from './dom.js';

export function mount(container) {
  const controller = new AbortController();
  const head = el('div', {class: 'recording-head', id: 'recording-head'});
  const rows = el('tbody', {id: 'exchange-rows'});
  const detail = el('div', {class: 'detail', id: 'exchange-detail'},
      el('p', {class: 'muted'}, 'Pick an exchange to see it as it was stored.'));
  const inference = el('div', {id: 'inference'});
  let selected = null;

  replace(container, head, el('div', {class: 'split'},
      el('div', {class: 'list'}, el('table', {class: 'grid'}, el('thead', {}, el('tr', {}, el('th', {}, '#'),
          el('th', {}, 'time'), el('th', {}, 'method'), el('th', {}, 'host'), el('th', {}, 'path'),
          el('th', {}, 'status'), el('th', {}, 'ms'))), rows)),
      el('div', {}, inference, detail)));

  async function loadHead() {
    const info = await api('GET', '/__twin/recording');
    const out = el('input', {id: 'infer-out', size: 24, placeholder: 'output directory'});
    replace(head, el('p', {}, el('strong', {}, info.description)),
        el('p', {class: 'muted'}, `store ${info.store} · session ${info.session} · `,
            el('span', {id: 'exchange-count'}, info.exchanges), ' exchanges · ',
            info.redacted ? 'secrets redacted as stored' : 'stored without redaction (--no-redact); shown redacted'),
        el('div', {class: 'toolbar'},
            el('button', {type: 'button', id: 'har-download', onclick: () => har(info.session)}, 'Download HAR'),
            el('form', {class: 'inline', onsubmit: event => { event.preventDefault(); infer(out.value); }},
                el('label', {for: 'infer-out'}, 'Infer a twin from this session into '), out,
                el('button', {type: 'submit', id: 'infer'}, 'Infer'))));
    const state = await api('GET', '/__twin/recording/infer');
    out.value = state.out || state.suggestedOut || '';
    showInference(state);
  }

  async function har(session) {
    try {
      const blob = await download('/__twin/recording/har');
      const link = el('a', {href: URL.createObjectURL(blob), download: session + '.har'});
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (error) {
      showError(inference, error);
    }
  }

  async function infer(out) {
    try {
      showInference(await api('POST', '/__twin/recording/infer', {out}));
      poll();
    } catch (error) {
      replace(inference);
      showError(inference, error);
    }
  }

  async function poll() {
    const state = await api('GET', '/__twin/recording/infer');
    showInference(state);
    if (state.state === 'running' && !controller.signal.aborted) setTimeout(poll, 500);
  }

  function showInference(state) {
    if (state.state === 'idle') { replace(inference); return; }
    replace(inference, el('section', {class: 'inference inference-' + state.state},
        el('h3', {}, state.state === 'running' ? 'Inferring…' : state.state === 'done' ? 'Twin inferred' : 'Inference failed'),
        state.message ? el('p', {class: 'error'}, state.message) : null,
        state.files ? el('p', {}, `wrote ${state.files.join(', ')} to ${state.out}`) : null,
        el('p', {}, 'the same from a shell: ', el('code', {}, state.command)),
        state.state === 'done' ? el('p', {}, 'serve it: ', el('code', {id: 'serve-command'}, state.serve)) : null));
  }

  function add(exchange) {
    if (rows.querySelector(`tr[data-id="${exchange.id}"]`)) return;
    rows.prepend(el('tr', {'data-id': exchange.id, onclick: () => select(exchange.id)},
        el('td', {}, exchange.id), el('td', {class: 'time'}, time(exchange.at)), el('td', {}, exchange.method),
        el('td', {}, exchange.host), el('td', {class: 'path'}, exchange.path + (exchange.query ? '?' + exchange.query : '')),
        el('td', {class: statusClass(exchange.status)}, exchange.status ?? (exchange.tunnelled ? 'tunnel' : 'failed')),
        el('td', {}, Math.round(exchange.durationMs))));
    const count = document.getElementById('exchange-count');
    if (count) count.textContent = Math.max(Number(count.textContent) || 0, rows.children.length);
  }

  async function select(id) {
    selected = id;
    for (const tr of rows.children) tr.classList.toggle('selected', Number(tr.dataset.id) === selected);
    try {
      const exchange = await api('GET', '/__twin/recording/exchanges/' + id);
      replace(detail, el('h2', {}, `#${exchange.id} ${exchange.method} ${exchange.scheme}://${exchange.host}${exchange.path}`,
          exchange.query ? '?' + exchange.query : ''),
          el('p', {}, el('span', {class: 'badge ' + statusClass(exchange.status)}, exchange.status ?? 'no response'),
              ` ${exchange.at} · ${exchange.durationMs} ms · from ${exchange.clientAddress}`,
              exchange.failure ? el('span', {class: 'error'}, ' ' + exchange.failure) : null),
          message('Request', exchange.request), message('Response', exchange.response));
    } catch (error) {
      replace(detail);
      showError(detail, error);
    }
  }

  loadHead().catch(error => showError(head, error));
  stream('/__twin/recording/stream', (type, id, exchange) => type === 'exchange' && add(exchange), controller.signal,
      state => setStatus('recording: ' + state));
  return () => {
    controller.abort();
    setStatus('');
  };
}
