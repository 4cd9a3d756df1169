// run-node.mjs runs the programs of manifest.json under Node.js's node:wasi
// (a second opinion on the programs and their expected results).
//
//	node run-node.mjs [--wasmrun PATH] [NAME...]
//
// With --wasmrun, the programs run through the wasmrun command instead
// (flags --dir, --env, --listen as in the manifest; programs with "client"
// get a TCP client that sends client.send and expects client.expect then
// EOF), and node.known_failures/node.skip/node.timeout_ok do not apply.
//
// Each program runs in a child node process (so proc_exit, proc_raise and
// stdin behave as in a real process) inside a fresh temporary directory
// {tmp} prepared by the manifest's setup steps; its exit status, its
// "FAIL" lines and the manifest's "after" checks decide pass or fail.
// FAIL lines named in the program's node.known_failures are node's own
// deviations from Linux semantics and are reported but tolerated; programs
// with node.skip are not run; node.tolerated_exit {status, reason} accepts
// an abnormal end ("timeout" or a status such as 134) that is node's own
// fault. Exit status 0 when every program passed.
import { WASI } from 'node:wasi';
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[2] === '--child') {
  const spec = JSON.parse(process.argv[3]);
  const env = {};
  for (const kv of spec.env) {
    const i = kv.indexOf('=');
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const wasi = new WASI({ version: 'preview1', args: spec.args, env, preopens: spec.preopens, returnOnExit: true });
  const mod = await WebAssembly.compile(fs.readFileSync(spec.wasm));
  const inst = await WebAssembly.instantiate(mod, wasi.getImportObject());
  process.exitCode = wasi.start(inst);
} else {
  const manifest = JSON.parse(fs.readFileSync(path.join(here, 'manifest.json'), 'utf8'));
  let only = process.argv.slice(2);
  let wasmrun = '';
  if (only[0] === '--wasmrun') {
    wasmrun = path.resolve(only[1]);
    only = only.slice(2);
  }
  let bad = 0;
  for (const p0 of manifest.programs) {
    if (only.length && !only.includes(p0.name)) continue;
    const p = wasmrun ? { ...p0, node: undefined, wasmrun } : p0;
    if (p.node && p.node.skip) {
      console.log(`SKIP ${p.name}: ${p.node.skip}`);
      continue;
    }
    const r = await runOne(p);
    console.log(`${r.pass ? 'PASS' : 'FAIL'} ${p.name}: exit ${r.exit} (want ${p.exit}), ${r.oks} ok, ${r.fails.length} FAIL (${r.known.length} known node gaps)${r.note ? ', ' + r.note : ''}`);
    for (const l of r.known) console.log(`    node gap: ${l}`);
    for (const l of r.fails) console.log(`    ${l}`);
    for (const l of r.afterErrs) console.log(`    after: ${l}`);
    if (!r.pass) bad++;
  }
  process.exitCode = bad ? 1 : 0;
}

async function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const port = srv.address().port; srv.close(() => resolve(port)); });
  });
}

// runWasmrun runs p through the wasmrun command; with p.client it connects
// to the listener, sends client.send and collects the reply until EOF.
async function runWasmrun(p, sub, tmp) {
  const port = await freePort();
  const argv = [];
  for (const d of p.dirs) argv.push('--dir', sub(d));
  for (const e of p.env) argv.push('--env', e);
  const listen = p.listen ? p.listen.replace('{port}', String(port)) : '';
  if (listen) argv.push('--listen', listen);
  argv.push(path.join(here, p.wasm), ...p.args);
  const child = spawn(p.wasmrun, argv, { cwd: tmp, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '', stderr = '', reply = null, clientErr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  child.stdin.end(p.stdin);
  const done = new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal })));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
  if (p.client) {
    reply = await new Promise((resolve) => {
      const tryConnect = (left) => {
        const c = net.connect(port, '127.0.0.1');
        let got = '';
        c.on('connect', () => c.write(p.client.send));
        c.on('data', (d) => { got += d; });
        c.on('end', () => { c.destroy(); resolve(got); });
        c.on('error', (e) => {
          if (left > 0 && e.code === 'ECONNREFUSED') setTimeout(() => tryConnect(left - 1), 100);
          else { clientErr = String(e); resolve(null); }
        });
      };
      tryConnect(100);
    });
  }
  const { status, signal } = await done;
  clearTimeout(timer);
  const res = { status, signal, stdout, stderr, error: signal === 'SIGKILL' ? { code: 'ETIMEDOUT' } : undefined };
  if (p.client && reply !== p.client.expect) res.clientErr = `client got ${JSON.stringify(reply)}, want ${JSON.stringify(p.client.expect)} ${clientErr}`;
  return res;
}

async function runOne(p) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-node-'));
  const sub = (s) => s.replaceAll('{tmp}', tmp);
  try {
    for (const st of p.setup) {
      const dst = path.join(tmp, st.path);
      if (st.op === 'mkdir') fs.mkdirSync(dst, { recursive: true });
      else if (st.op === 'write') fs.writeFileSync(dst, st.content);
      else if (st.op === 'symlink') fs.symlinkSync(sub(st.target), dst);
      else throw new Error(`unknown setup op ${st.op}`);
    }
    const preopens = {};
    for (const d of p.wasmrun ? [] : p.dirs) {
      let spec = sub(d);
      if (spec.endsWith(':ro')) spec = spec.slice(0, -3); // node has no read-only preopens
      const [host, guest] = spec.includes('::') ? spec.split('::') : [spec, spec];
      preopens[guest] = host;
    }
    const child = {
      wasm: path.join(here, p.wasm),
      args: [p.wasm, ...p.args],
      env: p.env,
      preopens,
    };
    const res = p.wasmrun ? await runWasmrun(p, sub, tmp) : spawnSync(process.execPath, ['--no-warnings', fileURLToPath(import.meta.url), '--child', JSON.stringify(child)], {
      input: p.stdin, timeout: 20000, encoding: 'utf8',
    });
    let exit = res.status;
    let note = '';
    if (res.signal) {
      const num = os.constants.signals[res.signal];
      if (res.error && res.error.code === 'ETIMEDOUT') { note = 'timed out'; exit = 'timeout'; }
      else { exit = 128 + num; note = `killed by ${res.signal}`; }
    }
    const lines = res.stdout.split('\n');
    const oks = lines.filter((l) => l.startsWith('ok ')).length;
    const known = [], fails = [];
    const kf = (p.node && p.node.known_failures) || [];
    for (const l of lines.filter((l) => l.startsWith('FAIL '))) {
      const name = l.slice(5).split(':')[0];
      (kf.includes(name) ? known : fails).push(l);
    }
    if (res.stderr.trim()) note += (note ? '; ' : '') + 'stderr: ' + res.stderr.trim().split('\n')[0];
    const afterErrs = [];
    if (res.clientErr) afterErrs.push(res.clientErr);
    for (const a of p.after) {
      const f = path.join(tmp, a.path);
      if (a.op === 'content') {
        let c = null;
        try { c = fs.readFileSync(f, 'utf8'); } catch {}
        if (c !== a.content) afterErrs.push(`${a.path}: content ${JSON.stringify(c)}, want ${JSON.stringify(a.content)}`);
      } else if (a.op === 'absent') {
        let there = true;
        try { fs.lstatSync(f); } catch { there = false; }
        if (there) afterErrs.push(`${a.path} exists`);
      } else if (a.op === 'isdir') {
        let ok = false;
        try { ok = fs.lstatSync(f).isDirectory(); } catch {}
        if (!ok) afterErrs.push(`${a.path} is not a directory`);
      }
    }
    // A program whose checks all passed but that node cannot finish (or
    // whose only failures are known gaps) fails with status 1: accept that.
    // node.tolerated_exit: node ends the run abnormally (hang or abort)
    // for a documented reason of its own.
    const tol = p.node && p.node.tolerated_exit;
    const tolOK = tol && exit === tol.status;
    if (tolOK) note += ` (tolerated: ${tol.reason})`;
    const exitOK = exit === p.exit || ((known.length > 0 || tolOK) && fails.length === 0 && (exit === 1 || tolOK));
    return { pass: exitOK && fails.length === 0 && afterErrs.length === 0, exit, oks, known, fails, afterErrs, note };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
