package wasmrun

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// TrapCode says why execution trapped.
type TrapCode uint8

// Trap codes. The String form of each is the wording of the WebAssembly
// spec test suite.
const (
	TrapUnreachable TrapCode = iota + 1
	TrapMemoryOutOfBounds
	TrapTableOutOfBounds
	TrapIntegerDivideByZero
	TrapIntegerOverflow
	TrapInvalidConversion
	TrapIndirectCallTypeMismatch
	TrapUndefinedElement
	TrapUninitializedElement
	TrapNullReference
	TrapCallStackExhausted
	TrapOutOfFuel
	TrapCancelled
	TrapHostPanic
	TrapClosed // the instance (or runtime, or memory) was closed while the call ran
)

// String returns the trap's wording, such as "integer divide by zero".
func (c TrapCode) String() string { return store.TrapCode(c).String() }

// Sentinel errors, matched with errors.Is by the traps of the same cause
// (and ErrClosed also by the uses of closed objects).
var (
	ErrOutOfFuel          = errors.New("wasmrun: out of fuel")
	ErrCancelled          = errors.New("wasmrun: cancelled")
	ErrCallStackExhausted = errors.New("wasmrun: call stack exhausted")
)

// Frame is one entry of a Wasm backtrace.
type Frame struct {
	// Module is the module's name from its name section ("" when absent).
	Module string
	// Func is the function's index in its module's function index space.
	Func uint32
	// Name is the function's name from the name section ("" when absent).
	Name string
}

// String renders the frame as "module!name" or "func[3]".
func (f Frame) String() string { return store.Frame(f).String() }

// Trap is the error of a call that trapped: a code, the Wasm backtrace
// (innermost frame first) and, for some codes, a detail and a cause. Use
// errors.As to get it, errors.Is with a sentinel (ErrOutOfFuel, ...) or a
// *Trap of the same code to test it.
type Trap struct {
	Code   TrapCode
	Frames []Frame
	// Detail, when not empty, follows the code's wording in the message
	// (the element index of an uninitialized element).
	Detail string
	// Cause is the context's error for TrapCancelled and the recovered
	// value for TrapHostPanic; nil otherwise.
	Cause error
}

// Error returns the one-line message: the code's wording, the detail and
// the cause. Backtrace gives the frames.
func (t *Trap) Error() string {
	var b strings.Builder
	b.WriteString(t.Code.String())
	if t.Detail != "" {
		b.WriteByte(' ')
		b.WriteString(t.Detail)
	}
	if t.Cause != nil {
		b.WriteString(": ")
		b.WriteString(t.Cause.Error())
	}
	return b.String()
}

// Backtrace returns the Wasm backtrace, one indented, numbered frame per
// line, innermost first.
func (t *Trap) Backtrace() string {
	var b strings.Builder
	for i, f := range t.Frames {
		fmt.Fprintf(&b, "  %d: %s\n", i, f)
	}
	return b.String()
}

// Unwrap returns Cause.
func (t *Trap) Unwrap() error { return t.Cause }

// Is reports whether target is a *Trap with the same code or the
// sentinel error of the trap's code.
func (t *Trap) Is(target error) bool {
	switch target {
	case ErrOutOfFuel:
		return t.Code == TrapOutOfFuel
	case ErrCancelled:
		return t.Code == TrapCancelled
	case ErrCallStackExhausted:
		return t.Code == TrapCallStackExhausted
	case ErrClosed:
		return t.Code == TrapClosed
	}
	o, ok := target.(*Trap)
	return ok && o.Code == t.Code
}

// LinkError is the error of an instantiation whose import is missing or
// has the wrong type. Reason is "unknown import" or "incompatible import
// type", the spec test suite's wording.
type LinkError struct {
	Module, Name string
	Reason       string
}

// Error formats the error as `unknown import: "env" "f"`.
func (e *LinkError) Error() string { return fmt.Sprintf("%s: %q %q", e.Reason, e.Module, e.Name) }

// publicErr turns the engines' error types into the package's.
func publicErr(err error) error {
	if err == store.ErrClosed {
		return ErrClosed
	}
	switch e := err.(type) {
	case *store.Trap:
		t := &Trap{Code: TrapCode(e.Code), Detail: e.Detail, Cause: e.Cause}
		if len(e.Frames) > 0 {
			t.Frames = make([]Frame, len(e.Frames))
			for i, f := range e.Frames {
				t.Frames[i] = Frame(f)
			}
		}
		return t
	case *store.LinkError:
		return &LinkError{Module: e.Module, Name: e.Name, Reason: e.Reason}
	case *store.Exception:
		return wrapException(e)
	}
	return err
}

// Memory is a linear memory. Its base address never moves: a slice
// returned by Bytes stays valid (at the length it had) until the memory
// is closed, even when it grows. Reading and writing its bytes from
// several goroutines is as safe as with any []byte.
type Memory struct {
	m *store.Memory
}

// wrapMemory returns m's one *Memory (nil for nil).
func wrapMemory(m *store.Memory) *Memory {
	if m == nil {
		return nil
	}
	if w, ok := m.Ext.Load().(*Memory); ok {
		return w
	}
	w := &Memory{m: m}
	if m.Ext.CompareAndSwap(nil, w) {
		return w
	}
	return m.Ext.Load().(*Memory)
}

// Type returns the memory's type (limits in pages).
func (m *Memory) Type() wasm.MemoryType { return m.m.Type }

// Bytes returns the memory's current contents (nil once closed). The
// slice aliases the memory and does not see later growth.
func (m *Memory) Bytes() []byte { return m.m.Bytes() }

// Size returns the current size in bytes.
func (m *Memory) Size() uint64 { return m.m.Size() }

// Pages returns the current size in 64 KiB pages.
func (m *Memory) Pages() uint64 { return m.m.Pages() }

// MaxPages returns the most pages the memory can ever have.
func (m *Memory) MaxPages() uint64 { return m.m.MaxPages() }

// Grow adds delta pages and returns the previous size in pages; ok is
// false (and the memory unchanged) beyond the maximum or once closed.
func (m *Memory) Grow(delta uint64) (old uint64, ok bool) { return m.m.Grow(delta) }

// Read returns the n bytes at offset (aliasing the memory), or false when
// they are out of bounds.
func (m *Memory) Read(offset, n uint64) ([]byte, bool) { return m.m.Read(offset, n) }

// Write copies b to offset, or reports false when it does not fit.
func (m *Memory) Write(offset uint64, b []byte) bool { return m.m.Write(offset, b) }

// ReadUint32Le reads a little-endian uint32 at offset.
func (m *Memory) ReadUint32Le(offset uint64) (uint32, bool) { return m.m.ReadUint32Le(offset) }

// WriteUint32Le writes a little-endian uint32 at offset.
func (m *Memory) WriteUint32Le(offset uint64, v uint32) bool { return m.m.WriteUint32Le(offset, v) }

// ReadUint64Le reads a little-endian uint64 at offset.
func (m *Memory) ReadUint64Le(offset uint64) (uint64, bool) { return m.m.ReadUint64Le(offset) }

// WriteUint64Le writes a little-endian uint64 at offset.
func (m *Memory) WriteUint64Le(offset uint64, v uint64) bool { return m.m.WriteUint64Le(offset, v) }

// Close closes the memory: Bytes returns nil and Grow fails from now on,
// calls into instances using it fail with ErrClosed, and calls running
// with it end with an "instance closed" trap at their next interruption
// point or host call. The address space is unmapped once the last of
// them has left. Slices from Bytes must not be used after Close. Close
// is idempotent.
func (m *Memory) Close() error { return m.m.Close() }

// Table is a table of references (function handles for funcref tables,
// host values for externref; 0 is null).
type Table struct {
	t *store.Table
}

// Type returns the table's type.
func (t *Table) Type() wasm.TableType { return t.t.Type }

// Size returns the number of elements.
func (t *Table) Size() uint32 { return t.t.Size() }

// Get returns element i, or false when out of bounds.
func (t *Table) Get(i uint32) (uint64, bool) {
	if i >= t.t.Size() {
		return 0, false
	}
	return t.t.Elems[i], true
}

// Grow appends delta elements set to init and returns the previous
// size; ok is false beyond the maximum.
func (t *Table) Grow(delta uint32, init uint64) (old uint32, ok bool) {
	return t.t.Grow(uint64(delta), init)
}

// Caller gives a host function access to the instance that called it.
type Caller struct {
	c *store.Caller
}

// Memory returns the calling instance's memory 0, or nil (when it has
// none, or when the host function was called from Go).
func (c *Caller) Memory() *Memory {
	if c == nil {
		return nil
	}
	return wrapMemory(c.c.Memory())
}

// ExportedFunction returns the function the calling instance exports as
// name, or nil: a host function can call back into its caller (to
// allocate guest memory with an exported malloc, say) with the ctx it was
// given.
func (c *Caller) ExportedFunction(name string) *Function {
	if c == nil || c.c.Instance == nil {
		return nil
	}
	f := c.c.Instance.ExportedFunc(name)
	if f == nil {
		return nil
	}
	return newFunction(f)
}
