//go:build linux && (amd64 || arm64)

package jit_test

import (
	"bytes"
	"context"
	"errors"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasi"
)

// corpusRun is what a WASI program did: its output, exit status and
// final memory.
type corpusRun struct {
	stdout, stderr []byte
	exit           uint32
	memory         []byte
}

// runCorpus runs bench/corpus/wasm/file with args on engine.
func runCorpus(t *testing.T, engine wasmrun.EngineKind, src []byte, args []string) corpusRun {
	t.Helper()
	ctx := context.Background()
	rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: engine})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close(ctx)
	var out, errw bytes.Buffer
	// A clock and random source that give the same sequence on every run:
	// Go programs read both (timers, hash seeds), so their memory is
	// comparable only then.
	mod, err := rt.Compile(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{Args: append([]string{"prog"}, args...), Stdout: &out, Stderr: &errw,
		Clock: &steppingClock{}, Random: mrand.NewChaCha8([32]byte{1})})
	if err != nil {
		t.Fatal(err)
	}
	var r corpusRun
	_, err = inst.ExportedFunction("_start").Call(ctx)
	var exit *wasi.ExitError
	switch {
	case errors.As(err, &exit):
		r.exit = exit.Code
	case err != nil:
		t.Fatalf("%s: %v", engine, err)
	}
	r.stdout, r.stderr = out.Bytes(), errw.Bytes()
	r.memory = append([]byte(nil), inst.Memory().Bytes()...)
	return r
}

// Every bench/ corpus program, at its test size, prints the same output,
// exits the same way and leaves the same memory, byte for byte, on the
// JIT as on the interpreter.
func TestDifferentialBenchCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "bench", "corpus", "wasm")
	for _, p := range []struct {
		file string
		args []string
	}{
		{"fib", []string{"20"}}, {"intloop", []string{"1000"}}, {"nbody", []string{"1000"}},
		{"spectral", []string{"50"}}, {"matmul", []string{"20"}}, {"sort", []string{"1000"}},
		{"hashtable", []string{"1000"}}, {"memops-mvp", []string{"1"}}, {"memops-bulk", []string{"1"}},
		{"compress", []string{"1"}}, {"sha256", []string{"1"}}, {"gowork", []string{"json", "1"}},
		{"gowork", []string{"regex", "1"}}, {"gowork", []string{"strings", "1"}}, {"gowork", []string{"bigint", "500"}},
	} {
		name := p.file + "/" + p.args[0]
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, p.file+".wasm"))
			if err != nil {
				t.Fatal(err)
			}
			want := runCorpus(t, wasmrun.EngineInterp, src, p.args)
			got := runCorpus(t, wasmrun.EngineJIT, src, p.args)
			if !bytes.Contains(want.stdout, []byte("checksum:")) {
				t.Fatalf("interpreter output has no checksum:\n%s%s", want.stdout, want.stderr)
			}
			if !bytes.Equal(want.stdout, got.stdout) || !bytes.Equal(want.stderr, got.stderr) || want.exit != got.exit {
				t.Errorf("output differs:\ninterp (exit %d):\n%s%s\njit (exit %d):\n%s%s", want.exit, want.stdout, want.stderr, got.exit, got.stdout, got.stderr)
			}
			if len(want.memory) != len(got.memory) {
				t.Fatalf("memory size: interp %d, jit %d", len(want.memory), len(got.memory))
			}
			for i := range want.memory {
				if want.memory[i] != got.memory[i] {
					t.Fatalf("memory differs first at %#x: interp %#x, jit %#x", i, want.memory[i], got.memory[i])
				}
			}
			t.Logf("%d bytes of output, %d bytes of memory agree", len(want.stdout), len(want.memory))
		})
	}
}

// steppingClock is a deterministic clock: every reading is 1 µs after the
// previous one.
type steppingClock struct{ t uint64 }

func (c *steppingClock) Now(uint32) (uint64, wasi.Errno) {
	c.t += 1000
	return 1_700_000_000_000_000_000 + c.t, 0
}

func (c *steppingClock) Resolution(uint32) (uint64, wasi.Errno) { return 1000, 0 }
