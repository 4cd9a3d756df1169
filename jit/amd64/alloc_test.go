package amd64

import (
	"context"
	"testing"
)

const fibWat = `(module (func $fib (export "fib") (param i64) (result i64)
  (if (result i64) (i64.lt_u (local.get 0) (i64.const 2)) (then (local.get 0))
    (else (i64.add (call $fib (i64.sub (local.get 0) (i64.const 1))) (call $fib (i64.sub (local.get 0) (i64.const 2))))))))`

// Calls and executed instructions allocate nothing.
func TestNoAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not stable under the race detector")
	}
	f := instantiate(t, New(Config{}), fibWat, nil).ExportedFunc("fib")
	stack := make([]uint64, 1)
	for _, n := range []uint64{5, 20} {
		allocs := testing.AllocsPerRun(20, func() {
			stack[0] = n
			if err := f.Call(context.Background(), stack); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("fib(%d): %v allocations per call, want 0", n, allocs)
		}
	}
}

func BenchmarkFib20(b *testing.B) {
	f := instantiate(b, New(Config{}), fibWat, nil).ExportedFunc("fib")
	stack := make([]uint64, 1)
	for b.Loop() {
		stack[0] = 20
		if err := f.Call(context.Background(), stack); err != nil {
			b.Fatal(err)
		}
	}
}
