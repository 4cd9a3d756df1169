package interp

import (
	"context"
	"errors"
	"math"
	"math/bits"
	"strconv"
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// The loop addresses slots, instructions and linear memory through
// unsafe pointers, with these invariants:
//
//   - fp points at slot 0 of the current frame in v.stack, and every slot
//     operand of the frame's code is below its funcCode.frameSize; a call
//     only enters a frame after checking that base+frameSize <= len(v.stack).
//     The translator emits slot operands only for locals, constants and
//     temporaries it allocated within frameSize.
//   - ip points into the code of the current function; the translator
//     ends every path with return, br or a trap, branch offsets stay
//     within the code, and a sentinel after the last instruction keeps ip
//     inside the code array when it advances past a final return.
//   - v.memBase/v.memLen describe the current instance's memory 0 (nil/0
//     when it has none); every access checks ea+size <= memLen first.
//     memory.grow updates them; so do switches to another instance and
//     returns from host functions. The base itself never moves
//     (store.Memory reserves its address space up front).

const instrSize = unsafe.Sizeof(instr{})

// at returns the address of slot i of the frame at fp.
func at(fp unsafe.Pointer, i uint32) *uint64 { return (*uint64)(unsafe.Add(fp, uintptr(i)<<3)) }

// mb returns the n bytes of memory at ea (bounds already checked).
func mb(base unsafe.Pointer, ea uint64, n int) []byte {
	return unsafe.Slice((*byte)(unsafe.Add(base, ea)), n)
}

func memSlice(base unsafe.Pointer, n uint64) []byte {
	if base == nil {
		return nil
	}
	return unsafe.Slice((*byte)(base), n)
}

// instState caches what the loop needs of the current instance.
type instState struct {
	inst    *store.Instance
	funcs   []*store.Func
	globals []*store.Global
	tables  []*store.Table
	memp    *store.Memory
	memBase unsafe.Pointer // memp's base address, fixed for its lifetime
}

func (s *instState) load(inst *store.Instance) {
	s.inst = inst
	s.funcs = inst.Funcs
	s.globals = inst.Globals
	s.tables = inst.Tables
	s.memp, s.memBase = nil, nil
	if len(inst.Memories) > 0 {
		s.memp = inst.Memories[0]
		s.memBase = unsafe.Pointer(unsafe.SliceData(s.memp.Held())) // the call holds it (Instance.Enter)
	}
}

// memory returns the base and current length of memory 0.
func (s *instState) memory() (unsafe.Pointer, uint64) {
	if s.memp == nil || s.memBase == nil { // none, or closed before it was loaded
		return nil, 0
	}
	return s.memBase, s.memp.Size()
}

// jump returns the address of the instruction rel instructions after in.
func jump(in *instr, rel uint32) unsafe.Pointer {
	return unsafe.Add(unsafe.Pointer(in), uintptr(int32(rel))*instrSize)
}

// run executes fn, whose parameters are in v.stack[0:], until it returns.
// Only ip and fp are loop-carried locals; everything else lives in v.
// Instructions that call Go functions run in exec2, and the few calls left
// in this loop save ip in v around them, so that no value is live across
// a call and the dispatch stays a handful of machine instructions.
func (v *vm) run(ctx context.Context, fn *store.Func, fc *funcCode) error {
	v.ctx = ctx
	v.st.load(fn.Instance)
	v.fn, v.fc, v.base = fn, fc, 0
	v.memBase, v.memLen = v.st.memory()
	fp := unsafe.Pointer(unsafe.SliceData(v.stack))
	enterFrame(v.stack, fc)
	ip := unsafe.Pointer(unsafe.SliceData(fc.code))
	v.budget = v.initialBudget()
	err := v.loop(fp, ip)
	for err == errThrown {
		// v.exc was thrown by the instruction before v.ip.
		fp, ok := v.catch()
		if !ok {
			return v.uncaught()
		}
		// A handler can branch back to a loop: a throw counts as a
		// back-edge.
		if v.budget--; v.budget <= 0 {
			if tc := v.refill(); tc != 0 {
				return v.trapErr(tc)
			}
		}
		err = v.loop(fp, v.ip)
	}
	return err
}

// errThrown is what loop returns when an exception is thrown (v.exc): the
// handler search runs outside the loop, which then resumes at the
// handler.
var errThrown = errors.New("exception thrown")

// loop is the dispatch loop: it runs the current function from ip, with
// its frame at fp, until the call returns, traps or throws.
func (v *vm) loop(fp, ip unsafe.Pointer) error {
	var tc store.TrapCode
	for {
		in := (*instr)(ip)
		ip = unsafe.Add(ip, instrSize)
		switch wasm.Op(in.op) {
		case opCopy:
			*at(fp, in.r) = *at(fp, in.x)
		case opCopy2:
			*at(fp, in.r), *at(fp, in.r+1) = *at(fp, in.x), *at(fp, in.x+1)
		case opBr:
			ip = jump(in, in.k)
			if int32(in.k) <= 0 {
				goto backEdge
			}
		case opBrIfNZ:
			if uint32(*at(fp, in.x)) != 0 {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrIfZ:
			if uint32(*at(fp, in.x)) == 0 {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32Eq:
			if uint32(*at(fp, in.x)) == uint32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32Ne:
			if uint32(*at(fp, in.x)) != uint32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32LtS:
			if int32(*at(fp, in.x)) < int32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32LtU:
			if uint32(*at(fp, in.x)) < uint32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32GtS:
			if int32(*at(fp, in.x)) > int32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32GtU:
			if uint32(*at(fp, in.x)) > uint32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32LeS:
			if int32(*at(fp, in.x)) <= int32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32LeU:
			if uint32(*at(fp, in.x)) <= uint32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32GeS:
			if int32(*at(fp, in.x)) >= int32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI32GeU:
			if uint32(*at(fp, in.x)) >= uint32(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64Eq:
			if uint64(*at(fp, in.x)) == uint64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64Ne:
			if uint64(*at(fp, in.x)) != uint64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64LtS:
			if int64(*at(fp, in.x)) < int64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64LtU:
			if uint64(*at(fp, in.x)) < uint64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64GtS:
			if int64(*at(fp, in.x)) > int64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64GtU:
			if uint64(*at(fp, in.x)) > uint64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64LeS:
			if int64(*at(fp, in.x)) <= int64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64LeU:
			if uint64(*at(fp, in.x)) <= uint64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64GeS:
			if int64(*at(fp, in.x)) >= int64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64GeU:
			if uint64(*at(fp, in.x)) >= uint64(*at(fp, in.y)) {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64Z:
			if *at(fp, in.x) == 0 {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opBrI64NZ:
			if *at(fp, in.x) != 0 {
				ip = jump(in, in.k)
				if int32(in.k) <= 0 {
					goto backEdge
				}
			}
		case opI32AddImm:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) + in.k)
		case opI64AddImm:
			*at(fp, in.r) = *at(fp, in.x) + uint64(int64(int32(in.k)))
		case opBrTable:
			t := v.fc.brTables[in.k]
			i := uint64(uint32(*at(fp, in.x)))
			if i >= uint64(len(t)) {
				i = uint64(len(t) - 1)
			}
			ip = jump(in, t[i])
			if int32(t[i]) <= 0 {
				goto backEdge
			}
		case opUnreachable:
			tc = store.TrapUnreachable
			goto trapped
		case opReturn1:
			*at(fp, 0) = *at(fp, in.x)
			if len(v.frames) == 0 {
				return nil
			}
			ip, fp = v.ret()
			if c := (*instr)(unsafe.Add(ip, -int(instrSize))); c.r != 0 && c.op == opCall {
				*at(fp, c.r-1) = *at(fp, c.x)
			}
		case opReturn:
			if len(v.frames) == 0 {
				return nil
			}
			ip, fp = v.ret()
			if c := (*instr)(unsafe.Add(ip, -int(instrSize))); c.r != 0 && c.op == opCall {
				*at(fp, c.r-1) = *at(fp, c.x)
			}
		case opCall:
			v.callee = v.st.funcs[in.k]
			goto call
		case opCallIndirect:
			v.ip = ip
			tc = v.resolveIndirect(in, fp)
			ip = v.ip
			in = (*instr)(unsafe.Add(ip, -int(instrSize)))
			if tc != 0 {
				goto trapped
			}
			goto call
		case opReturnCall:
			v.callee = v.st.funcs[in.k]
			goto tailCall
		case opCallRef:
			v.ip = ip
			tc = v.resolveRef(fp, in.y)
			ip = v.ip
			in = (*instr)(unsafe.Add(ip, -int(instrSize)))
			if tc != 0 {
				goto trapped
			}
			goto call
		case opReturnCallRef:
			v.ip = ip
			tc = v.resolveRef(fp, in.y)
			ip = v.ip
			in = (*instr)(unsafe.Add(ip, -int(instrSize)))
			if tc != 0 {
				goto trapped
			}
			goto tailCall
		case opReturnCallIndirect:
			v.ip = ip
			tc = v.resolveIndirect(in, fp)
			ip = v.ip
			in = (*instr)(unsafe.Add(ip, -int(instrSize)))
			if tc != 0 {
				goto trapped
			}
			goto tailCall
		case opSelect:
			if uint32(*at(fp, in.z)) != 0 {
				*at(fp, in.r) = *at(fp, in.x)
			} else {
				*at(fp, in.r) = *at(fp, in.y)
			}
		case opGlobalGet:
			*at(fp, in.r) = v.st.globals[in.k].Lo
		case opGlobalSet:
			v.st.globals[in.k].Lo = *at(fp, in.x)
		case opTableGet:
			tab := v.st.tables[in.k]
			i := uint64(uint32(*at(fp, in.x)))
			if i >= uint64(len(tab.Elems)) {
				tc = store.TrapTableOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = tab.Elems[i]
		case opTableSet:
			tab := v.st.tables[in.k]
			i := uint64(uint32(*at(fp, in.x)))
			if i >= uint64(len(tab.Elems)) {
				tc = store.TrapTableOutOfBounds
				goto trapped
			}
			tab.Elems[i] = *at(fp, in.y)
		case opRefFunc:
			*at(fp, in.r) = v.st.funcs[in.k].Handle
		case wasm.OpRefIsNull:
			*at(fp, in.r) = b2u(*at(fp, in.x) == 0)

		// Memory.
		case wasm.OpI32Load:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+4 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(ld32(unsafe.Add(v.memBase, ea)))
		case wasm.OpI64Load:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+8 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = ld64(unsafe.Add(v.memBase, ea))
		case wasm.OpF32Load:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+4 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(ld32(unsafe.Add(v.memBase, ea)))
		case wasm.OpF64Load:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+8 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = ld64(unsafe.Add(v.memBase, ea))
		case wasm.OpI32Load8S:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+1 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(uint32(int32(int8(*(*byte)(unsafe.Add(v.memBase, ea))))))
		case wasm.OpI32Load8U:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+1 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(*(*byte)(unsafe.Add(v.memBase, ea)))
		case wasm.OpI32Load16S:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+2 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(uint32(int32(int16(ld16(unsafe.Add(v.memBase, ea))))))
		case wasm.OpI32Load16U:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+2 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(ld16(unsafe.Add(v.memBase, ea)))
		case wasm.OpI64Load8S:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+1 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(int64(int8(*(*byte)(unsafe.Add(v.memBase, ea)))))
		case wasm.OpI64Load8U:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+1 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(*(*byte)(unsafe.Add(v.memBase, ea)))
		case wasm.OpI64Load16S:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+2 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(int64(int16(ld16(unsafe.Add(v.memBase, ea)))))
		case wasm.OpI64Load16U:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+2 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(ld16(unsafe.Add(v.memBase, ea)))
		case wasm.OpI64Load32S:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+4 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(int64(int32(ld32(unsafe.Add(v.memBase, ea)))))
		case wasm.OpI64Load32U:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+4 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*at(fp, in.r) = uint64(ld32(unsafe.Add(v.memBase, ea)))
		case wasm.OpI32Store, wasm.OpF32Store, wasm.OpI64Store32:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+4 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			st32(unsafe.Add(v.memBase, ea), uint32(*at(fp, in.y)))
		case wasm.OpI64Store, wasm.OpF64Store:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+8 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			st64(unsafe.Add(v.memBase, ea), *at(fp, in.y))
		case wasm.OpI32Store8, wasm.OpI64Store8:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+1 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			*(*byte)(unsafe.Add(v.memBase, ea)) = byte(*at(fp, in.y))
		case wasm.OpI32Store16, wasm.OpI64Store16:
			ea := uint64(uint32(*at(fp, in.x))) + uint64(in.z)
			if ea+2 > v.memLen {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			st16(unsafe.Add(v.memBase, ea), uint16(*at(fp, in.y)))
		case wasm.OpMemorySize:
			*at(fp, in.r) = v.memLen / wasm.PageSize
		// i32 arithmetic.
		case wasm.OpI32Eqz:
			*at(fp, in.r) = b2u(uint32(*at(fp, in.x)) == 0)
		case wasm.OpI32Eq:
			*at(fp, in.r) = b2u(uint32(*at(fp, in.x)) == uint32(*at(fp, in.y)))
		case wasm.OpI32Ne:
			*at(fp, in.r) = b2u(uint32(*at(fp, in.x)) != uint32(*at(fp, in.y)))
		case wasm.OpI32LtS:
			*at(fp, in.r) = b2u(int32(*at(fp, in.x)) < int32(*at(fp, in.y)))
		case wasm.OpI32LtU:
			*at(fp, in.r) = b2u(uint32(*at(fp, in.x)) < uint32(*at(fp, in.y)))
		case wasm.OpI32GtS:
			*at(fp, in.r) = b2u(int32(*at(fp, in.x)) > int32(*at(fp, in.y)))
		case wasm.OpI32GtU:
			*at(fp, in.r) = b2u(uint32(*at(fp, in.x)) > uint32(*at(fp, in.y)))
		case wasm.OpI32LeS:
			*at(fp, in.r) = b2u(int32(*at(fp, in.x)) <= int32(*at(fp, in.y)))
		case wasm.OpI32LeU:
			*at(fp, in.r) = b2u(uint32(*at(fp, in.x)) <= uint32(*at(fp, in.y)))
		case wasm.OpI32GeS:
			*at(fp, in.r) = b2u(int32(*at(fp, in.x)) >= int32(*at(fp, in.y)))
		case wasm.OpI32GeU:
			*at(fp, in.r) = b2u(uint32(*at(fp, in.x)) >= uint32(*at(fp, in.y)))
		case wasm.OpI64Eqz:
			*at(fp, in.r) = b2u(*at(fp, in.x) == 0)
		case wasm.OpI64Eq:
			*at(fp, in.r) = b2u(*at(fp, in.x) == *at(fp, in.y))
		case wasm.OpI64Ne:
			*at(fp, in.r) = b2u(*at(fp, in.x) != *at(fp, in.y))
		case wasm.OpI64LtS:
			*at(fp, in.r) = b2u(int64(*at(fp, in.x)) < int64(*at(fp, in.y)))
		case wasm.OpI64LtU:
			*at(fp, in.r) = b2u(*at(fp, in.x) < *at(fp, in.y))
		case wasm.OpI64GtS:
			*at(fp, in.r) = b2u(int64(*at(fp, in.x)) > int64(*at(fp, in.y)))
		case wasm.OpI64GtU:
			*at(fp, in.r) = b2u(*at(fp, in.x) > *at(fp, in.y))
		case wasm.OpI64LeS:
			*at(fp, in.r) = b2u(int64(*at(fp, in.x)) <= int64(*at(fp, in.y)))
		case wasm.OpI64LeU:
			*at(fp, in.r) = b2u(*at(fp, in.x) <= *at(fp, in.y))
		case wasm.OpI64GeS:
			*at(fp, in.r) = b2u(int64(*at(fp, in.x)) >= int64(*at(fp, in.y)))
		case wasm.OpI64GeU:
			*at(fp, in.r) = b2u(*at(fp, in.x) >= *at(fp, in.y))
		case wasm.OpF32Eq:
			*at(fp, in.r) = b2u(f32(*at(fp, in.x)) == f32(*at(fp, in.y)))
		case wasm.OpF32Ne:
			*at(fp, in.r) = b2u(f32(*at(fp, in.x)) != f32(*at(fp, in.y)))
		case wasm.OpF32Lt:
			*at(fp, in.r) = b2u(f32(*at(fp, in.x)) < f32(*at(fp, in.y)))
		case wasm.OpF32Gt:
			*at(fp, in.r) = b2u(f32(*at(fp, in.x)) > f32(*at(fp, in.y)))
		case wasm.OpF32Le:
			*at(fp, in.r) = b2u(f32(*at(fp, in.x)) <= f32(*at(fp, in.y)))
		case wasm.OpF32Ge:
			*at(fp, in.r) = b2u(f32(*at(fp, in.x)) >= f32(*at(fp, in.y)))
		case wasm.OpF64Eq:
			*at(fp, in.r) = b2u(f64(*at(fp, in.x)) == f64(*at(fp, in.y)))
		case wasm.OpF64Ne:
			*at(fp, in.r) = b2u(f64(*at(fp, in.x)) != f64(*at(fp, in.y)))
		case wasm.OpF64Lt:
			*at(fp, in.r) = b2u(f64(*at(fp, in.x)) < f64(*at(fp, in.y)))
		case wasm.OpF64Gt:
			*at(fp, in.r) = b2u(f64(*at(fp, in.x)) > f64(*at(fp, in.y)))
		case wasm.OpF64Le:
			*at(fp, in.r) = b2u(f64(*at(fp, in.x)) <= f64(*at(fp, in.y)))
		case wasm.OpF64Ge:
			*at(fp, in.r) = b2u(f64(*at(fp, in.x)) >= f64(*at(fp, in.y)))

		case wasm.OpI32Clz:
			*at(fp, in.r) = uint64(bits.LeadingZeros32(uint32(*at(fp, in.x))))
		case wasm.OpI32Ctz:
			*at(fp, in.r) = uint64(bits.TrailingZeros32(uint32(*at(fp, in.x))))
		case wasm.OpI32Add:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) + uint32(*at(fp, in.y)))
		case wasm.OpI32Sub:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) - uint32(*at(fp, in.y)))
		case wasm.OpI32Mul:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) * uint32(*at(fp, in.y)))
		case wasm.OpI32DivS:
			a, b := int32(*at(fp, in.x)), int32(*at(fp, in.y))
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			if a == math.MinInt32 && b == -1 {
				tc = store.TrapIntegerOverflow
				goto trapped
			}
			*at(fp, in.r) = uint64(uint32(a / b))
		case wasm.OpI32DivU:
			a, b := uint32(*at(fp, in.x)), uint32(*at(fp, in.y))
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			*at(fp, in.r) = uint64(a / b)
		case wasm.OpI32RemS:
			a, b := int32(*at(fp, in.x)), int32(*at(fp, in.y))
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			if b == -1 {
				*at(fp, in.r) = 0
			} else {
				*at(fp, in.r) = uint64(uint32(a % b))
			}
		case wasm.OpI32RemU:
			a, b := uint32(*at(fp, in.x)), uint32(*at(fp, in.y))
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			*at(fp, in.r) = uint64(a % b)
		case wasm.OpI32And:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) & uint32(*at(fp, in.y)))
		case wasm.OpI32Or:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) | uint32(*at(fp, in.y)))
		case wasm.OpI32Xor:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) ^ uint32(*at(fp, in.y)))
		case wasm.OpI32Shl:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) << (*at(fp, in.y) & 31))
		case wasm.OpI32ShrS:
			*at(fp, in.r) = uint64(uint32(int32(*at(fp, in.x)) >> (*at(fp, in.y) & 31)))
		case wasm.OpI32ShrU:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) >> (*at(fp, in.y) & 31))
		case wasm.OpI32Rotl:
			*at(fp, in.r) = rotl32(*at(fp, in.x), *at(fp, in.y))
		case wasm.OpI32Rotr:
			*at(fp, in.r) = rotr32(*at(fp, in.x), *at(fp, in.y))

		case wasm.OpI64Clz:
			*at(fp, in.r) = uint64(bits.LeadingZeros64(*at(fp, in.x)))
		case wasm.OpI64Ctz:
			*at(fp, in.r) = uint64(bits.TrailingZeros64(*at(fp, in.x)))
		case wasm.OpI64Add:
			*at(fp, in.r) = *at(fp, in.x) + *at(fp, in.y)
		case wasm.OpI64Sub:
			*at(fp, in.r) = *at(fp, in.x) - *at(fp, in.y)
		case wasm.OpI64Mul:
			*at(fp, in.r) = *at(fp, in.x) * *at(fp, in.y)
		case wasm.OpI64DivS:
			a, b := int64(*at(fp, in.x)), int64(*at(fp, in.y))
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			if a == math.MinInt64 && b == -1 {
				tc = store.TrapIntegerOverflow
				goto trapped
			}
			*at(fp, in.r) = uint64(a / b)
		case wasm.OpI64DivU:
			a, b := *at(fp, in.x), *at(fp, in.y)
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			*at(fp, in.r) = a / b
		case wasm.OpI64RemS:
			a, b := int64(*at(fp, in.x)), int64(*at(fp, in.y))
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			if b == -1 {
				*at(fp, in.r) = 0
			} else {
				*at(fp, in.r) = uint64(a % b)
			}
		case wasm.OpI64RemU:
			a, b := *at(fp, in.x), *at(fp, in.y)
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			*at(fp, in.r) = a % b
		case wasm.OpI64And:
			*at(fp, in.r) = *at(fp, in.x) & *at(fp, in.y)
		case wasm.OpI64Or:
			*at(fp, in.r) = *at(fp, in.x) | *at(fp, in.y)
		case wasm.OpI64Xor:
			*at(fp, in.r) = *at(fp, in.x) ^ *at(fp, in.y)
		case wasm.OpI64Shl:
			*at(fp, in.r) = *at(fp, in.x) << (*at(fp, in.y) & 63)
		case wasm.OpI64ShrS:
			*at(fp, in.r) = uint64(int64(*at(fp, in.x)) >> (*at(fp, in.y) & 63))
		case wasm.OpI64ShrU:
			*at(fp, in.r) = *at(fp, in.x) >> (*at(fp, in.y) & 63)
		case wasm.OpI64Rotl:
			*at(fp, in.r) = rotl64(*at(fp, in.x), *at(fp, in.y))
		case wasm.OpI64Rotr:
			*at(fp, in.r) = rotr64(*at(fp, in.x), *at(fp, in.y))

		case wasm.OpF32Abs:
			*at(fp, in.r) = *at(fp, in.x) & (f32Sign - 1)
		case wasm.OpF32Neg:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)) ^ f32Sign)
		case wasm.OpF32Add:
			*at(fp, in.r) = pf32(f32(*at(fp, in.x)) + f32(*at(fp, in.y)))
		case wasm.OpF32Sub:
			*at(fp, in.r) = pf32(f32(*at(fp, in.x)) - f32(*at(fp, in.y)))
		case wasm.OpF32Mul:
			*at(fp, in.r) = pf32(f32(*at(fp, in.x)) * f32(*at(fp, in.y)))
		case wasm.OpF32Div:
			*at(fp, in.r) = pf32(f32(*at(fp, in.x)) / f32(*at(fp, in.y)))
		case wasm.OpF32Copysign:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x))&^f32Sign | uint32(*at(fp, in.y))&f32Sign)
		case wasm.OpF64Abs:
			*at(fp, in.r) = *at(fp, in.x) &^ f64Sign
		case wasm.OpF64Neg:
			*at(fp, in.r) = *at(fp, in.x) ^ f64Sign
		case wasm.OpF64Add:
			*at(fp, in.r) = pf64(f64(*at(fp, in.x)) + f64(*at(fp, in.y)))
		case wasm.OpF64Sub:
			*at(fp, in.r) = pf64(f64(*at(fp, in.x)) - f64(*at(fp, in.y)))
		case wasm.OpF64Mul:
			*at(fp, in.r) = pf64(f64(*at(fp, in.x)) * f64(*at(fp, in.y)))
		case wasm.OpF64Div:
			*at(fp, in.r) = pf64(f64(*at(fp, in.x)) / f64(*at(fp, in.y)))
		case wasm.OpF64Copysign:
			*at(fp, in.r) = *at(fp, in.x)&^f64Sign | *at(fp, in.y)&f64Sign

		// Conversions.
		case wasm.OpI32WrapI64:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)))
		case wasm.OpI64ExtendI32S:
			*at(fp, in.r) = uint64(int64(int32(*at(fp, in.x))))
		case wasm.OpI64ExtendI32U:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)))
		case wasm.OpF32ConvertI32S:
			*at(fp, in.r) = pf32(float32(int32(*at(fp, in.x))))
		case wasm.OpF32ConvertI32U:
			*at(fp, in.r) = pf32(float32(uint32(*at(fp, in.x))))
		case wasm.OpF32ConvertI64S:
			*at(fp, in.r) = pf32(float32(int64(*at(fp, in.x))))
		case wasm.OpF32ConvertI64U:
			*at(fp, in.r) = pf32(float32(*at(fp, in.x)))
		case wasm.OpF32DemoteF64:
			*at(fp, in.r) = pf32(float32(f64(*at(fp, in.x))))
		case wasm.OpF64ConvertI32S:
			*at(fp, in.r) = pf64(float64(int32(*at(fp, in.x))))
		case wasm.OpF64ConvertI32U:
			*at(fp, in.r) = pf64(float64(uint32(*at(fp, in.x))))
		case wasm.OpF64ConvertI64S:
			*at(fp, in.r) = pf64(float64(int64(*at(fp, in.x))))
		case wasm.OpF64ConvertI64U:
			*at(fp, in.r) = pf64(float64(*at(fp, in.x)))
		case wasm.OpF64PromoteF32:
			*at(fp, in.r) = pf64(float64(f32(*at(fp, in.x))))
		case wasm.OpI32ReinterpretF32, wasm.OpF32ReinterpretI32:
			*at(fp, in.r) = uint64(uint32(*at(fp, in.x)))
		case wasm.OpI64ReinterpretF64, wasm.OpF64ReinterpretI64:
			*at(fp, in.r) = *at(fp, in.x)
		case wasm.OpI32Extend8S:
			*at(fp, in.r) = uint64(uint32(int32(int8(*at(fp, in.x)))))
		case wasm.OpI32Extend16S:
			*at(fp, in.r) = uint64(uint32(int32(int16(*at(fp, in.x)))))
		case wasm.OpI64Extend8S:
			*at(fp, in.r) = uint64(int64(int8(*at(fp, in.x))))
		case wasm.OpI64Extend16S:
			*at(fp, in.r) = uint64(int64(int16(*at(fp, in.x))))
		case wasm.OpI64Extend32S:
			*at(fp, in.r) = uint64(int64(int32(*at(fp, in.x))))
		default:
			// Instructions that call functions run outlined, so that no
			// loop-carried value is live across a call in the hot loop.
			v.ip = ip
			if in.op >= 0x300 {
				tc = simd(in, fp, v.memBase, v.memLen, v.fc)
			} else {
				tc = v.exec2(in, fp)
			}
			ip = v.ip
			if tc != 0 {
				goto trapped
			}
		}
		continue

	backEdge:
		v.budget--
		if v.budget <= 0 {
			v.ip = ip
			tc = v.refill()
			ip = v.ip
			if tc != 0 {
				goto trapped
			}
		}
		continue

	tailCall:
		if cf, ok := v.callee.Code.(*funcCode); ok && v.callee.Instance == v.st.inst {
			v.budget--
			if v.budget <= 0 {
				v.ip = ip
				tc = v.refill()
				ip = v.ip
				if tc != 0 {
					goto trapped
				}
			}
			v.ip = ip
			if fp, tc = v.tail(cf, in); tc != 0 {
				goto trapped
			}
			ip = unsafe.Pointer(unsafe.SliceData(cf.code))
			continue
		}
		goto call

	call:
		v.budget--
		if v.budget <= 0 {
			v.ip = ip
			tc = v.refill()
			ip = v.ip
			in = (*instr)(unsafe.Add(ip, -int(instrSize)))
			if tc != 0 {
				goto trapped
			}
		}
		if cf, ok := v.callee.Code.(*funcCode); ok {
			var nfp unsafe.Pointer
			if nfp, tc = v.enter(cf, in, ip); tc != 0 {
				goto trapped
			}
			fp = nfp
			ip = unsafe.Pointer(unsafe.SliceData(cf.code))
			continue
		}
		v.ip = ip
		if err := v.callOther(in); err != nil {
			if v.exc = asException(err); v.exc != nil {
				// A tail call's frame is gone: its handlers do not apply.
				v.excTail = in.op != opCall && in.op != opCallIndirect && in.op != opCallRef
				return errThrown
			}
			return err
		}
		ip = v.ip
		if in = (*instr)(unsafe.Add(ip, -int(instrSize))); in.r != 0 && in.op == opCall {
			*at(fp, in.r-1) = *at(fp, in.x)
		}
		if v.st.inst.Closed() {
			tc = store.TrapClosed
			goto trapped
		}
		v.memBase, v.memLen = v.st.memory()
	}

trapped:
	if tc == tcThrow {
		return errThrown
	}
	return v.trapErr(tc)
}

// uncaught returns the exception that left the call.
func (v *vm) uncaught() error {
	exc := v.exc
	v.exc = nil
	return exc
}

// asException returns the exception err carries, or nil.
func asException(err error) *store.Exception {
	var exc *store.Exception
	if errors.As(err, &exc) {
		return exc
	}
	return nil
}

// tcThrow is the code with which the instructions that throw leave the
// loop for the handler search: not a trap.
const tcThrow store.TrapCode = 0xFF

// catch looks for the handler of v.exc, thrown by the instruction before
// v.ip in the current function: the innermost try_table around it with
// a clause for it, in this function or, unwinding the frame stack, in a
// caller. When there is one, it delivers the exception to the clause's
// label, sets v.ip to the label and returns the frame pointer of its
// function; otherwise the frame stack is empty.
func (v *vm) catch() (unsafe.Pointer, bool) {
	exc := v.exc
	ip := v.ip
	if v.excTail {
		// Thrown by the callee of a tail call that could not replace
		// the frame: the search starts in the caller.
		v.excTail = false
		if len(v.frames) == 0 {
			return nil, false
		}
		ip, _ = v.ret()
	}
	for {
		fc := v.fc
		pc := int((uintptr(ip)-uintptr(unsafe.Pointer(unsafe.SliceData(fc.code))))/instrSize) - 1
		for _, h := range fc.handlers {
			if pc < h.start || pc >= h.end {
				continue
			}
			for _, cl := range fc.catches[h.first : h.first+h.n] {
				if !cl.all && v.st.inst.Tags[cl.tag] != exc.Tag {
					continue
				}
				fr := v.stack[v.base : v.base+fc.frameSize]
				d := int(cl.dst)
				if !cl.all {
					d += copy(fr[d:], exc.Payload)
				}
				if cl.ref {
					fr[d] = v.st.inst.Store.ExnHandle(exc)
				}
				v.ip = unsafe.Pointer(&fc.code[cl.target])
				v.exc = nil
				// A host function that threw may have grown the memory.
				v.memBase, v.memLen = v.st.memory()
				return unsafe.Pointer(unsafe.SliceData(fr)), true
			}
		}
		if len(v.frames) == 0 {
			return nil, false
		}
		ip, _ = v.ret()
	}
}

// exec2 runs the instructions that call functions (float rounding and
// conversions, bulk memory and table operations, growth, SIMD). It
// returns a trap code or 0.
func (v *vm) exec2(in *instr, fp unsafe.Pointer) (tc store.TrapCode) {
	switch wasm.Op(in.op) {
	case opSelect2:
		if uint32(*at(fp, in.z)) != 0 {
			*at(fp, in.r), *at(fp, in.r+1) = *at(fp, in.x), *at(fp, in.x+1)
		} else {
			*at(fp, in.r), *at(fp, in.r+1) = *at(fp, in.y), *at(fp, in.y+1)
		}
	case opGlobalGet2:
		g := v.st.globals[in.k]
		*at(fp, in.r), *at(fp, in.r+1) = g.Lo, g.Hi
	case opGlobalSet2:
		g := v.st.globals[in.k]
		g.Lo, g.Hi = *at(fp, in.x), *at(fp, in.x+1)
	case opTableGrow:
		old, ok := v.st.tables[in.k].Grow(uint64(uint32(*at(fp, in.y))), *at(fp, in.x))
		if ok {
			*at(fp, in.r) = uint64(old)
		} else {
			*at(fp, in.r) = uint64(math.MaxUint32)
		}
	case opTableFill:
		tab := v.st.tables[in.k]
		i, n := uint64(uint32(*at(fp, in.x))), uint64(uint32(*at(fp, in.z)))
		if i+n > uint64(len(tab.Elems)) {
			tc = store.TrapTableOutOfBounds
			return tc
		}
		val := *at(fp, in.y)
		return store.Chunked(n, false, func(off, l uint64) {
			e := tab.Elems[i+off : i+off+l]
			for j := range e {
				e[j] = val
			}
		}, v.bulkCheck)
	case wasm.OpMemoryGrow:
		old, ok := v.st.memp.Grow(uint64(uint32(*at(fp, in.x))))
		if ok {
			*at(fp, in.r) = old
			v.memBase, v.memLen = v.st.memory()
		} else {
			*at(fp, in.r) = uint64(math.MaxUint32)
		}
	case wasm.OpMemoryInit:
		mem := memSlice(v.memBase, v.memLen)
		return v.memInit(mem, v.st.inst.Datas[in.k], uint64(uint32(*at(fp, in.x))), uint64(uint32(*at(fp, in.y))), uint64(uint32(*at(fp, in.z))))
	case wasm.OpDataDrop:
		v.st.inst.Datas[in.k] = nil
	case wasm.OpMemoryCopy:
		mem := memSlice(v.memBase, v.memLen)
		return v.memCopy(mem, mem, uint64(uint32(*at(fp, in.x))), uint64(uint32(*at(fp, in.y))), uint64(uint32(*at(fp, in.z))))
	case wasm.OpMemoryFill:
		return v.memFill(memSlice(v.memBase, v.memLen), uint64(uint32(*at(fp, in.x))), byte(*at(fp, in.y)), uint64(uint32(*at(fp, in.z))))
	case opMemSelect:
		mo := &v.fc.memOps[in.k]
		m := v.st.inst.Memories[mo.mem].Held() // the call holds the instance's memories
		addr := addrOf(*at(fp, in.x), mo.is64)
		ea := addr + mo.offset
		// Memories are at most 4 GiB: an address from 2^32 on (or one that
		// wrapped) is out of bounds whatever the access's size.
		if ea < addr || ea >= 1<<32 || ea > uint64(len(m)) {
			return store.TrapMemoryOutOfBounds
		}
		*at(fp, in.r) = ea
		v.memBase, v.memLen = unsafe.Pointer(unsafe.SliceData(m)), uint64(len(m))
	case opMemRestore:
		v.memBase, v.memLen = v.st.memory()
	case opThrow:
		tag := v.st.inst.Tags[in.k]
		payload := make([]uint64, tag.ParamSlots)
		copy(payload, unsafe.Slice(at(fp, in.x), tag.ParamSlots))
		v.exc = &store.Exception{Tag: tag, Payload: payload}
		return tcThrow
	case opRefAsNonNull:
		if *at(fp, in.x) == 0 {
			return store.TrapNullReference
		}
	case opThrowRef:
		h := *at(fp, in.x)
		if h == 0 {
			return store.TrapNullReference
		}
		exc := v.st.inst.Store.ExnByHandle(h)
		if exc == nil {
			return store.TrapNullReference
		}
		v.exc = exc
		return tcThrow
	case opTable64Check:
		if in.k&1 != 0 && *at(fp, in.x) >= 1<<32 || in.k&2 != 0 && *at(fp, in.y) >= 1<<32 || in.k&4 != 0 && *at(fp, in.z) >= 1<<32 {
			return store.TrapCode(in.k >> 8)
		}
	case opTableGrow64:
		var size uint32
		ok := false
		if n := *at(fp, in.y); n < 1<<32 {
			size, ok = v.st.tables[in.k].Grow(n, *at(fp, in.x))
		}
		if ok {
			*at(fp, in.r) = uint64(size)
		} else {
			*at(fp, in.r) = math.MaxUint64
		}
	case opMemSizeX:
		*at(fp, in.r) = v.st.inst.Memories[v.fc.memOps[in.k].mem].Pages()
	case opMemGrowX:
		mo := &v.fc.memOps[in.k]
		old, ok := v.st.inst.Memories[mo.mem].Grow(addrOf(*at(fp, in.x), mo.is64))
		switch {
		case ok:
			*at(fp, in.r) = old
		case mo.is64:
			*at(fp, in.r) = math.MaxUint64
		default:
			*at(fp, in.r) = math.MaxUint32
		}
		v.memBase, v.memLen = v.st.memory()
	case opMemFillX:
		mo := &v.fc.memOps[in.k]
		return v.memFill(v.st.inst.Memories[mo.mem].Held(), addrOf(*at(fp, in.x), mo.is64), byte(*at(fp, in.y)), addrOf(*at(fp, in.z), mo.is64))
	case opMemCopyX:
		mo := &v.fc.memOps[in.k]
		// The length has the smaller of the two address types.
		return v.memCopy(v.st.inst.Memories[mo.mem].Held(), v.st.inst.Memories[mo.mem2].Held(),
			addrOf(*at(fp, in.x), mo.is64), addrOf(*at(fp, in.y), mo.is64b), addrOf(*at(fp, in.z), mo.is64 && mo.is64b))
	case opMemInitX:
		mo := &v.fc.memOps[in.k]
		return v.memInit(v.st.inst.Memories[mo.mem].Held(), v.st.inst.Datas[mo.data],
			addrOf(*at(fp, in.x), mo.is64), uint64(uint32(*at(fp, in.y))), uint64(uint32(*at(fp, in.z))))
	case wasm.OpTableInit:
		e := v.st.inst.Elems[in.k]
		tab := v.st.tables[in.r]
		dst, src, n := uint64(uint32(*at(fp, in.x))), uint64(uint32(*at(fp, in.y))), uint64(uint32(*at(fp, in.z)))
		if src+n > uint64(len(e)) || dst+n > uint64(len(tab.Elems)) {
			tc = store.TrapTableOutOfBounds
			return tc
		}
		return store.Chunked(n, false, func(off, l uint64) { copy(tab.Elems[dst+off:dst+off+l], e[src+off:]) }, v.bulkCheck)
	case wasm.OpElemDrop:
		v.st.inst.Elems[in.k] = nil
	case wasm.OpTableCopy:
		td, ts := v.st.tables[in.k], v.st.tables[in.r]
		dst, src, n := uint64(uint32(*at(fp, in.x))), uint64(uint32(*at(fp, in.y))), uint64(uint32(*at(fp, in.z)))
		if src+n > uint64(len(ts.Elems)) || dst+n > uint64(len(td.Elems)) {
			tc = store.TrapTableOutOfBounds
			return tc
		}
		return store.Chunked(n, td == ts && dst > src, func(off, l uint64) {
			copy(td.Elems[dst+off:dst+off+l], ts.Elems[src+off:src+off+l])
		}, v.bulkCheck)
	case wasm.OpTableSize:
		*at(fp, in.r) = uint64(len(v.st.tables[in.k].Elems))

	case wasm.OpI32Popcnt:
		*at(fp, in.r) = uint64(bits.OnesCount32(uint32(*at(fp, in.x))))
	case wasm.OpI64Popcnt:
		*at(fp, in.r) = uint64(bits.OnesCount64(*at(fp, in.x)))
	case wasm.OpF32Ceil:
		*at(fp, in.r) = round32(*at(fp, in.x), math.Ceil)
	case wasm.OpF32Floor:
		*at(fp, in.r) = round32(*at(fp, in.x), math.Floor)
	case wasm.OpF32Trunc:
		*at(fp, in.r) = round32(*at(fp, in.x), math.Trunc)
	case wasm.OpF32Nearest:
		*at(fp, in.r) = round32(*at(fp, in.x), math.RoundToEven)
	case wasm.OpF32Sqrt:
		*at(fp, in.r) = sqrt32(*at(fp, in.x))
	case wasm.OpF32Min:
		*at(fp, in.r) = fmin32(*at(fp, in.x), *at(fp, in.y))
	case wasm.OpF32Max:
		*at(fp, in.r) = fmax32(*at(fp, in.x), *at(fp, in.y))
	case wasm.OpF64Ceil:
		*at(fp, in.r) = round64(*at(fp, in.x), math.Ceil)
	case wasm.OpF64Floor:
		*at(fp, in.r) = round64(*at(fp, in.x), math.Floor)
	case wasm.OpF64Trunc:
		*at(fp, in.r) = round64(*at(fp, in.x), math.Trunc)
	case wasm.OpF64Nearest:
		*at(fp, in.r) = round64(*at(fp, in.x), math.RoundToEven)
	case wasm.OpF64Sqrt:
		*at(fp, in.r) = sqrt64(*at(fp, in.x))
	case wasm.OpF64Min:
		*at(fp, in.r) = fmin64(*at(fp, in.x), *at(fp, in.y))
	case wasm.OpF64Max:
		*at(fp, in.r) = fmax64(*at(fp, in.x), *at(fp, in.y))
	case wasm.OpI32TruncF32S:
		if *at(fp, in.r), tc = truncF64ToI32S(float64(f32(*at(fp, in.x)))); tc != 0 {
			return tc
		}
	case wasm.OpI32TruncF32U:
		if *at(fp, in.r), tc = truncF64ToI32U(float64(f32(*at(fp, in.x)))); tc != 0 {
			return tc
		}
	case wasm.OpI32TruncF64S:
		if *at(fp, in.r), tc = truncF64ToI32S(f64(*at(fp, in.x))); tc != 0 {
			return tc
		}
	case wasm.OpI32TruncF64U:
		if *at(fp, in.r), tc = truncF64ToI32U(f64(*at(fp, in.x))); tc != 0 {
			return tc
		}
	case wasm.OpI64TruncF32S:
		if *at(fp, in.r), tc = truncF64ToI64S(float64(f32(*at(fp, in.x)))); tc != 0 {
			return tc
		}
	case wasm.OpI64TruncF32U:
		if *at(fp, in.r), tc = truncF64ToI64U(float64(f32(*at(fp, in.x)))); tc != 0 {
			return tc
		}
	case wasm.OpI64TruncF64S:
		if *at(fp, in.r), tc = truncF64ToI64S(f64(*at(fp, in.x))); tc != 0 {
			return tc
		}
	case wasm.OpI64TruncF64U:
		if *at(fp, in.r), tc = truncF64ToI64U(f64(*at(fp, in.x))); tc != 0 {
			return tc
		}
	case wasm.OpI32TruncSatF32S:
		*at(fp, in.r) = satF64ToI32S(float64(f32(*at(fp, in.x))))
	case wasm.OpI32TruncSatF32U:
		*at(fp, in.r) = satF64ToI32U(float64(f32(*at(fp, in.x))))
	case wasm.OpI32TruncSatF64S:
		*at(fp, in.r) = satF64ToI32S(f64(*at(fp, in.x)))
	case wasm.OpI32TruncSatF64U:
		*at(fp, in.r) = satF64ToI32U(f64(*at(fp, in.x)))
	case wasm.OpI64TruncSatF32S:
		*at(fp, in.r) = satF64ToI64S(float64(f32(*at(fp, in.x))))
	case wasm.OpI64TruncSatF32U:
		*at(fp, in.r) = satF64ToI64U(float64(f32(*at(fp, in.x))))
	case wasm.OpI64TruncSatF64S:
		*at(fp, in.r) = satF64ToI64S(f64(*at(fp, in.x)))
	case wasm.OpI64TruncSatF64U:
		*at(fp, in.r) = satF64ToI64U(f64(*at(fp, in.x)))

	default:
		if in.op < 0x300 {
			return store.TrapUnreachable
		}
		return simd(in, fp, v.memBase, v.memLen, v.fc)
	}
	return 0
}

// addrOf returns the address value v of a memory with the i64 address
// type when is64, else of the i32 type.
func addrOf(v uint64, is64 bool) uint64 {
	if is64 {
		return v
	}
	return uint64(uint32(v))
}

// inBounds reports whether [at, at+n) lies within size bytes.
func inBounds(at, n, size uint64) bool { return n <= size && at <= size-n }

// memFill implements memory.fill on mem.
func (v *vm) memFill(mem []byte, dst uint64, val byte, n uint64) store.TrapCode {
	if !inBounds(dst, n, uint64(len(mem))) {
		return store.TrapMemoryOutOfBounds
	}
	b := mem[dst : dst+n]
	if n <= store.BulkChunk {
		store.FillBytes(b, val)
		return 0
	}
	return store.Chunked(n, false, func(off, l uint64) { store.FillBytes(b[off:off+l], val) }, v.bulkCheck)
}

// memCopy implements memory.copy from src to dst (the same memory or two).
func (v *vm) memCopy(dstMem, srcMem []byte, dst, src, n uint64) store.TrapCode {
	if !inBounds(src, n, uint64(len(srcMem))) || !inBounds(dst, n, uint64(len(dstMem))) {
		return store.TrapMemoryOutOfBounds
	}
	if n <= store.BulkChunk {
		copy(dstMem[dst:dst+n], srcMem[src:src+n])
		return 0
	}
	return store.Chunked(n, dst > src, func(off, l uint64) {
		copy(dstMem[dst+off:dst+off+l], srcMem[src+off:src+off+l])
	}, v.bulkCheck)
}

// memInit implements memory.init of segment d into mem.
func (v *vm) memInit(mem, d []byte, dst, src, n uint64) store.TrapCode {
	if !inBounds(src, n, uint64(len(d))) || !inBounds(dst, n, uint64(len(mem))) {
		return store.TrapMemoryOutOfBounds
	}
	if n <= store.BulkChunk {
		copy(mem[dst:dst+n], d[src:])
		return 0
	}
	return store.Chunked(n, false, func(off, l uint64) { copy(mem[dst+off:dst+off+l], d[src+off:]) }, v.bulkCheck)
}

// enterFrame clears the declared locals of a new frame and copies in the
// function's constants. Frames are small: plain loops beat calls to
// memclr and memmove.
func enterFrame(fr []uint64, fc *funcCode) {
	fr = fr[:fc.frameSize]
	for i := fc.paramSlots; i < fc.numLocals; i++ {
		fr[i] = 0
	}
	c := fr[fc.numLocals:]
	c = c[:len(fc.consts)]
	//lint:ignore S1001 a loop avoids the call to memmove for a few words
	for i, k := range fc.consts {
		c[i] = k
	}
}

// enter pushes the current frame (resuming at ip) and enters v.callee,
// whose code is cf and whose arguments are at slot in.x. It returns the
// new frame pointer.
func (v *vm) enter(cf *funcCode, in *instr, ip unsafe.Pointer) (unsafe.Pointer, store.TrapCode) {
	nb := v.base + int(in.x)
	if nb+cf.frameSize > len(v.stack) && !v.grow(nb+cf.frameSize) {
		return nil, store.TrapCallStackExhausted
	}
	if len(v.frames) >= v.maxFrames {
		return nil, store.TrapCallStackExhausted
	}
	callee := v.callee
	if callee.Instance != v.st.inst {
		if callee.Instance.Enter() != nil {
			return nil, store.TrapClosed
		}
		v.held = append(v.held, callee.Instance)
	}
	v.frames = append(v.frames, frame{fc: v.fc, fn: v.fn, ip: ip, base: v.base})
	if callee.Instance != v.st.inst {
		v.st.load(callee.Instance)
		v.memBase, v.memLen = v.st.memory()
	}
	v.fn, v.fc, v.base = callee, cf, nb
	fr := v.stack[nb:]
	enterFrame(fr, cf)
	return unsafe.Pointer(unsafe.SliceData(fr)), 0
}

// tail replaces the current frame by one of callee cf (a function of
// the current instance, in v.callee), whose arguments are at slot in.x:
// they move to slot 0, and the callee returns where the current function
// would have. It returns the new frame pointer.
func (v *vm) tail(cf *funcCode, in *instr) (unsafe.Pointer, store.TrapCode) {
	if v.base+cf.frameSize > len(v.stack) && !v.grow(v.base+cf.frameSize) {
		return nil, store.TrapCallStackExhausted
	}
	fr := v.stack[v.base:]
	copy(fr[:cf.paramSlots], fr[in.x:int(in.x)+cf.paramSlots])
	v.fn, v.fc = v.callee, cf
	enterFrame(fr, cf)
	return unsafe.Pointer(unsafe.SliceData(fr)), 0
}

// ret pops the caller's frame and returns where it resumes.
func (v *vm) ret() (ip, fp unsafe.Pointer) {
	top := &v.frames[len(v.frames)-1]
	v.frames = v.frames[:len(v.frames)-1]
	if top.fn.Instance != v.st.inst {
		v.held[len(v.held)-1].Leave()
		v.held = v.held[:len(v.held)-1]
		v.st.load(top.fn.Instance)
		v.memBase, v.memLen = v.st.memory()
	}
	v.fn, v.fc, v.base = top.fn, top.fc, top.base
	ip = top.ip
	return ip, unsafe.Pointer(&v.stack[v.base])
}

// resolveIndirect finds the target of call_indirect in v.callee.
func (v *vm) resolveIndirect(in *instr, fp unsafe.Pointer) store.TrapCode {
	tab := v.st.tables[in.r]
	i := uint64(uint32(*at(fp, in.y)))
	if i >= uint64(len(tab.Elems)) {
		return store.TrapUndefinedElement
	}
	h := tab.Elems[i]
	if h == 0 {
		v.elemIdx = i
		return store.TrapUninitializedElement
	}
	callee := v.st.inst.Store.FuncByHandle(h)
	if callee == nil {
		v.elemIdx = i
		return store.TrapUninitializedElement
	}
	if callee.TypeID != v.st.inst.TypeIDs[in.k] {
		return store.TrapIndirectCallTypeMismatch
	}
	v.callee = callee
	return 0
}

// resolveRef puts the function of funcref slot y in v.callee.
func (v *vm) resolveRef(fp unsafe.Pointer, y uint32) store.TrapCode {
	if v.callee = v.st.inst.Store.FuncByHandle(*at(fp, y)); v.callee == nil {
		return store.TrapNullFunctionReference
	}
	return 0
}

// callOther calls a host function or a function of another engine with
// its window at slot in.x.
func (v *vm) callOther(in *instr) error {
	callee := v.callee
	window := v.stack[v.base+int(in.x) : v.base+int(in.x)+callee.StackSlots()]
	var err error
	if v.chain == nil {
		v.chain = &chainCtx{Context: v.ctx, e: v.e}
	}
	frames := v.e.cfg.MaxFrames - v.maxFrames + len(v.frames) + crossingFrames
	slots := v.e.cfg.MaxStackSlots - v.maxSlots + v.base + v.fc.frameSize + crossingSlots
	v.chain.used.Store(uint64(frames)<<32 | uint64(slots))
	if v.acct != nil {
		// Settle the fuel account: the callee may call into its
		// instance again, or read what is left.
		v.acct.AddFuel(v.fuel + int64(max(v.budget, 0)))
		v.fuel, v.budget = 0, 0
	}
	if callee.Host != nil {
		v.caller.Instance = v.st.inst
		err = store.CallHost(v.chain, callee, &v.caller, window)
	} else {
		err = callee.Runner.Call(v.chain, callee, window)
	}
	if v.acct != nil {
		v.fuel = v.acct.TakeFuel() // the next back-edge or call refills the budget
	}
	if err != nil {
		if t, ok := err.(*store.Trap); ok {
			t.Frames = append(t.Frames, v.trap(0).Frames...)
		}
	}
	return err
}

// trapErr builds the error for trap code tc at the current function.
func (v *vm) trapErr(tc store.TrapCode) error {
	t := v.trap(tc)
	if tc == store.TrapUninitializedElement {
		t.Detail = strconv.FormatUint(v.elemIdx, 10)
	}
	return t
}
