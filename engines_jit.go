//go:build linux && amd64

package wasmrun

import (
	"golang.org/x/sys/cpu"

	"github.com/wasmrun/wasmrun/internal/jit/amd64"
	"github.com/wasmrun/wasmrun/internal/store"
)

// jitFeatures are the WebAssembly 3.0 features the JIT compiles.
const jitFeatures = amd64.Features

// newJIT returns the amd64 JIT, or nil when the CPU lacks SSE4.1.
func newJIT(cfg RuntimeConfig) store.Engine {
	if !cpu.X86.HasSSE41 {
		return nil
	}
	return amd64.New(amd64.Config{MaxFrames: cfg.MaxCallDepth, Fuel: cfg.Fuel, PerfMap: cfg.PerfMap})
}
