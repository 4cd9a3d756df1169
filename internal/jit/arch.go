package jit

import (
	"github.com/wasmrun/wasmrun/internal/jit/mach"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// funcCompiler compiles functions one at a time; each worker of the pool
// owns one and reuses its buffers from function to function.
type funcCompiler interface {
	// CompileFunc compiles defined function idx of m (fi is its
	// validation summary; types holds the type index of every function,
	// globals the type of every global).
	CompileFunc(m *wasm.Module, fi *validate.FuncInfo, idx int, types []uint32, globals []wasm.ValType) (*mach.Code, error)
}

// archHooks are what the engine needs of the machine it runs on beyond
// code generation; one value per architecture (arch_*.go) fills them in.
// The entry trampolines, which sit on the hot path of every call and
// exit, are the static functions enter and resume of the same files.
type archHooks struct {
	// name is the architecture's name in messages.
	name string
	// supported reports why this CPU cannot run the machine's code.
	supported func() error
	// newCompiler returns a function compiler (fuel: the engine meters
	// fuel, which counts every call).
	newCompiler func(fuel bool) funcCompiler
	// exitStub returns the code placed at offset 0 of every module: it
	// saves the state of compiled code in the VM context and returns to
	// Go through the entry trampoline.
	exitStub func() []byte
	// patch resolves the relocation of kind at offset site of code to
	// the code at offset target.
	patch func(code []byte, kind mach.RelocKind, site, target int) error
	// callReach, when positive, is how far (in bytes, either way) a
	// relocated call reaches; veneer returns the code of veneerSize
	// bytes that jumps delta bytes from its own first byte, for the
	// islands of modules larger than that.
	callReach  int
	veneerSize int
	veneer     func(delta int64) []byte
	// codeAlign is the alignment of every function's first instruction;
	// pad fills the gaps (an instruction that traps).
	codeAlign int
	pad       byte
	// frameBytes is the machine stack one Wasm frame takes.
	frameBytes int
	// returnAddresses calls visit with the return address of every Wasm
	// frame on the machine stack between sp (innermost) and top (the
	// entry's stack pointer).
	returnAddresses func(s *Stacks, sp, top uintptr, visit func(ra uintptr))
	// disassemble lists code placed at offset base; trimPadding drops
	// the padding after a function's last instruction.
	disassemble func(code []byte, base uint64) string
	trimPadding func(code []byte) []byte
	// syncICache, when set, makes the instruction cache see code just
	// written (and made executable) at its address; machines whose
	// instruction cache snoops data writes (amd64) need none.
	syncICache func(code []byte)
}
