package text

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestSuiteBinaryRoundTrip encodes every text module of the spec suite
// with binary.Encode and decodes it again: the decoder's syntax check of
// function bodies must accept what the parser produced, and the module
// must come back unchanged.
func TestSuiteBinaryRoundTrip(t *testing.T) {
	n := 0
	for _, file := range suiteFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(file)
		for _, f := range scanForms(string(data)) {
			src := f.src
			switch head(src) {
			case "module":
			case "assert_invalid", "assert_unlinkable", "assert_uninstantiable", "assert_trap":
				inner := scanForms(src[1 : len(src)-1])
				if len(inner) == 0 || head(inner[0].src) != "module" {
					continue
				}
				src = inner[0].src
			default:
				continue
			}
			if isBinaryModule(src) {
				continue
			}
			m, _, err := ParseModuleID([]byte(src))
			if err != nil {
				continue // reported by TestSuiteModules
			}
			enc := binary.Encode(m)
			back, err := binary.Decode(enc)
			if err != nil {
				t.Errorf("%s:%d: decoding the encoded module: %v", name, f.line, err)
				continue
			}
			n++
			// A full structural comparison is slow; do it for a sample and
			// whenever re-encoding gives different bytes.
			if n%8 != 0 && bytes.Equal(enc, binary.Encode(back)) {
				continue
			}
			if diff := cmp.Diff(m, back, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(wasm.Code{}, "Offset"), cmpopts.IgnoreFields(wasm.Module{}, "Customs")); diff != "" {
				t.Errorf("%s:%d: round trip differs (-parsed +decoded):\n%s", name, f.line, diff)
			}
		}
	}
	t.Logf("%d text modules round-tripped through the binary format", n)
}
