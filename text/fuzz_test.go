package text_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
)

// FuzzParse checks that no input makes the parser panic or hang, that
// accepted modules are structurally consistent, and that their binary
// encoding decodes again (the parser only produces well-formed bodies).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`(module (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))`,
		`(func $f (block $l (br_if $l (i32.const 0))) (if (i32.const 1) (then) (else nop)))`,
		`(memory (data "abc")) (table funcref (elem $f)) (func $f)`,
		`(func (v128.const f32x4 nan:0x1 -inf 0x1p-149 1e38) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15) drop)`,
		`(module quote "(func)" "(global i32 (i32.const 0))")`,
	} {
		f.Add([]byte(s))
	}
	// A sample of the spec suite's modules, when it is present.
	if dir, err := testsuite.Lookup(); err == nil {
		for _, name := range []string{"block.wast", "elem.wast", "data.wast", "imports.wast", "simd/simd_lane.wast", "float_literals.wast"} {
			data, err := os.ReadFile(filepath.Join(dir, "core", filepath.FromSlash(name)))
			if err != nil {
				continue
			}
			s, err := spectest.ParseScript(name, data)
			if err != nil {
				f.Fatalf("%s: %v", name, err)
			}
			for i, c := range s.Commands {
				// Small seeds keep the fuzzer's minimisation quick.
				if i%3 == 0 && c.Kind == spectest.CmdModule && len(c.Module.Src) < 400 {
					f.Add(c.Module.Src)
				}
			}
		}
	}
	// The 3.0 proposal scripts' small text modules.
	if dir, err := testsuite.Lookup(); err == nil {
		for _, folder := range []string{"tail-call", "extended-const", "multi-memory", "memory64", "exception-handling",
			"function-references", "relaxed-simd", "wasm-3.0"} {
			files, _ := filepath.Glob(filepath.Join(dir, "proposals", folder, "*.wast"))
			for _, file := range files {
				data, err := os.ReadFile(file)
				if err != nil {
					continue
				}
				s, err := spectest.ParseScript(file, data)
				if err != nil {
					continue
				}
				for i, c := range s.Commands {
					if i%2 == 0 && c.Module != nil && c.Module.Form != spectest.FormBinary && len(c.Module.Src) < 400 {
						f.Add(c.Module.Src)
					}
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, _, err := text.ParseModuleID(src)
		if err != nil {
			if m != nil {
				t.Fatalf("module returned with error %v", err)
			}
			return
		}
		if len(m.Funcs) != len(m.Code) {
			t.Fatalf("%d funcs, %d bodies", len(m.Funcs), len(m.Code))
		}
		for i, c := range m.Code {
			if len(c.Body) == 0 || c.Body[len(c.Body)-1] != 0x0B {
				t.Fatalf("body %d does not end with end", i)
			}
		}
		m.CountImports()
		if _, err := validate.Module(m); err != nil {
			// Invalid modules may hold what the binary format cannot
			// (3.0: limits beyond 32 bits on a 32-bit memory or table).
			return
		}
		if _, err := binary.Decode(binary.Encode(m)); err != nil {
			t.Fatalf("encoded module does not decode: %v", err)
		}
	})
}
