//go:build linux && (amd64 || arm64)

package jit

import (
	"context"
	"testing"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
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

const loopWat = `(module (memory 1)
  (func (export "sum") (param $n i32) (result i64) (local $i i32) (local $acc i64)
    (block (loop
      (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
      (i64.store (i32.and (i32.shl (local.get $i) (i32.const 3)) (i32.const 0xfff8)) (i64.extend_i32_u (local.get $i)))
      (local.set $acc (i64.add (local.get $acc) (i64.load (i32.and (i32.shl (local.get $i) (i32.const 3)) (i32.const 0xfff8)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br 0)))
    (local.get $acc)))`

// BenchmarkEngines compares the JIT with the interpreter on a recursive
// and a memory loop workload.
func BenchmarkEngines(b *testing.B) {
	engines := []struct {
		name string
		e    store.Engine
	}{{"jit", New(Config{})}, {"interp", interp.New(interp.Config{})}}
	for _, eng := range engines {
		b.Run("fib20/"+eng.name, func(b *testing.B) {
			f := instantiate(b, eng.e, fibWat, nil).ExportedFunc("fib")
			stack := make([]uint64, 1)
			for b.Loop() {
				stack[0] = 20
				if err := f.Call(context.Background(), stack); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("memloop1e5/"+eng.name, func(b *testing.B) {
			f := instantiate(b, eng.e, loopWat, nil).ExportedFunc("sum")
			stack := make([]uint64, 1)
			for b.Loop() {
				stack[0] = 100000
				if err := f.Call(context.Background(), stack); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
