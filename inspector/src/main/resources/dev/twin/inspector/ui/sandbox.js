// Sandbox controls: scenarios and faults switched on and off, rate-limit buckets, webhook deliveries.
import {api} from './api.js';
import {confirmButton, el, replace, showError, statusClass, time} from './dom.js';

export function mount(container) {
  const scenarios = el('section', {id: 'scenarios'});
  const faults = el('section', {id: 'faults'});
  const limits = el('section', {id: 'ratelimits'});
  const webhooks = el('section', {id: 'webhooks'});
  let resent = null; // what the last Resend did, shown until the next one
  replace(container, el('div', {class: 'toolbar'}, el('button', {type: 'button', id: 'sandbox-refresh', onclick: load},
      'Refresh')),
      el('div', {class: 'columns'}, el('div', {}, scenarios, faults), el('div', {}, limits, webhooks)));

  function toggle(path, on, reload) {
    return el('button', {type: 'button', class: 'toggle ' + (on ? 'on' : 'off'), 'aria-pressed': String(on),
        onclick: async () => {
          try { await api('POST', `${path}/${on ? 'off' : 'on'}`); } catch (error) { alert(error.message); }
          reload();
        }}, on ? 'on' : 'off');
  }

  async function loadScenarios() {
    const answer = await api('GET', '/__twin/scenarios');
    replace(scenarios, el('h2', {}, 'Scenarios'), answer.details.length ? el('table', {class: 'grid'},
        el('thead', {}, el('tr', {}, el('th', {}, 'name'), el('th', {}, 'operations'), el('th', {}, 'when.match'),
            el('th', {}, ''))),
        el('tbody', {}, answer.details.map(s => el('tr', {'data-scenario': s.name},
            el('td', {}, el('code', {}, s.name)), el('td', {}, s.operations.join(', ')),
            el('td', {}, s.match === null ? el('span', {class: 'muted'}, 'always') : el('code', {}, s.match)),
            el('td', {}, toggle('/__twin/scenarios/' + encodeURIComponent(s.name), s.on, loadScenarios))))))
        : el('p', {class: 'muted'}, 'No scenarios in twin.yaml.'),
        el('p', {class: 'muted'}, 'A scenario switched off is never chosen by its match; a client naming it in the '
            + 'Twin-Scenario header still gets it.'));
  }

  async function loadFaults() {
    const answer = await api('GET', '/__twin/faults');
    const operation = el('input', {id: 'fault-operation', placeholder: 'operation glob, e.g. shop.*', size: 18});
    const fault = el('select', {id: 'fault-type'}, el('option', {value: ''}, 'latency only'),
        ['status-500', 'status-502', 'status-503', 'reset', 'no-response', 'empty-response', 'malformed-chunk']
            .map(f => el('option', {value: f}, f)));
    const latency = el('input', {id: 'fault-latency', placeholder: 'latency, e.g. 300ms', size: 10});
    const problem = el('p', {class: 'error'});
    replace(faults, el('h2', {}, 'Faults'), answer.faults.length ? el('table', {class: 'grid'},
        el('thead', {}, el('tr', {}, el('th', {}, 'name'), el('th', {}, 'operations'), el('th', {}, 'fault'),
            el('th', {}, 'latency'), el('th', {}, 'p'), el('th', {}, 'from'), el('th', {}, ''), el('th', {}, ''))),
        el('tbody', {}, answer.faults.map(f => el('tr', {'data-fault': f.name},
            el('td', {}, el('code', {}, f.name)), el('td', {}, f.operation.join(', ')),
            el('td', {}, f.fault || '—'), el('td', {}, f.latency ? JSON.stringify(f.latency) : '—'),
            el('td', {}, f.probability), el('td', {}, f.origin),
            el('td', {}, toggle('/__twin/faults/' + encodeURIComponent(f.name), f.on, loadFaults)),
            el('td', {}, confirmButton('Remove', async () => {
              await api('DELETE', '/__twin/faults?name=' + encodeURIComponent(f.name));
              loadFaults();
            }, {class: 'small'}))))))
        : el('p', {class: 'muted'}, 'No fault rules.'),
        el('form', {class: 'inline', onsubmit: async event => {
          event.preventDefault();
          const rule = {operation: operation.value.trim() || '*'};
          if (fault.value) rule.fault = fault.value;
          if (latency.value.trim()) rule.latency = latency.value.trim();
          try { await api('POST', '/__twin/faults', rule); loadFaults(); } catch (error) { problem.textContent = error.message; }
        }}, operation, fault, latency, el('button', {type: 'submit', id: 'add-fault'}, 'Add rule')), problem);
  }

  async function loadLimits() {
    const answer = await api('GET', '/__twin/ratelimits');
    replace(limits, el('h2', {}, 'Rate limits'), answer.limits.length ? answer.limits.map(limit =>
        el('div', {class: 'limit'}, el('p', {}, el('code', {}, limit.name),
            ` ${limit.capacity} requests, ${limit.refillPerSecond}/s refill, on ${limit.operations.join(', ')}`),
            limit.buckets.length ? el('table', {class: 'grid'}, el('tbody', {}, limit.buckets.map(bucket =>
                el('tr', {}, el('td', {class: 'tenant'}, bucket.tenant), el('td', {}, el('meter', {min: 0,
                    max: limit.capacity, value: bucket.remaining})), el('td', {}, `${bucket.remaining} left`)))))
                : el('p', {class: 'muted'}, 'every bucket full')))
        : el('p', {class: 'muted'}, 'No rate limits in twin.yaml.'),
        el('p', {class: 'muted'}, 'A reset of a tenant (State) refills its buckets.'));
  }

  async function loadWebhooks() {
    const answer = await api('GET', '/__twin/webhooks');
    const byEvent = new Map();
    for (const delivery of answer.deliveries) {
      const key = delivery.event + ' ' + delivery.url;
      if (!byEvent.has(key)) byEvent.set(key, []);
      byEvent.get(key).push(delivery);
    }
    replace(webhooks, el('h2', {}, 'Webhook deliveries'),
        resent ? el('p', {class: resent.error ? 'error' : 'notice', id: 'webhooks-notice'}, resent.text) : null,
        byEvent.size ? el('table', {class: 'grid'},
        el('thead', {}, el('tr', {}, el('th', {}, 'event'), el('th', {}, 'url'), el('th', {}, 'attempts'), el('th', {}, ''))),
        el('tbody', {}, [...byEvent.values()].map(attempts => {
          const first = attempts[0];
          return el('tr', {'data-event': first.event},
              el('td', {}, el('code', {}, first.type), el('br'), el('span', {class: 'muted'}, first.event)),
              el('td', {class: 'url'}, first.url),
              el('td', {}, el('ol', {reversed: true, class: 'attempts'}, attempts.map(a => el('li', {},
                  time(a.at), ' #', a.attempt, ' ', el('span', {class: statusClass(a.status || null)}, a.status || 'no answer'),
                  a.error ? ' ' + a.error : '')))),
              el('td', {}, el('button', {type: 'button', class: 'resend', onclick: async () => {
                try {
                  const answer = await api('POST', `/__twin/webhooks/${encodeURIComponent(first.event)}/resend`);
                  resent = {text: `${first.event} sent again to ${answer.webhooks} webhook${answer.webhooks === 1 ? '' : 's'}.`};
                } catch (error) {
                  resent = {text: error.message, error: true};
                }
                loadWebhooks();
              }}, 'Resend')));
        }))) : el('p', {class: 'muted'}, 'No deliveries yet (webhooks are configured under sandbox webhooks: in twin.yaml).'));
  }

  async function load() {
    for (const [section, loader] of [[scenarios, loadScenarios], [faults, loadFaults], [limits, loadLimits],
        [webhooks, loadWebhooks]]) {
      try { await loader(); } catch (error) { replace(section); showError(section, error); }
    }
  }

  load();
  return () => {};
}
