package mach

import "github.com/wasmrun/wasmrun/wasm"

// Helper is an instruction that compiled code leaves to Go: it stores
// ExitHelper in VMContext.Exit and, in VMContext.ExitArg, the defined
// function's index shifted left by 32 bits and the index of the helper in
// the function's Code.Helpers.
type Helper struct {
	Op   wasm.Op
	Slot uint32 // first operand slot, relative to the frame base
	N    uint32 // operand slots (call_indirect: the slot of the table index)
	A, B uint32 // immediates (indices)
}

// RelocKind says how a machine encodes the target of a relocated site.
// Each machine defines the kinds it uses and patches them
// (Machine.PatchReloc); the compiler only carries them.
type RelocKind uint8

// Reloc is a call site to patch once the module's functions are laid out.
type Reloc struct {
	Site   int // offset of the site in the function's code
	Target int // defined function index, or ExitStubTarget
	Kind   RelocKind
}

// ExitStubTarget is the Reloc.Target of a call to the module's exit stub
// (at offset 0 of the module's code).
const ExitStubTarget = -1

// Code is a compiled function: its machine code, the sites to patch after
// layout and the instructions it leaves to Go.
type Code struct {
	Bytes   []byte
	Relocs  []Reloc
	Helpers []Helper
}
