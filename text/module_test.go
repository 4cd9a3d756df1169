package text

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wasmrun/wasmrun/wasm"
)

func mustParse(t *testing.T, src string) *wasm.Module {
	t.Helper()
	m, err := ParseModule([]byte(src))
	if err != nil {
		t.Fatalf("ParseModule(%q): %v", src, err)
	}
	return m
}

// TestAbbreviations checks that each abbreviation produces the same module
// as its expansion.
func TestAbbreviations(t *testing.T) {
	tests := []struct {
		name, short, long string
	}{
		{"inline export", `(func (export "f") (param i32))`,
			`(type (func (param i32))) (func (type 0)) (export "f" (func 0))`},
		{"inline import", `(func $f (import "m" "n") (param i32) (result i64)) (func (call $f (i32.const 1)) drop)`,
			`(type (func (param i32) (result i64))) (type (func)) (import "m" "n" (func (type 0))) (func (type 1) (call 0 (i32.const 1)) drop)`},
		{"import export chain", `(memory (export "a") (export "b") (import "m" "n") 1 2)`,
			`(import "m" "n" (memory 1 2)) (export "a" (memory 0)) (export "b" (memory 0))`},
		{"global import", `(global $g (export "g") (import "m" "n") (mut i32)) (global i32 (global.get $g))`,
			`(import "m" "n" (global (mut i32))) (export "g" (global 0)) (global i32 global.get 0)`},
		{"table import", `(table (import "m" "t") 1 funcref)`, `(import "m" "t" (table 1 funcref))`},
		{"memory data", `(memory (data "ab" "c"))`,
			`(memory 1 1) (data (memory 0) (i32.const 0) "abc")`},
		{"memory data empty", `(memory (data))`, `(memory 0 0) (data (memory 0) (offset i32.const 0))`},
		{"table elem funcs", `(table funcref (elem $f $g)) (func $f) (func $g)`,
			`(table 2 2 funcref) (elem (table 0) (i32.const 0) func 0 1) (func) (func)`},
		{"table elem exprs", `(table externref (elem (ref.null extern) (item ref.null extern)))`,
			`(table 2 2 externref) (elem (table 0) (offset (i32.const 0)) externref (item ref.null extern) (ref.null extern))`},
		{"elem legacy", `(table 1 funcref) (func $f) (elem (i32.const 0) $f)`,
			`(table 1 funcref) (func) (elem (table 0) (offset (i32.const 0)) func 0)`},
		{"elem items", `(elem funcref (ref.func 0) (item (ref.null func)))`,
			`(elem funcref (item ref.func 0) (item ref.null func))`},
		{"data offset", `(memory 1) (data (i32.const 8) "x")`,
			`(memory 1) (data (memory 0) (offset (i32.const 8)) "x")`},
		{"folded", `(func (result i32) (i32.add (i32.const 1) (i32.mul (i32.const 2) (i32.const 3))))`,
			`(func (result i32) i32.const 1 i32.const 2 i32.const 3 i32.mul i32.add)`},
		{"folded if", `(func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2))))`,
			`(func (param i32) (result i32) local.get 0 if (result i32) i32.const 1 else i32.const 2 end)`},
		{"folded if no else", `(func (if (i32.const 1) (then nop)))`, `(func i32.const 1 if nop end)`},
		{"folded block", `(func (block $l (result i32) (br $l (i32.const 1))) drop)`,
			`(func block (result i32) i32.const 1 br 0 end drop)`},
		{"labels", `(func (block $a (loop $b (br_if $a (i32.const 0)) (br_table $a $b $a (i32.const 0)))))`,
			`(func (block (loop (br_if 1 (i32.const 0)) (br_table 1 0 1 (i32.const 0)))))`},
		{"label shadowing", `(func block $l block $l br $l end end)`, `(func block block br 0 end end)`},
		{"end labels", `(func block $l end $l loop $m end $m i32.const 0 if $i else $i end $i)`,
			`(func block end loop end i32.const 0 if else end)`},
		{"locals", `(func (param $a i32) (param f32) (local $b i64) (local f64 f64) (local.get $b) drop (local.set $a (i32.const 0)))`,
			`(func (param i32 f32) (local i64 f64 f64) local.get 2 drop i32.const 0 local.set 0)`},
		{"type use with inline", `(type $t (func (param i32))) (func (type $t) (param $x i32) (local.get $x) drop)`,
			`(type (func (param i32))) (func (type 0) local.get 0 drop)`},
		{"inline type reuse", `(type (func (param i32))) (func (param i32)) (func (param i32))`,
			`(type (func (param i32))) (func (type 0)) (func (type 0))`},
		{"inline types appended in use order", `(func (result f32)) (type (func)) (func (param i64))`,
			`(type (func)) (type (func (result f32))) (type (func (param i64))) (func (type 1)) (func (type 2))`},
		{"block type inline", `(func (block (param i32) (result i32 i32) unreachable))`,
			`(type (func)) (type (func (param i32) (result i32 i32))) (func (type 0) (block (type 1) unreachable))`},
		{"call_indirect", `(table 1 funcref) (func (call_indirect (param i32) (i32.const 0) (i32.const 0)))`,
			`(type (func)) (type (func (param i32))) (table 1 funcref) (func (type 0) i32.const 0 i32.const 0 call_indirect 0 (type 1))`},
		{"call_indirect named table", `(table 0 funcref) (table $t 1 funcref) (type $s (func)) (func (call_indirect $t (type $s) (i32.const 0)))`,
			`(table 0 funcref) (table 1 funcref) (type (func)) (func (type 0) i32.const 0 call_indirect 1 (type 0))`},
		{"named indices", `(global $g i32 (i32.const 0)) (memory $m 1) (table $t 1 funcref) (elem $e func $f) (data $d "") (func $f (global.get $g) (table.get $t) (elem.drop $e) (data.drop $d) drop drop)`,
			`(global i32 (i32.const 0)) (memory 1) (table 1 funcref) (elem func 0) (data "") (func global.get 0 table.get 0 elem.drop 0 data.drop 0 drop drop)`},
		{"table.init forms", `(table $t 1 funcref) (table $u 1 funcref) (elem $e func) (func (table.init $e (i32.const 0) (i32.const 0) (i32.const 0)) (table.init $u $e (i32.const 0) (i32.const 0) (i32.const 0)))`,
			`(table 1 funcref) (table 1 funcref) (elem func) (func i32.const 0 i32.const 0 i32.const 0 table.init 0 0 i32.const 0 i32.const 0 i32.const 0 table.init 1 0)`},
		{"start", `(func $main) (start $main)`, `(func) (start 0)`},
		{"exports by name", `(func $f) (table $t 0 funcref) (memory $m 0) (global $g i32 (i32.const 0)) (export "f" (func $f)) (export "t" (table $t)) (export "m" (memory $m)) (export "g" (global $g))`,
			`(func) (table 0 funcref) (memory 0) (global i32 (i32.const 0)) (export "f" (func 0)) (export "t" (table 0)) (export "m" (memory 0)) (export "g" (global 0))`},
		{"module wrapper", `(module $m (func))`, `(func)`},
		{"module quote", `(module quote "(func" " (n" "op))")`, `(module (func nop))`},
		{"comments", "(func ;; line\n (; block (; nested ;) ;) nop)", `(func nop)`},
		{"line comment ends at CR", "(func ;; comment\r nop)", `(func nop)`},
		{"typed select", `(func (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)) drop)`,
			`(func i32.const 1 i32.const 2 i32.const 0 select (result i32) drop)`},
		{"elem declare", `(func $f) (elem declare func $f)`, `(func) (elem declare func 0)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			short := mustParse(t, tt.short)
			long := mustParse(t, tt.long)
			// Identifiers only show in the name section.
			if diff := cmp.Diff(long, short, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(wasm.Module{}, "Names")); diff != "" {
				t.Errorf("abbreviated form differs from expansion (-long +short):\n%s", diff)
			}
		})
	}
}

// TestModuleFields checks the produced structure of some fields directly.
func TestModuleFields(t *testing.T) {
	m := mustParse(t, `(module
		(type $t (func (param i32) (result i32)))
		(import "env" "f" (func $imp (type $t)))
		(import "env" "g" (global $ig i32))
		(func $own (export "own") (type $t) (local i64 i64 i32) (local.get 0))
		(memory 1 10)
		(table 2 externref)
		(global $x (mut f32) (f32.const 1.5))
		(elem (table 0) (i32.const 1) externref (ref.null extern))
		(data (memory 0) (i32.const 16) "hi\00")
		(start $own))`)
	want := &wasm.Module{
		Types:    []wasm.FuncType{{Params: []wasm.ValType{wasm.I32}, Results: []wasm.ValType{wasm.I32}}},
		Imports:  []wasm.Import{{Module: "env", Name: "f", Kind: wasm.ExternFunc, Func: 0}, {Module: "env", Name: "g", Kind: wasm.ExternGlobal, Global: wasm.GlobalType{Type: wasm.I32}}},
		Funcs:    []uint32{0},
		Tables:   []wasm.TableType{{Elem: wasm.ExternRef, Limits: wasm.Limits{Min: 2}}},
		Memories: []wasm.MemoryType{{Limits: wasm.Limits{Min: 1, Max: 10, HasMax: true}}},
		Globals:  []wasm.Global{{Type: wasm.GlobalType{Type: wasm.F32, Mutable: true}, Init: wasm.ConstExpr{Code: []byte{0x43, 0, 0, 0xC0, 0x3F, 0x0B}}}},
		Exports:  []wasm.Export{{Name: "own", Kind: wasm.ExternFunc, Index: 1}},
		Start:    1, HasStart: true,
		Elems: []wasm.ElemSegment{{Mode: wasm.SegmentActive, Table: 0, Offset: wasm.ConstExpr{Code: []byte{0x41, 1, 0x0B}}, Type: wasm.ExternRef, UsesExprs: true,
			Exprs: []wasm.ConstExpr{{Code: []byte{0xD0, 0x6F, 0x0B}}}, ExplicitTable: true}},
		Code:             []wasm.Code{{Locals: []wasm.LocalDecl{{Count: 2, Type: wasm.I64}, {Count: 1, Type: wasm.I32}}, Body: []byte{0x20, 0, 0x0B}}},
		Datas:            []wasm.DataSegment{{Mode: wasm.SegmentActive, Offset: wasm.ConstExpr{Code: []byte{0x41, 16, 0x0B}}, Init: []byte("hi\x00")}},
		Names:            &wasm.Names{Funcs: map[uint32]string{0: "imp", 1: "own"}},
		NumImportedFuncs: 1, NumImportedGlobals: 1,
	}
	if diff := cmp.Diff(want, m, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("module (-want +got):\n%s", diff)
	}
	// Passive and declarative segments, data count.
	m = mustParse(t, `(memory 1) (data $p "x") (elem $q funcref) (elem declare func 0) (func (memory.init $p (i32.const 0) (i32.const 0) (i32.const 1)))`)
	if m.Datas[0].Mode != wasm.SegmentPassive || m.Elems[0].Mode != wasm.SegmentPassive || m.Elems[1].Mode != wasm.SegmentDeclarative {
		t.Errorf("segment modes: data %v, elem %v %v", m.Datas[0].Mode, m.Elems[0].Mode, m.Elems[1].Mode)
	}
	if !m.HasDataCount || m.DataCount != 1 {
		t.Errorf("data count = %v %d, want true 1", m.HasDataCount, m.DataCount)
	}
}

// TestNames checks the name section built from identifiers.
func TestNames(t *testing.T) {
	tests := []struct {
		src  string
		want *wasm.Names
	}{
		{`(module (func))`, nil},
		{`(module $m)`, &wasm.Names{Module: "m"}},
		{`(import "a" "b" (func $i)) (import "a" "c" (func)) (func (import "a" "d") (param $q i32)) (func $f (param $p i32) (param i64) (local $l f32))`,
			&wasm.Names{
				Funcs:  map[uint32]string{0: "i", 3: "f"},
				Locals: map[uint32]map[uint32]string{3: {0: "p", 2: "l"}},
			}},
	}
	for _, tt := range tests {
		m := mustParse(t, tt.src)
		if diff := cmp.Diff(tt.want, m.Names); diff != "" {
			t.Errorf("%s: names (-want +got):\n%s", tt.src, diff)
		}
	}
}

func TestModuleID(t *testing.T) {
	tests := []struct{ src, id string }{
		{`(module $M1 (func))`, "$M1"},
		{`(module)`, ""},
		{`(func)`, ""},
		{``, ""},
		{`(module $B binary "\00asm\01\00\00\00")`, "$B"},
		{`(module $Q quote "(func)")`, "$Q"},
	}
	for _, tt := range tests {
		m, id, err := ParseModuleID([]byte(tt.src))
		if err != nil || m == nil || id != tt.id {
			t.Errorf("ParseModuleID(%q) = %v, %q, %v; want id %q", tt.src, m != nil, id, err, tt.id)
		}
	}
}

// TestInstructionEncoding checks the bytes produced for instructions with
// every kind of immediate.
func TestInstructionEncoding(t *testing.T) {
	tests := []struct {
		instr string
		want  []byte
	}{
		{"unreachable", []byte{0x00}},
		{"i32.const -1", []byte{0x41, 0x7F}},
		{"i32.const 0xffffffff", []byte{0x41, 0x7F}},
		{"i32.const 64", []byte{0x41, 0xC0, 0x00}},
		{"i64.const 0x8000000000000000", []byte{0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F}},
		{"f32.const 1", []byte{0x43, 0, 0, 0x80, 0x3F}},
		{"f64.const -nan:0x1", []byte{0x44, 1, 0, 0, 0, 0, 0, 0xF0, 0xFF}},
		{"i32.load", []byte{0x28, 2, 0}},
		{"i64.load offset=8", []byte{0x29, 3, 8}},
		{"i32.load8_u align=1", []byte{0x2D, 0, 0}},
		{"i64.store32 offset=0x1_0000 align=2", []byte{0x3E, 1, 0x80, 0x80, 0x04}},
		{"f64.store offset=4294967295", []byte{0x39, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F}},
		{"memory.size", []byte{0x3F, 0}},
		{"memory.grow", []byte{0x40, 0}},
		{"memory.init 0", []byte{0xFC, 8, 0, 0}},
		{"data.drop 3", []byte{0xFC, 9, 3}},
		{"memory.copy", []byte{0xFC, 10, 0, 0}},
		{"memory.fill", []byte{0xFC, 11, 0}},
		{"table.init 3", []byte{0xFC, 12, 3, 0}},
		{"table.init 1 3", []byte{0xFC, 12, 3, 1}},
		{"elem.drop 2", []byte{0xFC, 13, 2}},
		{"table.copy", []byte{0xFC, 14, 0, 0}},
		{"table.copy 1 2", []byte{0xFC, 14, 1, 2}},
		{"table.grow", []byte{0xFC, 15, 0}},
		{"table.size 1", []byte{0xFC, 16, 1}},
		{"table.fill 0", []byte{0xFC, 17, 0}},
		{"table.get", []byte{0x25, 0}},
		{"table.set 2", []byte{0x26, 2}},
		{"i32.trunc_sat_f32_s", []byte{0xFC, 0}},
		{"i64.trunc_sat_f64_u", []byte{0xFC, 7}},
		{"i32.extend8_s", []byte{0xC0}},
		{"select", []byte{0x1B}},
		{"select (result i32)", []byte{0x1C, 1, 0x7F}},
		{"select (result i32) (result f64)", []byte{0x1C, 2, 0x7F, 0x7C}},
		{"ref.null func", []byte{0xD0, 0x70}},
		{"ref.null extern", []byte{0xD0, 0x6F}},
		{"ref.is_null", []byte{0xD1}},
		{"ref.func 0", []byte{0xD2, 0}},
		{"call 0", []byte{0x10, 0}},
		{"call_indirect (type 0)", []byte{0x11, 0, 0}},
		{"call_indirect 1 (type 0)", []byte{0x11, 0, 1}},
		{"return", []byte{0x0F}},
		{"local.get 0 local.tee 0 local.set 0", []byte{0x20, 0, 0x22, 0, 0x21, 0}},
		{"global.get 1 global.set 1", []byte{0x23, 1, 0x24, 1}},
		{"block br 0 br_if 0 br_table 0 0 end", []byte{0x02, 0x40, 0x0C, 0, 0x0D, 0, 0x0E, 1, 0, 0, 0x0B}},
		{"block (result i32) unreachable end", []byte{0x02, 0x7F, 0x00, 0x0B}},
		{"loop (result v128) unreachable end", []byte{0x03, 0x7B, 0x00, 0x0B}},
		{"block (type 0) end", []byte{0x02, 0x00, 0x0B}},
		{"i32.const 0 if else end", []byte{0x41, 0, 0x04, 0x40, 0x05, 0x0B}},
		{"v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 -1 255", []byte{0xFD, 0x0C, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0xFF, 0xFF}},
		{"v128.const i16x8 1 2 3 4 5 6 7 -32768", []byte{0xFD, 0x0C, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0x00, 0x80}},
		{"v128.const i32x4 1 0x10203040 -1 0", []byte{0xFD, 0x0C, 1, 0, 0, 0, 0x40, 0x30, 0x20, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0}},
		{"v128.const i64x2 1 -1", []byte{0xFD, 0x0C, 1, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}},
		{"v128.const f32x4 1 -0 nan inf", []byte{0xFD, 0x0C, 0, 0, 0x80, 0x3F, 0, 0, 0, 0x80, 0, 0, 0xC0, 0x7F, 0, 0, 0x80, 0x7F}},
		{"v128.const f64x2 1 -2", []byte{0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0xC0}},
		{"i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31", []byte{0xFD, 0x0D, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31}},
		{"i8x16.extract_lane_s 15", []byte{0xFD, 0x15, 15}},
		{"f64x2.replace_lane 1", []byte{0xFD, 0x22, 1}},
		{"v128.load", []byte{0xFD, 0x00, 4, 0}},
		{"v128.load64_splat offset=2", []byte{0xFD, 0x0A, 3, 2}},
		{"v128.load8_lane 1", []byte{0xFD, 0x54, 0, 0, 1}},
		{"v128.load32_lane offset=4 align=1 2", []byte{0xFD, 0x56, 0, 4, 2}},
		{"v128.store64_lane align=8 1", []byte{0xFD, 0x5B, 3, 0, 1}},
		{"v128.load32_zero", []byte{0xFD, 0x5C, 2, 0}},
		{"i32x4.dot_i16x8_s", []byte{0xFD, 0xBA, 0x01}},
		{"f64x2.convert_low_i32x4_u", []byte{0xFD, 0xFF, 0x01}},
		{"i8x16.swizzle", []byte{0xFD, 0x0E}},
		{"v128.any_true", []byte{0xFD, 0x53}},
	}
	for _, tt := range tests {
		m, err := ParseModule([]byte("(func " + tt.instr + ")"))
		if err != nil {
			t.Errorf("%s: %v", tt.instr, err)
			continue
		}
		body := m.Code[0].Body
		if len(body) == 0 || body[len(body)-1] != 0x0B {
			t.Errorf("%s: body %x does not end with 0x0B", tt.instr, body)
			continue
		}
		if diff := cmp.Diff(tt.want, body[:len(body)-1]); diff != "" {
			t.Errorf("%s: encoding (-want +got):\n%s", tt.instr, diff)
		}
	}
}

// TestMalformed checks that malformed text is rejected with the expected
// reason.
func TestMalformed(t *testing.T) {
	tests := []struct{ src, reason string }{
		{`(func (i32.const0))`, "unknown operator"},
		{`(func get_local 0)`, "unknown operator get_local"},
		{`(func (nop) (local i32))`, "unexpected token local"},
		{`(func (result i32) (param i32))`, "unexpected token param"},
		{`(func (f32.const nan:canonical))`, "unexpected token"},
		{`(func (v128.const i32x4 0x10000000000000000 0x10000000000000000))`, "wrong number of lane literals"},
		{`(func (v128.const f32x4 .0 .0 .0 .0))`, "unknown operator .0"},
		{`(func (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1))`, "malformed lane index"},
		{`(func (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 256))`, "malformed lane index"},
		{`(func (i8x16.extract_lane_s 1.5))`, "unexpected token"},
		{`(func $f) (func $f)`, "duplicate func $f"},
		{`(func (param $x i32) (local $x i32))`, "duplicate local $x"},
		{`(import "m" "n" (global $g i32)) (global $g i32 (i32.const 0))`, "duplicate global"},
		{`(type $t (func)) (type $t (func))`, "duplicate type"},
		{`(memory $m 1) (memory $m 1)`, "duplicate memory"},
		{`(table $t 1 funcref) (table $t 1 funcref)`, "duplicate table"},
		{`(elem $e func) (elem $e func)`, "duplicate elem"},
		{`(data $d "") (data $d "")`, "duplicate data"},
		{`(func) (import "m" "n" (func))`, "import after function"},
		{`(global i32 (i32.const 0)) (import "m" "n" (table 1 funcref))`, "import after global"},
		{`(memory 1) (func (import "m" "n"))`, "import after memory"},
		{`(table 0 funcref) (global (import "m" "n") i32)`, "import after table"},
		{`(func (call $nope))`, "unknown function $nope"},
		{`(func (local.get $nope))`, "unknown local $nope"},
		{`(func (br $nope))`, "unknown label $nope"},
		{`(func (call_indirect (type $nope)))`, "unknown type $nope"},
		{`(func (global.get $nope))`, "unknown global"},
		{`(func (table.get $nope (i32.const 0)))`, "unknown table"},
		{`(func (data.drop $nope))`, "unknown data segment"},
		{`(func (elem.drop $nope))`, "unknown elem segment"},
		{`(func block $a end $b)`, "mismatching label"},
		{`(func block end $l)`, "mismatching label"},
		{`(func i32.const 0 if $a else $b end)`, "mismatching label"},
		{`(type $t (func (param i32))) (func (type $t) (param i64))`, "inline function type"},
		{`(type $t (func)) (func (type $t) (result i32))`, "inline function type"},
		{`(func (block (param $x i32)))`, "unexpected token"},
		{`(func (call_indirect (param $x i32)))`, "unexpected token"},
		{`(func (i32.const 4294967296))`, "constant out of range"},
		{`(func (i64.const 18446744073709551616))`, "constant out of range"},
		{`(func (f32.const 0x1p128))`, "constant out of range"},
		{`(func (f64.const nan:0x0))`, "constant out of range"},
		{`(memory 0x1_0000_0000)`, "constant out of range"},
		{`(func (i32.load align=3 (i32.const 0)))`, "alignment"},
		{`(func (i32.load align=0 (i32.const 0)))`, "alignment"},
		{`(func (i32.load offset=4294967296 (i32.const 0)))`, "constant out of range"},
		{`(func (i8x16.shuffle 0 1 2))`, "invalid lane length"},
		{`(func (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16))`, "invalid lane length"},
		{`(func (i8x16.extract_lane_s 256))`, "malformed lane index"},
		{`(func (i8x16.extract_lane_s -1))`, "unexpected token"},
		{`(func (v128.const i32x4 1 2 3))`, "wrong number of lane literals"},
		{`(func (v128.const i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0))`, "constant out of range"},
		{`(func (v128.const i9x16 0))`, "unexpected token"},
		{`(start 0) (start 0)`, "multiple start sections"},
		{`(data $l"a")`, "unknown operator"},
		{`(data "a""b")`, "unknown operator"},
		{`(func br 0drop)`, "unknown operator"},
		{`(func (nop)`, "unexpected end"},
		{`(func))`, "unexpected token )"},
		{`(func (; unclosed`, "unclosed comment"},
		{`(func "unclosed)`, "unclosed string"},
		{`(func ; nop)`, "unexpected character"},
		{`(func [nop])`, "unexpected character"},
		{`(export "\ff" (func 0))`, "malformed UTF-8 encoding"},
		{`(import "m" "\c3" (func))`, "malformed UTF-8 encoding"},
		{`(func (ref.null any))`, "unknown operator any"},
		{`(table 1 anyfunc)`, "unknown operator anyfunc"},
		{`(func (ref.null any))`, "unknown operator any (garbage collection is not supported)"},
		{`(type (struct))`, "unknown operator struct (garbage collection is not supported)"},
		{`(rec (type (func)))`, "unknown operator rec (garbage collection is not supported)"},
		{`(func (param eqref))`, "unknown operator eqref (garbage collection is not supported)"},
		{`(func (drop (struct.new 0)))`, "unknown operator struct.new (garbage collection is not supported)"},
		{`(memory 0x1_0000_0000)`, "i32 constant out of range"},
		{`(func end)`, "unexpected token end"},
		{`(func (if (i32.const 0) nop))`, "unexpected token"},
		{`(func (i32.add i32.const 1))`, "unexpected token"},
		{`(frob)`, "unknown operator frob"},
		{`(module (func) (module))`, "unknown operator module"},
		{`(module) (module)`, "unexpected token"},
		{`(module quote "(func (nop)")`, "unexpected end"},
		{`(module binary "\00asm")`, "unexpected end"},
		{`(br_table)`, "unknown operator br_table"},
		{`(func (br_table))`, "unexpected token"},
		{`(elem)`, "unexpected token"},
		{`(elem (table 0) (i32.const 0) 0)`, "unexpected token"},
		{`(table 1 i32)`, "unexpected token"},
		{`(global i32 (i32.const 0)`, "unexpected end"},
	}
	for _, tt := range tests {
		m, _, err := ParseModuleFeatures([]byte(tt.src), 0) // WebAssembly 2.0 syntax
		if err == nil {
			t.Errorf("%s: accepted (%d funcs), want error %q", tt.src, len(m.Funcs), tt.reason)
			continue
		}
		if !strings.Contains(err.Error(), tt.reason) {
			t.Errorf("%s: error %q, want it to contain %q", tt.src, err, tt.reason)
		}
	}
}

func TestErrorPosition(t *testing.T) {
	_, err := ParseModule([]byte("(module\n  (func\n    (i32.add (local.get $x))))"))
	want := &Error{Line: 3, Col: 25, Reason: "unknown local $x"}
	if diff := cmp.Diff(want, err); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	if got := want.Error(); got != "3:25: unknown local $x" {
		t.Errorf("Error() = %q", got)
	}
}

// TestDeepNesting checks that hostile folded nesting fails cleanly and that
// deeply nested plain blocks, which need no recursion, are accepted.
func TestDeepNesting(t *testing.T) {
	for _, src := range []string{
		"(func " + strings.Repeat("(block ", 100000) + strings.Repeat(")", 100000) + ")",
		"(func " + strings.Repeat("(i32.eqz ", 100000) + "(i32.const 0)" + strings.Repeat(")", 100000) + ")",
		strings.Repeat("(", 100000),
		"(func " + strings.Repeat("block ", 100000) + strings.Repeat("end ", 99999) + ")",
	} {
		if _, err := ParseModule([]byte(src)); err == nil {
			t.Errorf("deep nesting of %d bytes accepted", len(src))
		}
	}
	// Moderate folded nesting is fine.
	mustParse(t, "(func "+strings.Repeat("(block ", 1000)+strings.Repeat(")", 1000)+")")
	// Deep plain nesting, with a branch to the outermost label.
	const n = 100000
	m := mustParse(t, "(func block $out "+strings.Repeat("block ", n)+"br $out "+strings.Repeat("end ", n)+"end)")
	body := m.Code[0].Body
	want := 2 + 2*n + 4 + n + 2 // block $out, n blocks, br with a 3-byte LEB depth, n ends, end of $out and of the body
	if len(body) != want {
		t.Errorf("body length %d, want %d", len(body), want)
	}
	if got := body[2+2*n : 2+2*n+4]; got[0] != 0x0C || got[1] != 0xA0 || got[2] != 0x8D || got[3] != 0x06 {
		t.Errorf("br encoding %x, want 0c a08d06 (depth %d)", got, n)
	}
}
