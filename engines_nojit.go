//go:build !(linux && amd64)

package wasmrun

import (
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// jitFeatures is empty: there is no JIT here.
const jitFeatures wasm.Features = 0

// newJIT returns nil: there is no JIT for this platform yet.
func newJIT(RuntimeConfig) store.Engine { return nil }
