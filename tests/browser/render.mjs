// Fills the report and stories templates the way the C++ renderer does, for previews and for
// tests that need a page without the binary. Usage:
//   node render.mjs ANALYSIS.json OUT.html [--served STORY_ID] [--title TITLE]
//   node render.mjs --stories OUT.html
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const srcDir = join(here, '..', '..', 'src');

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
// One pass over the template, so text inside a substituted value is never substituted again.
export function fill(template, values) {
  return template.replace(/\{\{([A-Z]+)\}\}/g, (m, k) => (k in values ? values[k] : m));
}
export function jsonForScript(json) { return json.replace(/</g, '\\u003c'); }

export function renderReport(analysisJson, { title = 'crosscheck report', context = { mode: 'file' } } = {}) {
  const a = join(srcDir, 'report', 'assets');
  return fill(readFileSync(join(a, 'report.html'), 'utf8'), {
    TITLE: escapeHtml(title),
    CSS: readFileSync(join(a, 'report.css'), 'utf8'),
    JS: readFileSync(join(a, 'report.js'), 'utf8'),
    DATA: jsonForScript(analysisJson),
    CONTEXT: jsonForScript(JSON.stringify(context)),
  });
}
export function renderStories(title = 'crosscheck stories') {
  const s = join(srcDir, 'server', 'assets');
  return fill(readFileSync(join(s, 'stories.html'), 'utf8'), {
    TITLE: escapeHtml(title),
    CSS: readFileSync(join(srcDir, 'report', 'assets', 'report.css'), 'utf8'),
    JS: readFileSync(join(s, 'stories.js'), 'utf8'),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); if (i < 0) return null; const v = args[i + 1]; args.splice(i, 2); return v; };
  if (args[0] === '--stories') {
    writeFileSync(args[1], renderStories());
  } else {
    const served = opt('--served');
    const title = opt('--title') || 'crosscheck report';
    const context = served !== null ? { mode: 'served', stories_url: '/', story: served } : { mode: 'file' };
    writeFileSync(args[1], renderReport(readFileSync(args[0], 'utf8'), { title, context }));
  }
}
