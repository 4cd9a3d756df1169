//go:build linux && (amd64 || arm64)

package jit

import (
	"context"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
)

// A function whose code is larger than the reach of a conditional branch
// (1 MiB on arm64): a br_if and a bounds check at its start jump past
// more than a megabyte of code to the block's end and the trap stub. It
// compiles (on arm64 with long branches) and agrees with the
// interpreter, taken and not taken, trapping and not.
func TestBranchesAcrossAHugeFunction(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a 2 MB function")
	}
	var body strings.Builder
	for i := 0; i < 150000; i++ {
		body.WriteString("(local.set 1 (i32.xor (i32.add (local.get 1) (i32.const 3)) (local.get 0)))\n")
	}
	src := `(module (memory 1)
	  (func (export "f") (param i32) (result i32) (local i32)
	    (local.set 1 (i32.load (local.get 0)))
	    (block (br_if 0 (i32.eqz (local.get 0)))
	` + body.String() + `)
	    (local.get 1)))`
	jitInst := instantiate(t, New(Config{}), src, nil)
	ref := instantiate(t, interp.New(interp.Config{}), src, nil)
	mod := jitInst.Module.Code.(*module)
	if _, code := mod.funcBytes(0); len(code) < 1<<20 {
		t.Fatalf("the function has %d bytes of code, want more than 1 MiB", len(code))
	}
	for _, arg := range []uint64{0, 8, 65533, 70000} {
		a, b := []uint64{arg}, []uint64{arg}
		errJ := jitInst.ExportedFunc("f").Call(context.Background(), a)
		errR := ref.ExportedFunc("f").Call(context.Background(), b)
		var tj, tr store.TrapCode
		if trap, ok := errJ.(*store.Trap); ok {
			tj = trap.Code
		} else if errJ != nil {
			t.Fatal(errJ)
		}
		if trap, ok := errR.(*store.Trap); ok {
			tr = trap.Code
		} else if errR != nil {
			t.Fatal(errR)
		}
		if tj != tr || tj == 0 && a[0] != b[0] {
			t.Errorf("f(%d): jit %d (trap %v), interpreter %d (trap %v)", arg, a[0], tj, b[0], tr)
		}
	}
}
