// Package jit holds the machine-independent parts of wasmrun's JIT
// compiler: the front end of the single-pass compiler (frontend.go: the
// decoder, the operand-stack and control-frame model, the choice of the
// locals kept in registers; a backend such as jit/amd64 supplies the
// instruction selection), the VM context shared by compiled code and Go
// (its layout is the contract with every backend), executable memory
// (written read-write, then switched to read-execute) and the mmap'd
// machine and value stacks that compiled code runs on. Every instruction is compiled to machine
// code; only calls to the host and the two that allocate (memory.grow,
// table.grow) leave to Go.
//
// Compiled code never runs Go code on its stacks: a trap, a host call,
// memory.grow or table.grow, or an exhausted interruption
// budget stores an exit code in the VMContext and returns through the
// backend's entry trampoline; Go handles the exit and resumes the code.
package jit

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/unix"
)

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
)

// Exit codes stored in VMContext.Exit. Trap codes (store.TrapCode) are
// stored as ExitTrap+code.
const (
	ExitReturn = 0   // the called function returned
	ExitHelper = 1   // run helper ExitArg in Go, then resume
	ExitBudget = 2   // the interruption budget ran out
	ExitTrap   = 256 // ExitTrap + store.TrapCode: trap
)

// ExecMem is a read-execute mapping of machine code.
type ExecMem struct {
	b []byte
}

// NewExecMem maps code: it writes it into a fresh read-write mapping and
// then makes the mapping read-execute, never both at once.
func NewExecMem(code []byte) (*ExecMem, error) {
	n := (len(code) + unix.Getpagesize() - 1) &^ (unix.Getpagesize() - 1)
	if n == 0 {
		n = unix.Getpagesize()
	}
	b, err := unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
	if err != nil {
		return nil, fmt.Errorf("jit: mapping %d bytes of code: %w", n, err)
	}
	copy(b, code)
	if err := unix.Mprotect(b, unix.PROT_READ|unix.PROT_EXEC); err != nil {
		unix.Munmap(b)
		return nil, fmt.Errorf("jit: making code executable: %w", err)
	}
	return &ExecMem{b: b}, nil
}

// Addr returns the address of the first byte of code.
func (m *ExecMem) Addr() uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(m.b))) }

// Len returns the size of the mapping.
func (m *ExecMem) Len() int { return len(m.b) }

// Close unmaps the code.
func (m *ExecMem) Close() error {
	if m.b == nil {
		return nil
	}
	err := unix.Munmap(m.b)
	m.b = nil
	return err
}

// Stacks are the machine stack and the value stack of one call context,
// mmap'd outside the Go heap, each with an inaccessible guard page at its
// limit.
type Stacks struct {
	machine []byte
	values  []byte
}

// Sizes of the stacks.
const (
	MachineStackSize = 1 << 20
	ValueStackSize   = 96 << 20
	guard            = 1 << 16
)

// SmallFrame is the largest value-stack frame, in bytes, whose function
// may skip the value-stack check in its prologue. The value stack keeps
// SmallFrameSlack bytes mapped beyond ValueLimit: every Wasm frame holds
// one return address on the machine stack, so no more than
// MachineStackSize/8 frames are ever live, and small frames pushed past
// the last checked one stay inside the slack.
const (
	SmallFrame      = 256
	SmallFrameSlack = SmallFrame * (MachineStackSize / 8)
)

// NewStacks maps a machine stack and a value stack.
func NewStacks() (*Stacks, error) {
	m, err := unix.Mmap(-1, 0, MachineStackSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON|mapNoReserve)
	if err != nil {
		return nil, fmt.Errorf("jit: mapping the machine stack: %w", err)
	}
	v, err := unix.Mmap(-1, 0, ValueStackSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON|mapNoReserve)
	if err != nil {
		unix.Munmap(m)
		return nil, fmt.Errorf("jit: mapping the value stack: %w", err)
	}
	// Guard pages: the bottom of the machine stack, the top of the
	// value stack.
	unix.Mprotect(m[:4096], unix.PROT_NONE)
	unix.Mprotect(v[len(v)-4096:], unix.PROT_NONE)
	return &Stacks{machine: m, values: v}, nil
}

// MachineTop returns the initial machine stack pointer (16-byte aligned,
// with room for the entry's return address).
func (s *Stacks) MachineTop() uintptr {
	return uintptr(unsafe.Pointer(&s.machine[0])) + uintptr(len(s.machine)) - 64
}

// MachineLimit returns the lowest stack pointer a prologue accepts.
func (s *Stacks) MachineLimit() uintptr {
	return uintptr(unsafe.Pointer(&s.machine[0])) + guard
}

// Values returns the value stack as slots.
func (s *Stacks) Values() []uint64 {
	return unsafe.Slice((*uint64)(unsafe.Pointer(&s.values[0])), (len(s.values)-guard)/8)
}

// ValueLimit returns the highest address a checked frame may reach
// (SmallFrameSlack below the end of the usable value stack).
func (s *Stacks) ValueLimit() uintptr {
	return uintptr(unsafe.Pointer(&s.values[0])) + uintptr(len(s.values)) - guard - SmallFrameSlack
}

// Close unmaps the stacks.
func (s *Stacks) Close() error {
	err1 := unix.Munmap(s.machine)
	err2 := unix.Munmap(s.values)
	if err1 != nil {
		return err1
	}
	return err2
}

// ValuesAt returns the value stack from address fb (a frame base of
// compiled code) on.
func (s *Stacks) ValuesAt(fb uintptr) []uint64 {
	off := fb - uintptr(unsafe.Pointer(&s.values[0]))
	return s.Values()[off/8:]
}

// MachineWord returns the 8-byte word of the machine stack at address sp.
func (s *Stacks) MachineWord(sp uintptr) uintptr {
	off := sp - uintptr(unsafe.Pointer(&s.machine[0]))
	return *(*uintptr)(unsafe.Pointer(&s.machine[off]))
}
