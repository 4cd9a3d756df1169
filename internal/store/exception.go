package store

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/wasmrun/wasmrun/wasm"
)

// Tag is an exception tag instance (3.0: exception handling). Tags are
// compared by identity: two tags with the same type are different tags.
type Tag struct {
	// Type is the tag's signature: its parameters are the values an
	// exception with the tag carries; it has no results.
	Type wasm.FuncType
	// TypeID is the canonical identity of Type in the store.
	TypeID uint32
	// Name names the tag in error messages ("module.name" of its first
	// export, or empty).
	Name string
	// ParamSlots is the number of slots of the payload.
	ParamSlots int
	// Ext is free for the embedder (the public API's wrapper).
	Ext atomic.Value
}

// NewTag creates a tag of type ft (whose results must be empty).
func (s *Store) NewTag(ft wasm.FuncType, name string) *Tag {
	return &Tag{Type: ft, TypeID: s.TypeID(ft), Name: name, ParamSlots: slotsOf(ft.Params)}
}

// Exception is a thrown WebAssembly exception: a tag and the values it
// carries, as slots (one per value, two for a v128). It is also the error
// a call returns when an exception leaves it uncaught, and the value a
// host function panics with to throw one.
type Exception struct {
	Tag     *Tag
	Payload []uint64
	// handle is the exnref handle of the exception once it has one
	// (0 before).
	handle uint64
}

// Error describes the exception: its tag and payload slots.
func (e *Exception) Error() string {
	var b strings.Builder
	b.WriteString("uncaught exception")
	if e.Tag != nil && e.Tag.Name != "" {
		fmt.Fprintf(&b, " with tag %s", e.Tag.Name)
	}
	if e.Tag != nil && len(e.Tag.Type.Params) > 0 {
		b.WriteString(" carrying ")
		b.WriteString(formatSlots(e.Tag.Type.Params, e.Payload))
	}
	return b.String()
}

// formatSlots renders values of types ts held in slots as "i32:1 f64:0x...".
func formatSlots(ts []wasm.ValType, slots []uint64) string {
	var parts []string
	i := 0
	for _, t := range ts {
		if i >= len(slots) {
			break
		}
		switch {
		case t == wasm.V128 && i+1 < len(slots):
			parts = append(parts, fmt.Sprintf("v128:%#016x%016x", slots[i+1], slots[i]))
		case t == wasm.I32:
			parts = append(parts, fmt.Sprintf("i32:%d", int32(slots[i])))
		case t == wasm.I64:
			parts = append(parts, fmt.Sprintf("i64:%d", int64(slots[i])))
		default:
			parts = append(parts, fmt.Sprintf("%s:%#x", t, slots[i]))
		}
		i += t.Slots()
	}
	return strings.Join(parts, " ")
}

// ExnHandle returns the exnref handle of e (never 0), giving it one on
// first use. An exception keeps its handle: catching and rethrowing it
// does not take another.
func (s *Store) ExnHandle(e *Exception) uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e.handle == 0 {
		s.exns = append(s.exns, e)
		e.handle = uint64(len(s.exns))
	}
	return e.handle
}

// ExnByHandle returns the exception with exnref handle h, or nil.
func (s *Store) ExnByHandle(h uint64) *Exception {
	s.mu.Lock()
	defer s.mu.Unlock()
	if h == 0 || h > uint64(len(s.exns)) {
		return nil
	}
	return s.exns[h-1]
}
