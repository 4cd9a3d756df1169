package interp_test

import (
	"os"
	"path/filepath"
	"slices"
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
// implements: tail calls, multiple memories, memory64 and table64.
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
			t.Run(folder+"/"+base, func(t *testing.T) {
				e := factory()
				defer e.Close()
				results, stats, err := spectest.RunFile(file, spectest.Options{Engine: e, Timeout: time.Minute, Features: wasm.Features3})
				if err != nil {
					t.Fatal(err)
				}
				total.Add(stats)
				for _, r := range results {
					if r.Outcome != spectest.Passed && !slices.Contains(needsGC[folder+"/"+base], r.Line) {
						t.Error(r)
					}
				}
			})
		}
	}
	t.Logf("%d passed, %d failed, %d skipped", total.Passed, total.Failed, total.Skipped)
}

// needsGC lists the commands of the proposal scripts above that use GC
// instructions (left for the GC work), by script and line.
var needsGC = map[string][]int{
	"memory64/table_init64.wast": {2457, 2471}, // array.new_fixed in a table initialiser
}
