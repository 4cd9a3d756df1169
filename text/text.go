// Package text parses the WebAssembly text format (.wat) into a wasm.Module.
package text

import (
	"errors"

	"github.com/wasmrun/wasmrun/wasm"
)

// errUnimplemented is returned until the parser lands.
var errUnimplemented = errors.New("text: parser not implemented yet")

// ParseModule parses a module in the text format: one (module ...) form
// (including the "module binary" and "module quote" forms) or a sequence
// of module fields without the enclosing (module ...).
func ParseModule(src []byte) (*wasm.Module, error) {
	m, _, err := ParseModuleID(src)
	return m, err
}

// ParseModuleID is ParseModule that also returns the module's $id ("" when
// it has none), as scripts use it to name modules.
func ParseModuleID(src []byte) (m *wasm.Module, id string, err error) {
	return nil, "", errUnimplemented
}

// Unquote decodes a string literal, quotes included, into its bytes.
func Unquote(lit string) ([]byte, error) { return nil, errUnimplemented }

// ParseI32 parses an integer literal that fits 32 bits (signed or
// unsigned form, decimal or hex, with _ separators) into its bit pattern.
func ParseI32(s string) (uint32, error) { return 0, errUnimplemented }

// ParseI64 parses an integer literal that fits 64 bits into its bit pattern.
func ParseI64(s string) (uint64, error) { return 0, errUnimplemented }

// ParseF32 parses a float literal (decimal, hex, inf, nan, nan:0x...) into
// the bit pattern of a 32-bit float, rounding to nearest even.
func ParseF32(s string) (uint32, error) { return 0, errUnimplemented }

// ParseF64 parses a float literal into the bit pattern of a 64-bit float.
func ParseF64(s string) (uint64, error) { return 0, errUnimplemented }
