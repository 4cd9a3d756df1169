package spectest

import (
	"testing"

	"github.com/wasmrun/wasmrun/wasm"
)

// patternOf parses the single expected result of an assert_return.
func patternOf(t *testing.T, src string) Pattern {
	t.Helper()
	c := parseOne(t, `(assert_return (invoke "f") `+src+`)`)
	if c.Err != nil || len(c.Expected) != 1 {
		t.Fatalf("pattern %s: %v", src, c.Err)
	}
	return c.Expected[0]
}

func TestPatternMatch(t *testing.T) {
	tests := []struct {
		pattern string
		value   Value
		want    bool
	}{
		{`(i32.const 1)`, I32(1), true},
		{`(i32.const 1)`, I32(2), false},
		{`(i32.const 1)`, I64(1), false},
		{`(i32.const -1)`, I32(0xFFFFFFFF), true},
		{`(i64.const -1)`, I64(0xFFFFFFFFFFFFFFFF), true},
		{`(f32.const 0)`, F32(0x80000000), false}, // -0 is not +0: bits are compared
		{`(f32.const -0)`, F32(0x80000000), true},
		{`(f64.const 1)`, F64(f64(1)), true},
		{`(f32.const nan)`, F32(0x7FC00000), true},
		{`(f32.const nan)`, F32(0xFFC00000), false},
		{`(f32.const nan:0x1)`, F32(0x7F800001), true},
		{`(f32.const nan:0x1)`, F32(0x7FC00000), false},
		{`(f32.const nan:canonical)`, F32(0x7FC00000), true},
		{`(f32.const nan:canonical)`, F32(0xFFC00000), true},
		{`(f32.const nan:canonical)`, F32(0x7FC00001), false},
		{`(f32.const nan:canonical)`, F32(0x7FA00000), false},
		{`(f32.const nan:canonical)`, F32(0x7F800000), false}, // inf
		{`(f32.const nan:canonical)`, F64(0x7FF8000000000000), false},
		{`(f32.const nan:arithmetic)`, F32(0x7FC00000), true},
		{`(f32.const nan:arithmetic)`, F32(0xFFC00001), true},
		{`(f32.const nan:arithmetic)`, F32(0x7FFFFFFF), true},
		{`(f32.const nan:arithmetic)`, F32(0x7FA00000), false}, // signalling
		{`(f32.const nan:arithmetic)`, F32(0x3FC00000), false}, // 1.5
		{`(f64.const nan:canonical)`, F64(0x7FF8000000000000), true},
		{`(f64.const nan:canonical)`, F64(0xFFF8000000000000), true},
		{`(f64.const nan:canonical)`, F64(0x7FF8000000000001), false},
		{`(f64.const nan:arithmetic)`, F64(0xFFFC000000000000), true},
		{`(f64.const nan:arithmetic)`, F64(0x7FF4000000000000), false},
		{`(f64.const nan:arithmetic)`, F32(0x7FC00000), false},
		{`(ref.null func)`, NullRef(wasm.FuncRef), true},
		{`(ref.null func)`, Value{Type: wasm.FuncRef, Lo: 0}, false},
		{`(ref.null func)`, NullRef(wasm.ExternRef), false},
		{`(ref.null extern)`, NullRef(wasm.ExternRef), true},
		{`(ref.extern 1)`, ExternRef(1), true},
		{`(ref.extern 1)`, ExternRef(2), false},
		{`(ref.extern 1)`, NullRef(wasm.ExternRef), false},
		{`(ref.extern)`, ExternRef(7), true},
		{`(ref.extern)`, NullRef(wasm.ExternRef), false},
		{`(ref.func)`, Value{Type: wasm.FuncRef, Lo: 5}, true},
		{`(ref.func)`, NullRef(wasm.FuncRef), false},
		{`(ref.func)`, ExternRef(1), false},
		{`(either (i32.const 1) (i32.const 2))`, I32(2), true},
		{`(either (i32.const 1) (i32.const 2))`, I32(3), false},
		{`(v128.const i32x4 1 2 3 4)`, V128(2<<32|1, 4<<32|3), true},
		{`(v128.const i32x4 1 2 3 4)`, V128(2<<32|1, 4<<32|4), false},
		{`(v128.const i32x4 1 2 3 4)`, I64(1), false},
		{`(v128.const i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1)`, V128(0xFF, 1<<56), true},
		{`(v128.const i64x2 1 -1)`, V128(1, ^uint64(0)), true},
		{`(v128.const f32x4 nan:canonical 1 nan:arithmetic -0)`,
			V128(uint64(f32(1))<<32|0xFFC00000, 0x80000000<<32|0x7FC00001), true},
		{`(v128.const f32x4 nan:canonical 1 nan:arithmetic -0)`,
			V128(uint64(f32(1))<<32|0x7FC00001, 0x80000000<<32|0x7FC00001), false}, // lane 0 not canonical
		{`(v128.const f32x4 nan:canonical 1 nan:arithmetic -0)`,
			V128(uint64(f32(1))<<32|0x7FC00000, 0x80000000<<32|0x7F800001), false}, // lane 2 signalling
		{`(v128.const f32x4 nan:canonical 1 nan:arithmetic -0)`,
			V128(uint64(f32(1))<<32|0x7FC00000, 0x7FC00000), false}, // lane 3 is +0
		{`(v128.const f64x2 nan:arithmetic 2)`, V128(0x7FF8000000000123, f64(2)), true},
		{`(v128.const f64x2 nan:canonical 2)`, V128(0x7FF8000000000123, f64(2)), false},
		{`(v128.const f64x2 0 nan:canonical)`, V128(0, 0xFFF8000000000000), true},
	}
	for _, tt := range tests {
		p := patternOf(t, tt.pattern)
		if got := p.Match(tt.value); got != tt.want {
			t.Errorf("%s matching %s = %v, want %v", tt.pattern, tt.value, got, tt.want)
		}
	}
}

func TestValueString(t *testing.T) {
	tests := []struct {
		v    Value
		want string
	}{
		{I32(0xFFFFFFFF), "(i32.const -1)"},
		{I64(5), "(i64.const 5)"},
		{F32(f32(1.5)), "(f32.const 1.5 (;0x3fc00000;))"},
		{F64(0x7FF8000000000000), "(f64.const nan (;0x7ff8000000000000;))"},
		{V128(2<<32|1, 4<<32|3), "(v128.const i32x4 0x00000001 0x00000002 0x00000003 0x00000004)"},
		{NullRef(wasm.FuncRef), "(ref.null func)"},
		{ExternRef(3), "(ref.extern 3)"},
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	p := patternOf(t, `(v128.const f32x4 nan:canonical 1 nan:arithmetic -2)`)
	if got, want := p.String(), "(v128.const f32x4 nan:canonical 1 (;0x3f800000;) nan:arithmetic -2 (;0xc0000000;))"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
