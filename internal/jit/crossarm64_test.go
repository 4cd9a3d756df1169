package jit_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/jit"
	arm64asm "github.com/wasmrun/wasmrun/internal/jit/arm64/asm"
	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// The arm64 machine compiles every function of every valid module of the
// 2.0 spec suite on any host (the code generator is plain Go), and every
// word it emits decodes as an instruction but the UDF #1 that ends its
// trap stubs: a cheap guard on every platform for what the arm64 tests
// under qemu run.
func TestArm64MachineCompilesTheSpecSuite(t *testing.T) {
	dir := testsuite.Dir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "core", "*.wast"))
	simd, _ := filepath.Glob(filepath.Join(dir, "core", "simd", "*.wast"))
	files = append(files, simd...)
	modules, funcs := 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := spectest.ParseScript(f, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, cmd := range s.Commands {
			if cmd.Kind != spectest.CmdModule || cmd.Module == nil {
				continue
			}
			var m *wasm.Module
			if cmd.Module.Form == spectest.FormBinary {
				m, err = binary.Decode(cmd.Module.Bytes)
			} else {
				m, _, err = text.ParseModuleID(cmd.Module.Src)
			}
			if err != nil {
				continue
			}
			info, err := validate.Module(m)
			if err != nil {
				continue
			}
			codes, err := jit.CompileArm64(m, info)
			if err != nil {
				t.Fatalf("%s:%d: %v", filepath.Base(f), cmd.Module.Line, err)
			}
			modules++
			for i, code := range codes {
				funcs++
				for _, line := range strings.Split(arm64asm.Disassemble(code, 0), "\n") {
					if strings.Contains(line, ".word") && !strings.Contains(line, ".word 0x00000001") {
						t.Fatalf("%s:%d: function %d: a word that does not decode: %s", filepath.Base(f), cmd.Module.Line, i, line)
					}
				}
			}
		}
	}
	t.Logf("%d modules, %d functions compiled for arm64", modules, funcs)
}
