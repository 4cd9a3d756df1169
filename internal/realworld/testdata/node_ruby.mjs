// Runs a Ruby script on CRuby's reactor build (ruby+stdlib.wasm of
// @ruby/3.4-wasm-wasi) on node's WASI, with the same protocol as
// TestRealWorld's Go driver (runRubyReactor): _initialize, "ruby-init" with
// ["ruby.wasm", "-EUTF-8", "-e_=0"], then "rb-eval-string-protect".
// Usage: node node_ruby.mjs FILE SCRIPT [--dir HOST::GUEST]...
// The exit status is 1 when the evaluation raised, else 0 (or the guest's).
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import process from 'node:process';

const [file, scriptPath, ...rest] = process.argv.slice(2);
const preopens = {};
while (rest.length > 0) {
  const flag = rest.shift(), v = rest.shift();
  if (flag !== '--dir') throw new Error(`unknown flag ${flag}`);
  const i = v.indexOf('::');
  preopens[v.slice(i + 2)] = v.slice(0, i);
}
const script = await readFile(scriptPath, 'utf8');
const wasi = new WASI({ version: 'preview1', args: ['ruby.wasm'], env: {}, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const imports = wasi.getImportObject();
const slab = [];
imports.canonical_abi = {};
imports['rb-js-abi-host'] = {};
for (const im of WebAssembly.Module.imports(module)) {
  if (im.module === 'canonical_abi') {
    imports.canonical_abi[im.name] =
      im.name === 'resource_new_rb-abi-value' ? (v) => slab.push(v) - 1
      : im.name === 'resource_get_rb-abi-value' ? (h) => slab[h]
      : () => { throw new Error(`canonical_abi: ${im.name} called, but no JS values exist`); };
  } else if (im.module === 'rb-js-abi-host') {
    imports['rb-js-abi-host'][im.name] = () => { throw new Error(`rb-js-abi-host: ${im.name} called: no JavaScript here`); };
  }
}
const instance = await WebAssembly.instantiate(module, imports);
const ex = instance.exports;
const mem = () => new DataView(ex.memory.buffer);
const putString = (s) => {
  const b = new TextEncoder().encode(s);
  const p = ex.cabi_realloc(0, 0, 1, b.length);
  new Uint8Array(ex.memory.buffer, p, b.length).set(b);
  return [p, b.length];
};
const code = wasi.initialize(instance);
if (code !== undefined && code !== 0) process.exit(code);
const args = ['ruby.wasm\0', '-EUTF-8\0', '-e_=0\0'];
const list = ex.cabi_realloc(0, 0, 4, 8 * args.length);
args.forEach((a, i) => {
  const [p, n] = putString(a);
  mem().setInt32(list + 8 * i, p, true);
  mem().setInt32(list + 8 * i + 4, n, true);
});
ex['ruby-init: func(args: list<string>) -> ()'](list, args.length);
const [p, n] = putString(script);
const ret = ex['rb-eval-string-protect: func(str: string) -> tuple<handle<rb-abi-value>, s32>'](p, n);
process.exitCode = mem().getInt32(ret + 4, true) !== 0 ? 1 : 0;
