package wasmrun

import (
	"context"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// Instance is an instantiated module.
type Instance struct {
	inst *store.Instance
	rt   *Runtime
}

// ExportedFunction returns the function exported as name, or nil.
func (i *Instance) ExportedFunction(name string) *Function {
	f := i.inst.ExportedFunc(name)
	if f == nil {
		return nil
	}
	fn := newFunction(f)
	fn.owner = i
	return fn
}

// ExportedMemory returns the memory exported as name, or nil.
func (i *Instance) ExportedMemory(name string) *Memory {
	ex, ok := i.inst.Export(name)
	if !ok || ex.Kind != wasm.ExternMemory {
		return nil
	}
	return wrapMemory(ex.Memory)
}

// ExportedTable returns the table exported as name, or nil.
func (i *Instance) ExportedTable(name string) *Table {
	ex, ok := i.inst.Export(name)
	if !ok || ex.Kind != wasm.ExternTable {
		return nil
	}
	return &Table{t: ex.Table}
}

// Memory returns the instance's memory 0 (defined or imported), or nil.
func (i *Instance) Memory() *Memory {
	if len(i.inst.Memories) == 0 {
		return nil
	}
	return wrapMemory(i.inst.Memories[0])
}

// ExportedGlobal returns the global exported as name, or nil.
func (i *Instance) ExportedGlobal(name string) *Global {
	ex, ok := i.inst.Export(name)
	if !ok || ex.Kind != wasm.ExternGlobal {
		return nil
	}
	return &Global{g: ex.Global}
}

// Close closes the instance and releases what it owns: the memories it
// defined and its WASI state. Calls into it fail with ErrClosed from now
// on; calls running in it (on other goroutines, or the one calling Close
// from a host function) end with an "instance closed" trap, which
// errors.Is matches with ErrClosed, at their next interruption point (a
// loop iteration or call, checked in chunks) or host call; a call
// blocked in a WASI function (a read, a sleep, an accept) is woken and
// ends the same way. Memory is unmapped and WASI descriptors are closed
// only after the last running call has left. Close is idempotent and safe
// from any goroutine.
//
// An anonymous instance (InstanceConfig.Name "") that becomes unreachable
// — no *Instance or *Function of it is referenced — is closed by a
// cleanup. Keep the Instance reachable while using its Memory, and while
// another instance's table holds its functions.
func (i *Instance) Close(ctx context.Context) error { return i.rt.closeInstance(i.inst) }

// Function is a function exported by an instance (or by a host module).
type Function struct {
	f     *store.Func
	slots int
	owner *Instance // keeps the instance from its cleanup while the function is referenced
}

func newFunction(f *store.Func) *Function { return &Function{f: f, slots: f.StackSlots()} }

// Type returns the function's signature.
func (f *Function) Type() wasm.FuncType { return f.f.Type }

// Call calls the function with one uint64 slot per parameter (two for a
// v128) and returns its results the same way. A trap is returned as a
// *Trap; cancelling ctx or passing its deadline stops a running guest
// with a trap whose code is "cancelled".
func (f *Function) Call(ctx context.Context, args ...uint64) ([]uint64, error) {
	if len(args) != f.f.ParamSlots {
		return nil, errorf("call with %d argument slots, function type %s needs %d", len(args), f.f.Type, f.f.ParamSlots)
	}
	stack := make([]uint64, f.slots)
	copy(stack, args)
	if err := f.f.Call(ctx, stack); err != nil {
		return nil, publicErr(err)
	}
	return stack[:f.f.ResultSlots:f.f.ResultSlots], nil
}

// CallWithStack calls the function without allocating: stack holds the
// parameters on entry and the results on return, and must have at least
// StackSlots() slots.
func (f *Function) CallWithStack(ctx context.Context, stack []uint64) error {
	if len(stack) < f.slots {
		return errorf("stack of %d slots, function type %s needs %d", len(stack), f.f.Type, f.slots)
	}
	return publicErr(f.f.Call(ctx, stack))
}

// StackSlots returns the number of slots CallWithStack needs.
func (f *Function) StackSlots() int { return f.slots }

// Global is a global variable.
type Global struct {
	g *store.Global
}

// Type returns the global's type.
func (g *Global) Type() wasm.GlobalType { return g.g.Type }

// Get returns the value's slot (the low half of a v128).
func (g *Global) Get() uint64 { return g.g.Lo }

// Set sets the value of a mutable global (an i32 or f32 global keeps the
// low 32 bits of v); it reports false for an immutable one.
func (g *Global) Set(v uint64) bool {
	if !g.g.Type.Mutable {
		return false
	}
	if t := g.g.Type.Type; t == wasm.I32 || t == wasm.F32 {
		v = uint64(uint32(v)) // 32-bit values are zero-extended slots
	}
	g.g.Lo = v
	return true
}
