package text

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseI32(t *testing.T) {
	tests := []struct {
		in   string
		want uint32
		err  string
	}{
		{in: "0", want: 0},
		{in: "42", want: 42},
		{in: "+42", want: 42},
		{in: "-1", want: 0xFFFFFFFF},
		{in: "4294967295", want: 0xFFFFFFFF},
		{in: "0xffffffff", want: 0xFFFFFFFF},
		{in: "0xFFFF_FFFF", want: 0xFFFFFFFF},
		{in: "-2147483648", want: 0x80000000},
		{in: "-0x8000_0000", want: 0x80000000},
		{in: "2147483647", want: 0x7FFFFFFF},
		{in: "+2147483647", want: 0x7FFFFFFF},
		{in: "1_000_000", want: 1000000},
		{in: "0x0", want: 0},
		{in: "007", want: 7},
		{in: "4294967296", err: "constant out of range"},
		{in: "0x1_0000_0000", err: "constant out of range"},
		{in: "-2147483649", err: "constant out of range"},
		{in: "+2147483648", err: "constant out of range"},
		{in: "99999999999999999999999", err: "constant out of range"},
		{in: "0x1ffffffffffffffffff", err: "constant out of range"},
		{in: "", err: "unknown operator"},
		{in: "-", err: "unknown operator"},
		{in: "0x", err: "unknown operator"},
		{in: "_1", err: "unknown operator"},
		{in: "1_", err: "unknown operator"},
		{in: "1__0", err: "unknown operator"},
		{in: "0x_1", err: "unknown operator"},
		{in: "0X10", err: "unknown operator"},
		{in: "1a", err: "unknown operator"},
		{in: "0xg", err: "unknown operator"},
		{in: "--1", err: "unknown operator"},
		{in: "1.0", err: "unknown operator"},
	}
	for _, tt := range tests {
		got, err := ParseI32(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseI32(%q) = %#x, %v; want error %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseI32(%q) = %#x, %v; want %#x", tt.in, got, err, tt.want)
		}
	}
}

func TestParseI64(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		err  bool
	}{
		{in: "18446744073709551615", want: math.MaxUint64},
		{in: "0xffff_ffff_ffff_ffff", want: math.MaxUint64},
		{in: "-9223372036854775808", want: 1 << 63},
		{in: "9223372036854775807", want: 1<<63 - 1},
		{in: "+9223372036854775807", want: 1<<63 - 1},
		{in: "-1", want: math.MaxUint64},
		{in: "-0x7fff_ffff_ffff_ffff", want: 1<<63 + 1},
		{in: "18446744073709551616", err: true},
		{in: "0x1_0000_0000_0000_0000", err: true},
		{in: "-9223372036854775809", err: true},
		{in: "+9223372036854775808", err: true},
		{in: "1__2", err: true},
	}
	for _, tt := range tests {
		got, err := ParseI64(tt.in)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("ParseI64(%q) = %#x, %v; want %#x (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestParseF32(t *testing.T) {
	tests := []struct {
		in   string
		want uint32
		err  bool
	}{
		{in: "0", want: 0},
		{in: "-0", want: 0x80000000},
		{in: "+0.0", want: 0},
		{in: "1", want: 0x3F800000},
		{in: "1.", want: 0x3F800000},
		{in: "1.5", want: 0x3FC00000},
		{in: "1e3", want: 0x447A0000},
		{in: "1E+3", want: 0x447A0000},
		{in: "1_000.000_1", want: math.Float32bits(1000.0001)},
		{in: "0.1", want: 0x3DCCCCCD},
		{in: "0x1p0", want: 0x3F800000},
		{in: "0x1", want: 0x3F800000},
		{in: "0x1.", want: 0x3F800000},
		{in: "0x1.8p1", want: 0x40400000},
		{in: "0X1P0", err: true},
		{in: "0x1P-1", want: 0x3F000000},
		{in: "0x1_0p-4", want: 0x3F800000},
		{in: "-0x1.fffffep127", want: 0xFF7FFFFF},
		{in: "0x1p-149", want: 1},
		{in: "0x1p-150", want: 0},        // ties to even: rounds to zero
		{in: "0x1.000001p-149", want: 1}, // just above half: rounds up
		{in: "0x1.fffffefffffff8000000p127", want: 0x7F7FFFFF},
		{in: "0x1.fffffep127", want: 0x7F7FFFFF},
		{in: "0x1.ffffffp127", err: true}, // rounds to infinity
		{in: "0x1p128", err: true},
		{in: "1e39", err: true},
		{in: "1e-50", want: 0},
		// Rounding of long hex mantissas (cases from the spec's const tests).
		{in: "+0x1.00000100000000000p-50", want: 0x26800000},
		{in: "+0x1.00000100000000001p-50", want: 0x26800001},
		{in: "+0x1.000001fffffffffffp-50", want: 0x26800001},
		{in: "+0x1.00000300000000000p-50", want: 0x26800002},
		{in: "0x1.000000fffffffffffffffffffffffffffffffffffp0", want: 0x3F800000},
		{in: "0x1.0000010000000000000000000000000000000000001p0", want: 0x3F800001},
		// Decimal rounding.
		{in: "1.000000059604644775390625", want: 0x3F800000},      // exact tie, to even
		{in: "1.00000005960464477539062500001", want: 0x3F800001}, // above tie
		{in: "inf", want: 0x7F800000},
		{in: "-inf", want: 0xFF800000},
		{in: "+inf", want: 0x7F800000},
		{in: "nan", want: 0x7FC00000},
		{in: "-nan", want: 0xFFC00000},
		{in: "nan:0x1", want: 0x7F800001},
		{in: "-nan:0x7f_ffff", want: 0xFFFFFFFF},
		{in: "nan:0x200000", want: 0x7FA00000},
		{in: "nan:0x0", err: true},
		{in: "nan:0x800000", err: true},
		{in: "nan:1", err: true},
		{in: "nan:0x", err: true},
		{in: "infinity", err: true},
		{in: ".5", err: true},
		{in: "1.e", err: true},
		{in: "1e", err: true},
		{in: "1_.0", err: true},
		{in: "1._0", err: true},
		{in: "0x.8p0", err: true},
		{in: "0x1p", err: true},
		{in: "1p3", err: true},
		{in: "", err: true},
	}
	for _, tt := range tests {
		got, err := ParseF32(tt.in)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("ParseF32(%q) = %#08x, %v; want %#08x (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestParseF64(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		err  bool
	}{
		{in: "1", want: 0x3FF0000000000000},
		{in: "-0x1.fffffffffffffp1023", want: 0xFFEFFFFFFFFFFFFF},
		{in: "0x1p-1074", want: 1},
		{in: "0x1p-1075", want: 0},
		{in: "0x1.8p-1074", want: 2}, // tie rounds to even (2)
		{in: "0x1.fffffffffffff8p1023", err: true},
		{in: "0x1.fffffffffffff7ffffffp1023", want: 0x7FEFFFFFFFFFFFFF},
		{in: "1e309", err: true},
		{in: "1.7976931348623157e308", want: 0x7FEFFFFFFFFFFFFF},
		{in: "0x1.000000000000080000000000001p0", want: 0x3FF0000000000001},
		{in: "0x1.0000000000000800000000000p0", want: 0x3FF0000000000000},
		{in: "0x1.0000000000001800000000000p0", want: 0x3FF0000000000002},
		{in: "123456789012345678901234567890", want: math.Float64bits(123456789012345678901234567890)},
		{in: "nan", want: 0x7FF8000000000000},
		{in: "nan:0xf_ffff_ffff_ffff", want: 0x7FFFFFFFFFFFFFFF},
		{in: "nan:0x0000000000000000001", want: 0x7FF0000000000001},
		{in: "nan:0x10_0000_0000_0000", err: true},
		{in: "-inf", want: 0xFFF0000000000000},
	}
	for _, tt := range tests {
		got, err := ParseF64(tt.in)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("ParseF64(%q) = %#016x, %v; want %#016x (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestUnquote(t *testing.T) {
	tests := []struct {
		in   string
		want []byte
		err  bool
	}{
		{in: `""`, want: []byte{}},
		{in: `"abc"`, want: []byte("abc")},
		{in: `"\t\n\r\"\'\\"`, want: []byte("\t\n\r\"'\\")},
		{in: `"\00\ff\7F\aB"`, want: []byte{0, 0xFF, 0x7F, 0xAB}},
		{in: `"\u{41}\u{e9}\u{10FFFF}\u{0}"`, want: []byte("A\u00e9\U0010FFFF\x00")},
		{in: `"\u{00_41}"`, want: []byte("A")},
		{in: `"héllo ∀"`, want: []byte("héllo ∀")},
		{in: `"\u{D800}"`, err: true},
		{in: `"\u{110000}"`, err: true},
		{in: `"\u{}"`, err: true},
		{in: `"\u41"`, err: true},
		{in: `"\x41"`, err: true},
		{in: `"\0"`, err: true},
		{in: `"\"`, err: true},
		{in: `"a"b"`, err: true},
		{in: "\"\x01\"", err: true},
		{in: "\"\x7f\"", err: true},
		{in: "\"\n\"", err: true},
		{in: "\"\xff\"", err: true},
		{in: "\"\xc3\"", err: true},
		{in: `abc`, err: true},
		{in: `"`, err: true},
	}
	for _, tt := range tests {
		got, err := Unquote(tt.in)
		if tt.err {
			if err == nil {
				t.Errorf("Unquote(%q) = %q, want error", tt.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("Unquote(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Unquote(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}
