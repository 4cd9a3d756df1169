package binary

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestDecodeMalformed checks every rejection of Decode with a
// hand-assembled module: the reason (as the suite words it) and the
// offset.
func TestDecodeMalformed(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		reason string
		offset int // -1: not checked
	}{
		{"empty", bs(), "unexpected end", 0},
		{"short magic", bs(0, 'a', 's'), "unexpected end", 3},
		{"bad magic", bs(0, 'A', 'S', 'M', 1, 0, 0, 0), "magic header not detected", 0},
		{"short version", bs(0, 'a', 's', 'm', 1, 0), "unexpected end", 6},
		{"bad version", bs(0, 'a', 's', 'm', 2, 0, 0, 0), "unknown binary version", 4},
		{"section id 13", mod(bs(13, 0)), "malformed section id", 8},
		{"section id 0x80", mod(bs(0x80, 1, 0)), "malformed section id", 8},
		{"section out of order", mod(funcOne, typeVoid), "unexpected content after last section", 12},
		{"duplicate section", mod(typeVoid, typeVoid), "unexpected content after last section", 14},
		{"data count after code", mod(typeVoid, funcOne, emptyCode, dataCnt1), "unexpected content after last section", -1},
		{"section size too big", mod(bs(1, 5, 0)), "length out of bounds", 9},
		{"section size too small", mod(bs(1, 1, 1, 0x60, 0, 0)), "section size mismatch", 10},
		{"section size too large for content", mod(bs(1, 5, 1, 0x60, 0, 0, 0)), "section size mismatch", 10},
		{"section size leb too long", mod(bs(1, 0x80, 0x80, 0x80, 0x80, 0x80, 0)), "integer representation too long", -1},
		{"section size leb too large", mod(bs(1, 0x80, 0x80, 0x80, 0x80, 0x10)), "integer too large", 13},
		{"truncated leb", mod(bs(1, 0x80)), "unexpected end", 10},
		{"vector count out of bounds", mod(sec(secType, bs(0x7F))), "length out of bounds", 10},
		{"truncated type", mod(bs(1, 2, 1, 0x60)), "unexpected end of section or function", 12},
		{"bad functype form", mod(sec(secType, vec(bs(0x61, 0, 0)))), "malformed function type", 11},
		{"functype form as leb", mod(sec(secType, vec(bs(0xE0, 0x7F, 0, 0)))), "integer representation too long", 11},
		{"bad value type", mod(sec(secType, vec(bs(0x60, 1, 0x7A, 0)))), "malformed value type", 13},
		{"import bad utf8", mod(sec(secImport, vec(cat(bs(1, 0xFF), name("f"), bs(0, 0))))), "malformed UTF-8 encoding", -1},
		{"import name out of bounds", mod(sec(secImport, vec(cat(bs(0x20, 'a'))))), "length out of bounds", -1},
		{"import kind", mod(sec(secImport, vec(cat(name("m"), name("f"), bs(4))))), "malformed import kind", 15},
		{"import global mutability", mod(sec(secImport, vec(cat(name("m"), name("g"), bs(3, 0x7F, 2))))), "malformed mutability", 17},
		{"import table reftype", mod(sec(secImport, vec(cat(name("m"), name("t"), bs(1, 0x7F, 0, 0))))), "malformed reference type", 16},
		{"table reftype", mod(sec(secTable, vec(bs(0x7F, 0, 1)))), "malformed reference type", 11},
		{"limits flag 2", mod(sec(secMemory, vec(bs(2, 0)))), "integer too large", 11},
		{"limits flag as leb", mod(sec(secMemory, vec(bs(0x81, 0, 0)))), "integer representation too long", 11},
		{"memory min too large", mod(sec(secMemory, vec(bs(0, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F)))), "integer too large", -1},
		{"global mutability", mod(sec(secGlobal, vec(cat(bs(0x7F, 2), i32Const0)))), "malformed mutability", 12},
		{"global init missing end", mod(sec(secGlobal, vec(cat(bs(0x7F, 0, 0x41, 0))))), "unexpected end", -1},
		{"global init illegal opcode", mod(sec(secGlobal, vec(cat(bs(0x7F, 0, 0xFF, 0x0B))))), "illegal opcode", 13},
		{"export kind", mod(sec(secExport, vec(cat(name("e"), bs(4, 0))))), "malformed export kind", 13},
		{"start leb", mod(sec(secStart, bs(0x80))), "unexpected end", -1},
		{"elem flags 8", mod(sec(secElement, vec(bs(8)))), "malformed elements segment kind", 11},
		{"elem kind 1", mod(tableOne, sec(secElement, vec(bs(1, 1, 0)))), "malformed elements segment kind", -1},
		{"elem reftype", mod(tableOne, sec(secElement, vec(bs(5, 0x7F, 0)))), "malformed reference type", -1},
		{"elem expr illegal", mod(tableOne, sec(secElement, vec(bs(5, 0x70, 1, 0xF3, 0, 0x0B)))), "illegal opcode", -1},
		{"data kind 3", mod(memOne, sec(secData, vec(bs(3)))), "malformed data segment kind", -1},
		{"data init truncated", mod(memOne, bs(secData, 5, 1, 1, 3, 'a', 'b')), "unexpected end of section or function", -1},
		{"data init out of bounds", mod(memOne, bs(secData, 4, 1, 1, 9, 'a')), "length out of bounds", -1},
		{"function without code", mod(typeVoid, funcOne), "function and code section have inconsistent lengths", -1},
		{"code without function", mod(typeVoid, emptyCode), "function and code section have inconsistent lengths", -1},
		{"data count mismatch", mod(memOne, sec(secDataCount, u32(2)), dataPass), "data count and data section have inconsistent lengths", -1},
		{"data count without data", mod(memOne, dataCnt1), "data count and data section have inconsistent lengths", -1},
		{"data.drop needs data count", mod(typeVoid, funcOne, sec(secCode, vec(body(nil, 0xFC, 9, 0, 0x0B))), dataPass), "data count section required", -1},
		{"memory.init needs data count", mod(typeVoid, funcOne, memOne, sec(secCode, vec(body(nil, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 0, 0, 0x0B))), dataPass), "data count section required", -1},
		{"too many locals", mod(typeVoid, funcOne, sec(secCode, vec(body(bs(2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 1, 0x7E), 0x0B)))), "too many locals", -1},
		{"local type", mod(typeVoid, funcOne, sec(secCode, vec(body(bs(1, 1, 0x40), 0x0B)))), "malformed value type", -1},
		{"body size mismatch", mod(typeVoid, funcOne, sec(secCode, vec(cat(bs(3, 0, 0x0B, 0x01))))), "section size mismatch", -1},
		{"body missing end", mod(typeVoid, funcOne, sec(secCode, vec(body(nil, 0x01)))), "unexpected end of section or function", -1},
		{"body else outside if", funcBody(0x05, 0x0B), "END opcode expected", -1},
		{"body two elses", funcBody(0x41, 0, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B), "END opcode expected", -1},
		{"body else in block", funcBody(0x02, 0x40, 0x05, 0x0B, 0x0B), "END opcode expected", -1},
		{"body unclosed block", funcBody(0x02, 0x40, 0x0B), "unexpected end", -1},
		{"body illegal opcode", funcBody(0x06, 0x0B), "illegal opcode", -1},
		{"body illegal misc opcode", funcBody(0xFC, 0x20, 0x0B), "illegal opcode", -1},
		{"body illegal simd opcode", funcBody(0xFD, 0xFF, 0x7F, 0x0B), "illegal opcode", -1},
		{"body prefix sub too large", funcBody(0xFC, 0x80, 0x80, 0x80, 0x80, 0x10, 0x0B), "integer too large", -1},
		{"memory.size zero byte", funcBody(0x3F, 0x01, 0x1A, 0x0B), "zero byte expected", -1},
		{"memory.grow zero byte as leb", funcBody(0x41, 0, 0x40, 0x80, 0x00, 0x1A, 0x0B), "zero byte expected", -1},
		{"memory.fill zero byte", funcBody(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 11, 1, 0x0B), "zero byte expected", -1},
		{"memory.copy zero byte", funcBody(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 10, 0, 1, 0x0B), "zero byte expected", -1},
		{"memarg align 32", funcBody(0x41, 0, 0x28, 0x20, 0, 0x1A, 0x0B), "malformed memop flags", -1},
		{"i32.const too long", funcBody(0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B), "integer representation too long", -1},
		{"i32.const too large", funcBody(0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x0B), "integer too large", -1},
		{"i64.const too long", funcBody(0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B), "integer representation too long", -1},
		{"f64.const truncated", mod(typeVoid, funcOne, bs(secCode, 6, 1, 4, 0, 0x44, 0, 0)), "unexpected end", -1},
		{"ref.null type", funcBody(0xD0, 0x7F, 0x1A, 0x0B), "malformed reference type", -1},
		{"select type", funcBody(0x1C, 1, 0x40, 0x0B), "malformed value type", -1},
		{"select count out of bounds", funcBody(0x1C, 0x7F, 0x0B), "length out of bounds", -1},
		{"br_table count out of bounds", funcBody(0x0E, 0x7F, 0x0B), "length out of bounds", -1},
		{"block type value", funcBody(0x02, 0x50, 0x0B, 0x0B), "malformed value type", -1},
		{"block type negative", funcBody(0x02, 0x80, 0x7F, 0x0B, 0x0B), "malformed block type", -1},
		{"truncated block type", funcBody(0x02), "unexpected end", -1},
		{"truncated block type index", funcBody(0x02, 0x80), "unexpected end", -1},
		{"truncated prefix", funcBody(0xFC), "unexpected end", -1},
		{"truncated prefix sub-opcode", funcBody(0xFD, 0x80), "unexpected end", -1},
		{"truncated local index", funcBody(0x20, 0x80), "unexpected end", -1},
		{"truncated data index", funcBody(0xFC, 9, 0x80), "unexpected end", -1},
		{"truncated memory.init", funcBody(0xFC, 8, 0x80), "unexpected end", -1},
		{"truncated memory.init zero", funcBody(0xFC, 8, 0), "unexpected end", -1},
		{"truncated call_indirect", funcBody(0x11, 0), "unexpected end", -1},
		{"truncated call_indirect table", funcBody(0x11, 0, 0x80), "unexpected end", -1},
		{"truncated br_table", funcBody(0x0E, 1, 0), "unexpected end", -1},
		{"truncated br_table label", funcBody(0x0E, 1, 0, 0x80), "unexpected end", -1},
		{"truncated select t", funcBody(0x1C, 2, 0x7F), "unexpected end", -1},
		{"truncated memarg", funcBody(0x28), "unexpected end", -1},
		{"truncated memarg align", funcBody(0x28, 0x80), "unexpected end", -1},
		{"truncated memarg offset", funcBody(0x28, 0, 0x80), "unexpected end", -1},
		{"truncated memarg lane", funcBody(0xFD, 0x54, 0, 0), "unexpected end", -1},
		{"truncated lane", funcBody(0xFD, 0x15), "unexpected end", -1},
		{"truncated v128.const", funcBody(0xFD, 12, 0, 0), "unexpected end", -1},
		{"truncated memory.size", funcBody(0x3F), "unexpected end", -1},
		{"truncated ref.null", funcBody(0xD0), "unexpected end", -1},
		{"truncated i32.const", funcBody(0x41, 0x80), "unexpected end", -1},
		{"truncated i64.const", funcBody(0x42, 0x80), "unexpected end", -1},
		{"truncated f32.const", funcBody(0x43, 0, 0), "unexpected end", -1},
		{"custom name out of section", mod(bs(0, 1, 5, 'a')), "unexpected end", -1},
		{"custom empty", mod(bs(0, 0)), "unexpected end", -1},
		{"custom bad utf8", mod(sec(secCustom, bs(1, 0xC0))), "malformed UTF-8 encoding", -1},
		{"concatenated modules", mod(mod()), "length out of bounds", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := DecodeFeatures(tt.in, 0) // the cases are WebAssembly 2.0
			if err == nil {
				t.Fatalf("decoded fine: %+v", m)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			if !strings.Contains(e.Reason, tt.reason) {
				t.Errorf("reason %q, want %q", e.Reason, tt.reason)
			}
			if tt.offset >= 0 && e.Offset != tt.offset {
				t.Errorf("offset %#x, want %#x (%s)", e.Offset, tt.offset, e.Reason)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("Error() = %q lacks the reason", err.Error())
			}
		})
	}
}

// TestDecodeWellFormed decodes hand-assembled modules and compares the
// result field by field.
func TestDecodeWellFormed(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want *wasm.Module
	}{
		{"empty", mod(), &wasm.Module{}},
		{"types", mod(sec(secType, vec(bs(0x60, 2, 0x7F, 0x7E, 1, 0x7B), bs(0x60, 0, 0)))), &wasm.Module{
			Types: []wasm.FuncType{{Params: []wasm.ValType{wasm.I32, wasm.I64}, Results: []wasm.ValType{wasm.V128}}, {}},
		}},
		{"imports", mod(typeVoid, sec(secImport, vec(
			cat(name("m"), name("f"), bs(0, 0)),
			cat(name("m"), name("t"), bs(1, 0x6F, 1, 2, 3)),
			cat(name("m"), name("mem"), bs(2, 0, 1)),
			cat(name("m"), name("g"), bs(3, 0x7D, 1)),
			cat(name("m"), name("f2"), bs(0, 0)),
		))), &wasm.Module{
			Types: []wasm.FuncType{{}},
			Imports: []wasm.Import{
				{Module: "m", Name: "f", Kind: wasm.ExternFunc},
				{Module: "m", Name: "t", Kind: wasm.ExternTable, Table: wasm.TableType{Elem: wasm.ExternRef, Limits: wasm.Limits{Min: 2, Max: 3, HasMax: true}}},
				{Module: "m", Name: "mem", Kind: wasm.ExternMemory, Memory: wasm.MemoryType{Limits: wasm.Limits{Min: 1}}},
				{Module: "m", Name: "g", Kind: wasm.ExternGlobal, Global: wasm.GlobalType{Type: wasm.F32, Mutable: true}},
				{Module: "m", Name: "f2", Kind: wasm.ExternFunc},
			},
			NumImportedFuncs: 2, NumImportedTables: 1, NumImportedMemories: 1, NumImportedGlobals: 1,
		}},
		{"functions and code", mod(typeVoid, sec(secFunction, vec(bs(0), bs(0))), sec(secCode, vec(
			body(bs(2, 3, 0x7F, 1, 0x7C), 0x20, 0, 0x1A, 0x0B),
			body(nil, 0x0B),
		))), &wasm.Module{
			Types: []wasm.FuncType{{}},
			Funcs: []uint32{0, 0},
			Code: []wasm.Code{
				{Locals: []wasm.LocalDecl{{Count: 3, Type: wasm.I32}, {Count: 1, Type: wasm.F64}}, Body: bs(0x20, 0, 0x1A, 0x0B), Offset: 28},
				{Body: bs(0x0B), Offset: 34},
			},
		}},
		{"globals exports start", mod(typeVoid, funcOne,
			sec(secGlobal, vec(cat(bs(0x7F, 0), i32Const0), bs(0x70, 1, 0xD0, 0x70, 0x0B))),
			sec(secExport, vec(cat(name("f"), bs(0, 0)), cat(name("g"), bs(3, 1)))),
			sec(secStart, u32(0)),
			emptyCode,
		), &wasm.Module{
			Types:    []wasm.FuncType{{}},
			Funcs:    []uint32{0},
			Globals:  []wasm.Global{{Type: wasm.GlobalType{Type: wasm.I32}, Init: wasm.ConstExpr{Code: i32Const0}}, {Type: wasm.GlobalType{Type: wasm.FuncRef, Mutable: true}, Init: wasm.ConstExpr{Code: bs(0xD0, 0x70, 0x0B)}}},
			Exports:  []wasm.Export{{Name: "f", Kind: wasm.ExternFunc}, {Name: "g", Kind: wasm.ExternGlobal, Index: 1}},
			HasStart: true,
			Code:     []wasm.Code{{Body: bs(0x0B), Offset: 50}},
		}},
		{"element encodings", mod(typeVoid, funcOne, tableOne, sec(secElement, vec(
			cat(bs(0), i32Const0, vec(bs(0))),
			cat(bs(1, 0), vec(bs(0), bs(0))),
			cat(bs(2, 1), i32Const0, bs(0), vec(bs(0))),
			cat(bs(3, 0), vec()),
			cat(bs(4), i32Const0, vec(bs(0xD2, 0, 0x0B))),
			cat(bs(5, 0x6F), vec(bs(0xD0, 0x6F, 0x0B))),
			cat(bs(6, 0), i32Const0, bs(0x70), vec(bs(0xD0, 0x70, 0x0B))),
			cat(bs(7, 0x70), vec(bs(0xD2, 0, 0x0B))),
		)), emptyCode), &wasm.Module{
			Types:  []wasm.FuncType{{}},
			Funcs:  []uint32{0},
			Tables: []wasm.TableType{{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 1}}},
			Elems: []wasm.ElemSegment{
				{Mode: wasm.SegmentActive, Offset: wasm.ConstExpr{Code: i32Const0}, Type: wasm.FuncRef, Funcs: []uint32{0}},
				{Mode: wasm.SegmentPassive, Type: wasm.FuncRef, Funcs: []uint32{0, 0}},
				{Mode: wasm.SegmentActive, Table: 1, ExplicitTable: true, Offset: wasm.ConstExpr{Code: i32Const0}, Type: wasm.FuncRef, Funcs: []uint32{0}},
				{Mode: wasm.SegmentDeclarative, Type: wasm.FuncRef, Funcs: []uint32{}},
				{Mode: wasm.SegmentActive, Offset: wasm.ConstExpr{Code: i32Const0}, Type: wasm.FuncRef, UsesExprs: true, Exprs: []wasm.ConstExpr{{Code: bs(0xD2, 0, 0x0B)}}},
				{Mode: wasm.SegmentPassive, Type: wasm.ExternRef, UsesExprs: true, Exprs: []wasm.ConstExpr{{Code: bs(0xD0, 0x6F, 0x0B)}}},
				{Mode: wasm.SegmentActive, ExplicitTable: true, Offset: wasm.ConstExpr{Code: i32Const0}, Type: wasm.FuncRef, UsesExprs: true, Exprs: []wasm.ConstExpr{{Code: bs(0xD0, 0x70, 0x0B)}}},
				{Mode: wasm.SegmentDeclarative, Type: wasm.FuncRef, UsesExprs: true, Exprs: []wasm.ConstExpr{{Code: bs(0xD2, 0, 0x0B)}}},
			},
			Code: []wasm.Code{{Body: bs(0x0B), Offset: 84}},
		}},
		{"data and data count", mod(memOne, sec(secDataCount, u32(3)), sec(secData, vec(
			cat(bs(0), i32Const0, name("ab")),
			bs(1, 0),
			cat(bs(2, 1), i32Const0, name("c")),
		))), &wasm.Module{
			Memories:     []wasm.MemoryType{{Limits: wasm.Limits{Min: 1}}},
			DataCount:    3,
			HasDataCount: true,
			Datas: []wasm.DataSegment{
				{Offset: wasm.ConstExpr{Code: i32Const0}, Init: []byte("ab")},
				{Mode: wasm.SegmentPassive, Init: []byte{}},
				{Memory: 1, Offset: wasm.ConstExpr{Code: i32Const0}, Init: []byte("c")},
			},
		}},
		{"customs and names", mod(
			sec(secCustom, name("first"), bs(1, 2, 3)),
			typeVoid,
			sec(secCustom, name("name"),
				bs(0), u32(3), name("mo"),
				bs(1), u32(7), vec(cat(u32(0), name("f")), cat(u32(5), name("g"))),
				bs(2), u32(9), vec(cat(u32(0), vec(cat(u32(1), name("x")), cat(u32(2), name("y"))))),
			),
		), &wasm.Module{
			Types: []wasm.FuncType{{}},
			Customs: []wasm.CustomSection{
				{Name: "first", Data: bs(1, 2, 3)},
				{Name: "name", Data: cat(bs(0), u32(3), name("mo"),
					bs(1), u32(7), vec(cat(u32(0), name("f")), cat(u32(5), name("g"))),
					bs(2), u32(9), vec(cat(u32(0), vec(cat(u32(1), name("x")), cat(u32(2), name("y")))))),
				},
			},
			// The module has no functions: their names are dropped.
			Names: &wasm.Names{
				Module: "mo",
				Funcs:  map[uint32]string{},
				Locals: map[uint32]map[uint32]string{},
			},
		}},
		{"malformed name section is ignored", mod(sec(secCustom, name("name"), bs(1, 9, 1))), &wasm.Module{
			Customs: []wasm.CustomSection{{Name: "name", Data: bs(1, 9, 1)}},
		}},
		{"every syntax form", funcBody(
			0x02, 0x40, 0x03, 0x7F, 0x41, 1, 0x0C, 1, 0x0B, 0x1A, 0x0B, // block (loop (result i32) i32.const 1 br 1) drop
			0x41, 0, 0x04, 0x40, 0x01, 0x05, 0x01, 0x0B, // if else end
			0x41, 0, 0x04, 0x00, 0x0B, // if with type index 0
			0x41, 0, 0x0E, 2, 0, 0, 0, // br_table
			0x41, 0, 0x41, 0, 0x41, 0, 0x1C, 1, 0x7F, 0x1A, // select t
			0x41, 0, 0x11, 0, 0, // call_indirect type 0 table 0
			0x3F, 0, 0x40, 0, 0x1A, // memory.size memory.grow drop
			0x41, 0, 0x28, 2, 0x80, 0x01, 0x1A, // i32.load offset=128
			0x42, 0x7F, 0x1A, 0x43, 0, 0, 0, 0, 0x1A, 0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0x1A, // consts
			0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 10, 0, 0, // memory.copy
			0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 11, 0, // memory.fill
			0xFD, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // v128.const
			0xFD, 0x0D, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, // i8x16.shuffle
			0xFD, 0x15, 3, 0x1A, // i8x16.extract_lane_s 3
			0x41, 0, 0xFD, 0x54, 0, 0, 1, 0x1A, // v128.load8_lane
			0xD0, 0x70, 0xD1, 0x1A, // ref.null func ref.is_null
			0xFC, 0x80, 0x00, 0x1A, // i32.trunc_sat_f32_s with a two-byte sub-opcode
			0x0F, 0x0B), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Decode(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range m.Code {
				if got := tt.in[c.Offset : c.Offset+len(c.Body)]; !bytes.Equal(got, c.Body) {
					t.Errorf("code %d: input at offset %d is % x, body % x", i, c.Offset, got, c.Body)
				}
			}
			if tt.want == nil {
				return
			}
			if diff := cmp.Diff(tt.want, m, cmpOpts); diff != "" {
				t.Errorf("module mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// cmpOpts compares modules treating nil and empty slices alike; byte
// slices are compared with bytes.Equal (fast on large modules).
var cmpOpts = cmp.Options{
	cmp.Comparer(bytes.Equal),
	cmp.FilterValues(func(x, y any) bool {
		return isEmptySlice(x) && isEmptySlice(y)
	}, cmp.Comparer(func(x, y any) bool { return true })),
}

// ignoreOffsets ignores Code.Offset, which depends on the encoding.
var ignoreOffsets = cmp.FilterPath(func(p cmp.Path) bool {
	sf, ok := p.Last().(cmp.StructField)
	return ok && sf.Name() == "Offset" && p.Index(-2).Type() == reflect.TypeOf(wasm.Code{})
}, cmp.Ignore())

func isEmptySlice(v any) bool {
	switch s := v.(type) {
	case []uint32:
		return len(s) == 0
	case []wasm.ValType:
		return len(s) == 0
	case []wasm.LocalDecl:
		return len(s) == 0
	case []wasm.ConstExpr:
		return len(s) == 0
	case []wasm.CustomSection:
		return len(s) == 0
	}
	return false
}

// TestCodeOffset checks that Code.Offset points at the body's first
// instruction in the input.
func TestCodeOffset(t *testing.T) {
	in := mod(typeVoid, sec(secFunction, vec(bs(0), bs(0))), sec(secCode, vec(
		body(bs(1, 1, 0x7F), 0x01, 0x0B),
		body(nil, 0x0B),
	)))
	m, err := Decode(in)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range m.Code {
		if got := in[c.Offset : c.Offset+len(c.Body)]; !cmp.Equal(got, c.Body) {
			t.Errorf("code %d: input at offset %d is % x, body % x", i, c.Offset, got, c.Body)
		}
	}
}

// TestDecode3 checks the 3.0 encodings of limits and memory immediates,
// with 3.0 enabled (Decode) and as WebAssembly 2.0.
func TestDecode3(t *testing.T) {
	memFunc := func(body ...byte) []byte {
		return mod(sec(secType, bs(1, 0x60, 0, 0)), sec(secFunction, bs(1, 0)), sec(secMemory, bs(2, 0, 1, 0, 1)),
			sec(secCode, cat(bs(1, byte(len(body)+1), 0), body)))
	}
	tests := []struct {
		name        string
		in          []byte
		want, want2 string // reasons with 3.0 and with 2.0 ("" decodes)
	}{
		{"memory64 limits", mod(sec(secMemory, bs(1, 5, 1, 2))), "", "integer too large"},
		{"table64 limits", mod(sec(secTable, bs(1, 0x70, 4, 1))), "", "integer too large"},
		{"shared memory", mod(sec(secMemory, bs(1, 3, 1, 2))), "shared memories (threads proposal) are not supported", "integer too large"},
		{"shared table", mod(sec(secTable, bs(1, 0x70, 3, 1, 2))), "malformed limits flags", "integer too large"},
		{"limits flags 8", mod(sec(secMemory, bs(1, 8, 1))), "malformed limits flags", "integer too large"},
		{"memarg with memory index", memFunc(0x41, 0, 0x28, 0x42, 1, 0, 0x1A, 0x0B), "", "malformed memop flags"},
		{"memarg flags 128", memFunc(0x41, 0, 0x28, 0x80, 1, 0, 0x1A, 0x0B), "malformed memop flags", "malformed memop flags"},
		{"memarg 64-bit offset", memFunc(0x41, 0, 0x28, 2, 0x80, 0x80, 0x80, 0x80, 0x80, 1, 0x1A, 0x0B), "", "integer representation too long"},
		{"memory.size 1", memFunc(0x3F, 1, 0x1A, 0x0B), "", "zero byte expected"},
		{"memory.copy 1 0", memFunc(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 10, 1, 0, 0x0B), "", "zero byte expected"},
		{"return_call", memFunc(0x12, 0, 0x0B), "", "illegal opcode"},
		{"relaxed SIMD", memFunc(0xFD, 0x80, 0x02, 0x0B), "", "illegal opcode"},
		{"SIMD 0x200", memFunc(0xFD, 0x80, 0x04, 0x0B), "illegal opcode", "illegal opcode"},
		{"GC struct type", mod(sec(secType, vec(bs(0x5F, 0)))), "malformed function type (garbage collection is not supported)", "malformed function type"},
		{"GC rec group", mod(sec(secType, vec(bs(0x4E, 1, 0x60, 0, 0)))), "malformed function type (garbage collection is not supported)", "malformed function type"},
		{"GC anyref", mod(sec(secType, vec(bs(0x60, 1, 0x6E, 0)))), "malformed value type (garbage collection is not supported)", "malformed value type"},
		{"GC (ref eq)", mod(sec(secType, vec(bs(0x60, 1, 0x64, 0x6D, 0)))), "malformed reference type (garbage collection is not supported)", "malformed value type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				feats wasm.Features
				want  string
			}{{wasm.Features3, tt.want}, {0, tt.want2}} {
				_, err := DecodeFeatures(tt.in, c.feats)
				switch {
				case c.want == "" && err != nil:
					t.Errorf("features %v: %v", c.feats, err)
				case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
					t.Errorf("features %v: error %v, want %q", c.feats, err, c.want)
				}
			}
		})
	}
}
