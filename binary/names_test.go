package binary

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestParseNames covers the lenient "name" section parser: well-formed
// payloads are parsed, unknown subsections skipped, and any malformation
// yields nil (never an error from Decode).
func TestParseNames(t *testing.T) {
	subsec := func(id byte, content ...[]byte) []byte { return sec(id, content...) }
	funcs := subsec(1, vec(cat(u32(0), name("a")), cat(u32(3), name("b"))))
	tests := []struct {
		name    string
		payload []byte
		want    *wasm.Names
	}{
		{"empty payload", nil, &wasm.Names{}},
		{"module only", subsec(0, name("m")), &wasm.Names{Module: "m"}},
		{"funcs", funcs, &wasm.Names{Funcs: map[uint32]string{0: "a", 3: "b"}}},
		{"unknown subsection skipped", cat(funcs, subsec(7, bs(1, 2, 3))), &wasm.Names{Funcs: map[uint32]string{0: "a", 3: "b"}}},
		{"locals", subsec(2, vec(cat(u32(1), vec(cat(u32(0), name("x")))), cat(u32(4), vec()))),
			&wasm.Names{Locals: map[uint32]map[uint32]string{1: {0: "x"}, 4: {}}}},
		{"subsections out of order", cat(funcs, subsec(0, name("m"))), nil},
		{"duplicate subsection", cat(funcs, funcs), nil},
		{"subsection size too big", bs(1, 9, 0), nil},
		{"subsection size bad leb", bs(1, 0x80), nil},
		{"truncated id", bs(1), nil},
		{"trailing bytes in subsection", subsec(0, name("m"), bs(0)), nil},
		{"module name bad utf8", subsec(0, bs(1, 0xFF)), nil},
		{"module name too long", subsec(0, bs(5, 'a')), nil},
		{"module name bad leb", subsec(0, bs(0x80)), nil},
		{"func indices not increasing", subsec(1, vec(cat(u32(3), name("a")), cat(u32(3), name("b")))), nil},
		{"func count too big", subsec(1, bs(9, 0)), nil},
		{"func index bad leb", subsec(1, bs(1, 0x80)), nil},
		{"func name bad", subsec(1, bs(1, 0, 3, 'a')), nil},
		{"local count bad leb", subsec(2, bs(0x80)), nil},
		{"local func indices not increasing", subsec(2, vec(cat(u32(1), vec()), cat(u32(0), vec()))), nil},
		{"local map bad", subsec(2, vec(cat(u32(1), bs(1, 0)))), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseNames(tt.payload, 5)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// Decode keeps the section and never fails because of it (in
			// a module of five functions, so that every name names one).
			five := vec(u32(0), u32(0), u32(0), u32(0), u32(0))
			body := bs(2, 0, 0x0B) // size, no locals, end
			m, err := Decode(mod(sec(secType, vec(bs(0x60, 0, 0))), sec(secFunction, five),
				sec(secCode, vec(body, body, body, body, body)), sec(secCustom, name("name"), tt.payload)))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if diff := cmp.Diff(tt.want, m.Names); diff != "" {
				t.Errorf("Decode names (-want +got):\n%s", diff)
			}
		})
	}
}
