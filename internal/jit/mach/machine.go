package mach

import (
	"errors"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// ErrBranchRange is the error of Machine.Finalize when a branch cannot
// reach its target.
var ErrBranchRange = errors.New("branch out of range")

// Reg is a machine register, numbered by the machine (below 255).
type Reg uint8

// NoReg is "no register".
const NoReg Reg = 0xff

// Label is a position in the code of the function being compiled, made by
// Machine.NewLabel and placed by Machine.Bind (before or after the
// branches to it).
type Label int32

// Cond is a machine's condition code (a comparison's outcome in its
// flags), opaque to the compiler but for Machine.Invert.
type Cond uint8

// Slot is a frame slot: the value stack word at the frame base plus
// 8*Slot. A function's slots hold its parameters, its locals and its
// operand stack; slot 0 on is also where a callee's results go.
type Slot int32

// OperandKind says where an Operand is.
type OperandKind uint8

// Operand kinds.
const (
	InSlot  OperandKind = iota // in frame slot Operand.Slot
	IsConst                    // the constant Operand.Val
	InReg                      // in register Operand.Reg
)

// Operand is a value the compiler hands a machine instruction: where to
// read it.
type Operand struct {
	Kind OperandKind
	Val  uint64 // IsConst: the bits (an i32 zero-extended)
	Slot Slot   // InSlot
	Reg  Reg    // InReg
	// Pinned says Reg is the register a local lives in for the whole
	// function: the instruction reads it and must not write it.
	Pinned bool
	Local  uint32 // Pinned: the local
}

// RegFile describes a machine's registers to the compiler's allocator.
type RegFile struct {
	// Int and Float are the registers that cache temporaries of the
	// integer (i32, i64) and float (f32, f64, v128) classes, in order of
	// preference.
	Int, Float []Reg
	// PinInt and PinFloat are the registers that may hold locals for a
	// whole function, in order (the heaviest local first). They may
	// overlap Int and Float: a register holding a local is not free.
	PinInt, PinFloat []Reg
	// IsFloat tells a register's class.
	IsFloat [256]bool
	// ScratchFloat is a float register no value is ever allocated to,
	// which a move through a float register may use.
	ScratchFloat Reg
	// MaxDisp bounds the static offsets a memory access folds into its
	// address: an access with a larger offset computes its address in
	// full, and its bounds check proves nothing for later accesses.
	MaxDisp uint64
	// CondZero and CondNonZero are the conditions that hold after
	// Machine.TestImm when the masked value is zero and nonzero.
	CondZero, CondNonZero Cond
}

// Machine generates the code of one function at a time for the compiler
// in package jit, which walks the function, keeps the operand stack,
// allocates registers, lays out frames and decides the control flow; the
// machine selects instructions and encodes them. Slots are frame slots
// (see Slot); every instruction may use the machine's own scratch
// registers, which the register file never hands out.
//
// The compiler keeps 32-bit values zero-extended in 64-bit slots and
// registers, and so must every instruction that produces one.
type Machine interface {
	// RegFile describes the registers (the same value every time).
	RegFile() *RegFile
	// Reset starts a new function.
	Reset()
	// Finalize resolves the function's labels and returns its code and
	// the relocations of its calls. It fails with ErrBranchRange when a
	// branch cannot reach its target; the compiler then compiles the
	// function again after LongBranches.
	Finalize() ([]byte, []Reloc, error)
	// LongBranches(true) makes every branch of the function compiled
	// next reach any target within the function (on machines whose
	// conditional branches have a short range); false restores the
	// short forms.
	LongBranches(on bool)

	NewLabel() Label
	Bind(l Label)
	Jump(l Label)
	// BranchIf jumps to l when cc holds.
	BranchIf(cc Cond, l Label)
	// Invert returns the condition that holds when cc does not.
	Invert(cc Cond) Cond
	// Prologue starts the function (before its stack checks): a machine
	// whose calls leave the return address in a register saves it.
	Prologue()
	// Ret returns from the function (undoing Prologue).
	Ret()
	// Trap returns the label of the function's shared stub raising
	// code; EmitTrapStubs emits the stubs used, after the function's
	// code, and EmitConstPool the constants the instructions referred
	// to.
	Trap(code store.TrapCode) Label
	EmitTrapStubs()
	EmitConstPool()

	// StackCheck traps to l when the machine stack is past its limit;
	// FrameCheck traps to l when the frame, whose size PatchFrameSize
	// gives later, would pass the value stack's limit.
	StackCheck(l Label)
	FrameCheck(l Label) (site int)
	PatchFrameSize(site int, bytes int32)
	// ZeroSlots stores zero to slots.
	ZeroSlots(slots []Slot)
	// ZeroReg sets r to zero.
	ZeroReg(r Reg)
	// SpillPinned stores pinned register r to its local's slot;
	// ReloadPinned loads it back (whole registers: 8 bytes).
	SpillPinned(r Reg, s Slot)
	ReloadPinned(r Reg, s Slot)

	// StoreConst stores the bits v to s.
	StoreConst(s Slot, v uint64)
	// StoreReg stores register r, holding a value of type t, to s (an
	// f32 as a zero-extended word, a v128 to two slots).
	StoreReg(t wasm.ValType, s Slot, r Reg)
	// StoreFlags stores 1 to s when cc holds, else 0.
	StoreFlags(s Slot, cc Cond)
	// CopySlot copies one slot.
	CopySlot(dst, src Slot)
	// FlagsToReg sets integer register r to 1 when cc holds, else 0,
	// without changing the flags.
	FlagsToReg(r Reg, cc Cond)
	// MoveReg copies float register src to dst.
	MoveReg(dst, src Reg)
	// Zext32 copies the low 32 bits of integer register src to dst,
	// zero-extended.
	Zext32(dst, src Reg)
	// SetPinned puts o, of type t, into pinned register r.
	SetPinned(t wasm.ValType, r Reg, o Operand)
	// LoadArg puts o, of type t, into register r (of t's class).
	LoadArg(t wasm.ValType, r Reg, o Operand)
	// StoreZero64 stores a zero word to s (ref.null).
	StoreZero64(s Slot)

	// SetExit stores exit code code in the VM context; SetExitHelper
	// stores ExitHelper and the helper's argument; CallExit calls the
	// exit stub, which returns to Go (the code resumes after the call).
	SetExit(code int32)
	SetExitHelper(arg int64)
	CallExit()
	// BudgetCheck counts the interruption budget down and jumps to cold
	// when it runs out.
	BudgetCheck(cold Label)

	// CallDirect calls defined function target with its frame at slot
	// frame.
	CallDirect(frame Slot, target int)
	// IndirectLookup looks the table index in slot ix of table up in the
	// call_indirect cache: on a hit with type typeIdx it jumps to call
	// with the target ready for CallTarget, else it falls through (the
	// compiler binds slow there and leaves the call to Go).
	IndirectLookup(ix Slot, table, typeIdx uint32, slow, call Label)
	// IndirectTarget follows that exit: it readies the target Go
	// resolved for CallTarget or, when Go made the call itself, jumps to
	// skip.
	IndirectTarget(skip Label)
	CallTarget(frame Slot)

	// NonZero tests the i32 in o (a register or a slot) and returns the
	// condition that holds when it is not zero.
	NonZero(o Operand) Cond
	// LoadTableIndex puts br_table's index where TableJump reads it;
	// TableJump jumps to default when it is n or more, else through the
	// table that JumpTableData emits at table (targets in order).
	LoadTableIndex(o Operand)
	TableJump(n int, table, def Label)
	JumpTableData(table Label, targets []Label)
	// SelectSlots copies slot y over slot x (words of type t) when the
	// i32 in slot cond is zero.
	SelectSlots(t wasm.ValType, cond, x, y Slot)
	// SelectInt and SelectFloat set dst to x when cc holds, else to y.
	SelectInt(t wasm.ValType, cc Cond, dst Reg, x, y Operand)
	SelectFloat(t wasm.ValType, cc Cond, dst Reg, x, y Operand)

	// GlobalAddr readies the address of global idx for the next
	// LoadGlobal, CopyFromGlobal, StoreGlobal or CopyToGlobal.
	GlobalAddr(idx uint32)
	LoadGlobal(t wasm.ValType, dst Reg)
	CopyFromGlobal(dst Slot, words int)
	StoreGlobal(t wasm.ValType, o Operand)
	CopyToGlobal(src Slot, words int)

	// RefIsNull stores 1 to dst when the reference in x is null.
	RefIsNull(dst, x Slot)
	// RefFunc stores the handle of function idx to dst.
	RefFunc(idx uint32, dst Slot)
	// TableOp compiles table.get (index ix, result dst), table.set
	// (index ix, value val) and table.size (result dst) of table.
	TableOp(op wasm.Op, table uint32, ix, val, dst Slot)
	// DropSegment empties data segment idx (elem: element segment).
	DropSegment(elem bool, idx uint32)
	// MemorySize stores the page count of memory 0 to dst.
	MemorySize(dst Slot)
	// V128Const stores v to dst.
	V128Const(dst Slot, v *[16]byte)
	// MemAccess compiles scalar load or store op of size bytes at addr
	// plus offset into dst (a load) or from val (a store); check says
	// whether to check the bounds. It reports false for an op it does
	// not know.
	MemAccess(op wasm.Op, addr Operand, offset uint64, size int32, check bool, dst Reg, val Operand) bool
	// BulkLengthCheck jumps to fast when the length in slot n is at
	// most store.BulkChunk; BulkMem (memory.copy, memory.fill) and
	// BulkSegment (memory.init, table.init, table.copy, table.fill)
	// then compile the operation from slots dst and src (its value or
	// source) with that length.
	BulkLengthCheck(n Slot, fast Label)
	BulkMem(op wasm.Op, dst, src Slot)
	BulkSegment(op wasm.Op, x, y uint32, dst, src Slot)

	// IntBinary sets dst to x op y for an integer add, sub, and, or,
	// xor, shift, rotate or mul.
	IntBinary(op wasm.Op, dst Reg, x, y Operand)
	// MulAddImm sets dst to x*y+k when the machine does that in one
	// instruction for the constant y, reporting false (and emitting
	// nothing) otherwise.
	MulAddImm(op wasm.Op, dst Reg, x, y Operand, k int32) bool
	// TestImm sets the flags from x AND mask (an and of type t) when
	// the mask fits the machine's test, reporting false (and emitting
	// nothing) otherwise.
	TestImm(t wasm.ValType, x Operand, mask uint64) bool
	// IntCompare compares x with y for integer comparison op and returns
	// the condition that holds when the comparison is true.
	IntCompare(op wasm.Op, x, y Operand) Cond
	// TestZero tests x of type t against zero and returns the condition
	// that holds when it is zero.
	TestZero(t wasm.ValType, x Operand) Cond
	// WrapExtend compiles i32.wrap_i64 (wrap) or i64.extend_i32_s.
	WrapExtend(wrap bool, dst Reg, x Operand)
	// DivRem compiles integer division or remainder op with its traps.
	DivRem(op wasm.Op, dst, x, y Slot)
	// Bits compiles clz, ctz, popcnt and the sign extensions.
	Bits(op wasm.Op, dst, x Slot)
	// FloatBinary compiles f32/f64 add, sub, mul and div into dst.
	FloatBinary(op wasm.Op, dst Reg, x, y Operand)
	// FloatUnary compiles sqrt, ceil, floor, trunc and nearest into dst.
	FloatUnary(op wasm.Op, dst Reg, x Operand)
	// FloatCompare compares x with y for lt, gt, le or ge and returns the
	// condition that holds when the comparison is true.
	FloatCompare(op wasm.Op, x, y Operand) Cond
	// FloatEq stores the outcome of eq or ne to dst.
	FloatEq(op wasm.Op, dst Slot, x, y Operand)
	// FloatSign compiles abs and neg in place in slot x, and copysign
	// of slots x and y into dst.
	FloatSign(op wasm.Op, dst, x, y Slot)
	// ConvertInt compiles a conversion of an integer to a float into dst.
	ConvertInt(op wasm.Op, dst Reg, x Operand)
	// PromoteDemote compiles f64.promote_f32 and f32.demote_f64 of slot
	// x into RegFile.ScratchFloat.
	PromoteDemote(op wasm.Op, x Slot)

	// Lowers reports whether Lower (or, for a SIMD memory access,
	// LowerMem) selects code for op, with its operands and result in
	// registers.
	Lowers(op wasm.Op) bool
	// Lower compiles op from args into dst (NoReg when op has no
	// result): dst is either args[0] or a register distinct from every
	// argument; lane and imm are its immediates. It may clobber only the
	// machine's scratch registers and dst.
	Lower(op wasm.Op, lane uint8, imm *[16]byte, dst Reg, args []Reg)
	// LowerMem is Lower for a SIMD memory access of size bytes at addr
	// plus offset, bounds-checked.
	LowerMem(op wasm.Op, lane uint8, addr Operand, offset uint64, size int32, dst Reg, args []Reg)
}
