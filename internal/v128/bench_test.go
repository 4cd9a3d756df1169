package v128

import "testing"

var sink V128

func BenchmarkI32x4Add(b *testing.B) {
	x, y := vec("i32x4 1 2 3 4"), vec("i32x4 5 6 7 -8")
	b.ReportAllocs()
	for b.Loop() {
		x = I32x4Add(x, y)
	}
	sink = x
}

func BenchmarkF32x4Mul(b *testing.B) {
	// Operands stay normal (no overflow to inf, no denormals) while the
	// result feeds back.
	x, y := vec("f32x4 1 2 3 4"), vec("f32x4 -1 1 -1 1")
	b.ReportAllocs()
	for b.Loop() {
		x = F32x4Mul(x, y)
	}
	sink = x
}

func BenchmarkI8x16Shuffle(b *testing.B) {
	x, y := iota8, vec("i8x16 -1")
	lanes := shuf(31, 0, 30, 2, 29, 4, 28, 6, 27, 8, 26, 10, 25, 12, 24, 14)
	b.ReportAllocs()
	for b.Loop() {
		x = I8x16Shuffle(x, y, lanes)
	}
	sink = x
}

func BenchmarkI16x8AddSatS(b *testing.B) {
	x, y := vec("i16x8 1 2 3 4 5 6 7 8"), vec("i16x8 -1 1 -1 1 -1 1 -1 1")
	b.ReportAllocs()
	for b.Loop() {
		x = I16x8AddSatS(x, y)
	}
	sink = x
}

func BenchmarkF64x2Min(b *testing.B) {
	x, y := vec("f64x2 1 -2"), vec("f64x2 0.5 -0")
	b.ReportAllocs()
	for b.Loop() {
		x = F64x2Min(x, y)
	}
	sink = x
}

// TestZeroAllocs checks the hot operations do not allocate.
func TestZeroAllocs(t *testing.T) {
	x, y := vec("i32x4 1 2 3 4"), vec("f32x4 1 2 3 4")
	lanes := shuf(31, 0, 30, 2, 29, 4, 28, 6, 27, 8, 26, 10, 25, 12, 24, 14)
	n := testing.AllocsPerRun(100, func() {
		sink = I32x4Add(x, y)
		sink = F32x4Mul(x, y)
		sink = I8x16Shuffle(x, y, lanes)
		sink = I8x16Swizzle(x, y)
		sink = I16x8Q15mulrSatS(x, y)
		sink = F32x4Nearest(y)
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}
