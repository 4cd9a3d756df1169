package binary

import (
	"encoding/binary"
	"fmt"
	"unicode/utf8"

	"github.com/wasmrun/wasmrun/wasm"
)

// Error is a malformed-module error: the byte offset in the input where
// decoding failed and the reason, worded as the specification's test suite
// words it wherever it gives one.
type Error struct {
	Offset int
	Reason string
}

func (e *Error) Error() string {
	return fmt.Sprintf("malformed module at offset %#x: %s", e.Offset, e.Reason)
}

// Reasons used by the reader; the suite's assert_malformed messages.
const (
	ReasonUnexpectedEnd     = "unexpected end"
	ReasonUnexpectedEndSect = "unexpected end of section or function"
	ReasonIntTooLong        = "integer representation too long"
	ReasonIntTooLarge       = "integer too large"
	ReasonMalformedUTF8     = "malformed UTF-8 encoding"
	ReasonIllegalOpcode     = "illegal opcode"
	ReasonLengthOutOfBounds = "length out of bounds"
)

// Reader reads the primitive encodings of the binary format (LEB128
// integers, floats, names, opcodes and instruction immediates) from a byte
// slice. It is a value type so that callers can keep it on the stack; its
// methods never allocate except to build an error.
type Reader struct {
	buf  []byte
	pos  int
	base int    // absolute offset of buf[0] in the module
	eof  string // reason reported when reading past the end
}

// NewReader returns a reader over buf, whose first byte is at absolute
// offset base in the module (used in error offsets). Reading past the end
// of buf reports "unexpected end"; use SetEOFReason to change that inside
// sections and function bodies.
func NewReader(buf []byte, base int) Reader {
	return Reader{buf: buf, base: base, eof: ReasonUnexpectedEnd}
}

// SetEOFReason sets the reason reported when reading past the end.
func (r *Reader) SetEOFReason(reason string) { r.eof = reason }

// Offset returns the absolute offset of the next byte.
func (r *Reader) Offset() int { return r.base + r.pos }

// Pos returns the position of the next byte within the reader's slice.
func (r *Reader) Pos() int { return r.pos }

// Len returns the number of unread bytes.
func (r *Reader) Len() int { return len(r.buf) - r.pos }

// EOF reports whether every byte has been read.
func (r *Reader) EOF() bool { return r.pos >= len(r.buf) }

// Bytes returns the underlying slice.
func (r *Reader) Bytes() []byte { return r.buf }

// Errorf returns an *Error at the current offset.
func (r *Reader) Errorf(format string, args ...any) error {
	return &Error{Offset: r.Offset(), Reason: fmt.Sprintf(format, args...)}
}

// ErrorAt returns an *Error at absolute offset off.
func ErrorAt(off int, reason string) error { return &Error{Offset: off, Reason: reason} }

func (r *Reader) errEOF() error { return &Error{Offset: r.base + len(r.buf), Reason: r.eof} }

// ReadByte reads one byte.
func (r *Reader) ReadByte() (byte, error) {
	if r.pos >= len(r.buf) {
		return 0, r.errEOF()
	}
	b := r.buf[r.pos]
	r.pos++
	return b, nil
}

// PeekByte returns the next byte without consuming it.
func (r *Reader) PeekByte() (byte, error) {
	if r.pos >= len(r.buf) {
		return 0, r.errEOF()
	}
	return r.buf[r.pos], nil
}

// ReadBytes reads n bytes; the result aliases the input.
func (r *Reader) ReadBytes(n int) ([]byte, error) {
	if n < 0 || n > len(r.buf)-r.pos {
		r.pos = len(r.buf)
		return nil, r.errEOF()
	}
	b := r.buf[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return b, nil
}

// Skip advances over n bytes.
func (r *Reader) Skip(n int) error {
	_, err := r.ReadBytes(n)
	return err
}

// ReadU32 reads an unsigned LEB128 integer of at most 32 bits.
func (r *Reader) ReadU32() (uint32, error) {
	if r.pos < len(r.buf) && r.buf[r.pos] < 0x80 {
		v := r.buf[r.pos]
		r.pos++
		return uint32(v), nil
	}
	v, err := r.readUnsigned(32)
	return uint32(v), err
}

// ReadU64 reads an unsigned LEB128 integer of at most 64 bits.
func (r *Reader) ReadU64() (uint64, error) { return r.readUnsigned(64) }

func (r *Reader) readUnsigned(bits uint) (uint64, error) {
	var v uint64
	var shift uint
	maxBytes := int((bits + 6) / 7)
	for i := 0; ; i++ {
		if i == maxBytes {
			return 0, &Error{Offset: r.Offset(), Reason: ReasonIntTooLong}
		}
		if r.pos >= len(r.buf) {
			return 0, r.errEOF()
		}
		b := r.buf[r.pos]
		r.pos++
		if i == maxBytes-1 {
			// The last byte may only use the bits that remain; the
			// continuation bit must be clear.
			if b&0x80 != 0 {
				return 0, &Error{Offset: r.Offset() - 1, Reason: ReasonIntTooLong}
			}
			if rem := bits - shift; rem < 7 && b>>rem != 0 {
				return 0, &Error{Offset: r.Offset() - 1, Reason: ReasonIntTooLarge}
			}
		}
		v |= uint64(b&0x7F) << shift
		if b&0x80 == 0 {
			return v, nil
		}
		shift += 7
	}
}

// ReadS32 reads a signed LEB128 integer of at most 32 bits.
func (r *Reader) ReadS32() (int32, error) {
	if r.pos < len(r.buf) && r.buf[r.pos] < 0x80 {
		v := int32(int8(r.buf[r.pos]<<1)) >> 1 // sign-extend 7 bits
		r.pos++
		return v, nil
	}
	v, err := r.readSigned(32)
	return int32(v), err
}

// ReadS33 reads a signed LEB128 integer of at most 33 bits (block types).
func (r *Reader) ReadS33() (int64, error) { return r.readSigned(33) }

// ReadS64 reads a signed LEB128 integer of at most 64 bits.
func (r *Reader) ReadS64() (int64, error) { return r.readSigned(64) }

func (r *Reader) readSigned(bits uint) (int64, error) {
	var v int64
	var shift uint
	maxBytes := int((bits + 6) / 7)
	for i := 0; ; i++ {
		if i == maxBytes {
			return 0, &Error{Offset: r.Offset(), Reason: ReasonIntTooLong}
		}
		if r.pos >= len(r.buf) {
			return 0, r.errEOF()
		}
		b := r.buf[r.pos]
		r.pos++
		if i == maxBytes-1 {
			if b&0x80 != 0 {
				return 0, &Error{Offset: r.Offset() - 1, Reason: ReasonIntTooLong}
			}
			// The unused high bits of the last byte must all equal the
			// sign bit of the value.
			if rem := bits - shift; rem < 7 {
				hi := int8(b<<1) >> rem // bits rem-1..6 sign-extended
				if hi != 0 && hi != -1 {
					return 0, &Error{Offset: r.Offset() - 1, Reason: ReasonIntTooLarge}
				}
			}
		}
		v |= int64(b&0x7F) << shift
		shift += 7
		if b&0x80 == 0 {
			if shift < 64 && b&0x40 != 0 {
				v |= -1 << shift
			}
			return v, nil
		}
	}
}

// ReadF32 reads the bit pattern of a 32-bit float.
func (r *Reader) ReadF32() (uint32, error) {
	b, err := r.ReadBytes(4)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(b), nil
}

// ReadF64 reads the bit pattern of a 64-bit float.
func (r *Reader) ReadF64() (uint64, error) {
	b, err := r.ReadBytes(8)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(b), nil
}

// ReadName reads a length-prefixed UTF-8 name.
func (r *Reader) ReadName() (string, error) {
	n, err := r.ReadU32()
	if err != nil {
		return "", err
	}
	if uint64(n) > uint64(r.Len()) {
		r.pos = len(r.buf)
		return "", r.errEOF()
	}
	b := r.buf[r.pos : r.pos+int(n)]
	if !utf8.Valid(b) {
		return "", &Error{Offset: r.Offset(), Reason: ReasonMalformedUTF8}
	}
	r.pos += int(n)
	return string(b), nil
}

// ReadOp reads an opcode, including the sub-opcode of prefixed
// instructions.
func (r *Reader) ReadOp() (wasm.Op, error) {
	start := r.Offset()
	b, err := r.ReadByte()
	if err != nil {
		return 0, err
	}
	if b == wasm.PrefixMisc || b == wasm.PrefixSIMD {
		sub, err := r.ReadU32()
		if err != nil {
			return 0, err
		}
		op, ok := wasm.PrefixedOp(b, sub)
		if !ok {
			return 0, &Error{Offset: start, Reason: ReasonIllegalOpcode + fmt.Sprintf(" %#x %d", b, sub)}
		}
		return op, nil
	}
	op, ok := wasm.ByteOp(b)
	if !ok {
		return 0, &Error{Offset: start, Reason: ReasonIllegalOpcode + fmt.Sprintf(" %#x", b)}
	}
	return op, nil
}

// BlockType is the type immediate of block, loop and if.
type BlockType struct {
	// Kind is BlockEmpty, BlockValue or BlockIndex.
	Kind  byte
	Value wasm.ValType // for BlockValue
	Index uint32       // type index, for BlockIndex
}

// Block type kinds.
const (
	BlockEmpty byte = iota // no parameters, no results
	BlockValue             // no parameters, one result
	BlockIndex             // the function type at Index
)

// ReadBlockType reads a block type. It does not check that a value type
// byte names a valid type or that a type index is in range: that is
// validation.
func (r *Reader) ReadBlockType() (BlockType, error) {
	b, err := r.PeekByte()
	if err != nil {
		return BlockType{}, err
	}
	if b == 0x40 {
		r.pos++
		return BlockType{Kind: BlockEmpty}, nil
	}
	if b == 0x63 || b == 0x64 { // (ref null? ht)
		t, err := r.ReadValType()
		if err != nil {
			return BlockType{}, err
		}
		return BlockType{Kind: BlockValue, Value: t}, nil
	}
	if b&0xC0 == 0x40 { // one-byte negative s33: a value type
		r.pos++
		return BlockType{Kind: BlockValue, Value: wasm.ValType(b)}, nil
	}
	start := r.Offset()
	v, err := r.ReadS33()
	if err != nil {
		return BlockType{}, err
	}
	if v < 0 {
		return BlockType{}, &Error{Offset: start, Reason: "malformed block type"}
	}
	if v > 0xFFFFFFFF {
		return BlockType{}, &Error{Offset: start, Reason: ReasonIntTooLarge}
	}
	return BlockType{Kind: BlockIndex, Index: uint32(v)}, nil
}

// MemArg is the immediate of a memory access.
type MemArg struct {
	Align  uint32 // alignment exponent
	Offset uint64
	Memory uint32 // memory index (3.0: multiple memories; 0 in 2.0)
}

// ReadMemArg reads a memory-access immediate in its 3.0 form: the flags
// (the alignment exponent, plus 64 when a memory index follows), the
// memory index when flagged, and a 64-bit offset.
func (r *Reader) ReadMemArg() (MemArg, error) {
	flags, err := r.ReadU32()
	if err != nil {
		return MemArg{}, err
	}
	var ma MemArg
	if flags&0x40 != 0 && flags < 0x80 {
		if ma.Memory, err = r.ReadU32(); err != nil {
			return MemArg{}, err
		}
		flags &^= 0x40
	}
	ma.Align = flags
	if r.pos < len(r.buf) && r.buf[r.pos] < 0x80 {
		ma.Offset = uint64(r.buf[r.pos])
		r.pos++
		return ma, nil
	}
	if ma.Offset, err = r.ReadU64(); err != nil {
		return MemArg{}, err
	}
	return ma, nil
}

// Catch is one catch clause of try_table (3.0: exception handling).
type Catch struct {
	Kind  byte   // CatchTag, CatchRef, CatchAll or CatchAllRef
	Tag   uint32 // for CatchTag and CatchRef
	Label uint32 // relative depth of the branch target, outside try_table
}

// Kinds of catch clauses, as encoded.
const (
	CatchTag    byte = 0 // catch x l: branch with the exception's values
	CatchRef    byte = 1 // catch_ref x l: the values and the exnref
	CatchAll    byte = 2 // catch_all l: no values
	CatchAllRef byte = 3 // catch_all_ref l: the exnref
)

// ReadCatches reads the vector of catch clauses of try_table (after its
// block type), appending them to buf.
func (r *Reader) ReadCatches(buf []Catch) ([]Catch, error) {
	n, err := r.ReadU32()
	if err != nil {
		return buf, err
	}
	if uint64(n) > uint64(r.Len()) {
		return buf, r.errEOF()
	}
	for i := uint32(0); i < n; i++ {
		var c Catch
		at := r.Offset()
		if c.Kind, err = r.ReadByte(); err != nil {
			return buf, err
		}
		if c.Kind > CatchAllRef {
			return buf, &Error{Offset: at, Reason: "malformed catch clause"}
		}
		if c.Kind < CatchAll {
			if c.Tag, err = r.ReadU32(); err != nil {
				return buf, err
			}
		}
		if c.Label, err = r.ReadU32(); err != nil {
			return buf, err
		}
		buf = append(buf, c)
	}
	return buf, nil
}

// Reasons for malformed heap types.
const (
	ReasonHeapType = "malformed reference type" // the heap type of a reference type
)

// ReadHeapType reads a heap type (3.0): an abstract heap type byte or a
// type index (s33). It does not check that the index is in range.
func (r *Reader) ReadHeapType() (wasm.HeapType, error) {
	start := r.Offset()
	b, err := r.PeekByte()
	if err != nil {
		return 0, err
	}
	if b&0xC0 == 0x40 { // one-byte negative s33: an abstract heap type
		r.pos++
		h := wasm.HeapType(b)
		if !h.IsAbstract() {
			if gcHeapByte(b) {
				return 0, &Error{Offset: start, Reason: ReasonHeapType + " (" + ReasonGC + ")"}
			}
			return 0, &Error{Offset: start, Reason: ReasonHeapType}
		}
		return h, nil
	}
	v, err := r.ReadS33()
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, &Error{Offset: start, Reason: ReasonHeapType}
	}
	if v > wasm.MaxTypeIndex {
		return 0, &Error{Offset: start, Reason: fmt.Sprintf("unknown type %d", v)}
	}
	return wasm.ConcreteHeap(uint32(v)), nil
}

// ReadValType reads a value type: one byte, or 0x63/0x64 and a heap type
// for (ref null ht) and (ref ht) (3.0). It does not check the type
// against the enabled features.
func (r *Reader) ReadValType() (wasm.ValType, error) {
	b, err := r.ReadByte()
	if err != nil {
		return 0, err
	}
	if b != 0x63 && b != 0x64 {
		return wasm.ValType(b), nil
	}
	h, err := r.ReadHeapType()
	if err != nil {
		return 0, err
	}
	return wasm.RefType(b == 0x63, h), nil
}
