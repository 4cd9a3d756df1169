//go:build linux && (amd64 || arm64)

package jit

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// progGen writes random valid modules in the text format: one exported
// function with parameters and more locals of every numeric type than
// the JIT has registers to pin, nested blocks, loops (bounded by counter
// locals) and ifs, branches out of them, calls to helpers, selects,
// globals, memory accesses in and out of bounds, bulk memory, traps. It
// stresses what the JIT keeps in registers across block joins, calls and
// exits, and what the interpreter's translator rewrites at joins: blocks,
// ifs and loops that carry values (one or two) arriving from several
// producers — a call or an operation on the fall-through path, br, br_if
// and br_table with values from nested code — consumed right after the
// join by local.set, local.tee, a branch or an operation.
type progGen struct {
	r      *rand.Rand
	b      strings.Builder
	locals []wasm.ValType // parameters first
	nparam int
	loops  int        // loop counters in use (the last genCounters locals)
	labels []genLabel // enclosing labels, innermost last
	depth  int
}

// genLabel is an enclosing label as a branch sees it.
type genLabel struct {
	loop   bool           // a branch goes back to the start (only counters repeat loops)
	values []wasm.ValType // what a branch to it carries
}

// valueLabel returns the depth of a random enclosing block or if whose
// branch carries one value, and its type, or -1.
func (g *progGen) valueLabel() (int, wasm.ValType) {
	var c []int
	for d := range g.labels {
		if l := g.labels[len(g.labels)-1-d]; !l.loop && len(l.values) == 1 {
			c = append(c, d)
		}
	}
	if len(c) == 0 {
		return -1, 0
	}
	d := c[g.r.IntN(len(c))]
	return d, g.labels[len(g.labels)-1-d].values[0]
}

var numTypes = []wasm.ValType{wasm.I32, wasm.I64, wasm.F32, wasm.F64}

const (
	genCounters = 3 // i32 loop counters, after the other locals
	genLocals   = 14
)

func (g *progGen) pf(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

// local returns a random local of type t (not a loop counter).
func (g *progGen) local(t wasm.ValType) int {
	var c []int
	for i, lt := range g.locals[:len(g.locals)-genCounters] {
		if lt == t {
			c = append(c, i)
		}
	}
	return c[g.r.IntN(len(c))]
}

func (g *progGen) constant(t wasm.ValType) {
	v := randArg(g.r, t)
	switch t {
	case wasm.I32:
		g.pf("(i32.const %d)", int32(v))
	case wasm.I64:
		g.pf("(i64.const %d)", int64(v))
	case wasm.F32:
		g.pf("(f32.reinterpret_i32 (i32.const %d))", int32(v))
	default:
		g.pf("(f64.reinterpret_i64 (i64.const %d))", int64(v))
	}
}

// address writes an i32 address: mostly masked into the first page,
// sometimes anything (out of bounds traps).
func (g *progGen) address() {
	if g.r.IntN(200) == 0 {
		g.expr(wasm.I32)
		return
	}
	if g.r.IntN(3) == 0 { // a bare local: repeated accesses share bounds checks
		g.pf("(local.get %d)", g.local(wasm.I32))
		return
	}
	g.pf("(i32.and ")
	g.expr(wasm.I32)
	g.pf(" (i32.const 0xff8))")
}

var (
	unI32  = []string{"i32.eqz", "i32.clz", "i32.ctz", "i32.popcnt", "i32.extend8_s", "i32.extend16_s"}
	binI32 = []string{"i32.add", "i32.sub", "i32.mul", "i32.and", "i32.or", "i32.xor", "i32.shl", "i32.shr_s", "i32.shr_u", "i32.rotl", "i32.rotr", "i32.div_s", "i32.div_u", "i32.rem_s", "i32.rem_u"}
	cmpI   = []string{"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"}
	cmpF   = []string{"eq", "ne", "lt", "gt", "le", "ge"}
	unI64  = []string{"i64.clz", "i64.ctz", "i64.popcnt", "i64.extend8_s", "i64.extend16_s", "i64.extend32_s"}
	binI64 = []string{"i64.add", "i64.sub", "i64.mul", "i64.and", "i64.or", "i64.xor", "i64.shl", "i64.shr_s", "i64.shr_u", "i64.rotl", "i64.rotr", "i64.div_s", "i64.div_u", "i64.rem_s", "i64.rem_u"}
	unF    = []string{"abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"}
	// min and max are left out: with a NaN operand the interpreter returns
	// that NaN quieted and the JIT the canonical NaN (both are what the
	// spec allows, and TestDifferentialScalarOps compares them by class),
	// and memory and globals are compared bit for bit here.
	binF = []string{"add", "sub", "mul", "div", "copysign"}
)

func (g *progGen) pick(s []string) string { return s[g.r.IntN(len(s))] }

// expr writes an expression of type t.
func (g *progGen) expr(t wasm.ValType) {
	g.depth++
	defer func() { g.depth-- }()
	if g.depth > 5 || g.r.IntN(4) == 0 {
		switch g.r.IntN(5) {
		case 0:
			g.constant(t)
		case 1:
			g.pf("(global.get $g%s)", t)
		default:
			g.pf("(local.get %d)", g.local(t))
		}
		return
	}
	tn := t.String()
	if g.depth <= 4 && len(g.labels) < 6 && g.r.IntN(6) == 0 {
		g.controlExpr(t)
		return
	}
	switch k := g.r.IntN(10); {
	case k == 0: // select, typed or not
		if g.r.IntN(2) == 0 {
			g.pf("(select (result %s) ", tn)
		} else {
			g.pf("(select ")
		}
		g.expr(t)
		g.pf(" ")
		g.expr(t)
		g.pf(" ")
		g.expr(wasm.I32)
		g.pf(")")
	case k == 1: // local.tee
		g.pf("(local.tee %d ", g.local(t))
		g.expr(t)
		g.pf(")")
	case k == 2: // load
		g.pf("(%s.load offset=%d ", tn, g.r.IntN(3)*8)
		g.address()
		g.pf(")")
	case k == 3: // call
		g.call(t)
	case k == 4 && t == wasm.I32: // comparison
		ct := numTypes[g.r.IntN(4)]
		op := g.pick(cmpI)
		if ct == wasm.F32 || ct == wasm.F64 {
			op = g.pick(cmpF)
		}
		g.pf("(%s.%s ", ct, op)
		g.expr(ct)
		g.pf(" ")
		g.expr(ct)
		g.pf(")")
	case k == 5: // conversion
		switch t {
		case wasm.I32:
			k := g.r.IntN(7)
			if k == 3 && g.r.IntN(10) != 0 { // the trapping truncation, rarely
				k = 2
			}
			g.pf("(%s ", []string{"i32.wrap_i64", "i32.trunc_sat_f32_s", "i32.trunc_sat_f64_u", "i32.trunc_f64_s", "i32.reinterpret_f32", "i32.trunc_sat_f32_u", "i32.trunc_sat_f64_s"}[k])
			g.expr([]wasm.ValType{wasm.I64, wasm.F32, wasm.F64, wasm.F64, wasm.F32, wasm.F32, wasm.F64}[k])
		case wasm.I64:
			op := []string{"i64.extend_i32_s", "i64.extend_i32_u", "i64.trunc_sat_f64_s", "i64.trunc_sat_f32_u", "i64.reinterpret_f64", "i64.trunc_sat_f32_s", "i64.trunc_sat_f64_u"}[g.r.IntN(7)]
			g.pf("(%s ", op)
			g.expr(map[string]wasm.ValType{"i64.extend_i32_s": wasm.I32, "i64.extend_i32_u": wasm.I32, "i64.trunc_sat_f64_s": wasm.F64, "i64.trunc_sat_f32_u": wasm.F32, "i64.reinterpret_f64": wasm.F64, "i64.trunc_sat_f32_s": wasm.F32, "i64.trunc_sat_f64_u": wasm.F64}[op])
		case wasm.F32:
			op := []string{"f32.convert_i32_s", "f32.convert_i64_u", "f32.demote_f64", "f32.reinterpret_i32"}[g.r.IntN(4)]
			g.pf("(%s ", op)
			g.expr(map[string]wasm.ValType{"f32.convert_i32_s": wasm.I32, "f32.convert_i64_u": wasm.I64, "f32.demote_f64": wasm.F64, "f32.reinterpret_i32": wasm.I32}[op])
		default:
			op := []string{"f64.convert_i32_u", "f64.convert_i64_s", "f64.promote_f32", "f64.convert_i64_u"}[g.r.IntN(4)]
			g.pf("(%s ", op)
			g.expr(map[string]wasm.ValType{"f64.convert_i32_u": wasm.I32, "f64.convert_i64_s": wasm.I64, "f64.promote_f32": wasm.F32, "f64.convert_i64_u": wasm.I64}[op])
		}
		g.pf(")")
	case k == 6 && g.r.IntN(2) == 0 && (t == wasm.I32): // a mask tested as a condition
		g.pf("(i32.eqz (%s.eqz (%s.and ", tn, tn)
		g.expr(t)
		g.pf(" (%s.const %d))))", tn, []int{1, 2, 0xff, -2, 0x40000000}[g.r.IntN(5)])
	case k <= 7: // unary
		switch t {
		case wasm.I32:
			g.pf("(%s ", g.pick(unI32))
		case wasm.I64:
			g.pf("(%s ", g.pick(unI64))
		default:
			g.pf("(%s.%s ", tn, g.pick(unF))
		}
		g.expr(t)
		g.pf(")")
	default: // binary
		var op string
		switch t {
		case wasm.I32:
			op = g.pick(binI32)
		case wasm.I64:
			op = g.pick(binI64)
		default:
			op = tn + "." + g.pick(binF)
		}
		g.pf("(%s ", op)
		g.expr(t)
		g.pf(" ")
		if (strings.Contains(op, "div") || strings.Contains(op, "rem")) && t != wasm.F32 && t != wasm.F64 && g.r.IntN(10) != 0 {
			g.pf("(%s.or (%s.const 1) ", tn, tn) // mostly no division by zero
			g.expr(t)
			g.pf(")")
		} else if (t == wasm.I32 || t == wasm.I64) && g.r.IntN(3) == 0 {
			// small constants: the operands the selector folds (masks
			// tested, multiplies by 3, 5 or 9, constants added)
			g.pf("(%s.const %d)", tn, []int{1, 3, 5, 9, 0xff, -1, -8, 0x7fffffff}[g.r.IntN(8)])
		} else {
			g.expr(t)
		}
		g.pf(")")
	}
}

// stmts writes n statements at block nesting level lvl (labels usable).
func (g *progGen) stmts(n, lvl int) {
	for i := 0; i < n; i++ {
		g.pf("\n    ")
		t := numTypes[g.r.IntN(4)]
		switch k := g.r.IntN(12); {
		case k <= 1 && t == wasm.I32: // an address in (or just past) the first page
			mask := 0xfff8
			if g.r.IntN(5) == 0 {
				mask = 0x1fff8
			}
			g.pf("(local.set %d (i32.and ", g.local(t))
			g.expr(t)
			g.pf(" (i32.const %#x)))", mask)
		case k <= 3:
			g.pf("(local.set %d ", g.local(t))
			g.expr(t)
			g.pf(")")
		case k == 4:
			g.pf("(global.set $g%s ", t)
			g.expr(t)
			g.pf(")")
		case k == 5:
			g.pf("(%s.store offset=%d ", t, g.r.IntN(3)*8)
			g.address()
			g.pf(" ")
			g.expr(t)
			g.pf(")")
		case k == 6 && lvl < 4:
			g.pf("(if ")
			g.expr(wasm.I32)
			g.labels = append(g.labels, genLabel{})
			g.pf(" (then")
			g.stmts(1+g.r.IntN(3), lvl+1)
			g.pf(") (else")
			g.stmts(g.r.IntN(3), lvl+1)
			g.pf("))")
			g.labels = g.labels[:len(g.labels)-1]
		case k == 7 && lvl < 4:
			g.labels = append(g.labels, genLabel{})
			g.pf("(block")
			g.stmts(1+g.r.IntN(3), lvl+1)
			g.pf(" (br_if 0 ")
			g.expr(wasm.I32)
			g.pf(")")
			g.stmts(g.r.IntN(3), lvl+1)
			g.pf(")")
			g.labels = g.labels[:len(g.labels)-1]
		case k == 8 && lvl < 4 && g.loops < genCounters:
			c := len(g.locals) - genCounters + g.loops
			g.loops++
			g.pf("(local.set %d (i32.const %d)) ", c, 1+g.r.IntN(6))
			if g.r.IntN(2) == 0 {
				// A loop with a parameter: the first value comes from
				// before the loop (often a call), the next ones from the
				// back edge; the body starts by storing it in a local.
				g.expr(t)
				g.labels = append(g.labels, genLabel{loop: true, values: []wasm.ValType{t}})
				g.pf(" (loop (param %s) local.set %d", t, g.local(t))
				g.stmts(g.r.IntN(3), lvl+1)
				g.pf(" ")
				g.expr(t)
				g.pf(" (br_if 0 (local.tee %d (i32.sub (local.get %d) (i32.const 1)))) local.set %d)", c, c, g.local(t))
			} else {
				g.labels = append(g.labels, genLabel{loop: true})
				g.pf("(loop")
				g.stmts(1+g.r.IntN(4), lvl+1)
				g.pf(" (br_if 0 (local.tee %d (i32.sub (local.get %d) (i32.const 1)))))", c, c)
			}
			g.labels = g.labels[:len(g.labels)-1]
			g.loops--
		case k == 9 && lvl > 0:
			// Out of a block or if, never back to a loop's start (only
			// its counter repeats a loop); with a value if the label
			// takes one.
			d := g.r.IntN(lvl)
			if vd, vt := g.valueLabel(); vd >= 0 && g.r.IntN(2) == 0 {
				if g.r.IntN(2) == 0 {
					g.pf("(drop (br_if %d ", vd)
					g.expr(vt)
					g.pf(" ")
					g.expr(wasm.I32)
					g.pf("))")
				} else {
					g.pf("(if ")
					g.expr(wasm.I32)
					g.pf(" (then (br %d ", vd+1)
					g.expr(vt)
					g.pf(")))")
				}
				break
			}
			if l := g.labels[len(g.labels)-1-d]; l.loop || len(l.values) > 0 {
				break
			}
			g.pf("(br_if %d ", d)
			g.expr(wasm.I32)
			g.pf(")")
		case k == 10:
			switch g.r.IntN(4) {
			case 0:
				g.multiValue(lvl)
			case 1:
				g.bulkMemory()
			default:
				g.pf("(drop ")
				g.call(t)
				g.pf(")")
			}
		default:
			g.pf("(drop ")
			g.expr(t)
			g.pf(")")
		}
	}
}

// call writes a call of a helper that returns t (sometimes through the
// two-result helper).
func (g *progGen) call(t wasm.ValType) {
	switch t {
	case wasm.I64:
		if g.r.IntN(3) == 0 {
			g.pf("(call $pair ")
			g.expr(wasm.I32)
			g.pf(") (local.set %d (i64.xor (local.get %d))) ", g.local(wasm.I64), g.local(wasm.I64))
			g.pf("(i64.extend_i32_u)")
			return
		}
		g.pf("(call $helper ")
		g.expr(wasm.I32)
		g.pf(" ")
		g.expr(wasm.I64)
	default:
		g.pf("(call $h%s ", t)
		g.expr(t)
	}
	g.pf(")")
}

// controlExpr writes an expression of type t whose value arrives at a
// join from more than one producer.
func (g *progGen) controlExpr(t wasm.ValType) {
	g.depth++
	defer func() { g.depth-- }()
	lvl := len(g.labels)
	tn := t.String()
	switch g.r.IntN(4) {
	case 0: // block: values from br_if, a nested br, and the fall-through
		g.labels = append(g.labels, genLabel{values: []wasm.ValType{t}})
		g.pf("(block (result %s)", tn)
		g.stmts(g.r.IntN(3), lvl+1)
		if g.r.IntN(2) == 0 {
			g.pf(" (drop (br_if 0 ")
			g.expr(t)
			g.pf(" ")
			g.expr(wasm.I32)
			g.pf("))")
		}
		g.stmts(g.r.IntN(2), lvl+1)
		g.pf(" ")
		g.fallThrough(t)
		g.pf(")")
	case 1: // if with results, arms of their own
		g.pf("(if (result %s) ", tn)
		g.expr(wasm.I32)
		g.labels = append(g.labels, genLabel{values: []wasm.ValType{t}})
		g.pf(" (then")
		g.stmts(g.r.IntN(3), lvl+1)
		g.pf(" ")
		g.fallThrough(t)
		g.pf(") (else")
		g.stmts(g.r.IntN(2), lvl+1)
		g.pf(" ")
		g.fallThrough(t)
		g.pf("))")
	case 2: // br_table with a value to the inner or the outer block
		g.labels = append(g.labels, genLabel{values: []wasm.ValType{t}})
		g.pf("(block (result %s) (drop (block (result %s)", tn, tn)
		g.labels = append(g.labels, genLabel{values: []wasm.ValType{t}})
		g.stmts(g.r.IntN(2), lvl+2)
		g.pf(" (br_table")
		for n := 1 + g.r.IntN(4); n >= 0; n-- {
			g.pf(" %d", g.r.IntN(2))
		}
		g.pf(" ")
		g.expr(t)
		g.pf(" (i32.and ")
		g.expr(wasm.I32)
		g.pf(" (i32.const 7)))))")
		g.labels = g.labels[:len(g.labels)-1]
		g.stmts(g.r.IntN(2), lvl+1)
		g.pf(" ")
		g.fallThrough(t)
		g.pf(")")
	default: // a comparison on the fall-through joins a branch, then if
		g.labels = append(g.labels, genLabel{values: []wasm.ValType{wasm.I32}})
		g.pf("(if (result %s) (block (result i32)", tn)
		g.stmts(g.r.IntN(2), lvl+1)
		g.pf(" (drop (br_if 0 ")
		g.expr(wasm.I32)
		g.pf(" ")
		g.expr(wasm.I32)
		g.pf("))")
		ct := []wasm.ValType{wasm.I32, wasm.I64}[g.r.IntN(2)]
		g.pf(" (%s.%s ", ct, g.pick(cmpI))
		g.expr(ct)
		g.pf(" ")
		g.expr(ct)
		g.pf("))")
		g.labels = g.labels[:len(g.labels)-1]
		g.labels = append(g.labels, genLabel{values: []wasm.ValType{t}})
		g.pf(" (then ")
		g.fallThrough(t)
		g.pf(") (else ")
		g.fallThrough(t)
		g.pf("))")
	}
	g.labels = g.labels[:len(g.labels)-1]
}

// fallThrough writes the value at the end of a block or arm: mostly a
// call or an operation, the producers that consumers like to absorb.
func (g *progGen) fallThrough(t wasm.ValType) {
	switch g.r.IntN(3) {
	case 0:
		g.call(t)
	default:
		g.expr(t)
	}
}

// multiValue writes a block with two results, from branches and the
// fall-through, stored into locals after it.
func (g *progGen) multiValue(lvl int) {
	t1, t2 := wasm.I32, wasm.I64
	if g.r.IntN(2) == 0 {
		t1, t2 = numTypes[g.r.IntN(4)], numTypes[g.r.IntN(4)]
	}
	g.labels = append(g.labels, genLabel{values: []wasm.ValType{t1, t2}})
	g.pf("(block (result %s %s)", t1, t2)
	g.stmts(g.r.IntN(2), lvl+1)
	g.pf(" (br_if 0 ")
	g.expr(t1)
	g.pf(" ")
	g.expr(t2)
	g.pf(" ")
	g.expr(wasm.I32)
	g.pf(") drop drop")
	g.stmts(g.r.IntN(2), lvl+1)
	if t1 == wasm.I32 && t2 == wasm.I64 && g.r.IntN(2) == 0 {
		g.pf(" (call $pair ")
		g.expr(wasm.I32)
		g.pf("))")
	} else {
		g.pf(" ")
		g.expr(t1)
		g.pf(" ")
		g.expr(t2)
		g.pf(")")
	}
	g.labels = g.labels[:len(g.labels)-1]
	g.pf(" local.set %d local.set %d", g.local(t2), g.local(t1))
}

// bulkMemory writes a memory.fill, memory.copy or memory.init within the
// first page or, rarely, out of bounds; or a data.drop, rarely.
func (g *progGen) bulkMemory() {
	addr := func() {
		if g.r.IntN(50) == 0 {
			g.expr(wasm.I32)
			return
		}
		g.pf("(i32.and ")
		g.expr(wasm.I32)
		g.pf(" (i32.const 0xfc0))")
	}
	size := func(mask int) {
		if g.r.IntN(50) == 0 {
			g.expr(wasm.I32)
			return
		}
		g.pf("(i32.and ")
		g.expr(wasm.I32)
		g.pf(" (i32.const %d))", mask)
	}
	switch g.r.IntN(7) {
	case 0, 1:
		g.pf("(memory.fill ")
		addr()
		g.pf(" ")
		g.expr(wasm.I32)
		g.pf(" ")
		size(0x3f)
		g.pf(")")
	case 2, 3:
		g.pf("(memory.copy ")
		addr()
		g.pf(" ")
		addr()
		g.pf(" ")
		size(0x3f)
		g.pf(")")
	case 4, 5:
		g.pf("(memory.init $seg ")
		addr()
		g.pf(" ")
		size(0xf)
		g.pf(" ")
		size(0xf)
		g.pf(")")
	default:
		if g.r.IntN(4) == 0 {
			g.pf("(data.drop $seg)")
		}
	}
}

// module writes a whole random module.
func (g *progGen) module() string {
	g.b.Reset()
	g.locals = g.locals[:0]
	g.nparam = 4
	g.locals = append(g.locals, numTypes...)
	for i := 0; i < genLocals; i++ {
		g.locals = append(g.locals, numTypes[g.r.IntN(4)])
	}
	for i := 0; i < genCounters; i++ {
		g.locals = append(g.locals, wasm.I32)
	}
	g.pf("(module (memory 1) (data $seg \"\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e\\0f\\10wasmrun\")\n")
	for _, t := range numTypes {
		g.pf("  (global $g%s (mut %s) (%s.const %d))\n", t, t, t, g.r.IntN(200)-100)
	}
	g.pf("  (func $helper (param i32 i64) (result i64) (local f64)\n")
	g.pf("    (local.set 2 (f64.convert_i64_s (local.get 1)))\n")
	g.pf("    (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (i64.const 1)))\n")
	g.pf("    (i64.add (i64.extend_i32_u (local.get 0)) (i64.trunc_sat_f64_s (f64.mul (local.get 2) (f64.const 3)))))\n")
	g.pf("  (func $hi32 (param i32) (result i32) (i32.add (i32.rotl (local.get 0) (i32.const 7)) (i32.load (i32.const 16))))\n")
	g.pf("  (func $hf32 (param f32) (result f32) (f32.add (local.get 0) (f32.const 1.5)))\n")
	g.pf("  (func $hf64 (param f64) (result f64) (f64.mul (local.get 0) (global.get $gf64)))\n")
	g.pf("  (func $pair (param i32) (result i32 i64) (i32.xor (local.get 0) (i32.const 0x55)) (i64.extend_i32_s (local.get 0)))\n")
	g.pf("  (func (export \"main\") (param i32 i64 f32 f64) (result i64 f64)")
	g.pf(" (local")
	for _, t := range g.locals[g.nparam:] {
		g.pf(" %s", t)
	}
	g.pf(")")
	g.stmts(4+g.r.IntN(10), 0)
	// The result folds every local in: nothing the function computed is
	// unobservable.
	g.pf("\n    (i64.const 0)")
	for i, t := range g.locals[:len(g.locals)-genCounters] {
		switch t {
		case wasm.I32:
			g.pf(" (i64.extend_i32_u (local.get %d)) i64.xor (i64.const 31) i64.rotl", i)
		case wasm.I64:
			g.pf(" (local.get %d) i64.add (i64.const 7) i64.rotl", i)
		case wasm.F32:
			g.pf(" (i64.extend_i32_u (i32.reinterpret_f32 (local.get %d))) i64.xor", i)
		}
	}
	g.pf("\n    (f64.const 0)")
	for i, t := range g.locals[:len(g.locals)-genCounters] {
		if t == wasm.F64 {
			g.pf(" (local.get %d) f64.add", i)
		}
	}
	g.pf("))\n")
	return g.b.String()
}

// Random programs give the same results, traps, globals and final memory
// on the JIT as on the interpreter.
func TestDifferentialRandomPrograms(t *testing.T) {
	seeds := 2000
	if testing.Short() {
		seeds = 300
	}
	jit, ref := New(Config{}), interp.New(interp.Config{})
	calls, traps := 0, map[store.TrapCode]int{}
	for seed := 0; seed < seeds; seed++ {
		c, tr := runRandomProgram(t, jit, ref, uint64(seed))
		calls += c
		for code, n := range tr {
			traps[code] += n
		}
	}
	t.Logf("%d programs, %d calls agree (traps: %v)", seeds, calls, traps)
}

// FuzzDifferentialRandomPrograms runs the random program of each seed on
// both engines.
func FuzzDifferentialRandomPrograms(f *testing.F) {
	f.Add(uint64(1))
	jit, ref := New(Config{}), interp.New(interp.Config{})
	f.Fuzz(func(t *testing.T, seed uint64) {
		runRandomProgram(t, jit, ref, seed)
	})
}

// runRandomProgram generates the program of seed, calls it with four
// argument sets on both engines and fails on any difference; it returns
// the calls made and the traps they gave.
func runRandomProgram(t *testing.T, jit, ref store.Engine, seed uint64) (int, map[store.TrapCode]int) {
	g := &progGen{r: rand.New(rand.NewPCG(seed, 0x5eed))}
	src := g.module()
	jitInst := instantiate(t, jit, src, nil)
	refInst := instantiate(t, ref, src, nil)
	// Each memory reserves gigabytes of address space: release it now
	// (under qemu-user the bookkeeping of thousands of reservations
	// exhausts the host's memory).
	defer jitInst.Close()
	defer refInst.Close()
	traps := map[store.TrapCode]int{}
	for k := 0; k < 4; k++ {
		args := []uint64{randArg(g.r, wasm.I32), randArg(g.r, wasm.I64), randArg(g.r, wasm.F32), randArg(g.r, wasm.F64)}
		want := call(t, refInst, "main", args)
		got := call(t, jitInst, "main", args)
		if want.Trap != 0 {
			traps[want.Trap]++
		}
		if want.Trap != got.Trap || !slices.Equal(want.Results, got.Results) || !bytes.Equal(want.Memory, got.Memory) {
			diff := cmp.Diff(want, got)
			t.Fatalf("seed %d, args %v: (-interp +jit)\n%s\nmodule:\n%s", seed, args, diff, src)
		}
		for i := range refInst.Globals {
			w, j := refInst.Globals[i], jitInst.Globals[i]
			if normalise(w.Type.Type, w.Lo) != normalise(j.Type.Type, j.Lo) {
				t.Fatalf("seed %d, args %v: global %d: interp %#x, jit %#x\nmodule:\n%s", seed, args, i, w.Lo, j.Lo, src)
			}
		}
	}
	return 4, traps
}

// A float comparison against a constant yields exactly 0 or 1 (the JIT
// once left the constant's bits, loaded through RAX, above the SETcc byte;
// found by TestDifferentialRandomPrograms).
func TestFloatEqualityWithConstantOperand(t *testing.T) {
	src := `(module
	  (func (export "ne64") (param f64) (result i32) (f64.ne (local.get 0) (f64.reinterpret_i64 (i64.const 4385098414679218032))))
	  (func (export "eq64") (param f64) (result i32) (f64.eq (local.get 0) (f64.const 1.5)))
	  (func (export "ne32") (param f32) (result i32) (f32.ne (local.get 0) (f32.const -2.5)))
	  (func (export "eq32") (param f32) (result i32) (f32.eq (local.get 0) (f32.const 0x1p-149))))`
	jitInst := instantiate(t, New(Config{}), src, nil)
	for _, tt := range []struct {
		f    string
		arg  uint64
		want uint64
	}{
		{"ne64", 0, 1}, {"ne64", 4385098414679218032, 0}, {"ne64", 0x7ff8000000000000, 1},
		{"eq64", 0x3ff8000000000000, 1}, {"eq64", 0, 0}, {"eq64", 0x7ff8000000000000, 0},
		{"ne32", 0xc0200000, 0}, {"ne32", 0, 1}, {"eq32", 1, 1}, {"eq32", 0x7fc00000, 0},
	} {
		got := call(t, jitInst, tt.f, []uint64{tt.arg})
		if diff := cmp.Diff([]uint64{tt.want}, got.Results); diff != "" {
			t.Errorf("%s(%#x): (-want +got)\n%s", tt.f, tt.arg, diff)
		}
	}
}
