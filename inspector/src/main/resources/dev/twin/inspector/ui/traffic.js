// Live traffic: the journal as it grows, filtered; one request in detail.
import {api, stream} from './api.js';
import {el, message, pretty, replace, setStatus, showError, statusClass, time} from './dom.js';

const MAX_ROWS = 1000;

export function mount(container) {
  const entries = new Map();
  const controller = new AbortController();
  let selected = null;

  const tenant = el('select', {id: 'filter-tenant'}, el('option', {value: ''}, 'every tenant'));
  const operation = el('input', {id: 'filter-operation', type: 'search', placeholder: 'operation or path contains'});
  const statusFilter = el('select', {id: 'filter-status'}, ['', '2xx', '3xx', '4xx', '5xx'].map(s =>
      el('option', {value: s}, s || 'any status')));
  const source = el('select', {id: 'filter-source'}, el('option', {value: ''}, 'any source'),
      ['table', 'scenario', 'fault', 'rate_limit', 'events', 'recording', 'spec_example', 'generated', 'error']
          .map(s => el('option', {value: s}, s.replace('_', ' '))));
  const rows = el('tbody', {id: 'traffic-rows'});
  const detail = el('div', {class: 'detail', id: 'traffic-detail'},
      el('p', {class: 'muted'}, 'Pick a request to see what the twin saw and why it answered that.'));
  const count = el('span', {class: 'muted'});

  for (const control of [tenant, operation, statusFilter, source]) control.addEventListener('input', render);

  replace(container, el('div', {class: 'toolbar'}, tenant, operation, statusFilter, source, count,
      el('button', {type: 'button', onclick: clear}, 'Clear journal')),
      el('div', {class: 'split'},
          el('div', {class: 'list'}, el('table', {class: 'grid'}, el('thead', {}, el('tr', {},
              el('th', {}, 'time'), el('th', {}, 'method'), el('th', {}, 'path'), el('th', {}, 'status'),
              el('th', {}, 'answered by'), el('th', {}, 'tenant'))), rows)),
          detail));

  function matches(entry) {
    const text = operation.value.trim().toLowerCase();
    return (!tenant.value || entry.tenant === tenant.value)
        && (!text || (entry.operation || '').toLowerCase().includes(text) || entry.path.toLowerCase().includes(text))
        && (!statusFilter.value || String(entry.status)[0] === statusFilter.value[0])
        && (!source.value || entry.answeredBy.kind === source.value);
  }

  function row(entry) {
    return el('tr', {'data-seq': entry.seq, class: entry.seq === selected ? 'selected' : '',
        onclick: () => select(entry.seq)},
        el('td', {class: 'time'}, time(entry.at)), el('td', {}, entry.method),
        el('td', {class: 'path', title: entry.operation || ''}, entry.path),
        el('td', {class: statusClass(entry.status)}, entry.status),
        el('td', {class: 'source source-' + entry.answeredBy.kind}, entry.answeredBy.text),
        el('td', {class: 'tenant'}, entry.tenant));
  }

  function render() {
    const shown = [...entries.values()].sort((a, b) => b.seq - a.seq).filter(matches);
    replace(rows, shown.map(row));
    count.textContent = `${shown.length} of ${entries.size}`;
  }

  function add(entry) {
    entries.set(entry.seq, entry);
    if (entries.size > MAX_ROWS) entries.delete(Math.min(...entries.keys()));
    if (![...tenant.options].some(option => option.value === entry.tenant)) {
      tenant.append(el('option', {value: entry.tenant}, entry.tenant));
    }
    if (matches(entry)) {
      rows.prepend(row(entry));
      count.textContent = `${rows.children.length} of ${entries.size}`;
    }
  }

  async function select(seq) {
    selected = seq;
    for (const tr of rows.children) tr.classList.toggle('selected', Number(tr.dataset.seq) === seq);
    replace(detail, el('p', {class: 'muted'}, 'Loading…'));
    try {
      showDetail(await api('GET', '/__twin/requests/' + seq));
    } catch (error) {
      replace(detail);
      showError(detail, error);
    }
  }

  function showDetail(entry) {
    const head = el('div', {class: 'detail-head'},
        el('h2', {}, `${entry.method} ${entry.path}`, entry.request && entry.request.query ? '?' + entry.request.query : ''),
        el('p', {}, el('span', {class: 'badge ' + statusClass(entry.status)}, entry.status), ' ',
            el('span', {class: 'answered-by', id: 'detail-answered-by'}, entry.answeredBy.text)),
        el('dl', {}, el('dt', {}, 'operation'), el('dd', {}, entry.operation || '(none matched)'),
            el('dt', {}, 'tenant'), el('dd', {}, entry.tenant), el('dt', {}, 'at'), el('dd', {}, entry.at),
            entry.note ? [el('dt', {}, 'note'), el('dd', {}, entry.note)] : null));
    if (!entry.detail) {
      replace(detail, head, el('p', {class: 'muted'}, 'This request came before the page was opened: its '
          + 'request, response and changes were not kept. Start twin serve with --journal-detail to keep them always.'));
      return;
    }
    const violations = entry.violations.length ? el('section', {}, el('h3', {}, 'Validation'),
        el('ul', {class: 'violations'}, entry.violations.map(v =>
            el('li', {}, el('code', {}, v.param), ` (${v.location}): ${v.reason}`)))) : null;
    const changes = el('section', {id: 'detail-changes'}, el('h3', {}, 'State changes'),
        entry.changes.length ? entry.changes.map(change => el('div', {class: 'change'},
            el('p', {}, el('strong', {}, change.change), ` ${change.table} `, el('code', {}, change.id)),
            el('div', {class: 'side-by-side'},
                el('div', {}, el('h4', {}, 'before'), el('pre', {}, change.before ? pretty(change.before) : '—')),
                el('div', {}, el('h4', {}, 'after'), el('pre', {}, change.after ? pretty(change.after) : '—')))))
            : el('p', {class: 'muted'}, 'none'));
    const events = el('section', {}, el('h3', {}, 'Events emitted'),
        entry.events.length ? el('ul', {}, entry.events.map(e => el('li', {}, el('code', {}, e.type), ' ', e.id)))
            : el('p', {class: 'muted'}, 'none'));
    replace(detail, head, violations, message('Request', entry.request),
        message('Response ' + entry.response.status, entry.response), changes, events);
  }

  async function clear() {
    try {
      await api('DELETE', '/__twin/requests');
      entries.clear();
      render();
    } catch (error) {
      showError(detail, error);
    }
  }

  stream('/__twin/requests/stream', (type, id, entry) => type === 'request' && add(entry), controller.signal,
      state => setStatus('traffic: ' + state));
  return () => {
    controller.abort();
    setStatus('');
  };
}
