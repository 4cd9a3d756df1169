package realworld

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/internal/lockstep"
)

// TestRubyLockstep runs CRuby's `puts 1+1` (loading RubyGems: 27 million
// events of calls, arguments and results, 49 million with stores) on the
// interpreter and the JIT in lockstep: every call's arguments and
// results, and with stores every store to memory, agree.
// With the interpreter's join bug (fixed in fbe6bd7) this reported the
// first differing call as an argument of rb_enc_str_new called from
// pm_static_literal_concat (the prism compiler), and with stores a store
// in prep_io during Init_IO. Part of the full corpus (WASMRUN_REALWORLD=1).
func TestRubyLockstep(t *testing.T) {
	if !*realworldFlag && os.Getenv("WASMRUN_REALWORLD") != "1" {
		t.Skip("part of the full real-world corpus: set WASMRUN_REALWORLD=1")
	}
	cache, err := cacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := fetchNPM(cache, pkgRuby)
	if err != nil {
		t.Fatal(err)
	}
	// The debug build keeps the name section, so a difference names
	// functions.
	src, err := os.ReadFile(filepath.Join(dir, "dist", "ruby.debug+stdlib.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	for _, stores := range []bool{false, true} {
		res, err := lockstep.Run(context.Background(), src, lockstep.Config{
			Stores: stores,
			Setup:  rubyHostModules,
			Drive: func(ctx context.Context, inst *wasmrun.Instance) error {
				_, err := rubyEval(ctx, inst, "puts 1+1")
				return err
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.Diff != nil {
			t.Fatalf("stores=%v: %s", stores, res.Diff)
		}
		o := res.Outcomes[0]
		if string(o.Stdout) != "2\n" || o.End != "" {
			t.Errorf("stores=%v: stdout %q, end %q; want 2", stores, o.Stdout, o.End)
		}
		t.Logf("stores=%v: %d events agree, stdout %q", stores, o.Events, o.Stdout)
	}
}
