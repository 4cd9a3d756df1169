package spectest

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wasmrun/wasmrun/wasm"
)

// parseOne parses a script that must hold exactly one command.
func parseOne(t *testing.T, src string) Command {
	t.Helper()
	s, err := ParseScript("t.wast", []byte(src))
	if err != nil {
		t.Fatalf("ParseScript(%q): %v", src, err)
	}
	if len(s.Commands) != 1 {
		t.Fatalf("ParseScript(%q): %d commands, want 1", src, len(s.Commands))
	}
	return s.Commands[0]
}

func f32(f float32) uint32 { return math.Float32bits(f) }
func f64(f float64) uint64 { return math.Float64bits(f) }

func TestParseCommands(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Command
	}{
		{
			name: "module text",
			src:  "(module (func))",
			want: Command{Kind: CmdModule, Line: 1, Module: &ModuleDef{Form: FormText, Src: []byte("(module (func))"), Line: 1}},
		},
		{
			name: "module with id",
			src:  "\n\n  (module $M (func (export \"f\")))  ;; trailing",
			want: Command{Kind: CmdModule, Line: 3, Module: &ModuleDef{ID: "$M", Src: []byte(`(module $M (func (export "f")))`), Line: 3}},
		},
		{
			name: "module binary",
			src:  `(module $B binary "\00asm" "\01\00\00\00")`,
			want: Command{Kind: CmdModule, Line: 1, Module: &ModuleDef{ID: "$B", Form: FormBinary,
				Src: []byte(`(module $B binary "\00asm" "\01\00\00\00")`), Bytes: []byte("\x00asm\x01\x00\x00\x00"), Line: 1}},
		},
		{
			name: "module quote",
			src:  `(module quote "(func)" "(memory 1)")`,
			want: Command{Kind: CmdModule, Line: 1, Module: &ModuleDef{Form: FormQuote, Src: []byte(`(module quote "(func)" "(memory 1)")`), Line: 1}},
		},
		{
			name: "register",
			src:  `(register "M")`,
			want: Command{Kind: CmdRegister, Line: 1, Name: "M"},
		},
		{
			name: "register with id",
			src:  `(register "M" $N)`,
			want: Command{Kind: CmdRegister, Line: 1, Name: "M", ID: "$N"},
		},
		{
			name: "invoke",
			src:  `(invoke "f" (i32.const -1) (i64.const 0x10) (f32.const 1.5) (f64.const -0.25))`,
			want: Command{Kind: CmdAction, Line: 1, Action: &Action{Kind: ActInvoke, Name: "f",
				Args: []Value{I32(0xFFFFFFFF), I64(16), F32(f32(1.5)), F64(f64(-0.25))}}},
		},
		{
			name: "get with module",
			src:  `(get $M "g")`,
			want: Command{Kind: CmdAction, Line: 1, Action: &Action{Kind: ActGet, Module: "$M", Name: "g"}},
		},
		{
			name: "assert_return no results",
			src:  `(assert_return (invoke $M "f"))`,
			want: Command{Kind: CmdAssertReturn, Line: 1, Action: &Action{Kind: ActInvoke, Module: "$M", Name: "f"}},
		},
		{
			name: "assert_return values and nan patterns",
			src:  `(assert_return (invoke "f") (i32.const 7) (f32.const nan:canonical) (f64.const nan:arithmetic) (f32.const nan:0x200000) (f64.const -nan))`,
			want: Command{Kind: CmdAssertReturn, Line: 1, Action: &Action{Kind: ActInvoke, Name: "f"},
				Expected: []Pattern{
					exact(I32(7)),
					{Kind: PatNaNCanonical, Type: wasm.F32},
					{Kind: PatNaNArithmetic, Type: wasm.F64},
					exact(F32(0x7FA00000)),
					exact(F64(0xFFF8000000000000)),
				}},
		},
		{
			name: "assert_return references",
			src:  `(assert_return (invoke "f" (ref.null extern) (ref.extern 3)) (ref.null func) (ref.extern 3) (ref.func) (ref.extern))`,
			want: Command{Kind: CmdAssertReturn, Line: 1,
				Action: &Action{Kind: ActInvoke, Name: "f", Args: []Value{NullRef(wasm.ExternRef), ExternRef(3)}},
				Expected: []Pattern{
					exact(NullRef(wasm.FuncRef)),
					exact(ExternRef(3)),
					{Kind: PatRefFunc, Type: wasm.FuncRef},
					{Kind: PatRefExtern, Type: wasm.ExternRef},
				}},
		},
		{
			name: "assert_return either",
			src:  `(assert_return (invoke "f") (either (i32.const 1) (i32.const 2)))`,
			want: Command{Kind: CmdAssertReturn, Line: 1, Action: &Action{Kind: ActInvoke, Name: "f"},
				Expected: []Pattern{{Kind: PatEither, Type: wasm.I32, Either: []Pattern{exact(I32(1)), exact(I32(2))}}}},
		},
		{
			name: "assert_return get",
			src:  `(assert_return (get "g") (i64.const -1))`,
			want: Command{Kind: CmdAssertReturn, Line: 1, Action: &Action{Kind: ActGet, Name: "g"},
				Expected: []Pattern{exact(I64(math.MaxUint64))}},
		},
		{
			name: "assert_trap action",
			src:  `(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")`,
			want: Command{Kind: CmdAssertTrap, Line: 1, Message: "integer divide by zero",
				Action: &Action{Kind: ActInvoke, Name: "div", Args: []Value{I32(1), I32(0)}}},
		},
		{
			name: "assert_trap module",
			src:  `(assert_trap (module (func unreachable) (start 0)) "unreachable")`,
			want: Command{Kind: CmdAssertTrap, Line: 1, Message: "unreachable",
				Module: &ModuleDef{Src: []byte("(module (func unreachable) (start 0))"), Line: 1}},
		},
		{
			name: "assert_exhaustion",
			src:  `(assert_exhaustion (invoke "loop") "call stack exhausted")`,
			want: Command{Kind: CmdAssertExhaustion, Line: 1, Message: "call stack exhausted",
				Action: &Action{Kind: ActInvoke, Name: "loop"}},
		},
		{
			name: "assert_invalid",
			src:  "(assert_invalid\n  (module (func (result i32)))\n  \"type mismatch\")",
			want: Command{Kind: CmdAssertInvalid, Line: 1, Message: "type mismatch",
				Module: &ModuleDef{Src: []byte("(module (func (result i32)))"), Line: 2}},
		},
		{
			name: "assert_malformed binary",
			src:  `(assert_malformed (module binary "\00asm") "unexpected end")`,
			want: Command{Kind: CmdAssertMalformed, Line: 1, Message: "unexpected end",
				Module: &ModuleDef{Form: FormBinary, Src: []byte(`(module binary "\00asm")`), Bytes: []byte("\x00asm"), Line: 1}},
		},
		{
			name: "assert_malformed quote",
			src:  `(assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")`,
			want: Command{Kind: CmdAssertMalformed, Line: 1, Message: "unknown operator",
				Module: &ModuleDef{Form: FormQuote, Src: []byte(`(module quote "(func (i32.const 0x))")`), Line: 1}},
		},
		{
			name: "assert_unlinkable",
			src:  `(assert_unlinkable (module (import "spectest" "nope" (func))) "unknown import")`,
			want: Command{Kind: CmdAssertUnlinkable, Line: 1, Message: "unknown import",
				Module: &ModuleDef{Src: []byte(`(module (import "spectest" "nope" (func)))`), Line: 1}},
		},
		{
			name: "assert_uninstantiable",
			src:  `(assert_uninstantiable (module (memory 0) (data (i32.const 1) "a")) "out of bounds memory access")`,
			want: Command{Kind: CmdAssertUninstantiable, Line: 1, Message: "out of bounds memory access",
				Module: &ModuleDef{Src: []byte(`(module (memory 0) (data (i32.const 1) "a"))`), Line: 1}},
		},
		{
			name: "inline module",
			src:  "(func) (memory 0)\n(func (export \"f\"))",
			want: Command{Kind: CmdModule, Line: 1, Module: &ModuleDef{Src: []byte("(func) (memory 0)\n(func (export \"f\"))"), Line: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseOne(t, tt.src)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseScript(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestParseV128(t *testing.T) {
	tests := []struct {
		src  string
		want Value // for arguments
	}{
		{`(v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1)`, V128(0x0706050403020100, 0xFF0E0D0C0B0A0908)},
		{`(v128.const i8x16 255 -128 0 0 0 0 0 0 0 0 0 0 0 0 0 0x7f)`, V128(0x80FF, 0x7F00000000000000)},
		{`(v128.const i16x8 1 2 3 0xffff -32768 0 0 -1)`, V128(0xFFFF000300020001, 0xFFFF000000008000)},
		{`(v128.const i32x4 1 -1 0x80000000 4_294_967_295)`, V128(0xFFFFFFFF00000001, 0xFFFFFFFF80000000)},
		{`(v128.const i64x2 -2 0x0123456789abcdef)`, V128(0xFFFFFFFFFFFFFFFE, 0x0123456789ABCDEF)},
		{`(v128.const f32x4 1.0 -0 inf nan)`, V128(uint64(0x80000000)<<32|uint64(f32(1)), 0x7FC00000<<32|0x7F800000)},
		{`(v128.const f64x2 0.5 -inf)`, V128(f64(0.5), 0xFFF0000000000000)},
	}
	for _, tt := range tests {
		c := parseOne(t, `(invoke "f" `+tt.src+`)`)
		if c.Kind != CmdAction {
			t.Errorf("%s: %v", tt.src, c.Err)
			continue
		}
		if diff := cmp.Diff([]Value{tt.want}, c.Action.Args); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.src, diff)
		}
	}
}

func TestParseV128Patterns(t *testing.T) {
	c := parseOne(t, `(assert_return (invoke "f") (v128.const f32x4 nan:canonical 1 nan:arithmetic -0) (v128.const i16x8 1 2 3 4 5 6 7 -1))`)
	if c.Err != nil {
		t.Fatal(c.Err)
	}
	want := []Pattern{
		{Kind: PatV128, Type: wasm.V128, Shape: F32x4, Lanes: []LanePattern{
			{Kind: PatNaNCanonical}, {Bits: uint64(f32(1))}, {Kind: PatNaNArithmetic}, {Bits: 0x80000000},
		}},
		{Kind: PatV128, Type: wasm.V128, Shape: I16x8, Lanes: []LanePattern{
			{Bits: 1}, {Bits: 2}, {Bits: 3}, {Bits: 4}, {Bits: 5}, {Bits: 6}, {Bits: 7}, {Bits: 0xFFFF},
		}},
	}
	if diff := cmp.Diff(want, c.Expected); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestParseCommandErrors checks that badly formed commands become
// CmdInvalid commands (the rest of the script still parses).
func TestParseCommandErrors(t *testing.T) {
	tests := []struct {
		src    string
		reason string
	}{
		{`(frobnicate)`, "unknown command frobnicate"},
		{`()`, "expected a command keyword"},
		{`foo`, "expected a command"},
		{`(register)`, "register"},
		{`(register "a" "b")`, "expected a module $id"},
		{`(invoke)`, "expected an export name"},
		{`(invoke $M)`, "expected an export name"},
		{`(get "g" (i32.const 1))`, "unexpected"},
		{`(invoke "f" (i32.const))`, "expected one literal"},
		{`(invoke "f" (i32.const 0x1_0000_0000))`, "bad i32 literal"},
		{`(invoke "f" (i64.const x))`, "bad i64 literal"},
		{`(invoke "f" (f32.const 1.0.0))`, "bad f32 literal"},
		{`(invoke "f" (f64.const nan:0))`, "bad f64 literal"},
		{`(invoke "f" (f32.const nan:canonical))`, "not a constant"},
		{`(invoke "f" (v128.const f32x4 nan:canonical 0 0 0))`, "NaN pattern"},
		{`(invoke "f" (v128.const i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0))`, "bad i8x16 lane"},
		{`(invoke "f" (v128.const i8x16 -129 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0))`, "bad i8x16 lane"},
		{`(invoke "f" (v128.const i16x8 65536 0 0 0 0 0 0 0))`, "bad i16x8 lane"},
		{`(invoke "f" (v128.const i32x4 0 0 0))`, "needs 4 lanes"},
		{`(invoke "f" (v128.const i4x32 0))`, "unknown v128 shape"},
		{`(invoke "f" (v128.const))`, "needs a shape"},
		{`(invoke "f" (ref.null any))`, "is not a constant"},
		{`(invoke "f" (ref.extern -1))`, "bad extern handle"},
		{`(invoke "f" (ref.func 1))`, "takes no operand"},
		{`(invoke "f" (i32.add))`, "unknown constant"},
		{`(invoke "f" 1)`, "expected a constant"},
		{`(assert_return (module))`, "expected an action"},
		{`(assert_return)`, "needs an action"},
		{`(assert_return (invoke "f") (either))`, "needs alternatives"},
		{`(assert_return (invoke "f") (either (either (i32.const 1))))`, "nested either"},
		{`(assert_trap (invoke "f"))`, "assert_trap needs"},
		{`(assert_trap (invoke "f") trap)`, "expected a message string"},
		{`(assert_exhaustion (module) "x")`, "expected an action"},
		{`(assert_invalid (invoke "f") "x")`, "expected (module ...)"},
		{`(assert_malformed (module binary "" 1) "x")`, "expected a string"},
		{`(assert_unlinkable (module))`, "needs a module and a message"},
	}
	for _, tt := range tests {
		s, err := ParseScript("t.wast", []byte("(module)\n"+tt.src+"\n(module)"))
		if err != nil {
			t.Errorf("ParseScript(%q): %v", tt.src, err)
			continue
		}
		if len(s.Commands) != 3 {
			t.Errorf("ParseScript(%q): %d commands, want 3", tt.src, len(s.Commands))
			continue
		}
		c := s.Commands[1]
		if c.Kind != CmdInvalid || c.Line != 2 {
			t.Errorf("ParseScript(%q): kind %v line %d, want invalid command on line 2", tt.src, c.Kind, c.Line)
			continue
		}
		if !strings.Contains(c.Err.Error(), tt.reason) {
			t.Errorf("ParseScript(%q): error %q, want it to contain %q", tt.src, c.Err, tt.reason)
		}
	}
}

// TestParseSyntaxErrors checks errors in the S-expression structure.
func TestParseSyntaxErrors(t *testing.T) {
	tests := []struct {
		src    string
		line   int
		reason string
	}{
		{"(module", 1, "unclosed parenthesis"},
		{"(module)\n\n(module (func)", 3, "unclosed parenthesis"},
		{"(module))", 1, "unexpected )"},
		{"(module)\n\"abc", 2, "unterminated string"},
		{"(register \"a\nb\")", 1, "newline in string"},
		{"(register \"a\\qb\")", 1, "unknown escape"},
		{"(register \"\\u{110000}\")", 1, "out of range"},
		{"(register \"\\u{d800}\")", 1, "surrogate"},
		{"(register \"\\u{}\")", 1, "malformed unicode escape"},
		{"(register \"\\4\")", 1, "malformed hex escape"},
		{"(module)\n(; a (; b ;) \n", 2, "unterminated block comment"},
		{"(module \x01)", 1, "unexpected character"},
	}
	for _, tt := range tests {
		_, err := ParseScript("t.wast", []byte(tt.src))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ParseScript(%q): error %v, want a *SyntaxError", tt.src, err)
			continue
		}
		if se.Line != tt.line || !strings.Contains(se.Reason, tt.reason) || se.File != "t.wast" {
			t.Errorf("ParseScript(%q): %v, want line %d and %q", tt.src, err, tt.line, tt.reason)
		}
	}
}

// TestLexer checks comments, strings and line counting.
func TestLexer(t *testing.T) {
	src := ";; comment (module\n" +
		"(; block (; nested ;) comment\n ;)\n" +
		"(register \"a\\tb\\n\\\"\\'\\\\\\41\\u{263a}\\u{1_F600}\" $x) ;; (module\n" +
		"(register \"(; not a comment ;)\")\n" +
		"(module binary \";;\" \"\\00\\ff\")(module $m)\n" +
		";; a comment ended by a carriage return\r(register \"cr\")"
	s, err := ParseScript("t.wast", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Command{
		{Kind: CmdRegister, Line: 4, Name: "a\tb\n\"'\\A\u263a\U0001F600", ID: "$x"},
		{Kind: CmdRegister, Line: 5, Name: "(; not a comment ;)"},
		{Kind: CmdModule, Line: 6, Module: &ModuleDef{Form: FormBinary, Src: []byte(`(module binary ";;" "\00\ff")`), Bytes: []byte(";;\x00\xff"), Line: 6}},
		{Kind: CmdModule, Line: 6, Module: &ModuleDef{ID: "$m", Src: []byte(`(module $m)`), Line: 6}},
		{Kind: CmdRegister, Line: 7, Name: "cr"},
	}
	if diff := cmp.Diff(want, s.Commands); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}
