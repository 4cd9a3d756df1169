// Package text parses the WebAssembly text format (.wat) into a wasm.Module.
//
// ParseModule accepts a (module ...) form, including the script forms
// (module binary "...") and (module quote "..."), or a bare sequence of
// module fields. Function bodies and constant expressions are produced in
// binary encoding, ready for the validator. The literal helpers (Unquote,
// ParseI32, ParseI64, ParseF32, ParseF64) implement the spec's lexical
// rules for strings and numbers and are shared with the script layer.
package text
