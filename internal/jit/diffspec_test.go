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

// TestDifferentialSpecSuite runs every script of the 2.0 core suite on the
// interpreter and the JIT in lockstep: besides every assertion, each
// instantiation and action must give both engines the same results
// (NaNs by class), the same traps, and the same memories and globals in
// every instance afterwards.
func TestDifferentialSpecSuite(t *testing.T) {
	dir := testsuite.Dir(t)
	files := testsuite.Files(t)
	interp, ok1 := spectest.LookupEngine("interp")
	jit, ok2 := spectest.LookupEngine("jit")
	if !ok1 || !ok2 {
		t.Fatal("engines interp and jit are not both registered")
	}
	var total spectest.Stats
	var cmp spectest.LockstepStats
	for _, file := range files {
		rel, _ := filepath.Rel(filepath.Join(dir, "core"), file)
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s, err := spectest.ParseScript(rel, src)
		if err != nil {
			t.Fatal(err)
		}
		e := spectest.Lockstep(interp(), jit())
		results, stats := spectest.Run(s, spectest.Options{Engine: e, Timeout: time.Minute})
		total.Add(stats)
		c := spectest.LockstepStatsOf(e)
		cmp.Actions += c.Actions
		cmp.States += c.States
		cmp.MemoryBytes += c.MemoryBytes
		e.Close()
		for _, r := range results {
			if r.Outcome == spectest.Failed {
				t.Errorf("%s: %v", rel, r)
			}
		}
	}
	t.Logf("%d passed, %d failed, %d skipped; %d actions compared, %d state comparisons, %d memory bytes compared",
		total.Passed, total.Failed, total.Skipped, cmp.Actions, cmp.States, cmp.MemoryBytes)
	if total.Skipped != 0 {
		t.Errorf("%d commands skipped, want 0", total.Skipped)
	}
}
