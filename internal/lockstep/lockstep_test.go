package lockstep

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/text"
)

// engines are the pair the tests compare: the interpreter and the JIT
// where it exists, else the interpreter twice.
func engines(t *testing.T) [2]wasmrun.EngineKind {
	rt, err := wasmrun.NewRuntime(context.Background(), wasmrun.RuntimeConfig{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close(context.Background())
	return [2]wasmrun.EngineKind{wasmrun.EngineInterp, rt.Engine()}
}

func wat(t *testing.T, src string) []byte {
	t.Helper()
	m, err := text.ParseModule([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return binary.Encode(m)
}

// program calls $outer, which calls $inner twice and stores what it
// returns; %d is $inner's constant.
const program = `(module
  (memory (export "memory") 1)
  (func $inner (param i32) (result i32)
    (i32.add (local.get 0) (i32.const %d)))
  (func $outer (param i32) (result i64)
    (i32.store (i32.const 16) (call $inner (local.get 0)))
    (i64.extend_i32_u (call $inner (i32.const 1))))
  (func (export "_start")
    (drop (call $outer (i32.const 5)))))`

func TestSameProgramAgrees(t *testing.T) {
	for _, stores := range []bool{false, true} {
		res, err := Run(context.Background(), wat(t, strings.Replace(program, "%d", "10", 1)), Config{Engines: engines(t), Stores: stores})
		if err != nil {
			t.Fatal(err)
		}
		if res.Diff != nil {
			t.Fatalf("stores=%v: difference in one program: %s", stores, res.Diff)
		}
		// _start, $outer, $inner twice: enter+leave each, plus the
		// arguments (3) and results (3); the store, when reported.
		want := uint64(4*2 + 3 + 3)
		if stores {
			want++
		}
		for _, o := range res.Outcomes {
			if o.Events != want || o.End != "" || o.Exit != 0 {
				t.Errorf("stores=%v: %s: %d events, end %q, exit %d; want %d events and a clean exit", stores, o.Engine, o.Events, o.End, o.Exit, want)
			}
		}
	}
}

func TestFirstDifferenceIsReported(t *testing.T) {
	tests := []struct {
		stores bool
		want   Difference
	}{{
		stores: false,
		want: Difference{
			Event: 6, // enter _start, enter outer, arg, enter inner, arg, leave inner, result
			Stack: []string{"_start (func[2])", "outer (func[1])"},
			What:  "a result of inner (func[0]), called from outer (func[1])",
			Value: [2]string{"result i32 15 (0xf)", "result i32 16 (0x10)"},
		},
	}, {
		stores: true,
		want: Difference{
			Event: 6,
			Stack: []string{"_start (func[2])", "outer (func[1])"},
			What:  "a result of inner (func[0]), called from outer (func[1])",
			Value: [2]string{"result i32 15 (0xf)", "result i32 16 (0x10)"},
		},
	}}
	for _, tc := range tests {
		first := wat(t, strings.Replace(program, "%d", "10", 1))
		cfg := Config{Engines: engines(t), Stores: tc.stores, second: wat(t, strings.Replace(program, "%d", "11", 1))}
		res, err := Run(context.Background(), first, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if res.Diff == nil {
			t.Fatalf("stores=%v: no difference found", tc.stores)
		}
		if diff := cmp.Diff(tc.want, *res.Diff); diff != "" {
			t.Errorf("stores=%v: (-want +got)\n%s", tc.stores, diff)
		}
	}
}

// A store that differs while every call agrees is found with Stores.
func TestStoreDifference(t *testing.T) {
	const src = `(module (memory 1)
	  (func (export "_start") (i32.store8 (i32.const 100) (i32.const %d))))`
	first, second := wat(t, strings.Replace(src, "%d", "1", 1)), wat(t, strings.Replace(src, "%d", "2", 1))
	res, err := Run(context.Background(), first, Config{Engines: engines(t), second: second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diff != nil {
		t.Fatalf("without Stores the calls agree, got %s", res.Diff)
	}
	res, err = Run(context.Background(), first, Config{Engines: engines(t), Stores: true, second: second})
	if err != nil {
		t.Fatal(err)
	}
	want := &Difference{Event: 1, Stack: []string{"_start (func[0])"}, What: "a store to memory in _start (func[0])",
		Value: [2]string{"store of 1 bytes at 0x64: i32 1 (0x1)", "store of 1 bytes at 0x64: i32 2 (0x2)"}}
	if diff := cmp.Diff(want, res.Diff); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// The WASI test programs agree on both engines, with their files.
func TestWASIProgramsAgree(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "wasi")
	for _, tc := range []struct {
		file string
		args []string
	}{
		{"basics.wasm", []string{"hello", "two words"}},
		{"gowasi.wasm", nil},
		{"exit3.wasm", nil},
	} {
		src, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), src, Config{Engines: engines(t), Args: tc.args, Stores: true})
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if res.Diff != nil {
			t.Errorf("%s: %s", tc.file, res.Diff)
		}
		if res.Outcomes[0].Events == 0 || len(res.Outcomes[0].Stdout) == 0 && tc.file != "exit3.wasm" {
			t.Errorf("%s: %d events, %d bytes of output", tc.file, res.Outcomes[0].Events, len(res.Outcomes[0].Stdout))
		}
	}
}
