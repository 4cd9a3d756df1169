//go:build !(linux && amd64)

package main

import (
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// haveDisasm tells whether this platform has the JIT to disassemble.
const haveDisasm = false

// disasmFunc reports that this platform has no JIT.
func disasmFunc(*wasm.Module, *validate.Info, uint32) (string, error) { return "", errNoDisasm }

// disasmAll reports that this platform has no JIT.
func disasmAll(*wasm.Module, *validate.Info) (string, error) { return "", errNoDisasm }
