package binary_test

import (
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/testsuite"
)

// FuzzDecode checks that Decode never panics and reports errors as *Error
// with an offset inside the input, and that whatever it accepts survives
// an encode/decode round trip unchanged (see binary.CheckDecode). It is
// seeded with hand-built modules and, when the spec suite is present, with
// the suite's binary modules.
func FuzzDecode(f *testing.F) {
	for _, s := range binary.DecodeSeeds() {
		f.Add(s)
	}
	if _, err := testsuite.Lookup(); err == nil {
		for _, c := range suiteCases(f) {
			f.Add(c.data)
		}
	}
	addV3Seeds(f)
	f.Fuzz(binary.CheckDecode)
}
