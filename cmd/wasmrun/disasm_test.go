package main

import (
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/internal/jit"
)

const disasmModule = `(module
  (import "env" "log" (func $log (param i32)))
  (func $add (export "sum") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.add)
  (func $neg (param i64) (result i64)
    i64.const 0 local.get 0 i64.sub))`

func TestDisasmCmd(t *testing.T) {
	dir := t.TempDir()
	mod := write(t, dir, "m.wat", disasmModule)
	bad := write(t, dir, "bad.wasm", "\x00asm\x02\x00\x00\x00")
	invalid := write(t, dir, "invalid.wat", "(module (func (result i32)))")
	tail := write(t, dir, "tail.wat", "(module (func $f (return_call $f)))")
	missing := filepath.Join(dir, "missing.wasm")

	addHead := `func[1] $add export "sum": type 1 [i32 i32] -> [i32]`
	negHead := `func[2] $neg: type 2 [i64] -> [i64]`
	tests := []struct {
		name    string
		args    []string
		status  int
		stdout  []string // substrings of stdout, in order
		absent  []string // substrings stdout must lack
		instrs  []string // regexps, each matching some listed instruction (amd64)
		arm64   []string // the same on arm64
		stderr  string   // substring of stderr
		needJIT bool     // the outcome is only reached where the JIT exists
	}{
		{name: "all", args: []string{mod}, status: 0,
			stdout: []string{addHead, "code at offset 0x", negHead, "code at offset 0x"},
			instrs: []string{`^add e[a-z]+, `, `^sub r[a-z0-9]+, `, `^ret$`}, arm64: []string{`^add w`, `^(sub|neg) [wx]`, `^ret$`}, needJIT: true},
		{name: "export name", args: []string{"--func", "sum", mod}, status: 0,
			stdout: []string{addHead}, absent: []string{negHead}, instrs: []string{`^add e`, `^ret$`}, arm64: []string{`^add w`, `^ret$`}, needJIT: true},
		{name: "name section", args: []string{"--func", "neg", mod}, status: 0,
			stdout: []string{negHead}, absent: []string{addHead}, instrs: []string{`^sub r`, `^ret$`}, arm64: []string{`^(sub|neg) [wx]`, `^ret$`}, needJIT: true},
		{name: "name section with $", args: []string{"-func=$add", mod}, status: 0,
			stdout: []string{addHead}, absent: []string{negHead}, needJIT: true},
		{name: "index", args: []string{"--func", "2", mod}, status: 0,
			stdout: []string{negHead}, absent: []string{addHead}, needJIT: true},
		{name: "imported", args: []string{"--func", "log", mod}, status: 1,
			stderr: "function 0 is imported", needJIT: true},
		{name: "unknown name", args: []string{"--func", "nope", mod}, status: 1,
			stderr: `m.wat: no function "nope"`, needJIT: true},
		{name: "index out of range", args: []string{"--func", "3", mod}, status: 1,
			stderr: "function index 3 out of range (module has 3 functions)", needJIT: true},
		{name: "malformed", args: []string{bad}, status: 1,
			stderr: "bad.wasm: malformed module at offset 0x4: unknown binary version", needJIT: true},
		{name: "invalid", args: []string{invalid}, status: 1,
			stderr: "invalid.wat: invalid module", needJIT: true},
		{name: "missing file", args: []string{missing}, status: 1, stderr: "missing.wasm: open", needJIT: true},
		{name: "3.0 feature", args: []string{tail}, status: 1,
			stderr: "tail.wat: wasmrun: tail calls is not supported by the jit engine yet", needJIT: true},
		{name: "no file", args: nil, status: 2, stderr: "usage: wasmrun disasm"},
		{name: "two files", args: []string{mod, mod}, status: 2, stderr: "usage: wasmrun disasm"},
		{name: "help", args: []string{"--help"}, status: 0, stderr: "usage: wasmrun disasm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := cli(append([]string{"disasm"}, tt.args...)...)
			if tt.needJIT && jit.Supported() != nil {
				// Without the JIT every command that gets past the usage says so.
				if status != 1 || out != "" || !strings.Contains(errOut, "needs the JIT") {
					t.Errorf("no JIT: status %d, stdout %q, stderr %q", status, out, errOut)
				}
				return
			}
			if status != tt.status {
				t.Errorf("status %d, want %d; stderr %q", status, tt.status, errOut)
			}
			rest := out
			for _, w := range tt.stdout {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("stdout lacks %q (in order):\n%s", w, out)
					break
				}
				rest = rest[i+len(w):]
			}
			for _, a := range tt.absent {
				if strings.Contains(out, a) {
					t.Errorf("stdout has %q:\n%s", a, out)
				}
			}
			texts := listedInstructions(out)
			instrs := tt.instrs
			if runtime.GOARCH == "arm64" {
				instrs = tt.arm64
			}
			for _, w := range instrs {
				re := regexp.MustCompile(w)
				found := false
				for _, s := range texts {
					found = found || re.MatchString(s)
				}
				if !found {
					t.Errorf("no instruction matches %q in\n%s", w, out)
				}
			}
			if tt.status == 0 && tt.needJIT && len(texts) == 0 {
				t.Errorf("no instructions listed:\n%s", out)
			}
			if tt.status != 0 && out != "" {
				t.Errorf("failure printed to stdout: %q", out)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.stderr)
			}
		})
	}
}

// listedInstructions returns the instruction texts of a listing's lines
// ("ADDR:  BYTES  TEXT").
func listedInstructions(listing string) []string {
	line := regexp.MustCompile(`^ *[0-9a-f]+:  [0-9a-f]+ +(.*)$`)
	var texts []string
	for _, l := range strings.Split(listing, "\n") {
		if sm := line.FindStringSubmatch(l); sm != nil {
			texts = append(texts, sm[1])
		}
	}
	return texts
}

func TestDisasmUsageListed(t *testing.T) {
	if _, out, _ := cli("help"); !strings.Contains(out, "disasm [--func NAME|INDEX] FILE") {
		t.Errorf("help lacks disasm:\n%s", out)
	}
	if _, out, _ := cli("--help"); !strings.Contains(out, "wasmrun disasm") {
		t.Errorf("--help lacks disasm:\n%s", out)
	}
}
