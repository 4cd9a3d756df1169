package interp_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestSpecSuite runs every script of the WebAssembly 2.0 core suite
// (core/*.wast, core/simd/*.wast) on the interpreter.
func TestSpecSuite(t *testing.T) {
	dir := testsuite.Dir(t)
	files := testsuite.Files(t)
	factory, ok := spectest.LookupEngine("interp")
	if !ok {
		t.Fatal("engine interp is not registered")
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
}

// TestProposalSuites runs the 3.0 scripts of the features the interpreter
// implements: tail calls, multiple memories and memory64 (whose folder's
// table64 scripts wait for table64 support).
func TestProposalSuites(t *testing.T) {
	dir := testsuite.Dir(t)
	factory, _ := spectest.LookupEngine("interp")
	var total spectest.Stats
	for _, folder := range []string{"tail-call", "multi-memory", "memory64"} {
		files, err := filepath.Glob(filepath.Join(dir, "proposals", folder, "*.wast"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no scripts in proposals/%s: %v", folder, err)
		}
		for _, file := range files {
			base := filepath.Base(file)
			if folder == "memory64" && (strings.HasPrefix(base, "table") || base == "call_indirect64.wast" || base == "memory64-imports.wast") {
				continue // table64: not yet on the interpreter
			}
			t.Run(folder+"/"+base, func(t *testing.T) {
				e := factory()
				defer e.Close()
				results, stats, err := spectest.RunFile(file, spectest.Options{Engine: e, Timeout: time.Minute, Features: wasm.Features3})
				if err != nil {
					t.Fatal(err)
				}
				total.Add(stats)
				for _, r := range results {
					if r.Outcome != spectest.Passed {
						t.Error(r)
					}
				}
			})
		}
	}
	t.Logf("%d passed, %d failed, %d skipped", total.Passed, total.Failed, total.Skipped)
}
