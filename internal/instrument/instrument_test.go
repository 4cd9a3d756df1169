package instrument

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/testsuite"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// instrumentingEngine runs every module of a script in its instrumented
// form: the rewritten module must validate and behave as the original
// for every assertion of the suite.
type instrumentingEngine struct {
	spectest.Engine
	opts   Options
	events *atomic.Int64
	host   spectest.Instance
}

func (e *instrumentingEngine) Instantiate(ctx context.Context, m *wasm.Module, _ *validate.Info, imports spectest.Resolver) (spectest.Instance, error) {
	im, _, err := Module(m, e.opts)
	if err != nil {
		return nil, fmt.Errorf("instrument: %w", err)
	}
	// Through the encoder and decoder, as the lockstep debugger uses it.
	im, err = binary.Decode(binary.Encode(im))
	if err != nil {
		return nil, fmt.Errorf("instrumented module does not decode: %w", err)
	}
	info, err := validate.Module(im)
	if err != nil {
		return nil, fmt.Errorf("instrumented module is invalid: %w", err)
	}
	if e.host == nil {
		e.host, err = e.Engine.NewHostInstance(&spectest.HostModule{Funcs: []spectest.HostFunc{{
			Name: ImportName,
			Type: wasm.FuncType{Params: []wasm.ValType{wasm.I32, wasm.I32, wasm.I64}},
			Call: func([]spectest.Value) ([]spectest.Value, error) { e.events.Add(1); return nil, nil },
		}}})
		if err != nil {
			return nil, err
		}
	}
	return e.Engine.Instantiate(ctx, im, info, func(module, name string) (spectest.Extern, bool) {
		if module == ImportModule {
			return e.host.Export(name)
		}
		return imports(module, name)
	})
}

// The whole 2.0 suite passes with every module instrumented, with and
// without store events, on the interpreter: the rewrite keeps every
// module valid and every behaviour (results, traps, linking, exhaustion).
func TestSpecSuiteInstrumented(t *testing.T) {
	files := testsuite.Files(t)
	factory, ok := spectest.LookupEngine("interp")
	if !ok {
		t.Fatal("no interp engine")
	}
	for _, stores := range []bool{false, true} {
		var total spectest.Stats
		var events atomic.Int64
		for _, f := range files {
			eng := &instrumentingEngine{Engine: factory(), opts: Options{Stores: stores}, events: &events}
			results, stats, err := spectest.RunFile(f, spectest.Options{Engine: eng, Timeout: 30e9})
			eng.Close()
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range results {
				if r.Outcome == spectest.Failed {
					t.Errorf("stores=%v: %s", stores, r)
				}
			}
			total.Add(stats)
		}
		t.Logf("stores=%v: %d passed, %d failed, %d skipped; %d events", stores, total.Passed, total.Failed, total.Skipped, events.Load())
		if events.Load() == 0 {
			t.Errorf("stores=%v: no events reported", stores)
		}
	}
}

// FuzzInstrument: whatever valid module the fuzzer finds, its
// instrumented form encodes, decodes and validates.
func FuzzInstrument(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "wasi", "*.wasm"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := binary.Decode(data)
		if err != nil {
			return
		}
		if _, err := validate.Module(m); err != nil {
			return
		}
		for _, stores := range []bool{false, true} {
			im, _, err := Module(m, Options{Stores: stores})
			if err != nil {
				t.Fatalf("stores=%v: %v", stores, err)
			}
			im, err = binary.Decode(binary.Encode(im))
			if err != nil {
				t.Fatalf("stores=%v: instrumented module does not decode: %v", stores, err)
			}
			if _, err := validate.Module(im); err != nil {
				t.Fatalf("stores=%v: instrumented module is invalid: %v", stores, err)
			}
		}
	})
}
