// Package wasm is the vocabulary shared by every part of wasmrun: value and
// reference types, function types, limits, opcodes and the Module struct that
// the decoder and the text parser produce and the validator and engines
// consume. It holds data, not logic.
package wasm

import (
	"strings"
)

// ValType is a value type, encoded as its binary-format byte.
type ValType byte

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
	}
	return "invalid"
}

// IsRef reports whether t is a reference type.
func (t ValType) IsRef() bool { return t == FuncRef || t == ExternRef || t == ExnRef }

// IsValid reports whether t is a value type (of WebAssembly 2.0, or one
// of the 3.0 types wasmrun knows; see Feature).
func (t ValType) IsValid() bool {
	switch t {
	case I32, I64, F32, F64, V128, FuncRef, ExternRef, ExnRef:
		return true
	}
	return false
}

// Feature returns the 3.0 feature that introduced t, or 0 for the types
// of WebAssembly 2.0.
func (t ValType) Feature() Features {
	if t == ExnRef {
		return FeatureExceptions
	}
	return 0
}

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
