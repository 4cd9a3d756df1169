package wasmrun_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasm"
)

// TestDisabledFeatures checks that RuntimeConfig.DisabledFeatures makes
// Compile refuse a module using a disabled feature, naming it, and
// leaves other modules alone.
func TestDisabledFeatures(t *testing.T) {
	cases := []struct {
		name, wat string
		disabled  wasm.Features
		want      string // "" for no error
	}{
		{"exceptions off", `(module (tag))`, wasm.FeatureExceptions, "wasmrun: the module uses exception handling, which is disabled"},
		{"tail calls off", `(module (func $f (return_call $f)))`, wasm.FeatureTailCall, "wasmrun: the module uses tail calls, which is disabled"},
		{"other feature off", `(module (tag))`, wasm.FeatureTailCall, ""},
		{"2.0 module, all off", `(module (func (result i32) (i32.const 1)))`, wasm.Features3, ""},
		{"relaxed SIMD off", `(module (func (param v128) (result v128) (f64x2.relaxed_min (local.get 0) (local.get 0))))`, wasm.FeatureRelaxedSIMD, "wasmrun: the module uses relaxed SIMD, which is disabled"},
	}
	for _, c := range cases {
		rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: wasmrun.EngineInterp, DisabledFeatures: c.disabled})
		_, err := rt.Compile(context.Background(), []byte(c.wat))
		var fe *wasmrun.FeatureDisabledError
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: Compile: %v", c.name, err)
		case c.want != "" && (err == nil || err.Error() != c.want || !errors.As(err, &fe)):
			t.Errorf("%s: Compile error = %v, want %q (a *FeatureDisabledError)", c.name, err, c.want)
		}
	}
}

// TestSharedMemoryRefused checks the message for a shared memory, which
// needs the threads proposal.
func TestSharedMemoryRefused(t *testing.T) {
	rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: wasmrun.EngineInterp})
	bin := []byte{0, 'a', 's', 'm', 1, 0, 0, 0, 5, 4, 1, 3, 1, 2} // (memory 1 2 shared)
	for _, src := range [][]byte{bin, []byte(`(module (memory 1 2 shared))`)} {
		_, err := rt.Compile(context.Background(), src)
		if err == nil || !strings.Contains(err.Error(), "shared memories (threads proposal) are not supported") {
			t.Errorf("Compile(%q) error = %v, want the threads message", src, err)
		}
	}
}

// TestCompileRefusesUnsupportedFeatures checks that a module using a
// WebAssembly 3.0 feature the engines do not run yet is refused by
// Compile with an error naming the feature and the engine.
func TestCompileRefusesUnsupportedFeatures(t *testing.T) {
	// interp: the interpreter runs the feature already.
	cases := []struct {
		name, wat, feature string
		interp             bool
	}{
		{"tail call", `(module (func $f (return_call $f)))`, "tail calls", true},
		{"extended const", `(module (global i32 (i32.add (i32.const 1) (i32.const 2))))`, "", true}, // evaluated by the store
		{"two memories", `(module (memory 1) (memory 1))`, "multiple memories", true},
		{"memory index", `(module (memory 1) (func (drop (memory.size 0))) (func (drop (i32.load 0 (i32.const 0)))))`, "", true},
		{"memory64", `(module (memory i64 1))`, "memory64", true},
		{"table64", `(module (table i64 1 funcref))`, "table64", true},
		{"tag", `(module (tag))`, "exception handling", true},
		{"typed reference", `(module (type $t (func)) (func (param (ref null $t))))`, "typed function references", true},
		{"ref.as_non_null", `(module (func (param funcref) (drop (ref.as_non_null (local.get 0)))))`, "typed function references", true},
		{"relaxed SIMD", `(module (func (param v128) (result v128) (f64x2.relaxed_min (local.get 0) (local.get 0))))`, "relaxed SIMD", true},
		{"try_table", `(module (func (try_table)))`, "exception handling", true},
		{"exnref", `(module (func (param exnref)))`, "exception handling", true},
	}
	forEachEngine(t, func(t *testing.T, e wasmrun.EngineKind) {
		rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: e})
		for _, c := range cases {
			_, err := rt.Compile(context.Background(), []byte(c.wat))
			if c.feature == "" || e == wasmrun.EngineInterp && c.interp {
				if err != nil {
					t.Errorf("%s: Compile: %v", c.name, err)
				}
				continue
			}
			want := "wasmrun: " + c.feature + " is not supported by the " + string(e) + " engine yet"
			if err == nil || err.Error() != want {
				t.Errorf("%s: Compile error = %v, want %q", c.name, err, want)
			}
		}
	})
}
