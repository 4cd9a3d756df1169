package jit

import (
	"fmt"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// This file is the front end of the single-pass compiler: it walks a
// validated body once, decodes each instruction and its immediates, skips
// unreachable code, lets the code generator look at the instructions that
// follow (for fusions), and keeps the compile-time model of the function:
// the virtual operand stack (each entry a typed location: a value in its
// frame slot, a constant, a comparison in the flags, a temporary in a
// register or a reference to a local), the control frames, the frame
// layout (parameters, locals, then the operand stack, one 8-byte slot per
// value, two for v128) and the choice of the locals that live in
// registers for the whole function.

// Kind says where an operand-stack entry's value is.
type Kind uint8

// Kinds of operand-stack entries.
const (
	KindSlot  Kind = iota // the value is in its slot
	KindConst             // a constant not yet stored (Entry.V: its bits)
	KindFlags             // an i32 condition in the flags (Entry.V: the machine's condition)
	KindReg               // a temporary in register Entry.V (integer or float class)
	KindLocal             // a reference to local Entry.V, not yet copied to the slot
)

// Entry is an operand-stack entry: its type, its slot offset (relative to
// the end of the locals) and where its value is.
type Entry struct {
	T    wasm.ValType
	Off  int
	Kind Kind
	V    uint64
}

// Imm holds the immediates of one instruction (binary's one decoder).
type Imm = binary.Imm

// Ctrl is a control frame: a block, loop or if being compiled, or the
// function body (Op 0).
type Ctrl struct {
	Op       wasm.Op
	Label    mach.Label // branch target: the end (block, if, function) or the start (loop)
	Else     mach.Label // an if's else branch
	Height   int        // operand stack entries below the block's parameters
	SlotBase int        // slot offset of the first parameter
	Params   []wasm.ValType
	Results  []wasm.ValType
	HasElse  bool
}

// Carried returns the types a branch to the frame carries: a loop's
// parameters, any other frame's results.
func (d *Ctrl) Carried() []wasm.ValType {
	if d.Op == wasm.OpLoop {
		return d.Params
	}
	return d.Results
}

// Backend compiles one instruction at a time for the front end.
type Backend interface {
	// Op compiles instruction op with immediates im; it sets *dead to 1
	// when the rest of the enclosing block is unreachable (after br,
	// br_table, return, unreachable).
	Op(op wasm.Op, info *wasm.OpInfo, im *Imm, dead *int) error
}

// Frame is the front end's model of the function being compiled. The
// code generator embeds a Frame and reuses it from function to function
// (Reset keeps the buffers).
type Frame struct {
	M       *wasm.Module
	FI      *validate.FuncInfo
	Types   []uint32       // type index of every function
	Globals []wasm.ValType // type of every global

	LocalOf []int // slot of each local
	NLoc    int   // slots of the locals (parameters included)

	Stack []Entry   // the operand stack
	Busy  [256]bool // registers holding entries or pinned locals
	SP    int       // slot offset of the stack top
	MaxSP int       // highest SP: the frame size

	Ctrls []Ctrl

	// Locals living in registers for the whole function.
	PinReg  []mach.Reg // a local's register, or mach.NoReg
	Written []bool     // the body writes the local (local.set, local.tee)
	Pinned  []uint32   // the pinned locals

	// Skip is set by Backend.Op when it also compiled the next Skip
	// instructions (fused into the current one, see Peek); Body then
	// continues after them. Only instructions that neither open nor
	// close a block nor end reachability may be fused.
	Skip int

	im Imm // Body: the current instruction's immediates (in the Frame: passing them allocates nothing)

	// Peek's state: the body, the offset after the current instruction
	// and the instructions decoded after it.
	body   []byte
	base   int
	next   int
	npeek  int
	peeked [2]peeked
}

// peeked is an instruction decoded ahead: its opcode, immediates and the
// offset after it.
type peeked struct {
	op  wasm.Op
	im  Imm
	end int
}

// grow returns s resized to n elements, reusing its array when large
// enough (the contents are unspecified).
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// Reset prepares f for function fi of m, keeping its buffers, and lays
// out the locals' slots.
func (f *Frame) Reset(m *wasm.Module, fi *validate.FuncInfo, types []uint32, globals []wasm.ValType) {
	f.M, f.FI, f.Types, f.Globals = m, fi, types, globals
	f.Stack = f.Stack[:0]
	f.Busy = [256]bool{}
	f.SP, f.MaxSP, f.Skip = 0, 0, 0
	f.Ctrls = f.Ctrls[:0]
	f.Pinned = f.Pinned[:0]
	f.LocalOf = grow(f.LocalOf, len(fi.Locals))
	n := 0
	for i, t := range fi.Locals {
		f.LocalOf[i] = n
		n += t.Slots()
	}
	f.NLoc = n
}

// Push pushes an entry of type t in its slot and returns the slot offset.
func (f *Frame) Push(t wasm.ValType) int {
	off := f.SP
	f.Stack = append(f.Stack, Entry{T: t, Off: off})
	f.SP += t.Slots()
	f.MaxSP = max(f.MaxSP, f.SP)
	return off
}

// PushKind pushes an entry of type t, kind k and value v (for KindReg,
// the register, which becomes busy).
func (f *Frame) PushKind(t wasm.ValType, k Kind, v uint64) {
	f.Push(t)
	e := &f.Stack[len(f.Stack)-1]
	e.Kind, e.V = k, v
	if k == KindReg {
		f.Busy[v] = true
	}
}

// PushLocal pushes a reference to local i: no code until it is needed.
func (f *Frame) PushLocal(i uint32) {
	f.Push(f.FI.Locals[i])
	e := &f.Stack[len(f.Stack)-1]
	e.Kind, e.V = KindLocal, uint64(i)
}

// Drop removes the top entry, which the backend has consumed, and
// returns it.
func (f *Frame) Drop() Entry {
	n := len(f.Stack) - 1
	e := f.Stack[n]
	if e.Kind == KindReg {
		f.Busy[e.V] = false
	}
	f.SP = e.Off
	f.Stack = f.Stack[:n]
	return e
}

// Truncate drops the entries above height (their registers become free).
func (f *Frame) Truncate(height int) {
	for len(f.Stack) > height {
		f.Drop()
	}
}

// IsPinned reports whether entry i refers to a pinned local.
func (f *Frame) IsPinned(i int) bool {
	e := &f.Stack[i]
	return e.Kind == KindLocal && f.PinReg[e.V] != mach.NoReg
}

// BlockType returns the parameters and results of a block type.
func (f *Frame) BlockType(bt binary.BlockType) (params, results []wasm.ValType) {
	switch bt.Kind {
	case binary.BlockValue:
		return nil, []wasm.ValType{bt.Value}
	case binary.BlockIndex:
		ft := f.M.Types[bt.Index]
		return ft.Params, ft.Results
	}
	return nil, nil
}

// TableType returns the element type of table i.
func (f *Frame) TableType(i uint32) wasm.ValType {
	n := uint32(0)
	for _, im := range f.M.Imports {
		if im.Kind == wasm.ExternTable {
			if n == i {
				return im.Table.Elem
			}
			n++
		}
	}
	return f.M.Tables[i-n].Elem
}

// SlotsOf returns the number of slots values of types ts take.
func SlotsOf(ts []wasm.ValType) int {
	n := 0
	for _, t := range ts {
		n += t.Slots()
	}
	return n
}

// ChoosePins pins the heaviest integer locals to intRegs and the heaviest
// float locals to floatRegs, in order (ties: the lower index), by the
// validator's use counts weighted by loop depth; the pinned registers
// become busy.
func (f *Frame) ChoosePins(intRegs, floatRegs []mach.Reg) {
	nl := len(f.FI.Locals)
	f.PinReg = grow(f.PinReg, nl)
	f.Written = grow(f.Written, nl)
	for i := range f.PinReg {
		f.PinReg[i] = mach.NoReg
		f.Written[i] = i < len(f.FI.LocalWritten) && f.FI.LocalWritten[i]
	}
	weight := func(i int) uint32 {
		if i < len(f.FI.LocalWeights) {
			return f.FI.LocalWeights[i]
		}
		return 0
	}
	pick := func(isInt bool, regs []mach.Reg) {
		if len(regs) == 0 {
			return
		}
		var buf [16]int // no allocation for up to 16 registers
		top := buf[:0]
		if len(regs) > len(buf) {
			top = make([]int, 0, len(regs))
		}
		for i, t := range f.FI.Locals {
			if weight(i) == 0 || (isInt && t != wasm.I32 && t != wasm.I64) || (!isInt && t != wasm.F32 && t != wasm.F64) {
				continue
			}
			k := len(top)
			if k == len(regs) {
				if weight(top[k-1]) >= weight(i) {
					continue
				}
				k--
			} else {
				top = top[:k+1]
			}
			for k > 0 && weight(top[k-1]) < weight(i) {
				top[k] = top[k-1]
				k--
			}
			top[k] = i
		}
		for k, i := range top {
			f.PinReg[i] = regs[k]
			f.Busy[regs[k]] = true
			f.Pinned = append(f.Pinned, uint32(i))
		}
	}
	pick(true, intRegs)
	pick(false, floatRegs)
}

// Body compiles a validated body with backend b: it decodes every
// instruction, lets b compile the reachable ones and, after an
// instruction that ends reachability, skips to the end or else of the
// block, restoring the operand stack the block type gives.
func (f *Frame) Body(body []byte, base int, b Backend) error {
	r := binary.NewReader(body, base)
	f.body, f.base = body, base
	dead := 0 // > 0: skipping unreachable code, nesting depth + 1
	for !r.EOF() {
		pos := r.Offset()
		op, err := r.ReadOp()
		if err != nil {
			return err
		}
		info, ok := op.Info()
		if !ok {
			return fmt.Errorf("offset %d: unknown opcode %v", pos, op)
		}
		if err := r.ReadImm(info.Imm, &f.im); err != nil {
			return err
		}
		if dead > 0 {
			switch op {
			case wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
				dead++
				continue
			case wasm.OpElse:
				if dead > 1 {
					continue
				}
			case wasm.OpEnd:
				if dead > 1 {
					dead--
					continue
				}
			default:
				continue
			}
			dead = 0
			d := &f.Ctrls[len(f.Ctrls)-1]
			f.Truncate(d.Height)
			ts := d.Results
			if op == wasm.OpElse {
				ts = d.Params
			}
			for _, t := range ts {
				f.Push(t)
			}
		}
		f.next, f.npeek = r.Offset(), 0
		if err := b.Op(op, info, &f.im, &dead); err != nil {
			return fmt.Errorf("offset %d: %v: %w", pos, op, err)
		}
		if f.Skip > 0 {
			if f.Skip > f.npeek {
				return fmt.Errorf("offset %d: %v: fused %d instructions, looked at %d", pos, op, f.Skip, f.npeek)
			}
			if err := r.Skip(f.peeked[f.Skip-1].end - r.Offset()); err != nil {
				return err
			}
			f.Skip = 0
		}
	}
	return nil
}

// Peek decodes the k-th instruction after the one Backend.Op compiles (k
// = 0 is the next one; k < 2) and returns its opcode and immediates, or
// false at the end of the body or on a decoding error. A fusion that
// compiles it too sets Skip to k+1.
func (f *Frame) Peek(k int) (wasm.Op, *Imm, bool) {
	for f.npeek <= k {
		pos := f.next
		if f.npeek > 0 {
			pos = f.peeked[f.npeek-1].end
		}
		if pos-f.base >= len(f.body) {
			return 0, nil, false
		}
		r := binary.NewReader(f.body[pos-f.base:], pos)
		op, err := r.ReadOp()
		if err != nil {
			return 0, nil, false
		}
		info, ok := op.Info()
		if !ok {
			return 0, nil, false
		}
		p := &f.peeked[f.npeek]
		if err := r.ReadImm(info.Imm, &p.im); err != nil {
			return 0, nil, false
		}
		p.op, p.end = op, r.Offset()
		f.npeek++
	}
	p := &f.peeked[k]
	return p.op, &p.im, true
}
