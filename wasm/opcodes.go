package wasm

// Op identifies an instruction. Single-byte opcodes keep their byte value
// (0x00–0xFF); instructions behind the 0xFC prefix are 0x200|sub and those
// behind the 0xFD (SIMD) prefix are 0x300+sub (sub < 0x200: the relaxed
// SIMD instructions of 3.0 are 0x400–0x4FF), so Op is dense enough for
// jump-table switches and converts to and from the encoding cheaply.
type Op uint16

// NumOps bounds the Op values: every Op is below it.
const NumOps = 0x500

// Prefix bytes of multi-byte opcodes.
const (
	PrefixMisc byte = 0xFC
	PrefixSIMD byte = 0xFD
)

// ImmKind says which immediates follow an opcode in the binary format.
type ImmKind byte

// Immediate kinds.
const (
	ImmNone         ImmKind = iota
	ImmBlockType            // block type: 0x40, a value type, or a type index (s33)
	ImmLabel                // label index
	ImmBrTable              // vector of label indices, then the default label
	ImmFunc                 // function index
	ImmCallIndirect         // type index, table index
	ImmSelectT              // vector of value types
	ImmLocal                // local index
	ImmGlobal               // global index
	ImmTable                // table index
	ImmMemArg               // alignment exponent, offset
	ImmMemory               // memory index (a zero byte in 2.0)
	ImmI32                  // signed LEB128 i32
	ImmI64                  // signed LEB128 i64
	ImmF32                  // 4 bytes, little-endian
	ImmF64                  // 8 bytes, little-endian
	ImmRefType              // reference type (heap type)
	ImmMemoryInit           // data index, memory index
	ImmData                 // data index
	ImmMemoryCopy           // destination memory index, source memory index
	ImmTableInit            // element index, table index
	ImmElem                 // element index
	ImmTableCopy            // destination table index, source table index
	ImmV128                 // 16 bytes
	ImmShuffle              // 16 lane indices, one byte each
	ImmLane                 // one lane-index byte
	ImmMemArgLane           // memarg, then a lane-index byte
	ImmTag                  // tag index (3.0: throw)
	ImmTryTable             // block type, then a vector of catch clauses (3.0: try_table)
	ImmType                 // type index (3.0: call_ref, return_call_ref)
)

// OpInfo describes one instruction.
type OpInfo struct {
	Name string  // text-format name, e.g. "i32.add"
	Imm  ImmKind // immediates in the binary format
	// Special is true when the instruction's typing depends on its
	// immediates or on the context (control, variable, reference, table,
	// select, drop, ...); Params and Results are then empty. Otherwise the
	// instruction pops Params and pushes Results.
	Special bool
	Params  []ValType
	Results []ValType
	// Align is the natural alignment exponent of a memory access
	// (log2 of its size in bytes).
	Align uint8
	// Lanes is the number of lanes addressed by a lane immediate.
	Lanes uint8
	// Feature is the WebAssembly 3.0 feature that introduced the
	// instruction, or 0 for the instructions of WebAssembly 2.0.
	Feature Features
}

// Info returns the description of op; ok is false for an unknown opcode.
func (op Op) Info() (info *OpInfo, ok bool) {
	if int(op) >= len(opTable) || opTable[op].Name == "" {
		return nil, false
	}
	return &opTable[op], true
}

// String returns the instruction's text-format name.
func (op Op) String() string {
	if info, ok := op.Info(); ok {
		return info.Name
	}
	return "unknown"
}

// IsPrefixed reports whether op is encoded with a prefix byte.
func (op Op) IsPrefixed() bool { return op >= 0x100 }

// Prefix returns the prefix byte of a prefixed opcode.
func (op Op) Prefix() byte {
	if op>>8 == 2 {
		return PrefixMisc
	}
	return PrefixSIMD
}

// Sub returns the LEB128-encoded sub-opcode that follows the prefix byte.
func (op Op) Sub() uint32 {
	if op >= 0x300 {
		return uint32(op - 0x300)
	}
	return uint32(op & 0xFF)
}

// PrefixedOp returns the Op for prefix byte p and sub-opcode sub, and false
// when the pair names no known instruction.
func PrefixedOp(p byte, sub uint32) (Op, bool) {
	var op Op
	switch {
	case p == PrefixMisc && sub < 0x100:
		op = 0x200 | Op(sub)
	case p == PrefixSIMD && sub < 0x200:
		op = 0x300 + Op(sub)
	default:
		return 0, false
	}
	_, ok := op.Info()
	return op, ok
}

// ByteOp returns the Op for single-byte opcode b, and false when b is a
// prefix or names no known instruction.
func ByteOp(b byte) (Op, bool) {
	op := Op(b)
	_, ok := op.Info()
	return op, ok
}

var opByName = func() map[string]Op {
	m := make(map[string]Op, len(opTable))
	for i := range opTable {
		if opTable[i].Name != "" {
			op := Op(i)
			if op == OpSelectT {
				continue // "select" names the untyped form; typed select has result types in text
			}
			m[opTable[i].Name] = op
		}
	}
	return m
}()

// OpByName returns the instruction with the given text-format name.
// "select" returns OpSelect; the text parser switches to OpSelectT when
// result types follow.
func OpByName(name string) (Op, bool) {
	op, ok := opByName[name]
	return op, ok
}

// IsSIMD reports whether op is behind the 0xFD (SIMD) prefix.
func (op Op) IsSIMD() bool { return op >= 0x300 }
