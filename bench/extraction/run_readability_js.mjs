#!/usr/bin/env node
// Baseline: Mozilla readability.js (npm @mozilla/readability) on jsdom@27, bench-only.
//
//   node bench/extraction/run_readability_js.mjs SET [-o PRED.jsonl] [--shared DIR] [--runs N] [--limit N]
//
// Needs `npm install` in bench/extraction/ once (node_modules is not committed).
// The pages are listed, read, gunzipped and decoded by pages.py (`pages.py SET
// --dump-html`, run with /usr/bin/python3), so every runner sees the same
// text under the same ids; all pages are loaded BEFORE timing starts.
// Timed per page: new JSDOM(html) (no scripts, no sub-resources) +
// new Readability(document).parse() + conversion of the article element to
// plain text (toText below: block elements become paragraphs separated by a
// blank line, <br> a line break). Readability's own textContent is not used:
// it glues the words of adjacent paragraphs ("end</p><p>Next" -> "endNext").
// A page where parse() returns null ("empty") or throws ("errors") gives an
// empty text. See makeDom() for the one work-around ("retried").
// Prints to stderr:
//   readability.js SET: pages=N errors=E empty=M retried=R wall_s=... cpu_s=... pages_per_s=... cpu_pages_per_s=...
// cpu_s is the process CPU time (user+sys, all threads incl. V8's GC helpers),
// so cpu_pages_per_s is pages per CPU-second; pin with `taskset -c K` for a
// strict one-core wall figure.

import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const a = { set: null, output: "-", shared: null, runs: 1, limit: 0 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === "-o" || v === "--output") a.output = argv[++i];
    else if (v === "--shared") a.shared = argv[++i];
    else if (v === "--runs") a.runs = Math.max(1, parseInt(argv[++i], 10));
    else if (v === "--limit") a.limit = parseInt(argv[++i], 10);
    else if (!a.set && !v.startsWith("-")) a.set = v;
    else throw new Error(`unknown argument ${v}`);
  }
  if (!["scrapinghub", "trafilatura", "wcxb"].includes(a.set)) {
    throw new Error("usage: run_readability_js.mjs scrapinghub|trafilatura|wcxb [-o OUT] [--shared DIR] [--runs N]");
  }
  return a;
}

function loadPages(set, shared) {
  const args = [join(here, "pages.py"), set, "--dump-html"];
  if (shared) args.push("--shared", shared);
  const r = spawnSync("/usr/bin/python3", args, { maxBuffer: 1 << 30, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pages.py failed: ${r.stderr}`);
  return r.stdout.split("\n").filter((l) => l.length).map((l) => JSON.parse(l));
}

const BLOCK = new Set(`address article aside blockquote body center dd details dialog dir div dl dt
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav
ol p pre section summary table tbody thead tfoot tr ul caption`.split(/\s+/));
const SKIP = new Set(["script", "style", "noscript", "template", "head", "title"]);

// Same conversion as to_text() in run_readability_lxml.py.
function toText(root) {
  const paras = [], lines = [];
  let words = [];
  const endLine = () => { if (words.length) { lines.push(words.join(" ")); words = []; } };
  const endPara = () => { endLine(); if (lines.length) { paras.push(lines.join("\n")); lines.length = 0; } };
  const add = (t) => { if (t) for (const w of t.split(/\s+/)) if (w) words.push(w); };
  const walk = (node) => {
    if (node.nodeType === 3) { add(node.data); return; }
    if (node.nodeType !== 1) return;
    const tag = node.localName;
    if (SKIP.has(tag)) return;
    if (tag === "br") endLine();
    const block = BLOCK.has(tag);
    if (block) endPara();
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) endPara();
  };
  walk(root);
  endPara();
  return paras.join("\n\n");
}

const quiet = new VirtualConsole(); // not forwarded: drops jsdom's CSS / parse warnings

// jsdom 27's CSS parser (cssstyle) throws on some <style> sheets (e.g. a
// `border: inherit` rule: "Cannot create property 'border-width' on string").
// Readability reads only inline styles, never stylesheets, so on such a throw
// the page is parsed again with its <style> elements removed (counted as
// "retried"; the time of both attempts is counted).
const STYLE_RE = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
let retried = 0;

function makeDom(html) {
  try {
    return new JSDOM(html, { virtualConsole: quiet });
  } catch (e) {
    retried++;
    return new JSDOM(html.replace(STYLE_RE, ""), { virtualConsole: quiet });
  }
}

function extract(html) {
  const dom = makeDom(html);
  try {
    const article = new Readability(dom.window.document, { serializer: (el) => el }).parse();
    return article && article.content ? toText(article.content) : null;
  } finally {
    dom.window.close();
  }
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  let docs = loadPages(a.set, a.shared);
  if (a.limit) docs = docs.slice(0, a.limit);
  extract("<html><body><p>warm up the parser and the extractor with a little text.</p></body></html>");

  retried = 0;
  let outputs = null, errors = 0, empty = 0, nRetried = 0, bestWall = Infinity, bestCpu = Infinity;
  for (let run = 0; run < a.runs; run++) {
    const texts = [];
    let err = 0, nul = 0, wall = 0n, cpu = 0;
    for (const d of docs) {
      const c0 = process.cpuUsage();
      const w0 = process.hrtime.bigint();
      let text;
      try {
        text = extract(d.html);
        if (text === null) { text = ""; nul++; }
      } catch (e) {
        text = ""; err++;
      }
      wall += process.hrtime.bigint() - w0;
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1e6;
      texts.push(text);
    }
    if (outputs === null) { outputs = texts; errors = err; empty = nul; nRetried = retried; }
    bestWall = Math.min(bestWall, Number(wall) / 1e9);
    bestCpu = Math.min(bestCpu, cpu);
  }

  const out = docs.map((d, i) => JSON.stringify({ id: d.id, text: outputs[i] })).join("\n") + "\n";
  if (a.output === "-") process.stdout.write(out);
  else writeFileSync(a.output, out);
  const n = docs.length;
  process.stderr.write(
    `readability.js ${a.set}: pages=${n} errors=${errors} empty=${empty} retried=${nRetried} runs=${a.runs} ` +
    `wall_s=${bestWall.toFixed(3)} cpu_s=${bestCpu.toFixed(3)} ` +
    `pages_per_s=${(n / bestWall).toFixed(1)} cpu_pages_per_s=${(n / bestCpu).toFixed(1)}\n`);
}

main();
