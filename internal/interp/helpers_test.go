package interp

import (
	"context"
	"testing"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
)

// instantiate parses, validates, compiles and instantiates a module in
// the text format in a fresh store.
func instantiate(t testing.TB, cfg Config, wat string, resolve store.Resolver) *store.Instance {
	t.Helper()
	st := store.New(store.Config{})
	inst, err := instantiateIn(st, cfg, wat, resolve)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { inst.Close() })
	return inst
}

func instantiateIn(st *store.Store, cfg Config, wat string, resolve store.Resolver) (*store.Instance, error) {
	m, err := text.ParseModule([]byte(wat))
	if err != nil {
		return nil, err
	}
	info, err := validate.Module(m)
	if err != nil {
		return nil, err
	}
	mod, err := store.Compile(New(cfg), m, info)
	if err != nil {
		return nil, err
	}
	return st.Instantiate(context.Background(), mod, resolve)
}

// call invokes export name with args and returns the result slots.
func call(t testing.TB, inst *store.Instance, name string, args ...uint64) ([]uint64, error) {
	t.Helper()
	f := inst.ExportedFunc(name)
	if f == nil {
		t.Fatalf("no export %q", name)
	}
	stack := make([]uint64, f.StackSlots())
	copy(stack, args)
	err := f.Call(context.Background(), stack)
	return stack[:f.ResultSlots], err
}
