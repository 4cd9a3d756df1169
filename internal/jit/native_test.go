//go:build linux && (amd64 || arm64)

package jit

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestEveryNumericAndSIMDInstructionIsNative compiles every numeric and
// SIMD instruction of the opcode table (fixed signature: no control,
// variable, reference, table, call or bulk-memory instruction) in a
// function of its own and checks that the machine code never exits to Go
// for it: the function's helper list is empty.
func TestEveryNumericAndSIMDInstructionIsNative(t *testing.T) {
	e := New(Config{})
	n := 0
	for op := wasm.Op(0); op < 0x400; op++ {
		info, ok := op.Info()
		if !ok || info.Special || len(info.Results) > 1 {
			continue
		}
		switch info.Imm {
		case wasm.ImmNone, wasm.ImmMemArg, wasm.ImmLane, wasm.ImmMemArgLane, wasm.ImmShuffle, wasm.ImmV128,
			wasm.ImmI32, wasm.ImmI64, wasm.ImmF32, wasm.ImmF64:
		default:
			continue
		}
		if op == wasm.OpUnreachable || op == wasm.OpNop || op == wasm.OpMemoryGrow {
			continue // control, or an exit to Go by design
		}
		var b strings.Builder
		b.WriteString("(module (memory 1) (func (export \"f\")")
		for _, p := range info.Params {
			fmt.Fprintf(&b, " (param %s)", p)
		}
		for _, r := range info.Results {
			fmt.Fprintf(&b, " (result %s)", r)
		}
		for i := range info.Params {
			fmt.Fprintf(&b, " local.get %d", i)
		}
		fmt.Fprintf(&b, " %s", info.Name)
		switch info.Imm {
		case wasm.ImmLane, wasm.ImmMemArgLane:
			b.WriteString(" 1")
		case wasm.ImmShuffle:
			b.WriteString(" 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31")
		case wasm.ImmV128:
			b.WriteString(" i32x4 1 2 3 4")
		case wasm.ImmI32, wasm.ImmI64, wasm.ImmF32, wasm.ImmF64:
			b.WriteString(" 1")
		}
		b.WriteString("))")
		t.Run(info.Name, func(t *testing.T) {
			m, err := text.ParseModule([]byte(b.String()))
			if err != nil {
				t.Fatalf("%s: %v", b.String(), err)
			}
			if m, err = binary.Decode(binary.Encode(m)); err != nil {
				t.Fatal(err)
			}
			vi, err := validate.Module(m)
			if err != nil {
				t.Fatalf("%s: %v", b.String(), err)
			}
			code, err := e.Compile(m, vi)
			if err != nil {
				t.Fatal(err)
			}
			fc := code.(*module).funcs[0]
			if len(fc.helpers) != 0 {
				t.Errorf("%s exits to Go (helpers %v)", info.Name, fc.helpers)
			}
		})
		n++
	}
	if n < 390 {
		t.Errorf("checked %d instructions, want the 2.0 set (>= 390)", n)
	}
	t.Logf("%d instructions compile to native code only", n)
}

// The table, reference, segment and bulk-memory instructions are
// compiled too: only memory.grow and table.grow (which allocate) leave to
// Go, and the bulk operations when they move more than store.BulkChunk
// units (Go moves those in chunks with interruption checks between them).
func TestOnlyGrowLeavesToGo(t *testing.T) {
	m, err := text.ParseModule([]byte(`(module (memory 1) (table $t 4 funcref) (table $e 2 externref)
	  (elem $seg func $f $f) (data $d "abc")
	  (func $f (param i32 externref) (result i32)
	    (table.set $t (local.get 0) (table.get $t (i32.const 1)))
	    (table.set $e (i32.const 0) (local.get 1))
	    (table.fill $t (i32.const 0) (ref.func $f) (i32.const 2))
	    (table.copy $t $t (i32.const 1) (i32.const 0) (i32.const 3))
	    (table.init $t $seg (i32.const 0) (i32.const 0) (i32.const 2))
	    (elem.drop $seg)
	    (memory.init $d (i32.const 8) (i32.const 0) (i32.const 3))
	    (data.drop $d)
	    (memory.copy (i32.const 0) (i32.const 8) (i32.const 3))
	    (memory.fill (i32.const 16) (i32.const 1) (i32.const 4))
	    (drop (memory.grow (i32.const 1)))
	    (drop (table.grow $t (ref.null func) (i32.const 1)))
	    (i32.add (table.size $t) (ref.is_null (table.get $e (local.get 0))))))`))
	if err != nil {
		t.Fatal(err)
	}
	vi, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	code, err := New(Config{}).Compile(m, vi)
	if err != nil {
		t.Fatal(err)
	}
	var ops []wasm.Op
	for _, h := range code.(*module).funcs[0].helpers {
		ops = append(ops, h.Op)
	}
	want := []wasm.Op{wasm.OpTableFill, wasm.OpTableCopy, wasm.OpTableInit, wasm.OpMemoryInit, wasm.OpMemoryCopy, wasm.OpMemoryFill,
		wasm.OpMemoryGrow, wasm.OpTableGrow}
	if !slices.Equal(ops, want) {
		t.Errorf("exits to Go for %v, want only %v", ops, want)
	}
}
