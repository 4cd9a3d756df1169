// Package realworld holds TestRealWorld, a corpus of real programs (CRuby,
// Yosys, Clang/LLD, nextpnr, Flite, Go programs and the programs Clang
// builds) that are fetched at pinned versions from package registries
// into a cache outside the repository and run on the interpreter and on the
// JIT (and, where practical, on node's WASI), comparing their outputs byte
// for byte.
//
// By default a fast subset runs; WASMRUN_REALWORLD=1 (or the -realworld
// flag) runs everything. WASMRUN_REALWORLD_CACHE chooses the cache directory
// (default $HOME/.cache/wasmrun/realworld) and WASMRUN_REALWORLD_ONLY a
// comma-separated list of program names. scripts/realworld.sh runs the full
// corpus with a report.
package realworld
