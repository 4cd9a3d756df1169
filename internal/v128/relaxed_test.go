package v128

import (
	"math"
	"testing"
)

func f32x4(a, b, c, d float32) V128 {
	return FromU32([4]uint32{math.Float32bits(a), math.Float32bits(b), math.Float32bits(c), math.Float32bits(d)})
}

func i8x16(l ...int8) V128 {
	var b [16]byte
	for i, x := range l {
		b[i] = byte(x)
	}
	return FromBytes(b)
}

func i16x8(l ...int16) V128 {
	var r [8]uint16
	for i, x := range l {
		r[i] = uint16(x)
	}
	return FromU16(r)
}

func i32x4(l ...int32) V128 {
	var r [4]uint32
	for i, x := range l {
		r[i] = uint32(x)
	}
	return FromU32(r)
}

// TestRelaxedChoices checks the deterministic choice of each relaxed SIMD
// instruction on the inputs where the specification allows several
// results.
func TestRelaxedChoices(t *testing.T) {
	// (1+2^-12)^2 = 1+2^-11+2^-24 is not an f32: a*b-1 is 2^-11
	// unfused and 2^-11+2^-24 fused.
	e := float32(1 + 1.0/(1<<12))
	cases := []struct {
		name string
		got  V128
		want V128
	}{
		{"swizzle out of range", I8x16RelaxedSwizzle(i8x16(1, 2, 3), i8x16(16, -128, 2, 0, 100, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17)), i8x16(0, 0, 3, 1)},
		{"trunc NaN and overflow", I32x4RelaxedTruncF32x4S(f32x4(float32(math.NaN()), 3e9, -3e9, -1.5)), i32x4(0, math.MaxInt32, math.MinInt32, -1)},
		{"trunc unsigned negative", I32x4RelaxedTruncF32x4U(f32x4(-1, 5e9, 2.5, float32(math.NaN()))), i32x4(0, -1, 2, 0)},
		{"trunc f64 zero", I32x4RelaxedTruncF64x2SZero(V128{math.Float64bits(-7.9), math.Float64bits(1e20)}), i32x4(-7, math.MaxInt32, 0, 0)},
		{"madd unfused", F32x4RelaxedMadd(f32x4(e, 1, 2, 0), f32x4(e, 1, 3, 0), f32x4(-1, 1, 1, 0)),
			f32x4(1.0/(1<<11), 2, 7, 0)},
		{"nmadd unfused", F32x4RelaxedNmadd(f32x4(e, 1, 2, 0), f32x4(e, 1, 3, 0), f32x4(1, 1, 1, 0)),
			f32x4(-1.0/(1<<11)+0, 0, -5, 0)},
		{"laneselect is bitselect", I16x8RelaxedLaneselect(i16x8(0x1234), i16x8(0x5678), i16x8(0x00FF)), i16x8(0x5634)},
		{"min with -0 and NaN", F32x4RelaxedMin(f32x4(0, float32(math.Copysign(0, -1)), 1, 2), f32x4(float32(math.Copysign(0, -1)), 0, 3, 1)),
			f32x4(float32(math.Copysign(0, -1)), float32(math.Copysign(0, -1)), 1, 1)},
		{"q15mulr saturates", I16x8RelaxedQ15mulrS(i16x8(-32768, 16384), i16x8(-32768, 16384)), i16x8(32767, 8192)},
		{"dot signed", I16x8RelaxedDotI8x16I7x16S(i8x16(-128, -128, 1, 2), i8x16(-127, -127, 3, 4)), i16x8(32512, 11)},
		{"dot wraps", I16x8RelaxedDotI8x16I7x16S(i8x16(-128, -128), i8x16(-128, -128)), i16x8(-32768)},
		{"dot add", I32x4RelaxedDotI8x16I7x16AddS(i8x16(-128, -128, -128, -128), i8x16(-127, -127, -127, -127), i32x4(1, 2, 3, 4)),
			i32x4(65025, 2, 3, 4)},
		{"dot add after wrap", I32x4RelaxedDotI8x16I7x16AddS(i8x16(-128, -128, 1, 0), i8x16(-128, -128, 1, 0), i32x4(0)),
			i32x4(-32767, 0, 0, 0)},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %#x, want %#x", c.name, c.got, c.want)
		}
	}
	if F32x4RelaxedMax(f32x4(float32(math.NaN()), 1, 0, 0), f32x4(1, 2, 0, 0)).Lane32(0)&0x7FC00000 != 0x7FC00000 {
		t.Error("max with a NaN operand is not a NaN")
	}
}
