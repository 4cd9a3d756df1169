//go:build linux && (amd64 || arm64)

package jit

import (
	"bytes"
	"context"
	"runtime"
	"runtime/trace"
	"sync"
	"testing"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// Compiled code uses R14 (Go's g) for a pinned local and RBP (Go's frame
// pointer) for the interruption budget. A guest with more hot integer locals than other registers,
// calling a host function (an exit to Go that allocates, yields and
// collects) and running long enough for budget exits, must leave Go's
// state intact: the execution tracer, which unwinds Go stacks by frame
// pointer at every event, runs throughout, other goroutines allocate and
// collect, and the guest's result is checked against Go.
func TestPinnedR14AndRBPKeepGoIntact(t *testing.T) {
	st := store.New(store.Config{})
	ft := wasm.FuncType{Params: []wasm.ValType{wasm.I64}, Results: []wasm.ValType{wasm.I64}}
	var sink [][]byte
	host := st.NewHostFunc(ft, "mix", func(_ context.Context, _ *store.Caller, s []uint64) {
		sink = append(sink[:0], make([]byte, 1<<10))
		if s[0]%512 == 0 {
			runtime.Gosched()
			runtime.GC()
		}
		s[0] = s[0]*0x9e3779b97f4a7c15 + 1
	})
	imports := func(mod, name string) (store.Extern, bool) {
		return store.Extern{Kind: wasm.ExternFunc, Func: host}, mod == "env" && name == "mix"
	}
	// Eight i64 locals updated in the loop: all five pinned integer
	// registers (R14 among them) hold live values across the call, and
	// RBP counts the budget.
	inst := instantiate(t, New(Config{}), `(module (import "env" "mix" (func $mix (param i64) (result i64)))
	  (func (export "run") (param $n i64) (result i64) (local $a i64) (local $b i64) (local $c i64) (local $d i64) (local $e i64) (local $f i64) (local $g i64)
	    (local.set $a (i64.const 1)) (local.set $b (i64.const 2)) (local.set $c (i64.const 3))
	    (local.set $d (i64.const 4)) (local.set $e (i64.const 5)) (local.set $f (i64.const 6)) (local.set $g (i64.const 7))
	    (loop
	      (local.set $a (i64.add (local.get $a) (local.get $b)))
	      (local.set $b (i64.xor (local.get $b) (local.get $c)))
	      (local.set $c (i64.add (local.get $c) (local.get $d)))
	      (local.set $d (i64.rotl (local.get $d) (local.get $e)))
	      (local.set $e (i64.add (local.get $e) (local.get $f)))
	      (local.set $f (i64.xor (local.get $f) (local.get $g)))
	      (local.set $g (call $mix (i64.add (local.get $g) (local.get $a))))
	      (br_if 0 (i64.ne (local.tee $n (i64.sub (local.get $n) (i64.const 1))) (i64.const 0))))
	    (i64.add (local.get $a) (i64.add (local.get $b) (i64.add (local.get $c) (i64.add (local.get $d)
	      (i64.add (local.get $e) (i64.add (local.get $f) (local.get $g)))))))))`, imports)
	const n = 6000
	want := func() uint64 {
		a, b, c, d, e, f, g := uint64(1), uint64(2), uint64(3), uint64(4), uint64(5), uint64(6), uint64(7)
		for i := 0; i < n; i++ {
			a += b
			b ^= c
			c += d
			d = d<<(e&63) | d>>((64-e)&63)
			e += f
			f ^= g
			g = (g+a)*0x9e3779b97f4a7c15 + 1
		}
		return a + b + c + d + e + f + g
	}()
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		t.Skipf("tracer: %v", err)
	}
	defer trace.Stop()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					_ = make([]byte, 4096)
				}
			}
		}()
	}
	for round := 0; round < 5; round++ {
		stack := []uint64{n}
		if err := inst.ExportedFunc("run").Call(context.Background(), stack); err != nil {
			t.Fatal(err)
		}
		if stack[0] != want {
			t.Fatalf("round %d: run = %#x, want %#x", round, stack[0], want)
		}
	}
	close(stop)
	wg.Wait()
}
