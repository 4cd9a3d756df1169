package binary

import (
	"fmt"

	"github.com/wasmrun/wasmrun/wasm"
)

// SkipImmediates reads past the immediates of op, whose opcode the reader
// has just read.
func (r *Reader) SkipImmediates(op wasm.Op) error {
	info, ok := op.Info()
	if !ok {
		return fmt.Errorf("unknown opcode %#x", uint16(op))
	}
	var err error
	switch info.Imm {
	case wasm.ImmNone:
	case wasm.ImmBlockType:
		_, err = r.ReadBlockType()
	case wasm.ImmLabel, wasm.ImmFunc, wasm.ImmLocal, wasm.ImmGlobal, wasm.ImmTable, wasm.ImmData, wasm.ImmElem, wasm.ImmTag, wasm.ImmType:
		_, err = r.ReadU32()
	case wasm.ImmTryTable:
		if _, err = r.ReadBlockType(); err == nil {
			_, err = r.ReadCatches(nil)
		}
	case wasm.ImmRefType:
		_, err = r.ReadHeapType()
	case wasm.ImmMemory:
		_, err = r.ReadU32()
	case wasm.ImmBrTable:
		var n uint32
		if n, err = r.ReadU32(); err == nil {
			for i := uint32(0); i <= n && err == nil; i++ {
				_, err = r.ReadU32()
			}
		}
	case wasm.ImmCallIndirect, wasm.ImmTableInit, wasm.ImmTableCopy:
		if _, err = r.ReadU32(); err == nil {
			_, err = r.ReadU32()
		}
	case wasm.ImmMemoryInit, wasm.ImmMemoryCopy:
		if _, err = r.ReadU32(); err == nil {
			_, err = r.ReadU32()
		}
	case wasm.ImmSelectT:
		var n uint32
		if n, err = r.ReadU32(); err == nil {
			for i := uint32(0); i < n && err == nil; i++ {
				_, err = r.ReadValType()
			}
		}
	case wasm.ImmMemArg:
		_, err = r.ReadMemArg()
	case wasm.ImmMemArgLane:
		if _, err = r.ReadMemArg(); err == nil {
			_, err = r.ReadByte()
		}
	case wasm.ImmI32:
		_, err = r.ReadS32()
	case wasm.ImmI64:
		_, err = r.ReadS64()
	case wasm.ImmF32:
		err = r.Skip(4)
	case wasm.ImmF64:
		err = r.Skip(8)
	case wasm.ImmV128, wasm.ImmShuffle:
		err = r.Skip(16)
	case wasm.ImmLane:
		_, err = r.ReadByte()
	default:
		err = fmt.Errorf("unknown immediate kind %d of %s", info.Imm, op)
	}
	return err
}
