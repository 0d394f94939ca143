// State: a tenant's tables and rows; edit, delete, reset; snapshots.
import {api} from './api.js';
import {confirmButton, el, pretty, replace, showError} from './dom.js';

const PAGE = 25;

export function mount(container) {
  let tenant = 'anonymous';
  let table = null;
  let idField = 'id';
  let offset = 0;

  const tenantInput = el('input', {id: 'state-tenant', list: 'state-tenants', value: tenant, size: 24,
      title: 'a tenant key (t_…), anonymous, or an API key'});
  const tenantList = el('datalist', {id: 'state-tenants'});
  const search = el('input', {id: 'state-search', type: 'search', placeholder: 'rows containing…'});
  const tables = el('ul', {class: 'tables', id: 'state-tables'});
  const rows = el('div', {id: 'state-rows'});
  const notice = el('div', {id: 'state-notice'});
  const snapshots = el('div', {id: 'state-snapshots'});

  tenantInput.addEventListener('change', () => { tenant = tenantInput.value.trim() || 'anonymous'; offset = 0; load(); });
  search.addEventListener('input', () => { offset = 0; loadRows(); });

  replace(container, el('div', {class: 'toolbar'},
      el('label', {for: 'state-tenant'}, 'tenant '), tenantInput, tenantList, search,
      confirmButton('Reset tenant', () => reset({tenant}), {id: 'reset-tenant'}),
      confirmButton('Reset everything', () => reset({}), {id: 'reset-all'})),
      notice,
      el('div', {class: 'split state'}, el('div', {class: 'sidebar'}, el('h3', {}, 'Tables'), tables,
          el('h3', {}, 'Snapshots'), snapshots), rows));

  function say(text, error = false) {
    replace(notice, text ? el('p', {class: error ? 'error' : 'notice', role: error ? 'alert' : 'status'}, text) : null);
  }

  async function load() {
    delete container.dataset.tenant;
    try {
      const known = await api('GET', '/__twin/state');
      replace(tenantList, ['anonymous', ...known.tenants].map(t => el('option', {value: t})));
      const answer = await api('GET', '/__twin/state/tables?tenant=' + encodeURIComponent(tenant));
      tenant = answer.tenant;
      if (document.activeElement !== tenantInput) tenantInput.value = tenant; // never under the user's typing
      if (!table || !answer.tables.some(t => t.name === table)) table = answer.tables.length ? answer.tables[0].name : null;
      replace(tables, answer.tables.map(t => el('li', {},
          el('a', {href: '#state', 'data-table': t.name, class: t.name === table ? 'active' : '',
              onclick: event => { event.preventDefault(); table = t.name; offset = 0; load(); }},
              t.name, ' ', el('span', {class: 'count'}, t.rows)))));
      if (!answer.tables.length) replace(rows, el('p', {class: 'muted'}, 'This twin has no tables.'));
      await loadRows();
      await loadSnapshots();
      container.dataset.tenant = tenant; // shown whole: for tests, and for anyone reading the DOM
    } catch (error) {
      say(error.message, true);
    }
  }

  async function loadRows() {
    if (!table) return;
    const answer = await api('GET', `/__twin/state/rows?tenant=${encodeURIComponent(tenant)}&table=${
        encodeURIComponent(table)}&q=${encodeURIComponent(search.value)}&offset=${offset}&limit=${PAGE}`);
    idField = answer.idField;
    const list = el('table', {class: 'grid rows', id: 'rows-table'}, el('thead', {}, el('tr', {},
        el('th', {}, idField), el('th', {}, 'row'), el('th', {}, ''))),
        el('tbody', {}, answer.rows.map(row => rowLine(row))));
    const pager = el('div', {class: 'pager'},
        el('span', {class: 'muted', id: 'rows-count'}, `${answer.matched} of ${answer.total} rows` +
            (answer.matched > PAGE ? `, ${offset + 1}–${Math.min(offset + PAGE, answer.matched)}` : '')),
        offset > 0 ? el('button', {type: 'button', onclick: () => { offset -= PAGE; loadRows(); }}, '‹ newer') : null,
        offset + PAGE < answer.matched ? el('button', {type: 'button', onclick: () => { offset += PAGE; loadRows(); }}, 'older ›') : null);
    replace(rows, el('div', {class: 'toolbar'}, el('h2', {}, table),
        confirmButton('Reset table', () => reset({tenant, table}), {id: 'reset-table'}),
        el('button', {type: 'button', id: 'new-row', onclick: () => editor(null, {})}, 'New row')),
        pager, list);
  }

  function rowLine(row) {
    const id = String(row[idField]);
    return el('tr', {'data-id': id},
        el('td', {class: 'id'}, el('code', {}, id)),
        el('td', {}, el('pre', {class: 'row'}, JSON.stringify(row))),
        el('td', {class: 'actions'},
            el('button', {type: 'button', class: 'edit', onclick: event => editor(event.target.closest('tr'), row)}, 'Edit'),
            confirmButton('Delete', () => remove(id), {class: 'delete'})));
  }

  function editor(line, row) {
    const id = line ? String(row[idField]) : null;
    const text = el('textarea', {class: 'row-editor', rows: 14, spellcheck: false}, pretty(row));
    const problem = el('p', {class: 'error'});
    const form = el('form', {class: 'editor', onsubmit: async event => {
      event.preventDefault();
      let data;
      try { data = JSON.parse(text.value); } catch (error) { problem.textContent = 'Not JSON: ' + error.message; return; }
      try {
        const query = `?tenant=${encodeURIComponent(tenant)}&table=${encodeURIComponent(table)}`;
        if (id === null) await api('POST', '/__twin/state/rows' + query, data);
        else await api('PUT', '/__twin/state/rows/' + encodeURIComponent(id) + query, data);
        say(id === null ? 'Row added.' : `Saved ${id}.`);
        load();
      } catch (error) {
        problem.textContent = error.message;
      }
    }}, text, problem, el('button', {type: 'submit', class: 'save'}, 'Save'), ' ',
        el('button', {type: 'button', onclick: () => loadRows()}, 'Cancel'));
    if (line) {
      line.replaceChildren(el('td', {colspan: 3}, form));
    } else {
      rows.querySelector('tbody').prepend(el('tr', {}, el('td', {colspan: 3}, form)));
    }
    text.focus();
  }

  async function remove(id) {
    try {
      await api('DELETE', `/__twin/state/rows/${encodeURIComponent(id)}?tenant=${encodeURIComponent(tenant)}&table=${encodeURIComponent(table)}`);
      say(`Deleted ${id}.`);
      load();
    } catch (error) {
      say(error.message, true);
    }
  }

  async function reset(scope) {
    const query = new URLSearchParams(scope).toString();
    try {
      await api('POST', '/__twin/reset' + (query ? '?' + query : ''));
      say(scope.table ? `Table ${scope.table} of ${scope.tenant} reset.` : scope.tenant ? `Tenant ${scope.tenant} reset.`
          : 'Every tenant reset.');
      load();
    } catch (error) {
      say(error.message, true);
    }
  }

  async function loadSnapshots() {
    const answer = await api('GET', '/__twin/snapshots');
    const name = el('input', {id: 'snapshot-name', placeholder: 'name', size: 12, pattern: '[A-Za-z0-9._-]{1,100}'});
    replace(snapshots, el('form', {class: 'inline', onsubmit: async event => {
      event.preventDefault();
      try {
        await api('POST', '/__twin/snapshots/' + encodeURIComponent(name.value.trim()));
        say(`Snapshot ${name.value.trim()} taken.`);
        loadSnapshots();
      } catch (error) {
        say(error.message, true);
      }
    }}, name, el('button', {type: 'submit', id: 'take-snapshot'}, 'Take')),
        el('ul', {}, answer.snapshots.map(snapshot => el('li', {}, snapshot, ' ',
            confirmButton('Restore', async () => {
              try {
                await api('POST', `/__twin/snapshots/${encodeURIComponent(snapshot)}/restore`);
                say(`Snapshot ${snapshot} restored.`);
                load();
              } catch (error) {
                say(error.message, true);
              }
            }, {class: 'small'})))));
  }

  load();
  return () => {};
}
