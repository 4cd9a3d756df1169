package validate

import (
	"os"
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/bigmodule"
)

func bigBytes(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(bigmodule.Path(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestBigModule validates a large real program (a Go wasip1 build) and
// checks the summaries against facts known from its structure.
func TestBigModule(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	data := bigBytes(t)
	m, err := binary.Decode(data)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	info, err := Module(m)
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	if len(info.Funcs) != len(m.Code) {
		t.Fatalf("%d summaries for %d functions", len(info.Funcs), len(m.Code))
	}
	var loops, calls, mem int
	for i := range info.Funcs {
		fi := &info.Funcs[i]
		ft := m.Types[fi.TypeIndex]
		if fi.TypeIndex != m.Funcs[i] || fi.NumParams != len(ft.Params) {
			t.Fatalf("func %d: type %d with %d params, want %d with %d", i, fi.TypeIndex, fi.NumParams, m.Funcs[i], len(ft.Params))
		}
		n := fi.NumParams
		for _, d := range m.Code[i].Locals {
			n += int(d.Count)
		}
		if len(fi.Locals) != n {
			t.Fatalf("func %d: %d locals, want %d", i, len(fi.Locals), n)
		}
		if fi.MaxDepth < 1 || fi.MaxDepth > fi.NumBlocks+1 {
			t.Fatalf("func %d: MaxDepth %d with %d blocks", i, fi.MaxDepth, fi.NumBlocks)
		}
		if fi.MaxHeight < len(ft.Results) {
			t.Fatalf("func %d: MaxHeight %d below result count %d", i, fi.MaxHeight, len(ft.Results))
		}
		if fi.HasLoops {
			loops++
		}
		if fi.HasCalls {
			calls++
		}
		if fi.UsesMemory {
			mem++
		}
	}
	// Go's wasm code is built around a loop-and-br_table dispatcher in
	// most functions, calls and memory (its stack lives in memory).
	if loops == 0 || calls == 0 || mem == 0 {
		t.Errorf("loops %d, calls %d, memory %d functions: want all non-zero", loops, calls, mem)
	}
	t.Logf("%d functions, %d with loops, %d with calls, %d using memory", len(info.Funcs), loops, calls, mem)
}

func BenchmarkValidate(b *testing.B) {
	data := bigBytes(b)
	m, err := binary.Decode(data)
	if err != nil {
		b.Fatalf("decode: %v", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Module(m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeValidate(b *testing.B) {
	data := bigBytes(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m, err := binary.Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Module(m); err != nil {
			b.Fatal(err)
		}
	}
}
