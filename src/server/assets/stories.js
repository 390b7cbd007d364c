// crosscheck web UI: the stories list. Reads GET /api/stories?q=&outlet=&entity=&page=&per_page=
// ({page, per_page, total, stories: [{id, title, size, outlets, first_seen, last_seen}]}) and
// keeps the filters and page in this page's query string, so a reload or a shared link shows
// the same list. Text goes in through textContent only.
'use strict';
(function () {
  const PER_PAGE = 50;
  const form = document.getElementById('filters');
  const fields = { q: document.getElementById('f-q'), outlet: document.getElementById('f-outlet'), entity: document.getElementById('f-entity') };
  const tbody = document.querySelector('#stories-table tbody');
  const statusEl = document.getElementById('status');
  const errorEl = document.getElementById('error');
  const prev = document.getElementById('prev');
  const next = document.getElementById('next');
  const pageStatus = document.getElementById('page-status');
  let page = 1;
  let pages = 1;
  let seq = 0;

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
    for (const c of children) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
    return el;
  }
  function day(s) {
    if (!s) return '—';
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(s);
    return m ? m[1] + (m[2] ? ' ' + m[2] : '') : String(s);
  }

  function readQuery() {
    const p = new URLSearchParams(location.search);
    for (const [k, el] of Object.entries(fields)) el.value = p.get(k) || '';
    const n = parseInt(p.get('page') || '1', 10);
    page = Number.isFinite(n) && n > 0 ? n : 1;
  }
  function params() {
    const p = new URLSearchParams();
    for (const [k, el] of Object.entries(fields)) { const v = el.value.trim(); if (v) p.set(k, v); }
    if (page > 1) p.set('page', String(page));
    return p;
  }
  function showError(msg) {
    errorEl.hidden = false;
    errorEl.textContent = msg;
  }

  async function load() {
    const mine = ++seq;
    const p = params();
    history.replaceState(null, '', location.pathname + (p.toString() ? '?' + p : ''));
    p.set('page', String(page));
    p.set('per_page', String(PER_PAGE));
    statusEl.textContent = 'Loading…';
    errorEl.hidden = true;
    let res, body;
    try {
      res = await fetch('/api/stories?' + p.toString(), { headers: { Accept: 'application/json' } });
      const text = await res.text();
      try { body = JSON.parse(text); } catch (e) { body = null; }
      if (mine !== seq) return;
      if (!res.ok || !body || body.error) {
        const msg = body && body.error && body.error.message ? body.error.message : (text || res.statusText);
        throw new Error('The server answered ' + res.status + ': ' + msg);
      }
    } catch (e) {
      if (mine !== seq) return;
      showError(e.message || String(e));
      statusEl.textContent = '';
      return;
    }
    draw(body);
  }

  function draw(body) {
    const stories = Array.isArray(body.stories) ? body.stories : [];
    const total = Number(body.total) || 0;
    const per = Number(body.per_page) || PER_PAGE;
    page = Number(body.page) || page;
    pages = Math.max(1, Math.ceil(total / per));
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    for (const s of stories) {
      const outlets = Array.isArray(s.outlets) ? s.outlets : [];
      const shown = outlets.slice(0, 8).join(', ') + (outlets.length > 8 ? ' and ' + (outlets.length - 8) + ' more' : '');
      tbody.append(h('tr', { 'data-story': s.id },
        h('th', { scope: 'row' }, h('a', { href: '/stories/' + encodeURIComponent(String(s.id)) }, s.title || 'Story ' + s.id)),
        h('td', { class: 'num' }, String(s.size ?? '')),
        h('td', { title: outlets.join(', ') }, shown),
        h('td', null, day(s.first_seen)),
        h('td', null, day(s.last_seen))));
    }
    const filtered = Object.values(fields).some((el) => el.value.trim());
    if (!stories.length) {
      tbody.append(h('tr', null, h('td', { colspan: 5, class: 'empty' }, total ? 'No stories on this page.' : (filtered ? 'No story matches these filters.' : 'The store holds no stories yet.'))));
    }
    const from = total ? (page - 1) * per + 1 : 0;
    statusEl.textContent = total ? total + (total === 1 ? ' story' : ' stories') + (filtered ? ' match' + (total === 1 ? 'es' : '') + ' the filters' : '') + '; showing ' + from + '–' + (from + stories.length - 1) + '.' : '';
    pageStatus.textContent = 'Page ' + page + ' of ' + pages;
    prev.disabled = page <= 1;
    next.disabled = page >= pages;
  }

  let timer = null;
  for (const el of Object.values(fields)) {
    el.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { page = 1; load(); }, 350); });
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); page = 1; load(); });
  document.getElementById('f-clear').addEventListener('click', () => { for (const el of Object.values(fields)) el.value = ''; page = 1; load(); });
  prev.addEventListener('click', () => { if (page > 1) { page--; load(); } });
  next.addEventListener('click', () => { if (page < pages) { page++; load(); } });
  readQuery();
  load();
})();
