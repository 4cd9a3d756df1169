//go:build !(linux && (amd64 || arm64))

package jit

import (
	"errors"
	"runtime"

	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/wasm"
)

// Features is empty: there is no JIT for this platform.
const Features wasm.Features = 0

var arch = archHooks{
	name:       runtime.GOARCH,
	supported:  func() error { return errors.New("jit: no JIT for " + runtime.GOOS + "/" + runtime.GOARCH) },
	codeAlign:  16,
	frameBytes: 16,
}

func enter(*mach.VMContext, uintptr) { panic("jit: no JIT for this platform") }
func resume(*mach.VMContext)         { panic("jit: no JIT for this platform") }
