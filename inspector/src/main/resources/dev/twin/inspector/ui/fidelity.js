// Fidelity: a twin verify report (served with twin serve --verify-report FILE, or a file picked here).
import {api} from './api.js';
import {el, replace, showError} from './dom.js';

export function mount(container, info) {
  const picker = el('input', {type: 'file', id: 'report-file', accept: '.json,application/json'});
  const report = el('div', {id: 'report'});
  replace(container, el('div', {class: 'toolbar'}, el('label', {for: 'report-file'}, 'Open a report: '), picker,
      el('span', {class: 'muted'}, 'written by twin verify --report FILE; read in this page, sent nowhere')), report);

  picker.addEventListener('change', async () => {
    const file = picker.files[0];
    if (!file) return;
    try {
      render(JSON.parse(await file.text()), file.name);
    } catch (error) {
      replace(report);
      showError(report, new Error(`${file.name} is not a twin verify report: ${error.message}`));
    }
  });

  if (info.verifyReport) {
    api('GET', '/__twin/verify/report').then(json => render(json, 'the report twin serve was given'))
        .catch(error => showError(report, error));
  } else {
    replace(report, el('p', {class: 'muted'}, 'No report yet. Run twin verify --report report.json, then open it '
        + 'here, or start twin serve with --verify-report report.json to show it on every visit.'));
  }

  function render(json, name) {
    if (!Array.isArray(json.operations) || !Array.isArray(json.exchanges)) throw new Error('no operations or exchanges');
    const groups = new Map();
    for (const exchange of json.exchanges) {
      for (const divergence of exchange.divergences) {
        const key = divergence.where;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push({exchange, divergence});
      }
    }
    const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    replace(report,
        el('div', {class: 'score-head'}, el('span', {class: 'score ' + (json.passed ? 'passed' : 'failed'), id: 'report-score'},
            (json.score * 100).toFixed(1) + '%'),
            el('span', {}, ` ${json.passed ? 'passed' : 'below'} the minimum of ${(json.minScore * 100).toFixed(1)}% · `
                + `${json.compared} exchanges compared, ${json.skipped} skipped, ${json.divergences} divergences · ${name}`)),
        el('h2', {}, 'Score per operation'),
        el('table', {class: 'grid', id: 'report-operations'}, el('thead', {}, el('tr', {}, el('th', {}, 'operation'),
            el('th', {}, 'exchanges'), el('th', {}, 'divergences'), el('th', {}, 'score'))),
            el('tbody', {}, json.operations.map(op => el('tr', {},
                el('td', {}, el('code', {}, op.operation)), el('td', {}, op.exchanges), el('td', {}, op.divergences),
                el('td', {}, bar(op.score)))))),
        el('h2', {}, 'Divergences by place'),
        ordered.length ? el('div', {id: 'report-divergences'}, ordered.map(group => divergenceGroup(group, ordered.length)))
            : el('p', {class: 'muted'}, 'No divergences: the twin answered every compared exchange as recorded.'));
  }

  /** One place (a JSON path, a header, the status) and every exchange that diverged there. */
  function divergenceGroup([where, items], groupCount) {
    const operations = [...new Set(items.map(i => i.exchange.operation || '(no operation)'))].join(', ');
    const kind = items[0].divergence.kind.replace(/_/g, ' ');
    const lines = items.map(({exchange, divergence}) => el('tr', {},
        el('td', {}, `#${exchange.id} ${exchange.method} ${exchange.path}`),
        el('td', {class: 'recorded'}, el('pre', {}, divergence.recorded ?? '—')),
        el('td', {class: 'twin'}, el('pre', {}, divergence.twin ?? '—'))));
    return el('details', {class: 'divergence', 'data-where': where, open: groupCount <= 8},
        el('summary', {}, el('code', {}, where),
            ` · ${kind} · ${items.length} exchange${items.length === 1 ? '' : 's'} · ${operations}`),
        el('table', {class: 'grid side-by-side-table'},
            el('thead', {}, el('tr', {}, el('th', {}, 'exchange'), el('th', {}, 'recorded'), el('th', {}, 'twin'))),
            el('tbody', {}, lines)));
  }

  function bar(score) {
    const fill = el('span', {class: 'fill'});
    fill.style.width = (score * 100).toFixed(1) + '%';
    return el('span', {class: 'bar', title: (score * 100).toFixed(1) + '%'}, fill,
        el('span', {class: 'label'}, (score * 100).toFixed(1) + '%'));
  }

  return () => {};
}
