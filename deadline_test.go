package wasmrun_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
				var lates []time.Duration
				for range 3 {
					cctx, cancel := context.WithTimeout(ctx, deadline)
					start := time.Now()
					_, err = inst.ExportedFunction("run").Call(cctx)
					lates = append(lates, time.Since(start)-deadline)
					cancel()
					var trap *wasmrun.Trap
					if !errors.As(err, &trap) || !errors.Is(err, context.DeadlineExceeded) {
						t.Fatalf("%s: %v, want a trap caused by the deadline", tc.name, err)
					}
				}
				checkLatency(t, tc.name+": after the deadline", lates)
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

// Closing the instance stops a guest inside a 4 GiB memory.fill too.
func TestCloseStopsLongBulkOperation(t *testing.T) {
	if testing.Short() {
		t.Skip("maps and touches gigabytes of memory")
	}
	forEachEngine(t, func(t *testing.T, e wasmrun.EngineKind) {
		ctx := context.Background()
		rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: e})
		mod, err := rt.Compile(ctx, []byte(`(module (memory 65536)
		  (func (export "run") (loop $l (memory.fill (i32.const 0) (i32.const 1) (i32.const -1)) (br $l))))`))
		if err != nil {
			t.Fatal(err)
		}
		var lates []time.Duration
		for range 3 {
			inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
			if err != nil {
				t.Fatal(err)
			}
			closed := make(chan time.Time, 1)
			timer := time.AfterFunc(100*time.Millisecond, func() { closed <- time.Now(); inst.Close(ctx) })
			_, err = inst.ExportedFunction("run").Call(ctx)
			lates = append(lates, time.Since(<-closed))
			timer.Stop()
			if !errors.Is(err, wasmrun.ErrClosed) {
				t.Fatalf("%v, want an error that is ErrClosed", err)
			}
		}
		checkLatency(t, "after Close", lates)
	})
}

// checkLatency checks how late three stops came: the target is 10 ms,
// which the best of three must meet within 20 ms and every one within
// 200 ms (a 2-core machine running other tests delays goroutines by tens
// of milliseconds now and then; a missing check would miss by seconds).
func checkLatency(t *testing.T, what string, lates []time.Duration) {
	t.Helper()
	t.Logf("stopped %v %s", lates, what)
	if slices.Min(lates) > 20*time.Millisecond || slices.Max(lates) > 200*time.Millisecond {
		t.Errorf("stopped %v %s, want within 10 ms", lates, what)
	}
}
