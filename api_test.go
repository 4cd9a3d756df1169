package wasmrun_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasm"
)

const fibWat = `(module
  (func $fib (export "fib") (param i64) (result i64)
    (if (result i64) (i64.lt_u (local.get 0) (i64.const 2))
      (then (local.get 0))
      (else (i64.add (call $fib (i64.sub (local.get 0) (i64.const 1)))
                     (call $fib (i64.sub (local.get 0) (i64.const 2))))))))`

// forEachEngine runs test on every engine available on this platform.
func forEachEngine(t *testing.T, test func(*testing.T, wasmrun.EngineKind)) {
	for _, e := range []wasmrun.EngineKind{wasmrun.EngineInterp, wasmrun.EngineJIT} {
		rt, err := wasmrun.NewRuntime(context.Background(), wasmrun.RuntimeConfig{Engine: e})
		if err != nil {
			continue // not on this platform
		}
		rt.Close(context.Background())
		t.Run(string(e), func(t *testing.T) { test(t, e) })
	}
}

func newRuntime(t testing.TB, cfg wasmrun.RuntimeConfig) *wasmrun.Runtime {
	t.Helper()
	ctx := context.Background()
	rt, err := wasmrun.NewRuntime(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close(ctx) })
	return rt
}

func instantiate(t testing.TB, rt *wasmrun.Runtime, src, name string) *wasmrun.Instance {
	t.Helper()
	ctx := context.Background()
	mod, err := rt.Compile(ctx, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestCallResults(t *testing.T) { forEachEngine(t, testCallResults) }

func testCallResults(t *testing.T, engine wasmrun.EngineKind) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	inst := instantiate(t, rt, fibWat, "")
	fib := inst.ExportedFunction("fib")
	for _, tc := range []struct{ n, want uint64 }{{0, 0}, {1, 1}, {2, 1}, {10, 55}, {25, 75025}} {
		got, err := fib.Call(context.Background(), tc.n)
		if err != nil {
			t.Fatal(err)
		}
		if got[0] != tc.want {
			t.Errorf("fib(%d) = %d, want %d", tc.n, got[0], tc.want)
		}
	}
	if _, err := fib.Call(context.Background()); err == nil {
		t.Error("call with too few arguments succeeded")
	}
	if inst.ExportedFunction("nope") != nil {
		t.Error("missing export found")
	}
}

// Many instances run at once on their own goroutines (run with -race).
func TestConcurrentInstances(t *testing.T) { forEachEngine(t, testConcurrentInstances) }

func testConcurrentInstances(t *testing.T, engine wasmrun.EngineKind) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	ctx := context.Background()
	mod, err := rt.Compile(ctx, []byte(`(module
	  (memory 1)
	  (func $fib (param i64) (result i64)
	    (if (result i64) (i64.lt_u (local.get 0) (i64.const 2))
	      (then (local.get 0))
	      (else (i64.add (call $fib (i64.sub (local.get 0) (i64.const 1)))
	                     (call $fib (i64.sub (local.get 0) (i64.const 2)))))))
	  (func (export "run") (param i32 i64) (result i64)
	    (i64.store (local.get 0) (call $fib (local.get 1)))
	    (i64.load (local.get 0))))`))
	if err != nil {
		t.Fatal(err)
	}
	const workers = 16
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
			if err != nil {
				errs <- err
				return
			}
			run := inst.ExportedFunction("run")
			for i := range 20 {
				n := uint64(10 + (w+i)%8)
				got, err := run.Call(ctx, uint64(8*w), n)
				if err != nil {
					errs <- err
					return
				}
				if want := fib(n); got[0] != want {
					errs <- fmt.Errorf("worker %d: fib(%d) = %d, want %d", w, n, got[0], want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func fib(n uint64) uint64 {
	a, b := uint64(0), uint64(1)
	for range n {
		a, b = b, a+b
	}
	return a
}

const spinWat = `(module (func (export "spin") (loop $l (br $l))))`

func TestCancelStopsInfiniteLoop(t *testing.T) { forEachEngine(t, testCancelStopsInfiniteLoop) }

func testCancelStopsInfiniteLoop(t *testing.T, engine wasmrun.EngineKind) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	spin := instantiate(t, rt, spinWat, "").ExportedFunction("spin")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := spin.Call(ctx)
	var trap *wasmrun.Trap
	if !errors.As(err, &trap) || trap.Code.String() != "cancelled" && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("spin returned %v, want a cancellation trap", err)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v does not wrap the context's error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancellation took %v", d)
	}
}

func TestFuelAndCallDepth(t *testing.T) { forEachEngine(t, testFuelAndCallDepth) }

func testFuelAndCallDepth(t *testing.T, engine wasmrun.EngineKind) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine, Fuel: 1000})
	_, err := instantiate(t, rt, spinWat, "").ExportedFunction("spin").Call(context.Background())
	var trap *wasmrun.Trap
	if !errors.As(err, &trap) || trap.Code != wasmrun.TrapCode(trapOutOfFuel(t)) {
		t.Fatalf("spin with fuel: %v, want out of fuel", err)
	}

	rt = newRuntime(t, wasmrun.RuntimeConfig{Engine: engine, MaxCallDepth: 100})
	inst := instantiate(t, rt, `(module (func $f (export "f") (param i32) (result i32)
	  (if (result i32) (local.get 0) (then (call $f (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 7)))))`, "")
	f := inst.ExportedFunction("f")
	if got, err := f.Call(context.Background(), 50); err != nil || got[0] != 7 {
		t.Fatalf("f(50) = %v, %v; want 7", got, err)
	}
	_, err = f.Call(context.Background(), 1000)
	if !errors.As(err, &trap) || trap.Code.String() != "call stack exhausted" {
		t.Fatalf("f(1000) with depth 100: %v, want call stack exhausted", err)
	}
}

func trapOutOfFuel(t *testing.T) uint8 {
	for c := uint8(1); c < 64; c++ {
		if wasmrun.TrapCode(c).String() == "out of fuel" {
			return c
		}
	}
	t.Fatal("no trap code says out of fuel")
	return 0
}

func TestImportsBetweenInstances(t *testing.T) { forEachEngine(t, testImportsBetweenInstances) }

func testImportsBetweenInstances(t *testing.T, engine wasmrun.EngineKind) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	ctx := context.Background()
	instantiate(t, rt, `(module
	  (memory (export "mem") 1)
	  (global (export "g") (mut i32) (i32.const 5))
	  (func (export "twice") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))`, "lib")
	user := instantiate(t, rt, `(module
	  (import "lib" "twice" (func $twice (param i32) (result i32)))
	  (import "lib" "mem" (memory 1))
	  (import "lib" "g" (global $g (mut i32)))
	  (func (export "go") (result i32)
	    (i32.store (i32.const 0) (call $twice (global.get $g)))
	    (global.set $g (i32.const 9))
	    (i32.load (i32.const 0))))`, "")
	got, err := user.ExportedFunction("go").Call(ctx)
	if err != nil || got[0] != 10 {
		t.Fatalf("go() = %v, %v; want 10", got, err)
	}
	if v, _ := user.Memory().ReadUint32Le(0); v != 10 {
		t.Errorf("shared memory holds %d, want 10", v)
	}

	mod, err := rt.Compile(ctx, []byte(`(module (import "lib" "twice" (func (param i64))))`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{}); err == nil {
		t.Error("import with the wrong type linked")
	}
}

func TestHostFunctionErrorsAndMemory(t *testing.T) { forEachEngine(t, testHostFunctionErrorsAndMemory) }

func testHostFunctionErrorsAndMemory(t *testing.T, engine wasmrun.EngineKind) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	ctx := context.Background()
	errBoom := errors.New("boom")
	_, err := rt.NewHostModule("env").
		Func("fail", nil, nil, func(context.Context, *wasmrun.Caller, []uint64) { panic(errBoom) }).
		Func("sum", []wasm.ValType{wasm.I32, wasm.I32}, []wasm.ValType{wasm.I64},
			func(_ context.Context, c *wasmrun.Caller, stack []uint64) {
				b, ok := c.Memory().Read(stack[0], stack[1])
				if !ok {
					panic(errors.New("out of bounds"))
				}
				var s uint64
				for _, x := range b {
					s += uint64(x)
				}
				stack[0] = s
			}).
		Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inst := instantiate(t, rt, `(module
	  (import "env" "fail" (func $fail))
	  (import "env" "sum" (func $sum (param i32 i32) (result i64)))
	  (memory 1)
	  (data (i32.const 100) "\01\02\03\04")
	  (func (export "fail") (call $fail))
	  (func (export "sum") (param i32 i32) (result i64) (call $sum (local.get 0) (local.get 1))))`, "")
	if _, err := inst.ExportedFunction("fail").Call(ctx); !errors.Is(err, errBoom) {
		t.Errorf("fail() = %v, want the host's error", err)
	}
	if got, err := inst.ExportedFunction("sum").Call(ctx, 100, 4); err != nil || got[0] != 10 {
		t.Errorf("sum(100, 4) = %v, %v; want 10", got, err)
	}
	if _, err := inst.ExportedFunction("sum").Call(ctx, 65535, 4); err == nil {
		t.Error("out-of-bounds host read did not fail")
	}
}

func TestMemoryBaseStableAcrossGrow(t *testing.T) { forEachEngine(t, testMemoryBaseStableAcrossGrow) }

func testMemoryBaseStableAcrossGrow(t *testing.T, engine wasmrun.EngineKind) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	inst := instantiate(t, rt, `(module (memory (export "memory") 1 100)
	  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))`, "")
	mem := inst.ExportedMemory("memory")
	before := mem.Bytes()
	if !mem.WriteUint64Le(8, 0xDEADBEEF) {
		t.Fatal("write failed")
	}
	got, err := inst.ExportedFunction("grow").Call(context.Background(), 10)
	if err != nil || got[0] != 1 {
		t.Fatalf("grow(10) = %v, %v; want 1", got, err)
	}
	after := mem.Bytes()
	if len(after) != 11*wasm.PageSize {
		t.Errorf("size after grow %d, want %d", len(after), 11*wasm.PageSize)
	}
	if unsafe.SliceData(before) != unsafe.SliceData(after) {
		t.Error("memory base moved on grow")
	}
	if v, _ := mem.ReadUint64Le(8); v != 0xDEADBEEF {
		t.Errorf("content after grow %#x", v)
	}
	if _, ok := mem.Read(uint64(len(after))-4, 8); ok {
		t.Error("read past the end succeeded")
	}
}

// Wasm-to-Wasm calls and executed instructions allocate nothing: the
// allocation count of a call does not depend on how much it executes.
func TestNoAllocationPerInstructionOrCall(t *testing.T) {
	forEachEngine(t, testNoAllocationPerInstructionOrCall)
}

func testNoAllocationPerInstructionOrCall(t *testing.T, engine wasmrun.EngineKind) {
	if raceEnabled {
		t.Skip("allocation counts are not stable under the race detector")
	}
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
	fibFn := instantiate(t, rt, fibWat, "").ExportedFunction("fib")
	ctx := context.Background()
	stack := make([]uint64, fibFn.StackSlots())
	for _, n := range []uint64{5, 20} {
		allocs := testing.AllocsPerRun(20, func() {
			stack[0] = n
			if err := fibFn.CallWithStack(ctx, stack); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("fib(%d): %v allocations per call, want 0", n, allocs)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{})
	for _, tc := range []struct{ name, src, want string }{
		{"binary", "\x00asm\x02\x00\x00\x00", "unknown binary version"},
		{"text", "(module (func (i32.add)))", "type mismatch"},
		{"syntax", "(module (func (i32.frob)))", "unknown operator"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rt.Compile(context.Background(), []byte(tc.src))
			if err == nil || !contains(err.Error(), tc.want) {
				t.Errorf("Compile error %v, want it to mention %q", err, tc.want)
			}
		})
	}
	if _, err := wasmrun.NewRuntime(context.Background(), wasmrun.RuntimeConfig{Engine: "warp"}); err == nil {
		t.Error("unknown engine accepted")
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
