package binary

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wasmrun/wasmrun/wasm"
)

// lebCase is one LEB128 input with its expected value or error reason.
type lebCase struct {
	in     []byte
	want   int64 // as the signed or unsigned value, by reader
	reason string
	used   int // bytes consumed on success
}

func checkLEB(t *testing.T, name string, tests []lebCase, read func(r *Reader) (int64, error)) {
	t.Helper()
	for _, tt := range tests {
		r := NewReader(tt.in, 100)
		got, err := read(&r)
		if tt.reason != "" {
			var e *Error
			if !errors.As(err, &e) || e.Reason != tt.reason {
				t.Errorf("%s(% x): err %v, want %q", name, tt.in, err, tt.reason)
			} else if e.Offset < 100 || e.Offset > 100+len(tt.in) {
				t.Errorf("%s(% x): offset %d outside input", name, tt.in, e.Offset)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s(% x): %v", name, tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s(% x) = %d (%#x), want %d (%#x)", name, tt.in, got, got, tt.want, tt.want)
		}
		if tt.used != 0 && r.Pos() != tt.used {
			t.Errorf("%s(% x) consumed %d bytes, want %d", name, tt.in, r.Pos(), tt.used)
		}
	}
}

func TestReadU32(t *testing.T) {
	checkLEB(t, "ReadU32", []lebCase{
		{in: bs(0), want: 0, used: 1},
		{in: bs(0x7F), want: 127, used: 1},
		{in: bs(0x80, 0x01), want: 128, used: 2},
		{in: bs(0x80, 0x00), want: 0, used: 2}, // overlong but within 5 bytes: allowed
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x00), want: 0, used: 5},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), want: math.MaxUint32, used: 5},
		{in: bs(0xE5, 0x8E, 0x26, 0xAA), want: 624485, used: 3},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), reason: ReasonIntTooLong},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x1F), reason: ReasonIntTooLarge},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x70), reason: ReasonIntTooLarge},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x10), reason: ReasonIntTooLarge},
		{in: bs(), reason: ReasonUnexpectedEnd},
		{in: bs(0x80), reason: ReasonUnexpectedEnd},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF), reason: ReasonUnexpectedEnd},
	}, func(r *Reader) (int64, error) { v, err := r.ReadU32(); return int64(v), err })
}

func TestReadU64(t *testing.T) {
	checkLEB(t, "ReadU64", []lebCase{
		{in: bs(0), want: 0, used: 1},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), want: math.MaxUint32, used: 5},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), want: -1, used: 10}, // MaxUint64
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), want: 0, used: 10},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), reason: ReasonIntTooLong},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02), reason: ReasonIntTooLarge},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7E), reason: ReasonIntTooLarge},
		{in: bs(0x80, 0x80), reason: ReasonUnexpectedEnd},
	}, func(r *Reader) (int64, error) { v, err := r.ReadU64(); return int64(v), err })
}

func TestReadS32(t *testing.T) {
	checkLEB(t, "ReadS32", []lebCase{
		{in: bs(0), want: 0, used: 1},
		{in: bs(0x3F), want: 63, used: 1},
		{in: bs(0x40), want: -64, used: 1},
		{in: bs(0x7F), want: -1, used: 1},
		{in: bs(0xFF, 0x00), want: 127, used: 2},
		{in: bs(0x80, 0x7F), want: -128, used: 2},
		{in: bs(0xFF, 0x7F), want: -1, used: 2}, // overlong -1
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x07), want: math.MaxInt32, used: 5},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x78), want: math.MinInt32, used: 5},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x7F), want: -1, used: 5},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x00), want: 0, used: 5},
		// Unused bits of the last byte must match the sign bit.
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), reason: ReasonIntTooLarge},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x70), reason: ReasonIntTooLarge},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x4F), reason: ReasonIntTooLarge},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), reason: ReasonIntTooLong},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F), reason: ReasonIntTooLong},
		{in: bs(0x80), reason: ReasonUnexpectedEnd},
	}, func(r *Reader) (int64, error) { v, err := r.ReadS32(); return int64(v), err })
}

func TestReadS33(t *testing.T) {
	checkLEB(t, "ReadS33", []lebCase{
		{in: bs(0x40), want: -64, used: 1},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), want: math.MaxUint32, used: 5},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x70), want: -1 << 32, used: 5},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x1F), reason: ReasonIntTooLarge},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x60), reason: ReasonIntTooLarge},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), reason: ReasonIntTooLong},
	}, func(r *Reader) (int64, error) { return r.ReadS33() })
}

func TestReadS64(t *testing.T) {
	checkLEB(t, "ReadS64", []lebCase{
		{in: bs(0x7F), want: -1, used: 1},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00), want: math.MaxInt64, used: 10},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F), want: math.MinInt64, used: 10},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F), want: -1, used: 10},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01), reason: ReasonIntTooLarge},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7E), reason: ReasonIntTooLarge},
		{in: bs(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), reason: ReasonIntTooLong},
		{in: bs(0xFF, 0xFF), reason: ReasonUnexpectedEnd},
	}, func(r *Reader) (int64, error) { return r.ReadS64() })
}

// TestLEBRoundTrip checks the Append helpers against the readers over
// boundary values.
func TestLEBRoundTrip(t *testing.T) {
	u := []uint64{0, 1, 63, 64, 127, 128, 255, 256, 1<<14 - 1, 1 << 14, 1<<21 - 1, 1<<28 - 1, 1 << 28, math.MaxUint32, 1 << 32, 1<<63 - 1, 1 << 63, math.MaxUint64}
	for _, v := range u {
		r := NewReader(AppendU64(nil, v), 0)
		if got, err := r.ReadU64(); err != nil || got != v || !r.EOF() {
			t.Errorf("U64 %d: got %d, %v", v, got, err)
		}
		if v <= math.MaxUint32 {
			r := NewReader(AppendU32(nil, uint32(v)), 0)
			if got, err := r.ReadU32(); err != nil || uint64(got) != v || !r.EOF() {
				t.Errorf("U32 %d: got %d, %v", v, got, err)
			}
		}
	}
	s := []int64{0, 1, -1, 63, 64, -64, -65, 127, -128, 8191, -8192, math.MaxInt32, math.MinInt32, math.MaxUint32, -1 << 32, math.MaxInt64, math.MinInt64}
	for _, v := range s {
		r := NewReader(AppendS64(nil, v), 0)
		if got, err := r.ReadS64(); err != nil || got != v || !r.EOF() {
			t.Errorf("S64 %d: got %d, %v", v, got, err)
		}
		if v >= -1<<32 && v <= math.MaxUint32 {
			r := NewReader(AppendS64(nil, v), 0)
			if got, err := r.ReadS33(); err != nil || got != v || !r.EOF() {
				t.Errorf("S33 %d: got %d, %v", v, got, err)
			}
		}
		if v >= math.MinInt32 && v <= math.MaxInt32 {
			r := NewReader(AppendS32(nil, int32(v)), 0)
			if got, err := r.ReadS32(); err != nil || int64(got) != v || !r.EOF() {
				t.Errorf("S32 %d: got %d, %v", v, got, err)
			}
		}
	}
}

func TestReaderPrimitives(t *testing.T) {
	r := NewReader(bs(0x00, 0x00, 0xC0, 0x7F, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09), 10)
	if f, err := r.ReadF32(); err != nil || f != 0x7FC00000 {
		t.Errorf("ReadF32 = %#x, %v", f, err)
	}
	if f, err := r.ReadF64(); err != nil || f != 0x0807060504030201 {
		t.Errorf("ReadF64 = %#x, %v", f, err)
	}
	if r.Offset() != 22 || r.Len() != 1 || r.EOF() {
		t.Errorf("Offset %d Len %d EOF %v", r.Offset(), r.Len(), r.EOF())
	}
	if b, err := r.PeekByte(); err != nil || b != 9 || r.Len() != 1 {
		t.Errorf("PeekByte = %d, %v", b, err)
	}
	if _, err := r.ReadF32(); err == nil {
		t.Errorf("ReadF32 past end succeeded")
	}
	if _, err := r.ReadByte(); err == nil {
		t.Errorf("ReadByte at end succeeded")
	}
	r = NewReader(bs(1, 2, 3), 0)
	r.SetEOFReason(ReasonUnexpectedEndSect)
	if err := r.Skip(4); err == nil || !strings.Contains(err.Error(), ReasonUnexpectedEndSect) {
		t.Errorf("Skip past end: %v", err)
	}
	r = NewReader(bs(1, 2, 3), 0)
	if b, err := r.ReadBytes(2); err != nil || !cmp.Equal(b, bs(1, 2)) || cap(b) != 2 {
		t.Errorf("ReadBytes = % x (cap %d), %v", b, cap(b), err)
	}
	if _, err := r.ReadBytes(-1); err == nil {
		t.Errorf("ReadBytes(-1) succeeded")
	}
}

func TestReadName(t *testing.T) {
	tests := []struct {
		in     []byte
		want   string
		reason string
	}{
		{in: bs(0), want: ""},
		{in: bs(3, 'a', 'b', 'c'), want: "abc"},
		{in: cat(bs(4), []byte("héé")[:4]), reason: ReasonMalformedUTF8}, // truncated sequence
		{in: bs(2, 0xC3, 0xA9), want: "é"},
		{in: bs(1, 0xFF), reason: ReasonMalformedUTF8},
		{in: bs(3, 0xED, 0xA0, 0x80), reason: ReasonMalformedUTF8}, // surrogate
		{in: bs(2, 0xC0, 0x80), reason: ReasonMalformedUTF8},       // overlong
		{in: bs(5, 'a'), reason: ReasonUnexpectedEnd},
		{in: bs(0x80), reason: ReasonUnexpectedEnd},
	}
	for _, tt := range tests {
		r := NewReader(tt.in, 0)
		got, err := r.ReadName()
		if tt.reason != "" {
			var e *Error
			if !errors.As(err, &e) || e.Reason != tt.reason {
				t.Errorf("ReadName(% x): %v, want %q", tt.in, err, tt.reason)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ReadName(% x) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestReadOp(t *testing.T) {
	tests := []struct {
		in     []byte
		want   wasm.Op
		reason string
	}{
		{in: bs(0x00), want: wasm.OpUnreachable},
		{in: bs(0x6A), want: wasm.OpI32Add},
		{in: bs(0xFC, 0x08), want: wasm.OpMemoryInit},
		{in: bs(0xFC, 0x88, 0x00), want: wasm.OpMemoryInit}, // two-byte sub-opcode
		{in: bs(0xFD, 0x0C), want: wasm.Op(0x30C)},
		{in: bs(0x06), reason: ReasonIllegalOpcode},
		{in: bs(0xFC, 0x7F), reason: ReasonIllegalOpcode},
		{in: bs(0xFC, 0x80, 0x02), reason: ReasonIllegalOpcode},
		{in: bs(0xFE, 0x00), reason: ReasonIllegalOpcode},
		{in: bs(0xFC), reason: ReasonUnexpectedEnd},
		{in: bs(), reason: ReasonUnexpectedEnd},
	}
	for _, tt := range tests {
		r := NewReader(tt.in, 0)
		got, err := r.ReadOp()
		if tt.reason != "" {
			var e *Error
			if !errors.As(err, &e) || !strings.HasPrefix(e.Reason, tt.reason) {
				t.Errorf("ReadOp(% x): %v, want %q", tt.in, err, tt.reason)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ReadOp(% x) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if app := AppendOp(nil, got); len(tt.in) <= 2 && !cmp.Equal(app, tt.in) {
			t.Errorf("AppendOp(%v) = % x, want % x", got, app, tt.in)
		}
	}
}

func TestReadBlockType(t *testing.T) {
	tests := []struct {
		in     []byte
		want   BlockType
		reason string
	}{
		{in: bs(0x40), want: BlockType{Kind: BlockEmpty}},
		{in: bs(0x7F), want: BlockType{Kind: BlockValue, Value: wasm.I32}},
		{in: bs(0x70), want: BlockType{Kind: BlockValue, Value: wasm.FuncRef}},
		{in: bs(0x00), want: BlockType{Kind: BlockIndex, Index: 0}},
		{in: bs(0x3F), want: BlockType{Kind: BlockIndex, Index: 63}},
		{in: bs(0x80, 0x01), want: BlockType{Kind: BlockIndex, Index: 128}},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), want: BlockType{Kind: BlockIndex, Index: math.MaxUint32}},
		{in: bs(0x80, 0x7F), reason: "malformed block type"},
		{in: bs(0xFF, 0xFF, 0xFF, 0xFF, 0x1F), reason: ReasonIntTooLarge},
		{in: bs(), reason: ReasonUnexpectedEnd},
	}
	for _, tt := range tests {
		r := NewReader(tt.in, 0)
		got, err := r.ReadBlockType()
		if tt.reason != "" {
			var e *Error
			if !errors.As(err, &e) || e.Reason != tt.reason {
				t.Errorf("ReadBlockType(% x): %v, want %q", tt.in, err, tt.reason)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ReadBlockType(% x) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestReadMemArg(t *testing.T) {
	r := NewReader(bs(2, 0x80, 0x01, 3), 0)
	got, err := r.ReadMemArg()
	if err != nil || got != (MemArg{Align: 2, Offset: 128}) || r.Len() != 1 {
		t.Errorf("ReadMemArg = %+v, %v", got, err)
	}
	r = NewReader(bs(2), 0)
	if _, err := r.ReadMemArg(); err == nil {
		t.Errorf("truncated memarg accepted")
	}
}

func TestErrorf(t *testing.T) {
	r := NewReader(bs(1, 2), 40)
	r.ReadByte()
	err := r.Errorf("bad %d", 7)
	var e *Error
	if !errors.As(err, &e) || e.Offset != 41 || e.Reason != "bad 7" {
		t.Errorf("Errorf = %#v", err)
	}
	if got := ErrorAt(5, "x").Error(); got != "malformed module at offset 0x5: x" {
		t.Errorf("ErrorAt = %q", got)
	}
	if !cmp.Equal(r.Bytes(), bs(1, 2)) {
		t.Errorf("Bytes = % x", r.Bytes())
	}
}
