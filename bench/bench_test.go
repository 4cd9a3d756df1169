package bench_test

import (
	"context"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun/bench/harness"
)

var (
	benchSize = flag.String("bench.size", "quick", "size for BenchmarkProgram: quick or full (interpreters get the matching reduced size), or reduced, quickreduced, test for every engine")
	cacheDir  = harness.DefaultCacheDir()
)

// setup returns the corpus (with native binaries when they build) and the
// available engines.
func setup(tb testing.TB) (*harness.Corpus, []harness.Engine) {
	tb.Helper()
	corpus := &harness.Corpus{Dir: harness.DefaultCorpusDir()}
	var engines []harness.Engine
	for _, e := range harness.AllEngines(cacheDir) {
		if err := e.Available(); err != nil {
			tb.Logf("skipping engine %s: %v", e.Name(), err)
			continue
		}
		if e.Name() == harness.RefNative {
			dir, _, err := corpus.BuildNative(context.Background(), cacheDir, func(s string) { tb.Log(s) })
			if err != nil {
				tb.Logf("skipping native: %v", err)
				continue
			}
			corpus.NativeDir = dir
		}
		engines = append(engines, e)
	}
	tb.Cleanup(func() {
		for _, e := range engines {
			e.Close()
		}
	})
	return corpus, engines
}

// TestChecksumsAgree runs every program at its test size on every engine
// and requires identical output ending in a checksum line.
func TestChecksumsAgree(t *testing.T) {
	corpus, engines := setup(t)
	if len(engines) < 2 {
		t.Fatalf("need at least two engines, have %d", len(engines))
	}
	for i := range harness.Programs {
		p := &harness.Programs[i]
		t.Run(p.Name, func(t *testing.T) {
			cells := harness.Measure(context.Background(), engines, corpus.Job(p, p.Sizes.Test), 1, harness.Wall, func(s string) { t.Log(s) })
			ran := 0
			for _, c := range cells {
				if c.Err != nil {
					t.Errorf("%s: %v", c.Engine, c.Err)
					continue
				}
				if c.Run.N == 0 {
					continue
				}
				ran++
				if c.Mismatch {
					t.Errorf("%s printed %q, want %q", c.Engine, c.Output, cells[0].Output)
				}
				if len(harness.Checksum(c.Output)) < len("checksum: 0") || harness.Checksum(c.Output)[:10] != "checksum: " {
					t.Errorf("%s: output %q does not end in a checksum line", c.Engine, c.Output)
				}
			}
			if ran < 2 {
				t.Errorf("only %d engines ran %s", ran, p.Name)
			}
		})
	}
}

func size(p *harness.Program, e harness.Engine) int {
	switch *benchSize {
	case "full":
		if e.Slow() {
			return p.Sizes.Reduced
		}
		return p.Sizes.Full
	case "reduced":
		return p.Sizes.Reduced
	case "quickreduced":
		return p.Sizes.QuickReduced
	case "test":
		return p.Sizes.Test
	}
	if e.Slow() {
		return p.Sizes.QuickReduced
	}
	return p.Sizes.Quick
}

// BenchmarkProgram runs each program on each engine: one iteration is one
// instantiate + run at the size chosen by -bench.size (compile happens
// once, outside the timed loop); interpreters run the reduced sizes unless
// a size is forced. Besides ns/op it reports cpu-ns/op, the CPU time of the
// run alone. Compare two commits with benchstat:
//
//	go test -run '^$' -bench 'Program/.*/wazero' -count 6 > old.txt
func BenchmarkProgram(b *testing.B) {
	if os.Getenv("WASMRUN_BENCH_CACHE") == "" {
		b.Logf("native binaries cached in %s", cacheDir)
	}
	corpus, engines := setup(b)
	for i := range harness.Programs {
		p := &harness.Programs[i]
		b.Run(p.Name, func(b *testing.B) {
			for _, e := range engines {
				job := corpus.Job(p, size(p, e))
				if !e.Wasm() && job.Native == "" {
					continue
				}
				b.Run(e.Name(), func(b *testing.B) {
					// Warm up: compile and check the program runs.
					if _, err := e.Run(context.Background(), job); err != nil {
						b.Fatal(err)
					}
					b.ResetTimer()
					var cpu time.Duration
					for range b.N {
						res, err := e.Run(context.Background(), job)
						if err != nil {
							b.Fatal(err)
						}
						cpu += res.RunCPU
					}
					b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
				})
			}
		})
	}
}
