package wasmrun

import (
	"context"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasm"
)

// HostFunction is a Go function callable from WebAssembly. It reads its
// parameters from stack (one slot per value, two for v128) and writes its
// results into the same window, starting at stack[0]; the window has
// max(parameter slots, result slots) slots. To trap, panic: a panic with
// an error value makes the guest's call fail with that error. Calls
// allocate nothing.
//
// A host function may call Wasm functions (of any instance) with the ctx
// it was given: such calls continue the guest's call chain, on the JIT
// on the same machine stack, and count against the same call-depth limit
// (RuntimeConfig.MaxCallDepth; a host → Wasm crossing counts as 32
// frames), so unbounded host → Wasm → host recursion ends with a "call
// stack exhausted" trap. Calls made with another context, or on another
// goroutine while the host function runs, start chains of their own.
type HostFunction func(ctx context.Context, caller *Caller, stack []uint64)

// HostModuleBuilder collects Go functions to expose as a module.
type HostModuleBuilder struct {
	rt      *Runtime
	name    string
	exports map[string]store.Extern
	err     error
}

// NewHostModule starts a host module that modules can import from as name.
func (r *Runtime) NewHostModule(name string) *HostModuleBuilder {
	return &HostModuleBuilder{rt: r, name: name, exports: map[string]store.Extern{}}
}

// Func adds a function of the given signature.
func (b *HostModuleBuilder) Func(name string, params, results []wasm.ValType, fn HostFunction) *HostModuleBuilder {
	if _, dup := b.exports[name]; dup && b.err == nil {
		b.err = errorf("host module %q: duplicate export %q", b.name, name)
	}
	ft := wasm.FuncType{Params: params, Results: results}
	h := func(ctx context.Context, sc *store.Caller, stack []uint64) {
		var c *Caller
		if sc != nil {
			// Engines reuse their Caller, so the wrapper is made once.
			if c, _ = sc.Ext.(*Caller); c == nil {
				c = &Caller{c: sc}
				sc.Ext = c
			}
		}
		fn(ctx, c, stack)
	}
	f := b.rt.store.NewHostFunc(ft, b.name+"."+name, h)
	b.exports[name] = store.Extern{Kind: wasm.ExternFunc, Func: f}
	return b
}

// Instantiate creates the host module's instance and registers it under
// the builder's name.
func (b *HostModuleBuilder) Instantiate(ctx context.Context) (*Instance, error) {
	if b.err != nil {
		return nil, b.err
	}
	r := b.rt
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	inst := r.store.NewHostInstance(b.exports)
	r.insts[inst] = struct{}{}
	r.store.Register(b.name, inst)
	return &Instance{inst: inst, rt: r}, nil
}
