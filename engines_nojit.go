//go:build !(linux && amd64)

package wasmrun

import "github.com/wasmrun/wasmrun/internal/store"

// newJIT returns nil: there is no JIT for this platform yet.
func newJIT(RuntimeConfig) store.Engine { return nil }
