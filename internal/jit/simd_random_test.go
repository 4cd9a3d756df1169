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
	"github.com/wasmrun/wasmrun/wasm"
)

// simdGen writes deep random v128 expressions: more vectors live at once
// than the JIT has XMM temporaries, so they spill and reload, mixed with
// scalar lanes, selects and loads and stores. Float arithmetic that can
// create a NaN is left out: which quiet NaN it creates differs between the
// engines (both as the spec allows, see TestDifferentialSpecSuite), and
// integer instructions would then see different bits.
type simdGen struct {
	r *rand.Rand
	b strings.Builder
}

var (
	simdBinOps = []string{"i8x16.add", "i16x8.sub", "i32x4.mul", "i64x2.add", "v128.and", "v128.or", "v128.xor", "v128.andnot",
		"i8x16.min_u", "i16x8.max_s", "i32x4.min_s", "i8x16.avgr_u", "i16x8.q15mulr_sat_s", "i32x4.dot_i16x8_s",
		"i8x16.swizzle", "i64x2.mul", "i16x8.narrow_i32x4_s",
		"i32x4.eq", "i8x16.gt_u", "i64x2.lt_s", "f32x4.lt", "f64x2.ge", "i16x8.extmul_high_i8x16_u", "i64x2.extmul_low_i32x4_s"}
	simdUnOps = []string{"v128.not", "i8x16.neg", "i16x8.abs", "i32x4.neg", "i64x2.abs", "i8x16.popcnt", "f32x4.abs", "f64x2.neg",
		"i16x8.extend_low_i8x16_s", "i32x4.extend_high_i16x8_u", "i32x4.trunc_sat_f32x4_u",
		"f32x4.convert_i32x4_u", "f64x2.promote_low_f32x4", "i32x4.extadd_pairwise_i16x8_s"}
)

func (g *simdGen) pf(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

func (g *simdGen) vec(depth int) {
	if depth > 6 || g.r.IntN(5) == 0 {
		switch g.r.IntN(4) {
		case 0:
			g.pf("(v128.const i64x2 %d %d)", int64(g.r.Uint64()), int64(g.r.Uint64()))
		case 1:
			g.pf("(v128.load offset=%d (i32.and (local.get 4) (i32.const 0xff0)))", 16*g.r.IntN(4))
		default:
			g.pf("(local.get %d)", g.r.IntN(4))
		}
		return
	}
	switch k := g.r.IntN(10); {
	case k < 5:
		g.pf("(%s ", simdBinOps[g.r.IntN(len(simdBinOps))])
		g.vec(depth + 1)
		g.pf(" ")
		g.vec(depth + 1)
		g.pf(")")
	case k < 7:
		g.pf("(%s ", simdUnOps[g.r.IntN(len(simdUnOps))])
		g.vec(depth + 1)
		g.pf(")")
	case k == 7:
		g.pf("(i32x4.replace_lane %d ", g.r.IntN(4))
		g.vec(depth + 1)
		g.pf(" (i32.add (i32x4.extract_lane %d ", g.r.IntN(4))
		g.vec(depth + 1)
		g.pf(") (local.get 4)))")
	case k == 8:
		g.pf("(select ")
		g.vec(depth + 1)
		g.pf(" ")
		g.vec(depth + 1)
		g.pf(" (v128.any_true ")
		g.vec(depth + 1)
		g.pf("))")
	default:
		g.pf("(i8x16.shuffle")
		for i := 0; i < 16; i++ {
			g.pf(" %d", g.r.IntN(32))
		}
		g.pf(" ")
		g.vec(depth + 1)
		g.pf(" ")
		g.vec(depth + 1)
		g.pf(")")
	}
}

func (g *simdGen) module() string {
	g.b.Reset()
	g.pf("(module (memory 1)\n  (func (export \"f\") (param v128 v128 v128 v128 i32) (result v128) (local v128)\n")
	for i := 0; i < 3; i++ {
		g.pf("    (v128.store offset=%d (i32.and (local.get 4) (i32.const 0xff0)) ", 16*g.r.IntN(4))
		g.vec(0)
		g.pf(")\n    (local.set 5 ")
		g.vec(0)
		g.pf(")\n")
	}
	g.pf("    (i8x16.add (local.get 5) ")
	g.vec(0)
	g.pf(")))\n")
	return g.b.String()
}

// Deep random SIMD expressions agree between the JIT and the
// interpreter, results and memory.
func TestDifferentialRandomSIMD(t *testing.T) {
	jit, ref := New(Config{}), interp.New(interp.Config{})
	for seed := uint64(0); seed < 500; seed++ {
		g := &simdGen{r: rand.New(rand.NewPCG(seed, 0x51d))}
		src := g.module()
		jitInst := instantiate(t, jit, src, nil)
		refInst := instantiate(t, ref, src, nil)
		for k := 0; k < 3; k++ {
			var args []uint64
			for i := 0; i < 8; i++ {
				args = append(args, randArg(g.r, wasm.I64))
			}
			args = append(args, randArg(g.r, wasm.I32))
			want := call(t, refInst, "f", args)
			got := call(t, jitInst, "f", args)
			if want.Trap != got.Trap || !slices.Equal(want.Results, got.Results) || !bytes.Equal(want.Memory, got.Memory) {
				t.Fatalf("seed %d: (-interp +jit)\n%s\nmodule:\n%s", seed, cmp.Diff(want, got), src)
			}
		}
		jitInst.Close() // each memory reserves gigabytes of address space (see runRandomProgram)
		refInst.Close()
	}
}
