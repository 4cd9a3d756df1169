//go:build linux && (amd64 || arm64)

package jit

import (
	"context"
	"testing"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/text"
	"github.com/wasmrun/wasmrun/validate"
)

// instantiate compiles and instantiates the text module src with engine e.
func instantiate(t testing.TB, e store.Engine, src string, imports store.Resolver) *store.Instance {
	t.Helper()
	m, err := text.ParseModule([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := store.Compile(e, m, info)
	if err != nil {
		t.Fatal(err)
	}
	st := store.New(store.Config{})
	if imports == nil {
		imports = func(string, string) (store.Extern, bool) { return store.Extern{}, false }
	}
	inst, err := st.Instantiate(context.Background(), mod, imports)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { inst.Close() })
	return inst
}
