package store

import (
	"context"
	"fmt"

	"github.com/wasmrun/wasmrun/wasm"
)

// DefaultTableLimit is the default cap on the number of elements of a
// table (Config.TableLimit).
const DefaultTableLimit = 10_000_000

// Table is a table instance. Elements are reference handles: for funcref
// tables, 0 is the null reference and any other value is a Store function
// handle (Func.Handle); for externref tables, 0 is null and other values
// are chosen by the host.
type Table struct {
	Type  wasm.TableType
	Elems []uint64
	// Canon is the element type in canonical form (Instance.CanonType)
	// when it names a concrete type, else 0 (Type.Elem is canonical).
	Canon wasm.ValType
	max   uint64
}

// CanonElem returns the element type in canonical form.
func (t *Table) CanonElem() wasm.ValType {
	if t.Canon != 0 {
		return t.Canon
	}
	return t.Type.Elem
}

// NewTable creates a table of type t with every element set to init.
// limit (0 for DefaultTableLimit) caps the size below the declared
// maximum; a minimum above the cap is an error, checked before anything
// is allocated.
func NewTable(t wasm.TableType, limit uint64, init uint64) (*Table, error) {
	tb := &Table{Type: t, max: tableMax(t, limit)}
	if t.Limits.Min > tb.max {
		return nil, fmt.Errorf("table minimum of %d elements exceeds the limit of %d elements", t.Limits.Min, tb.max)
	}
	tb.Elems = make([]uint64, t.Limits.Min)
	if init != 0 {
		for i := range tb.Elems {
			tb.Elems[i] = init
		}
	}
	return tb, nil
}

func tableMax(t wasm.TableType, limit uint64) uint64 {
	m := uint64(wasm.MaxTableSize)
	if t.Limits.HasMax && t.Limits.Max < m {
		m = t.Limits.Max
	}
	if limit == 0 {
		limit = DefaultTableLimit
	}
	if limit < m {
		m = limit
	}
	return m
}

// Size returns the number of elements.
func (t *Table) Size() uint32 { return uint32(len(t.Elems)) }

// Grow appends delta elements set to init and returns the previous size;
// ok is false (and the table is unchanged) when the new size would exceed
// the maximum.
func (t *Table) Grow(delta uint64, init uint64) (old uint32, ok bool) {
	n := uint64(len(t.Elems))
	if delta > t.max || n+delta > t.max {
		return uint32(n), false
	}
	if delta == 0 {
		return uint32(n), true
	}
	if n+delta <= uint64(cap(t.Elems)) {
		t.Elems = t.Elems[:n+delta]
	} else {
		e := make([]uint64, n+delta, n+delta+n/2)
		copy(e, t.Elems)
		t.Elems = e
	}
	for i := n; i < n+delta; i++ {
		t.Elems[i] = init
	}
	return uint32(n), true
}

// Global is a global instance. Its value is stored as slots: Lo holds
// i32/i64/f32/f64 bits and reference handles; a v128 uses Lo (low 64
// bits) and Hi.
type Global struct {
	Type   wasm.GlobalType
	Lo, Hi uint64
	// Canon is the value type in canonical form (Instance.CanonType)
	// when it names a concrete type, else 0 (Type.Type is canonical).
	Canon wasm.ValType
}

// CanonType returns the value type in canonical form.
func (g *Global) CanonType() wasm.ValType {
	if g.Canon != 0 {
		return g.Canon
	}
	return g.Type.Type
}

// HostFunc is a function implemented in Go. It reads its parameters from
// stack (one slot per value, two for v128, in order) and writes its
// results into the same window starting at stack[0]; the window holds at
// least max(parameter slots, result slots) slots. A host function traps by
// panicking: a panic with an error value makes the call return that error
// unchanged (so an exit status can travel through it); any other value
// becomes a *Trap with code TrapHostPanic.
type HostFunc func(ctx context.Context, caller *Caller, stack []uint64)

// Caller gives a host function access to the instance that called it.
type Caller struct {
	// Instance is the calling Wasm instance, nil when the host function
	// was called directly from Go.
	Instance *Instance
	// Ext is free for the embedder (the public API's wrapper); engines
	// reuse a Caller across host calls and keep it.
	Ext any
}

// Memory returns the caller's memory 0, or nil.
func (c *Caller) Memory() *Memory {
	if c == nil || c.Instance == nil || len(c.Instance.Memories) == 0 {
		return nil
	}
	return c.Instance.Memories[0]
}

// FuncRunner is implemented by an engine to run the Wasm functions it
// compiled.
type FuncRunner interface {
	// Call runs f, a Wasm function whose Runner is this FuncRunner,
	// with parameters in stack and leaves its results there, as
	// described at HostFunc.
	Call(ctx context.Context, f *Func, stack []uint64) error
}

// Func is a function instance: a Wasm function of some instance or a host
// function.
type Func struct {
	// Type is the function's signature; TypeID its canonical identity in
	// the Store (equal signatures have equal IDs).
	Type   wasm.FuncType
	TypeID uint32
	// Handle is the funcref value of the function (never 0).
	Handle uint64
	// Host is the implementation of a host function, nil for a Wasm
	// function.
	Host HostFunc
	// Name names a host function in backtraces.
	Name string
	// Instance is the defining instance of a Wasm function and Index the
	// function's index in its function index space.
	Instance *Instance
	Index    uint32
	// Runner runs a Wasm function; Code is the engine's code for it.
	Runner FuncRunner
	Code   any
	// ParamSlots and ResultSlots are the numbers of stack slots of the
	// parameters and results.
	ParamSlots, ResultSlots int
}

// StackSlots returns the length of the stack window a call of f needs:
// max(ParamSlots, ResultSlots).
func (f *Func) StackSlots() int { return max(f.ParamSlots, f.ResultSlots) }

// Call runs f with parameters in stack, leaving the results there (see
// HostFunc for the layout). stack must hold at least f.StackSlots()
// slots. Traps are returned as *Trap.
func (f *Func) Call(ctx context.Context, stack []uint64) error {
	if f.Host != nil {
		return CallHost(ctx, f, nil, stack)
	}
	return f.Runner.Call(ctx, f, stack)
}

// CallHost calls host function f on behalf of caller (nil from Go),
// turning a panic into an error as described at HostFunc. Engines use it
// for every host call.
func CallHost(ctx context.Context, f *Func, caller *Caller, stack []uint64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			err = &Trap{Code: TrapHostPanic, Cause: panicError{r}}
		}
	}()
	f.Host(ctx, caller, stack)
	return nil
}

type panicError struct{ v any }

func (p panicError) Error() string { return sprint(p.v) }

func slotsOf(ts []wasm.ValType) int {
	n := 0
	for _, t := range ts {
		n += t.Slots()
	}
	return n
}

// Extern is an exported or imported entity: exactly one of the pointers is
// set, as Kind says.
type Extern struct {
	Kind   wasm.ExternKind
	Func   *Func
	Table  *Table
	Memory *Memory
	Global *Global
	Tag    *Tag
}
