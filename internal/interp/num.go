package interp

import (
	"math"
	"math/bits"

	"github.com/wasmrun/wasmrun/internal/store"
)

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func f32(b uint64) float32  { return math.Float32frombits(uint32(b)) }
func f64(b uint64) float64  { return math.Float64frombits(b) }
func pf32(f float32) uint64 { return uint64(math.Float32bits(f)) }
func pf64(f float64) uint64 { return math.Float64bits(f) }

const (
	f32Sign  = 1 << 31
	f64Sign  = 1 << 63
	f32Quiet = 1 << 22
	f64Quiet = 1 << 51
)

func isNaN32(b uint32) bool { return b&^f32Sign > 0x7F800000 }
func isNaN64(b uint64) bool { return b&^f64Sign > 0x7FF0000000000000 }

// fmin32 implements f32.min: NaN if either operand is NaN (the first NaN
// operand, quieted), -0 below +0.
func fmin32(a, b uint64) uint64 {
	x, y := uint32(a), uint32(b)
	switch {
	case isNaN32(x):
		return uint64(x | f32Quiet)
	case isNaN32(y):
		return uint64(y | f32Quiet)
	}
	fx, fy := math.Float32frombits(x), math.Float32frombits(y)
	if fx == 0 && fy == 0 {
		return uint64(x | y) // -0 if either is -0
	}
	if fx < fy {
		return uint64(x)
	}
	return uint64(y)
}

func fmax32(a, b uint64) uint64 {
	x, y := uint32(a), uint32(b)
	switch {
	case isNaN32(x):
		return uint64(x | f32Quiet)
	case isNaN32(y):
		return uint64(y | f32Quiet)
	}
	fx, fy := math.Float32frombits(x), math.Float32frombits(y)
	if fx == 0 && fy == 0 {
		return uint64(x & y) // +0 if either is +0
	}
	if fx > fy {
		return uint64(x)
	}
	return uint64(y)
}

func fmin64(x, y uint64) uint64 {
	switch {
	case isNaN64(x):
		return x | f64Quiet
	case isNaN64(y):
		return y | f64Quiet
	}
	fx, fy := math.Float64frombits(x), math.Float64frombits(y)
	if fx == 0 && fy == 0 {
		return x | y
	}
	if fx < fy {
		return x
	}
	return y
}

func fmax64(x, y uint64) uint64 {
	switch {
	case isNaN64(x):
		return x | f64Quiet
	case isNaN64(y):
		return y | f64Quiet
	}
	fx, fy := math.Float64frombits(x), math.Float64frombits(y)
	if fx == 0 && fy == 0 {
		return x & y
	}
	if fx > fy {
		return x
	}
	return y
}

// round32 applies a float64 rounding function to an f32, keeping NaNs
// (quieted) and the sign of zeros.
func round32(a uint64, f func(float64) float64) uint64 {
	x := uint32(a)
	if isNaN32(x) {
		return uint64(x | f32Quiet)
	}
	return pf32(float32(f(float64(math.Float32frombits(x)))))
}

func round64(x uint64, f func(float64) float64) uint64 {
	if isNaN64(x) {
		return x | f64Quiet
	}
	return pf64(f(math.Float64frombits(x)))
}

func sqrt32(a uint64) uint64 {
	x := uint32(a)
	if isNaN32(x) {
		return uint64(x | f32Quiet)
	}
	return pf32(float32(math.Sqrt(float64(math.Float32frombits(x)))))
}

func sqrt64(x uint64) uint64 {
	if isNaN64(x) {
		return x | f64Quiet
	}
	return pf64(math.Sqrt(math.Float64frombits(x)))
}

// Float-to-integer truncations. They return the result and a trap code
// (0 on success).

func truncF64ToI32S(f float64) (uint64, store.TrapCode) {
	if f != f {
		return 0, store.TrapInvalidConversion
	}
	if !(f > -2147483649.0 && f < 2147483648.0) {
		return 0, store.TrapIntegerOverflow
	}
	return uint64(uint32(int32(f))), 0
}

func truncF64ToI32U(f float64) (uint64, store.TrapCode) {
	if f != f {
		return 0, store.TrapInvalidConversion
	}
	if !(f > -1.0 && f < 4294967296.0) {
		return 0, store.TrapIntegerOverflow
	}
	return uint64(uint32(f)), 0
}

func truncF64ToI64S(f float64) (uint64, store.TrapCode) {
	if f != f {
		return 0, store.TrapInvalidConversion
	}
	if !(f >= -9223372036854775808.0 && f < 9223372036854775808.0) {
		return 0, store.TrapIntegerOverflow
	}
	return uint64(int64(f)), 0
}

func truncF64ToI64U(f float64) (uint64, store.TrapCode) {
	if f != f {
		return 0, store.TrapInvalidConversion
	}
	if !(f > -1.0 && f < 18446744073709551616.0) {
		return 0, store.TrapIntegerOverflow
	}
	return uint64(f), 0
}

func satF64ToI32S(f float64) uint64 {
	switch {
	case f != f:
		return 0
	case f <= -2147483648.0:
		return 0x80000000
	case f >= 2147483647.0:
		return math.MaxInt32
	}
	return uint64(uint32(int32(f)))
}

func satF64ToI32U(f float64) uint64 {
	switch {
	case f != f, f <= 0:
		return 0
	case f >= 4294967295.0:
		return math.MaxUint32
	}
	return uint64(uint32(f))
}

func satF64ToI64S(f float64) uint64 {
	switch {
	case f != f:
		return 0
	case f <= -9223372036854775808.0:
		return 1 << 63
	case f >= 9223372036854775808.0:
		return math.MaxInt64
	}
	return uint64(int64(f))
}

func satF64ToI64U(f float64) uint64 {
	switch {
	case f != f, f <= 0:
		return 0
	case f >= 18446744073709551616.0:
		return math.MaxUint64
	}
	return uint64(f)
}

func rotl32(x, n uint64) uint64 { return uint64(bits.RotateLeft32(uint32(x), int(n&31))) }
func rotr32(x, n uint64) uint64 { return uint64(bits.RotateLeft32(uint32(x), -int(n&31))) }
func rotl64(x, n uint64) uint64 { return bits.RotateLeft64(x, int(n&63)) }
func rotr64(x, n uint64) uint64 { return bits.RotateLeft64(x, -int(n&63)) }
