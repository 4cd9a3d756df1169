package wasmrun_test

import (
	"context"
	"testing"

	"github.com/wasmrun/wasmrun"
)

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
		{"tag", `(module (tag))`, "exception handling", false},
		{"typed reference", `(module (type $t (func)) (func (param (ref null $t))))`, "typed function references", false},
		{"ref.as_non_null", `(module (func (param funcref) (drop (ref.as_non_null (local.get 0)))))`, "typed function references", false},
		{"relaxed SIMD", `(module (func (param v128) (result v128) (f64x2.relaxed_min (local.get 0) (local.get 0))))`, "relaxed SIMD", false},
		{"try_table", `(module (func (try_table)))`, "exception handling", false},
		{"exnref", `(module (func (param exnref)))`, "exception handling", false},
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
