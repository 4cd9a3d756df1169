//go:build linux && (amd64 || arm64)

package jit

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// outcome is what a call produced: results (NaNs reduced to their
// class), or a trap code.
type outcome struct {
	Results []uint64
	Trap    store.TrapCode
	Memory  []byte
}

func normalise(t wasm.ValType, v uint64) uint64 {
	// A NaN result of an arithmetic instruction may be any quiet NaN when
	// an operand is a non-canonical NaN (canonical included), so quiet
	// NaNs compare as one class; that canonical operands give a canonical
	// result is what the spec suite's nan:canonical assertions check.
	// Signalling NaNs (from the bitwise abs, neg, copysign) compare
	// exactly.
	switch t {
	case wasm.F32:
		if f := math.Float32frombits(uint32(v)); f != f && v&0x400000 != 0 {
			return 0x7fc00000
		}
	case wasm.F64:
		if f := math.Float64frombits(v); f != f && v&(1<<51) != 0 {
			return 0x7ff8000000000000
		}
	}
	return v
}

func call(t *testing.T, inst *store.Instance, name string, args []uint64) outcome {
	t.Helper()
	f := inst.ExportedFunc(name)
	stack := make([]uint64, f.StackSlots())
	copy(stack, args)
	// A miscompiled loop counter may never reach zero: bound every call.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := f.Call(ctx, stack)
	var o outcome
	var trap *store.Trap
	switch {
	case errors.As(err, &trap):
		o.Trap = trap.Code
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	default:
		j := 0
		for _, rt := range f.Type.Results {
			o.Results = append(o.Results, normalise(rt, stack[j]))
			if rt == wasm.V128 {
				o.Results = append(o.Results, stack[j+1])
			}
			j += rt.Slots()
		}
	}
	if len(inst.Memories) > 0 {
		o.Memory = append([]byte(nil), inst.Memories[0].Bytes()...)
	}
	return o
}

var edge32 = []uint64{0, 1, 2, 31, 32, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0x3f800000, 0xbf800000,
	0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00001, 0x00000001, 0x4f000000, 0xcf000000, 0x4f800000, 0x5f000000, 0xdf000000}
var edge64 = []uint64{0, 1, 2, 63, 64, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x3ff0000000000000,
	0xbff0000000000000, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0x7ff4000000000001,
	0x41e0000000000000, 0xc1e0000000000000, 0x43e0000000000000, 0xc3e0000000000000, 0x41efffffffe00000, 0x43f0000000000000}

func randArg(r *rand.Rand, t wasm.ValType) uint64 {
	edges := edge64
	if t == wasm.I32 || t == wasm.F32 {
		edges = edge32
	}
	if r.IntN(3) == 0 {
		return edges[r.IntN(len(edges))]
	}
	v := r.Uint64()
	if t == wasm.F64 && r.IntN(2) == 0 {
		v = math.Float64bits(r.NormFloat64() * math.Ldexp(1, r.IntN(140)-70))
	}
	if t == wasm.F32 && r.IntN(2) == 0 {
		v = uint64(math.Float32bits(float32(r.NormFloat64() * math.Ldexp(1, r.IntN(80)-40))))
	}
	if t == wasm.I32 || t == wasm.F32 {
		v = uint64(uint32(v))
	}
	return v
}

// Every scalar numeric instruction gives the same results and traps on
// the JIT as on the interpreter, on edge cases and random operands.
func TestDifferentialScalarOps(t *testing.T) {
	var src []byte
	src = append(src, "(module\n"...)
	type fn struct {
		name string
		info *wasm.OpInfo
	}
	var fns []fn
	for op := wasm.Op(0); op < 0x300; op++ {
		info, ok := op.Info()
		if !ok || info.Special || info.Imm != wasm.ImmNone || len(info.Results) != 1 || len(info.Params) == 0 {
			continue
		}
		name := fmt.Sprintf("f%d", op)
		fns = append(fns, fn{name, info})
		src = fmt.Appendf(src, "(func (export %q) (param", name)
		for _, p := range info.Params {
			src = fmt.Appendf(src, " %s", p)
		}
		src = fmt.Appendf(src, ") (result %s)", info.Results[0])
		for i := range info.Params {
			src = fmt.Appendf(src, " local.get %d", i)
		}
		src = fmt.Appendf(src, " %s)\n", info.Name)
	}
	src = append(src, ")"...)
	jitInst := instantiate(t, New(Config{}), string(src), nil)
	refInst := instantiate(t, interp.New(interp.Config{}), string(src), nil)
	r := rand.New(rand.NewPCG(1, 2))
	for _, f := range fns {
		for i := 0; i < 300; i++ {
			args := make([]uint64, len(f.info.Params))
			for j, p := range f.info.Params {
				args[j] = randArg(r, p)
			}
			want := call(t, refInst, f.name, args)
			got := call(t, jitInst, f.name, args)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s%#x: (-interp +jit)\n%s", f.info.Name, args, diff)
				break
			}
		}
	}
}

// Programs with control flow, calls, memory and tables agree with the
// interpreter on results, traps and the final memory.
func TestDifferentialPrograms(t *testing.T) {
	src := `(module
	  (memory 1 4)
	  (table 4 funcref) (elem (i32.const 0) $sq $neg)
	  (type $un (func (param i64) (result i64)))
	  (global $g (mut i64) (i64.const 7))
	  (func $sq (type $un) (i64.mul (local.get 0) (local.get 0)))
	  (func $neg (type $un) (i64.sub (i64.const 0) (local.get 0)))
	  (func (export "indirect") (param i32 i64) (result i64)
	    (call_indirect (type $un) (local.get 1) (local.get 0)))
	  (type $other (func (param i32) (result i32)))
	  (func (export "mismatch") (param i32) (result i32)
	    (call_indirect (type $other) (i32.const 5) (local.get 0)))
	  (func (export "reset") (param i32) (table.set (local.get 0) (ref.null func)))
	  (func (export "sum") (param $n i32) (result i64) (local $i i32) (local $acc i64)
	    (block (loop
	      (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
	      (i64.store offset=16 (i32.shl (local.get $i) (i32.const 3)) (i64.extend_i32_u (local.get $i)))
	      (local.set $acc (i64.add (local.get $acc) (i64.load offset=16 (i32.shl (local.get $i) (i32.const 3)))))
	      (local.set $i (i32.add (local.get $i) (i32.const 1)))
	      (br 0)))
	    (global.set $g (i64.add (global.get $g) (local.get $acc)))
	    (i64.add (local.get $acc) (global.get $g)))
	  (func (export "grow") (param i32) (result i32)
	    (drop (memory.grow (local.get 0)))
	    (i32.store8 (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 1)) (i32.const 255))
	    (memory.size))
	  (func (export "switch") (param i32) (result i32)
	    (block (block (block (block (br_table 0 1 2 3 (local.get 0)))
	      (return (i32.const 10))) (return (i32.const 20))) (return (i32.const 30)))
	    (i32.const 40))
	  (func (export "bytes") (param i32 i32) (result i32)
	    (memory.fill (local.get 0) (i32.const 0xab) (local.get 1))
	    (memory.copy (i32.add (local.get 0) (i32.const 3)) (local.get 0) (local.get 1))
	    (i32.load16_s offset=1 (local.get 0))))`
	jitInst := instantiate(t, New(Config{}), src, nil)
	refInst := instantiate(t, interp.New(interp.Config{}), src, nil)
	tests := []struct {
		f    string
		args []uint64
	}{
		{"indirect", []uint64{0, 12}}, {"indirect", []uint64{1, 12}}, {"indirect", []uint64{2, 12}}, {"indirect", []uint64{9, 1}},
		{"indirect", []uint64{0, 5}}, {"mismatch", []uint64{0}}, {"mismatch", []uint64{1}}, {"reset", []uint64{0}},
		{"indirect", []uint64{0, 5}}, {"indirect", []uint64{1, 5}},
		{"sum", []uint64{0}}, {"sum", []uint64{100}}, {"sum", []uint64{8190}}, {"sum", []uint64{9000}},
		{"switch", []uint64{0}}, {"switch", []uint64{2}}, {"switch", []uint64{3}}, {"switch", []uint64{1 << 31}},
		{"bytes", []uint64{100, 50}}, {"bytes", []uint64{65530, 3}}, {"bytes", []uint64{65534, 8}},
		{"grow", []uint64{1}}, {"grow", []uint64{2}}, {"grow", []uint64{5}},
	}
	for _, tt := range tests {
		want := call(t, refInst, tt.f, tt.args)
		got := call(t, jitInst, tt.f, tt.args)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s%v: (-interp +jit)\n%s", tt.f, tt.args, diff)
		}
	}
}

// Every integer and bitwise SIMD instruction over v128 operands agrees
// with the interpreter on random operands.
func TestDifferentialSIMDIntegerOps(t *testing.T) {
	var src []byte
	src = append(src, "(module\n"...)
	type fn struct {
		name string
		info *wasm.OpInfo
	}
	var fns []fn
	for op := wasm.Op(0x300); op < 0x400; op++ {
		info, ok := op.Info()
		if !ok || info.Special || info.Imm != wasm.ImmNone || len(info.Results) != 1 || len(info.Params) == 0 ||
			info.Name[0] == 'f' || info.Results[0] != wasm.V128 {
			continue
		}
		allV128 := true
		for _, p := range info.Params {
			allV128 = allV128 && p == wasm.V128
		}
		if !allV128 || strings.Contains(info.Name, "convert") || strings.Contains(info.Name, "trunc") {
			continue
		}
		name := fmt.Sprintf("f%d", op)
		fns = append(fns, fn{name, info})
		src = fmt.Appendf(src, "(func (export %q) (param", name)
		for range info.Params {
			src = fmt.Appendf(src, " v128")
		}
		src = fmt.Appendf(src, ") (result v128)")
		for i := range info.Params {
			src = fmt.Appendf(src, " local.get %d", i)
		}
		src = fmt.Appendf(src, " %s)\n", info.Name)
	}
	src = append(src, ")"...)
	jitInst := instantiate(t, New(Config{}), string(src), nil)
	refInst := instantiate(t, interp.New(interp.Config{}), string(src), nil)
	r := rand.New(rand.NewPCG(3, 4))
	for _, f := range fns {
		for i := 0; i < 50; i++ {
			args := make([]uint64, 2*len(f.info.Params))
			for j := range args {
				args[j] = r.Uint64()
				if r.IntN(4) == 0 {
					args[j] = edge64[r.IntN(len(edge64))]
				}
			}
			want := call(t, refInst, f.name, args)
			got := call(t, jitInst, f.name, args)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s%#x: (-interp +jit)\n%s", f.info.Name, args, diff)
				break
			}
		}
	}
	if len(fns) < 50 {
		t.Errorf("only %d SIMD instructions tested", len(fns))
	}
}
