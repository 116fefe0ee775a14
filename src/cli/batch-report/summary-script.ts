/**
 * The summary page's one script: sorting and filtering 100–1,000 rows in the browser, opened from disk with no
 * network. Why a script and not CSS tricks: sorting by eight keys in two directions without one would need every
 * order pre-rendered (eight copies of 1,000 rows), and severity × table × rule filters that apply to one finding
 * together cannot be expressed as :checked/:target selectors. So the page's CSP allows exactly this script, by its
 * SHA-256 (computed here from the text, so it cannot drift from what is written), and nothing else: no other
 * inline script, no file, no network. The page works without it (the list sorted by open findings, all shown);
 * the script only unhides the tools.
 *
 * It reads the rows' data attributes (written by summary-page.ts) and applies the same orders and filters as
 * model.ts (sortEntries, filterEntries) — the browser test checks both agree. Written in ES5 for older
 * browsers that government desktops still carry; its state lives in the address (#sev=…&table=…&rule=…) so
 * that the per-rule overview links to a filtered list and a filtered list can be bookmarked.
 */
import { createHash } from 'node:crypto';

export const SUMMARY_SCRIPT = `(function () {
  'use strict';
  var body = document.getElementById('rows');
  var tools = document.getElementById('tools');
  if (!body || !tools) return;
  document.documentElement.className += ' js';
  tools.hidden = false;
  var UNKNOWN = '未识别';
  var NUMERIC = { open: 'o', error: 'e', warning: 'w', info: 'n', explained: 'x', file: 'i' };
  var NATURAL = { file: 'asc', unit: 'asc' };
  var controls = { sev: byId('f-sev'), table: byId('f-table'), rule: byId('f-rule'), q: byId('f-q'), sort: byId('f-sort') };
  var shown = byId('shown');
  var none = byId('none');
  var total = body.rows.length;
  var rows = [];
  for (var i = 0; i < body.rows.length; i++) rows.push(parseRow(body.rows[i]));
  var state = readHash();
  /** The order the rows are in: as written, most open first. */
  var current = 'open:desc';

  function byId(id) { return document.getElementById(id); }
  function parseRow(tr) {
    var d = tr.dataset;
    var keys = (d.k || '').split(' ').filter(Boolean).map(function (token) {
      var parts = token.split('|');
      return { s: parts[0].charAt(0), x: parts[0].charAt(1) === 'x', t: parts[1] ? parts[1].split(',') : [], r: parts.slice(2).join('|') };
    });
    var link = tr.querySelector('a.d');
    return {
      tr: tr, keys: keys, link: link, href: link ? link.getAttribute('href') : '',
      i: +d.i, o: +d.o, e: +d.e, w: +d.w, n: +d.n, x: +d.x,
      unit: text(tr.querySelector('.u')), year: d.y || '',
      hay: (text(tr.querySelector('.f')) + '\\n' + text(tr.querySelector('.u'))).toLowerCase()
    };
  }
  function text(el) { return el ? el.textContent : ''; }
  function unknown(text) { return !text || text === UNKNOWN; }
  function keyMatches(k, f) {
    if (f.sev && f.sev !== 'clean') {
      if (f.sev === 'open' ? (k.s === 'i' || k.x) : k.s !== f.sev.charAt(0)) return false;
    }
    if (f.table && k.t.indexOf(f.table) < 0) return false;
    return !f.rule || k.r === f.rule;
  }
  function matches(r, f) {
    var needle = (f.q || '').replace(/^\\s+|\\s+$/g, '').toLowerCase();
    if (needle && r.hay.indexOf(needle) < 0) return false;
    if (f.sev === 'clean' && r.o > 0) return false;
    if (!((f.sev && f.sev !== 'clean') || f.table || f.rule)) return true;
    for (var j = 0; j < r.keys.length; j++) if (keyMatches(r.keys[j], f)) return true;
    return false;
  }
  function comparator(key, dir) {
    var sign = dir === 'asc' ? 1 : -1;
    var field = NUMERIC[key];
    return function (a, b) {
      if (field) return sign * (a[field] - b[field]) || a.i - b.i;
      var x = key === 'unit' ? a.unit : a.year, y = key === 'unit' ? b.unit : b.year;
      if (unknown(x) !== unknown(y)) return unknown(x) ? 1 : -1;
      return sign * x.localeCompare(y, 'zh-CN', { numeric: true }) || a.i - b.i;
    };
  }
  function optionExists(select, value) {
    for (var j = 0; j < select.options.length; j++) if (select.options[j].value === value) return true;
    return false;
  }
  function readHash() {
    var out = { sev: '', table: '', rule: '', q: '', sort: 'open', dir: 'desc' };
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at < 0) return;
      var name = pair.slice(0, at), value;
      try { value = decodeURIComponent(pair.slice(at + 1).replace(/\\+/g, ' ')); } catch (e) { return; }
      if (out.hasOwnProperty(name)) out[name] = value;
    });
    ['sev', 'table', 'rule'].forEach(function (name) { if (!optionExists(controls[name], out[name])) out[name] = ''; });
    if (!NUMERIC.hasOwnProperty(out.sort) && out.sort !== 'unit' && out.sort !== 'year') out.sort = 'open';
    if (out.dir !== 'asc' && out.dir !== 'desc') out.dir = NATURAL[out.sort] || 'desc';
    return out;
  }
  function writeHash() {
    var parts = [];
    ['sev', 'table', 'rule', 'q'].forEach(function (name) { if (state[name]) parts.push(name + '=' + encodeURIComponent(state[name])); });
    if (state.sort !== 'open' || state.dir !== 'desc') parts.push('sort=' + state.sort, 'dir=' + state.dir);
    try { history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search); } catch (e) { /* a browser that refuses: the list is still filtered */ }
  }
  function showControls() {
    controls.sev.value = state.sev; controls.table.value = state.table; controls.rule.value = state.rule; controls.q.value = state.q;
    var sortValue = state.sort + ':' + state.dir;
    if (!optionExists(controls.sort, sortValue)) {
      var option = document.createElement('option');
      option.value = sortValue;
      option.textContent = state.sort + (state.dir === 'asc' ? ' ↑' : ' ↓');
      var header = document.querySelector('button[data-sort="' + state.sort + '"]');
      if (header) option.textContent = header.textContent + (state.dir === 'asc' ? '（少→多 / A→Z）' : '（多→少 / Z→A）');
      controls.sort.appendChild(option);
    }
    controls.sort.value = sortValue;
  }
  function apply() {
    // Moving 1,000 rows costs a layout of the whole table: only when the order changes (the page comes most
    // open first), never for a filter.
    var order = state.sort + ':' + state.dir;
    if (order !== current) {
      rows.sort(comparator(state.sort, state.dir));
      var fragment = document.createDocumentFragment();
      for (var m = 0; m < rows.length; m++) fragment.appendChild(rows[m].tr);
      body.appendChild(fragment);
      current = order;
    }
    var count = 0;
    for (var j = 0; j < rows.length; j++) {
      var r = rows[j];
      var keep = matches(r, state);
      if (r.tr.hidden === keep) r.tr.hidden = !keep;
      if (keep) count++;
      var href = state.rule ? r.href + '#rule-' + encodeURIComponent(state.rule) : r.href;
      if (r.link && r.link.getAttribute('href') !== href) r.link.setAttribute('href', href);
    }
    var headers = document.querySelectorAll('th[data-col]');
    for (var h = 0; h < headers.length; h++) {
      var col = headers[h].getAttribute('data-col');
      if (col === state.sort) headers[h].setAttribute('aria-sort', state.dir === 'asc' ? 'ascending' : 'descending');
      else headers[h].removeAttribute('aria-sort');
    }
    shown.textContent = (count === total ? '显示全部 ' + total + ' 个工作簿' : '显示 ' + count + ' 个，共 ' + total + ' 个工作簿') + describe();
    none.hidden = count > 0;
  }
  /** The filters in words, for the line above the list (and so on paper: a printed list says what it shows). */
  function describe() {
    var parts = [];
    [['sev', '级别'], ['table', '表'], ['rule', '规则']].forEach(function (pair) {
      var select = controls[pair[0]];
      if (select.value) parts.push(pair[1] + '：' + select.options[select.selectedIndex].text.replace(/（\\d+ 个）$/, ''));
    });
    if (state.q) parts.push('查找：' + state.q);
    return parts.length ? '（' + parts.join('；') + '）' : '';
  }
  function fromControls() {
    var sort = controls.sort.value.split(':');
    state = { sev: controls.sev.value, table: controls.table.value, rule: controls.rule.value, q: controls.q.value, sort: sort[0], dir: sort[1] || 'desc' };
    writeHash();
    apply();
  }
  ['sev', 'table', 'rule', 'sort'].forEach(function (name) { controls[name].addEventListener('change', fromControls); });
  controls.q.addEventListener('input', fromControls);
  tools.addEventListener('submit', function (event) { event.preventDefault(); });
  byId('f-clear').addEventListener('click', function () {
    // Filters only: the order the reviewer chose stays.
    state = { sev: '', table: '', rule: '', q: '', sort: state.sort, dir: state.dir };
    showControls(); writeHash(); apply();
  });
  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('button[data-sort]') : null;
    if (!button) return;
    var key = button.getAttribute('data-sort');
    var natural = NATURAL[key] || 'desc';
    state.dir = state.sort === key ? (state.dir === 'asc' ? 'desc' : 'asc') : natural;
    state.sort = key;
    showControls(); writeHash(); apply();
  });
  window.addEventListener('hashchange', function () {
    state = readHash();
    showControls(); apply();
    var list = byId('list');
    if (list && list.scrollIntoView) list.scrollIntoView();
  });
  showControls();
  apply();
})();`;

/** The CSP source that allows exactly SUMMARY_SCRIPT. */
export const SUMMARY_SCRIPT_HASH = `sha256-${createHash('sha256').update(SUMMARY_SCRIPT, 'utf8').digest('base64')}`;
