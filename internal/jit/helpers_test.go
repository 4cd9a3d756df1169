//go:build linux && (amd64 || arm64)

package jit

import (
	"context"
	"runtime"
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
	st := store.New(testStoreConfig())
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

// testStoreConfig is the store configuration of the tests' instances. On
// arm64, where the tests run under qemu-user in CI, a memory without a
// declared maximum reserves 64 MiB instead of 4 GiB: qemu-user's
// bookkeeping of the guest's mappings grew by megabytes per reservation
// and thousands of random programs exhausted the host. Both engines of a
// differential test use the same configuration.
func testStoreConfig() store.Config {
	if runtime.GOARCH == "arm64" {
		return store.Config{MemoryReserve: 64 << 20}
	}
	return store.Config{}
}
