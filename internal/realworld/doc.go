// Package realworld holds TestRealWorld: a corpus of real programs run on
// the interpreter and on the JIT, and on node's WASI when node is installed
// (all but the ice40 flow, where node's V8 crashes; CRuby's reactor through
// testdata/node_ruby.mjs, the commands through testdata/node_wasi.mjs), with
// every program's stdout, stderr, exit statuses and output files compared
// byte for byte between the engines.
//
// The programs are fetched at test time, at pinned versions checked by
// sha256, into a cache outside the repository
// (${WASMRUN_REALWORLD_CACHE:-$HOME/.cache/wasmrun/realworld}): npm packages
// with "npm pack" (CRuby 3.4 from @ruby/3.4-wasm-wasi, Yosys, YoWASP's
// Clang/LLD, nextpnr-ice40 and icepll, Flite) and Debian packages with
// "apt-get download" (Rust 1.63 and its wasm32-wasi standard library,
// unpacked with dpkg-deb, not installed). The small programs of testdata/
// (two Go programs, a C program compiled by the fetched Clang running on
// wasmrun, a Rust program) are built at test time.
//
// By default a fast subset runs (8 programs; 75 s on two cores with an empty cache,
// 45 s with a full one); WASMRUN_REALWORLD=1 or the -realworld flag runs everything (13
// programs, about 20 minutes, most of it the interpreter compiling SQLite),
// WASMRUN_REALWORLD_ONLY=a,b runs the named programs. When a registry
// cannot be reached the test skips loudly, except with CI=true, where it
// fails. A program with a knownDiff (an engine or WASI bug already reduced
// and reported) logs its difference instead of failing, unless
// WASMRUN_REALWORLD_STRICT=1. WASMRUN_REALWORLD_REPORT=FILE writes the
// per-program report (language, module size, time per engine, PASS, DIFF
// or FAIL) to FILE; WASMRUN_REALWORLD_NODE=0 leaves node out.
// scripts/realworld.sh runs the whole corpus verbosely.
package realworld
