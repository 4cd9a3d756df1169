// Runs one WebAssembly module under Node.js's WASI (V8) for the wasmrun
// benchmark harness.
//
//   node runner.mjs MODE FILE.wasm ARGV0 [ARGS...]
//
// MODE is run, compile or instantiate. The guest's stdout/stderr are the
// process's. The last line on stderr is "@@wasmrun-bench " followed by JSON
// timings in nanoseconds: compile, instantiate and run wall times, and
// compileCPU/runCPU, the process's user+system CPU time over those spans),
// plus the exit code the process is leaving with, measured here so that
// Node's own start-up is not counted.
import { readFile } from 'node:fs/promises';
import { writeSync } from 'node:fs';
import { WASI } from 'node:wasi';
import process, { argv, hrtime } from 'node:process';

const [mode, file, ...args] = argv.slice(2);
const bytes = await readFile(file);
const t = { compile: 0, compileCPU: 0, instantiate: 0, run: 0, runCPU: 0, exit: -1 };

let t0 = hrtime.bigint();
let cc = process.cpuUsage();
const mod = await WebAssembly.compile(bytes);
t.compile = Number(hrtime.bigint() - t0);
cc = process.cpuUsage(cc);
t.compileCPU = (cc.user + cc.system) * 1000;

// The timing line is written when the process exits, with the exit code.
// (Node 20 here sometimes crashes while tearing down after modules that
// grew memory a lot; writing the line from the exit handler keeps the
// figures of such a run, and the harness accepts it only when the exit
// code was 0.)
let c0 = null;
const report = (code) => {
  t.exit = code;
  if (mode === 'run' && c0 !== null && t.run === 0) {
    t.run = Number(hrtime.bigint() - t0);
    const c1 = process.cpuUsage(c0);
    t.runCPU = (c1.user + c1.system) * 1000;
  }
  writeSync(2, '\n@@wasmrun-bench ' + JSON.stringify(t) + '\n');
};
process.on('exit', report);

if (mode !== 'compile') {
  const wasi = new WASI({ version: 'preview1', args, env: {}, returnOnExit: true });
  const imports = wasi.getImportObject();
  imports.env = { host_add: (x) => (x + 1) | 0 };
  t0 = hrtime.bigint();
  const inst = await WebAssembly.instantiate(mod, imports);
  t.instantiate = Number(hrtime.bigint() - t0);
  if (mode === 'run') {
    c0 = process.cpuUsage();
    t0 = hrtime.bigint();
    const code = wasi.start(inst);
    t.run = Number(hrtime.bigint() - t0);
    const c1 = process.cpuUsage(c0);
    t.runCPU = (c1.user + c1.system) * 1000;
    process.exitCode = code;
  }
}
