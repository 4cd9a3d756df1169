package interp

import (
	"context"
	"encoding/binary"
	"math"
	"math/bits"

	"github.com/wasmrun/wasmrun/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// instState caches what the loop needs of the current instance.
type instState struct {
	inst    *store.Instance
	funcs   []*store.Func
	globals []*store.Global
	tables  []*store.Table
	memp    *store.Memory
}

func (s *instState) load(inst *store.Instance) {
	s.inst = inst
	s.funcs = inst.Funcs
	s.globals = inst.Globals
	s.tables = inst.Tables
	s.memp = nil
	if len(inst.Memories) > 0 {
		s.memp = inst.Memories[0]
	}
}

func (s *instState) mem() []byte {
	if s.memp == nil {
		return nil
	}
	return s.memp.Bytes()
}

// run executes fn, whose parameters are in v.stack[0:], until it returns.
func (v *vm) run(ctx context.Context, fn *store.Func, fc *funcCode) (err error) {
	var st instState
	st.load(fn.Instance)
	mem := st.mem()
	base := 0
	fr := v.stack[:len(v.stack):len(v.stack)]
	clear(fr[fc.paramSlots:fc.numLocals])
	copy(fr[fc.numLocals:], fc.consts)
	code := fc.code
	pc := 0
	budget := v.initialBudget()
	var tc store.TrapCode
	var cause error
	var callee *store.Func

	for {
		in := &code[pc]
		pc++
		switch wasm.Op(in.op) {
		case opCopy:
			fr[in.r] = fr[in.x]
		case opCopy2:
			fr[in.r], fr[in.r+1] = fr[in.x], fr[in.x+1]
		case opBr:
			pc = int(in.k)
		case opBrIfNZ:
			if uint32(fr[in.x]) != 0 {
				pc = int(in.k)
			}
		case opBrIfZ:
			if uint32(fr[in.x]) == 0 {
				pc = int(in.k)
			}
		case opBrI32Eq:
			if uint32(fr[in.x]) == uint32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32Ne:
			if uint32(fr[in.x]) != uint32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32LtS:
			if int32(fr[in.x]) < int32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32LtU:
			if uint32(fr[in.x]) < uint32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32GtS:
			if int32(fr[in.x]) > int32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32GtU:
			if uint32(fr[in.x]) > uint32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32LeS:
			if int32(fr[in.x]) <= int32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32LeU:
			if uint32(fr[in.x]) <= uint32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32GeS:
			if int32(fr[in.x]) >= int32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI32GeU:
			if uint32(fr[in.x]) >= uint32(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI64Eq:
			if fr[in.x] == fr[in.y] {
				pc = int(in.k)
			}
		case opBrI64Ne:
			if fr[in.x] != fr[in.y] {
				pc = int(in.k)
			}
		case opBrI64LtS:
			if int64(fr[in.x]) < int64(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI64LtU:
			if fr[in.x] < fr[in.y] {
				pc = int(in.k)
			}
		case opBrI64GtS:
			if int64(fr[in.x]) > int64(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI64GtU:
			if fr[in.x] > fr[in.y] {
				pc = int(in.k)
			}
		case opBrI64LeS:
			if int64(fr[in.x]) <= int64(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI64LeU:
			if fr[in.x] <= fr[in.y] {
				pc = int(in.k)
			}
		case opBrI64GeS:
			if int64(fr[in.x]) >= int64(fr[in.y]) {
				pc = int(in.k)
			}
		case opBrI64GeU:
			if fr[in.x] >= fr[in.y] {
				pc = int(in.k)
			}
		case opBrTable:
			t := fc.brTables[in.k]
			i := uint64(uint32(fr[in.x]))
			if i >= uint64(len(t)) {
				i = uint64(len(t) - 1)
			}
			pc = int(t[i])
		case opLoopHead:
			budget--
			if budget <= 0 {
				if budget, tc, cause = v.refill(ctx); tc != 0 {
					goto trapped
				}
			}
		case opUnreachable:
			tc = store.TrapUnreachable
			goto trapped
		case opReturn:
			if len(v.frames) == 0 {
				return nil
			}
			{
				top := &v.frames[len(v.frames)-1]
				v.frames = v.frames[:len(v.frames)-1]
				if top.fn.Instance != st.inst {
					st.load(top.fn.Instance)
				}
				mem = st.mem()
				fn, fc, pc, base = top.fn, top.fc, top.pc, top.base
				code = fc.code
				fr = v.stack[base:len(v.stack):len(v.stack)]
			}
		case opCall:
			callee = st.funcs[in.k]
			goto call
		case opCallIndirect:
			{
				tab := st.tables[in.r]
				i := uint64(uint32(fr[in.y]))
				if i >= uint64(len(tab.Elems)) {
					tc = store.TrapUndefinedElement
					goto trapped
				}
				h := tab.Elems[i]
				if h == 0 {
					tc = store.TrapUninitializedElement
					goto trapped
				}
				callee = st.inst.Store.FuncByHandle(h)
				if callee == nil {
					tc = store.TrapUninitializedElement
					goto trapped
				}
				if callee.TypeID != st.inst.TypeIDs[in.k] {
					tc = store.TrapIndirectCallTypeMismatch
					goto trapped
				}
			}
			goto call
		case opSelect:
			if uint32(fr[in.z]) != 0 {
				fr[in.r] = fr[in.x]
			} else {
				fr[in.r] = fr[in.y]
			}
		case opSelect2:
			if uint32(fr[in.z]) != 0 {
				fr[in.r], fr[in.r+1] = fr[in.x], fr[in.x+1]
			} else {
				fr[in.r], fr[in.r+1] = fr[in.y], fr[in.y+1]
			}
		case opGlobalGet:
			fr[in.r] = st.globals[in.k].Lo
		case opGlobalSet:
			st.globals[in.k].Lo = fr[in.x]
		case opGlobalGet2:
			g := st.globals[in.k]
			fr[in.r], fr[in.r+1] = g.Lo, g.Hi
		case opGlobalSet2:
			g := st.globals[in.k]
			g.Lo, g.Hi = fr[in.x], fr[in.x+1]
		case opTableGet:
			tab := st.tables[in.k]
			i := uint64(uint32(fr[in.x]))
			if i >= uint64(len(tab.Elems)) {
				tc = store.TrapTableOutOfBounds
				goto trapped
			}
			fr[in.r] = tab.Elems[i]
		case opTableSet:
			tab := st.tables[in.k]
			i := uint64(uint32(fr[in.x]))
			if i >= uint64(len(tab.Elems)) {
				tc = store.TrapTableOutOfBounds
				goto trapped
			}
			tab.Elems[i] = fr[in.y]
		case opTableGrow:
			old, ok := st.tables[in.k].Grow(uint64(uint32(fr[in.y])), fr[in.x])
			if ok {
				fr[in.r] = uint64(old)
			} else {
				fr[in.r] = uint64(math.MaxUint32)
			}
		case opTableFill:
			tab := st.tables[in.k]
			i, n := uint64(uint32(fr[in.x])), uint64(uint32(fr[in.z]))
			if i+n > uint64(len(tab.Elems)) {
				tc = store.TrapTableOutOfBounds
				goto trapped
			}
			val := fr[in.y]
			for j := i; j < i+n; j++ {
				tab.Elems[j] = val
			}
		case opRefFunc:
			fr[in.r] = st.funcs[in.k].Handle
		case wasm.OpRefIsNull:
			fr[in.r] = b2u(fr[in.x] == 0)

		// Memory.
		case wasm.OpI32Load:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+4 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(binary.LittleEndian.Uint32(mem[ea:]))
		case wasm.OpI64Load:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+8 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = binary.LittleEndian.Uint64(mem[ea:])
		case wasm.OpF32Load:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+4 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(binary.LittleEndian.Uint32(mem[ea:]))
		case wasm.OpF64Load:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+8 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = binary.LittleEndian.Uint64(mem[ea:])
		case wasm.OpI32Load8S:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+1 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(uint32(int32(int8(mem[ea]))))
		case wasm.OpI32Load8U:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+1 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(mem[ea])
		case wasm.OpI32Load16S:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+2 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(uint32(int32(int16(binary.LittleEndian.Uint16(mem[ea:])))))
		case wasm.OpI32Load16U:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+2 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(binary.LittleEndian.Uint16(mem[ea:]))
		case wasm.OpI64Load8S:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+1 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(int64(int8(mem[ea])))
		case wasm.OpI64Load8U:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+1 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(mem[ea])
		case wasm.OpI64Load16S:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+2 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(int64(int16(binary.LittleEndian.Uint16(mem[ea:]))))
		case wasm.OpI64Load16U:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+2 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(binary.LittleEndian.Uint16(mem[ea:]))
		case wasm.OpI64Load32S:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+4 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(int64(int32(binary.LittleEndian.Uint32(mem[ea:]))))
		case wasm.OpI64Load32U:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+4 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			fr[in.r] = uint64(binary.LittleEndian.Uint32(mem[ea:]))
		case wasm.OpI32Store, wasm.OpF32Store, wasm.OpI64Store32:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+4 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			binary.LittleEndian.PutUint32(mem[ea:], uint32(fr[in.y]))
		case wasm.OpI64Store, wasm.OpF64Store:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+8 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			binary.LittleEndian.PutUint64(mem[ea:], fr[in.y])
		case wasm.OpI32Store8, wasm.OpI64Store8:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+1 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			mem[ea] = byte(fr[in.y])
		case wasm.OpI32Store16, wasm.OpI64Store16:
			ea := uint64(uint32(fr[in.x])) + uint64(in.z)
			if ea+2 > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			binary.LittleEndian.PutUint16(mem[ea:], uint16(fr[in.y]))
		case wasm.OpMemorySize:
			fr[in.r] = uint64(len(mem)) / wasm.PageSize
		case wasm.OpMemoryGrow:
			old, ok := st.memp.Grow(uint64(uint32(fr[in.x])))
			if ok {
				fr[in.r] = old
				mem = st.mem()
			} else {
				fr[in.r] = uint64(math.MaxUint32)
			}
		case wasm.OpMemoryInit:
			d := st.inst.Datas[in.k]
			dst, src, n := uint64(uint32(fr[in.x])), uint64(uint32(fr[in.y])), uint64(uint32(fr[in.z]))
			if src+n > uint64(len(d)) || dst+n > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			copy(mem[dst:dst+n], d[src:])
		case wasm.OpDataDrop:
			st.inst.Datas[in.k] = nil
		case wasm.OpMemoryCopy:
			dst, src, n := uint64(uint32(fr[in.x])), uint64(uint32(fr[in.y])), uint64(uint32(fr[in.z]))
			if src+n > uint64(len(mem)) || dst+n > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			copy(mem[dst:dst+n], mem[src:src+n])
		case wasm.OpMemoryFill:
			dst, val, n := uint64(uint32(fr[in.x])), byte(fr[in.y]), uint64(uint32(fr[in.z]))
			if dst+n > uint64(len(mem)) {
				tc = store.TrapMemoryOutOfBounds
				goto trapped
			}
			b := mem[dst : dst+n]
			for j := range b {
				b[j] = val
			}
		case wasm.OpTableInit:
			e := st.inst.Elems[in.k]
			tab := st.tables[in.r]
			dst, src, n := uint64(uint32(fr[in.x])), uint64(uint32(fr[in.y])), uint64(uint32(fr[in.z]))
			if src+n > uint64(len(e)) || dst+n > uint64(len(tab.Elems)) {
				tc = store.TrapTableOutOfBounds
				goto trapped
			}
			copy(tab.Elems[dst:dst+n], e[src:])
		case wasm.OpElemDrop:
			st.inst.Elems[in.k] = nil
		case wasm.OpTableCopy:
			td, ts := st.tables[in.k], st.tables[in.r]
			dst, src, n := uint64(uint32(fr[in.x])), uint64(uint32(fr[in.y])), uint64(uint32(fr[in.z]))
			if src+n > uint64(len(ts.Elems)) || dst+n > uint64(len(td.Elems)) {
				tc = store.TrapTableOutOfBounds
				goto trapped
			}
			copy(td.Elems[dst:dst+n], ts.Elems[src:src+n])
		case wasm.OpTableSize:
			fr[in.r] = uint64(len(st.tables[in.k].Elems))

		// i32 arithmetic.
		case wasm.OpI32Eqz:
			fr[in.r] = b2u(uint32(fr[in.x]) == 0)
		case wasm.OpI32Eq:
			fr[in.r] = b2u(uint32(fr[in.x]) == uint32(fr[in.y]))
		case wasm.OpI32Ne:
			fr[in.r] = b2u(uint32(fr[in.x]) != uint32(fr[in.y]))
		case wasm.OpI32LtS:
			fr[in.r] = b2u(int32(fr[in.x]) < int32(fr[in.y]))
		case wasm.OpI32LtU:
			fr[in.r] = b2u(uint32(fr[in.x]) < uint32(fr[in.y]))
		case wasm.OpI32GtS:
			fr[in.r] = b2u(int32(fr[in.x]) > int32(fr[in.y]))
		case wasm.OpI32GtU:
			fr[in.r] = b2u(uint32(fr[in.x]) > uint32(fr[in.y]))
		case wasm.OpI32LeS:
			fr[in.r] = b2u(int32(fr[in.x]) <= int32(fr[in.y]))
		case wasm.OpI32LeU:
			fr[in.r] = b2u(uint32(fr[in.x]) <= uint32(fr[in.y]))
		case wasm.OpI32GeS:
			fr[in.r] = b2u(int32(fr[in.x]) >= int32(fr[in.y]))
		case wasm.OpI32GeU:
			fr[in.r] = b2u(uint32(fr[in.x]) >= uint32(fr[in.y]))
		case wasm.OpI64Eqz:
			fr[in.r] = b2u(fr[in.x] == 0)
		case wasm.OpI64Eq:
			fr[in.r] = b2u(fr[in.x] == fr[in.y])
		case wasm.OpI64Ne:
			fr[in.r] = b2u(fr[in.x] != fr[in.y])
		case wasm.OpI64LtS:
			fr[in.r] = b2u(int64(fr[in.x]) < int64(fr[in.y]))
		case wasm.OpI64LtU:
			fr[in.r] = b2u(fr[in.x] < fr[in.y])
		case wasm.OpI64GtS:
			fr[in.r] = b2u(int64(fr[in.x]) > int64(fr[in.y]))
		case wasm.OpI64GtU:
			fr[in.r] = b2u(fr[in.x] > fr[in.y])
		case wasm.OpI64LeS:
			fr[in.r] = b2u(int64(fr[in.x]) <= int64(fr[in.y]))
		case wasm.OpI64LeU:
			fr[in.r] = b2u(fr[in.x] <= fr[in.y])
		case wasm.OpI64GeS:
			fr[in.r] = b2u(int64(fr[in.x]) >= int64(fr[in.y]))
		case wasm.OpI64GeU:
			fr[in.r] = b2u(fr[in.x] >= fr[in.y])
		case wasm.OpF32Eq:
			fr[in.r] = b2u(f32(fr[in.x]) == f32(fr[in.y]))
		case wasm.OpF32Ne:
			fr[in.r] = b2u(f32(fr[in.x]) != f32(fr[in.y]))
		case wasm.OpF32Lt:
			fr[in.r] = b2u(f32(fr[in.x]) < f32(fr[in.y]))
		case wasm.OpF32Gt:
			fr[in.r] = b2u(f32(fr[in.x]) > f32(fr[in.y]))
		case wasm.OpF32Le:
			fr[in.r] = b2u(f32(fr[in.x]) <= f32(fr[in.y]))
		case wasm.OpF32Ge:
			fr[in.r] = b2u(f32(fr[in.x]) >= f32(fr[in.y]))
		case wasm.OpF64Eq:
			fr[in.r] = b2u(f64(fr[in.x]) == f64(fr[in.y]))
		case wasm.OpF64Ne:
			fr[in.r] = b2u(f64(fr[in.x]) != f64(fr[in.y]))
		case wasm.OpF64Lt:
			fr[in.r] = b2u(f64(fr[in.x]) < f64(fr[in.y]))
		case wasm.OpF64Gt:
			fr[in.r] = b2u(f64(fr[in.x]) > f64(fr[in.y]))
		case wasm.OpF64Le:
			fr[in.r] = b2u(f64(fr[in.x]) <= f64(fr[in.y]))
		case wasm.OpF64Ge:
			fr[in.r] = b2u(f64(fr[in.x]) >= f64(fr[in.y]))

		case wasm.OpI32Clz:
			fr[in.r] = uint64(bits.LeadingZeros32(uint32(fr[in.x])))
		case wasm.OpI32Ctz:
			fr[in.r] = uint64(bits.TrailingZeros32(uint32(fr[in.x])))
		case wasm.OpI32Popcnt:
			fr[in.r] = uint64(bits.OnesCount32(uint32(fr[in.x])))
		case wasm.OpI32Add:
			fr[in.r] = uint64(uint32(fr[in.x]) + uint32(fr[in.y]))
		case wasm.OpI32Sub:
			fr[in.r] = uint64(uint32(fr[in.x]) - uint32(fr[in.y]))
		case wasm.OpI32Mul:
			fr[in.r] = uint64(uint32(fr[in.x]) * uint32(fr[in.y]))
		case wasm.OpI32DivS:
			a, b := int32(fr[in.x]), int32(fr[in.y])
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			if a == math.MinInt32 && b == -1 {
				tc = store.TrapIntegerOverflow
				goto trapped
			}
			fr[in.r] = uint64(uint32(a / b))
		case wasm.OpI32DivU:
			a, b := uint32(fr[in.x]), uint32(fr[in.y])
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			fr[in.r] = uint64(a / b)
		case wasm.OpI32RemS:
			a, b := int32(fr[in.x]), int32(fr[in.y])
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			if b == -1 {
				fr[in.r] = 0
			} else {
				fr[in.r] = uint64(uint32(a % b))
			}
		case wasm.OpI32RemU:
			a, b := uint32(fr[in.x]), uint32(fr[in.y])
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			fr[in.r] = uint64(a % b)
		case wasm.OpI32And:
			fr[in.r] = uint64(uint32(fr[in.x]) & uint32(fr[in.y]))
		case wasm.OpI32Or:
			fr[in.r] = uint64(uint32(fr[in.x]) | uint32(fr[in.y]))
		case wasm.OpI32Xor:
			fr[in.r] = uint64(uint32(fr[in.x]) ^ uint32(fr[in.y]))
		case wasm.OpI32Shl:
			fr[in.r] = uint64(uint32(fr[in.x]) << (fr[in.y] & 31))
		case wasm.OpI32ShrS:
			fr[in.r] = uint64(uint32(int32(fr[in.x]) >> (fr[in.y] & 31)))
		case wasm.OpI32ShrU:
			fr[in.r] = uint64(uint32(fr[in.x]) >> (fr[in.y] & 31))
		case wasm.OpI32Rotl:
			fr[in.r] = rotl32(fr[in.x], fr[in.y])
		case wasm.OpI32Rotr:
			fr[in.r] = rotr32(fr[in.x], fr[in.y])

		case wasm.OpI64Clz:
			fr[in.r] = uint64(bits.LeadingZeros64(fr[in.x]))
		case wasm.OpI64Ctz:
			fr[in.r] = uint64(bits.TrailingZeros64(fr[in.x]))
		case wasm.OpI64Popcnt:
			fr[in.r] = uint64(bits.OnesCount64(fr[in.x]))
		case wasm.OpI64Add:
			fr[in.r] = fr[in.x] + fr[in.y]
		case wasm.OpI64Sub:
			fr[in.r] = fr[in.x] - fr[in.y]
		case wasm.OpI64Mul:
			fr[in.r] = fr[in.x] * fr[in.y]
		case wasm.OpI64DivS:
			a, b := int64(fr[in.x]), int64(fr[in.y])
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			if a == math.MinInt64 && b == -1 {
				tc = store.TrapIntegerOverflow
				goto trapped
			}
			fr[in.r] = uint64(a / b)
		case wasm.OpI64DivU:
			a, b := fr[in.x], fr[in.y]
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			fr[in.r] = a / b
		case wasm.OpI64RemS:
			a, b := int64(fr[in.x]), int64(fr[in.y])
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			if b == -1 {
				fr[in.r] = 0
			} else {
				fr[in.r] = uint64(a % b)
			}
		case wasm.OpI64RemU:
			a, b := fr[in.x], fr[in.y]
			if b == 0 {
				tc = store.TrapIntegerDivideByZero
				goto trapped
			}
			fr[in.r] = a % b
		case wasm.OpI64And:
			fr[in.r] = fr[in.x] & fr[in.y]
		case wasm.OpI64Or:
			fr[in.r] = fr[in.x] | fr[in.y]
		case wasm.OpI64Xor:
			fr[in.r] = fr[in.x] ^ fr[in.y]
		case wasm.OpI64Shl:
			fr[in.r] = fr[in.x] << (fr[in.y] & 63)
		case wasm.OpI64ShrS:
			fr[in.r] = uint64(int64(fr[in.x]) >> (fr[in.y] & 63))
		case wasm.OpI64ShrU:
			fr[in.r] = fr[in.x] >> (fr[in.y] & 63)
		case wasm.OpI64Rotl:
			fr[in.r] = rotl64(fr[in.x], fr[in.y])
		case wasm.OpI64Rotr:
			fr[in.r] = rotr64(fr[in.x], fr[in.y])

		case wasm.OpF32Abs:
			fr[in.r] = fr[in.x] & (f32Sign - 1)
		case wasm.OpF32Neg:
			fr[in.r] = uint64(uint32(fr[in.x]) ^ f32Sign)
		case wasm.OpF32Ceil:
			fr[in.r] = round32(fr[in.x], math.Ceil)
		case wasm.OpF32Floor:
			fr[in.r] = round32(fr[in.x], math.Floor)
		case wasm.OpF32Trunc:
			fr[in.r] = round32(fr[in.x], math.Trunc)
		case wasm.OpF32Nearest:
			fr[in.r] = round32(fr[in.x], math.RoundToEven)
		case wasm.OpF32Sqrt:
			fr[in.r] = sqrt32(fr[in.x])
		case wasm.OpF32Add:
			fr[in.r] = pf32(f32(fr[in.x]) + f32(fr[in.y]))
		case wasm.OpF32Sub:
			fr[in.r] = pf32(f32(fr[in.x]) - f32(fr[in.y]))
		case wasm.OpF32Mul:
			fr[in.r] = pf32(f32(fr[in.x]) * f32(fr[in.y]))
		case wasm.OpF32Div:
			fr[in.r] = pf32(f32(fr[in.x]) / f32(fr[in.y]))
		case wasm.OpF32Min:
			fr[in.r] = fmin32(fr[in.x], fr[in.y])
		case wasm.OpF32Max:
			fr[in.r] = fmax32(fr[in.x], fr[in.y])
		case wasm.OpF32Copysign:
			fr[in.r] = uint64(uint32(fr[in.x])&^f32Sign | uint32(fr[in.y])&f32Sign)
		case wasm.OpF64Abs:
			fr[in.r] = fr[in.x] &^ f64Sign
		case wasm.OpF64Neg:
			fr[in.r] = fr[in.x] ^ f64Sign
		case wasm.OpF64Ceil:
			fr[in.r] = round64(fr[in.x], math.Ceil)
		case wasm.OpF64Floor:
			fr[in.r] = round64(fr[in.x], math.Floor)
		case wasm.OpF64Trunc:
			fr[in.r] = round64(fr[in.x], math.Trunc)
		case wasm.OpF64Nearest:
			fr[in.r] = round64(fr[in.x], math.RoundToEven)
		case wasm.OpF64Sqrt:
			fr[in.r] = sqrt64(fr[in.x])
		case wasm.OpF64Add:
			fr[in.r] = pf64(f64(fr[in.x]) + f64(fr[in.y]))
		case wasm.OpF64Sub:
			fr[in.r] = pf64(f64(fr[in.x]) - f64(fr[in.y]))
		case wasm.OpF64Mul:
			fr[in.r] = pf64(f64(fr[in.x]) * f64(fr[in.y]))
		case wasm.OpF64Div:
			fr[in.r] = pf64(f64(fr[in.x]) / f64(fr[in.y]))
		case wasm.OpF64Min:
			fr[in.r] = fmin64(fr[in.x], fr[in.y])
		case wasm.OpF64Max:
			fr[in.r] = fmax64(fr[in.x], fr[in.y])
		case wasm.OpF64Copysign:
			fr[in.r] = fr[in.x]&^f64Sign | fr[in.y]&f64Sign

		// Conversions.
		case wasm.OpI32WrapI64:
			fr[in.r] = uint64(uint32(fr[in.x]))
		case wasm.OpI32TruncF32S:
			if fr[in.r], tc = truncF64ToI32S(float64(f32(fr[in.x]))); tc != 0 {
				goto trapped
			}
		case wasm.OpI32TruncF32U:
			if fr[in.r], tc = truncF64ToI32U(float64(f32(fr[in.x]))); tc != 0 {
				goto trapped
			}
		case wasm.OpI32TruncF64S:
			if fr[in.r], tc = truncF64ToI32S(f64(fr[in.x])); tc != 0 {
				goto trapped
			}
		case wasm.OpI32TruncF64U:
			if fr[in.r], tc = truncF64ToI32U(f64(fr[in.x])); tc != 0 {
				goto trapped
			}
		case wasm.OpI64ExtendI32S:
			fr[in.r] = uint64(int64(int32(fr[in.x])))
		case wasm.OpI64ExtendI32U:
			fr[in.r] = uint64(uint32(fr[in.x]))
		case wasm.OpI64TruncF32S:
			if fr[in.r], tc = truncF64ToI64S(float64(f32(fr[in.x]))); tc != 0 {
				goto trapped
			}
		case wasm.OpI64TruncF32U:
			if fr[in.r], tc = truncF64ToI64U(float64(f32(fr[in.x]))); tc != 0 {
				goto trapped
			}
		case wasm.OpI64TruncF64S:
			if fr[in.r], tc = truncF64ToI64S(f64(fr[in.x])); tc != 0 {
				goto trapped
			}
		case wasm.OpI64TruncF64U:
			if fr[in.r], tc = truncF64ToI64U(f64(fr[in.x])); tc != 0 {
				goto trapped
			}
		case wasm.OpF32ConvertI32S:
			fr[in.r] = pf32(float32(int32(fr[in.x])))
		case wasm.OpF32ConvertI32U:
			fr[in.r] = pf32(float32(uint32(fr[in.x])))
		case wasm.OpF32ConvertI64S:
			fr[in.r] = pf32(float32(int64(fr[in.x])))
		case wasm.OpF32ConvertI64U:
			fr[in.r] = pf32(float32(fr[in.x]))
		case wasm.OpF32DemoteF64:
			fr[in.r] = pf32(float32(f64(fr[in.x])))
		case wasm.OpF64ConvertI32S:
			fr[in.r] = pf64(float64(int32(fr[in.x])))
		case wasm.OpF64ConvertI32U:
			fr[in.r] = pf64(float64(uint32(fr[in.x])))
		case wasm.OpF64ConvertI64S:
			fr[in.r] = pf64(float64(int64(fr[in.x])))
		case wasm.OpF64ConvertI64U:
			fr[in.r] = pf64(float64(fr[in.x]))
		case wasm.OpF64PromoteF32:
			fr[in.r] = pf64(float64(f32(fr[in.x])))
		case wasm.OpI32ReinterpretF32, wasm.OpF32ReinterpretI32:
			fr[in.r] = uint64(uint32(fr[in.x]))
		case wasm.OpI64ReinterpretF64, wasm.OpF64ReinterpretI64:
			fr[in.r] = fr[in.x]
		case wasm.OpI32Extend8S:
			fr[in.r] = uint64(uint32(int32(int8(fr[in.x]))))
		case wasm.OpI32Extend16S:
			fr[in.r] = uint64(uint32(int32(int16(fr[in.x]))))
		case wasm.OpI64Extend8S:
			fr[in.r] = uint64(int64(int8(fr[in.x])))
		case wasm.OpI64Extend16S:
			fr[in.r] = uint64(int64(int16(fr[in.x])))
		case wasm.OpI64Extend32S:
			fr[in.r] = uint64(int64(int32(fr[in.x])))
		case wasm.OpI32TruncSatF32S:
			fr[in.r] = satF64ToI32S(float64(f32(fr[in.x])))
		case wasm.OpI32TruncSatF32U:
			fr[in.r] = satF64ToI32U(float64(f32(fr[in.x])))
		case wasm.OpI32TruncSatF64S:
			fr[in.r] = satF64ToI32S(f64(fr[in.x]))
		case wasm.OpI32TruncSatF64U:
			fr[in.r] = satF64ToI32U(f64(fr[in.x]))
		case wasm.OpI64TruncSatF32S:
			fr[in.r] = satF64ToI64S(float64(f32(fr[in.x])))
		case wasm.OpI64TruncSatF32U:
			fr[in.r] = satF64ToI64U(float64(f32(fr[in.x])))
		case wasm.OpI64TruncSatF64S:
			fr[in.r] = satF64ToI64S(f64(fr[in.x]))
		case wasm.OpI64TruncSatF64U:
			fr[in.r] = satF64ToI64U(f64(fr[in.x]))

		default:
			if in.op < 0x300 {
				tc = store.TrapUnreachable
				goto trapped
			}
			if tc = simd(in, fr, mem, fc); tc != 0 {
				goto trapped
			}
		}
		continue

	call:
		budget--
		if budget <= 0 {
			if budget, tc, cause = v.refill(ctx); tc != 0 {
				goto trapped
			}
		}
		if cf, ok := callee.Code.(*funcCode); ok {
			nb := base + int(in.x)
			if nb+cf.frameSize > len(v.stack) {
				if !v.grow(nb + cf.frameSize) {
					tc = store.TrapCallStackExhausted
					goto trapped
				}
			}
			if len(v.frames) >= v.e.cfg.MaxFrames {
				tc = store.TrapCallStackExhausted
				goto trapped
			}
			v.frames = append(v.frames, frame{fc: fc, fn: fn, pc: pc, base: base})
			if callee.Instance != st.inst {
				st.load(callee.Instance)
				mem = st.mem()
			}
			fn, fc, base, pc = callee, cf, nb, 0
			code = fc.code
			fr = v.stack[base:len(v.stack):len(v.stack)]
			clear(fr[fc.paramSlots:fc.numLocals])
			copy(fr[fc.numLocals:], fc.consts)
			continue
		}
		{
			window := fr[in.x : int(in.x)+callee.StackSlots()]
			var err error
			if callee.Host != nil {
				v.caller.Instance = st.inst
				err = store.CallHost(ctx, callee, &v.caller, window)
			} else {
				err = callee.Runner.Call(ctx, callee, window)
			}
			if err != nil {
				if t, ok := err.(*store.Trap); ok {
					t.Frames = append(t.Frames, v.trap(0, fn, nil).Frames...)
				}
				return err
			}
			mem = st.mem()
		}
	}

trapped:
	return v.trap(tc, fn, cause)
}
