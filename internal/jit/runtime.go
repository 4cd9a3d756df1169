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

	"github.com/wasmrun/wasmrun/internal/jit/mach"
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
	if arch.syncICache != nil {
		arch.syncICache(b)
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
	// guard is the inaccessible region at each stack's limit: 64 KiB, a
	// whole number of pages on every page size Linux uses (4, 16 and 64
	// KiB), so the protection covers all of it.
	guard = 1 << 16
	// machineSlack is the machine stack between MachineLimit and the
	// guard.
	machineSlack = 4096
)

// SmallFrameSlack is the value stack mapped beyond ValueLimit for
// functions whose frames skip the value-stack check (at most
// mach.SmallFrame bytes): every Wasm frame takes arch.frameBytes of the
// machine stack, so no more than MachineStackSize/arch.frameBytes frames
// are ever live, and small frames pushed past the last checked one stay
// inside the slack.
var SmallFrameSlack = uintptr(mach.SmallFrame * (MachineStackSize / arch.frameBytes))

// NewStacks maps a machine stack and a value stack.
func NewStacks() (*Stacks, error) {
	if unix.Getpagesize() > guard {
		return nil, fmt.Errorf("jit: pages of %d bytes are larger than the stacks' guard", unix.Getpagesize())
	}
	m, err := unix.Mmap(-1, 0, MachineStackSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON|mapNoReserve)
	if err != nil {
		return nil, fmt.Errorf("jit: mapping the machine stack: %w", err)
	}
	v, err := unix.Mmap(-1, 0, ValueStackSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON|mapNoReserve)
	if err != nil {
		unix.Munmap(m)
		return nil, fmt.Errorf("jit: mapping the value stack: %w", err)
	}
	// Guards: the bottom of the machine stack, the top of the value
	// stack. Without them an overflow would write past the stacks.
	if err := unix.Mprotect(m[:guard], unix.PROT_NONE); err != nil {
		unix.Munmap(m)
		unix.Munmap(v)
		return nil, fmt.Errorf("jit: protecting the machine stack's guard: %w", err)
	}
	if err := unix.Mprotect(v[len(v)-guard:], unix.PROT_NONE); err != nil {
		unix.Munmap(m)
		unix.Munmap(v)
		return nil, fmt.Errorf("jit: protecting the value stack's guard: %w", err)
	}
	return &Stacks{machine: m, values: v}, nil
}

// MachineTop returns the initial machine stack pointer (16-byte aligned,
// with room for the entry's return address).
func (s *Stacks) MachineTop() uintptr {
	return uintptr(unsafe.Pointer(&s.machine[0])) + uintptr(len(s.machine)) - 64
}

// MachineLimit returns the lowest stack pointer a prologue accepts:
// machineSlack above the guard, room for what a function whose prologue
// fails its check still pushes (the call to the exit stub that raises the
// trap).
func (s *Stacks) MachineLimit() uintptr {
	return uintptr(unsafe.Pointer(&s.machine[0])) + guard + machineSlack
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
