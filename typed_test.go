package wasmrun_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun"
)

// The typed helpers give host functions Go values of the Wasm types,
// with signs and float bits intact, and allocate nothing per call.
func TestTypedHostFunctions(t *testing.T) { forEachEngine(t, testTypedHostFunctions) }

func testTypedHostFunctions(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	var got []any
	b := rt.NewHostModule("env")
	wasmrun.Func2(b, "add", func(_ context.Context, _ *wasmrun.Caller, a int32, b int64) int64 { return int64(a) + b })
	wasmrun.Func1(b, "neg", func(_ context.Context, _ *wasmrun.Caller, x float32) float32 { return -x })
	wasmrun.Func3(b, "fma", func(_ context.Context, _ *wasmrun.Caller, x, y, z float64) float64 { return x*y + z })
	wasmrun.Func0(b, "big", func(context.Context, *wasmrun.Caller) uint32 { return math.MaxUint32 })
	wasmrun.Proc2(b, "log", func(_ context.Context, _ *wasmrun.Caller, a uint32, b uint64) { got = append(got, a, b) })
	wasmrun.Proc1(b, "logi", func(_ context.Context, _ *wasmrun.Caller, a int32) { got = append(got, a) })
	if _, err := b.Instantiate(ctx); err != nil {
		t.Fatal(err)
	}
	inst := instantiate(t, rt, `(module
	  (import "env" "add" (func $add (param i32 i64) (result i64)))
	  (import "env" "neg" (func $neg (param f32) (result f32)))
	  (import "env" "fma" (func $fma (param f64 f64 f64) (result f64)))
	  (import "env" "big" (func $big (result i32)))
	  (import "env" "log" (func $log (param i32 i64)))
	  (import "env" "logi" (func $logi (param i32)))
	  (func (export "add") (result i64) (call $add (i32.const -5) (i64.const 3)))
	  (func (export "neg") (result f32) (call $neg (f32.const 1.5)))
	  (func (export "fma") (result f64) (call $fma (f64.const 2) (f64.const 3) (f64.const 0.5)))
	  (func (export "big") (result i64) (i64.extend_i32_u (call $big)))
	  (func (export "log") (call $log (i32.const -1) (i64.const -1)) (call $logi (i32.const -7))))`, "")
	call := func(name string) uint64 {
		res, err := inst.ExportedFunction(name).Call(ctx)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(res) == 0 {
			return 0
		}
		return res[0]
	}
	if r := int64(call("add")); r != -2 {
		t.Errorf("add(-5, 3) = %d", r)
	}
	if r := math.Float32frombits(uint32(call("neg"))); r != -1.5 {
		t.Errorf("neg(1.5) = %v", r)
	}
	if r := math.Float64frombits(call("fma")); r != 6.5 {
		t.Errorf("fma(2, 3, 0.5) = %v", r)
	}
	if r := call("big"); r != math.MaxUint32 {
		t.Errorf("big = %#x, want 0xffffffff", r)
	}
	call("log")
	if diff := cmp.Diff([]any{uint32(math.MaxUint32), uint64(math.MaxUint64), int32(-7)}, got); diff != "" {
		t.Errorf("logged (-want +got):\n%s", diff)
	}
	if raceEnabled {
		return
	}
	f := inst.ExportedFunction("add")
	stack := make([]uint64, f.StackSlots())
	if n := testing.AllocsPerRun(100, func() { f.CallWithStack(ctx, stack) }); n > 1 {
		t.Errorf("%v allocations per call of a typed host function, want at most 1 (the call chain's context)", n)
	}
}

// Host calls allocate nothing: a call's allocations do not depend on how
// many host calls it makes.
func TestNoAllocationPerHostCall(t *testing.T) { forEachEngine(t, testNoAllocationPerHostCall) }

func testNoAllocationPerHostCall(t *testing.T, engine wasmrun.EngineKind) {
	if raceEnabled {
		t.Skip("allocation counts are not stable under the race detector")
	}
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	b := rt.NewHostModule("env")
	wasmrun.Func1(b, "inc", func(_ context.Context, c *wasmrun.Caller, x int64) int64 { _ = c.Memory(); return x + 1 })
	if _, err := b.Instantiate(ctx); err != nil {
		t.Fatal(err)
	}
	inst := instantiate(t, rt, `(module (import "env" "inc" (func $inc (param i64) (result i64)))
	  (memory 1)
	  (func (export "loop") (param $n i64) (result i64) (local $acc i64)
	    (block (loop (br_if 1 (i64.eqz (local.get $n)))
	      (local.set $acc (call $inc (local.get $acc)))
	      (local.set $n (i64.sub (local.get $n) (i64.const 1))) (br 0)))
	    (local.get $acc)))`, "")
	f := inst.ExportedFunction("loop")
	stack := make([]uint64, f.StackSlots())
	allocs := func(n uint64) float64 {
		return testing.AllocsPerRun(20, func() {
			stack[0] = n
			if err := f.CallWithStack(ctx, stack); err != nil || stack[0] != n {
				t.Fatalf("loop(%d) = %d, %v", n, stack[0], err)
			}
		})
	}
	if one, many := allocs(1), allocs(1000); one != many || one > 1 {
		t.Errorf("allocations per call: %v with 1 host call, %v with 1000; want equal, at most 1", one, many)
	}
}

// Compile with a cancelled context fails with the context's error.
func TestCompileHonoursContext(t *testing.T) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := rt.Compile(ctx, []byte(fibWat)); !errors.Is(err, context.Canceled) {
		t.Errorf("Compile with a cancelled context: %v, want context.Canceled", err)
	}
}

// An instance's fuel account is shared by its calls, readable (also from
// a host function while a call runs) and refillable; an empty account
// traps with ErrOutOfFuel.
func TestInstanceFuel(t *testing.T) { forEachEngine(t, testInstanceFuel) }

func testInstanceFuel(t *testing.T, engine wasmrun.EngineKind) {
	ctx := context.Background()
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	var inst *wasmrun.Instance
	var seen int64
	b := rt.NewHostModule("env")
	wasmrun.Proc1(b, "peek", func(context.Context, *wasmrun.Caller, int32) { seen, _ = inst.Fuel() })
	if _, err := b.Instantiate(ctx); err != nil {
		t.Fatal(err)
	}
	inst = instantiateCfg(t, rt, `(module
	  (import "env" "peek" (func $peek (param i32)))
	  (func (export "loop") (param $n i32) (local $m i32)
	    (local.set $m (local.get $n))
	    (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
	    (call $peek (i32.const 0))
	    (loop $l2 (br_if $l2 (local.tee $m (i32.sub (local.get $m) (i32.const 1))))))
	  (func (export "spin") (loop $l (br $l))))`, wasmrun.InstanceConfig{Fuel: 100_000})
	loop := inst.ExportedFunction("loop")
	prev := int64(100_000)
	for i := range 3 {
		if _, err := loop.Call(ctx, 10_000); err != nil {
			t.Fatalf("loop %d: %v", i, err)
		}
		left, ok := inst.Fuel()
		if !ok || prev-left < 19_990 || prev-left > 20_100 {
			t.Fatalf("call %d used %d units (%d left), want 19990..20100", i, prev-left, left)
		}
		if used := prev - seen; used < 9_990 || used > 10_100 {
			t.Errorf("call %d: the host function saw %d used of %d, want 9990..10100", i, used, prev)
		}
		prev = left
	}
	_, err := inst.ExportedFunction("spin").Call(ctx)
	if !errors.Is(err, wasmrun.ErrOutOfFuel) {
		t.Fatalf("spin: %v, want out of fuel", err)
	}
	if left, _ := inst.Fuel(); left != 0 {
		t.Errorf("%d units left after running out", left)
	}
	inst.AddFuel(30_000)
	if _, err := loop.Call(ctx, 10_000); err != nil {
		t.Fatalf("loop after AddFuel: %v", err)
	}
}
