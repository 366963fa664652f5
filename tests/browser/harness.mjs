// The browser test harness: a real `uitdaag serve` on 127.0.0.1 (a free port, a fresh SQLite
// file in a temporary folder, the shipped workflows) and Debian's Chromium driven by
// playwright-core, with axe-core checking every page against the WCAG 2.1 A and AA rules.
//
// Screenshots of every page state go to the folder given by UITDAAG_SCREENS (default: the
// temporary folder), at 320 and 1280 pixels wide.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

// Exit 77 (skipped) where the tools are missing, except in CI, where that is a failure.
export function requireTools() {
  const missing = [];
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('/usr/bin/chromium (apt-get install chromium)');
  for (const pkg of ['playwright-core', 'axe-core']) {
    try { require.resolve(pkg, { paths: [root] }); } catch { missing.push(`${pkg} (npm ci)`); }
  }
  if (missing.length === 0) return;
  console.error(`browser tests need: ${missing.join(', ')}`);
  process.exit(process.env.CI === 'true' ? 1 : 77);
}

// Starts the service; resolves with {url, accounts, stop(), dir}.
export async function startService(uitdaag, extraArgs = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uitdaag-browser-'));
  const child = spawn(uitdaag, ['serve', '--port', '0', '--db', path.join(dir, 'cases.db'),
    '--workflows', path.join(root, 'workflows'), ...extraArgs],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in 20 s:\n${out}\n${err}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[0-9.]+:[0-9]+)/);
      if (m && out.includes('(administrator)')) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`uitdaag exited ${code}:\n${out}\n${err}`)); });
  });
  const accounts = {};
  for (const m of out.matchAll(/^\s+(\S+)\s+password (\S+)/gm)) accounts[m[1]] = m[2];
  return {
    url, accounts, dir,
    log: () => err,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

export async function launchBrowser() {
  const { chromium } = require(require.resolve('playwright-core', { paths: [root] }));
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js', { paths: [root] }), 'utf8');

// Runs axe on the page with the WCAG 2.0/2.1 A and AA rules; returns the violations.
export async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations;
}

// A small test runner: named checks, a count of failures, a closing line that CTest reads.
export class Checks {
  constructor(name) { this.name = name; this.passed = 0; this.failed = 0; }
  ok(condition, what) {
    if (condition) { this.passed += 1; return; }
    this.failed += 1;
    console.error(`FAIL: ${what}`);
  }
  equal(actual, expected, what) {
    this.ok(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  finish() {
    console.log(`${this.name}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed === 0 ? 0 : 1);
  }
}

// Checks the page with axe (zero violations) and saves screenshots at 320 and 1280 px.
export async function look(checks, page, name, screens) {
  const violations = await axe(page);
  for (const v of violations) {
    console.error(`axe ${name}: ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  }
  checks.equal(violations.length, 0, `axe violations on ${name}`);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(screens, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

export function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
