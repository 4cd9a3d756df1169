package binary

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/internal/bigmodule"
)

// BenchmarkDecode decodes a large real module (a Go program built for
// wasip1, see internal/bigmodule) and reports throughput.
func BenchmarkDecode(b *testing.B) {
	data := bigmodule.Bytes(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncode encodes the decoded large module.
func BenchmarkEncode(b *testing.B) {
	data := bigmodule.Bytes(b)
	m, err := Decode(data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Encode(m)
	}
}

// TestBigModule decodes the large module, checks that its name section was
// parsed, and that it survives an encode/decode round trip. (Go's linker
// pads section sizes to five bytes and puts custom sections first, so the
// re-encoding is not byte-identical to the input; it must be stable.)
func TestBigModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large Go program")
	}
	data := bigmodule.Bytes(t)
	m, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Code) < 1000 {
		t.Errorf("only %d functions", len(m.Code))
	}
	if m.Names == nil || len(m.Names.Funcs) == 0 {
		t.Errorf("name section not parsed: %+v", m.Names)
	}
	if name := m.FuncName(m.NumImportedFuncs); name == "" {
		t.Errorf("first defined function has no name")
	}
	enc := Encode(m)
	m2, err := Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, m2, cmpOpts, ignoreOffsets); diff != "" {
		t.Errorf("decode(encode(m)) differs from m:\n%s", diff)
	}
	if enc2 := Encode(m2); !bytes.Equal(enc, enc2) {
		t.Errorf("encoding is not stable: %d vs %d bytes", len(enc), len(enc2))
	}
}
