// Desktop benchmark driver: cold start and memory of Tauri apps, measured through
// tauri-driver (WebDriver) and /proc. Run it under Xvfb; scripts/bench-desktop.sh sets
// everything up. It prints figures, it never fails on them.
//
//   node scripts/desktop-bench.mjs --driver PATH --runs N [--log FILE] \
//        --app 'NAME|BINARY|CSS SELECTOR' [--app ...]
//
// For each app, each run: new WebDriver session (launches the app) -> poll until the
// selector matches (= start time) -> wait for memory to settle -> PSS of the app and all
// its descendants (WebKit web/network processes) from /proc/<pid>/smaps_rollup -> close.
// PSS splits shared pages among every process mapping them, so other WebKit processes on
// the machine lower it; the private (USS) sum is printed beside it as a steadier check.
// One unmeasured warm-up run per app comes first; runs are interleaved across apps.
//
// --interact NAME then measures, in one more session of that app (Roomdesk), what a person
// feels on the room list, inside the page with the Performance API (performance.now() from
// the action to the animation frame after the new rows are in the DOM):
//   open   Settings -> Rooms (route change) until rows are painted;
//   sort   a click on a sort header until the rows are painted in the new order;
//   floor  a click that changes one attribute until the next frame: the same path with no
//          work, measured in the same session as the baseline;
//   key    in a room's designer, a real keystroke (WebDriver) in the theme color field that
//          completes a hex, from the page's keydown to the animation frame after the
//          preview's cover took the new color (a MutationObserver sees the style change).

import { spawn } from 'node:child_process';
import { openSync, readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const SETTLE_MS = 2000;
const READY_TIMEOUT_MS = 90_000;

function parseArgs(argv) {
  const opts = { runs: 5, driver: 'tauri-driver', port: 4650, log: null, apps: [], interact: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--runs') opts.runs = Number(value);
    else if (flag === '--driver') opts.driver = value;
    else if (flag === '--port') opts.port = Number(value);
    else if (flag === '--log') opts.log = value;
    else if (flag === '--interact') opts.interact = value;
    else if (flag === '--app') {
      const [name, binary, selector] = value.split('|');
      if (!name || !binary || !selector) throw new Error(`--app wants 'NAME|BINARY|SELECTOR', got '${value}'`);
      opts.apps.push({ name, binary: realpathSync(binary), selector, starts: [], pss: [], uss: [], parts: [] });
    } else throw new Error(`unknown flag ${flag}`);
  }
  if (opts.apps.length === 0) throw new Error('give at least one --app');
  return opts;
}

// ---- /proc ----------------------------------------------------------------------------

function processTable() {
  const table = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // comm may contain spaces and parens: the ppid is the 2nd field after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      table.push({ pid: Number(entry), ppid: Number(rest[1]), comm });
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

function descendants(table, root) {
  const found = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = table.filter((p) => frontier.includes(p.ppid));
    found.push(...children);
    frontier = children.map((p) => p.pid);
  }
  return found;
}

function exeOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return '';
  }
}

// { pss, uss } in kB; uss = private clean + private dirty.
function memoryKb(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { pss: field('Pss'), uss: field('Private_Clean') + field('Private_Dirty') };
  } catch {
    return { pss: 0, uss: 0 };
  }
}

// The `count` mappings of `pid` with the most PSS, grouped by what is mapped (a file, or
// [heap], [anon]...), in kB: where a process's memory goes (BENCH_MAPPINGS=1 prints them).
function topMappings(pid, count) {
  const totals = new Map();
  try {
    let name = '[anon]';
    for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
      const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (header) {
        name = header[1] || '[anon]';
        continue;
      }
      const pss = /^Pss:\s+(\d+) kB/.exec(line);
      if (pss) totals.set(name, (totals.get(name) ?? 0) + Number(pss[1]));
    }
  } catch {
    return [];
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
}

// The app process (started by WebKitWebDriver under tauri-driver) and its descendants.
function appProcesses(driverPid, binary) {
  const table = processTable();
  const app = descendants(table, driverPid).find((p) => exeOf(p.pid) === binary);
  if (!app) return [];
  return [app, ...descendants(table, app.pid)];
}

// ---- WebDriver ------------------------------------------------------------------------

async function wd(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, value: json.value };
}

async function waitForDriver(base) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await wd(base, 'GET', '/status')).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('tauri-driver did not answer /status within 30 s');
}

async function oneRun(base, driverPid, app) {
  const started = performance.now();
  const session = await wd(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { 'tauri:options': { application: app.binary, args: [] } } },
  });
  if (!session.ok) throw new Error(`${app.name}: new session failed: ${JSON.stringify(session.value)}`);
  const id = session.value.sessionId;
  try {
    for (;;) {
      const found = await wd(base, 'POST', `/session/${id}/element`, { using: 'css selector', value: app.selector });
      if (found.ok) break;
      if (performance.now() - started > READY_TIMEOUT_MS) {
        throw new Error(`${app.name}: '${app.selector}' never appeared within ${READY_TIMEOUT_MS / 1000} s`);
      }
      await sleep(10);
    }
    const seconds = (performance.now() - started) / 1000;
    if (process.env.BENCH_TIMELINE) {
      // Where the start went, in the page's own clock (ms since its navigation began).
      const script = `const n = performance.getEntriesByType('navigation')[0] || {};
        return [Math.round(n.responseEnd || 0), Math.round(n.domContentLoadedEventEnd || 0), Math.round(performance.now())];`;
      const t = await wd(base, 'POST', `/session/${id}/execute/sync`, { script, args: [] });
      console.log(`  ${app.name}: session ${Math.round(seconds * 1000)} ms; page: html loaded ${t.value?.[0]}, DOMContentLoaded ${t.value?.[1]}, now ${t.value?.[2]} ms`);
      const r = await wd(base, 'POST', `/session/${id}/execute/sync`, {
        script: `return performance.getEntriesByType('mark').map((e) => e.name + ' ' + Math.round(e.startTime));`,
        args: [],
      });
      console.log(`    marks: ${(r.value ?? []).join(', ')}`);
    }
    await sleep(SETTLE_MS);
    const processes = appProcesses(driverPid, app.binary);
    if (processes.length === 0) throw new Error(`${app.name}: found no process running ${app.binary}`);
    const parts = processes.map((p) => ({ comm: p.comm, ...memoryKb(p.pid) }));
    if (process.env.BENCH_MAPPINGS) {
      for (const p of processes) {
        const top = topMappings(p.pid, 8).map(([name, kb]) => `${name.split('/').pop()} ${(kb / 1024).toFixed(1)}`);
        console.log(`  ${app.name} ${p.comm}: ${top.join(', ')}`);
      }
    }
    const sum = (key) => parts.reduce((total, p) => total + p[key], 0) / 1024;
    return { seconds, pssMb: sum('pss'), ussMb: sum('uss'), parts, pids: processes.map((p) => p.pid) };
  } finally {
    await wd(base, 'DELETE', `/session/${id}`).catch(() => undefined);
  }
}

async function reap(pids) {
  for (let i = 0; i < 50 && pids.some(alive); i++) await sleep(100);
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---- interactions on the room list (--interact) -----------------------------------------

const INTERACTION_ROUNDS = 5;
const SORT_FIELDS = ['createdAt', 'updatedAt', 'totalEngagements', 'lastEngagedAt'];

// Runs in the page (WebDriver execute/async): starts `action`, resolves with the ms until the
// frame after `ready()` holds, or -1 after 20 s. The last argument is WebDriver's callback.
const MEASURE_IN_PAGE = `
  const [kind, field, rowSelector] = arguments;
  const done = arguments[arguments.length - 1];
  const rows = () => Array.from(document.querySelectorAll(rowSelector)).map((r) => r.dataset.testid).join(',');
  const start = performance.now();
  let ready;
  if (kind === 'open') {
    ready = () => rows() !== '';
    window.location.hash = '#/rooms';
  } else if (kind === 'sort') {
    const before = rows();
    ready = () => { const now = rows(); return now !== '' && now !== before; };
    document.querySelector('[data-testid="sort-' + field + '"]').click();
  } else {
    const probe = document.body;
    const mark = String(start);
    ready = () => probe.dataset.benchProbe === mark;
    const button = document.createElement('button');
    button.addEventListener('click', () => { probe.dataset.benchProbe = mark; });
    button.click();
  }
  const check = () => {
    if (ready()) requestAnimationFrame(() => done(performance.now() - start));
    else if (performance.now() - start > 20000) done(-1);
    else requestAnimationFrame(check);
  };
  check();
`;

async function measureInPage(base, id, kind, field, rowSelector) {
  const answer = await wd(base, 'POST', `/session/${id}/execute/async`, {
    script: MEASURE_IN_PAGE,
    args: [kind, field, rowSelector],
  });
  if (!answer.ok || typeof answer.value !== 'number' || answer.value < 0) {
    throw new Error(`${kind} ${field ?? ''}: no paint measured (${JSON.stringify(answer.value)})`);
  }
  return answer.value;
}

async function waitFor(base, id, selector) {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  for (;;) {
    if ((await wd(base, 'POST', `/session/${id}/element`, { using: 'css selector', value: selector })).ok) return;
    if (performance.now() > deadline) throw new Error(`'${selector}' never appeared`);
    await sleep(20);
  }
}

// Keystroke -> preview: installed before the key is sent (sync script), read after (async).
const KEY_ARM = `
  const [expected] = arguments;
  const input = document.querySelector('[data-testid="room-field-themeColor"]');
  const preview = document.querySelector('[data-testid="preview-desktop"]');
  const bench = { start: null, done: null };
  window.__keyBench = bench;
  input.addEventListener('keydown', () => { if (bench.start === null) bench.start = performance.now(); }, { once: true });
  const cover = () => document.querySelector('[data-testid="preview-cover"]');
  const observer = new MutationObserver(() => {
    const el = cover();
    if (bench.start !== null && el && getComputedStyle(el).backgroundColor === expected) {
      observer.disconnect();
      requestAnimationFrame(() => { bench.done = performance.now(); });
    }
  });
  observer.observe(preview, { attributes: true, childList: true, subtree: true });
`;
const KEY_READ = `
  const done = arguments[arguments.length - 1];
  const t0 = performance.now();
  const poll = () => {
    const b = window.__keyBench;
    if (b && b.done !== null) done(b.done - b.start);
    else if (performance.now() - t0 > 20000) {
      const cover = document.querySelector('[data-testid="preview-cover"]');
      const input = document.querySelector('[data-testid="room-field-themeColor"]');
      done(JSON.stringify({ bench: b, value: input && input.value, background: cover && getComputedStyle(cover).backgroundColor }));
    } else setTimeout(poll, 5);
  };
  poll();
`;
const CTRL_A_BACKSPACE = '\uE009a\uE000\uE003';
const KEY_DIGITS = ['6', '7', '8', '9', 'a', 'b', 'c', 'd'];

async function keystrokes(base, id) {
  const exec = (script, args = []) => wd(base, 'POST', `/session/${id}/execute/sync`, { script, args });
  // Open the first room's editor, with its cover shown.
  await exec("document.querySelector('[data-testid=room-list] [data-testid^=room-title-]').closest('td').click()");
  await waitFor(base, id, '[data-testid=room-field-themeColor]');
  await exec("if (!document.querySelector('[data-testid=preview-cover]')) document.querySelector('[data-testid=room-field-coverDisabled]').click()");
  await waitFor(base, id, '[data-testid=preview-cover]');
  const field = await wd(base, 'POST', `/session/${id}/element`, { using: 'css selector', value: '[data-testid=room-field-themeColor]' });
  const element = Object.values(field.value)[0];
  const type = (text) => wd(base, 'POST', `/session/${id}/element/${element}/value`, { text });
  const times = [];
  for (let round = 0; round < INTERACTION_ROUNDS; round++) {
    for (const digit of KEY_DIGITS) {
      await type(CTRL_A_BACKSPACE);
      await type('#12345'); // five digits: not a color yet (neutral)
      const typed = await exec("return document.querySelector('[data-testid=room-field-themeColor]').value");
      if (typed.value !== '#12345') throw new Error(`the color field holds ${JSON.stringify(typed.value)}, not #12345`);
      const value = Number.parseInt(`12345${digit}`, 16);
      const expected = `rgb(${value >> 16}, ${(value >> 8) & 255}, ${value & 255})`;
      await exec(KEY_ARM, [expected]);
      await type(digit);
      const answer = await wd(base, 'POST', `/session/${id}/execute/async`, { script: KEY_READ, args: [] });
      if (!answer.ok || typeof answer.value !== 'number' || answer.value < 0) {
        throw new Error(`keystroke ${digit}: no repaint measured (${JSON.stringify(answer.value)})`);
      }
      times.push(answer.value);
    }
  }
  return times;
}

async function interactions(base, driverPid, app) {
  const session = await wd(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { 'tauri:options': { application: app.binary, args: [] } } },
  });
  if (!session.ok) throw new Error(`${app.name}: new session failed: ${JSON.stringify(session.value)}`);
  const id = session.value.sessionId;
  const figures = { open: [], sort: [], floor: [], key: [] };
  try {
    await waitFor(base, id, app.selector);
    await wd(base, 'POST', `/session/${id}/timeouts`, { script: 30_000 });
    for (let round = 0; round < INTERACTION_ROUNDS; round++) {
      figures.floor.push(await measureInPage(base, id, 'floor', null, app.selector));
      await wd(base, 'POST', `/session/${id}/execute/sync`, { script: "window.location.hash = '#/settings'", args: [] });
      await waitFor(base, id, '[data-testid=settings-app]');
      figures.open.push(await measureInPage(base, id, 'open', null, app.selector));
      for (const field of SORT_FIELDS) {
        figures.sort.push(await measureInPage(base, id, 'sort', field, app.selector));
      }
    }
    figures.key = await keystrokes(base, id);
  } finally {
    const pids = appProcesses(driverPid, app.binary).map((p) => p.pid);
    await wd(base, 'DELETE', `/session/${id}`).catch(() => undefined);
    await reap(pids);
  }
  const line = (label, xs, goal) =>
    console.log(
      `  ${label.padEnd(34)} median ${median(xs).toFixed(1).padStart(6)} ms   max ${Math.max(...xs).toFixed(1).padStart(6)} ms` +
        `   n=${xs.length}${goal ? `   goal <= ${goal} ms   ${median(xs) <= goal ? 'MEETS GOAL' : 'OVER GOAL'}` : ''}`,
    );
  console.log(`\n${app.name}: the room list as a person feels it (in-page Performance API, action -> painted)`);
  line('open the list (Settings -> Rooms)', figures.open, 100);
  line('sort click -> new order painted', figures.sort, 100);
  line('floor: click -> next frame', figures.floor);
  console.log(`\n${app.name}: the designer (in-page, a real keystroke's keydown -> the frame after the preview took the color)`);
  line('keystroke in a color field -> preview', figures.key, 16);
}

// ---- report ---------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function report(apps) {
  console.log('\nDesktop benchmark (median of measured runs; start = new session -> selector present)');
  console.log('app                  runs   start med   min     max     PSS med   USS med (MB)   PSS by process (last run)');
  for (const app of apps) {
    const breakdown = app.parts.map((p) => `${p.comm} ${(p.pss / 1024).toFixed(0)}`).join(', ');
    console.log(
      `${app.name.padEnd(20)} ${String(app.starts.length).padStart(4)}   ${median(app.starts).toFixed(3)} s` +
        `   ${Math.min(...app.starts).toFixed(3)}   ${Math.max(...app.starts).toFixed(3)}` +
        `   ${median(app.pss).toFixed(1).padStart(7)}   ${median(app.uss).toFixed(1).padStart(7)}        ${breakdown}`,
    );
  }
  if (apps.length < 2) return;
  const [floor, subject] = apps;
  const startDelta = median(subject.starts) - median(floor.starts);
  const memDelta = median(subject.pss) - median(floor.pss);
  const ussDelta = median(subject.uss) - median(floor.uss);
  console.log(`\n${subject.name} vs ${floor.name} (the floor):`);
  console.log(`  start : +${startDelta.toFixed(3)} s   goal <= +0.300 s   ${startDelta <= 0.3 ? 'MEETS GOAL' : 'OVER GOAL'}`);
  console.log(`  memory: +${memDelta.toFixed(1)} MB PSS   goal <= +60 MB     ${memDelta <= 60 ? 'MEETS GOAL' : 'OVER GOAL'}` +
      `   (private memory: +${ussDelta.toFixed(1)} MB)`);
}

// ---- main -----------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const base = `http://127.0.0.1:${opts.port}`;
  // The driver's (and so the apps') output goes to --log, else to our stderr.
  const output = opts.log ? openSync(opts.log, 'a') : 'inherit';
  const driver = spawn(opts.driver, ['--port', String(opts.port), '--native-port', String(opts.port + 1)], {
    stdio: ['ignore', output, output],
  });
  const leftovers = [];
  try {
    await waitForDriver(base);
    for (const app of opts.apps) {
      process.stdout.write(`warm-up ${app.name} ... `);
      const run = await oneRun(base, driver.pid, app);
      leftovers.push(...run.pids);
      await reap(run.pids);
      console.log(`${run.seconds.toFixed(3)} s`);
    }
    for (let round = 1; round <= opts.runs; round++) {
      for (const app of opts.apps) {
        const run = await oneRun(base, driver.pid, app);
        leftovers.push(...run.pids);
        await reap(run.pids);
        app.starts.push(run.seconds);
        app.pss.push(run.pssMb);
        app.uss.push(run.ussMb);
        app.parts = run.parts;
        console.log(
          `run ${round} ${app.name.padEnd(20)} start ${run.seconds.toFixed(3)} s   PSS ${run.pssMb.toFixed(1)} MB   USS ${run.ussMb.toFixed(1)} MB`,
        );
      }
    }
    report(opts.apps);
    const interact = opts.apps.find((app) => app.name === opts.interact);
    if (opts.interact && !interact) throw new Error(`--interact ${opts.interact}: no such --app`);
    if (interact) await interactions(base, driver.pid, interact);
  } finally {
    driver.kill('SIGTERM');
    await reap([driver.pid, ...leftovers]);
  }
}

main().catch((error) => {
  console.error(`desktop benchmark failed: ${error.message}`);
  process.exit(1);
});
