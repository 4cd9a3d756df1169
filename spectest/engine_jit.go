//go:build linux && amd64

package spectest

import "github.com/wasmrun/wasmrun/internal/jit/amd64"

func init() {
	RegisterEngine("jit", func() Engine { return newStoreEngine(amd64.New(amd64.Config{}), amd64.Features) })
}
