// The inspector: one view at a time, picked by the tabs (and the URL's #hash).
import {api, onUnauthorized, setToken, token} from './api.js';
import {el, replace} from './dom.js';
import * as traffic from './traffic.js';
import * as state from './state.js';
import * as sandbox from './sandbox.js';
import * as fidelity from './fidelity.js';
import * as recording from './recording.js';

const VIEWS = {
  serve: [['traffic', 'Traffic', traffic], ['state', 'State', state], ['sandbox', 'Sandbox', sandbox],
          ['fidelity', 'Fidelity', fidelity]],
  record: [['recording', 'Recording', recording], ['fidelity', 'Fidelity', fidelity]],
};

const view = document.getElementById('view');
const tabs = document.getElementById('tabs');
let info = null;
let unmount = () => {};

function show(name) {
  const views = VIEWS[info.mode];
  const chosen = views.find(([key]) => key === name) || views[0];
  unmount();
  for (const tab of tabs.children) tab.classList.toggle('active', tab.dataset.view === chosen[0]);
  replace(view);
  view.dataset.view = chosen[0];
  unmount = chosen[2].mount(view, info) || (() => {});
}

function askForToken(message) {
  unmount();
  unmount = () => {};
  replace(tabs);
  const input = el('input', {type: 'password', id: 'admin-token', autocomplete: 'off', size: 40,
      placeholder: 'the token twin serve was given'});
  replace(view, el('form', {class: 'token', onsubmit: event => {
    event.preventDefault();
    setToken(input.value.trim());
    start();
  }}, el('h2', {}, 'Admin token'),
      el('p', {}, message || 'This twin needs its admin token (--admin-token or TWIN_ADMIN_TOKEN).'),
      el('p', {class: 'muted'}, 'It is kept in this browser tab only and sent as Authorization: Bearer.'),
      input, ' ', el('button', {type: 'submit'}, 'Use token')));
  document.body.dataset.ready = 'true';
}

async function start() {
  try {
    info = await api('GET', '/__twin/inspector');
  } catch (error) {
    if (error.status === 401) {
      askForToken(token() ? 'That token was refused: ' + error.message : null);
      return;
    }
    replace(view, el('p', {class: 'error', role: 'alert'}, 'The twin did not answer: ' + error.message));
    document.body.dataset.ready = 'true';
    return;
  }
  document.title = `twin ${info.mode === 'record' ? 'record' : 'serve'} · inspector`;
  replace(tabs, VIEWS[info.mode].map(([key, label]) =>
      el('a', {href: '#' + key, 'data-view': key, class: 'tab'}, label)));
  show(location.hash.slice(1));
  document.body.dataset.ready = 'true';
}

onUnauthorized(message => askForToken(message));
window.addEventListener('hashchange', () => info && show(location.hash.slice(1)));
start();
