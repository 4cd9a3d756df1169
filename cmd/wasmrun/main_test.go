package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// write creates a file in a temporary directory and returns its path.
func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func cli(args ...string) (status int, stdout, stderr string) {
	var out, errOut strings.Builder
	status = run(args, strings.NewReader(""), &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.wasm", "\x00asm\x01\x00\x00\x00")
	bad := write(t, dir, "bad.wasm", "\x00asm\x02\x00\x00\x00")
	goodText := write(t, dir, "good.wat", "(module (func (export \"f\") (result i32) i32.const 1))")
	invalid := write(t, dir, "invalid.wat", "(module (func (result i32)))")
	missing := filepath.Join(dir, "missing.wasm")

	tests := []struct {
		args   []string
		status int
		want   []string // substrings of stdout lines, in order
	}{
		{[]string{good, goodText}, 0, []string{good + ": ok", goodText + ": ok"}},
		{[]string{bad}, 1, []string{bad + ": malformed module at offset 0x4: unknown binary version"}},
		{[]string{invalid, good}, 1, []string{invalid + ": invalid module", "type mismatch", good + ": ok"}},
		{[]string{missing}, 1, []string{missing + ": open"}},
	}
	for _, tt := range tests {
		status, out, _ := cli(append([]string{"validate"}, tt.args...)...)
		if status != tt.status {
			t.Errorf("validate %v: status %d, want %d; output:\n%s", tt.args, status, tt.status, out)
		}
		rest := out
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("validate %v: output %q lacks %q", tt.args, out, w)
				break
			}
			rest = rest[i+len(w):]
		}
	}
	if status, _, errOut := cli("validate"); status != 2 || !strings.Contains(errOut, "usage") {
		t.Errorf("validate without files: status %d, stderr %q", status, errOut)
	}
}

func TestWast(t *testing.T) {
	dir := t.TempDir()
	pass := write(t, dir, "pass.wast", `(module (func (export "f") (result i32) i32.const 1))
(assert_return (invoke "f") (i32.const 1))
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")
(assert_malformed (module binary "\00asm\03\00\00\00") "other message")`)
	fail := write(t, dir, "fail.wast", `(module (func (result i32)))
(assert_invalid (module (func)) "type mismatch")`)
	broken := write(t, dir, "broken.wast", `(module`)

	// Validation only: the assert_return needs an engine and is skipped.
	status, out, _ := cli("wast", "--engine", "none", pass)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if status != 0 || len(lines) != 2 || lines[1] != "4 passed, 0 failed, 1 skipped" ||
		lines[0] != "malformed messages matched: 1/2, invalid messages matched: 1/1" {
		t.Errorf("wast pass.wast: status %d, output:\n%s", status, out)
	}

	// The default engine runs everything.
	status, out, _ = cli("wast", pass)
	if status != 0 || !strings.HasSuffix(out, "5 passed, 0 failed, 0 skipped\n") {
		t.Errorf("wast pass.wast with the default engine: status %d, output:\n%s", status, out)
	}

	status, out, _ = cli("wast", "--engine", "none", "-v", pass)
	if status != 0 || !strings.Contains(out, pass+":2: skipped: assert_return (invoke \"f\")") ||
		!strings.Contains(out, pass+":5: assert_malformed: message not matched") {
		t.Errorf("wast -v pass.wast: status %d, output:\n%s", status, out)
	}

	status, out, _ = cli("wast", "--engine", "none", pass, fail, broken)
	lines = strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if status != 1 || lines[len(lines)-1] != "4 passed, 3 failed, 1 skipped" {
		t.Errorf("wast with failures: status %d, output:\n%s", status, out)
	}
	for _, w := range []string{fail + ":1: module: expected module to parse and validate, got module is invalid",
		fail + ":2: assert_invalid: expected invalid \"type mismatch\", got module is valid",
		broken + ":1: unclosed parenthesis"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}

	if status, _, errOut := cli("wast", "--engine", "warp", pass); status != 2 || !strings.Contains(errOut, `unknown engine "warp"`) {
		t.Errorf("unknown engine: status %d, stderr %q", status, errOut)
	}
}

func TestMainCommands(t *testing.T) {
	if status, out, _ := cli("--version"); status != 0 || !strings.HasPrefix(out, "wasmrun ") {
		t.Errorf("--version: status %d, output %q", status, out)
	}
	if status, out, _ := cli("help"); status != 0 || !strings.Contains(out, "wast [--engine NAME]") {
		t.Errorf("help: status %d, output %q", status, out)
	}
	if status, _, errOut := cli(); status != 2 || !strings.Contains(errOut, "usage") {
		t.Errorf("no arguments: status %d, stderr %q", status, errOut)
	}
	// A first argument that is no command is the module to run.
	if status, _, errOut := cli("frob"); status != 1 || !strings.Contains(errOut, "frob") {
		t.Errorf("missing module: status %d, stderr %q", status, errOut)
	}
}

// stubEngine is an engine whose every function returns (i32.const 1). It
// counts how often it is closed.
type stubEngine struct{ closed *int }

type stubInstance struct{}

func (e stubEngine) Instantiate(ctx context.Context, m *wasm.Module, info *validate.Info, imports spectest.Resolver) (spectest.Instance, error) {
	for _, im := range m.Imports {
		if _, ok := imports(im.Module, im.Name); !ok {
			return nil, fmt.Errorf("unknown import %s.%s", im.Module, im.Name)
		}
	}
	return stubInstance{}, nil
}

func (e stubEngine) NewHostInstance(h *spectest.HostModule) (spectest.Instance, error) {
	return stubInstance{}, nil
}

func (e stubEngine) Close() error {
	*e.closed++
	return nil
}

func (stubInstance) Invoke(ctx context.Context, name string, args []spectest.Value) ([]spectest.Value, error) {
	return []spectest.Value{spectest.I32(1)}, nil
}

func (stubInstance) Global(name string) (spectest.Value, error) { return spectest.I32(1), nil }

func (stubInstance) Export(name string) (spectest.Extern, bool) { return name, true }

func TestWastEngine(t *testing.T) {
	closed := 0
	spectest.RegisterEngine("stub-test", func() spectest.Engine { return stubEngine{&closed} })
	dir := t.TempDir()
	a := write(t, dir, "a.wast", `(module (import "spectest" "print_i32" (func (param i32))) (func (export "f") (result i32) i32.const 1))
(assert_return (invoke "f") (i32.const 1))
(assert_return (invoke "f") (i32.const 2))
(register "M")
(assert_trap (invoke "f") "unreachable")`)
	b := write(t, dir, "b.wast", `(module (import "nowhere" "f" (func)))`)
	status, out, _ := cli("wast", "--engine", "stub-test", a, b)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		a + `:3: assert_return (invoke "f"): expected (i32.const 2), got (i32.const 1)`,
		a + `:5: assert_trap (invoke "f"): expected trap "unreachable", got (i32.const 1)`,
		b + `:1: module: expected module to instantiate, got unknown import nowhere.f`,
		"malformed messages matched: 0/0, invalid messages matched: 0/0",
		"3 passed, 3 failed, 0 skipped",
	}
	if status != 1 || !cmp.Equal(want, lines) {
		t.Errorf("status %d, output mismatch (-want +got):\n%s", status, cmp.Diff(want, lines))
	}
	if closed != 2 {
		t.Errorf("engine closed %d times, want 2 (once per script)", closed)
	}
	if _, out, _ := cli("help"); !strings.Contains(out, "stub-test") {
		t.Errorf("help does not list the registered engine:\n%s", out)
	}
}
