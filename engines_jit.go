package wasmrun

import (
	"github.com/wasmrun/wasmrun/internal/jit"
	"github.com/wasmrun/wasmrun/internal/store"
)

// jitFeatures are the WebAssembly 3.0 features the JIT compiles.
const jitFeatures = jit.Features

// newJIT returns the JIT, or nil when this platform or CPU has none
// (jit.Supported says why).
func newJIT(cfg RuntimeConfig) store.Engine {
	if jit.Supported() != nil {
		return nil
	}
	return jit.New(jit.Config{MaxFrames: cfg.MaxCallDepth, Fuel: cfg.Fuel, PerfMap: cfg.PerfMap})
}
