// Package mach is the contract between wasmrun's JIT compiler (package
// jit) and the machines it generates code for (jit/amd64, jit/arm64): the
// VM context that compiled code and Go share, the exit protocol, the
// layouts of the runtime objects compiled code reads, and the types the
// compiler and a machine exchange. It imports no machine package and no
// machine package imports the compiler.
package mach

import "unsafe"

// VMContext is the state shared by compiled code and Go during one call
// into compiled code. Compiled code addresses its fields at the offsets
// below through a fixed register; every field is an integer, so the
// context holds no Go pointers the collector would need to see.
type VMContext struct {
	GoSP       uintptr // Go stack pointer at entry or resume
	Exit       uint64  // exit code: 0 when the called function returned
	ExitArg    uint64  // exit argument (helper index, function index...)
	JitSP      uintptr // machine stack pointer of compiled code at the exit
	JitFB      uintptr // value-stack frame base at the exit
	MemBase    uintptr // base address of memory 0
	MemLen     uint64  // length in bytes of memory 0
	Budget     int64   // loop headers and calls until the next exit to Go (a backend may keep it in a register while its code runs)
	SPLimit    uintptr // lowest machine stack pointer allowed at a prologue
	VSLimit    uintptr // highest value-stack address a frame may reach
	Globals    uintptr // address of an array of global addresses
	Target     uintptr // code address of a resolved call_indirect target, 0 when Go made the call
	Tables     uintptr // address of an array of *store.Table addresses
	TypeIDs    uintptr // address of the instance's []uint32 of canonical type IDs
	ICache     uintptr // address of the call_indirect cache: {code, type ID} per function handle, from ICacheBase
	ICacheLen  uint64  // entries in ICache
	GoBP       uintptr // Go's frame pointer at entry or resume, restored on the way back to Go
	Funcs      uintptr // address of the instance's function handles ([]uint64, by function index)
	Datas      uintptr // address of the instance's data segments' slice headers ([][]byte)
	Elems      uintptr // address of the instance's element segments' slice headers ([][]uint64)
	ICacheBase uint64  // function handle of ICache's first entry (the instance's first defined function)
	GoLR       uintptr // Go's return address at entry or resume, on machines whose calls leave it in a register (arm64)
}

// Offsets of the VMContext fields, for code generators.
const (
	OffGoSP       = int32(unsafe.Offsetof(VMContext{}.GoSP))
	OffExit       = int32(unsafe.Offsetof(VMContext{}.Exit))
	OffExitArg    = int32(unsafe.Offsetof(VMContext{}.ExitArg))
	OffJitSP      = int32(unsafe.Offsetof(VMContext{}.JitSP))
	OffJitFB      = int32(unsafe.Offsetof(VMContext{}.JitFB))
	OffMemBase    = int32(unsafe.Offsetof(VMContext{}.MemBase))
	OffMemLen     = int32(unsafe.Offsetof(VMContext{}.MemLen))
	OffBudget     = int32(unsafe.Offsetof(VMContext{}.Budget))
	OffSPLimit    = int32(unsafe.Offsetof(VMContext{}.SPLimit))
	OffVSLimit    = int32(unsafe.Offsetof(VMContext{}.VSLimit))
	OffGlobals    = int32(unsafe.Offsetof(VMContext{}.Globals))
	OffTarget     = int32(unsafe.Offsetof(VMContext{}.Target))
	OffTables     = int32(unsafe.Offsetof(VMContext{}.Tables))
	OffTypeIDs    = int32(unsafe.Offsetof(VMContext{}.TypeIDs))
	OffICache     = int32(unsafe.Offsetof(VMContext{}.ICache))
	OffICacheLen  = int32(unsafe.Offsetof(VMContext{}.ICacheLen))
	OffGoBP       = int32(unsafe.Offsetof(VMContext{}.GoBP))
	OffFuncs      = int32(unsafe.Offsetof(VMContext{}.Funcs))
	OffDatas      = int32(unsafe.Offsetof(VMContext{}.Datas))
	OffElems      = int32(unsafe.Offsetof(VMContext{}.Elems))
	OffICacheBase = int32(unsafe.Offsetof(VMContext{}.ICacheBase))
	OffGoLR       = int32(unsafe.Offsetof(VMContext{}.GoLR))
)

// Exit codes stored in VMContext.Exit. Trap codes (store.TrapCode) are
// stored as ExitTrap+code.
const (
	ExitReturn = 0   // the called function returned
	ExitHelper = 1   // run helper ExitArg in Go, then resume
	ExitBudget = 2   // the interruption budget ran out
	ExitTrap   = 256 // ExitTrap + store.TrapCode: trap
)

// SmallFrame is the largest value-stack frame, in bytes, whose function
// may skip the value-stack check in its prologue (the engine keeps enough
// of the value stack mapped beyond the checked limit for any chain of
// such frames).
const SmallFrame = 256
