package validate

import (
	"fmt"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/wasm"
)

// Immediate wrappers for asm.
type (
	u32 uint32 // unsigned LEB128
	s32 int32  // signed LEB128
	s64 int64  // signed LEB128
	raw []byte // bytes as they are
)

// asm assembles an instruction sequence from opcodes, immediates and value
// types (a value type is one byte, as in block types and select vectors).
// It appends the final end unless noEnd is among the parts.
func asm(parts ...any) []byte {
	var b []byte
	end := true
	for _, p := range parts {
		switch x := p.(type) {
		case wasm.Op:
			b = binary.AppendOp(b, x)
		case u32:
			b = binary.AppendU32(b, uint32(x))
		case s32:
			b = binary.AppendS32(b, int32(x))
		case s64:
			b = binary.AppendS64(b, int64(x))
		case int:
			b = binary.AppendU32(b, uint32(x))
		case wasm.ValType:
			b = append(b, byte(x))
		case byte:
			b = append(b, x)
		case raw:
			b = append(b, x...)
		case noEndT:
			end = false
		default:
			panic(fmt.Sprintf("asm: unsupported part %T", p))
		}
	}
	if end {
		b = append(b, byte(wasm.OpEnd))
	}
	return b
}

type noEndT struct{}

var noEnd = noEndT{}

// Shorthands for value types.
const (
	i32  = wasm.I32
	i64  = wasm.I64
	f32  = wasm.F32
	f64  = wasm.F64
	v128 = wasm.V128
	fref = wasm.FuncRef
	eref = wasm.ExternRef
)

func vt(ts ...wasm.ValType) []wasm.ValType { return ts }

func ft(params, results []wasm.ValType) wasm.FuncType {
	return wasm.FuncType{Params: params, Results: results}
}

func cexpr(parts ...any) wasm.ConstExpr { return wasm.ConstExpr{Code: asm(parts...)} }

// shell returns a module with a fixed environment for function bodies:
//
//	types: 0 [] -> [], 1 [i32] -> [i32], 2 [i32 i32] -> [i32 i64], 3 [] -> [i32],
//	       4 [i64 f32] -> [f64], 5 [v128] -> [v128]
//	imported function 0 of type 1, imported immutable global 0 (i32),
//	global 1 mutable i64, global 2 immutable f32, global 3 mutable funcref,
//	table 0 funcref, table 1 externref, memory 0 (1 page),
//	element segment 0 (passive funcref, declares function 0),
//	element segment 1 (passive externref), data segments 0 and 1 (passive).
//
// The functions under test are appended after the one import, so the
// first has index 1.
func shell(funcs ...testFunc) *wasm.Module {
	m := &wasm.Module{
		Types: []wasm.FuncType{
			ft(nil, nil),
			ft(vt(i32), vt(i32)),
			ft(vt(i32, i32), vt(i32, i64)),
			ft(nil, vt(i32)),
			ft(vt(i64, f32), vt(f64)),
			ft(vt(v128), vt(v128)),
		},
		Imports: []wasm.Import{
			{Module: "env", Name: "f", Kind: wasm.ExternFunc, Func: 1},
			{Module: "env", Name: "g", Kind: wasm.ExternGlobal, Global: wasm.GlobalType{Type: i32}},
		},
		Tables: []wasm.TableType{
			{Elem: fref, Limits: wasm.Limits{Min: 1}},
			{Elem: eref, Limits: wasm.Limits{Min: 1}},
		},
		Memories: []wasm.MemoryType{{Limits: wasm.Limits{Min: 1}}},
		Globals: []wasm.Global{
			{Type: wasm.GlobalType{Type: i64, Mutable: true}, Init: cexpr(wasm.OpI64Const, s64(0))},
			{Type: wasm.GlobalType{Type: f32}, Init: cexpr(wasm.OpF32Const, raw{0, 0, 0, 0})},
			{Type: wasm.GlobalType{Type: fref, Mutable: true}, Init: cexpr(wasm.OpRefNull, fref)},
		},
		Elems: []wasm.ElemSegment{
			{Mode: wasm.SegmentPassive, Type: fref, Funcs: []uint32{0}},
			{Mode: wasm.SegmentPassive, Type: eref, UsesExprs: true, Exprs: []wasm.ConstExpr{cexpr(wasm.OpRefNull, eref)}},
		},
		Datas: []wasm.DataSegment{
			{Mode: wasm.SegmentPassive, Init: []byte("ab")},
			{Mode: wasm.SegmentPassive, Init: []byte("cd")},
		},
		HasDataCount: true,
		DataCount:    2,
	}
	for _, f := range funcs {
		m.Funcs = append(m.Funcs, f.typ)
		m.Code = append(m.Code, wasm.Code{Locals: f.locals, Body: f.body})
	}
	m.CountImports()
	return m
}

// testFunc is a function to place in the shell.
type testFunc struct {
	typ    uint32
	locals []wasm.LocalDecl
	body   []byte
}

// fn returns a function of type typ with the given body.
func fn(typ uint32, body []byte, locals ...wasm.LocalDecl) testFunc {
	return testFunc{typ: typ, locals: locals, body: body}
}

func loc(n uint32, t wasm.ValType) wasm.LocalDecl { return wasm.LocalDecl{Count: n, Type: t} }
