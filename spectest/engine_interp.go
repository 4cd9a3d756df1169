package spectest

import (
	"context"
	"errors"
	"fmt"

	"github.com/wasmrun/wasmrun/internal/interp"
	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

func init() {
	RegisterEngine("interp", func() Engine { return newStoreEngine(interp.New(interp.Config{}), interp.Features) })
}

// storeEngine runs scripts on a store.Engine (the interpreter). Externs are
// store.Extern values; references use the store's handles (0 is null, an
// externref (ref.extern N) is handle N+1).
type storeEngine struct {
	eng   store.Engine
	feat  wasm.Features // the 3.0 features eng runs
	st    *store.Store
	insts []*store.Instance
	mems  []*store.Memory
}

func newStoreEngine(e store.Engine, features wasm.Features) *storeEngine {
	return &storeEngine{eng: e, feat: features, st: store.New(store.Config{})}
}

// Features returns the 3.0 features the engine runs (FeatureEngine).
func (e *storeEngine) Features() wasm.Features { return e.feat }

type storeInstance struct {
	inst *store.Instance
}

func (e *storeEngine) Instantiate(ctx context.Context, m *wasm.Module, info *validate.Info, imports Resolver) (Instance, error) {
	mod, err := store.Compile(e.eng, m, info)
	if err != nil {
		return nil, err
	}
	inst, err := e.st.Instantiate(ctx, mod, func(module, name string) (store.Extern, bool) {
		x, ok := imports(module, name)
		if !ok {
			return store.Extern{}, false
		}
		ext, ok := x.(store.Extern)
		return ext, ok
	})
	if err != nil {
		return nil, err
	}
	e.insts = append(e.insts, inst)
	return &storeInstance{inst: inst}, nil
}

func (e *storeEngine) NewHostInstance(h *HostModule) (Instance, error) {
	exports := map[string]store.Extern{}
	for _, hf := range h.Funcs {
		hf := hf
		ft := hf.Type
		exports[hf.Name] = store.Extern{Kind: wasm.ExternFunc, Func: e.st.NewHostFunc(ft, hf.Name,
			func(ctx context.Context, _ *store.Caller, stack []uint64) {
				args := slotsToValues(ft.Params, stack)
				res, err := hf.Call(args)
				if err != nil {
					panic(err)
				}
				valuesToSlots(res, stack)
			})}
	}
	for _, g := range h.Globals {
		lo, hi := valueSlots(g.Value)
		exports[g.Name] = store.Extern{Kind: wasm.ExternGlobal, Global: &store.Global{Type: g.Type, Lo: lo, Hi: hi}}
	}
	for _, t := range h.Tables {
		tab, err := e.st.NewTable(t.Type, 0)
		if err != nil {
			return nil, err
		}
		exports[t.Name] = store.Extern{Kind: wasm.ExternTable, Table: tab}
	}
	for _, m := range h.Memories {
		mem, err := e.st.NewMemory(m.Type)
		if err != nil {
			return nil, err
		}
		e.mems = append(e.mems, mem)
		exports[m.Name] = store.Extern{Kind: wasm.ExternMemory, Memory: mem}
	}
	return &storeInstance{inst: e.st.NewHostInstance(exports)}, nil
}

func (e *storeEngine) Close() error {
	var errs []error
	for _, inst := range e.insts {
		errs = append(errs, inst.Close())
	}
	for _, m := range e.mems {
		errs = append(errs, m.Close())
	}
	e.insts, e.mems = nil, nil
	return errors.Join(errs...)
}

func (i *storeInstance) Invoke(ctx context.Context, name string, args []Value) ([]Value, error) {
	f := i.inst.ExportedFunc(name)
	if f == nil {
		return nil, fmt.Errorf("unknown function export %q", name)
	}
	stack := make([]uint64, f.StackSlots())
	valuesToSlots(args, stack)
	if err := f.Call(ctx, stack); err != nil {
		return nil, err
	}
	return slotsToValues(f.Type.Results, stack), nil
}

func (i *storeInstance) Global(name string) (Value, error) {
	x, ok := i.inst.Export(name)
	if !ok || x.Kind != wasm.ExternGlobal {
		return Value{}, fmt.Errorf("unknown global export %q", name)
	}
	return slotValue(x.Global.Type.Type, x.Global.Lo, x.Global.Hi), nil
}

func (i *storeInstance) Export(name string) (Extern, bool) {
	x, ok := i.inst.Export(name)
	if !ok {
		return nil, false
	}
	return x, true
}

// valueSlots encodes v as store slots.
func valueSlots(v Value) (lo, hi uint64) {
	switch v.Type {
	case wasm.FuncRef:
		if v.Null {
			return 0, 0
		}
		return v.Lo, 0
	case wasm.ExternRef:
		if v.Null {
			return 0, 0
		}
		return v.Lo + 1, 0
	case wasm.V128:
		return v.Lo, v.Hi
	}
	return v.Lo, 0
}

func slotValue(t wasm.ValType, lo, hi uint64) Value {
	if t.IsRef() {
		t = topRef(t)
	}
	switch t {
	case wasm.I32, wasm.F32:
		return Value{Type: t, Lo: uint64(uint32(lo))}
	case wasm.V128:
		return Value{Type: t, Lo: lo, Hi: hi}
	case wasm.FuncRef:
		if lo == 0 {
			return NullRef(t)
		}
		return Value{Type: t, Lo: lo}
	case wasm.ExternRef:
		if lo == 0 {
			return NullRef(t)
		}
		return Value{Type: t, Lo: lo - 1}
	case wasm.ExnRef:
		if lo == 0 {
			return NullRef(t)
		}
	}
	return Value{Type: t, Lo: lo}
}

// topRef returns the nullable abstract reference type at the top of
// reference type t's hierarchy (funcref for (ref $t), externref for
// nullexternref, ...), the type values of t are reported with.
func topRef(t wasm.ValType) wasm.ValType {
	switch h := t.Heap(); {
	case h.IsConcrete() || h == wasm.HeapFunc || h == wasm.HeapNoFunc:
		return wasm.FuncRef
	case h == wasm.HeapExtern || h == wasm.HeapNoExtern:
		return wasm.ExternRef
	case h == wasm.HeapExn || h == wasm.HeapNoExn:
		return wasm.ExnRef
	}
	return t
}

func valuesToSlots(vs []Value, stack []uint64) {
	j := 0
	for _, v := range vs {
		lo, hi := valueSlots(v)
		stack[j] = lo
		j++
		if v.Type == wasm.V128 {
			stack[j] = hi
			j++
		}
	}
}

func slotsToValues(ts []wasm.ValType, stack []uint64) []Value {
	out := make([]Value, len(ts))
	j := 0
	for i, t := range ts {
		if t == wasm.V128 {
			out[i] = slotValue(t, stack[j], stack[j+1])
			j += 2
		} else {
			out[i] = slotValue(t, stack[j], 0)
			j++
		}
	}
	return out
}
