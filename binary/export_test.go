package binary

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// This file gives the external tests (package binary_test, which may use
// spectest) the package-internal test helpers they need.

// DecodeSeeds returns the hand-built seed inputs of FuzzDecode.
func DecodeSeeds() [][]byte {
	var seeds [][]byte
	for _, m := range sampleModules() {
		seeds = append(seeds, Encode(m))
	}
	for _, h := range hugeCountModules() {
		seeds = append(seeds, h.data)
	}
	return append(seeds,
		mod(typeVoid, funcOne, emptyCode),
		mod(memOne, dataCnt1, dataPass),
		funcBody(0x02, 0x40, 0x41, 0, 0x04, 0x7F, 0x41, 1, 0x05, 0x41, 2, 0x0B, 0x1A, 0x0B, 0x0B),
		funcBody(0x41, 0, 0x0E, 2, 0, 0, 0, 0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1A, 0x0B),
	)
}

// CheckDecode is the property FuzzDecode checks on data: Decode does not
// panic and reports errors as *Error with an offset inside the input and a
// reason; an accepted module has code bodies inside the input that end
// with end, and survives an encode/decode round trip unchanged.
func CheckDecode(t *testing.T, data []byte) {
	t.Helper()
	m, err := Decode(data)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T is not *Error: %v", err, err)
		}
		if e.Offset < 0 || e.Offset > len(data) || e.Reason == "" {
			t.Fatalf("bad error %+v for %d-byte input", e, len(data))
		}
		return
	}
	for i, c := range m.Code {
		if c.Offset < 0 || c.Offset+len(c.Body) > len(data) || len(c.Body) == 0 || c.Body[len(c.Body)-1] != 0x0B {
			t.Fatalf("code %d: offset %d, body % x", i, c.Offset, c.Body)
		}
	}
	enc := Encode(m)
	m2, err := Decode(enc)
	if err != nil {
		t.Fatalf("re-decoding the encoding failed: %v\ninput % x\nencoding % x", err, data, enc)
	}
	if diff := cmp.Diff(m, m2, cmpOpts, ignoreOffsets); diff != "" {
		t.Fatalf("decode(encode(m)) != m (-m +m2):\n%s", diff)
	}
}
