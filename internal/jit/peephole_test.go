//go:build linux && (amd64 || arm64)

package jit

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/wasm"
)

// The instruction sequences the selector fuses (a mask tested by eqz or
// consumed as a condition, a multiply by 3, 5 or 9 with a constant added,
// a pinned local plus a constant, an i32 local widened) agree with the
// interpreter whether their operand is a pinned local, a temporary or a
// local left in its slot, for constants at the edges of their encodings.
func TestDifferentialPeepholes(t *testing.T) {
	// Each pattern is an expression of one integer operand, written X,
	// of the pattern's type; the result is an i64 or i32.
	type pattern struct {
		t    wasm.ValType // operand type
		rt   wasm.ValType // result type
		expr string
	}
	var pats []pattern
	for _, k := range []string{"1", "0xff", "0x80000000", "-1", "0x7fffffff", "0"} {
		pats = append(pats,
			pattern{wasm.I32, wasm.I32, "(i32.eqz (i32.and X (i32.const " + k + ")))"},
			pattern{wasm.I32, wasm.I32, "(select (i32.const 11) (i32.const 22) (i32.and X (i32.const " + k + ")))"},
			pattern{wasm.I32, wasm.I32, "(if (result i32) (i32.and X (i32.const " + k + ")) (then (i32.const 3)) (else (i32.const 4)))"},
			pattern{wasm.I32, wasm.I32, "(block (result i32) (br_if 0 (i32.const 5) (i32.and X (i32.const " + k + "))) (drop) (i32.const 6))"},
		)
	}
	for _, k := range []string{"1", "0xff", "0x7fffffff", "-1", "-2147483648", "0x80000000", "0"} {
		pats = append(pats, pattern{wasm.I64, wasm.I32, "(i64.eqz (i64.and X (i64.const " + k + ")))"})
	}
	for _, m := range []string{"3", "5", "9", "2", "7", "-3"} {
		for _, k := range []string{"1", "-1", "0x7fffffff", "-2147483648", "0x80000000", "0"} {
			pats = append(pats, pattern{wasm.I32, wasm.I32, "(i32.add (i32.mul X (i32.const " + m + ")) (i32.const " + k + "))"})
		}
		for _, k := range []string{"1", "-1", "0x7fffffff", "-2147483648", "0x80000000", "-2147483649", "0x100000000", "0"} {
			pats = append(pats, pattern{wasm.I64, wasm.I64, "(i64.add (i64.mul X (i64.const " + m + ")) (i64.const " + k + "))"})
		}
		pats = append(pats,
			pattern{wasm.I32, wasm.I32, "(i32.mul X (i32.const " + m + "))"},
			pattern{wasm.I64, wasm.I64, "(i64.sub (i64.mul X (i64.const " + m + ")) (i64.const 1))"},
		)
	}
	for _, k := range []string{"1", "-1", "0x7fffffff", "-2147483648", "0x80000000"} {
		pats = append(pats,
			pattern{wasm.I32, wasm.I32, "(i32.add X (i32.const " + k + "))"},
			pattern{wasm.I64, wasm.I64, "(i64.add X (i64.const " + k + "))"},
		)
	}
	pats = append(pats, pattern{wasm.I64, wasm.I64, "(i64.add X (i64.const 0x80000000))"})
	pats = append(pats,
		pattern{wasm.I32, wasm.I64, "(i64.extend_i32_u X)"},
		pattern{wasm.I32, wasm.I64, "(i64.add (i64.extend_i32_u X) (i64.const 0x100000000))"},
	)

	// Operand forms: parameter $a (pinned: the most used local), a
	// temporary computed from it, and parameter $z, which the many
	// busier locals keep out of the registers.
	forms := map[wasm.ValType][]string{}
	for _, t := range []wasm.ValType{wasm.I32, wasm.I64} {
		forms[t] = []string{
			fmt.Sprintf("(local.get $a%s)", t),
			fmt.Sprintf("(%s.xor (local.get $a%s) (local.get $b%s))", t, t, t),
			fmt.Sprintf("(local.get $z%s)", t),
		}
	}
	var mod strings.Builder
	mod.WriteString("(module\n")
	type fn struct {
		name string
		t    wasm.ValType
	}
	var fns []fn
	for i, p := range pats {
		for j, x := range forms[p.t] {
			name := fmt.Sprintf("f%d_%d", i, j)
			fns = append(fns, fn{name, p.t})
			tn := p.t.String()
			// Busy locals $l0..$l5 take the pinned registers from $z.
			fmt.Fprintf(&mod, "(func (export %q) (param $a%s %s) (param $b%s %s) (param $z%s %s) (result %s)\n", name, tn, tn, tn, tn, tn, tn, p.rt)
			mod.WriteString("  (local $l0 i64) (local $l1 i64) (local $l2 i64) (local $l3 i64) (local $l4 i64) (local $l5 i64) (local $r " + p.rt.String() + ")\n")
			mod.WriteString("  (local.set $l0 (i64.const 1)) (local.set $l1 (i64.const 2)) (local.set $l2 (i64.const 3)) (local.set $l3 (i64.const 4)) (local.set $l4 (i64.const 5)) (local.set $l5 (i64.const 6))\n")
			mod.WriteString("  (block (loop\n")
			fmt.Fprintf(&mod, "    (local.set $r (%s.add (local.get $r) %s))\n", p.rt, strings.ReplaceAll(p.expr, "X", x))
			mod.WriteString("    (local.set $l0 (i64.add (local.get $l0) (local.get $l1))) (local.set $l1 (i64.add (local.get $l1) (local.get $l2)))\n")
			mod.WriteString("    (local.set $l2 (i64.add (local.get $l2) (local.get $l3))) (local.set $l3 (i64.add (local.get $l3) (local.get $l4)))\n")
			mod.WriteString("    (local.set $l4 (i64.add (local.get $l4) (local.get $l5))) (local.set $l5 (i64.add (local.get $l5) (local.get $l0)))\n")
			fmt.Fprintf(&mod, "    (local.set $a%s (%s.add (local.get $a%s) (%s.const 1)))\n", tn, tn, tn, tn)
			mod.WriteString("    (br_if 1 (i64.gt_u (local.get $l0) (i64.const 30)))\n")
			mod.WriteString("    (br 0)))\n")
			l5 := "(local.get $l5)"
			if p.rt == wasm.I32 {
				l5 = "(i32.wrap_i64 (local.get $l5))"
			}
			fmt.Fprintf(&mod, "  (%s.add (local.get $r) %s))\n", p.rt, l5)
		}
	}
	mod.WriteString(")")
	src := mod.String()
	jitInst := instantiate(t, New(Config{}), src, nil)
	refInst := instantiate(t, interp.New(interp.Config{}), src, nil)
	r := rand.New(rand.NewPCG(7, 11))
	for _, f := range fns {
		for k := 0; k < 12; k++ {
			args := []uint64{randArg(r, f.t), randArg(r, f.t), randArg(r, f.t)}
			want := call(t, refInst, f.name, args)
			got := call(t, jitInst, f.name, args)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s%v: (-interp +jit)\n%s", f.name, args, diff)
			}
		}
	}
}
