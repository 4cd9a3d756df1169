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
	cases := []struct{ name, wat, feature string }{
		{"tail call", `(module (func $f (return_call $f)))`, "tail calls"},
	}
	forEachEngine(t, func(t *testing.T, e wasmrun.EngineKind) {
		rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: e})
		for _, c := range cases {
			_, err := rt.Compile(context.Background(), []byte(c.wat))
			want := "wasmrun: " + c.feature + " is not supported by the " + string(e) + " engine yet"
			if err == nil || err.Error() != want {
				t.Errorf("%s: Compile error = %v, want %q", c.name, err, want)
			}
		}
	})
}
