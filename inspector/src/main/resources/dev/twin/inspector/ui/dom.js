// Small DOM helpers. Text always goes in as text (never as HTML): recorded traffic and rows are untrusted.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else if (name in node && name !== 'list') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** JSON text, indented; a body that is JSON is shown indented too. */
export function pretty(value) {
  if (typeof value === 'string') {
    try { return JSON.stringify(JSON.parse(value), null, 2); } catch { return value; }
  }
  return JSON.stringify(value, null, 2);
}

/** A button that asks again before doing something that cannot be undone. */
export function confirmButton(label, action, attributes = {}) {
  const button = el('button', {...attributes, type: 'button', class: 'danger ' + (attributes.class || '')}, label);
  let armed = null;
  button.addEventListener('click', async () => {
    if (!armed) {
      button.textContent = 'Really ' + label.toLowerCase() + '?';
      button.classList.add('armed');
      armed = setTimeout(() => { button.textContent = label; button.classList.remove('armed'); armed = null; }, 4000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    button.textContent = label;
    button.classList.remove('armed');
    await action();
  });
  return button;
}

export function statusClass(status) {
  if (status === null || status === undefined) return 'status-none';
  return 'status-' + String(status)[0] + 'xx';
}

export function time(iso) {
  const date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleTimeString([], {hour12: false}) + '.' + String(date.getMilliseconds()).padStart(3, '0');
}

/** Headers as a two-column table, and the body under them. */
export function message(title, part) {
  if (!part) return el('section', {class: 'message'}, el('h3', {}, title), el('p', {class: 'muted'}, 'none'));
  const rows = (part.headers || []).map(([name, value]) => el('tr', {}, el('th', {}, name), el('td', {}, value)));
  const body = part.body === null
      ? el('p', {class: 'muted'}, `${part.binaryBytes} bytes of binary content`)
      : part.body === '' ? el('p', {class: 'muted'}, 'empty body')
      : el('pre', {class: 'body'}, pretty(part.body));
  return el('section', {class: 'message'}, el('h3', {}, title),
      rows.length ? el('table', {class: 'headers'}, el('tbody', {}, rows)) : null,
      body, part.bodyTruncated ? el('p', {class: 'muted'}, 'body cut (only the first part is kept)') : null);
}

export function showError(container, error) {
  append(container, [el('p', {class: 'error', role: 'alert'}, error.message || String(error))]);
}

/** The line at the top right: whether a live view is connected. */
export function setStatus(text) {
  document.getElementById('status').textContent = text || '';
}
