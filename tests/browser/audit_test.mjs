// The audit pages in a real browser: Debian's chromium, headless, driven by
// playwright-core (no downloaded browser). `gongwen show` pages of a text,
// an HTML and a PDF sample: a click on a money value and on a bureau in the
// side table flashes exactly the value's text; a click on a repair shows its
// before and after; a click in the text selects the value's row; a repair
// kind can be hidden. `gongwen report`'s index lists documents and failures
// and its links open the documents' pages. Any console error, page error or
// network request fails the test. Last, the show page of the largest corpus
// document must be interactive within 1 s (printed).
//
//   node audit_test.mjs GONGWEN PROJECT_ROOT WORK_DIR
//
// Exit 77 (ctest: skipped) when chromium or playwright-core is missing,
// unless GONGWEN_REQUIRE_BROWSER is set (CI), where that is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [gongwen, root, work] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  chromium = null;
}
if (!chromium || !fs.existsSync(CHROMIUM)) {
  const what = !chromium ? 'playwright-core (npm install in tests/browser)' : CHROMIUM;
  console.log(`browser test: ${what} is missing`);
  process.exit(process.env.GONGWEN_REQUIRE_BROWSER ? 1 : 77);
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

function gw(args, okCodes = [0]) {
  const r = spawnSync(gongwen, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (!okCodes.includes(r.status)) {
    console.log(`gongwen ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
    process.exit(1);
  }
  return r;
}

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'in'), { recursive: true });
const samples = {
  text: '003_838b7ceec8d27e5e.txt',   // 繁体, pinyin, lost bytes: many repairs
  html: '003_838b7ceec8d27e5e.html',
  pdf: '000_416e64e656112d15.pdf',   // page numbers removed
};
const pages = {};
for (const [kind, name] of Object.entries(samples)) {
  const input = path.join(root, 'samples', name);
  fs.copyFileSync(input, path.join(work, 'in', name));
  pages[kind] = path.join(work, `show_${kind}.html`);
  gw(['show', input, '-o', pages[kind]]);
}
// A run with one input that fails, and its report.
fs.writeFileSync(path.join(work, 'in', 'broken.pdf'), '%PDF-1.4\nnot really a pdf\n');
gw(['run', path.join(work, 'in'), '-o', path.join(work, 'out'), '--no-db', '-q'], [1]);
gw(['report', path.join(work, 'out')]);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
const problems = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
page.on('pageerror', (e) => problems.push(`page error: ${e}`));
await page.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith('file:')) return route.continue();
  problems.push(`network request: ${url}`);
  return route.abort();
});

async function open(file) {
  const started = Date.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="1"]');
  return Date.now() - started;
}

// The text the page flashes, in order.
const flashed = () => page.$$eval('#text .flash', (els) => els.map((e) => e.textContent).join(''));

// Clicks the first row of `table` (a side table) and compares the flashed
// text with the row's cell `cell`.
async function clickRow(table, rowSelector, cell, label) {
  const row = await page.$(`${table} ${rowSelector}`);
  if (!row) {
    check(false, `${label}: a row in ${table}`);
    return null;
  }
  const expected = await row.$eval(`td:nth-child(${cell})`, (td) => td.textContent);
  await row.click();
  const got = await flashed();
  check(got === expected && got.length > 0, `${label}: clicking "${expected}" flashes exactly it (got "${got}")`);
  const visible = await page.$eval('#text .flash', (e) => {
    const r = e.getBoundingClientRect(), t = document.getElementById('text').getBoundingClientRect();
    return r.top >= t.top && r.bottom <= t.bottom;
  });
  check(visible, `${label}: the text scrolled to it`);
  return expected;
}

for (const [kind, file] of Object.entries(pages)) {
  await open(file);
  await clickRow('#amounts', 'tr.k-money', 2, `${kind} money`);
  await clickRow('#bureaus', 'tr.k-bureau', 2, `${kind} bureau`);
  // A 繁→简 repair: its after is what flashes, its before is shown. (Repairs
  // of earlier passes can be changed again by later ones: 東??h → 東。縣 →
  // 东。县; the text shows the last.)
  const repair = await page.$$eval('#repairs tr.r-traditional_to_simplified', (rows) => {
    const i = rows.findIndex((r) => {
      const a = r.querySelector('.after').textContent, b = r.querySelector('.before').textContent;
      return a.length > 0 && !a.endsWith('…') && a !== b;
    });
    return i < 0 ? null : { i, before: rows[i].querySelector('.before').textContent, after: rows[i].querySelector('.after').textContent };
  });
  if (kind !== 'pdf') {
    check(repair !== null, `${kind}: a 繁→简 repair is listed`);
    if (repair) {
      await (await page.$$('#repairs tr.r-traditional_to_simplified'))[repair.i].click();
      const got = await flashed();
      check(got === repair.after, `${kind} repair: "${repair.before}" → "${repair.after}" flashes its after (got "${got}")`);
      // The row's before and after are the record's.
      const rec = JSON.parse(gw(['extract', '--compact', path.join(root, 'samples', samples[kind])]).stdout.split('\n')[0]);
      const items = rec.quality.repairs.find((g) => g.kind === 'traditional_to_simplified').items;
      check(items.some((it) => it.before === repair.before && it.after === repair.after),
            `${kind} repair: "${repair.before}" → "${repair.after}" is an item of the record`);
    }
  } else {
    const breaks = await page.$$eval('#text .pg', (els) => els.map((e) => e.textContent));
    check(breaks.length === 7 && breaks[6] === 'p. 7', `pdf: the 7 pages start where they did (${breaks.join(', ')})`);
    const gone = await page.$$eval('#text del.r-page_furniture', (els) => els.map((e) => e.textContent));
    check(gone.length > 0 && gone.every((t) => /\d/.test(t)), `pdf: removed page numbers shown at their places (${gone.join(' ')})`);
    await page.click('#repairs tr.r-page_furniture');
    const got = await flashed();
    check(got === gone[0], `pdf repair: clicking the first page number flashes it (got "${got}")`);
  }
  // From the text to the value: a click on a money piece selects its row.
  await page.click('#text .s.k-money');
  const selected = await page.$eval('tr.sel', (r) => r.closest('table').id).catch(() => null);
  check(selected === 'amounts', `${kind}: clicking money in the text selects its row (in ${selected})`);
  // Hiding a repair kind hides its rows.
  const box = await page.$('#filters input');
  if (box) {
    const k = await box.getAttribute('data-kind');
    await box.click();
    const shown = await page.$$eval(`#repairs tr.r-${k}`, (rows) => rows.filter((r) => r.offsetParent !== null).length);
    check(shown === 0, `${kind}: unticking ${k} hides its repairs`);
  }
}

// The report: documents and the failed input, links to the pages.
await open(path.join(work, 'out', 'report', 'index.html'));
const rows = await page.$$eval('#docs tbody tr', (trs) => trs.map((t) => t.className));
check(rows.length === 4, `report lists 3 documents and 1 failure (${rows.length} rows)`);
check(rows[0] === 'failed', 'report: the failed input comes first');
const link = await page.$('#docs tbody a');
const href = await link.getAttribute('href');
await link.click();
await page.waitForSelector('body[data-ready="1"]');
check(page.url().endsWith(href), `report: the link opens ${href}`);
check(await page.$('#text') !== null && await page.$('a[href="../index.html"]') !== null, 'report: the page has its text and a way back');

// The largest corpus document (by text), interactive within 1 s.
const corpus = path.join(root, '..', 'shared', 'corpus', 'raw');
if (fs.existsSync(corpus)) {
  gw(['run', corpus, '-o', path.join(work, 'corpus'), '--no-db', '-q'], [0, 1]);
  const lines = fs.readFileSync(path.join(work, 'corpus', 'documents.jsonl'), 'utf8').split('\n').filter(Boolean);
  let largest = null;
  for (const l of lines) {
    const r = JSON.parse(l);
    if (!largest || r.text.length > largest.text.length) largest = r;
  }
  const file = path.join(work, 'largest.html');
  gw(['show', largest.id, '--from', path.join(work, 'corpus'), '-o', file]);
  // Interactive: the page's script has run (its handlers answer clicks),
  // timed by the page from the start of navigation; the round trip through
  // the driver is printed too.
  const wall = await open(file);
  const ready = Number(await page.getAttribute('body', 'data-ready-ms'));
  const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domInteractive);
  console.log(`largest corpus document: ${largest.text.length} characters, ${fs.statSync(file).size} bytes of page; ` +
              `interactive ${ready} ms after navigation started (domInteractive ${nav.toFixed(0)} ms; ${wall} ms through the driver)`);
  check(ready > 0 && ready < 1000, 'the largest corpus document is interactive in under 1 s');
  await page.click('#text .s');
  check(await page.$('#text .flash') !== null, 'and answers a click');
} else {
  console.log(`(no ${corpus}: the timing on the largest corpus document is not measured)`);
}

for (const p of problems) check(false, p);
await browser.close();
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
