package jit

import (
	"github.com/wasmrun/wasmrun/internal/jit/arm64"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// CompileArm64 compiles every function of m with the arm64 machine (on
// any host) and returns their code, for the external tests.
func CompileArm64(m *wasm.Module, info *validate.Info) ([][]byte, error) {
	c := newCodegen(arm64.NewMachine(), false)
	types, globals := moduleTypes(m)
	var out [][]byte
	for i := range m.Funcs {
		code, err := c.CompileFunc(m, &info.Funcs[i], i, types, globals)
		if err != nil {
			return nil, err
		}
		out = append(out, code.Bytes)
	}
	return out, nil
}
