package wasmrun_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun"
)

// leakCycles is the number of instantiate+call(+close) cycles of the leak
// tests: 5,000 by default, 100,000 with WASMRUN_LONG=1.
func leakCycles() int {
	if os.Getenv("WASMRUN_LONG") != "" {
		return 100_000
	}
	return 5_000
}

// mappings returns the number of the process's memory mappings.
func mappings(t testing.TB) int {
	b, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Skip("no /proc/self/maps:", err)
	}
	return bytes.Count(b, []byte{'\n'})
}

// settle collects until the number of mappings stops falling (the
// cleanups that collections queue run on their own goroutine, and
// unmapping takes time), then returns the live heap in bytes and the
// number of mappings.
func settle(t testing.TB) (heap uint64, maps int) {
	maps = mappings(t)
	for stable, i := 0, 0; stable < 3 && i < 200; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
		if m := mappings(t); m < maps {
			maps, stable = m, 0
		} else {
			stable++
		}
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc, mappings(t)
}

// Instantiating, calling and closing (or dropping) instances on one
// long-lived runtime keeps the heap and the number of mappings flat after
// the first thousand cycles.
func TestNoLeakAcrossInstances(t *testing.T) { forEachEngine(t, testNoLeakAcrossInstances) }

func testNoLeakAcrossInstances(t *testing.T, engine wasmrun.EngineKind) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, mode := range []string{"close", "gc", "trap"} {
		t.Run(mode, func(t *testing.T) {
			ctx := context.Background()
			rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
			src := smallModuleWat
			if mode == "trap" {
				// a start function that traps: the caller gets no
				// instance to close
				src = `(module (memory 1) (table 2 funcref) (func $f) (elem (i32.const 0) $f)
				  (func $start (unreachable)) (start $start))`
			}
			mod, err := rt.Compile(ctx, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			n := leakCycles()
			var heap0 uint64
			var maps0 int
			for i := range n {
				if i == 1000 {
					heap0, maps0 = settle(t)
				}
				inst, err := rt.Instantiate(ctx, mod, wasmrun.InstanceConfig{})
				if mode == "trap" {
					var trap *wasmrun.Trap
					if !errors.As(err, &trap) {
						t.Fatalf("cycle %d: %v, want a trap", i, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("cycle %d: %v", i, err)
				}
				res, err := inst.ExportedFunction("run").Call(ctx)
				if err != nil || res[0] != 1 {
					t.Fatalf("cycle %d: run = %v, %v", i, res, err)
				}
				if mode == "close" {
					if err := inst.Close(ctx); err != nil {
						t.Fatal(err)
					}
				}
			}
			heap1, maps1 := settle(t)
			t.Logf("%d cycles: heap %d -> %d KiB, mappings %d -> %d", n, heap0>>10, heap1>>10, maps0, maps1)
			if heap1 > heap0+512<<10 {
				t.Errorf("heap grew from %d to %d KiB between cycle 1000 and %d", heap0>>10, heap1>>10, n)
			}
			if maps1 > maps0+32 {
				t.Errorf("mappings grew from %d to %d between cycle 1000 and %d", maps0, maps1, n)
			}
		})
	}
}
