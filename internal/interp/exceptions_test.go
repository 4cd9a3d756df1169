package interp

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestExceptions runs throw, throw_ref and try_table through the frame
// stack: handlers in callers, clauses in order, rethrow with the same
// identity, catch to a loop label and to the function's label, payloads
// with v128, and the interaction with tail calls.
func TestExceptions(t *testing.T) {
	inst := instantiate(t, Config{}, `(module
		(tag $a (param i32))
		(tag $b (param i64 v128))
		(tag $c)
		(func $throwA (param i32) (throw $a (local.get 0)))
		(func $deep (param i32)
			(if (i32.eqz (local.get 0)) (then (throw $a (i32.const 99))))
			(call $deep (i32.sub (local.get 0) (i32.const 1))))
		(func (export "deep") (result i32)
			(block $h (result i32)
				(try_table (catch $a $h) (call $deep (i32.const 1000)))
				(i32.const -1)))
		(func (export "order") (param i32) (result i32)
			(block $all
				(block $ha (result i32)
					(try_table (catch $a $ha) (catch_all $all)
						(if (local.get 0) (then (throw $c)))
						(call $throwA (i32.const 5)))
					(unreachable))
				(return))
			(i32.const 77))
		(func (export "v128") (result i64 i64)
			(local v128)
			(block $h (result i64 v128)
				(try_table (catch $b $h) (throw $b (i64.const 3) (v128.const i64x2 10 20)))
				(unreachable))
			(local.set 0)
			(i64.add (i64x2.extract_lane 0 (local.get 0)))
			(i64x2.extract_lane 1 (local.get 0)))
		(func (export "rethrow") (result i32)
			(block $outer (result i32)
				(try_table (catch $a $outer)
					(block $h (result exnref)
						(try_table (catch_all_ref $h) (call $throwA (i32.const 8)))
						(unreachable))
					(throw_ref))
				(unreachable)))
		(func (export "loop") (result i32)
			(local $n i32)
			(loop $l (result i32)
				(local.set $n (i32.add (local.get $n) (i32.const 1)))
				(if (i32.lt_u (local.get $n) (i32.const 5))
					(then (try_table (catch_all $l) (throw $c))))
				(local.get $n)))
		(func (export "tofunc") (result i32)
			(try_table (catch $a 0) (call $throwA (i32.const 42)))
			(i32.const 0))
		(func $tail (param i32) (result i32) (return_call $throwA2 (local.get 0)))
		(func $throwA2 (param i32) (result i32) (throw $a (local.get 0)))
		(func (export "tail") (result i32)
			(block $h (result i32)
				(try_table (result i32) (catch $a $h) (call $tail (i32.const 6)))))
		(func (export "uncaught") (throw $b (i64.const 1) (v128.const i64x2 2 3)))
		(func (export "nullref") (throw_ref (ref.null exn))))`, nil)
	cases := []struct {
		name string
		args []uint64
		want []uint64
	}{
		{"deep", nil, []uint64{99}},
		{"order", []uint64{0}, []uint64{5}},
		{"order", []uint64{1}, []uint64{77}},
		{"v128", nil, []uint64{13, 20}},
		{"rethrow", nil, []uint64{8}},
		{"loop", nil, []uint64{5}},
		{"tofunc", nil, []uint64{42}},
		{"tail", nil, []uint64{6}},
	}
	for _, c := range cases {
		got, err := call(t, inst, c.name, c.args...)
		if err != nil {
			t.Errorf("%s%v: %v", c.name, c.args, err)
			continue
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s%v (-want +got):\n%s", c.name, c.args, diff)
		}
	}
	_, err := call(t, inst, "uncaught")
	var exc *store.Exception
	if !errors.As(err, &exc) || exc.Tag != inst.Tags[1] {
		t.Fatalf("uncaught: error %v, want an exception with tag $b", err)
	}
	if diff := cmp.Diff([]uint64{1, 2, 3}, exc.Payload); diff != "" {
		t.Errorf("uncaught payload (-want +got):\n%s", diff)
	}
	_, err = call(t, inst, "nullref")
	var trap *store.Trap
	if !errors.As(err, &trap) || trap.Code != store.TrapNullReference {
		t.Errorf("throw_ref null: error %v, want the null reference trap", err)
	}
}

// TestThrowLoopInterruptible checks that a loop that only throws and
// catches (its back-edge is the handler's branch) still stops at a
// deadline and runs out of fuel.
func TestThrowLoopInterruptible(t *testing.T) {
	const wat = `(module (tag $e)
		(func (export "spin") (loop $l (try_table (catch_all $l) (throw $e)))))`
	inst := instantiate(t, Config{}, wat, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	f := inst.ExportedFunc("spin")
	err := f.Call(ctx, make([]uint64, 1))
	var trap *store.Trap
	if !errors.As(err, &trap) || trap.Code != store.TrapCancelled {
		t.Errorf("with a deadline: error %v, want the cancelled trap", err)
	}
	inst = instantiate(t, Config{Fuel: 100000}, wat, nil)
	err = inst.ExportedFunc("spin").Call(context.Background(), make([]uint64, 1))
	if !errors.As(err, &trap) || trap.Code != store.TrapOutOfFuel {
		t.Errorf("with fuel: error %v, want out of fuel", err)
	}
}

// TestExceptionAcrossInstancesAndHosts checks an exception thrown in one
// instance and caught in another, and one thrown by a host function after
// it grew the caller's memory (the handler sees the new size).
func TestExceptionAcrossInstancesAndHosts(t *testing.T) {
	st := store.New(store.Config{})
	tag := st.NewTag(wasm.FuncType{Params: []wasm.ValType{wasm.I32}}, "host.t")
	grow := st.NewHostFunc(wasm.FuncType{}, "host.grow", func(ctx context.Context, c *store.Caller, stack []uint64) {
		c.Memory().Grow(1)
		panic(&store.Exception{Tag: tag, Payload: []uint64{123}})
	})
	throwi := st.NewHostFunc(wasm.FuncType{Results: []wasm.ValType{wasm.I32}}, "host.throwi", func(ctx context.Context, c *store.Caller, stack []uint64) {
		panic(&store.Exception{Tag: tag, Payload: []uint64{5}})
	})
	host := st.NewHostInstance(map[string]store.Extern{
		"t":      {Kind: wasm.ExternTag, Tag: tag},
		"grow":   {Kind: wasm.ExternFunc, Func: grow},
		"throwi": {Kind: wasm.ExternFunc, Func: throwi},
	})
	st.Register("host", host)
	a, err := instantiateIn(st, Config{}, `(module
		(import "host" "t" (tag $t (param i32)))
		(func (export "throw") (param i32) (throw $t (local.get 0))))`, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	st.Register("a", a)
	b, err := instantiateIn(st, Config{}, `(module
		(import "host" "t" (tag $t (param i32)))
		(import "host" "grow" (func $grow))
		(import "a" "throw" (func $throw (param i32)))
		(import "host" "throwi" (func $throwi (result i32)))
		(memory 1)
		(func (export "catch_a") (result i32)
			(block $h (result i32) (try_table (catch $t $h) (call $throw (i32.const 9))) (i32.const -1)))
		(func (export "catch_host") (result i32)
			(block $h (result i32) (try_table (catch $t $h) (call $grow)) (i32.const -1))
			(i32.store (i32.const 70000) (i32.const 5))
			(i32.add (i32.load (i32.const 70000))))
		;; The try_table around a tail call does not see what the callee
		;; throws: its frame is gone.
		(func $tailhost (result i32)
			(block $h (result i32) (try_table (catch $t $h) (return_call $throwi)) (unreachable))
			(i32.add (i32.const 1000)))
		(func (export "tail_host") (result i32)
			(block $h (result i32) (try_table (result i32) (catch $t $h) (call $tailhost)))))`, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for name, want := range map[string]uint64{"catch_a": 9, "catch_host": 128, "tail_host": 5} {
		got, err := call(t, b, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if got[0] != want {
			t.Errorf("%s = %d, want %d", name, got[0], want)
		}
	}
}
