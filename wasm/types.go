// Package wasm is the vocabulary shared by every part of wasmrun: value and
// reference types, function types, limits, opcodes and the Module struct that
// the decoder and the text parser produce and the validator and engines
// consume. It holds data, not logic.
package wasm

import (
	"strconv"
	"strings"
)

// ValType is a value type. The types of WebAssembly 2.0, exnref and the
// other nullable abstract reference types are their binary-format byte
// (I32, FuncRef, ...); every other reference type (3.0: typed function
// references) is built by RefType: the byte 0x64 (non-nullable) or 0x63
// (nullable, concrete heap type) in bits 0-7 and the HeapType in bits
// 8-31. Each type has exactly one representation, so == is type equality
// except for concrete heap types, whose type indices may name equivalent
// types (the validator canonicalises them).
type ValType uint32

// HeapType is a heap type: an abstract one (HeapFunc, HeapExtern, ...,
// its binary-format byte) or a type index with HeapConcrete set.
type HeapType uint32

// Abstract heap types and the concrete-type flag.
const (
	HeapFunc     HeapType = 0x70
	HeapExtern   HeapType = 0x6F
	HeapExn      HeapType = 0x69
	HeapNoFunc   HeapType = 0x73 // the bottom of func types
	HeapNoExtern HeapType = 0x72
	HeapNoExn    HeapType = 0x74
	HeapConcrete HeapType = 1 << 23 // | type index
	// MaxTypeIndex bounds the type indices a concrete heap type can hold.
	MaxTypeIndex = 1<<23 - 1
)

// Nullable abstract reference types without a 2.0 counterpart (3.0).
const (
	NullFuncRef   ValType = 0x73 // (ref null nofunc)
	NullExternRef ValType = 0x72 // (ref null noextern)
	NullExnRef    ValType = 0x74 // (ref null noexn)
)

const (
	refNullByte = 0x63
	refByte     = 0x64
)

// ConcreteHeap returns the heap type of type index idx.
func ConcreteHeap(idx uint32) HeapType { return HeapConcrete | HeapType(idx) }

// IsConcrete reports whether h is a type index.
func (h HeapType) IsConcrete() bool { return h&HeapConcrete != 0 }

// Index returns the type index of a concrete heap type.
func (h HeapType) Index() uint32 { return uint32(h &^ HeapConcrete) }

// IsAbstract reports whether h is one of the abstract heap types wasmrun
// knows.
func (h HeapType) IsAbstract() bool {
	switch h {
	case HeapFunc, HeapExtern, HeapExn, HeapNoFunc, HeapNoExtern, HeapNoExn:
		return true
	}
	return false
}

// String returns the text-format name of h ("func", or the type index).
func (h HeapType) String() string {
	if h.IsConcrete() {
		return strconv.FormatUint(uint64(h.Index()), 10)
	}
	switch h {
	case HeapFunc:
		return "func"
	case HeapExtern:
		return "extern"
	case HeapExn:
		return "exn"
	case HeapNoFunc:
		return "nofunc"
	case HeapNoExtern:
		return "noextern"
	case HeapNoExn:
		return "noexn"
	}
	return "invalid"
}

// RefType returns the reference type (ref null? h) in its one
// representation.
func RefType(nullable bool, h HeapType) ValType {
	if nullable && !h.IsConcrete() {
		return ValType(h) // funcref, externref, exnref, nullfuncref, ...
	}
	b := ValType(refByte)
	if nullable {
		b = refNullByte
	}
	return b | ValType(h)<<8
}

// Heap returns the heap type of a reference type.
func (t ValType) Heap() HeapType {
	if t&0xFF == refByte || t&0xFF == refNullByte {
		return HeapType(t >> 8)
	}
	return HeapType(t)
}

// Nullable reports whether the reference type t includes null.
func (t ValType) Nullable() bool { return t&0xFF != refByte }

// Value types of WebAssembly 2.0.
const (
	I32       ValType = 0x7F
	I64       ValType = 0x7E
	F32       ValType = 0x7D
	F64       ValType = 0x7C
	V128      ValType = 0x7B
	FuncRef   ValType = 0x70
	ExternRef ValType = 0x6F
	// ExnRef is (ref null exn), the type of caught exceptions (3.0:
	// exception handling).
	ExnRef ValType = 0x69
)

// String returns the text-format name of the type.
func (t ValType) String() string {
	switch t {
	case I32:
		return "i32"
	case I64:
		return "i64"
	case F32:
		return "f32"
	case F64:
		return "f64"
	case V128:
		return "v128"
	case FuncRef:
		return "funcref"
	case ExternRef:
		return "externref"
	case ExnRef:
		return "exnref"
	case NullFuncRef:
		return "nullfuncref"
	case NullExternRef:
		return "nullexternref"
	case NullExnRef:
		return "nullexnref"
	}
	if t.IsRef() {
		if t.Nullable() {
			return "(ref null " + t.Heap().String() + ")"
		}
		return "(ref " + t.Heap().String() + ")"
	}
	return "invalid"
}

// IsRef reports whether t is a reference type.
func (t ValType) IsRef() bool {
	switch t & 0xFF {
	case refByte, refNullByte:
		h := HeapType(t >> 8)
		return h.IsConcrete() || h.IsAbstract()
	}
	return t <= 0xFF && HeapType(t).IsAbstract()
}

// IsValid reports whether t is a value type (of WebAssembly 2.0, or one
// of the 3.0 types wasmrun knows; see Feature).
func (t ValType) IsValid() bool {
	switch t {
	case I32, I64, F32, F64, V128:
		return true
	}
	return t.IsRef()
}

// Feature returns the 3.0 feature that introduced t, or 0 for the types
// of WebAssembly 2.0.
func (t ValType) Feature() Features {
	switch t {
	case I32, I64, F32, F64, V128, FuncRef, ExternRef:
		return 0
	case ExnRef:
		return FeatureExceptions
	}
	return FeatureTypedFuncRefs
}

// Defaultable reports whether locals of type t have a default value
// (every type but the non-nullable references).
func (t ValType) Defaultable() bool { return !t.IsRef() || t.Nullable() }

// Slots is the number of 64-bit slots a value of type t occupies at engine
// boundaries (two for v128, one otherwise).
func (t ValType) Slots() int {
	if t == V128 {
		return 2
	}
	return 1
}

// FuncType is a function signature.
type FuncType struct {
	Params  []ValType
	Results []ValType
}

// Equal reports whether f and g have the same parameters and results.
func (f FuncType) Equal(g FuncType) bool {
	return equalTypes(f.Params, g.Params) && equalTypes(f.Results, g.Results)
}

func equalTypes(a, b []ValType) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// String renders the signature as "[i32 i32] -> [i64]".
func (f FuncType) String() string {
	var b strings.Builder
	writeTypes(&b, f.Params)
	b.WriteString(" -> ")
	writeTypes(&b, f.Results)
	return b.String()
}

func writeTypes(b *strings.Builder, ts []ValType) {
	b.WriteByte('[')
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.String())
	}
	b.WriteByte(']')
}

// Limits bounds the size of a memory (in 64 KiB pages) or a table (in
// elements).
type Limits struct {
	Min    uint64
	Max    uint64 // meaningful only when HasMax
	HasMax bool
}

// TableType describes a table: its element reference type and limits.
type TableType struct {
	Elem   ValType
	Limits Limits
	// Is64 is true for a table with the i64 address type (3.0: table64);
	// its element indices and sizes are i64 values.
	Is64 bool
}

// MemoryType describes a linear memory.
type MemoryType struct {
	Limits Limits
	// Is64 is true for a memory with the i64 address type (3.0:
	// memory64); its addresses, sizes and page counts are i64 values.
	Is64 bool
}

// AddrType returns the type of the memory's addresses (I32 or I64).
func (t MemoryType) AddrType() ValType {
	if t.Is64 {
		return I64
	}
	return I32
}

// AddrType returns the type of the table's element indices (I32 or I64).
func (t TableType) AddrType() ValType {
	if t.Is64 {
		return I64
	}
	return I32
}

// MaxPages64 is the largest page count a 64-bit memory may declare.
const MaxPages64 = 1 << 48

// PageSize is the size of a linear-memory page in bytes.
const PageSize = 65536

// MaxPages32 is the largest page count a 32-bit memory may declare.
const MaxPages32 = 65536

// MaxTableSize is the largest element count a table type may declare.
const MaxTableSize = 1<<32 - 1

// GlobalType describes a global: its value type and mutability.
type GlobalType struct {
	Type    ValType
	Mutable bool
}

// ExternKind says what an import or export refers to.
type ExternKind byte

// External kinds, with their binary-format encodings.
const (
	ExternFunc   ExternKind = 0
	ExternTable  ExternKind = 1
	ExternMemory ExternKind = 2
	ExternGlobal ExternKind = 3
	ExternTag    ExternKind = 4 // 3.0: exception handling
)

// String returns the text-format keyword of the kind.
func (k ExternKind) String() string {
	switch k {
	case ExternFunc:
		return "func"
	case ExternTable:
		return "table"
	case ExternMemory:
		return "memory"
	case ExternGlobal:
		return "global"
	case ExternTag:
		return "tag"
	}
	return "invalid"
}
