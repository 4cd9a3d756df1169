// Package instrument rewrites a module so that it reports what it does to
// a host function: every call (arguments on entry, results on return) and,
// optionally, every store to memory and every bulk memory operation. Two
// engines running the rewritten module must report the same events in the
// same order; the lockstep debugger compares them to find the first call
// where they part.
//
// The rewritten module imports one function, Module.Name (i32 kind, i32 a,
// i64 b) -> (), ahead of its own imports. Every function of the original
// module, imported or defined, gets a wrapper that takes its place in the
// index space (calls, exports, the start function, element segments and
// ref.func all reach the wrapper); the wrapper reports the call, calls the
// original and reports its return. Original bodies follow the wrappers.
package instrument

import (
	"fmt"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/wasm"
)

// ImportModule and ImportName name the function the rewritten module
// imports to report events.
const (
	ImportModule = "wasmrun_instrument"
	ImportName   = "event"
)

// Kind is the low byte of an event's first operand.
type Kind uint8

// Event kinds. For Enter and Leave, a is the function's index in the
// original module; for Arg and Result, a is the value's type (a
// wasm.ValType) and b the value (an i32 or f32 zero-extended, a v128 as
// two events, low half first; a reference as 1 when it is null, else 0).
// For Store, the kind's second byte is the number of bytes stored and its
// third the type of the stored operand, a the effective address and b the
// operand (a v128 as two 8-byte stores).
// For Bulk, the kind's second byte is BulkFill, BulkCopy or BulkInit, a
// the destination and b the second operand (the fill byte or source
// address) in its high 32 bits and the length in its low 32 bits.
const (
	Enter Kind = 1 + iota
	Arg
	Leave
	Result
	Store
	Bulk
)

// Bulk operations, in the second byte of a Bulk event's kind.
const (
	BulkFill = 1 + iota
	BulkCopy
	BulkInit
)

// Options choose what the rewritten module reports besides calls.
type Options struct {
	// Stores reports every store instruction and every memory.fill,
	// memory.copy and memory.init.
	Stores bool
}

// Info describes the rewritten module.
type Info struct {
	// NumFuncs is the size of the original function index space.
	NumFuncs int
	// Names are the original functions' names from the name section, or
	// an export name, or empty, by original index.
	Names []string
}

// FuncName returns the name of original function i, or func[i].
func (in *Info) FuncName(i uint32) string {
	if int(i) < len(in.Names) && in.Names[i] != "" {
		return fmt.Sprintf("%s (func[%d])", in.Names[i], i)
	}
	return fmt.Sprintf("func[%d]", i)
}

// Module rewrites m (a validated module) as the package doc describes. m
// is not modified.
func Module(m *wasm.Module, opts Options) (*wasm.Module, *Info, error) {
	nImp := int(m.NumImportedFuncs)
	nOld := m.NumFuncs()
	info := &Info{NumFuncs: nOld, Names: make([]string, nOld)}
	for _, e := range m.Exports {
		if e.Kind == wasm.ExternFunc && info.Names[e.Index] == "" {
			info.Names[e.Index] = e.Name
		}
	}
	if m.Names != nil {
		for i, n := range m.Names.Funcs {
			if int(i) < nOld {
				info.Names[i] = n
			}
		}
	}
	oldType := make([]uint32, 0, nOld)
	for _, im := range m.Imports {
		if im.Kind == wasm.ExternFunc {
			oldType = append(oldType, im.Func)
		}
	}
	oldType = append(oldType, m.Funcs...)

	out := *m
	out.Types = append(append([]wasm.FuncType(nil), m.Types...), wasm.FuncType{Params: []wasm.ValType{wasm.I32, wasm.I32, wasm.I64}})
	evType := uint32(len(out.Types) - 1)
	out.Imports = append([]wasm.Import{{Module: ImportModule, Name: ImportName, Kind: wasm.ExternFunc, Func: evType}}, m.Imports...)
	out.NumImportedFuncs = m.NumImportedFuncs + 1

	// New index space: the event import, the old imports, one wrapper per
	// old function, then the old defined bodies.
	wrapper := func(old uint32) uint32 { return uint32(1+nImp) + old }
	body := func(old uint32) uint32 {
		if int(old) < nImp {
			return old + 1
		}
		return uint32(1+nImp+nOld) + old - uint32(nImp)
	}
	const ev = 0 // the event import

	out.Funcs = make([]uint32, 0, nOld+len(m.Funcs))
	out.Code = make([]wasm.Code, 0, nOld+len(m.Funcs))
	for j := 0; j < nOld; j++ {
		ft := m.Types[oldType[j]]
		out.Funcs = append(out.Funcs, oldType[j])
		out.Code = append(out.Code, wrapperCode(ft, uint32(j), body(uint32(j)), ev))
	}
	for k := range m.Code {
		ft := m.Types[m.Funcs[k]]
		c, err := rewriteBody(&m.Code[k], ft, wrapper, opts, ev)
		if err != nil {
			return nil, nil, fmt.Errorf("function %d: %w", nImp+k, err)
		}
		out.Funcs = append(out.Funcs, m.Funcs[k])
		out.Code = append(out.Code, c)
	}

	out.Exports = append([]wasm.Export(nil), m.Exports...)
	for i := range out.Exports {
		if out.Exports[i].Kind == wasm.ExternFunc {
			out.Exports[i].Index = wrapper(out.Exports[i].Index)
		}
	}
	if m.HasStart {
		out.Start = wrapper(m.Start)
	}
	var err error
	out.Globals = append([]wasm.Global(nil), m.Globals...)
	for i := range out.Globals {
		if out.Globals[i].Init, err = rewriteConst(out.Globals[i].Init, wrapper); err != nil {
			return nil, nil, fmt.Errorf("global %d: %w", i, err)
		}
	}
	out.Elems = append([]wasm.ElemSegment(nil), m.Elems...)
	for i := range out.Elems {
		e := &out.Elems[i]
		if e.UsesExprs {
			exprs := make([]wasm.ConstExpr, len(e.Exprs))
			for k, x := range e.Exprs {
				if exprs[k], err = rewriteConst(x, wrapper); err != nil {
					return nil, nil, fmt.Errorf("element segment %d: %w", i, err)
				}
			}
			e.Exprs = exprs
		} else {
			funcs := make([]uint32, len(e.Funcs))
			for k, f := range e.Funcs {
				funcs[k] = wrapper(f)
			}
			e.Funcs = funcs
		}
	}

	// The name section describes the new index space: wrappers take the
	// original names, bodies get a suffix, the old locals go to the bodies.
	out.Customs = nil
	for _, c := range m.Customs {
		if c.Name != "name" {
			out.Customs = append(out.Customs, c)
		}
	}
	names := &wasm.Names{Funcs: map[uint32]string{ev: "wasmrun_instrument.event"}, Locals: map[uint32]map[uint32]string{}}
	if m.Names != nil {
		names.Module = m.Names.Module
	}
	for j := 0; j < nOld; j++ {
		n := info.Names[j]
		if n == "" {
			n = fmt.Sprintf("func[%d]", j)
		}
		names.Funcs[wrapper(uint32(j))] = n
		if j < nImp {
			names.Funcs[body(uint32(j))] = n + " (import)"
		} else {
			names.Funcs[body(uint32(j))] = n + " (body)"
		}
		if m.Names != nil && m.Names.Locals[uint32(j)] != nil {
			names.Locals[body(uint32(j))] = m.Names.Locals[uint32(j)]
		}
	}
	out.Names = names
	return &out, info, nil
}

// code builds instruction sequences.
type code []byte

func (c code) op(op wasm.Op) code            { return binary.AppendOp(c, op) }
func (c code) u32(op wasm.Op, v uint32) code { return binary.AppendU32(c.op(op), v) }
func (c code) i32(v int32) code              { return binary.AppendS32(c.op(wasm.OpI32Const), v) }
func (c code) i64(v int64) code              { return binary.AppendS64(c.op(wasm.OpI64Const), v) }

// event appends a report of kind with operand a from an i32 constant and
// b produced by emitB.
func (c code) event(ev uint32, kind uint32, a func(code) code, b func(code) code) code {
	c = c.i32(int32(kind))
	c = a(c)
	c = b(c)
	return c.u32(wasm.OpCall, ev)
}

func constI32(v uint32) func(code) code { return func(c code) code { return c.i32(int32(v)) } }
func constI64(v int64) func(code) code  { return func(c code) code { return c.i64(v) } }

// values appends one Arg or Result event per value of local l (two for a
// v128).
func (c code) values(ev uint32, kind Kind, t wasm.ValType, l uint32) code {
	if t == wasm.V128 {
		for lane := byte(0); lane < 2; lane++ {
			c = c.event(ev, uint32(kind), constI32(uint32(t)), func(c code) code {
				c = c.u32(wasm.OpLocalGet, l).op(wasm.OpI64x2ExtractLane)
				return append(c, lane)
			})
		}
		return c
	}
	return c.event(ev, uint32(kind), constI32(uint32(t)), func(c code) code {
		return toI64(c.u32(wasm.OpLocalGet, l), t)
	})
}

// toI64 converts the value of type t (not v128) on top of the stack to
// the i64 an event carries.
func toI64(c code, t wasm.ValType) code {
	switch t {
	case wasm.I32:
		return c.op(wasm.OpI64ExtendI32U)
	case wasm.F32:
		return c.op(wasm.OpI32ReinterpretF32).op(wasm.OpI64ExtendI32U)
	case wasm.F64:
		return c.op(wasm.OpI64ReinterpretF64)
	case wasm.I64:
		return c
	}
	return c.op(wasm.OpRefIsNull).op(wasm.OpI64ExtendI32U)
}

// wrapperCode is the body of the wrapper of original function old, which
// reports the call and its return around a call of target.
func wrapperCode(ft wasm.FuncType, old, target, ev uint32) wasm.Code {
	var c code
	c = c.event(ev, uint32(Enter), constI32(old), constI64(0))
	for i, p := range ft.Params {
		c = c.values(ev, Arg, p, uint32(i))
	}
	for i := range ft.Params {
		c = c.u32(wasm.OpLocalGet, uint32(i))
	}
	c = c.u32(wasm.OpCall, target)
	np := uint32(len(ft.Params))
	for i := len(ft.Results) - 1; i >= 0; i-- {
		c = c.u32(wasm.OpLocalSet, np+uint32(i))
	}
	c = c.event(ev, uint32(Leave), constI32(old), constI64(0))
	for i, r := range ft.Results {
		c = c.values(ev, Result, r, np+uint32(i))
	}
	for i := range ft.Results {
		c = c.u32(wasm.OpLocalGet, np+uint32(i))
	}
	c = c.op(wasm.OpEnd)
	var locals []wasm.LocalDecl
	for _, r := range ft.Results {
		locals = append(locals, wasm.LocalDecl{Count: 1, Type: r})
	}
	return wasm.Code{Locals: locals, Body: c}
}

// rewriteConst renumbers the ref.func of a constant expression.
func rewriteConst(x wasm.ConstExpr, wrapper func(uint32) uint32) (wasm.ConstExpr, error) {
	r := binary.NewReader(x.Code, 0)
	var out code
	for !r.EOF() {
		start := r.Pos()
		op, err := r.ReadOp()
		if err != nil {
			return x, err
		}
		if op == wasm.OpRefFunc {
			f, err := r.ReadU32()
			if err != nil {
				return x, err
			}
			out = out.u32(op, wrapper(f))
			continue
		}
		if err := r.SkipImmediates(op); err != nil {
			return x, err
		}
		out = append(out, x.Code[start:r.Pos()]...)
	}
	return wasm.ConstExpr{Code: out}, nil
}

// scratch locals appended to a body that reports stores.
type scratch struct {
	addr, i32, n uint32 // i32 locals
	val          [5]uint32
}

var scratchTypes = [5]wasm.ValType{wasm.I32, wasm.I64, wasm.F32, wasm.F64, wasm.V128}

func (s *scratch) of(t wasm.ValType) uint32 {
	for i, st := range scratchTypes {
		if st == t {
			return s.val[i]
		}
	}
	panic("instrument: no scratch local of type " + t.String())
}

// rewriteBody renumbers the calls and ref.func of an original body and,
// with opts.Stores, reports its stores.
func rewriteBody(src *wasm.Code, ft wasm.FuncType, wrapper func(uint32) uint32, opts Options, ev uint32) (wasm.Code, error) {
	dst := wasm.Code{Locals: src.Locals}
	var s scratch
	if opts.Stores {
		n := uint32(len(ft.Params))
		for _, d := range src.Locals {
			n += d.Count
		}
		s.addr, s.i32, s.n = n, n+1, n+2
		dst.Locals = append(append([]wasm.LocalDecl(nil), src.Locals...), wasm.LocalDecl{Count: 3, Type: wasm.I32})
		for i, t := range scratchTypes {
			s.val[i] = n + 3 + uint32(i)
			dst.Locals = append(dst.Locals, wasm.LocalDecl{Count: 1, Type: t})
		}
	}
	r := binary.NewReader(src.Body, src.Offset)
	out := make(code, 0, len(src.Body)+len(src.Body)/4)
	for !r.EOF() {
		start := r.Pos()
		op, err := r.ReadOp()
		if err != nil {
			return dst, err
		}
		switch op {
		case wasm.OpCall, wasm.OpRefFunc:
			f, err := r.ReadU32()
			if err != nil {
				return dst, err
			}
			out = out.u32(op, wrapper(f))
			continue
		}
		if err := r.SkipImmediates(op); err != nil {
			return dst, err
		}
		instr := src.Body[start:r.Pos()]
		if !opts.Stores {
			out = append(out, instr...)
			continue
		}
		info, _ := op.Info()
		switch {
		case (info.Imm == wasm.ImmMemArg || info.Imm == wasm.ImmMemArgLane) && len(info.Results) == 0 && len(info.Params) == 2:
			out, err = storeEvent(out, instr, op, info, &s, ev)
			if err != nil {
				return dst, err
			}
		case op == wasm.OpMemoryFill || op == wasm.OpMemoryCopy || op == wasm.OpMemoryInit:
			bulk := map[wasm.Op]uint32{wasm.OpMemoryFill: BulkFill, wasm.OpMemoryCopy: BulkCopy, wasm.OpMemoryInit: BulkInit}[op]
			out = out.u32(wasm.OpLocalSet, s.n).u32(wasm.OpLocalSet, s.i32).u32(wasm.OpLocalSet, s.addr)
			out = out.u32(wasm.OpLocalGet, s.addr).u32(wasm.OpLocalGet, s.i32).u32(wasm.OpLocalGet, s.n)
			out = append(out, instr...)
			out = out.event(ev, uint32(Bulk)|bulk<<8, func(c code) code { return c.u32(wasm.OpLocalGet, s.addr) }, func(c code) code {
				c = c.u32(wasm.OpLocalGet, s.i32).op(wasm.OpI64ExtendI32U).i64(32).op(wasm.OpI64Shl)
				c = c.u32(wasm.OpLocalGet, s.n).op(wasm.OpI64ExtendI32U)
				return c.op(wasm.OpI64Or)
			})
		default:
			out = append(out, instr...)
		}
	}
	dst.Body = out
	return dst, nil
}

// storeEvent appends a store instruction and the report of what it
// stored.
func storeEvent(out code, instr []byte, op wasm.Op, info *wasm.OpInfo, s *scratch, ev uint32) (code, error) {
	r := binary.NewReader(instr, 0)
	if _, err := r.ReadOp(); err != nil {
		return out, err
	}
	ma, err := r.ReadMemArg()
	if err != nil {
		return out, err
	}
	t := info.Params[1]
	v := s.of(t)
	out = out.u32(wasm.OpLocalSet, v).u32(wasm.OpLocalSet, s.addr)
	out = out.u32(wasm.OpLocalGet, s.addr).u32(wasm.OpLocalGet, v)
	out = append(out, instr...)
	addr := func(extra uint32) func(code) code {
		return func(c code) code {
			return c.u32(wasm.OpLocalGet, s.addr).i32(int32(uint32(ma.Offset) + extra)).op(wasm.OpI32Add)
		}
	}
	if t == wasm.V128 {
		for lane := byte(0); lane < 2; lane++ {
			out = out.event(ev, uint32(Store)|8<<8|uint32(wasm.I64)<<16, addr(8*uint32(lane)), func(c code) code {
				return append(c.u32(wasm.OpLocalGet, v).op(wasm.OpI64x2ExtractLane), lane)
			})
		}
		return out, nil
	}
	width := uint32(1) << info.Align
	return out.event(ev, uint32(Store)|width<<8|uint32(t)<<16, addr(0), func(c code) code {
		return toI64(c.u32(wasm.OpLocalGet, v), t)
	}), nil
}
