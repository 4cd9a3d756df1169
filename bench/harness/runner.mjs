// Runs one WebAssembly module under Node.js's WASI (V8) for the wasmrun
// benchmark harness.
//
//   node runner.mjs MODE FILE.wasm ARGV0 [ARGS...]
//
// MODE is run, compile or instantiate. The guest's stdout/stderr are the
// process's. The last line on stderr is "@@wasmrun-bench " followed by JSON
// timings in nanoseconds (compile, instantiate, run wall time, and
// runCPU: the process's user+system CPU time during the run), measured here so that
// Node's own start-up is not counted.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import process, { argv, exit, hrtime, stderr } from 'node:process';

const [mode, file, ...args] = argv.slice(2);
const bytes = await readFile(file);
const t = { compile: 0, instantiate: 0, run: 0, runCPU: 0 };

let t0 = hrtime.bigint();
const mod = await WebAssembly.compile(bytes);
t.compile = Number(hrtime.bigint() - t0);

let code = 0;
if (mode !== 'compile') {
  const wasi = new WASI({ version: 'preview1', args, env: {}, returnOnExit: true });
  const imports = wasi.getImportObject();
  imports.env = { host_add: (x) => (x + 1) | 0 };
  t0 = hrtime.bigint();
  const inst = await WebAssembly.instantiate(mod, imports);
  t.instantiate = Number(hrtime.bigint() - t0);
  if (mode === 'run') {
    const c0 = process.cpuUsage();
    t0 = hrtime.bigint();
    code = wasi.start(inst);
    t.run = Number(hrtime.bigint() - t0);
    const c1 = process.cpuUsage(c0);
    t.runCPU = (c1.user + c1.system) * 1000;
  }
}
stderr.write('\n@@wasmrun-bench ' + JSON.stringify(t) + '\n', () => exit(code));
