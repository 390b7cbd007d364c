// Browser tests of the crosscheck HTML report and the served web UI, in headless Debian chromium
// driven by playwright-core. Every expectation is derived from the analysis JSON the binary
// writes beside the page (--json), with code point slicing done here independently of the page.
//
//   node tests/browser/run.mjs --crosscheck BIN --examples DIR --shared DIR --out DIR
//
// Parts: 1 the examples report (+ an astral-character pair made here), 2 the seeds report and a
// 300-article story (both from --shared; skipped with a message when it is absent), 3 the served
// UI (ingest, serve, stories list -> story page -> back), 4 keyboard use of the report.
// Exit 0 all passed, 1 a check failed, 77 skipped (no chromium or no playwright-core).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SKIP = 77;
const started = Date.now();

// ---- arguments --------------------------------------------------------------------------------
function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) { usage('unexpected argument ' + argv[i]); }
    o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
  }
  return o;
}
function usage(msg) {
  console.error('run.mjs: ' + msg + '\nusage: node run.mjs --crosscheck BIN --examples DIR --shared DIR --out DIR [--chromium PATH] [--only 1,2,3,4]');
  process.exit(2);
}
const args = parseArgs(process.argv.slice(2));
for (const k of ['crosscheck', 'examples', 'out']) if (!args[k]) usage('--' + k + ' is required');
const BIN = resolve(args.crosscheck);
const EXAMPLES = resolve(args.examples);
const SHARED = args.shared ? resolve(args.shared) : null;
const OUT = resolve(args.out);
const CHROMIUM = args.chromium || process.env.CROSSCHECK_CHROMIUM || '/usr/bin/chromium';
const ONLY = args.only ? new Set(args.only.split(',')) : null;
mkdirSync(OUT, { recursive: true });

let chromium;
try {
  const pw = await import('playwright-core');
  chromium = pw.chromium || (pw.default && pw.default.chromium);
} catch (e) {
  console.log('SKIP: playwright-core is not installed (cd tests/browser && npm ci): ' + e.message);
  process.exit(SKIP);
}
if (!existsSync(CHROMIUM)) {
  console.log('SKIP: no chromium at ' + CHROMIUM + ' (apt-get install chromium, or pass --chromium PATH)');
  process.exit(SKIP);
}
if (!existsSync(BIN)) usage('no crosscheck binary at ' + BIN);

// ---- checks -----------------------------------------------------------------------------------
let passed = 0, failed = 0, currentPart = '';
function check(name, ok, detail) {
  if (ok) { passed++; console.log('ok   ' + currentPart + ': ' + name); }
  else { failed++; console.log('FAIL ' + currentPart + ': ' + name + (detail !== undefined ? ' — ' + detail : '')); }
  return ok;
}
function eq(name, got, want) {
  return check(name, JSON.stringify(got) === JSON.stringify(want), 'got ' + JSON.stringify(got) + ', want ' + JSON.stringify(want));
}
async function part(id, name, fn) {
  if (ONLY && !ONLY.has(id)) return;
  currentPart = id + ' ' + name;
  const t0 = Date.now();
  try { await fn(); } catch (e) { check('ran to the end', false, (e && e.stack) || String(e)); }
  console.log('--   ' + currentPart + ' took ' + ((Date.now() - t0) / 1000).toFixed(1) + ' s');
}

// Code point slicing, independent of the page's own TextIndex.
function cpSlice(text, start, end) { return Array.from(text).slice(start, end).join(''); }
// The page draws paragraphs as <p> elements, so the "\n\n" between them is in no element.
function noParagraphBreaks(s) { return s.replace(/\n\n+/g, ''); }

// A sanitizer build on a loaded 2-core machine is many times slower than a release build: one
// crosscheck run may take minutes (the 300-article story); CROSSCHECK_RUN_TIMEOUT_S overrides.
const RUN_TIMEOUT_MS = 1000 * Number(process.env.CROSSCHECK_RUN_TIMEOUT_S || 900);

function run(argv, what) {
  const r = spawnSync(BIN, argv, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: RUN_TIMEOUT_MS });
  if (r.error) throw new Error(what + ': ' + r.error.message);
  if (r.status !== 0) throw new Error(what + ': crosscheck ' + argv.join(' ') + ' exited ' + r.status + '\n' + r.stderr);
  return r;
}
function analyze(inputs, base, extra = []) {
  const html = join(OUT, base + '.html'), json = join(OUT, base + '.json');
  run(['analyze', '-q', ...extra, ...inputs, '--html', html, '--json', json], 'analyze ' + base);
  return { html, analysis: JSON.parse(readFileSync(json, 'utf8')) };
}

// ---- browser ----------------------------------------------------------------------------------
function isLocal(url) {
  let u;
  try { u = new URL(url); } catch { return false; }
  if (['file:', 'data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return (u.protocol === 'http:' || u.protocol === 'ws:') && (host === 'localhost' || host === '::1' || /^127\./.test(host));
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const pages = [];
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const offsite = [], errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('request', (r) => { if (!isLocal(r.url()) && !offsite.includes(r.url())) offsite.push(r.url()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  const p = { context, page, offsite, errors };
  pages.push(p);
  return p;
}
async function closePage(p) {
  check('no request left the machine', p.offsite.length === 0, p.offsite.slice(0, 5).join(', '));
  check('no script error', p.errors.length === 0, p.errors.slice(0, 5).join(' | '));
  await p.context.close();
}
async function shot(page, name, selector) {
  if (selector) await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(OUT, name + '.png') });
}

// ---- the report checks shared by parts 1 and 2 ---------------------------------------------------
function storyFacts(analysis, story) {
  const arts = new Map(analysis.articles.map((a) => [a.id, a]));
  const ids = story.articles.filter((id) => arts.has(id));
  const derived = new Set(story.reuse.map((r) => r.derived));
  const inStory = new Set(ids);
  const independent = ids.filter((id) => !derived.has(id) && !(arts.get(id).duplicate_of && inStory.has(arts.get(id).duplicate_of)));
  return { arts, ids, independent, sources: [...new Set(ids.map((id) => arts.get(id).source || 'unknown'))] };
}

async function checkHeaderAndGraph(page, analysis, story) {
  const f = storyFacts(analysis, story);
  await page.waitForSelector('#story-header');
  eq('header: article count', (await page.textContent('[data-field=articles]')).trim(), String(f.ids.length));
  eq('header: independent origins (articles derived from none, duplicates with their original)', (await page.textContent('[data-field=independent]')).trim(), String(f.independent.length));
  const outlets = await page.$$eval('[data-field=outlets] .tag', (els) => els.map((e) => e.textContent));
  eq('header: outlets', outlets.slice().sort(), f.sources.slice().sort());
  const nodes = await page.$$eval('#provenance-graph g.node', (els) => els.map((e) => e.dataset.article));
  eq('graph: one node per article of the story', nodes.slice().sort(), f.ids.slice().sort());
  const edges = await page.$$eval('#provenance-graph g.edge', (els) => els.map((e) => [e.dataset.source, e.dataset.derived, e.dataset.kind].join(' ')));
  eq('graph: one edge per reuse relation, with its kind', edges.slice().sort(), story.reuse.map((r) => [r.source, r.derived, r.kind].join(' ')).sort());
  return f;
}

const segsOf = (page, side) => page.$$eval('#sbs-' + side + ' .seg', (els) => els.map((e) => ({
  text: e.textContent, start: Number(e.dataset.start), end: Number(e.dataset.end),
  passage: e.dataset.passage || '', verbatim: e.dataset.verbatim || '', change: e.dataset.change || '', claim: e.dataset.claim || '' })));
const has = (list, i) => list.split(' ').includes(String(i));

// Side by side of the relation `rel`: every highlighted piece is the text at its offsets, every
// passage / verbatim run / change is highlighted on both sides exactly over its span.
async function checkSideBySide(page, f, rel, label) {
  await page.selectOption('#pick-left', rel.source);
  await page.selectOption('#pick-right', rel.derived);
  await page.waitForSelector('#sbs-left[data-article="' + rel.source + '"]');
  await page.waitForSelector('#sbs-right[data-article="' + rel.derived + '"]');
  const sides = { left: [rel.source, 'source_span'], right: [rel.derived, 'derived_span'] };
  for (const [side, [id, key]] of Object.entries(sides)) {
    const text = f.arts.get(id).text;
    const segs = await segsOf(page, side);
    const wrong = segs.filter((s) => s.text !== cpSlice(text, s.start, s.end));
    check(label + ': ' + side + ' highlighted pieces equal the text at their code point offsets', segs.length > 0 && wrong.length === 0,
      segs.length ? JSON.stringify(wrong[0]) : 'no highlighted piece');
    for (const [kind, list] of [['passage', rel.passages], ['verbatim', rel.verbatim], ['change', rel.changes]]) {
      const bad = [];
      list.forEach((item, i) => {
        const want = noParagraphBreaks(cpSlice(text, item[key].start, item[key].end));
        const got = segs.filter((s) => has(s[kind], i)).map((s) => s.text).join('');
        if (got !== want) bad.push(i + ': got ' + JSON.stringify(got.slice(0, 80)) + ' want ' + JSON.stringify(want.slice(0, 80)));
      });
      check(label + ': ' + side + ' ' + kind + ' highlights (' + list.length + ') equal the JSON span text', bad.length === 0, bad.slice(0, 2).join('; '));
    }
  }
  if (rel.changes.length) {
    const l = await page.locator('#sbs-left .seg.change').count();
    const r = await page.locator('#sbs-right .seg.change').count();
    check(label + ': a marked change on both sides', l > 0 && r > 0, 'left ' + l + ', right ' + r);
    const tip = await page.locator('#sbs-right .seg.change').first().getAttribute('title');
    const c0 = rel.changes[0];
    check(label + ': the change says what changed', !!tip && tip.includes(c0.source_value) && tip.includes(c0.derived_value), 'title ' + JSON.stringify(tip));
    eq(label + ': changes listed', await page.locator('#changes-list li').count(), rel.changes.length);
  }
  if (rel.passages.length) {
    // Clicking a passage brings its counterpart into view, flashed.
    const last = rel.passages.length - 1;
    await page.locator('#sbs-left .seg[data-passage~="' + last + '"]').first().click();
    const target = page.locator('#sbs-right .seg.flash[data-passage~="' + last + '"]').first();
    await target.waitFor({ timeout: 3000 });
    check(label + ': clicking a passage shows its counterpart', await target.evaluate((el) => {
      const box = el.closest('.text').getBoundingClientRect(), r = el.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    }), 'counterpart not scrolled into view');
  }
}

async function checkTopClaim(page, f, story, label) {
  if (!story.claims.length) {
    check(label + ': empty claims say so', (await page.textContent('#claims')).includes('No claims found'));
    return;
  }
  const max = Math.max(...story.claims.map((c) => c.independent_sources));
  const counts = await page.$$eval('#claims-table tbody.claim > tr:first-child > td.num', (els) => els.map((e) => Number(e.textContent)));
  check(label + ': claims sorted by independent sources', counts.length > 0 && counts[0] === max && counts.every((c, i) => i === 0 || c <= counts[i - 1]), JSON.stringify(counts));
  const toggle = page.locator('.claim-toggle').first();
  const claim = story.claims[Number(await toggle.getAttribute('data-claim'))];
  eq(label + ': top claim text', (await page.locator('#claims-table tbody.claim th.claim-text').first().textContent()), claim.text);
  eq(label + ': claim collapsed at first', await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  eq(label + ': claim expands', await toggle.getAttribute('aria-expanded'), 'true');
  const rowId = await toggle.getAttribute('aria-controls');
  await page.waitForSelector('#' + rowId, { state: 'visible' });
  const evs = await page.$$eval('#' + rowId + ' li.evidence', (els) => els.map((e) => ({ article: e.dataset.article, sentence: e.querySelector('.sentence').textContent, outlet: e.querySelector('.outlet').textContent })));
  eq(label + ': one evidence item per JSON evidence', evs.map((e) => e.article), claim.evidence.map((e) => e.article));
  const bad = claim.evidence.filter((e, i) => !evs[i] || evs[i].sentence !== cpSlice(f.arts.get(e.article).text, e.start, e.end));
  check(label + ': evidence sentences are the article text at the evidence offsets', bad.length === 0, JSON.stringify(bad[0]));
  const outletsOk = claim.evidence.every((e, i) => evs[i] && evs[i].outlet.includes(f.arts.get(e.article).source === 'unknown' ? e.article : f.arts.get(e.article).source));
  check(label + ': evidence names the outlet', outletsOk, JSON.stringify(evs.map((e) => e.outlet)));
}

async function checkDiscrepancies(page, f, story, label) {
  const ds = story.discrepancies;
  if (!ds.length) { check(label + ': no discrepancies, said so', (await page.textContent('#discrepancies')).includes('No discrepancies found')); return; }
  const shown = await page.$$eval('#discrepancies .discrepancy', (els) => els.map((e) => ({
    about: e.querySelector('h3').textContent,
    values: [...e.querySelectorAll('tr.value-row')].map((r) => ({ value: r.querySelector('th').textContent, sentences: [...r.querySelectorAll('.sentence')].map((s) => s.textContent) })) })));
  eq(label + ': discrepancies listed', shown.length, Math.min(ds.length, 10));
  const bad = [];
  ds.slice(0, shown.length).forEach((d, i) => {
    if (!shown[i].about.includes(d.about)) bad.push('about ' + d.about);
    d.values.forEach((v, j) => {
      const s = shown[i].values[j];
      if (!s || s.value !== v.value) bad.push('value ' + v.value);
      else if (JSON.stringify(s.sentences) !== JSON.stringify(v.evidence.map((e) => cpSlice(f.arts.get(e.article).text, e.start, e.end)))) bad.push('sentences of ' + v.value);
    });
  });
  check(label + ': each discrepancy shows its values and their sentences', bad.length === 0, bad.slice(0, 3).join('; '));
}

async function checkArticles(page, f, label) {
  const firstPage = f.ids.slice(0, 25).map((id) => f.arts.get(id));
  const withRemoved = firstPage.filter((a) => a.removed.length);
  const details = await page.$$eval('#articles details.removed', (els) => els.map((e) => ({ open: e.open, items: [...e.querySelectorAll('li')].map((li) => li.textContent) })));
  eq(label + ': removed boilerplate per article that had some', details.length, withRemoved.length);
  check(label + ': removed boilerplate collapsed by default', details.every((d) => !d.open));
  const bad = withRemoved.filter((a, i) => !details[i] || details[i].items.length !== a.removed.length || a.removed.some((r, j) => !details[i].items[j].endsWith(r.text)));
  check(label + ': removed pieces listed verbatim with their kind', bad.length === 0, bad.map((a) => a.id).join(', '));
}

async function checkReport(p, analysis, label, shotPrefix) {
  const { page } = p;
  const story = analysis.stories[0];
  check(label + ': the analysis has a story', !!story);
  if (!story) return;
  const f = await checkHeaderAndGraph(page, analysis, story);
  await shot(page, shotPrefix + '-overview');
  const rel = story.reuse.find((r) => r.changes.length) || story.reuse[0];
  if (check(label + ': the story has a reuse relation to read side by side', !!rel)) {
    await checkSideBySide(page, f, rel, label);
    await shot(page, shotPrefix + '-side-by-side', '#reader');
  }
  await checkTopClaim(page, f, story, label);
  await shot(page, shotPrefix + '-claims', '#claims');
  await checkDiscrepancies(page, f, story, label);
  await checkArticles(page, f, label);
  if (story.entities.length) eq(label + ': entities table', await page.locator('#entities-table tbody tr').count(), Math.min(25, story.entities.length));
  else check(label + ': no entities, said so', (await page.textContent('#entities')).includes('No entities'));
  if (story.quotes.length) {
    const speakers = new Set(story.quotes.map((q) => q.speaker_name || 'unattributed'));
    eq(label + ': quotes grouped by speaker', await page.locator('#quotes .speaker').count(), Math.min(10, speakers.size));
  }
  const problemsText = await page.textContent('#problems');
  check(label + ': problems section', analysis.problems.length ? analysis.problems.every((x, i) => i >= 25 || problemsText.includes(x.message)) : problemsText.includes('No problems reported'));
}

// ---- part 1: the examples report ----------------------------------------------------------------
let examplesAnalysis = null, examplesHtml = null;
await part('1', 'examples report', async () => {
  const { html, analysis } = analyze([EXAMPLES], 'examples');
  examplesAnalysis = analysis; examplesHtml = html;
  const p = await newPage();
  await p.page.goto(pathToFileURL(html).href);
  check('examples: the story has a relation with changed facts', analysis.stories[0].reuse.some((r) => r.changes.length));
  await checkReport(p, analysis, 'examples', 'examples');
  // Two articles with no relation: sentences carrying the same claim are highlighted instead.
  const story = analysis.stories[0];
  const f = storyFacts(analysis, story);
  const linked = new Set(story.reuse.map((r) => r.source + ' ' + r.derived));
  let pair = null;
  for (const c of story.claims) {
    const as = [...new Set(c.evidence.map((e) => e.article))];
    for (const a of as) for (const b of as) if (!pair && a !== b && !linked.has(a + ' ' + b) && !linked.has(b + ' ' + a)) pair = [a, b];
  }
  if (check('examples: two unlinked articles share a claim', !!pair)) {
    await p.page.selectOption('#pick-left', pair[0]);
    await p.page.selectOption('#pick-right', pair[1]);
    await p.page.waitForSelector('#sbs-right[data-article="' + pair[1] + '"]');
    const shared = story.claims.map((c, i) => i).filter((i) => story.claims[i].evidence.some((e) => e.article === pair[0]) && story.claims[i].evidence.some((e) => e.article === pair[1]));
    for (const [side, id] of [['left', pair[0]], ['right', pair[1]]]) {
      const segs = await segsOf(p.page, side);
      const bad = shared.filter((i) => {
        const got = segs.filter((s) => has(s.claim, i)).map((s) => s.text).join('');
        return !story.claims[i].evidence.filter((e) => e.article === id).some((e) => got.includes(noParagraphBreaks(cpSlice(f.arts.get(id).text, e.start, e.end))));
      });
      check('examples: unlinked pair, ' + side + ' highlights the sentences of the ' + shared.length + ' shared claims', shared.length > 0 && bad.length === 0, 'claims ' + bad.join(','));
    }
  }
  await closePage(p);

  // Offsets after astral characters (4 bytes in UTF-8, 2 units in UTF-16, 1 code point).
  const dir = join(OUT, 'astral');
  mkdirSync(dir, { recursive: true });
  const para = (days, day, last) => [
    'Harbour officials in Kessling \u{1F6A2} said on Monday that 42 container ships were waiting outside the port after the storm \u{1F30A} closed the channel for ' + days + '.',
    'The port authority said the channel would reopen on ' + day + ' morning once divers had checked the moorings \u{1D538} and the pilots had surveyed the approach.',
    '"We expect the backlog to clear within a week," said harbour master Lotte Brandvik, who added that no one had been hurt \u{1F600} in the storm.',
    last].join('\n\n') + '\n';
  writeFileSync(join(dir, 'a.txt'), para('two days', 'Tuesday', 'Shipping lines warned customers that deliveries of fresh produce could be delayed by up to five days.'));
  writeFileSync(join(dir, 'b.txt'), para('three days', 'Wednesday', 'Retailers said shelves were still full for now \u{1F34E} but that prices of imported fruit might rise.'));
  const astral = analyze([join(dir, 'a.txt'), join(dir, 'b.txt')], 'astral', ['--one-story']);
  const q = await newPage();
  await q.page.goto(pathToFileURL(astral.html).href);
  const st = astral.analysis.stories[0];
  const rel = st && st.reuse[0];
  if (check('astral: the copy is found as reuse with changes', !!rel && rel.changes.length > 0, JSON.stringify(st && st.reuse))) {
    const fa = storyFacts(astral.analysis, st);
    await checkSideBySide(q.page, fa, rel, 'astral');
    const segs = await segsOf(q.page, 'right');
    const changed = rel.changes.map((c, i) => segs.filter((s) => has(s.change, i)).map((s) => s.text).join(''));
    eq('astral: the changed values after emoji are marked exactly', changed, rel.changes.map((c) => c.derived_value));
  }
  const unit = await q.page.evaluate(() => {
    const T = window.crosscheckReport.TextIndex;
    const s = 'a\u{1F600}b\u00e9\u{1D538}\n\ncd\u{1F30A}';
    const ix = new T(s);
    return { len: ix.length, slices: [ix.slice(1, 2), ix.slice(2, 5), ix.slice(7, 10)], paras: ix.paragraphs() };
  });
  eq('astral: TextIndex counts and slices code points', unit, { len: 10, slices: ['\u{1F600}', 'b\u00e9\u{1D538}', 'cd\u{1F30A}'], paras: [[0, 5], [7, 10]] });
  await shot(q.page, 'astral-side-by-side', '#reader');
  await closePage(q);
});

// ---- part 2: the seeds and a large story ---------------------------------------------------------
await part('2', 'seeds and a large story', async () => {
  const seeds = SHARED && join(SHARED, 'seeds');
  if (!seeds || !existsSync(seeds)) { console.log('skip ' + currentPart + ': no ' + (seeds || '--shared') + ' (the shared folder is absent)'); return; }
  const { html, analysis } = analyze([seeds], 'seeds');
  const p = await newPage();
  await p.page.goto(pathToFileURL(html).href);
  await checkReport(p, analysis, 'seeds', 'seeds');
  await closePage(p);

  const big = join(SHARED, 'data', 'stories', 'basil.jsonl');
  if (!existsSync(big)) { console.log('skip large story: no ' + big); return; }
  const large = analyze([big], 'large', ['--one-story']);
  const story = large.analysis.stories[0];
  const q = await newPage();
  const t0 = Date.now();
  await q.page.goto(pathToFileURL(large.html).href);
  await q.page.waitForSelector('#provenance-graph');
  const ms = Date.now() - t0;
  check('large: ' + story.articles.length + '-article story drawn in ' + ms + ' ms (< 10 s)', ms < 10000);
  await checkHeaderAndGraph(q.page, large.analysis, story);
  eq('large: claims paginated', await q.page.locator('#claims-table tbody.claim').count(), Math.min(20, story.claims.length));
  eq('large: articles paginated', await q.page.locator('#articles-table tbody tr').count(), Math.min(25, story.articles.length));
  if (story.articles.length > 25) {
    await q.page.locator('#articles .pager button', { hasText: 'Next' }).first().click();
    eq('large: second page of articles', await q.page.$eval('#articles-table tbody tr', (e) => e.dataset.article), story.articles[25]);
  }
  await shot(q.page, 'large-graph', '#graph');
  await closePage(q);
});

// ---- part 3: the served UI ------------------------------------------------------------------------
await part('3', 'served UI', async () => {
  const db = join(OUT, 'ui.db');
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(db + s, { force: true });
  run(['ingest', '-q', '--db', db, EXAMPLES], 'ingest');
  const expected = examplesAnalysis || JSON.parse(run(['analyze', '-q', EXAMPLES, '--json', '-'], 'analyze').stdout);
  const size = expected.stories[0].articles.length;
  const server = spawn(BIN, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stopServer = () => { if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM'); };
  process.on('exit', stopServer);
  let log = '';
  try {
    const base = await new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error('serve printed no "serving" line in 60 s; stderr: ' + log)), 60000);
      server.stderr.setEncoding('utf8');
      server.stderr.on('data', (d) => {
        log += d;
        const m = /crosscheck: serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
        if (m) { clearTimeout(timer); res(m[1]); }
      });
      server.on('exit', (code) => { clearTimeout(timer); rej(new Error('serve exited ' + code + ': ' + log)); });
    });
    const p = await newPage();
    const { page } = p;
    const apiDone = (pred) => page.waitForResponse((r) => r.url().includes('/api/stories') && pred(new URL(r.url()).searchParams));
    await Promise.all([apiDone(() => true), page.goto(base)]);
    await page.waitForSelector('#stories-table tbody tr');
    const rows = await page.$$eval('#stories-table tbody tr[data-story]', (els) => els.map((e) => ({ id: e.dataset.story, size: Number(e.children[1].textContent), href: e.querySelector('a').getAttribute('href'), outlets: e.children[2].textContent })));
    check('stories: the table lists the ingested story', rows.some((r) => r.size === size), JSON.stringify(rows));
    check('stories: page count shown', /Page 1 of \d+/.test(await page.textContent('#page-status')));
    await shot(page, 'ui-stories');
    const outlet = expected.articles[0].source;
    await page.fill('#f-outlet', outlet);
    await Promise.all([apiDone((s) => s.get('outlet') === outlet), page.press('#f-outlet', 'Enter')]);
    await page.waitForSelector('#stories-table tbody tr[data-story]');
    check('stories: outlet filter "' + outlet + '" keeps the story', (await page.locator('#stories-table tbody tr[data-story]').count()) >= 1);
    check('stories: the filter is in the address', page.url().includes('outlet='), page.url());
    await page.fill('#f-outlet', '');
    await page.fill('#f-q', 'zzqxv-no-such-words');
    await Promise.all([apiDone((s) => s.get('q') === 'zzqxv-no-such-words'), page.press('#f-q', 'Enter')]);
    await page.waitForFunction(() => !document.querySelector('#stories-table tbody tr[data-story]'));
    check('stories: a filter matching nothing says so', (await page.textContent('#stories-table tbody')).includes('No story matches'));
    // An error from the API is shown with its message (the error is made here by interception).
    await page.route('**/api/stories?*q=force-error*', (r) => r.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { status: 400, message: 'bad parameter q (test)' } }) }));
    await page.fill('#f-q', 'force-error');
    await page.press('#f-q', 'Enter');
    await page.waitForSelector('#error:not([hidden])');
    check('stories: an API error shows its message', (await page.textContent('#error')).includes('bad parameter q (test)'));
    await page.click('#f-clear');
    await page.waitForSelector('#stories-table tbody tr[data-story]');
    const row = rows.find((r) => r.size === size) || rows[0];
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/stories/')), page.click('#stories-table tbody tr[data-story="' + row.id + '"] a')]);
    await page.waitForSelector('#provenance-graph');
    eq('story page: graph has a node per article', await page.locator('#provenance-graph g.node').count(), row.size);
    check('story page: claims table', (await page.locator('#claims-table tbody.claim').count()) > 0);
    const back = page.locator('#stories-link');
    check('story page: a link back to the list', (await back.count()) === 1 && new URL(await back.getAttribute('href'), page.url()).pathname === '/');
    await shot(page, 'ui-story');
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), back.click()]);
    await page.waitForSelector('#stories-table tbody tr[data-story]');
    check('story page: back on the list', true);
    await closePage(p);
    // The same story as a file from the store: crosscheck report --db DB STORY --html.
    const html = join(OUT, 'store-report.html'), json = join(OUT, 'store-report.json');
    run(['report', '--db', db, String(row.id), '--html', html, '--json', json], 'report --db');
    const stored = JSON.parse(readFileSync(json, 'utf8'));
    const q = await newPage();
    await q.page.goto(pathToFileURL(html).href);
    await checkHeaderAndGraph(q.page, stored, stored.stories[0]);
    check('report --db: no link to a stories list in a file', (await q.page.locator('#stories-link').count()) === 0);
    await closePage(q);
  } finally {
    stopServer();
  }
});

// ---- part 4: keyboard -----------------------------------------------------------------------------
await part('4', 'keyboard', async () => {
  const html = examplesHtml || analyze([EXAMPLES], 'examples').html;
  const p = await newPage();
  const { page } = p;
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('.claim-toggle');
  const reached = {};
  const want = { left: '#pick-left', right: '#pick-right', graph: '#provenance-graph .node', toggle: '.claim-toggle' };
  for (let i = 0; i < 400 && !reached.toggle; i++) {
    await page.keyboard.press('Tab');
    for (const [k, sel] of Object.entries(want)) {
      if (!reached[k] && await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), sel)) reached[k] = i + 1;
    }
  }
  for (const k of Object.keys(want)) check('Tab reaches ' + want[k] + (reached[k] ? ' (after ' + reached[k] + ' presses)' : ''), !!reached[k]);
  if (reached.toggle) {
    const focused = page.locator('.claim-toggle:focus');
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    check('focused control shows a visible outline', outline !== 'none', outline);
    await page.keyboard.press('Enter');
    eq('Enter expands the claim', await focused.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Space');
    eq('Space collapses it again', await page.locator('.claim-toggle').first().getAttribute('aria-expanded'), 'false');
  }
  // Picking an article with the keyboard redraws the other column.
  await page.focus('#pick-right');
  const before = await page.getAttribute('#sbs-right', 'data-article');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((b) => document.querySelector('#sbs-right').dataset.article !== b, before).catch(() => {});
  check('arrow keys on the right picker change the right article', (await page.getAttribute('#sbs-right', 'data-article')) !== before);
  await closePage(p);
});

await browser.close();
const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log('\nbrowser tests: ' + secs + ' s; screenshots in ' + OUT);
console.log(passed + ' passed, ' + failed + ' failed');
process.exit(failed ? 1 : 0);
