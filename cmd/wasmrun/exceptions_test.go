package main

import (
	"os"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/validate"
	"github.com/wasmrun/wasmrun/wasm"
)

// sjljOutput is what testdata/sjlj.c prints.
const sjljOutput = `fail(10) at depth 0
caught 10
fail(20) at depth 0
caught 20
fail(30) at depth 0
caught 30
nested: inner setjmp returned 7 after 1 step(s)
fail(99) at depth 0
caught 99 from nested
ok: total 159
`

// TestUncaughtExceptionStatus checks that an exception leaving the guest
// ends the run like a trap: status 134 and a line naming the exception.
func TestUncaughtExceptionStatus(t *testing.T) {
	mod := write(t, t.TempDir(), "throw.wat", `(module (tag $e (export "oops") (param i32))
		(func (export "_start") (throw $e (i32.const 3))))`)
	status, out, errOut := cli("--engine", "interp", mod)
	want := "wasmrun: " + mod + ": uncaught exception (tag oops) carrying i32:3\n"
	if status != exitTrap || out != "" || errOut != want {
		t.Errorf("status %d, stdout %q, stderr %q; want %d, \"\", %q", status, out, errOut, exitTrap, want)
	}
}

// TestSetjmpLongjmpProgram runs testdata/sjlj.wasm, a C program using
// setjmp and longjmp, on the interpreter. It was built from
// testdata/sjlj.c by YoWASP Clang 22 (the realworld corpus's
// @yowasp/clang 22.0.0-git20542-10, run on wasmrun) with
//
//	clang --target=wasm32-wasip1 -O2 -mllvm -wasm-enable-sjlj -mllvm -wasm-use-legacy-eh=false -c sjlj.c
//	wasm-ld -m wasm32 crt1-command.o sjlj.o -lc -lsetjmp libclang_rt.builtins.a -o sjlj.wasm
//
// so its longjmp throws a WebAssembly exception (wasi-libc's libsetjmp)
// and every setjmp is a try_table catching it with exnref.
func TestSetjmpLongjmpProgram(t *testing.T) {
	bin, err := os.ReadFile("testdata/sjlj.wasm")
	if err != nil {
		t.Fatal(err)
	}
	m, err := binary.Decode(bin)
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Module(m)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Features.Has(wasm.FeatureExceptions) {
		t.Fatalf("sjlj.wasm uses %v, not exception handling", info.Features)
	}
	for _, engine := range []string{"interp", "auto"} {
		status, out, errOut := cli("--engine", engine, "testdata/sjlj.wasm")
		if status != 0 || out != sjljOutput {
			t.Errorf("--engine %s: status %d, stdout %q, stderr %q; want 0, %q", engine, status, out, errOut, sjljOutput)
		}
		if engine == "auto" && !strings.Contains(errOut, "running on the interpreter") && errOut != "" {
			t.Errorf("--engine auto: stderr %q", errOut)
		}
	}
}

// TestIn20Suite checks which scripts "wasmrun wast --features auto"
// checks as WebAssembly 2.0.
func TestIn20Suite(t *testing.T) {
	cases := []struct {
		path string
		want bool
	}{
		{"../shared/testsuite/core/memory.wast", true},
		{"/x/testsuite/core/simd/simd_address.wast", true},
		{"/x/testsuite/proposals/wasm-3.0/memory.wast", false},
		{"/x/core/proposals/memory64/memory64.wast", false},
		{"/x/proposals/core/old.wast", true},
		{"script.wast", false},
	}
	for _, c := range cases {
		if got := in20Suite(c.path); got != c.want {
			t.Errorf("in20Suite(%q) = %v, want %v", c.path, got, c.want)
		}
	}
}
