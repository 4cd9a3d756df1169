package binary

import "github.com/wasmrun/wasmrun/wasm"

// AppendU32 appends v as unsigned LEB128.
func AppendU32(b []byte, v uint32) []byte { return AppendU64(b, uint64(v)) }

// AppendU64 appends v as unsigned LEB128.
func AppendU64(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// AppendS32 appends v as signed LEB128.
func AppendS32(b []byte, v int32) []byte { return AppendS64(b, int64(v)) }

// AppendS64 appends v as signed LEB128 (also used for s33 block types).
func AppendS64(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7F)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// AppendName appends a length-prefixed name.
func AppendName(b []byte, s string) []byte {
	b = AppendU32(b, uint32(len(s)))
	return append(b, s...)
}

// AppendOp appends the encoding of op (prefix byte and LEB128 sub-opcode
// for prefixed instructions).
func AppendOp(b []byte, op wasm.Op) []byte {
	if op.IsPrefixed() {
		return AppendU32(append(b, op.Prefix()), op.Sub())
	}
	return append(b, byte(op))
}

// AppendValType appends the encoding of a value type: its byte, or
// 0x63/0x64 and the heap type for the other reference types (3.0).
func AppendValType(b []byte, t wasm.ValType) []byte {
	if t <= 0xFF {
		return append(b, byte(t))
	}
	b = append(b, byte(t))
	return AppendHeapType(b, t.Heap())
}

// AppendHeapType appends the encoding of a heap type (3.0).
func AppendHeapType(b []byte, h wasm.HeapType) []byte {
	if h.IsConcrete() {
		return AppendS64(b, int64(h.Index()))
	}
	return append(b, byte(h))
}
