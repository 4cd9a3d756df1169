package mach

import (
	"unsafe"

	"github.com/wasmrun/wasmrun/internal/store"
)

// Layouts of the runtime objects compiled code reads and writes in place.
// TestLayout checks them against the Go types.
const (
	// PtrSize is the size of an address, of a global's address in the
	// instance's global array, of a *store.Table in its table array and
	// of a function handle (uint64) in its function array.
	PtrSize = 8
	// SliceHeaderSize is the size of a slice header (the instance's data
	// and element segments are arrays of them); SliceLenOff is the
	// offset of its length.
	SliceHeaderSize = 24
	SliceLenOff     = 8
	// TableElemsOff is the offset of the Elems slice header in
	// store.Table.
	TableElemsOff = int(unsafe.Offsetof(store.Table{}.Elems))
	// TypeIDSize is the size of a canonical type ID (uint32) in the
	// instance's type ID array.
	TypeIDSize = 4
	// ICacheEntrySize is the size of a call_indirect cache entry {code
	// address, type ID}; ICacheEntryTypeIDOff is the offset of the
	// type ID in it.
	ICacheEntrySize      = 16
	ICacheEntryTypeIDOff = 8
)
