package jit

import (
	"math"
	"math/bits"

	"github.com/wasmrun/wasmrun/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// EvalScalar computes the numeric instruction op (one whose wasm.OpInfo is
// not Special and that does not touch memory) on the operand slots s[0:]
// and writes its result into s[0]. It returns a trap code (0 for none),
// and ok=false when op is not a scalar numeric instruction. Backends
// route the instructions they do not select natively through it.
func EvalScalar(op wasm.Op, s []uint64) (tc store.TrapCode, ok bool) {
	a := s[0]
	var b uint64
	if len(s) > 1 {
		b = s[1]
	}
	a32, b32 := uint32(a), uint32(b)
	r := uint64(0)
	switch op {
	case wasm.OpI32Eqz:
		r = b2u(a32 == 0)
	case wasm.OpI32Eq:
		r = b2u(a32 == b32)
	case wasm.OpI32Ne:
		r = b2u(a32 != b32)
	case wasm.OpI32LtS:
		r = b2u(int32(a32) < int32(b32))
	case wasm.OpI32LtU:
		r = b2u(a32 < b32)
	case wasm.OpI32GtS:
		r = b2u(int32(a32) > int32(b32))
	case wasm.OpI32GtU:
		r = b2u(a32 > b32)
	case wasm.OpI32LeS:
		r = b2u(int32(a32) <= int32(b32))
	case wasm.OpI32LeU:
		r = b2u(a32 <= b32)
	case wasm.OpI32GeS:
		r = b2u(int32(a32) >= int32(b32))
	case wasm.OpI32GeU:
		r = b2u(a32 >= b32)
	case wasm.OpI64Eqz:
		r = b2u(a == 0)
	case wasm.OpI64Eq:
		r = b2u(a == b)
	case wasm.OpI64Ne:
		r = b2u(a != b)
	case wasm.OpI64LtS:
		r = b2u(int64(a) < int64(b))
	case wasm.OpI64LtU:
		r = b2u(a < b)
	case wasm.OpI64GtS:
		r = b2u(int64(a) > int64(b))
	case wasm.OpI64GtU:
		r = b2u(a > b)
	case wasm.OpI64LeS:
		r = b2u(int64(a) <= int64(b))
	case wasm.OpI64LeU:
		r = b2u(a <= b)
	case wasm.OpI64GeS:
		r = b2u(int64(a) >= int64(b))
	case wasm.OpI64GeU:
		r = b2u(a >= b)
	case wasm.OpF32Eq:
		r = b2u(f32(a) == f32(b))
	case wasm.OpF32Ne:
		r = b2u(f32(a) != f32(b))
	case wasm.OpF32Lt:
		r = b2u(f32(a) < f32(b))
	case wasm.OpF32Gt:
		r = b2u(f32(a) > f32(b))
	case wasm.OpF32Le:
		r = b2u(f32(a) <= f32(b))
	case wasm.OpF32Ge:
		r = b2u(f32(a) >= f32(b))
	case wasm.OpF64Eq:
		r = b2u(f64(a) == f64(b))
	case wasm.OpF64Ne:
		r = b2u(f64(a) != f64(b))
	case wasm.OpF64Lt:
		r = b2u(f64(a) < f64(b))
	case wasm.OpF64Gt:
		r = b2u(f64(a) > f64(b))
	case wasm.OpF64Le:
		r = b2u(f64(a) <= f64(b))
	case wasm.OpF64Ge:
		r = b2u(f64(a) >= f64(b))
	case wasm.OpI32Clz:
		r = uint64(bits.LeadingZeros32(a32))
	case wasm.OpI32Ctz:
		r = uint64(bits.TrailingZeros32(a32))
	case wasm.OpI32Popcnt:
		r = uint64(bits.OnesCount32(a32))
	case wasm.OpI32Add:
		r = uint64(a32 + b32)
	case wasm.OpI32Sub:
		r = uint64(a32 - b32)
	case wasm.OpI32Mul:
		r = uint64(a32 * b32)
	case wasm.OpI32DivS:
		if b32 == 0 {
			return store.TrapIntegerDivideByZero, true
		}
		if int32(a32) == math.MinInt32 && int32(b32) == -1 {
			return store.TrapIntegerOverflow, true
		}
		r = uint64(uint32(int32(a32) / int32(b32)))
	case wasm.OpI32DivU:
		if b32 == 0 {
			return store.TrapIntegerDivideByZero, true
		}
		r = uint64(a32 / b32)
	case wasm.OpI32RemS:
		if b32 == 0 {
			return store.TrapIntegerDivideByZero, true
		}
		if int32(b32) == -1 {
			r = 0
		} else {
			r = uint64(uint32(int32(a32) % int32(b32)))
		}
	case wasm.OpI32RemU:
		if b32 == 0 {
			return store.TrapIntegerDivideByZero, true
		}
		r = uint64(a32 % b32)
	case wasm.OpI32And:
		r = uint64(a32 & b32)
	case wasm.OpI32Or:
		r = uint64(a32 | b32)
	case wasm.OpI32Xor:
		r = uint64(a32 ^ b32)
	case wasm.OpI32Shl:
		r = uint64(a32 << (b32 & 31))
	case wasm.OpI32ShrS:
		r = uint64(uint32(int32(a32) >> (b32 & 31)))
	case wasm.OpI32ShrU:
		r = uint64(a32 >> (b32 & 31))
	case wasm.OpI32Rotl:
		r = uint64(bits.RotateLeft32(a32, int(b32&31)))
	case wasm.OpI32Rotr:
		r = uint64(bits.RotateLeft32(a32, -int(b32&31)))
	case wasm.OpI64Clz:
		r = uint64(bits.LeadingZeros64(a))
	case wasm.OpI64Ctz:
		r = uint64(bits.TrailingZeros64(a))
	case wasm.OpI64Popcnt:
		r = uint64(bits.OnesCount64(a))
	case wasm.OpI64Add:
		r = a + b
	case wasm.OpI64Sub:
		r = a - b
	case wasm.OpI64Mul:
		r = a * b
	case wasm.OpI64DivS:
		if b == 0 {
			return store.TrapIntegerDivideByZero, true
		}
		if int64(a) == math.MinInt64 && int64(b) == -1 {
			return store.TrapIntegerOverflow, true
		}
		r = uint64(int64(a) / int64(b))
	case wasm.OpI64DivU:
		if b == 0 {
			return store.TrapIntegerDivideByZero, true
		}
		r = a / b
	case wasm.OpI64RemS:
		if b == 0 {
			return store.TrapIntegerDivideByZero, true
		}
		if int64(b) == -1 {
			r = 0
		} else {
			r = uint64(int64(a) % int64(b))
		}
	case wasm.OpI64RemU:
		if b == 0 {
			return store.TrapIntegerDivideByZero, true
		}
		r = a % b
	case wasm.OpI64And:
		r = a & b
	case wasm.OpI64Or:
		r = a | b
	case wasm.OpI64Xor:
		r = a ^ b
	case wasm.OpI64Shl:
		r = a << (b & 63)
	case wasm.OpI64ShrS:
		r = uint64(int64(a) >> (b & 63))
	case wasm.OpI64ShrU:
		r = a >> (b & 63)
	case wasm.OpI64Rotl:
		r = bits.RotateLeft64(a, int(b&63))
	case wasm.OpI64Rotr:
		r = bits.RotateLeft64(a, -int(b&63))
	case wasm.OpF32Abs:
		r = uint64(a32 &^ (1 << 31))
	case wasm.OpF32Neg:
		r = uint64(a32 ^ (1 << 31))
	case wasm.OpF32Copysign:
		r = uint64(a32&^(1<<31) | b32&(1<<31))
	case wasm.OpF32Ceil:
		r = round32(a32, math.Ceil)
	case wasm.OpF32Floor:
		r = round32(a32, math.Floor)
	case wasm.OpF32Trunc:
		r = round32(a32, math.Trunc)
	case wasm.OpF32Nearest:
		r = round32(a32, math.RoundToEven)
	case wasm.OpF32Sqrt:
		r = canon32(float32(math.Sqrt(float64(f32(a)))), a32, a32)
	case wasm.OpF32Add:
		r = canon32(f32(a)+f32(b), a32, b32)
	case wasm.OpF32Sub:
		r = canon32(f32(a)-f32(b), a32, b32)
	case wasm.OpF32Mul:
		r = canon32(f32(a)*f32(b), a32, b32)
	case wasm.OpF32Div:
		r = canon32(f32(a)/f32(b), a32, b32)
	case wasm.OpF32Min:
		r = fminmax32(a32, b32, true)
	case wasm.OpF32Max:
		r = fminmax32(a32, b32, false)
	case wasm.OpF64Abs:
		r = a &^ (1 << 63)
	case wasm.OpF64Neg:
		r = a ^ (1 << 63)
	case wasm.OpF64Copysign:
		r = a&^(1<<63) | b&(1<<63)
	case wasm.OpF64Ceil:
		r = round64(a, math.Ceil)
	case wasm.OpF64Floor:
		r = round64(a, math.Floor)
	case wasm.OpF64Trunc:
		r = round64(a, math.Trunc)
	case wasm.OpF64Nearest:
		r = round64(a, math.RoundToEven)
	case wasm.OpF64Sqrt:
		r = canon64(math.Sqrt(f64(a)), a, a)
	case wasm.OpF64Add:
		r = canon64(f64(a)+f64(b), a, b)
	case wasm.OpF64Sub:
		r = canon64(f64(a)-f64(b), a, b)
	case wasm.OpF64Mul:
		r = canon64(f64(a)*f64(b), a, b)
	case wasm.OpF64Div:
		r = canon64(f64(a)/f64(b), a, b)
	case wasm.OpF64Min:
		r = fminmax64(a, b, true)
	case wasm.OpF64Max:
		r = fminmax64(a, b, false)
	case wasm.OpI32WrapI64:
		r = uint64(a32)
	case wasm.OpI32TruncF32S:
		return truncS(float64(f32(a)), 32, s)
	case wasm.OpI32TruncF32U:
		return truncU(float64(f32(a)), 32, s)
	case wasm.OpI32TruncF64S:
		return truncS(f64(a), 32, s)
	case wasm.OpI32TruncF64U:
		return truncU(f64(a), 32, s)
	case wasm.OpI64TruncF32S:
		return truncS(float64(f32(a)), 64, s)
	case wasm.OpI64TruncF32U:
		return truncU(float64(f32(a)), 64, s)
	case wasm.OpI64TruncF64S:
		return truncS(f64(a), 64, s)
	case wasm.OpI64TruncF64U:
		return truncU(f64(a), 64, s)
	case wasm.OpI64ExtendI32S:
		r = uint64(int64(int32(a32)))
	case wasm.OpI64ExtendI32U:
		r = uint64(a32)
	case wasm.OpF32ConvertI32S:
		r = uint64(math.Float32bits(float32(int32(a32))))
	case wasm.OpF32ConvertI32U:
		r = uint64(math.Float32bits(float32(a32)))
	case wasm.OpF32ConvertI64S:
		r = uint64(math.Float32bits(float32(int64(a))))
	case wasm.OpF32ConvertI64U:
		r = uint64(math.Float32bits(u64ToF32(a)))
	case wasm.OpF32DemoteF64:
		if math.IsNaN(f64(a)) {
			r = uint64(0x7fc00000 | uint32(a>>63)<<31 | uint32(a>>29)&0x3fffff)
		} else {
			r = uint64(math.Float32bits(float32(f64(a))))
		}
	case wasm.OpF64ConvertI32S:
		r = math.Float64bits(float64(int32(a32)))
	case wasm.OpF64ConvertI32U:
		r = math.Float64bits(float64(a32))
	case wasm.OpF64ConvertI64S:
		r = math.Float64bits(float64(int64(a)))
	case wasm.OpF64ConvertI64U:
		r = math.Float64bits(float64(a))
	case wasm.OpF64PromoteF32:
		if math.IsNaN(float64(f32(a))) {
			r = 0x7ff8000000000000 | uint64(a32>>31)<<63 | uint64(a32&0x3fffff)<<29
		} else {
			r = math.Float64bits(float64(f32(a)))
		}
	case wasm.OpI32ReinterpretF32, wasm.OpF32ReinterpretI32:
		r = uint64(a32)
	case wasm.OpI64ReinterpretF64, wasm.OpF64ReinterpretI64:
		r = a
	case wasm.OpI32Extend8S:
		r = uint64(uint32(int32(int8(a))))
	case wasm.OpI32Extend16S:
		r = uint64(uint32(int32(int16(a))))
	case wasm.OpI64Extend8S:
		r = uint64(int64(int8(a)))
	case wasm.OpI64Extend16S:
		r = uint64(int64(int16(a)))
	case wasm.OpI64Extend32S:
		r = uint64(int64(int32(a)))
	case wasm.OpI32TruncSatF32S:
		r = satS(float64(f32(a)), 32)
	case wasm.OpI32TruncSatF32U:
		r = satU(float64(f32(a)), 32)
	case wasm.OpI32TruncSatF64S:
		r = satS(f64(a), 32)
	case wasm.OpI32TruncSatF64U:
		r = satU(f64(a), 32)
	case wasm.OpI64TruncSatF32S:
		r = satS(float64(f32(a)), 64)
	case wasm.OpI64TruncSatF32U:
		r = satU(float64(f32(a)), 64)
	case wasm.OpI64TruncSatF64S:
		r = satS(f64(a), 64)
	case wasm.OpI64TruncSatF64U:
		r = satU(f64(a), 64)
	default:
		return 0, false
	}
	s[0] = r
	return 0, true
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func f32(v uint64) float32 { return math.Float32frombits(uint32(v)) }
func f64(v uint64) float64 { return math.Float64frombits(v) }

// canon32 returns the bits of r, making a NaN result deterministic: the
// first NaN operand quietened, or the canonical NaN.
func canon32(r float32, a, b uint32) uint64 {
	if r == r {
		return uint64(math.Float32bits(r))
	}
	if a&0x7fffffff > 0x7f800000 {
		return uint64(a | 0x400000)
	}
	if b&0x7fffffff > 0x7f800000 {
		return uint64(b | 0x400000)
	}
	return 0x7fc00000
}

func canon64(r float64, a, b uint64) uint64 {
	if r == r {
		return math.Float64bits(r)
	}
	const q = 1 << 51
	if a&(1<<63-1) > 0x7ff0000000000000 {
		return a | q
	}
	if b&(1<<63-1) > 0x7ff0000000000000 {
		return b | q
	}
	return 0x7ff8000000000000
}

func round32(a uint32, f func(float64) float64) uint64 {
	x := math.Float32frombits(a)
	if x != x {
		return uint64(a | 0x400000)
	}
	return uint64(math.Float32bits(float32(f(float64(x)))))
}

func round64(a uint64, f func(float64) float64) uint64 {
	x := math.Float64frombits(a)
	if x != x {
		return a | 1<<51
	}
	return math.Float64bits(f(x))
}

func fminmax32(a, b uint32, isMin bool) uint64 {
	x, y := math.Float32frombits(a), math.Float32frombits(b)
	switch {
	case x != x:
		return uint64(a | 0x400000)
	case y != y:
		return uint64(b | 0x400000)
	case x == y: // equal, possibly zeros of different signs
		if isMin {
			return uint64(a | b)
		}
		return uint64(a & b)
	case (x < y) == isMin:
		return uint64(a)
	}
	return uint64(b)
}

func fminmax64(a, b uint64, isMin bool) uint64 {
	x, y := math.Float64frombits(a), math.Float64frombits(b)
	switch {
	case x != x:
		return a | 1<<51
	case y != y:
		return b | 1<<51
	case x == y:
		if isMin {
			return a | b
		}
		return a & b
	case (x < y) == isMin:
		return a
	}
	return b
}

// u64ToF32 converts with a single rounding.
func u64ToF32(v uint64) float32 {
	if v <= 1<<53 {
		return float32(float64(v))
	}
	// Keep a sticky bit so that rounding to float64 first cannot
	// create a tie that float32 would then round the wrong way.
	sh := uint(bits.Len64(v) - 53)
	w := v >> sh
	if v&(1<<sh-1) != 0 {
		w |= 1
	}
	return float32(math.Ldexp(float64(w), int(sh)))
}

func truncS(x float64, n int, s []uint64) (store.TrapCode, bool) {
	if x != x {
		return store.TrapInvalidConversion, true
	}
	t := math.Trunc(x)
	lim := math.Ldexp(1, n-1)
	if t < -lim || t >= lim {
		return store.TrapIntegerOverflow, true
	}
	if n == 32 {
		s[0] = uint64(uint32(int32(t)))
	} else {
		s[0] = uint64(int64(t))
	}
	return 0, true
}

func truncU(x float64, n int, s []uint64) (store.TrapCode, bool) {
	if x != x {
		return store.TrapInvalidConversion, true
	}
	t := math.Trunc(x)
	if t <= -1 || t >= math.Ldexp(1, n) {
		return store.TrapIntegerOverflow, true
	}
	if t >= 1<<63 {
		s[0] = uint64(t-(1<<63)) | 1<<63
	} else {
		s[0] = uint64(int64(t))
	}
	return 0, true
}

func satS(x float64, n int) uint64 {
	if x != x {
		return 0
	}
	lim := math.Ldexp(1, n-1)
	t := math.Trunc(x)
	var v int64
	switch {
	case t < -lim:
		v = math.MinInt64
		if n == 32 {
			v = math.MinInt32
		}
	case t >= lim:
		if n == 64 {
			v = math.MaxInt64
		} else {
			v = int64(lim) - 1
		}
	default:
		v = int64(t)
	}
	if n == 32 {
		return uint64(uint32(int32(v)))
	}
	return uint64(v)
}

func satU(x float64, n int) uint64 {
	if x != x || x <= 0 {
		return 0
	}
	t := math.Trunc(x)
	if t >= math.Ldexp(1, n) {
		if n == 32 {
			return math.MaxUint32
		}
		return math.MaxUint64
	}
	if t >= 1<<63 {
		return uint64(t-(1<<63)) | 1<<63
	}
	return uint64(int64(t))
}
