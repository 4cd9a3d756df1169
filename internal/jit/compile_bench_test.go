//go:build linux && (amd64 || arm64)

package jit

import (
	"testing"

	"github.com/wasmrun/wasmrun/binary"
	"github.com/wasmrun/wasmrun/internal/bigmodule"
	"github.com/wasmrun/wasmrun/validate"
)

// BenchmarkCompileBig compiles the 23.7 MB Go wasip1 module of
// internal/bigmodule (decoded and validated once, outside the timer) on
// GOMAXPROCS workers; MB/s is input bytes per second of wall time.
func BenchmarkCompileBig(b *testing.B) {
	data := bigmodule.Bytes(b)
	m, err := binary.Decode(data)
	if err != nil {
		b.Fatalf("decode: %v", err)
	}
	info, err := validate.Module(m)
	if err != nil {
		b.Fatalf("validate: %v", err)
	}
	e := New(Config{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		code, err := e.Compile(m, info)
		if err != nil {
			b.Fatal(err)
		}
		if c, ok := code.(interface{ Close() error }); ok {
			c.Close()
		}
	}
}
