package wasmrun_test

import (
	"context"
	"testing"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasm"
)

// BenchmarkHostCall measures one Wasm→host→Wasm round trip through the
// public API, on every engine.
func BenchmarkHostCall(b *testing.B) {
	for _, e := range []wasmrun.EngineKind{wasmrun.EngineInterp, wasmrun.EngineJIT} {
		ctx := context.Background()
		rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: e})
		if err != nil {
			continue
		}
		b.Run(string(e), func(b *testing.B) {
			defer rt.Close(ctx)
			i64 := []wasm.ValType{wasm.I64}
			if _, err := rt.NewHostModule("env").Func("inc", i64, i64,
				func(_ context.Context, _ *wasmrun.Caller, s []uint64) { s[0]++ }).Instantiate(ctx); err != nil {
				b.Fatal(err)
			}
			inst := instantiate(b, rt, `(module (import "env" "inc" (func $inc (param i64) (result i64)))
			  (memory 1)
			  (func (export "loop") (param $n i64) (result i64) (local $acc i64)
			    (block (loop (br_if 1 (i64.eqz (local.get $n)))
			      (local.set $acc (call $inc (local.get $acc)))
			      (local.set $n (i64.sub (local.get $n) (i64.const 1))) (br 0)))
			    (local.get $acc)))`, "")
			f := inst.ExportedFunction("loop")
			stack := []uint64{0}
			const n = 1000
			for b.Loop() {
				stack[0] = n
				if err := f.CallWithStack(ctx, stack); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/hostcall")
		})
	}
}

// BenchmarkInstantiate measures the instantiation (and closing) of a
// small module with a memory, a table and a global.
func BenchmarkInstantiate(b *testing.B) {
	for _, e := range []wasmrun.EngineKind{wasmrun.EngineInterp, wasmrun.EngineJIT} {
		ctx := context.Background()
		rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: e})
		if err != nil {
			continue
		}
		b.Run(string(e), func(b *testing.B) {
			defer rt.Close(ctx)
			mod, err := rt.Compile(ctx, []byte(smallModuleWat))
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
				if err != nil {
					b.Fatal(err)
				}
				inst.Close(ctx)
			}
		})
	}
}

const smallModuleWat = `(module
  (memory (export "memory") 1)
  (table 4 funcref)
  (global $g (mut i32) (i32.const 0))
  (elem (i32.const 0) $inc $get)
  (type $t (func (result i32)))
  (func $inc (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g))
  (func $get (result i32) (global.get $g))
  (func (export "run") (result i32)
    (drop (call_indirect (type $t) (i32.const 0)))
    (i32.store (i32.const 0) (call_indirect (type $t) (i32.const 1)))
    (i32.load (i32.const 0))))`
