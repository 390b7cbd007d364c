// crosscheck report: draws the analysis JSON (schema crosscheck/analysis@1, docs/json-schema.md)
// embedded in this page. Everything is built with DOM calls (textContent, never innerHTML with
// data), the graph is an SVG laid out here, and the page makes no network request.
//
// Offsets in the JSON are Unicode code points into an article's `text`; JS strings are UTF-16.
// TextIndex keeps, per article, the map from code point offsets to UTF-16 offsets, and every
// slice of article text goes through it.
'use strict';
(function () {
  const PAGE_SIZE = 25;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  // ---- small DOM helpers -------------------------------------------------------------------
  function setAttrs(el, attrs) {
    if (!attrs) return el;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.setAttribute('class', v);
      else if (k === 'text') el.textContent = v;
      else if (k === 'dataset') for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    return el;
  }
  function add(el, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) add(el, c);
      else el.append(c instanceof Node ? c : String(c));
    }
    return el;
  }
  function h(tag, attrs, ...children) { return add(setAttrs(document.createElement(tag), attrs), children); }
  function svg(tag, attrs, ...children) { return add(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children); }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function empty(text) { return h('p', { class: 'empty' }, text); }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }
  function pct(x) { return Math.round((Number(x) || 0) * 100) + '%'; }
  function truncate(s, n) { const cps = Array.from(s || ''); return cps.length > n ? cps.slice(0, n - 1).join('') + '…' : (s || ''); }

  // ---- text offsets ------------------------------------------------------------------------
  class TextIndex {
    constructor(text) {
      this.text = typeof text === 'string' ? text : '';
      const map = [];
      let u = 0;
      for (const ch of this.text) { map.push(u); u += ch.length; }
      map.push(u);
      this.map = Uint32Array.from(map);
    }
    get length() { return this.map.length - 1; }
    clamp(cp) { return Math.max(0, Math.min(this.length, Math.floor(Number(cp) || 0))); }
    u16(cp) { return this.map[this.clamp(cp)]; }
    slice(start, end) { return this.text.slice(this.u16(start), this.u16(end)); }
    // Paragraphs as code point ranges: text between "\n\n" separators.
    paragraphs() {
      const out = [];
      let start = 0;
      const t = this.text;
      let pos = t.indexOf('\n\n');
      while (pos !== -1) {
        let end = pos;
        let next = pos;
        while (t[next] === '\n') next++;
        out.push([this.cpOf(start), this.cpOf(end)]);
        start = next;
        pos = t.indexOf('\n\n', next);
      }
      out.push([this.cpOf(start), this.length]);
      return out.filter(([a, b]) => b > a);
    }
    // UTF-16 offset (at a code point boundary) -> code point offset, by binary search.
    cpOf(u) {
      let lo = 0, hi = this.map.length - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (this.map[mid] < u) lo = mid + 1; else hi = mid; }
      return lo;
    }
  }

  // ---- data ---------------------------------------------------------------------------------
  function readJson(id) {
    const el = document.getElementById(id);
    if (!el) return { value: null, error: 'element #' + id + ' is missing' };
    try { return { value: JSON.parse(el.textContent), error: null }; } catch (e) { return { value: null, error: e.message }; }
  }

  const dataRead = readJson('crosscheck-data');
  const ctxRead = readJson('crosscheck-context');
  const data = dataRead.value && typeof dataRead.value === 'object' ? dataRead.value : {};
  const context = ctxRead.value && typeof ctxRead.value === 'object' ? ctxRead.value : { mode: 'file' };
  const articles = Array.isArray(data.articles) ? data.articles : [];
  const stories = Array.isArray(data.stories) ? data.stories : [];
  const problems = Array.isArray(data.problems) ? data.problems : [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const indexCache = new Map();
  function textIndex(id) {
    let ix = indexCache.get(id);
    if (!ix) { ix = new TextIndex(byId.has(id) ? byId.get(id).text : ''); indexCache.set(id, ix); }
    return ix;
  }
  function evidenceText(ev) {
    if (byId.has(ev.article)) return textIndex(ev.article).slice(ev.start, ev.end);
    return typeof ev.text === 'string' ? ev.text : '';
  }
  function arr(x) { return Array.isArray(x) ? x : []; }

  function displayTime(s) {
    if (!s) return '';
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
    if (!m) return s;
    return m[1] + (m[2] ? ' ' + m[2] + (m[3] ? (m[3] === 'Z' ? ' UTC' : ' ' + m[3]) : '') : '');
  }
  // "2026-03-12 06:15 – 16:20 UTC" when both ends share a day and a zone.
  function timeSpan(a, b) {
    if (!a) return 'no publication times';
    const x = displayTime(a), y = displayTime(b);
    if (x === y) return x;
    const mx = /^(\S+) (\d\d:\d\d)( .*)?$/.exec(x), my = /^(\S+) (\d\d:\d\d)( .*)?$/.exec(y);
    if (mx && my && mx[1] === my[1] && (mx[3] || '') === (my[3] || '')) return mx[1] + ' ' + mx[2] + '–' + my[2] + (mx[3] || '');
    return x + ' – ' + y;
  }
  function timeKey(s) { const t = Date.parse(s); return Number.isNaN(t) ? null : t; }

  // Everything a story view needs, computed once per story.
  function storyModel(story) {
    const ids = arr(story.articles).filter((id) => byId.has(id));
    const inStory = new Set(ids);
    const reuse = arr(story.reuse).filter((r) => inStory.has(r.source) && inStory.has(r.derived));
    const derived = new Set(reuse.map((r) => r.derived));
    const isDuplicate = (id) => { const d = byId.get(id).duplicate_of; return !!d && d !== id && inStory.has(d); };
    const independent = ids.filter((id) => !derived.has(id) && !isDuplicate(id));
    const sourceCount = new Map();
    for (const id of ids) { const s = byId.get(id).source || 'unknown'; sourceCount.set(s, (sourceCount.get(s) || 0) + 1); }
    const labels = new Map();
    for (const id of ids) {
      const s = byId.get(id).source;
      if (!s || s === 'unknown') labels.set(id, id);
      else labels.set(id, sourceCount.get(s) > 1 ? s + ' · ' + truncate(id, 14) : s);
    }
    const outlets = [...sourceCount.keys()];
    const times = ids.map((id) => byId.get(id).published).filter(Boolean);
    let first = null, last = null;
    for (const t of times) {
      const k = timeKey(t);
      const key = k === null ? t : k;
      if (first === null || compareKey(key, first.key) < 0) first = { key, t };
      if (last === null || compareKey(key, last.key) > 0) last = { key, t };
    }
    return { story, ids, reuse, derived, independent, labels, outlets, first: first && first.t, last: last && last.t, isDuplicate };
  }
  function compareKey(a, b) {
    if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
    return String(a) < String(b) ? -1 : 1;
  }
  function storyTitle(story) {
    if (story.title) return story.title;
    const arts = arr(story.articles).map((id) => byId.get(id)).filter(Boolean);
    const titled = arts.find((a) => a.title);
    if (titled) return titled.title;
    // Untitled articles: the opening words of the first one stand in for a title.
    const lead = arts.length ? leadWords(arts[0].text, 12) : '';
    return lead ? lead : 'Story ' + story.id;
  }
  function leadWords(text, n) {
    const words = String(text || '').split(/\s+/).filter(Boolean);
    return words.slice(0, n).join(' ') + (words.length > n ? ' …' : '');
  }

  // ---- state --------------------------------------------------------------------------------
  const state = { storyIdx: 0, model: null, left: null, right: null, focus: null };
  const mainEl = document.getElementById('main');

  // ---- pager: one page of a long list at a time ----------------------------------------------
  // render(items) returns the node for the visible items; the pager draws prev/next around it.
  function pager(items, render, opts) {
    const size = (opts && opts.size) || PAGE_SIZE;
    const label = (opts && opts.label) || 'items';
    const box = h('div', { class: 'paged' });
    let page = 0;
    const pages = Math.max(1, Math.ceil(items.length / size));
    function draw() {
      clear(box);
      const from = page * size;
      const to = Math.min(items.length, from + size);
      const nav = () => pages <= 1 ? null : h('div', { class: 'pager', role: 'group', 'aria-label': 'Pages of ' + label },
        h('button', { type: 'button', disabled: page === 0, onclick: () => { page--; draw(); focusTop(); } }, '‹ Previous'),
        h('span', { class: 'status' }, 'Page ' + (page + 1) + ' of ' + pages + ' · ' + (from + 1) + '–' + to + ' of ' + items.length + ' ' + label),
        h('button', { type: 'button', disabled: page >= pages - 1, onclick: () => { page++; draw(); focusTop(); } }, 'Next ›'));
      add(box, [nav(), render(items.slice(from, to), from), nav()]);
    }
    function focusTop() { const b = box.querySelector('.pager button:not([disabled])'); if (b) b.focus(); box.scrollIntoView({ block: 'nearest' }); }
    box.showItem = (i) => { if (i >= 0 && i < items.length) { page = Math.floor(i / size); draw(); } };
    draw();
    return box;
  }

  function section(id, title, ...content) {
    return h('section', { id, 'aria-labelledby': id + '-h' }, h('h2', { id: id + '-h' }, title), content);
  }

  function outletOf(id) {
    const a = byId.get(id);
    return state.model && state.model.labels.has(id) ? state.model.labels.get(id) : (a ? (a.source || id) : id);
  }
  // "The New York Times ×20, Fox News ×15, …": outlets of a set of articles, by count.
  function outletSummary(ids) {
    const counts = new Map();
    for (const id of ids) {
      const a = byId.get(id);
      const name = a && a.source && a.source !== 'unknown' ? a.source : id;
      counts.set(name, (counts.get(name) || 0) + 1);
    }
    const list = [...counts.entries()].sort((x, y) => y[1] - x[1]);
    const shown = list.slice(0, 8).map(([n, c]) => (c > 1 ? n + ' ×' + c : n));
    return shown.join(', ') + (list.length > 8 ? ' and ' + (list.length - 8) + ' more outlets' : '');
  }
  function outletTag(id) {
    const a = byId.get(id);
    return h('span', { class: 'outlet', title: a && a.title ? a.title + ' (' + id + ')' : id, dataset: { article: id } }, outletOf(id));
  }

  // ---- header: title, picker ------------------------------------------------------------------
  function drawChrome() {
    const back = document.getElementById('back-link');
    if (context.mode === 'served' && context.stories_url) {
      back.hidden = false;
      clear(back).append(h('a', { href: context.stories_url, id: 'stories-link' }, '← All stories'));
    }
    const picker = clear(document.getElementById('story-picker'));
    if (stories.length > 1) {
      const sel = h('select', { id: 'story-select', 'aria-label': 'Story' });
      stories.forEach((s, i) => sel.append(h('option', { value: String(i) }, truncate(storyTitle(s), 90) + ' — ' + plural(arr(s.articles).length, 'article'))));
      sel.addEventListener('change', () => selectStory(Number(sel.value), true));
      add(picker, [h('label', { for: 'story-select' }, 'Story ' ), sel,
        h('span', { class: 'muted' }, plural(stories.length, 'story', 'stories'))]);
    } else if (stories.length === 1) {
      picker.append(h('span', { class: 'muted' }, 'One story, ' + plural(articles.length, 'article')));
    }
  }

  function selectStory(idx, updateHash) {
    state.storyIdx = idx;
    const story = stories[idx];
    state.model = storyModel(story);
    const m = state.model;
    if (m.reuse.length) {
      // Open on the most telling relation: most changed facts, then the least covered copy.
      const best = m.reuse.reduce((b, r) => (arr(r.changes).length > arr(b.changes).length ||
        (arr(r.changes).length === arr(b.changes).length && (Number(r.coverage) || 0) < (Number(b.coverage) || 0)) ? r : b));
      state.left = best.source; state.right = best.derived;
    }
    else { state.left = m.ids[0] || null; state.right = m.ids[1] || m.ids[0] || null; }
    state.focus = null;
    const sel = document.getElementById('story-select');
    if (sel) sel.value = String(idx);
    if (updateHash) history.replaceState(null, '', '#story=' + encodeURIComponent(story.id));
    drawStory();
  }

  // ---- the story view -------------------------------------------------------------------------
  function drawStory() {
    const m = state.model;
    const story = m.story;
    document.title = storyTitle(story) + ' — crosscheck';
    clear(mainEl);
    add(mainEl, [
      drawOverview(m),
      section('graph', 'Provenance graph', drawGraphSection(m)),
      section('reader', 'Side by side', h('div', { id: 'reader-body' })),
      section('claims', 'Claims', drawClaims(m)),
      section('discrepancies', 'Discrepancies', drawDiscrepancies(m)),
      section('entities', 'Entities', drawEntities(m)),
      section('quotes', 'Quotes by speaker', drawQuotes(m)),
      section('summary', 'Summary', drawSummary(m)),
      section('articles', 'Articles', drawArticles(m)),
      section('problems', 'Problems', drawProblems()),
    ]);
    drawReader();
  }

  function drawOverview(m) {
    const story = m.story;
    const span = timeSpan(m.first, m.last);
    const sec = h('section', { id: 'overview', 'aria-labelledby': 'story-title' },
      h('h1', { id: 'story-title' }, storyTitle(story)),
      h('dl', { class: 'facts', id: 'story-header' },
        h('div', null, h('dt', null, 'Articles'), h('dd', { dataset: { field: 'articles' } }, String(m.ids.length))),
        h('div', null, h('dt', null, 'Independent origins'), h('dd', { dataset: { field: 'independent' }, title: 'Articles not derived from another article of the story (duplicates count with their original)' }, String(m.independent.length))),
        h('div', null, h('dt', null, 'Reuse relations'), h('dd', { dataset: { field: 'reuse' } }, String(m.reuse.length))),
        h('div', null, h('dt', null, 'Time span'), h('dd', { dataset: { field: 'span' } }, span)),
        h('div', { class: 'wide' }, h('dt', null, plural(m.outlets.length, 'Outlet')),
          h('dd', { dataset: { field: 'outlets' } }, m.outlets.map((o) => h('span', { class: 'tag' }, o))))),
      h('p', { class: 'hint' }, 'Story id ', h('code', null, String(story.id)), '.'));
    const ids = new Set([String(story.id), ...m.ids]);
    const mine = problems.filter((p) => ids.has(String(p.id)));
    if (mine.length) {
      sec.append(h('p', { class: 'notice error', id: 'story-problems' }, plural(mine.length, 'problem') + ' concern this story (',
        mine.filter((p) => p.severity === 'error').length + ' errors): ', h('a', { href: '#problems' }, 'see Problems'), '.'));
    }
    return sec;
  }

  // ---- provenance graph ------------------------------------------------------------------------
  const NODE_W = 170, NODE_H = 40, GAP_X = 110, GAP_Y = 22, PAD = 16;

  function layoutGraph(m) {
    const ids = m.ids;
    const pos = new Map();
    const order = new Map(ids.map((id, i) => [id, i]));
    const depth = new Map(ids.map((id) => [id, 0]));
    // Longest path from a root; capped at ids.length so a cycle cannot loop for ever.
    for (let iter = 0, changed = true; changed && iter < ids.length; iter++) {
      changed = false;
      for (const r of m.reuse) {
        const d = depth.get(r.source) + 1;
        if (d > depth.get(r.derived) && d < ids.length) { depth.set(r.derived, d); changed = true; }
      }
    }
    // Components over reuse edges and duplicate links.
    const parent = new Map(ids.map((id) => [id, id]));
    const find = (x) => { while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; };
    const links = m.reuse.map((r) => [r.source, r.derived]);
    const dupLinks = [];
    const reusePairs = new Set(m.reuse.map((r) => r.source + '\u0000' + r.derived));
    for (const id of ids) {
      if (!m.isDuplicate(id)) continue;
      const orig = byId.get(id).duplicate_of;
      if (!reusePairs.has(orig + '\u0000' + id)) dupLinks.push([orig, id]);
      links.push([orig, id]);
    }
    for (const [a, b] of links) parent.set(find(a), find(b));
    const comps = new Map();
    for (const id of ids) { const r = find(id); if (!comps.has(r)) comps.set(r, []); comps.get(r).push(id); }
    const connected = [...comps.values()].filter((c) => c.length > 1);
    const isolated = [...comps.values()].filter((c) => c.length === 1).map((c) => c[0]);
    const parentsOf = new Map(ids.map((id) => [id, []]));
    for (const [a, b] of links) parentsOf.get(b).push(a);
    let y = PAD;
    let width = 0;
    const labels = [];
    for (const comp of connected) {
      const layers = [];
      for (const id of comp) { const d = depth.get(id); (layers[d] = layers[d] || []).push(id); }
      let rows = 0;
      layers.forEach((layer, d) => {
        if (!layer) return;
        if (d > 0) {
          // Barycentre of the parents' rows keeps copies next to their sources.
          const bary = (id) => { const ps = parentsOf.get(id).filter((p) => pos.has(p)); return ps.length ? ps.reduce((s, p) => s + pos.get(p).row, 0) / ps.length : order.get(id); };
          layer.sort((a, b) => bary(a) - bary(b) || order.get(a) - order.get(b));
        }
        layer.forEach((id, row) => {
          pos.set(id, { x: PAD + d * (NODE_W + GAP_X), y: y + row * (NODE_H + GAP_Y), row });
        });
        rows = Math.max(rows, layer.length);
        width = Math.max(width, PAD + (d + 1) * (NODE_W + GAP_X) - GAP_X + PAD);
      });
      y += rows * (NODE_H + GAP_Y) + GAP_Y;
    }
    if (isolated.length) {
      const cols = isolated.length > 8 ? 6 : 4;
      labels.push({ x: PAD, y: y + 4, text: connected.length ? plural(isolated.length, 'article') + ' with no reuse found:' : 'No reuse found between these ' + plural(isolated.length, 'article') + ':' });
      y += 14;
      isolated.forEach((id, i) => {
        pos.set(id, { x: PAD + (i % cols) * (NODE_W + 24), y: y + Math.floor(i / cols) * (NODE_H + 12), row: i });
      });
      y += Math.ceil(isolated.length / cols) * (NODE_H + 12);
      width = Math.max(width, PAD + cols * (NODE_W + 24) - 24 + PAD);
    }
    return { pos, width: Math.max(width, 300), height: y + PAD, dupLinks, labels, depth };
  }

  function drawGraphSection(m) {
    const wrap = h('div', { class: 'graph-block' });
    if (!m.ids.length) { wrap.append(empty('This story has no articles.')); return wrap; }
    wrap.append(h('p', { class: 'hint' }, 'Arrows run from a source to the article derived from it. Select an article (click, or Enter) to read it beside its source or copy; select an arrow to compare the two articles it joins. In the graph, arrow keys move between articles and arrows.'));
    wrap.append(h('ul', { class: 'graph-legend' },
      h('li', null, legendLine('verbatim'), 'verbatim copy'),
      h('li', null, legendLine('rewrite'), 'rewrite'),
      h('li', null, 'line width = coverage; green box = independent origin')));
    const L = layoutGraph(m);
    const g = svg('svg', { class: 'graph', id: 'provenance-graph', width: L.width, height: L.height, viewBox: '0 0 ' + L.width + ' ' + L.height, role: 'group', 'aria-label': 'Provenance graph: ' + plural(m.ids.length, 'article') + ', ' + plural(m.reuse.length, 'reuse relation') });
    g.append(svg('defs', null,
      svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#3d4852' }))));
    for (const l of L.labels) g.append(svg('text', { class: 'group-label', x: l.x, y: l.y }, l.text));
    const edges = svg('g', { class: 'edges' });
    for (const [a, b] of L.dupLinks) {
      const p = edgePath(L.pos.get(a), L.pos.get(b));
      edges.append(svg('g', { class: 'dup-link', dataset: { source: a, derived: b } }, svg('title', null, outletOf(b) + ' duplicates ' + outletOf(a)), svg('path', { d: p.d })));
    }
    m.reuse.forEach((r, i) => {
      const p = edgePath(L.pos.get(r.source), L.pos.get(r.derived));
      const label = (r.kind || 'reuse') + ' ' + pct(r.coverage);
      const tip = outletOf(r.derived) + ' derives from ' + outletOf(r.source) + ': ' + (r.kind || 'reuse') + ', coverage ' + pct(r.coverage) + ', direction confidence ' + pct(r.direction_confidence) + ', ' + plural(arr(r.changes).length, 'change');
      const lw = 6.2 * Array.from(label).length + 8;
      const eg = svg('g', { class: 'edge ' + (r.kind === 'verbatim' ? 'verbatim' : 'rewrite'), tabindex: 0, role: 'button', 'aria-label': tip, dataset: { source: r.source, derived: r.derived, kind: r.kind || '', coverage: r.coverage, relation: i } },
        svg('title', null, tip),
        svg('path', { d: p.d, 'stroke-width': (1 + 4 * (Number(r.coverage) || 0)).toFixed(2), 'marker-end': 'url(#arrow)' }),
        svg('rect', { class: 'label-bg', x: p.mx - lw / 2, y: p.my - 9, width: lw, height: 17, rx: 3 }),
        svg('text', { x: p.mx, y: p.my + 4, 'text-anchor': 'middle' }, label));
      const act = () => { setPair(r.source, r.derived); scrollToReader(); };
      eg.addEventListener('click', act);
      eg.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); act(); } });
      edges.append(eg);
    });
    g.append(edges);
    const nodes = svg('g', { class: 'nodes' });
    for (const id of m.ids) {
      const a = byId.get(id);
      const q = L.pos.get(id);
      const root = !m.derived.has(id) && !m.isDuplicate(id);
      const tip = outletOf(id) + (a.title ? ' — ' + a.title : '') + (a.published ? ' (' + displayTime(a.published) + ')' : '') + ' [' + id + ']' + (root ? ', independent origin' : '') + (m.isDuplicate(id) ? ', duplicate of ' + outletOf(a.duplicate_of) : '');
      const ng = svg('g', { class: 'node' + (root ? ' root' : '') + (m.isDuplicate(id) ? ' duplicate' : ''), transform: 'translate(' + q.x + ',' + q.y + ')', tabindex: 0, role: 'button', 'aria-label': tip, dataset: { article: id } },
        svg('title', null, tip),
        svg('rect', { width: NODE_W, height: NODE_H, rx: 6 }),
        svg('text', { x: 8, y: 16 }, truncate(outletOf(id), 21)),
        svg('text', { class: 'sub', x: 8, y: 31 }, truncate(a.published ? displayTime(a.published) : (a.title || leadWords(a.text, 6)), 28)),
        svg('text', { class: 'badge', x: NODE_W - 8, y: 16, 'text-anchor': 'end' }));
      const act = (e) => { selectFromGraph(id, e && e.shiftKey); scrollToReader(); };
      ng.addEventListener('click', act);
      ng.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); act(e); } });
      nodes.append(ng);
    }
    g.append(nodes);
    rovingFocus(g, [...nodes.children, ...edges.querySelectorAll('.edge')]);
    wrap.append(h('div', { class: 'graph-wrap' }, g));
    wrap.append(drawRelationsTable(m));
    return wrap;
  }
  // One tab stop for the whole graph; arrow keys, Home and End move between its items, so a
  // story of 200 articles does not cost 200 presses of Tab.
  function rovingFocus(container, items) {
    items.forEach((el, i) => el.setAttribute('tabindex', i === 0 ? '0' : '-1'));
    container.addEventListener('keydown', (e) => {
      const i = items.indexOf(e.target);
      if (i < 0) return;
      let j = null;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') j = Math.min(items.length - 1, i + 1);
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') j = Math.max(0, i - 1);
      else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = items.length - 1;
      if (j === null) return;
      e.preventDefault();
      items[i].setAttribute('tabindex', '-1');
      items[j].setAttribute('tabindex', '0');
      items[j].focus();
    });
  }
  function legendLine(kind) {
    return svg('svg', { width: 34, height: 10, 'aria-hidden': 'true' }, svg('line', { x1: 0, y1: 5, x2: 34, y2: 5, stroke: kind === 'verbatim' ? '#3d4852' : '#6b4e16', 'stroke-width': 3, 'stroke-dasharray': kind === 'verbatim' ? null : '7 4' }));
  }
  function edgePath(a, b) {
    const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2;
    let x2 = b.x, y2 = b.y + NODE_H / 2;
    if (x2 <= x1) {  // same column (cycle or odd layout): loop around the right side
      const xr = Math.max(x1, b.x + NODE_W) + 40;
      x2 = b.x + NODE_W;
      return { d: 'M' + x1 + ',' + y1 + ' C' + xr + ',' + y1 + ' ' + xr + ',' + y2 + ' ' + (x2 + 2) + ',' + y2, mx: xr - 10, my: (y1 + y2) / 2 };
    }
    const dx = (x2 - x1) / 2;
    return { d: 'M' + x1 + ',' + y1 + ' C' + (x1 + dx) + ',' + y1 + ' ' + (x2 - dx) + ',' + y2 + ' ' + (x2 - 2) + ',' + y2, mx: (x1 + x2) / 2, my: (y1 + y2) / 2 };
  }
  function drawRelationsTable(m) {
    if (!m.reuse.length) return h('p', { class: 'empty', id: 'no-reuse' }, 'No reuse found: every article in this story reads as written independently.');
    const rows = m.reuse.map((r) => h('tr', { dataset: { source: r.source, derived: r.derived } },
      h('th', { scope: 'row' }, outletOf(r.derived)),
      h('td', null, outletOf(r.source)),
      h('td', null, r.kind || ''),
      h('td', { class: 'num' }, pct(r.coverage)),
      h('td', { class: 'num' }, pct(r.direction_confidence)),
      h('td', { class: 'num' }, String(arr(r.passages).length)),
      h('td', { class: 'num' }, String(arr(r.changes).length)),
      h('td', null, h('button', { type: 'button', class: 'compare', onclick: () => { setPair(r.source, r.derived); scrollToReader(); } }, 'Compare'))));
    return h('details', { class: 'relations' }, h('summary', null, 'Reuse relations as a table (' + m.reuse.length + ')'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'relations-table' },
        h('thead', null, h('tr', null, ['Derived copy', 'Source', 'Kind', 'Coverage', 'Direction confidence', 'Passages', 'Changes', ''].map((t, i) => h('th', { scope: 'col', class: i >= 3 && i <= 6 ? 'num' : null }, t)))),
        h('tbody', null, rows))));
  }
  function relationsOf(id) { return state.model.reuse.filter((r) => r.source === id || r.derived === id); }
  function selectFromGraph(id, rightOnly) {
    if (rightOnly) { setPair(state.left === id ? state.right : state.left, id); return; }
    const asDerived = state.model.reuse.find((r) => r.derived === id);
    if (asDerived) { setPair(asDerived.source, id); return; }
    const asSource = state.model.reuse.find((r) => r.source === id);
    if (asSource) { setPair(id, asSource.derived); return; }
    const dupOf = byId.get(id).duplicate_of;
    if (state.model.isDuplicate(id)) { setPair(dupOf, id); return; }
    setPair(id, state.right !== id ? state.right : state.left);
  }
  function setPair(left, right) {
    state.left = left; state.right = right; state.focus = null;
    drawReader();
  }
  function scrollToReader() { const r = document.getElementById('reader'); if (r) r.scrollIntoView({ block: 'start' }); }
  function markGraphSelection() {
    for (const n of document.querySelectorAll('#provenance-graph .node')) {
      const id = n.dataset.article;
      n.classList.toggle('sel-left', id === state.left);
      n.classList.toggle('sel-right', id === state.right && id !== state.left);
      const badge = n.querySelector('.badge');
      if (badge) badge.textContent = id === state.left ? (id === state.right ? 'L R' : 'L') : id === state.right ? 'R' : '';
    }
  }

  // ---- side by side -----------------------------------------------------------------------------
  function relationBetween(a, b) {
    return state.model.reuse.find((r) => (r.source === a && r.derived === b) || (r.source === b && r.derived === a)) || null;
  }

  // Marks for one side: [{start, end, cls, key, idx, label?}] in code points.
  function sideMarks(id, otherId, rel) {
    const marks = [];
    if (rel) {
      const key = rel.source === id ? 'source_span' : 'derived_span';
      arr(rel.passages).forEach((p, i) => { if (p[key]) marks.push({ start: p[key].start, end: p[key].end, kind: 'passage', idx: i }); });
      arr(rel.verbatim).forEach((p, i) => { if (p[key]) marks.push({ start: p[key].start, end: p[key].end, kind: 'verbatim', idx: i }); });
      arr(rel.changes).forEach((c, i) => {
        if (c[key]) marks.push({ start: c[key].start, end: c[key].end, kind: 'change', idx: i, label: (c.kind || 'change') + ': ' + (c.source_value || '') + ' → ' + (c.derived_value || '') });
      });
    } else if (otherId && otherId !== id) {
      arr(state.model.story.claims).forEach((c, i) => {
        const mine = arr(c.evidence).filter((e) => e.article === id);
        if (!mine.length || !arr(c.evidence).some((e) => e.article === otherId)) return;
        for (const e of mine) marks.push({ start: e.start, end: e.end, kind: 'claim', idx: i });
      });
    }
    if (state.focus && state.focus.article === id) marks.push({ start: state.focus.start, end: state.focus.end, kind: 'focus', idx: 0 });
    return marks;
  }

  // The article text as paragraphs, cut at every mark boundary; each piece inside a mark is a
  // span.seg carrying the mark kinds as classes and data-<kind>="i j" lists, and its own
  // code point range in data-start/data-end.
  function renderText(id, marks) {
    const ix = textIndex(id);
    const box = h('div', { class: 'text', tabindex: 0, 'aria-label': 'Text of ' + outletOf(id) });
    const ms = marks.map((mk) => ({ ...mk, start: ix.clamp(mk.start), end: ix.clamp(mk.end) })).filter((mk) => mk.end > mk.start);
    const cuts = new Set();
    for (const mk of ms) { cuts.add(mk.start); cuts.add(mk.end); }
    const firstSeen = new Set();
    const paragraphs = ix.paragraphs();
    if (!paragraphs.length) box.append(empty('(empty text)'));
    for (const [ps, pe] of paragraphs) {
      const p = h('p');
      const points = [ps, ...[...cuts].filter((c) => c > ps && c < pe), pe].sort((a, b) => a - b);
      for (let i = 0; i + 1 < points.length; i++) {
        const a = points[i], b = points[i + 1];
        if (b <= a) continue;
        const text = ix.slice(a, b);
        const on = ms.filter((mk) => mk.start <= a && mk.end >= b);
        if (!on.length) { p.append(text); continue; }
        const seg = h('span', { class: 'seg', dataset: { start: a, end: b } }, text);
        const kinds = new Map();
        for (const mk of on) { if (!kinds.has(mk.kind)) kinds.set(mk.kind, []); kinds.get(mk.kind).push(mk.idx); }
        for (const [kind, idxs] of kinds) { seg.classList.add(kind); seg.dataset[kind] = idxs.join(' '); }
        const change = on.find((mk) => mk.kind === 'change');
        if (change) {
          seg.title = change.label;
          if (change.end === b) { seg.classList.add('change-end'); seg.dataset.label = change.label.split(':')[0]; }
        }
        // The first piece of each passage, verbatim run, claim or change is a tab stop.
        const head = on.find((mk) => mk.kind !== 'focus' && !firstSeen.has(mk.kind + mk.idx));
        if (head) {
          for (const mk of on) firstSeen.add(mk.kind + mk.idx);
          setAttrs(seg, { tabindex: 0, role: 'button', 'aria-label': describeMark(head) + ': show the counterpart' });
        }
        p.append(seg);
      }
      box.append(p);
    }
    return box;
  }
  function describeMark(mk) {
    if (mk.kind === 'change') return 'Change ' + mk.label;
    if (mk.kind === 'verbatim') return 'Verbatim run ' + (mk.idx + 1);
    if (mk.kind === 'passage') return 'Aligned passage ' + (mk.idx + 1);
    return 'Same claim';
  }

  // Click on a highlighted piece: bring the counterpart in the other column into view.
  function counterpart(seg, fromSide) {
    const other = document.getElementById(fromSide === 'left' ? 'sbs-right' : 'sbs-left');
    if (!other) return;
    let target = [];
    for (const kind of ['change', 'verbatim', 'passage', 'claim']) {
      const v = seg.dataset[kind];
      if (!v) continue;
      const idx = v.split(' ')[0];
      target = [...other.querySelectorAll('.seg[data-' + kind + '~="' + idx + '"]')];
      if (target.length) break;
    }
    if (!target.length) return;
    flash(target);
    flash([seg]);
    target[0].scrollIntoView({ block: 'center', behavior: 'auto' });
  }
  function flash(els) {
    for (const el of els) {
      el.classList.add('flash');
      setTimeout(() => el.classList.remove('flash'), 1600);
    }
  }

  function articleOptions(sel, chosen) {
    for (const id of state.model.ids) {
      const a = byId.get(id);
      sel.append(h('option', { value: id, selected: id === chosen }, outletOf(id) + ' — ' + truncate(a.title || leadWords(a.text, 10), 60)));
    }
    sel.value = chosen || '';
  }

  function drawReader() {
    const body = document.getElementById('reader-body');
    if (!body) return;
    clear(body);
    markGraphSelection();
    const m = state.model;
    if (!m.ids.length) { body.append(empty('This story has no articles to read.')); return; }
    const left = state.left, right = state.right;
    const selL = h('select', { id: 'pick-left' });
    const selR = h('select', { id: 'pick-right' });
    articleOptions(selL, left);
    articleOptions(selR, right);
    selL.addEventListener('change', () => { setPair(selL.value, state.right); document.getElementById('pick-left').focus(); });
    selR.addEventListener('change', () => { setPair(state.left, selR.value); document.getElementById('pick-right').focus(); });
    const swap = h('button', { type: 'button', id: 'swap-sides', onclick: () => { setPair(state.right, state.left); document.getElementById('swap-sides').focus(); } }, '⇄ Swap');
    body.append(h('div', { class: 'reader-controls' },
      h('span', null, h('label', { for: 'pick-left', class: 'l' }, 'Left '), selL),
      swap,
      h('span', null, h('label', { for: 'pick-right', class: 'r' }, 'Right '), selR)));

    const rel = left !== right ? relationBetween(left, right) : null;
    const info = h('div', { class: 'relation-info', id: 'relation-info', 'aria-live': 'polite' });
    if (left === right) {
      info.append(h('p', { class: 'notice' }, 'The same article is on both sides; pick another one to compare.'));
    } else if (rel) {
      info.append(h('p', null,
        h('strong', null, outletOf(rel.derived)), ' derives from ', h('strong', null, outletOf(rel.source)),
        ': ' + (rel.kind || 'reuse') + ', ' + pct(rel.coverage) + ' of its words come from the source (direction confidence ' + pct(rel.direction_confidence) + '); ' +
        plural(arr(rel.passages).length, 'aligned passage') + ', ' + plural(arr(rel.verbatim).length, 'verbatim run') + ', ' + plural(arr(rel.changes).length, 'change') + '. Text left unmarked is new.'));
      info.append(h('ul', { class: 'legend', 'aria-label': 'Legend' },
        h('li', null, h('span', { class: 'swatch passage' }, 'aligned passage'), ' reused, possibly reworded'),
        h('li', null, h('span', { class: 'swatch verbatim' }, 'verbatim run'), ' 8+ words word for word'),
        h('li', null, h('span', { class: 'swatch change' }, 'change'), ' a fact the copy altered'),
        h('li', null, 'unmarked: new text')));
      const changes = arr(rel.changes);
      if (changes.length) {
        info.append(h('h3', null, 'Changes in the derived copy'));
        info.append(h('ol', { class: 'changes-list', id: 'changes-list' }, changes.map((c, i) => h('li', null,
          h('span', { class: 'kind' }, c.kind || 'change'), ' ',
          outletOf(rel.source) + ': “' + (c.source_value || '') + '” → ' + outletOf(rel.derived) + ': “' + (c.derived_value || '') + '” ',
          h('button', { type: 'button', class: 'link', onclick: () => showChange(i) }, 'show')))));
      } else {
        info.append(h('p', { class: 'empty' }, 'No changed facts between source and copy.'));
      }
    } else {
      const shared = sideMarks(left, right, null).length;
      info.append(h('p', null, 'No reuse relation links these two articles. ',
        shared ? 'Sentences carrying the same claim are highlighted.' : 'They share no claim.'));
      info.append(h('ul', { class: 'legend', 'aria-label': 'Legend' },
        h('li', null, h('span', { class: 'swatch claim' }, 'same claim'), ' a sentence whose claim the other article carries too')));
    }
    body.append(info);

    const col = (side, id) => {
      const a = byId.get(id);
      const text = renderText(id, sideMarks(id, side === 'left' ? right : left, rel));
      text.id = 'sbs-' + side;
      text.dataset.article = id;
      text.addEventListener('click', (e) => { const seg = e.target.closest('.seg'); if (seg) counterpart(seg, side); });
      text.addEventListener('keydown', (e) => {
        const seg = e.target.closest('.seg');
        if (seg && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); counterpart(seg, side); }
      });
      const roleNote = rel ? (rel.source === id ? 'source' : 'derived copy') : '';
      return h('article', { class: 'column ' + side, 'aria-label': (side === 'left' ? 'Left: ' : 'Right: ') + outletOf(id) },
        h('header', null,
          h('h3', null, outletOf(id), roleNote ? h('span', { class: 'muted' }, ' · ' + roleNote) : null),
          h('p', null, [a.title, a.published ? displayTime(a.published) : null, id].filter(Boolean).join(' · ')),
          a.url ? h('p', null, h('span', { class: 'muted' }, a.url)) : null),
        text);
    };
    body.append(h('div', { class: 'columns' }, col('left', left), col('right', right)));
    if (state.focus) {
      const side = state.focus.article === left ? 'sbs-left' : 'sbs-right';
      const f = document.querySelector('#' + side + ' .seg.focus');
      if (f) { f.scrollIntoView({ block: 'center' }); flash([f]); }
    }
  }
  function showChange(i) {
    const l = document.querySelector('#sbs-left .seg[data-change~="' + i + '"]');
    const r = document.querySelector('#sbs-right .seg[data-change~="' + i + '"]');
    for (const el of [l, r]) if (el) { el.scrollIntoView({ block: 'center' }); }
    flash([...document.querySelectorAll('.columns .seg[data-change~="' + i + '"]')]);
  }
  // Open an article in the reader at a span (evidence "read in context").
  function readAt(article, start, end) {
    if (state.left !== article && state.right !== article) state.left = article;
    state.focus = { article, start, end };
    scrollToReader();
    drawReader();
    const f = document.querySelector('.columns .seg.focus');
    if (f) f.focus({ preventScroll: true });
  }

  // ---- claims -------------------------------------------------------------------------------------
  function evidenceList(evs) {
    if (!evs.length) return empty('No evidence given.');
    return h('ul', { class: 'evidence-list' }, evs.map((ev) => h('li', { class: 'evidence', dataset: { article: ev.article, start: ev.start, end: ev.end } },
      outletTag(ev.article), ' ', h('span', { class: 'sentence' }, evidenceText(ev)), ' ',
      byId.has(ev.article) ? h('button', { type: 'button', class: 'link read-at', onclick: () => readAt(ev.article, ev.start, ev.end) }, 'read in context') : null)));
  }
  function drawClaims(m) {
    const claims = arr(m.story.claims).map((c, i) => ({ c, i }));
    if (!claims.length) return empty('No claims found.');
    claims.sort((a, b) => (Number(b.c.independent_sources) || 0) - (Number(a.c.independent_sources) || 0) || a.i - b.i);
    const box = h('div', null, h('p', { class: 'hint' }, plural(claims.length, 'claim') + ', most independent sources first. A copy and its source count once. Open a claim to see every sentence that carries it.'));
    box.append(pager(claims, (items, from) => h('div', { class: 'table-wrap' }, h('table', { id: 'claims-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', class: 'num' }, 'Independent sources'),
        h('th', { scope: 'col' }, 'Claim'),
        h('th', { scope: 'col' }, 'Articles'),
        h('th', { scope: 'col' }, 'Evidence'))),
      items.map(({ c, i }, k) => {
        const evId = 'claim-ev-' + i;
        const evs = arr(c.evidence);
        const row2 = h('tr', { class: 'evidence-row', id: evId, hidden: true }, h('td', { colspan: 4 }, evidenceList(evs)));
        const btn = h('button', { type: 'button', class: 'toggle claim-toggle', 'aria-expanded': 'false', 'aria-controls': evId, dataset: { claim: i } }, 'Evidence (' + evs.length + ')');
        btn.addEventListener('click', () => {
          const open = btn.getAttribute('aria-expanded') !== 'true';
          btn.setAttribute('aria-expanded', String(open));
          row2.hidden = !open;
        });

        return h('tbody', { class: 'claim', dataset: { claim: i, rank: from + k } },
          h('tr', null,
            h('td', { class: 'num' }, String(c.independent_sources)),
            h('th', { scope: 'row', class: 'claim-text' }, c.text || ''),
            h('td', null, plural(arr(c.articles).length, 'article') + ': ' + outletSummary(arr(c.articles))),
            h('td', null, btn)),
          row2);
      }))), { size: 20, label: 'claims' }));
    return box;
  }

  // ---- discrepancies --------------------------------------------------------------------------------
  function drawDiscrepancies(m) {
    const ds = arr(m.story.discrepancies);
    if (!ds.length) return empty('No discrepancies found.');
    const box = h('div', null, h('p', { class: 'hint' }, plural(ds.length, 'disputed fact') + ' between articles with no origin in common.'));
    box.append(pager(ds, (items, from) => h('div', null, items.map((d, k) => h('article', { class: 'discrepancy', dataset: { index: from + k } },
      h('h3', null, 'Disputed: ' + (d.about || 'value')),
      h('div', { class: 'table-wrap' }, h('table', null,
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Articles'), h('th', { scope: 'col' }, 'Sentences'))),
        h('tbody', null, arr(d.values).map((v) => h('tr', { class: 'value-row' },
          h('th', { scope: 'row', class: 'value' }, v.value || ''),
          h('td', null, outletSummary(arr(v.articles))),
          h('td', null, evidenceList(arr(v.evidence))))))))))), { size: 10, label: 'discrepancies' }));
    return box;
  }

  // ---- entities and quotes ------------------------------------------------------------------------
  function drawEntities(m) {
    const es = arr(m.story.entities);
    if (!es.length) return empty('No entities found (entities need the NER model; without it the analysis has none).');
    const box = h('div');
    const input = h('input', { type: 'search', id: 'entity-filter', placeholder: 'name, alias or role' });
    const typeSel = h('select', { id: 'entity-type' }, h('option', { value: '' }, 'all types'), ['PER', 'ORG', 'LOC', 'MISC'].map((t) => h('option', { value: t }, t)));
    const out = h('div');
    const draw = () => {
      const q = input.value.trim().toLowerCase();
      const t = typeSel.value;
      const list = es.filter((e) => (!t || e.type === t) && (!q || [e.name, ...arr(e.aliases), ...arr(e.roles)].some((s) => String(s || '').toLowerCase().includes(q))));
      clear(out).append(list.length ? pager(list, (items) => h('div', { class: 'table-wrap' }, h('table', { id: 'entities-table' },
        h('thead', null, h('tr', null, ['Name', 'Type', 'Aliases', 'Roles', 'Mentions', 'Articles'].map((x, i) => h('th', { scope: 'col', class: i >= 4 ? 'num' : null }, x)))),
        h('tbody', null, items.map((e) => h('tr', { class: 'entity', dataset: { entity: e.id } },
          h('th', { scope: 'row' }, e.name || ''),
          h('td', null, e.type || ''),
          h('td', null, arr(e.aliases).join(', ')),
          h('td', null, arr(e.roles).join('; ')),
          h('td', { class: 'num' }, String(arr(e.mentions).length)),
          h('td', { class: 'num', title: [...new Set(arr(e.mentions).map((x) => outletOf(x.article)))].join(', ') }, String(new Set(arr(e.mentions).map((x) => x.article)).size))))))), { label: 'entities' })
        : empty('No entity matches the filter.'));
    };
    input.addEventListener('input', draw);
    typeSel.addEventListener('change', draw);
    box.append(h('div', { class: 'filter-row' },
      h('label', { for: 'entity-filter' }, 'Filter '), input,
      h('label', { for: 'entity-type' }, 'Type '), typeSel,
      h('span', { class: 'muted' }, plural(es.length, 'entity', 'entities') + ', most mentioned first')));
    box.append(out);
    draw();
    return box;
  }

  function drawQuotes(m) {
    const qs = arr(m.story.quotes);
    if (!qs.length) return empty('No quotes found.');
    const groups = new Map();
    for (const q of qs) {
      const name = q.speaker_name || 'unattributed';
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(q);
    }
    const list = [...groups.entries()].sort((a, b) => (a[0] === 'unattributed') - (b[0] === 'unattributed') || b[1].length - a[1].length);
    const box = h('div', null, h('p', { class: 'hint' }, plural(qs.length, 'quote') + ' from ' + plural(list.filter(([n]) => n !== 'unattributed').length, 'speaker') + '; every article\'s wording is listed.'));
    box.append(pager(list, (items) => h('div', null, items.map(([name, quotes]) => h('section', { class: 'speaker', 'aria-label': name, dataset: { speaker: name } },
      h('h3', null, name, h('span', { class: 'muted' }, ' · ' + plural(quotes.length, 'quote'))),
      quotes.length > 15 ? pager(quotes, drawQuoteList, { size: 15, label: 'quotes of ' + name }) : drawQuoteList(quotes)))),
    { size: 10, label: 'speakers' }));
    return box;
  }
  function drawQuoteList(quotes) {
    return h('div', null, quotes.map((q) => h('div', { class: 'quote' },
        h('blockquote', { class: 'quote-text' }, q.text || ''),
        h('ul', { class: 'evidence-list' }, arr(q.instances).map((inst) => h('li', { class: 'instance', dataset: { article: inst.article, start: inst.start, end: inst.end } },
          outletTag(inst.article), ' ', h('span', null, byId.has(inst.article) ? textIndex(inst.article).slice(inst.start, inst.end) : (inst.text || '')),
          inst.cue ? h('span', { class: 'cue' }, ' (' + inst.cue + (inst.speaker ? ', ' + inst.speaker : '') + ')') : null,
          ' ', byId.has(inst.article) ? h('button', { type: 'button', class: 'link', onclick: () => readAt(inst.article, inst.start, inst.end) }, 'read in context') : null))))));
  }

  // ---- summary, articles, problems -----------------------------------------------------------------
  function drawSummary(m) {
    const ss = arr(m.story.summary);
    if (!ss.length) return empty('No summary sentences.');
    return h('ol', { class: 'summary-list' }, ss.map((s) => h('li', null,
      h('span', null, s.text || ''), ' ',
      h('span', { class: 'tag', title: 'independent sources' }, plural(Number(s.independent_sources) || 0, 'independent source')), ' ',
      h('span', { class: 'muted' }, outletSummary([...new Set(arr(s.evidence).map((e) => e.article))])))));
  }

  function drawArticles(m) {
    if (!m.ids.length) return empty('No articles.');
    const list = m.ids.map((id) => byId.get(id));
    return pager(list, (items) => h('div', { class: 'table-wrap' }, h('table', { id: 'articles-table' },
      h('thead', null, h('tr', null, ['Outlet', 'Published', 'Title', 'Duplicate of', 'Removed boilerplate', ''].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, items.map((a) => {
        const removed = arr(a.removed);
        return h('tr', { class: 'article', dataset: { article: a.id } },
          h('th', { scope: 'row' }, outletOf(a.id), h('br'), h('code', { class: 'muted' }, a.id)),
          h('td', { class: 'when' }, a.published ? displayTime(a.published) : h('span', { class: 'muted' }, 'unknown')),
          h('td', null, a.title || h('span', { class: 'muted' }, 'untitled'), a.url ? h('div', { class: 'muted' }, a.url) : null,
            arr(a.authors).length ? h('div', { class: 'muted' }, 'By ' + arr(a.authors).join(', ')) : null),
          h('td', null, a.duplicate_of ? (byId.has(a.duplicate_of) ? outletOf(a.duplicate_of) : a.duplicate_of) : '—'),
          h('td', { class: 'removed-cell' }, removed.length ? h('details', { class: 'removed' },
            h('summary', null, plural(removed.length, 'piece') + ' removed'),
            h('ol', null, removed.map((r) => h('li', null, h('span', { class: 'kind' }, r.kind || 'other'), ' ', r.text || ''))))
            : h('span', { class: 'muted' }, 'nothing removed')),
          h('td', null, h('button', { type: 'button', class: 'link', onclick: () => { setPair(a.id, state.left === a.id ? state.right : state.left); scrollToReader(); } }, 'read')));
      })))), { label: 'articles' });
  }

  function drawProblems() {
    if (!problems.length) return empty('No problems reported.');
    return pager(problems, (items) => h('div', { class: 'table-wrap' }, h('table', { id: 'problems-table' },
      h('thead', null, h('tr', null, ['Record', 'Stage', 'Severity', 'Message'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, items.map((p) => h('tr', null,
        h('th', { scope: 'row' }, h('code', null, String(p.id || ''))),
        h('td', null, p.stage || ''),
        h('td', { class: p.severity === 'error' ? 'sev-error' : 'sev-warning' }, p.severity || ''),
        h('td', null, p.message || '')))))), { label: 'problems' });
  }

  // ---- start ------------------------------------------------------------------------------------------
  function start() {
    drawChrome();
    clear(mainEl);
    if (dataRead.error) {
      mainEl.append(h('p', { class: 'notice error', role: 'alert' }, 'The analysis data in this page cannot be read: ' + dataRead.error));
      return;
    }
    if (!stories.length) {
      add(mainEl, [h('h1', null, 'No stories'),
        empty(articles.length ? 'The analysis has ' + plural(articles.length, 'article') + ' but no story.' : 'The analysis has no articles.'),
        section('problems', 'Problems', drawProblems())]);
      return;
    }
    const fromHash = () => {
      const m = /^#story=(.*)$/.exec(location.hash);
      const want = m ? decodeURIComponent(m[1]) : context.story !== undefined ? String(context.story) : null;
      const found = want === null ? -1 : stories.findIndex((s) => String(s.id) === want);
      return found >= 0 ? found : 0;
    };
    window.addEventListener('hashchange', () => {
      if (!/^#story=/.test(location.hash)) return;
      const idx = fromHash();
      if (idx !== state.storyIdx) selectStory(idx, false);
    });
    selectStory(fromHash(), false);
  }
  window.crosscheckReport = { TextIndex, state, selectStory, setPair };
  start();
})();
