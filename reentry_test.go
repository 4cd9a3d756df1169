package wasmrun_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasm"
)

// reentryRuntime returns a runtime with a host function env.reenter(n)
// that calls the export "f" of *target with n (when n > 0) and an
// instance whose f(n) calls env.reenter(n-1): host → Wasm → host nesting
// n levels deep.
func reentryRuntime(t *testing.T, engine wasmrun.EngineKind, deepest *int) (*wasmrun.Runtime, *wasmrun.Function) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	var f *wasmrun.Function
	i32 := []wasm.ValType{wasm.I32}
	_, err := rt.NewHostModule("env").Func("reenter", i32, i32, func(ctx context.Context, _ *wasmrun.Caller, s []uint64) {
		if s[0] == 0 {
			*deepest = mappings(t) // the mappings at the deepest level
			return
		}
		if err := f.CallWithStack(ctx, s); err != nil {
			panic(err)
		}
	}).Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inst := instantiate(t, rt, `(module
	  (import "env" "reenter" (func $reenter (param i32) (result i32)))
	  (func (export "f") (param i32) (result i32)
	    (i32.add (call $reenter (i32.sub (local.get 0) (i32.const 1))) (i32.const 1))))`, "")
	f = inst.ExportedFunction("f")
	return rt, f
}

// Host → Wasm → host nesting is bounded by the call-depth limit: deep
// nesting works and leaves no mappings behind, unbounded nesting ends in
// a "call stack exhausted" trap.
func TestReentryDepthLimit(t *testing.T) { forEachEngine(t, testReentryDepthLimit) }

func testReentryDepthLimit(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	var deepest int
	_, f := reentryRuntime(t, engine, &deepest)
	_, maps0 := settle(t)
	for range 3 {
		res, err := f.Call(ctx, 500)
		if err != nil || res[0] != 500 {
			t.Fatalf("f(500) = %v, %v; want 500", res, err)
		}
		if deepest > maps0+16 {
			t.Fatalf("500 nested calls took %d mappings more", deepest-maps0)
		}
	}
	if _, maps1 := settle(t); maps1 > maps0+16 {
		t.Errorf("500 nested calls left %d mappings more", maps1-maps0)
	}
	_, err := f.Call(ctx, 1<<30)
	var trap *wasmrun.Trap
	if !errors.As(err, &trap) || trap.Code.String() != "call stack exhausted" {
		t.Fatalf("unbounded nesting: %v, want call stack exhausted", err)
	}
	if _, maps2 := settle(t); maps2 > maps0+16 {
		t.Errorf("unbounded nesting left %d mappings more", maps2-maps0)
	}
}

// Two instances calling each other recursively (through a table and an
// import) hit the same limit.
func TestCrossInstanceRecursionLimit(t *testing.T) { forEachEngine(t, testCrossInstanceRecursionLimit) }

func testCrossInstanceRecursionLimit(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	a := instantiate(t, rt, `(module
	  (table (export "tab") 1 funcref)
	  (type $t (func (param i32) (result i32)))
	  (func (export "f") (param i32) (result i32)
	    (if (result i32) (i32.eqz (local.get 0))
	      (then (i32.const 0))
	      (else (i32.add (call_indirect (type $t) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)) (i32.const 1))))))`, "a")
	instantiate(t, rt, `(module
	  (import "a" "f" (func $f (param i32) (result i32)))
	  (import "a" "tab" (table 1 funcref))
	  (func $g (param i32) (result i32) (call $f (local.get 0)))
	  (elem (i32.const 0) $g))`, "b")
	f := a.ExportedFunction("f")
	_, maps0 := settle(t)
	if res, err := f.Call(ctx, 1000); err != nil || res[0] != 1000 {
		t.Fatalf("f(1000) = %v, %v; want 1000", res, err)
	}
	_, err := f.Call(ctx, 1<<30)
	var trap *wasmrun.Trap
	if !errors.As(err, &trap) || trap.Code.String() != "call stack exhausted" {
		t.Fatalf("unbounded recursion: %v, want call stack exhausted", err)
	}
	if _, maps1 := settle(t); maps1 > maps0+16 {
		t.Errorf("recursion left %d mappings more", maps1-maps0)
	}
}

// A host function may hand its context to other goroutines: their calls
// run on stacks of their own, concurrently with the host function's own
// calls and after it returned.
func TestChainContextOnOtherGoroutines(t *testing.T) {
	forEachEngine(t, testChainContextOnOtherGoroutines)
}

func testChainContextOnOtherGoroutines(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	fibs := make(chan *wasmrun.Function, 8)
	for range 8 {
		fibs <- instantiate(t, rt, fibWat, "").ExportedFunction("fib")
	}
	var wg sync.WaitGroup
	var kept context.Context
	_, err := rt.NewHostModule("env").Func("spawn", nil, nil, func(ctx context.Context, _ *wasmrun.Caller, _ []uint64) {
		kept = ctx
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f := <-fibs
				defer func() { fibs <- f }()
				if res, err := f.Call(ctx, 20); err != nil || res[0] != 6765 {
					t.Errorf("fib(20) on another goroutine = %v, %v", res, err)
				}
			}()
		}
		f := <-fibs
		defer func() { fibs <- f }()
		if res, err := f.Call(ctx, 15); err != nil || res[0] != 610 {
			t.Errorf("fib(15) in the host function = %v, %v", res, err)
		}
	}).Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inst := instantiate(t, rt, `(module (import "env" "spawn" (func $spawn)) (func (export "run") (call $spawn)))`, "")
	if _, err := inst.ExportedFunction("run").Call(ctx); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if res, err := (<-fibs).Call(kept, 10); err != nil || res[0] != 55 {
		t.Errorf("fib(10) with a context kept after the call = %v, %v", res, err)
	}
}
