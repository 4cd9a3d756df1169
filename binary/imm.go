package binary

import (
	"fmt"

	"github.com/wasmrun/wasmrun/wasm"
)

// Imm holds the immediates of one instruction, as ReadImm decodes them.
type Imm struct {
	BT BlockType // block, loop, if, try_table
	// X and Y are the indices the instruction names, in encoding order:
	// a label, function, local, global, table, memory, data or element
	// segment, tag or type (call_indirect: type, table; memory.init and
	// table.init: segment, memory or table; memory.copy and table.copy:
	// destination, source). select with types: X is the type's bits.
	X, Y uint32
	I64  uint64 // a constant's bits (an i32 or f32 zero-extended)
	Mem  MemArg
	// Targets are br_table's labels, the default last.
	Targets []uint32
	// Catches are try_table's clauses.
	Catches []Catch
	Heap    wasm.HeapType // ref.null
	V128    [16]byte      // v128.const, i8x16.shuffle
	Lane    byte
}

// ReadImm reads the immediates of kind k into im, reusing im's Targets
// and Catches arrays (so their contents are valid until the next call
// with the same im). It is the one decoder of instructions' immediates:
// the engines and SkipImmediates use it.
func (r *Reader) ReadImm(k wasm.ImmKind, im *Imm) (err error) {
	targets, catches := im.Targets[:0], im.Catches[:0]
	*im = Imm{Targets: targets, Catches: catches}
	switch k {
	case wasm.ImmNone:
	case wasm.ImmBlockType:
		im.BT, err = r.ReadBlockType()
	case wasm.ImmLabel, wasm.ImmFunc, wasm.ImmLocal, wasm.ImmGlobal, wasm.ImmTable, wasm.ImmData, wasm.ImmElem,
		wasm.ImmMemory, wasm.ImmTag, wasm.ImmType:
		im.X, err = r.ReadU32()
	case wasm.ImmBrTable:
		var n uint32
		if n, err = r.ReadU32(); err != nil {
			return err
		}
		if n > uint32(r.Len()) { // each target takes at least a byte
			return fmt.Errorf("br_table of %d targets past the end of the body", n)
		}
		for i := uint32(0); i <= n; i++ {
			var t uint32
			if t, err = r.ReadU32(); err != nil {
				return err
			}
			targets = append(targets, t)
		}
		im.Targets = targets
	case wasm.ImmCallIndirect, wasm.ImmTableInit, wasm.ImmTableCopy, wasm.ImmMemoryInit, wasm.ImmMemoryCopy:
		if im.X, err = r.ReadU32(); err != nil {
			return err
		}
		im.Y, err = r.ReadU32()
	case wasm.ImmSelectT:
		var n uint32
		if n, err = r.ReadU32(); err != nil {
			return err
		}
		if n > uint32(r.Len()) {
			return fmt.Errorf("select of %d types past the end of the body", n)
		}
		for i := uint32(0); i < n; i++ {
			var t wasm.ValType
			if t, err = r.ReadValType(); err != nil {
				return err
			}
			im.X = uint32(t)
		}
	case wasm.ImmMemArg:
		im.Mem, err = r.ReadMemArg()
	case wasm.ImmI32:
		var v int32
		v, err = r.ReadS32()
		im.I64 = uint64(uint32(v))
	case wasm.ImmI64:
		var v int64
		v, err = r.ReadS64()
		im.I64 = uint64(v)
	case wasm.ImmF32:
		var v uint32
		v, err = r.ReadF32()
		im.I64 = uint64(v)
	case wasm.ImmF64:
		im.I64, err = r.ReadF64()
	case wasm.ImmRefType:
		im.Heap, err = r.ReadHeapType()
	case wasm.ImmV128, wasm.ImmShuffle:
		var b []byte
		b, err = r.ReadBytes(16)
		copy(im.V128[:], b)
	case wasm.ImmLane:
		im.Lane, err = r.ReadByte()
	case wasm.ImmMemArgLane:
		if im.Mem, err = r.ReadMemArg(); err != nil {
			return err
		}
		im.Lane, err = r.ReadByte()
	case wasm.ImmTryTable:
		if im.BT, err = r.ReadBlockType(); err != nil {
			return err
		}
		im.Catches, err = r.ReadCatches(catches)
	default:
		err = fmt.Errorf("unknown immediate kind %d", k)
	}
	return err
}
