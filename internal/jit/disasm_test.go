//go:build linux && amd64

package jit

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

const disasmSrc = `(module
  (import "env" "log" (func $log (param i32)))
  (func $add (export "add") (export "plus") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.add)
  (func $twice (param i32) (result i32)
    local.get 0 local.get 0 call $add)
  (func (param i64) (result i64)
    local.get 0 i64.const 7 i64.mul))`

func parseValid(t *testing.T, src string) (*wasm.Module, *validate.Info) {
	t.Helper()
	m, err := text.ParseModule([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	return m, info
}

// listingLine matches one instruction line of asm.Disassemble.
var listingLine = regexp.MustCompile(`^ *([0-9a-f]+):  ([0-9a-f]+) +(.*)$`)

// instructions returns the offsets and mnemonic texts of a listing's
// instruction lines, checking that their bytes are exactly code.
func instructions(t *testing.T, code []byte, listing string) (offs []uint64, texts []string) {
	t.Helper()
	var bytes strings.Builder
	for _, line := range strings.Split(listing, "\n") {
		sm := listingLine.FindStringSubmatch(line)
		if sm == nil {
			continue
		}
		var off uint64
		for _, c := range sm[1] {
			off = off*16 + uint64(strings.IndexRune("0123456789abcdef", c))
		}
		offs = append(offs, off)
		texts = append(texts, sm[3])
		bytes.WriteString(sm[2])
	}
	if diff := cmp.Diff(fmt.Sprintf("%x", code), bytes.String()); diff != "" {
		t.Errorf("listed bytes differ from the code (-want +got):\n%s", diff)
	}
	return offs, texts
}

func TestDisasmFunc(t *testing.T) {
	m, info := parseValid(t, disasmSrc)
	mod, err := compileForListing(m, info)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		idx     uint32
		heading string
		want    []string // regexps, each matching some instruction
	}{
		{1, `func[1] $add export "add" export "plus": type 1 [i32 i32] -> [i32]`, []string{`^add e[a-z]+, `, `^ret$`}},
		{2, `func[2] $twice: type 2 [i32] -> [i32]`, []string{`^call 0x[0-9a-f]+$`, `^ret$`}},
		{3, `func[3]: type 3 [i64] -> [i64]`, []string{`^imul r`, `^ret$`}},
	}
	for _, tt := range tests {
		got, err := DisassembleFunc(m, info, tt.idx)
		if err != nil {
			t.Fatalf("DisassembleFunc(%d): %v", tt.idx, err)
		}
		lines := strings.SplitN(got, "\n", 3)
		if diff := cmp.Diff(tt.heading, lines[0]); diff != "" {
			t.Errorf("func %d heading (-want +got):\n%s", tt.idx, diff)
		}
		_, code := mod.funcBytes(int(tt.idx - m.NumImportedFuncs))
		if !strings.HasPrefix(lines[1], "code at offset 0x") || !strings.HasSuffix(lines[1], " bytes") {
			t.Errorf("func %d: second line %q", tt.idx, lines[1])
		}
		offs, texts := instructions(t, code, got)
		if len(offs) == 0 {
			t.Fatalf("func %d: no instructions in\n%s", tt.idx, got)
		}
		if offs[0] != uint64(mod.funcs[tt.idx-1].off) {
			t.Errorf("func %d: first instruction at %#x, want the function's offset %#x", tt.idx, offs[0], mod.funcs[tt.idx-1].off)
		}
		if texts[len(texts)-1] == "int3" {
			t.Errorf("func %d: alignment padding listed:\n%s", tt.idx, got)
		}
		if end := int(offs[len(offs)-1]) - mod.funcs[tt.idx-1].off; end >= len(code) {
			t.Errorf("func %d: last instruction at +%d beyond %d code bytes", tt.idx, end, len(code))
		}
		for _, w := range tt.want {
			re := regexp.MustCompile(w)
			found := false
			for _, s := range texts {
				found = found || re.MatchString(s)
			}
			if !found {
				t.Errorf("func %d: no instruction matches %q in\n%s", tt.idx, w, got)
			}
		}
	}

	// The call in $twice targets $add's offset.
	got, _ := DisassembleFunc(m, info, 2)
	if want := "call " + hex(mod.funcs[0].off); !strings.Contains(got, want) {
		t.Errorf("$twice lacks %q:\n%s", want, got)
	}

	all, err := DisassembleAll(m, info)
	if err != nil {
		t.Fatal(err)
	}
	for idx := uint32(1); idx <= 3; idx++ {
		one, _ := DisassembleFunc(m, info, idx)
		if !strings.Contains(all, one) {
			t.Errorf("DisassembleAll lacks function %d's listing", idx)
		}
	}
}

func hex(n int) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0x0"
	}
	s := ""
	for ; n > 0; n /= 16 {
		s = string(digits[n%16]) + s
	}
	return "0x" + s
}

func TestDisasmErrors(t *testing.T) {
	m, info := parseValid(t, disasmSrc)
	tests := []struct {
		idx  uint32
		want string
	}{
		{0, "function 0 is imported"},
		{4, "function index 4 out of range (module has 4 functions)"},
		{1 << 31, "out of range"},
	}
	for _, tt := range tests {
		_, err := DisassembleFunc(m, info, tt.idx)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DisassembleFunc(%d): error %v, want one containing %q", tt.idx, err, tt.want)
		}
	}
	// A module that fails validation is reported, not compiled.
	bad, err := text.ParseModule([]byte(`(module (func (result i32)))`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DisassembleFunc(bad, nil, 0); err == nil {
		t.Error("DisassembleFunc of an invalid module: no error")
	}
	if _, err := DisassembleAll(bad, nil); err == nil {
		t.Error("DisassembleAll of an invalid module: no error")
	}
}
