//go:build linux && amd64

package jit

import (
	"testing"

	"github.com/wasmrun/wasmrun/internal/jit/amd64/asm"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
)

func TestDump(t *testing.T) {
	m, _ := text.ParseModule([]byte(`(module (func (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s))`))
	info, _ := validate.Module(m)
	mc, err := New(Config{}).Compile(m, info)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + asm.Disassemble(mc.(*module).Code(), 0))
}
