package spectest

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/wasmrun/wasmrun/wasm"
)

// Value is a WebAssembly value passed to or returned by an Engine.
//
// Numbers are bit patterns: i32 and f32 use the low 32 bits of Lo, i64 and
// f64 all of Lo, v128 uses Lo for bytes 0-7 and Hi for bytes 8-15 (little
// endian lanes, so lane 0 is the low bits of Lo). A reference is the null
// reference when Null is set; otherwise, for externref, Lo is the host
// handle N of (ref.extern N), and for funcref Lo is an engine-defined
// handle that the runner only passes back to the engine.
type Value struct {
	Type wasm.ValType
	Lo   uint64
	Hi   uint64
	Null bool
}

// I32 returns an i32 value.
func I32(v uint32) Value { return Value{Type: wasm.I32, Lo: uint64(v)} }

// I64 returns an i64 value.
func I64(v uint64) Value { return Value{Type: wasm.I64, Lo: v} }

// F32 returns an f32 value from its bit pattern.
func F32(bits uint32) Value { return Value{Type: wasm.F32, Lo: uint64(bits)} }

// F64 returns an f64 value from its bit pattern.
func F64(bits uint64) Value { return Value{Type: wasm.F64, Lo: bits} }

// V128 returns a v128 value from its low and high 64 bits.
func V128(lo, hi uint64) Value { return Value{Type: wasm.V128, Lo: lo, Hi: hi} }

// NullRef returns the null reference of type t (wasm.FuncRef or
// wasm.ExternRef).
func NullRef(t wasm.ValType) Value { return Value{Type: t, Null: true} }

// ExternRef returns the host reference (ref.extern n).
func ExternRef(n uint64) Value { return Value{Type: wasm.ExternRef, Lo: n} }

// String renders the value in the script syntax, for example
// "(i32.const 42)", "(f32.const 1.5 (;0x3fc00000;))" or "(ref.extern 1)".
func (v Value) String() string {
	switch v.Type {
	case wasm.I32:
		return fmt.Sprintf("(i32.const %d)", int32(uint32(v.Lo)))
	case wasm.I64:
		return fmt.Sprintf("(i64.const %d)", int64(v.Lo))
	case wasm.F32:
		return fmt.Sprintf("(f32.const %s)", formatF32(uint32(v.Lo)))
	case wasm.F64:
		return fmt.Sprintf("(f64.const %s)", formatF64(v.Lo))
	case wasm.V128:
		return fmt.Sprintf("(v128.const i32x4 0x%08x 0x%08x 0x%08x 0x%08x)",
			uint32(v.Lo), uint32(v.Lo>>32), uint32(v.Hi), uint32(v.Hi>>32))
	case wasm.FuncRef:
		if v.Null {
			return "(ref.null func)"
		}
		return fmt.Sprintf("(ref.func (;%d;))", v.Lo)
	case wasm.ExternRef:
		if v.Null {
			return "(ref.null extern)"
		}
		return fmt.Sprintf("(ref.extern %d)", v.Lo)
	}
	return fmt.Sprintf("(value of type %#x)", byte(v.Type))
}

// formatF32 renders f32 bits as a number plus its bit pattern.
func formatF32(b uint32) string {
	f := math.Float32frombits(b)
	if f != f {
		return fmt.Sprintf("nan (;0x%08x;)", b)
	}
	return fmt.Sprintf("%s (;0x%08x;)", strconv.FormatFloat(float64(f), 'g', -1, 32), b)
}

// formatF64 renders f64 bits as a number plus its bit pattern.
func formatF64(b uint64) string {
	f := math.Float64frombits(b)
	if f != f {
		return fmt.Sprintf("nan (;0x%016x;)", b)
	}
	return fmt.Sprintf("%s (;0x%016x;)", strconv.FormatFloat(f, 'g', -1, 64), b)
}

// formatValues renders a list of values separated by spaces.
func formatValues(vs []Value) string {
	if len(vs) == 0 {
		return "()"
	}
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = v.String()
	}
	return strings.Join(s, " ")
}

// PatternKind says how a Pattern matches a value.
type PatternKind byte

// Pattern kinds.
const (
	// PatValue matches one exact value (bit for bit; for references, the
	// same null-ness and, for externref, the same handle).
	PatValue PatternKind = iota
	// PatNaNCanonical matches an f32 or f64 canonical NaN of either sign.
	PatNaNCanonical
	// PatNaNArithmetic matches an f32 or f64 NaN whose quiet bit is set.
	PatNaNArithmetic
	// PatRefFunc matches any non-null funcref: (ref.func).
	PatRefFunc
	// PatRefExtern matches any non-null externref: (ref.extern) without a
	// handle.
	PatRefExtern
	// PatV128 matches a v128 lane by lane (Shape and Lanes).
	PatV128
	// PatEither matches when one of its alternatives (Either) matches.
	PatEither
	// PatRefNull matches any null reference: (ref.null) without a heap
	// type, or with one of GC's (3.0).
	PatRefNull
	// PatRefNonNull matches any non-null reference: (ref.exn), (ref.any)
	// and the other 3.0 result patterns without an identity.
	PatRefNonNull
)

// Shape is the lane interpretation of a v128 constant.
type Shape byte

// Shapes of v128 constants.
const (
	I8x16 Shape = iota
	I16x8
	I32x4
	I64x2
	F32x4
	F64x2
)

var shapeNames = [...]string{"i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"}

// String returns the text-format name of the shape.
func (s Shape) String() string {
	if int(s) < len(shapeNames) {
		return shapeNames[s]
	}
	return "invalid"
}

// Lanes returns the number of lanes of the shape.
func (s Shape) Lanes() int { return 16 >> s.laneLog() }

// LaneBits returns the width of one lane in bits.
func (s Shape) LaneBits() int { return 8 << s.laneLog() }

// laneLog is log2 of the lane width in bytes.
func (s Shape) laneLog() uint {
	switch s {
	case I8x16:
		return 0
	case I16x8:
		return 1
	case I32x4, F32x4:
		return 2
	}
	return 3
}

// isFloat reports whether the lanes are floats.
func (s Shape) isFloat() bool { return s == F32x4 || s == F64x2 }

// LanePattern matches one lane of a v128: exact bits (Kind PatValue) or,
// for float shapes, a NaN pattern.
type LanePattern struct {
	Kind PatternKind // PatValue, PatNaNCanonical or PatNaNArithmetic
	Bits uint64      // PatValue: the lane's bits (LaneBits wide)
}

// Pattern is an expected result of assert_return.
type Pattern struct {
	Kind   PatternKind
	Type   wasm.ValType  // the type the matched value must have
	Value  Value         // PatValue
	Shape  Shape         // PatV128
	Lanes  []LanePattern // PatV128: Shape.Lanes() entries
	Either []Pattern     // PatEither
}

// String renders the pattern in the script syntax.
func (p Pattern) String() string {
	switch p.Kind {
	case PatValue:
		return p.Value.String()
	case PatNaNCanonical:
		return fmt.Sprintf("(%s.const nan:canonical)", p.Type)
	case PatNaNArithmetic:
		return fmt.Sprintf("(%s.const nan:arithmetic)", p.Type)
	case PatRefFunc:
		return "(ref.func)"
	case PatRefExtern:
		return "(ref.extern)"
	case PatRefNull:
		return "(ref.null)"
	case PatRefNonNull:
		return "(ref)"
	case PatV128:
		var b strings.Builder
		fmt.Fprintf(&b, "(v128.const %s", p.Shape)
		for _, l := range p.Lanes {
			b.WriteByte(' ')
			b.WriteString(l.string(p.Shape))
		}
		b.WriteByte(')')
		return b.String()
	case PatEither:
		s := make([]string, len(p.Either))
		for i, q := range p.Either {
			s[i] = q.String()
		}
		return "(either " + strings.Join(s, " ") + ")"
	}
	return "(invalid pattern)"
}

func (l LanePattern) string(s Shape) string {
	switch l.Kind {
	case PatNaNCanonical:
		return "nan:canonical"
	case PatNaNArithmetic:
		return "nan:arithmetic"
	}
	switch s {
	case F32x4:
		return formatF32(uint32(l.Bits))
	case F64x2:
		return formatF64(l.Bits)
	case I8x16:
		return strconv.Itoa(int(int8(l.Bits)))
	case I16x8:
		return strconv.Itoa(int(int16(l.Bits)))
	case I32x4:
		return strconv.Itoa(int(int32(l.Bits)))
	}
	return strconv.FormatInt(int64(l.Bits), 10)
}

// formatPatterns renders a list of patterns separated by spaces.
func formatPatterns(ps []Pattern) string {
	if len(ps) == 0 {
		return "()"
	}
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, " ")
}

// Match reports whether v matches the pattern.
func (p Pattern) Match(v Value) bool {
	switch p.Kind {
	case PatEither:
		for _, q := range p.Either {
			if q.Match(v) {
				return true
			}
		}
		return false
	case PatValue:
		if v.Type != p.Type {
			return false
		}
		return equalValues(p.Value, v)
	case PatNaNCanonical, PatNaNArithmetic:
		switch {
		case v.Type != p.Type:
			return false
		case p.Type == wasm.F32:
			return matchNaN(p.Kind, v.Lo&0xFFFFFFFF, 32)
		case p.Type == wasm.F64:
			return matchNaN(p.Kind, v.Lo, 64)
		}
		return false
	case PatRefFunc:
		return v.Type == wasm.FuncRef && !v.Null
	case PatRefExtern:
		return v.Type == wasm.ExternRef && !v.Null
	case PatRefNull:
		return v.Type.IsRef() && v.Null
	case PatRefNonNull:
		return v.Type.IsRef() && !v.Null
	case PatV128:
		if v.Type != wasm.V128 || len(p.Lanes) != p.Shape.Lanes() {
			return false
		}
		bits := p.Shape.LaneBits()
		for i, l := range p.Lanes {
			got := laneBits(v, i, bits)
			switch l.Kind {
			case PatValue:
				if got != l.Bits {
					return false
				}
			case PatNaNCanonical, PatNaNArithmetic:
				if !p.Shape.isFloat() || !matchNaN(l.Kind, got, bits) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return false
}

// equalValues compares two values of the same type exactly.
func equalValues(a, b Value) bool {
	switch a.Type {
	case wasm.I32, wasm.F32:
		return uint32(a.Lo) == uint32(b.Lo)
	case wasm.I64, wasm.F64:
		return a.Lo == b.Lo
	case wasm.V128:
		return a.Lo == b.Lo && a.Hi == b.Hi
	case wasm.ExternRef:
		return a.Null == b.Null && (a.Null || a.Lo == b.Lo)
	case wasm.FuncRef:
		// A script can only name the null funcref exactly.
		return a.Null == b.Null && a.Null
	}
	return false
}

// laneBits extracts lane i of width bits from a v128.
func laneBits(v Value, i, bits int) uint64 {
	off := i * bits
	w := v.Lo
	if off >= 64 {
		w = v.Hi
		off -= 64
	}
	if bits == 64 {
		return w
	}
	return (w >> uint(off)) & (1<<uint(bits) - 1)
}

// matchNaN checks f32 (bits 32) or f64 (bits 64) bits against a NaN
// pattern: canonical NaNs have only the quiet bit of the payload set
// (either sign); arithmetic NaNs have the quiet bit set.
func matchNaN(kind PatternKind, b uint64, bits int) bool {
	var quietExp, sign uint64
	if bits == 32 {
		quietExp, sign = 0x7FC00000, 0x80000000
	} else {
		quietExp, sign = 0x7FF8000000000000, 0x8000000000000000
	}
	if kind == PatNaNCanonical {
		return b&^sign == quietExp
	}
	return b&quietExp == quietExp
}
