package wasmrun_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun"
)

// A deadline stops a guest within 10 ms whatever one loop iteration
// does: bulk operations of any length move in chunks with interruption
// checks between them, on both engines.
func TestDeadlineStopsLongBulkOperations(t *testing.T) {
	if testing.Short() {
		t.Skip("maps and touches gigabytes of memory")
	}
	const deadline = 100 * time.Millisecond
	for _, tc := range []struct {
		name  string
		pages int
		body  string
	}{
		{"16 MiB memory.fill per iteration", 256, `(memory.fill (i32.const 0) (local.get 0) (i32.const 0x1000000))`},
		{"4 GiB memory.fill", 65536, `(memory.fill (i32.const 0) (local.get 0) (i32.const -1))`},
		{"4 GiB memory.copy", 65536, `(memory.copy (i32.const 1) (i32.const 0) (i32.const -2))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			forEachEngine(t, func(t *testing.T, e wasmrun.EngineKind) {
				ctx := context.Background()
				rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: e})
				if err != nil {
					t.Fatal(err)
				}
				defer rt.Close(ctx)
				mod, err := rt.Compile(ctx, []byte(fmt.Sprintf(`(module (memory %d)
			  (func (export "run") (local i32)
			    (loop $l
			      %s
			      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
			      (br $l))))`, tc.pages, tc.body)))
				if err != nil {
					t.Fatal(err)
				}
				inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
				if err != nil {
					t.Fatal(err)
				}
				defer inst.Close(ctx)
				cctx, cancel := context.WithTimeout(ctx, deadline)
				defer cancel()
				start := time.Now()
				_, err = inst.ExportedFunction("run").Call(cctx)
				late := time.Since(start) - deadline
				var trap *wasmrun.Trap
				if !errors.As(err, &trap) || !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("%s: %v, want a trap caused by the deadline", tc.name, err)
				}
				t.Logf("%s: stopped %v after the deadline", tc.name, late)
				// 10 ms is the target; a loaded 2-core machine adds
				// scheduling delays, so the test fails at 50 ms.
				if late > 50*time.Millisecond {
					t.Errorf("%s: stopped %v after the deadline, want within 10 ms", tc.name, late)
				}
			})
		})
	}
}

// Fuel charges a bulk operation by its length (one unit per
// store.BulkChunk units moved beyond the first chunk), on both engines.
func TestFuelChargesBulkOperations(t *testing.T) {
	src := []byte(`(module (memory 1024)
	  (func (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 7) (local.get 0))))`)
	forEachEngine(t, func(t *testing.T, e wasmrun.EngineKind) {
		for _, tc := range []struct {
			fuel   int64
			length uint64
			ok     bool
		}{
			{fuel: 100, length: 64 << 20, ok: false}, // 1024 chunks
			{fuel: 2000, length: 64 << 20, ok: true},
			{fuel: 5, length: 64 << 10, ok: true}, // one chunk
		} {
			ctx := context.Background()
			rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: e, Fuel: tc.fuel})
			mod, err := rt.Compile(ctx, src)
			if err != nil {
				t.Fatal(err)
			}
			inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = inst.ExportedFunction("fill").Call(ctx, tc.length)
			if ok := err == nil; ok != tc.ok || err != nil && !strings.Contains(err.Error(), "out of fuel") {
				t.Errorf("fuel %d, fill of %d bytes: %v, want success %v (else out of fuel)", tc.fuel, tc.length, err, tc.ok)
			}
			inst.Close(ctx)
		}
	})
}
