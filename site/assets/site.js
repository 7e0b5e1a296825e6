// The site's one script: copy buttons, and the search box over the static index in /search/
// (the index walk and ranking are in search-core.js).
// Results are built with textContent and fixed class names only: crawled text never becomes markup.
import { createSearch } from './search-core.js';
import { fieldValue, parseQuery } from './search-query.js';
import { CATEGORY_NAMES } from './search-tokens.js';

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  const source = button && document.getElementById(button.getAttribute('data-copy'));
  if (!source) return;
  const text = source.textContent || '';
  const label = button.getAttribute('data-label') || button.textContent;
  button.setAttribute('data-label', label);
  const done = (ok) => {
    button.textContent = ok ? 'Copied' : 'Select and copy';
    setTimeout(() => { button.textContent = label; }, 2000);
  };
  const fallback = () => {
    const area = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
    area.style.cssText = 'position:fixed;opacity:0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    area.remove();
    if (!ok) getSelection()?.selectAllChildren(source);
    done(ok);
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => done(true), fallback);
  else fallback();
});

const RISK_NAMES = ['Low', 'Medium', 'High', 'Critical'];
const { search } = createSearch((url) => fetch(url).then((r) => (r.ok ? r.json() : null)));

function option(result, id) {
  const r = result.record;
  const a = document.createElement('a');
  a.id = id;
  a.className = 'result';
  a.setAttribute('role', 'option');
  a.href = r[0] === 's' ? `/servers/${encodeURIComponent(r[1])}/` : `/tools/${encodeURIComponent(r[1])}/${encodeURIComponent(r[2])}/`;
  const add = (cls, text) => { const s = document.createElement('span'); s.className = cls; s.textContent = text; a.appendChild(s); };
  add('kind', r[0] === 's' ? 'server' : 'tool');
  add('name', r[0] === 's' ? r[2] : r[3]);
  add('where', r[0] === 's' ? `${r[3] || r[1]} · ${r[5]} tools` : r[4]);
  const risk = RISK_NAMES[r[0] === 's' ? r[4] : r[5]];
  if (risk) add(`badge risk-${risk.toLowerCase()}`, risk);
  return a;
}

/** A line of plain text in the results box. */
function note(cls, text) {
  const p = document.createElement('p');
  p.className = `muted ${cls}`;
  p.textContent = text;
  return p;
}

function attach(form) {
  const input = form.querySelector('input[type=search]');
  const box = form.querySelector('.search-results');
  if (!input || !box) return;
  const page = form.hasAttribute('data-search-page');
  /** The search page's filter menus (risk, category): their values as indexes. */
  const menus = [...form.querySelectorAll('select[data-filter]')];
  const chosen = () => Object.fromEntries(menus.map((m) => [m.name, fieldValue(m.name, m.value)]).filter(([, v]) => v !== undefined));
  let active = -1;
  const options = () => [...box.querySelectorAll('a.result')];
  const show = (on) => { box.hidden = !on; input.setAttribute('aria-expanded', String(on)); };
  const activate = (i) => {
    const list = options();
    list.forEach((o, j) => o.classList.toggle('active', j === i));
    active = i;
    if (list[i]) { input.setAttribute('aria-activedescendant', list[i].id); list[i].scrollIntoView({ block: 'nearest' }); }
    else input.removeAttribute('aria-activedescendant');
  };
  // No debounce: a query runs at once and its results show even if the user typed on meanwhile;
  // keystrokes during a run coalesce into one run after it.
  let running = false;
  let again = false;
  const run = async (started) => {
    if (running) { again = true; return; }
    running = true;
    const query = input.value;
    const filters = chosen();
    const asked = Boolean(query.trim()) || Object.keys(filters).length > 0;
    let results = [];
    try { results = asked ? await search(query, page ? 50 : 12, { filters }) : []; } finally {
      running = false;
      if (again) { again = false; queueMicrotask(() => run(started)); }
    }
    const parsed = parseQuery(query, filters);
    const notes = parsed.problems.map((problem) => note('problem', problem));
    if (results[0]?.partial) notes.push(note('partial', 'No result has every word; these have some of them.'));
    box.replaceChildren(...notes, ...results.map((r, i) => option(r, `${box.id}-${i}`)));
    // A filter alone shows the first tools of its level or category; the list page has them all.
    const { risk, category } = parsed.filters;
    if (!parsed.tokens.length && results.length && (risk === undefined) !== (category === undefined)) {
      const [path, label] = risk !== undefined ? [`/risk/${RISK_NAMES[risk].toLowerCase()}/`, `Every ${RISK_NAMES[risk]} tool`]
        : [`/categories/${CATEGORY_NAMES[category]}/`, `Every ${CATEGORY_NAMES[category]} tool`];
      const more = Object.assign(document.createElement('a'), { className: 'more', href: path, textContent: `${label}, by server →` });
      box.appendChild(more);
    }
    if (asked && !results.length) box.appendChild(note('empty', 'No matches.'));
    activate(-1);
    show(asked);
    form.dataset.searchMs = (performance.now() - started).toFixed(1);
    form.dataset.searchQuery = query;
    if (page) {
      const params = new URLSearchParams();
      if (query.trim()) params.set('q', query);
      for (const m of menus) if (m.value) params.set(m.name, m.value);
      const search = params.toString();
      history.replaceState(null, '', search ? `?${search}` : location.pathname);
    }
  };
  input.addEventListener('input', () => run(performance.now()));
  for (const m of menus) m.addEventListener('change', () => run(performance.now()));
  input.addEventListener('keydown', (event) => {
    const list = options();
    if (event.key === 'ArrowDown' && list.length) { event.preventDefault(); show(true); activate((active + 1) % list.length); }
    else if (event.key === 'ArrowUp' && list.length) { event.preventDefault(); activate(active <= 0 ? list.length - 1 : active - 1); }
    else if (event.key === 'Enter' && list[active]) { event.preventDefault(); location.href = list[active].href; }
    else if (event.key === 'Escape' && !page) { show(false); activate(-1); }
  });
  if (!page) form.addEventListener('focusout', (event) => { if (!form.contains(event.relatedTarget)) show(false); });
  if (page) {
    const params = new URLSearchParams(location.search);
    for (const m of menus) {
      const index = fieldValue(m.name, params.get(m.name) ?? '');
      if (index !== undefined) m.value = [...m.options].find((o) => fieldValue(m.name, o.value) === index)?.value ?? '';
    }
    const q = params.get('q');
    if (q) input.value = q;
    if (q || Object.keys(chosen()).length) run(performance.now());
  }
}

document.querySelectorAll('form[data-search]').forEach(attach);
