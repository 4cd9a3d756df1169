package spectest

import "github.com/wasmrun/wasmrun/internal/jit"

func init() {
	if jit.Supported() == nil {
		RegisterEngine("jit", func() Engine { return newStoreEngine(jit.New(jit.Config{}), jit.Features) })
	}
}
