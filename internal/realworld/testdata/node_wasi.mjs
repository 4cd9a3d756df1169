// Runs a WASI preview 1 command on node's WASI, as a third engine for
// TestRealWorld: node node_wasi.mjs FILE [--dir HOST::GUEST]... [--env K=V]... -- ARGS...
// argv[0] of the guest is FILE, as with wasmrun; the exit status is the guest's.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import process from 'node:process';

const argv = process.argv.slice(2);
const file = argv.shift();
const preopens = {};
const env = {};
while (argv.length > 0) {
  const a = argv.shift();
  if (a === '--') break;
  const v = argv.shift();
  if (a === '--dir') {
    const i = v.indexOf('::');
    preopens[v.slice(i + 2)] = v.slice(0, i);
  } else if (a === '--env') {
    const i = v.indexOf('=');
    env[v.slice(0, i)] = v.slice(i + 1);
  } else {
    throw new Error(`unknown flag ${a}`);
  }
}
const wasi = new WASI({ version: 'preview1', args: [file, ...argv], env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
