package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wasmrun/wasmrun"
)

const helloWat = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello, wasi\n")
  (data (i32.const 64) "../secret.txt")
  (func $boom (unreachable))
  (func (export "crash") (call $boom))
  (func (export "add") (param i32 i64 f64) (result i64 f64)
    (i64.add (i64.extend_i32_s (local.get 0)) (local.get 1)) (local.get 2))
  (func (export "spin") (loop $l (br $l)))
  ;; Opens "../secret.txt" relative to descriptor 3 and exits with the errno.
  (func (export "escape")
    (call $exit (call $path_open (i32.const 3) (i32.const 0) (i32.const 64) (i32.const 13)
      (i32.const 0) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 128))))
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 12))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $exit (i32.const 7))))`

func TestRunModule(t *testing.T) {
	dir := t.TempDir()
	mod := write(t, dir, "hello.wat", helloWat)
	sandbox := filepath.Join(dir, "sandbox")
	if err := os.Mkdir(sandbox, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "secret.txt", "secret")
	tests := []struct {
		name       string
		args       []string
		wantStatus int
		wantOut    string
		wantErr    string
	}{
		{"start and exit code", []string{mod}, 7, "hello, wasi\n", ""},
		{"invoke with arguments", []string{"--invoke", "add", mod, "-2", "40", "1.5"}, 0, "38\n1.5\n", ""},
		{"invoke arity", []string{"--invoke", "add", mod, "1"}, 2, "", "takes 3 arguments"},
		{"trap", []string{"--invoke", "crash", mod}, exitTrap, "", "trap: unreachable"},
		{"trap backtrace names", []string{"--invoke", "crash", mod}, exitTrap, "", "boom"},
		{"fuel", []string{"--fuel", "1000", "--invoke", "spin", mod}, exitTrap, "", "out of fuel"},
		{"timeout", []string{"--timeout", "50ms", "--invoke", "spin", mod}, exitTrap, "", "cancelled"},
		// errno 76 is ENOTCAPABLE: the preopen refuses to resolve outside itself.
		{"sandbox", []string{"--dir", sandbox + "::/sandbox", "--invoke", "escape", mod}, 76, "", ""},
		{"missing export", []string{"--invoke", "nope", mod}, 1, "", `no exported function "nope"`},
		{"bad memory flag", []string{"--max-memory", "12Q", mod}, 2, "", "--max-memory"},
		{"missing file", []string{filepath.Join(dir, "none.wasm")}, 1, "", "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, out, errOut := cli(tc.args...)
			if status != tc.wantStatus || out != tc.wantOut || !strings.Contains(errOut, tc.wantErr) {
				t.Errorf("wasmrun %v: status %d, stdout %q, stderr %q; want %d, %q, stderr containing %q",
					tc.args, status, out, errOut, tc.wantStatus, tc.wantOut, tc.wantErr)
			}
		})
	}
}

func TestParseMemorySize(t *testing.T) {
	for _, tc := range []struct {
		in    string
		pages uint64
		ok    bool
	}{
		{"", 0, true}, {"64MiB", 1024, true}, {"1GiB", 16384, true}, {"256p", 256, true},
		{"8GiB", 65536, true}, {"65536", 1, true}, {"100", 0, false}, {"0p", 0, false}, {"x", 0, false},
	} {
		got, err := parseMemorySize(tc.in)
		if (err == nil) != tc.ok || got != tc.pages {
			t.Errorf("parseMemorySize(%q) = %d, %v; want %d, ok=%v", tc.in, got, err, tc.pages, tc.ok)
		}
	}
}

func TestParseDir(t *testing.T) {
	for _, tc := range []struct {
		in, host, guest string
		ro, ok          bool
	}{
		{"/tmp", "/tmp", "/tmp", false, true},
		{"/tmp::/data", "/tmp", "/data", false, true},
		{"/tmp::/data:ro", "/tmp", "/data", true, true},
		{".::/", ".", "/", false, true},
		{"::/x", "", "", false, false},
	} {
		p, err := parseDir(tc.in)
		if (err == nil) != tc.ok || (tc.ok && (p.HostDir != tc.host || p.GuestPath != tc.guest || p.ReadOnly != tc.ro)) {
			t.Errorf("parseDir(%q) = %+v, %v", tc.in, p, err)
		}
	}
}

// Declared sizes beyond the limits fail with a one-line limit error and
// exit status 1 on both engines, before anything is allocated.
func TestHostileSizesFailCleanly(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, wat, want string }{
		{"table 2^32-1", `(module (table 4294967295 funcref))`, "exceeds the limit of 10000000 elements"},
		{"table 10^9", `(module (table 1000000000 externref))`, "exceeds the limit"},
		{"table 10^7+1", `(module (table 10000001 funcref))`, "exceeds the limit"},
		{"imported-size table", `(module (table 100000000 funcref) (func (export "_start")))`, "exceeds the limit"},
		{"memory over --max-memory", `(module (memory 2))`, "exceeds the limit of 1 pages"},
	} {
		for _, engine := range []string{"interp", "jit"} {
			mod := write(t, dir, "m.wat", tc.wat)
			status, _, errOut := cli("--engine", engine, "--max-memory", "1p", mod)
			if engine == "jit" && strings.Contains(errOut, "not available") {
				continue
			}
			if status != 1 || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("%s on %s: status %d, stderr %q; want 1 and one line containing %q", tc.name, engine, status, errOut, tc.want)
			}
		}
	}
}

// The limit flags apply: each refuses a module just past it with exit
// status 1 and a message naming the limit.
func TestLimitFlags(t *testing.T) {
	dir := t.TempDir()
	funcs := write(t, dir, "funcs.wat", `(module (func) (func) (func) (func (export "_start")))`)
	locals := write(t, dir, "locals.wat", `(module (func (export "_start") (local i32 i32 i32)))`)
	table := write(t, dir, "table.wat", `(module (table 100 funcref) (func (export "_start")))`)
	deep := write(t, dir, "deep.wat", `(module (func $f (export "_start") (call $f)))`)
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"functions at the limit", []string{"--max-functions", "4", funcs}, 0, ""},
		{"functions past the limit", []string{"--max-functions", "3", funcs}, 1, "too many functions"},
		{"module size", []string{"--max-module-size", "20B", funcs}, 1, "exceeds the limit of 20 bytes"},
		{"bad module size", []string{"--max-module-size", "lots", funcs}, 2, "--max-module-size"},
		{"table", []string{"--max-table", "99", table}, 1, "exceeds the limit of 99 elements"},
		{"call depth", []string{"--max-call-depth", "100", deep}, exitTrap, "call stack exhausted"},
		{"locals at the limit", []string{"--max-locals", "3", locals}, 0, ""},
		{"locals past the limit", []string{"--max-locals", "2", locals}, 1, "too many locals"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, errOut := cli(tc.args...)
			if status != tc.status || !strings.Contains(errOut, tc.want) {
				t.Errorf("wasmrun %v: status %d, stderr %q; want %d and %q", tc.args, status, errOut, tc.status, tc.want)
			}
		})
	}
}

// With --engine auto, a module using a 3.0 feature the JIT does not run
// yet runs on the interpreter, with one line saying so; with --engine jit
// it fails naming the feature.
func TestAutoFallsBackToInterpreter(t *testing.T) {
	mod := write(t, t.TempDir(), "tail.wat", `(module
	  (func $f (export "f") (param i32) (result i32)
	    (if (i32.eqz (local.get 0)) (then (return (i32.const 7))))
	    (return_call $f (i32.sub (local.get 0) (i32.const 1)))))`)
	status, out, errOut := cli("--invoke", "f", mod, "1000000")
	if status != 0 || out != "7\n" {
		t.Errorf("auto: status %d, stdout %q, stderr %q; want 0 and 7", status, out, errOut)
	}
	if rt, _ := wasmrun.NewRuntime(context.Background(), wasmrun.RuntimeConfig{Engine: wasmrun.EngineJIT}); rt != nil {
		rt.Close(context.Background())
		if want := "running on the interpreter\n"; !strings.HasSuffix(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("auto: stderr %q, want one line ending in %q", errOut, want)
		}
		status, _, errOut = cli("--engine", "jit", "--invoke", "f", mod, "3")
		if status != 1 || !strings.Contains(errOut, "tail calls is not supported by the jit engine") {
			t.Errorf("jit: status %d, stderr %q; want 1 and the missing feature", status, errOut)
		}
	}
}
