package binary

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wasmrun/wasmrun/wasm"
)

// sampleModules are hand-built modules in the form Decode produces them
// (Code.Offset aside, which the comparisons ignore).
func sampleModules() map[string]*wasm.Module {
	i32c := func(v byte) wasm.ConstExpr { return wasm.ConstExpr{Code: bs(0x41, v, 0x0B)} }
	return map[string]*wasm.Module{
		"empty": {},
		"types only": {Types: []wasm.FuncType{
			{},
			{Params: []wasm.ValType{wasm.I32, wasm.I64, wasm.F32, wasm.F64, wasm.V128, wasm.FuncRef, wasm.ExternRef}},
			{Results: []wasm.ValType{wasm.I32, wasm.I32}},
		}},
		"everything": {
			Types: []wasm.FuncType{{}, {Params: []wasm.ValType{wasm.I32}, Results: []wasm.ValType{wasm.I32}}},
			Imports: []wasm.Import{
				{Module: "env", Name: "f", Kind: wasm.ExternFunc, Func: 1},
				{Module: "env", Name: "t", Kind: wasm.ExternTable, Table: wasm.TableType{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 1, Max: 10, HasMax: true}}},
				{Module: "env", Name: "m", Kind: wasm.ExternMemory, Memory: wasm.MemoryType{Limits: wasm.Limits{Min: 1, Max: 65536, HasMax: true}}},
				{Module: "env", Name: "g", Kind: wasm.ExternGlobal, Global: wasm.GlobalType{Type: wasm.I64}},
				{Module: "ünï", Name: "", Kind: wasm.ExternGlobal, Global: wasm.GlobalType{Type: wasm.ExternRef, Mutable: true}},
			},
			Funcs:    []uint32{0, 1, 1},
			Tables:   []wasm.TableType{{Elem: wasm.ExternRef, Limits: wasm.Limits{Min: 0}}, {Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 300}}},
			Memories: []wasm.MemoryType{{Limits: wasm.Limits{Min: 0, Max: 0, HasMax: true}}},
			Globals: []wasm.Global{
				{Type: wasm.GlobalType{Type: wasm.I32, Mutable: true}, Init: i32c(7)},
				{Type: wasm.GlobalType{Type: wasm.F64}, Init: wasm.ConstExpr{Code: bs(0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x0B)}},
			},
			Exports: []wasm.Export{
				{Name: "run", Kind: wasm.ExternFunc, Index: 2},
				{Name: "mem", Kind: wasm.ExternMemory, Index: 0},
				{Name: "tab", Kind: wasm.ExternTable, Index: 2},
				{Name: "glob", Kind: wasm.ExternGlobal, Index: 1},
			},
			Start:    3,
			HasStart: true,
			Elems: []wasm.ElemSegment{
				{Mode: wasm.SegmentActive, Offset: i32c(0), Type: wasm.FuncRef, Funcs: []uint32{0, 1, 200}},
				{Mode: wasm.SegmentActive, Table: 2, ExplicitTable: true, Offset: i32c(1), Type: wasm.FuncRef, Funcs: []uint32{3}},
				{Mode: wasm.SegmentActive, Table: 0, ExplicitTable: true, Offset: i32c(1), Type: wasm.FuncRef, Funcs: []uint32{}},
				{Mode: wasm.SegmentPassive, Type: wasm.FuncRef, Funcs: []uint32{1}},
				{Mode: wasm.SegmentDeclarative, Type: wasm.FuncRef, Funcs: []uint32{2}},
				{Mode: wasm.SegmentActive, Offset: i32c(2), Type: wasm.FuncRef, UsesExprs: true, Exprs: []wasm.ConstExpr{{Code: bs(0xD2, 1, 0x0B)}, {Code: bs(0xD0, 0x70, 0x0B)}}},
				{Mode: wasm.SegmentActive, Table: 1, ExplicitTable: true, Offset: i32c(0), Type: wasm.ExternRef, UsesExprs: true, Exprs: []wasm.ConstExpr{{Code: bs(0xD0, 0x6F, 0x0B)}}},
				{Mode: wasm.SegmentPassive, Type: wasm.ExternRef, UsesExprs: true, Exprs: []wasm.ConstExpr{{Code: bs(0xD0, 0x6F, 0x0B)}}},
				{Mode: wasm.SegmentDeclarative, Type: wasm.FuncRef, UsesExprs: true, Exprs: []wasm.ConstExpr{{Code: bs(0xD2, 0, 0x0B)}}},
			},
			DataCount:    2,
			HasDataCount: true,
			Code: []wasm.Code{
				{Body: bs(0x0B)},
				{Locals: []wasm.LocalDecl{{Count: 1, Type: wasm.I64}, {Count: 40000, Type: wasm.V128}}, Body: bs(0x20, 0, 0x0B)},
				{Body: bs(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 1, 0, 0xFC, 9, 0, 0x20, 0, 0x0B)},
			},
			Datas: []wasm.DataSegment{
				{Mode: wasm.SegmentActive, Offset: i32c(8), Init: []byte("hello")},
				{Mode: wasm.SegmentPassive, Init: bytes.Repeat([]byte{0xAB}, 200)},
			},
			Customs: []wasm.CustomSection{
				{Name: "producers", Data: bs(0)},
				{Name: "name", Data: AppendNames(nil, &wasm.Names{Module: "everything", Funcs: map[uint32]string{1: "one", 3: "three"}, Locals: map[uint32]map[uint32]string{1: {0: "p"}}})},
				{Name: "", Data: nil},
			},
			Names:               &wasm.Names{Module: "everything", Funcs: map[uint32]string{1: "one", 3: "three"}, Locals: map[uint32]map[uint32]string{1: {0: "p"}}},
			NumImportedFuncs:    1,
			NumImportedTables:   1,
			NumImportedMemories: 1,
			NumImportedGlobals:  2,
		},
		"data on memory 1": {
			Memories: []wasm.MemoryType{{}, {}},
			Datas:    []wasm.DataSegment{{Memory: 1, Offset: i32c(0), Init: []byte("x")}},
		},
		"large indices and limits": {
			Types:    []wasm.FuncType{{}},
			Funcs:    []uint32{0},
			Tables:   []wasm.TableType{{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 1<<32 - 1, Max: 1<<32 - 1, HasMax: true}}},
			Exports:  []wasm.Export{{Name: "f", Kind: wasm.ExternFunc, Index: 1<<32 - 1}},
			Elems:    []wasm.ElemSegment{{Mode: wasm.SegmentPassive, Type: wasm.FuncRef, Funcs: []uint32{1<<32 - 1, 1 << 28}}},
			Code:     []wasm.Code{{Body: bs(0x0B)}},
			Start:    1<<32 - 1,
			HasStart: true,
		},
	}
}

// TestEncodeRoundTrip checks decode(encode(m)) == m and that encoding the
// result again gives the same bytes.
func TestEncodeRoundTrip(t *testing.T) {
	for name, m := range sampleModules() {
		t.Run(name, func(t *testing.T) {
			enc := Encode(m)
			got, err := Decode(enc)
			if err != nil {
				t.Fatalf("decode(encode(m)): %v", err)
			}
			if diff := cmp.Diff(m, got, cmpOpts, ignoreOffsets); diff != "" {
				t.Errorf("decode(encode(m)) != m (-want +got):\n%s", diff)
			}
			if enc2 := Encode(got); !bytes.Equal(enc, enc2) {
				t.Errorf("encoding not stable:\n% x\n% x", enc, enc2)
			}
		})
	}
}

// TestEncodeCanonical checks encode(decode(b)) == b for inputs in
// canonical form (minimal LEB128, standard order, customs last).
func TestEncodeCanonical(t *testing.T) {
	tests := map[string][]byte{
		"empty":  mod(),
		"func":   mod(typeVoid, funcOne, emptyCode),
		"memory": mod(memOne, dataCnt1, dataPass),
		"all elem encodings": mod(typeVoid, funcOne, tableOne, sec(secElement, vec(
			cat(bs(0), i32Const0, vec(bs(0))),
			cat(bs(1, 0), vec(bs(0), bs(0))),
			cat(bs(2, 1), i32Const0, bs(0), vec(bs(0))),
			cat(bs(3, 0), vec()),
			cat(bs(4), i32Const0, vec(bs(0xD2, 0, 0x0B))),
			cat(bs(5, 0x6F), vec(bs(0xD0, 0x6F, 0x0B))),
			cat(bs(6, 0), i32Const0, bs(0x70), vec(bs(0xD0, 0x70, 0x0B))),
			cat(bs(7, 0x70), vec(bs(0xD2, 0, 0x0B))),
		)), emptyCode),
		"imports and customs": mod(typeVoid, sec(secImport, vec(
			cat(name("m"), name("f"), bs(0, 0)),
			cat(name("m"), name("t"), bs(1, 0x6F, 1, 2, 3)),
		)), sec(secCustom, name("a"), bs(1, 2)), sec(secCustom, name("b"))),
		"every syntax form": funcBody(0x02, 0x40, 0x0B, 0x41, 0, 0x04, 0x7F, 0x41, 1, 0x05, 0x41, 2, 0x0B, 0x1A, 0x0B),
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			m, err := Decode(in)
			if err != nil {
				t.Fatal(err)
			}
			if out := Encode(m); !bytes.Equal(out, in) {
				t.Errorf("encode(decode(b)) != b:\n got % x\nwant % x", out, in)
			}
		})
	}
}

// TestEncodeNamesWithoutCustom checks that m.Names is encoded when there
// is no "name" custom section.
func TestEncodeNamesWithoutCustom(t *testing.T) {
	names := &wasm.Names{Module: "m", Funcs: map[uint32]string{0: "main", 2: "helper"}, Locals: map[uint32]map[uint32]string{0: {0: "x", 3: "y"}}}
	end := []byte{0x0B}
	m := &wasm.Module{Names: names, Types: []wasm.FuncType{{}}, Funcs: []uint32{0, 0, 0},
		Code: []wasm.Code{{Body: end}, {Body: end}, {Body: end}}}
	got, err := Decode(Encode(m))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(names, got.Names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if len(got.Customs) != 1 || got.Customs[0].Name != "name" {
		t.Errorf("customs = %+v, want one name section", got.Customs)
	}
}
