package binary_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/text"
)

// v3FuzzFolders are the 3.0 proposal folders the fuzz seeds come from.
var v3FuzzFolders = []string{"tail-call", "extended-const", "multi-memory", "memory64", "exception-handling",
	"function-references", "relaxed-simd", "wasm-3.0"}

// addV3Seeds adds the binary modules of the 3.0 proposal scripts and the
// encodings of their small text modules, when the suite is present.
func addV3Seeds(f *testing.F) {
	dir, err := testsuite.Lookup()
	if err != nil {
		return
	}
	for _, folder := range v3FuzzFolders {
		files, _ := filepath.Glob(filepath.Join(dir, "proposals", folder, "*.wast"))
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				continue
			}
			s, err := spectest.ParseScript(file, src)
			if err != nil {
				continue
			}
			for i, c := range s.Commands {
				if c.Module == nil {
					continue
				}
				switch {
				case c.Module.Form == spectest.FormBinary:
					f.Add(c.Module.Bytes)
				case i%2 == 0 && len(c.Module.Src) < 600:
					if m, _, err := text.ParseModuleID(c.Module.Src); err == nil {
						m.CountImports()
						f.Add(binary.Encode(m))
					}
				}
			}
		}
	}
}
