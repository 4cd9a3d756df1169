package validate

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wasmrun/wasmrun/wasm"
)

func lim(min uint64) wasm.Limits { return wasm.Limits{Min: min} }

func limMax(min, max uint64) wasm.Limits { return wasm.Limits{Min: min, Max: max, HasMax: true} }

func TestModuleLevel(t *testing.T) {
	importGlobal := func(typ wasm.ValType, mut bool) wasm.Import {
		return wasm.Import{Module: "m", Name: "g", Kind: wasm.ExternGlobal, Global: wasm.GlobalType{Type: typ, Mutable: mut}}
	}
	void := []wasm.FuncType{ft(nil, nil)}
	oneFunc := func(m *wasm.Module) *wasm.Module {
		if m.Types == nil {
			m.Types = void
		}
		m.Funcs = append(m.Funcs, 0)
		m.Code = append(m.Code, wasm.Code{Body: asm()})
		return m
	}
	cases := []struct {
		name string
		m    *wasm.Module
		want string
	}{
		{"empty", &wasm.Module{}, ""},
		{"invalid param type", &wasm.Module{Types: []wasm.FuncType{ft(vt(0x55), nil)}}, "malformed value type"},

		// Imports.
		{"import unknown type", &wasm.Module{Imports: []wasm.Import{{Kind: wasm.ExternFunc, Func: 0}}}, "unknown type 0"},
		{"import memory too large", &wasm.Module{Imports: []wasm.Import{{Kind: wasm.ExternMemory, Memory: wasm.MemoryType{Limits: lim(65537)}}}}, "memory size must be at most 65536 pages (4GiB)"},
		{"import table min > max", &wasm.Module{Imports: []wasm.Import{{Kind: wasm.ExternTable, Table: wasm.TableType{Elem: fref, Limits: limMax(2, 1)}}}}, "size minimum must not be greater than maximum"},
		{"import table bad elem", &wasm.Module{Imports: []wasm.Import{{Kind: wasm.ExternTable, Table: wasm.TableType{Elem: i32}}}}, "malformed reference type"},
		{"import bad kind", &wasm.Module{Imports: []wasm.Import{{Kind: 7}}}, "malformed import kind"},

		// Functions.
		{"func unknown type", &wasm.Module{Funcs: []uint32{0}, Code: []wasm.Code{{Body: asm()}}}, "unknown type 0"},
		{"func without code", &wasm.Module{Types: void, Funcs: []uint32{0}}, "function and code section have inconsistent lengths"},
		{"bad local type", &wasm.Module{Types: void, Funcs: []uint32{0}, Code: []wasm.Code{{Locals: []wasm.LocalDecl{{Count: 1, Type: 0x40}}, Body: asm()}}}, "malformed value type"},
		{"too many locals", &wasm.Module{Types: void, Funcs: []uint32{0}, Code: []wasm.Code{{Locals: []wasm.LocalDecl{{Count: 0xFFFFFFFF, Type: i32}}, Body: asm()}}}, "too many locals"},
		{"too many locals in module", func() *wasm.Module {
			m := &wasm.Module{Types: void}
			for range MaxModuleLocals/MaxFuncLocals + 1 {
				m.Funcs = append(m.Funcs, 0)
				m.Code = append(m.Code, wasm.Code{Locals: []wasm.LocalDecl{{Count: MaxFuncLocals, Type: i32}}, Body: asm()})
			}
			return m
		}(), "too many locals"},

		// Tables and memories.
		{"table", &wasm.Module{Tables: []wasm.TableType{{Elem: eref, Limits: limMax(0, 0xFFFFFFFF)}}}, ""},
		{"table too large", &wasm.Module{Tables: []wasm.TableType{{Elem: eref, Limits: lim(1 << 32)}}}, "table size must be at most 2^32-1"},
		{"table min > max", &wasm.Module{Tables: []wasm.TableType{{Elem: fref, Limits: limMax(1, 0)}}}, "size minimum must not be greater than maximum"},
		{"memory max pages", &wasm.Module{Memories: []wasm.MemoryType{{Limits: limMax(65536, 65536)}}}, ""},
		{"memory min too large", &wasm.Module{Memories: []wasm.MemoryType{{Limits: lim(65537)}}}, "memory size must be at most 65536 pages (4GiB)"},
		{"memory max too large", &wasm.Module{Memories: []wasm.MemoryType{{Limits: limMax(0, 1<<32)}}}, "memory size must be at most 65536 pages (4GiB)"},
		{"memory min > max", &wasm.Module{Memories: []wasm.MemoryType{{Limits: limMax(2, 1)}}}, "size minimum must not be greater than maximum"},
		{"two memories", &wasm.Module{Memories: []wasm.MemoryType{{}, {}}}, "multiple memories"},
		{"imported and defined memory", &wasm.Module{Imports: []wasm.Import{{Kind: wasm.ExternMemory}}, Memories: []wasm.MemoryType{{}}}, "multiple memories"},
		{"two tables", &wasm.Module{Tables: []wasm.TableType{{Elem: fref}, {Elem: eref}}}, ""},

		// Globals and constant expressions.
		{"global consts", &wasm.Module{Globals: []wasm.Global{
			{Type: wasm.GlobalType{Type: i32}, Init: cexpr(i32Const, s32(-7))},
			{Type: wasm.GlobalType{Type: i64, Mutable: true}, Init: cexpr(i64Const, s64(1<<40))},
			{Type: wasm.GlobalType{Type: f32}, Init: cexpr(f32Const, f32z)},
			{Type: wasm.GlobalType{Type: f64}, Init: cexpr(f64Const, f64z)},
			{Type: wasm.GlobalType{Type: v128}, Init: cexpr(wasm.OpV128Const, v128z)},
			{Type: wasm.GlobalType{Type: eref}, Init: cexpr(refNull, eref)},
		}}, ""},
		{"global type mismatch", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(i64Const, s64(0))}}}, "type mismatch"},
		{"global empty init", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr()}}}, "type mismatch"},
		{"global two values", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(i32Const, s32(0), i32Const, s32(0))}}}, "type mismatch"},
		{"global non-constant", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(i32Const, s32(0), i32Eqz)}}}, "constant expression required"},
		{"global nop", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(nop, i32Const, s32(0))}}}, "constant expression required"},
		{"global local.get", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(localGet, 0)}}}, "constant expression required"},
		{"global missing end", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: wasm.ConstExpr{Code: []byte{byte(i32Const), 0}}}}}, "unexpected end"},
		{"global after end", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: wasm.ConstExpr{Code: []byte{byte(i32Const), 0, byte(end), byte(end)}}}}}, "constant expression required"},
		{"global.get imported", &wasm.Module{Imports: []wasm.Import{importGlobal(i32, false)}, Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(globalGet, 0)}}}, ""},
		{"global.get imported mutable", &wasm.Module{Imports: []wasm.Import{importGlobal(i32, true)}, Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(globalGet, 0)}}}, "constant expression required"},
		{"global.get imported wrong type", &wasm.Module{Imports: []wasm.Import{importGlobal(i64, false)}, Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(globalGet, 0)}}}, "type mismatch"},
		{"global.get defined", &wasm.Module{Globals: []wasm.Global{
			{Type: wasm.GlobalType{Type: i32}, Init: cexpr(i32Const, s32(0))},
			{Type: wasm.GlobalType{Type: i32}, Init: cexpr(globalGet, 0)},
		}}, "unknown global 0"},
		{"global.get self", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(globalGet, 0)}}}, "unknown global 0"},
		{"global ref.func", oneFunc(&wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: fref}, Init: cexpr(refFunc, 0)}}}), ""},
		{"global ref.func unknown", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: fref}, Init: cexpr(refFunc, 0)}}}, "unknown function 0"},
		{"global ref.null mismatch", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: fref}, Init: cexpr(refNull, eref)}}}, "type mismatch"},
		{"global illegal opcode", &wasm.Module{Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(byte(0xFF))}}}, "illegal opcode"},

		// Exports.
		{"exports", oneFunc(&wasm.Module{
			Imports:  []wasm.Import{importGlobal(i32, true)},
			Tables:   []wasm.TableType{{Elem: fref}},
			Memories: []wasm.MemoryType{{}},
			Exports: []wasm.Export{
				{Name: "f", Kind: wasm.ExternFunc}, {Name: "t", Kind: wasm.ExternTable},
				{Name: "m", Kind: wasm.ExternMemory}, {Name: "g", Kind: wasm.ExternGlobal},
			},
		}), ""},
		{"duplicate export", oneFunc(&wasm.Module{Exports: []wasm.Export{{Name: "a", Kind: wasm.ExternFunc}, {Name: "a", Kind: wasm.ExternFunc}}}), "duplicate export name"},
		{"duplicate export, many", oneFunc(&wasm.Module{Exports: func() []wasm.Export {
			var e []wasm.Export
			for _, n := range "abcdefghijklmnopqrstuvwxyzc" {
				e = append(e, wasm.Export{Name: string(n), Kind: wasm.ExternFunc})
			}
			return e
		}()}), "duplicate export name"},
		{"export unknown function", &wasm.Module{Exports: []wasm.Export{{Name: "a", Kind: wasm.ExternFunc, Index: 0}}}, "unknown function 0"},
		{"export unknown table", &wasm.Module{Exports: []wasm.Export{{Name: "a", Kind: wasm.ExternTable}}}, "unknown table 0"},
		{"export unknown memory", &wasm.Module{Exports: []wasm.Export{{Name: "a", Kind: wasm.ExternMemory}}}, "unknown memory 0"},
		{"export unknown global", &wasm.Module{Exports: []wasm.Export{{Name: "a", Kind: wasm.ExternGlobal, Index: 3}}}, "unknown global 3"},

		// Start.
		{"start", oneFunc(&wasm.Module{HasStart: true}), ""},
		{"start unknown", oneFunc(&wasm.Module{HasStart: true, Start: 1}), "unknown function 1"},
		{"start with result", &wasm.Module{Types: []wasm.FuncType{ft(nil, vt(i32))}, Funcs: []uint32{0}, Code: []wasm.Code{{Body: asm(i32Const, s32(0))}}, HasStart: true}, "start function"},
		{"start with param", &wasm.Module{Types: []wasm.FuncType{ft(vt(i32), nil)}, Imports: []wasm.Import{{Kind: wasm.ExternFunc}}, HasStart: true}, "start function"},

		// Element segments.
		{"elem active", oneFunc(&wasm.Module{Tables: []wasm.TableType{{Elem: fref}}, Elems: []wasm.ElemSegment{{Mode: wasm.SegmentActive, Offset: cexpr(i32Const, s32(0)), Type: fref, Funcs: []uint32{0, 0}}}}), ""},
		{"elem unknown table", oneFunc(&wasm.Module{Elems: []wasm.ElemSegment{{Mode: wasm.SegmentActive, Offset: cexpr(i32Const, s32(0)), Type: fref, Funcs: []uint32{0}}}}), "unknown table 0"},
		{"elem unknown function", oneFunc(&wasm.Module{Elems: []wasm.ElemSegment{{Mode: wasm.SegmentPassive, Type: fref, Funcs: []uint32{1}}}}), "unknown function 1"},
		{"elem offset type", oneFunc(&wasm.Module{Tables: []wasm.TableType{{Elem: fref}}, Elems: []wasm.ElemSegment{{Mode: wasm.SegmentActive, Offset: cexpr(i64Const, s64(0)), Type: fref}}}), "type mismatch"},
		{"elem offset not constant", oneFunc(&wasm.Module{Tables: []wasm.TableType{{Elem: fref}}, Elems: []wasm.ElemSegment{{Mode: wasm.SegmentActive, Offset: cexpr(i32Const, s32(0), i32Eqz), Type: fref}}}), "constant expression required"},
		{"elem offset global.get defined", oneFunc(&wasm.Module{
			Tables:  []wasm.TableType{{Elem: fref}},
			Globals: []wasm.Global{{Type: wasm.GlobalType{Type: i32}, Init: cexpr(i32Const, s32(0))}},
			Elems:   []wasm.ElemSegment{{Mode: wasm.SegmentActive, Offset: cexpr(globalGet, 0), Type: fref}},
		}), "unknown global 0"},
		{"elem offset global.get imported", oneFunc(&wasm.Module{
			Imports: []wasm.Import{importGlobal(i32, false)},
			Tables:  []wasm.TableType{{Elem: fref}},
			Elems:   []wasm.ElemSegment{{Mode: wasm.SegmentActive, Offset: cexpr(globalGet, 0), Type: fref}},
		}), ""},
		{"elem table type", oneFunc(&wasm.Module{Tables: []wasm.TableType{{Elem: eref}}, Elems: []wasm.ElemSegment{{Mode: wasm.SegmentActive, Offset: cexpr(i32Const, s32(0)), Type: fref, Funcs: []uint32{0}}}}), "type mismatch"},
		{"elem exprs", oneFunc(&wasm.Module{Tables: []wasm.TableType{{Elem: eref}}, Elems: []wasm.ElemSegment{{Mode: wasm.SegmentActive, Offset: cexpr(i32Const, s32(0)), Type: eref, UsesExprs: true, Exprs: []wasm.ConstExpr{cexpr(refNull, eref)}}}}), ""},
		{"elem expr type", oneFunc(&wasm.Module{Elems: []wasm.ElemSegment{{Mode: wasm.SegmentPassive, Type: fref, UsesExprs: true, Exprs: []wasm.ConstExpr{cexpr(refNull, eref)}}}}), "type mismatch"},
		{"elem expr i32", oneFunc(&wasm.Module{Elems: []wasm.ElemSegment{{Mode: wasm.SegmentPassive, Type: fref, UsesExprs: true, Exprs: []wasm.ConstExpr{cexpr(i32Const, s32(0))}}}}), "type mismatch"},
		{"elem expr not constant", oneFunc(&wasm.Module{Elems: []wasm.ElemSegment{{Mode: wasm.SegmentPassive, Type: fref, UsesExprs: true, Exprs: []wasm.ConstExpr{cexpr(call, 0)}}}}), "constant expression required"},
		{"elem declarative", oneFunc(&wasm.Module{Elems: []wasm.ElemSegment{{Mode: wasm.SegmentDeclarative, Type: fref, Funcs: []uint32{0}}}}), ""},
		{"elem bad type", &wasm.Module{Elems: []wasm.ElemSegment{{Mode: wasm.SegmentPassive, Type: i32}}}, "malformed reference type"},

		// Data segments.
		{"data active", &wasm.Module{Memories: []wasm.MemoryType{{}}, Datas: []wasm.DataSegment{{Mode: wasm.SegmentActive, Offset: cexpr(i32Const, s32(0)), Init: []byte("x")}}}, ""},
		{"data no memory", &wasm.Module{Datas: []wasm.DataSegment{{Mode: wasm.SegmentActive, Offset: cexpr(i32Const, s32(0))}}}, "unknown memory 0"},
		{"data memory 1", &wasm.Module{Memories: []wasm.MemoryType{{}}, Datas: []wasm.DataSegment{{Mode: wasm.SegmentActive, Memory: 1, Offset: cexpr(i32Const, s32(0))}}}, "unknown memory 1"},
		{"data offset type", &wasm.Module{Memories: []wasm.MemoryType{{}}, Datas: []wasm.DataSegment{{Mode: wasm.SegmentActive, Offset: cexpr(f32Const, f32z)}}}, "type mismatch"},
		{"data offset not constant", &wasm.Module{Memories: []wasm.MemoryType{{}}, Datas: []wasm.DataSegment{{Mode: wasm.SegmentActive, Offset: cexpr(nop)}}}, "constant expression required"},
		{"data passive without memory", &wasm.Module{Datas: []wasm.DataSegment{{Mode: wasm.SegmentPassive}}}, ""},
		{"data count mismatch", &wasm.Module{HasDataCount: true, DataCount: 1}, "data count and data section have inconsistent lengths"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.m.CountImports()
			_, err := ModuleConfig(c.m, Config{}) // the cases are WebAssembly 2.0
			checkErr(t, err, c.want)
			var ve *Error
			if errors.As(err, &ve) && ve.Offset != -1 && ve.Func == -1 {
				t.Errorf("module-level error with offset %d", ve.Offset)
			}
		})
	}
}

// TestDeclaredReferences checks which places declare a function for
// ref.func in bodies.
func TestDeclaredReferences(t *testing.T) {
	body := asm(refFunc, 1, drop)
	base := func() *wasm.Module {
		return &wasm.Module{
			Types: []wasm.FuncType{ft(nil, nil)},
			Funcs: []uint32{0, 0},
			Code:  []wasm.Code{{Body: body}, {Body: asm()}},
		}
	}
	cases := []struct {
		name string
		edit func(m *wasm.Module)
		want string
	}{
		{"nowhere", func(m *wasm.Module) {}, "undeclared function reference"},
		{"start", func(m *wasm.Module) { m.HasStart, m.Start = true, 1 }, "undeclared function reference"},
		{"other function's body", func(m *wasm.Module) { m.Code[1].Body = body }, "undeclared function reference"},
		{"export", func(m *wasm.Module) { m.Exports = []wasm.Export{{Name: "f", Kind: wasm.ExternFunc, Index: 1}} }, ""},
		{"declarative elem", func(m *wasm.Module) {
			m.Elems = []wasm.ElemSegment{{Mode: wasm.SegmentDeclarative, Type: fref, Funcs: []uint32{1}}}
		}, ""},
		{"passive elem expr", func(m *wasm.Module) {
			m.Elems = []wasm.ElemSegment{{Mode: wasm.SegmentPassive, Type: fref, UsesExprs: true, Exprs: []wasm.ConstExpr{cexpr(refFunc, 1)}}}
		}, ""},
		{"global init", func(m *wasm.Module) {
			m.Globals = []wasm.Global{{Type: wasm.GlobalType{Type: fref}, Init: cexpr(refFunc, 1)}}
		}, ""},
		{"elem of another function", func(m *wasm.Module) {
			m.Elems = []wasm.ElemSegment{{Mode: wasm.SegmentDeclarative, Type: fref, Funcs: []uint32{0}}}
		}, "undeclared function reference"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := base()
			c.edit(m)
			_, err := Module(m)
			checkErr(t, err, c.want)
		})
	}
}

// TestInfo checks the per-function summaries.
func TestInfo(t *testing.T) {
	m := shell(
		fn(0, asm()),
		fn(2, asm(
			localGet, 0, localGet, 1, localGet, 2, drop, // height 3 at most so far
			block, u32(2), // [i32 i32] -> [i32 i64]; depth 2
			loop, empty, // depth 3
			i32Const, s32(0), i32Const, s32(0), drop, drop, // height 4 inside loop
			end,
			drop, i64Const, s64(0),
			end,
		), loc(1, f64), loc(2, i32)),
		fn(0, asm(i32Const, s32(0), call, 0, drop, i32Const, s32(0), i32Load, 2, 0, drop)),
		fn(5, asm(localGet, 0), loc(2, v128), loc(1, i32)),
		fn(0, asm(i32Const, s32(0), wasm.OpTableGet, 1, drop, i32Const, s32(0), if_, empty, end)),
		fn(3, asm(globalGet, 0, i32Const, s32(0), i32Const, s32(0), unreachable, i32Add, i32Add, i32Add, i32Add)),
	)
	info, err := Module(m)
	if err != nil {
		t.Fatal(err)
	}
	want := []FuncInfo{
		{TypeIndex: 0, Locals: []wasm.ValType{}, MaxHeight: 0, MaxDepth: 1},
		{TypeIndex: 2, NumParams: 2, ParamSlots: 2, LocalSlots: 5, Locals: vt(i32, i32, f64, i32, i32), MaxHeight: 4, MaxDepth: 3, NumBlocks: 2, HasLoops: true,
			LocalWeights: []uint32{1, 1, 1, 0, 0}, LocalWritten: make([]bool, 5)},
		{TypeIndex: 0, Locals: []wasm.ValType{}, MaxHeight: 1, MaxDepth: 1, HasCalls: true, UsesMemory: true},
		{TypeIndex: 5, NumParams: 1, ParamSlots: 2, LocalSlots: 7, Locals: vt(v128, v128, v128, i32), MaxHeight: 1, MaxDepth: 1, UsesV128: true,
			LocalWeights: []uint32{1, 0, 0, 0}, LocalWritten: make([]bool, 4)},
		{TypeIndex: 0, Locals: []wasm.ValType{}, MaxHeight: 1, MaxDepth: 2, NumBlocks: 1, UsesTables: true},
		{TypeIndex: 3, Locals: []wasm.ValType{}, MaxHeight: 3, MaxDepth: 1},
	}
	if diff := cmp.Diff(want, info.Funcs, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("summaries (-want +got):\n%s", diff)
	}
}

func TestNilModule(t *testing.T) {
	if _, err := Module(nil); err == nil {
		t.Fatal("nil module accepted")
	}
}

// TestDeepNesting checks a body with many nested blocks: the validator
// keeps its own stacks, so depth is limited only by the body's size.
func TestDeepNesting(t *testing.T) {
	const depth = 100000
	var b []byte
	for range depth {
		b = append(b, byte(block), byte(i32))
	}
	b = append(b, byte(i32Const), 7)
	for range depth {
		b = append(b, byte(end))
	}
	b = append(b, byte(end))
	info, err := Module(shell(fn(3, b)))
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Funcs[0].MaxDepth; got != depth+1 {
		t.Errorf("MaxDepth = %d, want %d", got, depth+1)
	}
	if got := info.Funcs[0].NumBlocks; got != depth {
		t.Errorf("NumBlocks = %d, want %d", got, depth)
	}
}

// TestConcurrent validates modules from several goroutines at once (the
// validators come from a shared pool); run with -race.
func TestConcurrent(t *testing.T) {
	valid := shell(fn(3, asm(block, i32, i32Const, s32(1), end)), fn(2, asm(localGet, 0, localGet, 1, call, 2)))
	invalid := shell(fn(3, asm(i64Const, s64(1))))
	want, err := Module(valid)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for range 200 {
				got, err := Module(valid)
				if err != nil {
					errs <- err
					return
				}
				if diff := cmp.Diff(want, got); diff != "" {
					errs <- errors.New(diff)
					return
				}
				if _, err := Module(invalid); err == nil {
					errs <- errors.New("invalid module accepted")
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}
