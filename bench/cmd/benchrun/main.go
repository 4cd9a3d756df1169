// Command benchrun runs the wasmrun benchmark suite: every corpus program on
// every available engine (checking that their outputs agree), the boundary
// figures, and writes RESULTS.md and results.svg.
//
//	cd bench && go run ./cmd/benchrun            # full run (~30 min)
//	cd bench && go run ./cmd/benchrun -quick     # under two minutes
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/wasmrun/wasmrun/bench/harness"
)

func main() {
	quick := flag.Bool("quick", false, "smaller sizes and 3 rounds: finishes in under two minutes")
	rounds := flag.Int("rounds", 0, "rounds per cell (default 5, quick 3)")
	engines := flag.String("engines", "", "comma-separated engines (default: all available: "+engineNames()+")")
	programs := flag.String("programs", "", "comma-separated programs (default: all)")
	metric := flag.String("metric", "wall", "run time the tables use: wall (elapsed) or cpu (user+system CPU time of the engine's process; use on a busy machine)")
	boundary := flag.Bool("boundary", true, "also measure the boundary and start-up figures")
	strict := flag.Bool("strict", false, "exit 1 when any engine fails (default: only when checksums disagree)")
	out := flag.String("out", "", "Markdown report path (default: bench/RESULTS.md; \"-\" for stdout only)")
	svg := flag.String("svg", "", "SVG chart path (default: results.svg beside the report)")
	cache := flag.String("cache", harness.DefaultCacheDir(), "cache for native binaries and the large module")
	corpus := flag.String("corpus", harness.DefaultCorpusDir(), "corpus directory")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts := harness.Options{
		Quick: *quick, Rounds: *rounds, Boundary: *boundary, Metric: harness.Metric(*metric),
		Engines: split(*engines), Programs: split(*programs),
		CorpusDir: *corpus, CacheDir: *cache,
		Log: func(s string) { fmt.Fprintf(os.Stderr, "%s %s\n", time.Now().Format("15:04:05"), s) },
	}
	rep, err := harness.Run(ctx, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
	if *out == "" {
		*out = filepath.Join(*corpus, "..", "RESULTS.md")
	}
	if *out == "-" {
		err = harness.WriteMarkdown(os.Stdout, rep, "")
	} else {
		if *svg == "" {
			*svg = filepath.Join(filepath.Dir(*out), "results.svg")
		}
		err = write(*svg, func(f *os.File) error { return harness.WriteSVG(f, rep) })
		if err == nil {
			rel, _ := filepath.Rel(filepath.Dir(*out), *svg)
			err = write(*out, func(f *os.File) error { return harness.WriteMarkdown(f, rep, filepath.ToSlash(rel)) })
		}
		fmt.Fprintf(os.Stderr, "wrote %s and %s (%s)\n", *out, *svg, rep.Elapsed.Round(time.Second))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
	if rep.Mismatches > 0 {
		fmt.Fprintf(os.Stderr, "benchrun: %d cells disagreed on the checksum\n", rep.Mismatches)
		os.Exit(1)
	}
	if rep.Failures > 0 {
		fmt.Fprintf(os.Stderr, "benchrun: %d cells failed (see the report)\n", rep.Failures)
		if *strict {
			os.Exit(1)
		}
	}
}

func write(path string, fn func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func engineNames() string {
	var ns []string
	for _, e := range harness.AllEngines(os.TempDir()) {
		ns = append(ns, e.Name())
	}
	return strings.Join(ns, ",")
}
