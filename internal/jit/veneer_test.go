//go:build linux && (amd64 || arm64)

package jit

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
)

// On a machine whose calls have a limited reach (arm64's BL: ±128 MiB), a
// module larger than the reach calls through islands of veneers. With
// the reach made small (64 KiB), a module of 300 functions of about a
// kilobyte each, calling each other across the module and trapping
// through the exit stub, agrees with the interpreter.
func TestCallsThroughVeneers(t *testing.T) {
	if arch.veneer == nil {
		t.Skip("calls on this machine reach the whole module")
	}
	defer func(r int) { arch.callReach = r }(arch.callReach)
	arch.callReach = 64 << 10
	const n = 300
	var b strings.Builder
	b.WriteString("(module (memory 1)\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "(func $f%d (export \"f%d\") (param i32) (result i32) (local i32)\n", i, i)
		fmt.Fprintf(&b, "  (if (i32.eqz (local.get 0)) (then (return (i32.load (i32.const %d)))))\n", 65536-4+(i%2)*8) // odd functions trap
		for k := 0; k < 40; k++ {
			fmt.Fprintf(&b, "  (local.set 1 (i32.xor (i32.add (local.get 1) (i32.const %d)) (local.get 0)))\n", k*i+1)
		}
		fmt.Fprintf(&b, "  (i32.add (local.get 1) (call $f%d (i32.sub (local.get 0) (i32.const 1)))))\n", (i*7+3)%n)
	}
	b.WriteString(")")
	src := b.String()
	jitInst := instantiate(t, New(Config{}), src, nil)
	ref := instantiate(t, interp.New(interp.Config{}), src, nil)
	mod := jitInst.Module.Code.(*module)
	if len(mod.code) <= arch.callReach {
		t.Fatalf("%d bytes of code, want more than the reach %d", len(mod.code), arch.callReach)
	}
	for _, f := range []string{"f0", "f1", "f150", "f299"} {
		for _, arg := range []uint64{0, 1, 5, 40} {
			a, r := []uint64{arg}, []uint64{arg}
			errJ := jitInst.ExportedFunc(f).Call(context.Background(), a)
			errR := ref.ExportedFunc(f).Call(context.Background(), r)
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
			if tj != tr || tj == 0 && uint32(a[0]) != uint32(r[0]) {
				t.Errorf("%s(%d): jit %d (trap %v), interpreter %d (trap %v)", f, arg, a[0], tj, r[0], tr)
			}
		}
	}
}
