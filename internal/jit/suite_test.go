//go:build linux && (amd64 || arm64)

package jit_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
)

// TestSpecSuite runs every script of the WebAssembly 2.0 core suite
// (core/*.wast, core/simd/*.wast) on the JIT.
func TestSpecSuite(t *testing.T) {
	dir := testsuite.Dir(t)
	files := testsuite.Files(t)
	factory, ok := spectest.LookupEngine("jit")
	if !ok {
		t.Fatal("engine jit is not registered")
	}
	var total spectest.Stats
	for _, file := range files {
		rel, _ := filepath.Rel(filepath.Join(dir, "core"), file)
		t.Run(rel, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, err := spectest.ParseScript(rel, src)
			if err != nil {
				t.Fatal(err)
			}
			e := factory()
			defer e.Close()
			results, stats := spectest.Run(s, spectest.Options{Engine: e, Timeout: time.Minute})
			total.Add(stats)
			for _, r := range results {
				if r.Outcome == spectest.Failed {
					t.Error(r)
				}
			}
		})
	}
	t.Logf("%d passed, %d failed, %d skipped", total.Passed, total.Failed, total.Skipped)
	if total.Skipped != 0 {
		t.Errorf("%d commands skipped, want 0", total.Skipped)
	}
}
