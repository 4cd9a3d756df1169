// Package validate implements the validation algorithm of WebAssembly 2.0.
//
// Module checks a decoded or parsed wasm.Module against the specification's
// typing rules (types, imports, functions, tables, memories, globals,
// exports, start function, element and data segments, constant expressions
// and every instruction of every function body) and, in the same walk,
// records per-function facts the engines need so that they never walk a
// body again to re-derive them (Info).
//
// Function bodies are read in their binary encoding and are not trusted:
// any byte sequence yields either success or an *Error, never a panic or a
// hang.
package validate

import (
	"fmt"

	"github.com/wasmrun/wasmrun/wasm"
)

// Error is a validation failure. Reason starts with the wording of the
// specification's test suite ("type mismatch", "unknown local 3", ...),
// possibly followed by details after a colon.
type Error struct {
	// Offset is the absolute position in the module's binary encoding
	// of the offending instruction or immediate (Code.Offset plus the
	// position in the body; for a module that did not come from a
	// binary, Code.Offset is 0 and this is the position in the body), or
	// -1 when unknown (module-level checks, constant expressions).
	Offset int
	// Func is the index in the function index space of the function
	// whose body is invalid, or -1.
	Func int
	// Reason says what is wrong.
	Reason string
}

// Error formats the error as
// "invalid module: func 3 at offset 0x1a2: type mismatch: ...".
func (e *Error) Error() string {
	switch {
	case e.Func >= 0 && e.Offset >= 0:
		return fmt.Sprintf("invalid module: func %d at offset %#x: %s", e.Func, e.Offset, e.Reason)
	case e.Func >= 0:
		return fmt.Sprintf("invalid module: func %d: %s", e.Func, e.Reason)
	case e.Offset >= 0:
		return fmt.Sprintf("invalid module: at offset %#x: %s", e.Offset, e.Reason)
	}
	return "invalid module: " + e.Reason
}

// Info is what validation learned about a module that the engines need.
type Info struct {
	// Funcs has one entry per function defined by the module (the
	// entries of wasm.Module.Funcs and wasm.Module.Code, in order;
	// imported functions have none). The function index of Funcs[i] is
	// wasm.Module.NumImportedFuncs + i.
	Funcs []FuncInfo
	// Features is the set of WebAssembly 3.0 features the module uses
	// (zero for a WebAssembly 2.0 module). An engine must refuse a module
	// with a feature it does not implement, naming it
	// (wasm.Features.First and String).
	Features wasm.Features
	// Tags is the type index (in wasm.Module.Types) of every tag of the
	// tag index space, imported ones first (3.0: exception handling).
	Tags []uint32
}

// FuncInfo summarises one validated function body.
type FuncInfo struct {
	// TypeIndex is the index in wasm.Module.Types of the function's
	// signature.
	TypeIndex uint32
	// NumParams is the number of parameters; they are Locals[:NumParams].
	NumParams int
	// Locals lists the type of every local: the parameters, then the
	// declared locals expanded from wasm.Code.Locals. Entries of
	// different functions may share one backing array; do not append.
	Locals []wasm.ValType
	// ParamSlots and LocalSlots are the numbers of 64-bit slots the
	// parameters and all locals (parameters included) occupy, a v128
	// taking two (wasm.ValType.Slots).
	ParamSlots int
	LocalSlots int
	// MaxHeight is the largest number of values on the operand stack at
	// any point of the body, counting each value once whatever its type
	// (a v128 value counts as one; see UsesV128). Locals are not
	// included.
	MaxHeight int
	// MaxDepth is the largest number of simultaneously open control
	// frames, counting the implicit frame of the function body itself:
	// a body without block, loop or if has MaxDepth 1.
	MaxDepth int
	// NumBlocks is the number of block, loop and if instructions.
	NumBlocks int
	// HasLoops reports whether the body contains a loop instruction.
	HasLoops bool
	// HasCalls reports whether the body contains call or call_indirect.
	HasCalls bool
	// UsesMemory reports whether the body contains an instruction that
	// accesses linear memory or its size (loads, stores, memory.size,
	// memory.grow, memory.fill, memory.copy, memory.init).
	UsesMemory bool
	// UsesTables reports whether the body contains a table instruction
	// (table.get/set/size/grow/fill/copy/init or call_indirect).
	UsesTables bool
	// UsesV128 reports whether a v128 value may occur in the frame: a
	// v128 parameter, result or local, a SIMD instruction, a v128 global,
	// a call or block type with a v128 in its signature, or a typed
	// select of v128. When it is false every value fits one 64-bit slot,
	// so the frame needs LocalSlots+MaxHeight slots; otherwise
	// LocalSlots+2*MaxHeight is a safe bound.
	UsesV128 bool
	// LocalWeights counts the uses (local.get, local.set, local.tee) of
	// each local, reachable or not, each weighted by its loop depth:
	// 8^min(depth, 6), the sum saturating at math.MaxUint32. A compiler
	// keeps the heaviest locals in registers. LocalWritten reports
	// whether the body writes the local (local.set, local.tee). Like
	// Locals, the arrays of different functions may share one backing
	// array.
	LocalWeights []uint32
	LocalWritten []bool
}

// Config selects what a module may use.
type Config struct {
	// Features is the set of WebAssembly 3.0 features enabled; a module
	// that needs another one is invalid with the reason WebAssembly 2.0
	// gives. The zero value validates WebAssembly 2.0.
	Features wasm.Features
}

// Implementation limits, beyond those of the specification, that keep
// hostile modules from exhausting memory.
const (
	// MaxFuncLocals is the largest number of locals (parameters
	// included) one function may have.
	MaxFuncLocals = 1 << 20
	// MaxModuleLocals is the largest total number of locals over all
	// functions of a module.
	MaxModuleLocals = 1 << 24
)

// unknown is the type of a value popped from the polymorphic stack of
// unreachable code: it matches every type.
const unknown wasm.ValType = 0
