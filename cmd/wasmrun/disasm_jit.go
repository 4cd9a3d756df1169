//go:build linux && amd64

package main

import (
	"github.com/wasmrun/wasmrun/internal/jit/amd64"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// haveDisasm tells whether this platform has the JIT to disassemble.
const haveDisasm = true

// disasmFunc returns the JIT listing of function idx of m.
func disasmFunc(m *wasm.Module, info *validate.Info, idx uint32) (string, error) {
	return amd64.DisassembleFunc(m, info, idx)
}

// disasmAll returns the JIT listing of every defined function of m.
func disasmAll(m *wasm.Module, info *validate.Info) (string, error) {
	return amd64.DisassembleAll(m, info)
}
