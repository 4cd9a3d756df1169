package binary

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecode checks that Decode never panics and reports errors as *Error
// with an offset inside the input, and that whatever it accepts survives
// an encode/decode round trip unchanged.
func FuzzDecode(f *testing.F) {
	for _, m := range sampleModules() {
		f.Add(Encode(m))
	}
	f.Add(mod(typeVoid, funcOne, emptyCode))
	f.Add(mod(memOne, dataCnt1, dataPass))
	f.Add(funcBody(0x02, 0x40, 0x41, 0, 0x04, 0x7F, 0x41, 1, 0x05, 0x41, 2, 0x0B, 0x1A, 0x0B, 0x0B))
	f.Add(funcBody(0x41, 0, 0x0E, 2, 0, 0, 0, 0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1A, 0x0B))
	// The spec suite's binary modules, when the suite is present.
	_, file, _, _ := runtime.Caller(0)
	dir := os.Getenv("WASMRUN_TESTSUITE")
	if dir == "" {
		dir = filepath.Join(filepath.Dir(file), "..", "..", "shared", "testsuite")
	}
	if _, err := os.Stat(filepath.Join(dir, "core")); err == nil {
		for _, c := range suiteCases(f) {
			f.Add(c.data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
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
	})
}
