package text_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestSuiteBinaryRoundTrip encodes every text module of the spec suite
// (module definitions and the modules of assert_invalid,
// assert_unlinkable, assert_uninstantiable and assert_trap, plain or
// quote) with binary.Encode and decodes it again: the decoder's syntax
// check of function bodies must accept what the parser produced, and the
// module must come back unchanged.
func TestSuiteBinaryRoundTrip(t *testing.T) {
	n := 0
	for _, sm := range suiteModules(t) {
		c, def := sm.cmd, sm.cmd.Module
		if c.Kind == spectest.CmdAssertMalformed || def.Form == spectest.FormBinary {
			continue
		}
		m, _, err := text.ParseModuleID(def.Src)
		if err != nil {
			continue // reported by TestSuiteModules
		}
		enc := binary.Encode(m)
		back, err := binary.Decode(enc)
		if err != nil {
			t.Errorf("%s:%d: decoding the encoded module: %v", sm.file, c.Line, err)
			continue
		}
		n++
		// A full structural comparison is slow; do it for a sample and
		// whenever re-encoding gives different bytes.
		if n%8 != 0 && bytes.Equal(enc, binary.Encode(back)) {
			continue
		}
		if diff := cmp.Diff(m, back, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(wasm.Code{}, "Offset"), cmpopts.IgnoreFields(wasm.Module{}, "Customs")); diff != "" {
			t.Errorf("%s:%d: round trip differs (-parsed +decoded):\n%s", sm.file, c.Line, diff)
		}
	}
	t.Logf("%d text modules round-tripped through the binary format", n)
	if n == 0 {
		t.Error("no text module round-tripped")
	}
}
