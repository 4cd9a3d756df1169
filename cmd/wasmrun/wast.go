package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/wasmrun/wasmrun/spectest"
	"github.com/wasmrun/wasmrun/wasm"
)

// defaultWastEngine is the engine "wasmrun wast" uses without --engine:
// the JIT where it is registered, else the interpreter.
func defaultWastEngine() string {
	for _, name := range []string{"jit", "interp"} {
		if _, ok := spectest.LookupEngine(name); ok {
			return name
		}
	}
	return spectest.NoEngine
}

// in20Suite reports whether the script at path is one of the spec suite's
// WebAssembly 2.0 scripts: some path element is "core" and none after it
// is "proposals". Those scripts assert 2.0 rules (a second memory is
// invalid, for one) that 3.0 drops.
func in20Suite(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	core := false
	for _, el := range strings.Split(filepath.ToSlash(abs), "/") {
		switch el {
		case "core":
			core = true
		case "proposals":
			core = false
		}
	}
	return core
}

// wastCmd implements "wasmrun wast [--engine NAME] [--features SET] [--timeout D] [-v] FILE...".
func wastCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wast", flag.ContinueOnError)
	fs.SetOutput(stderr)
	engine := fs.String("engine", defaultWastEngine(), "engine that runs the modules: `NAME` (none = validation only)")
	timeout := fs.Duration("timeout", 30*time.Second, "limit for each instantiation and invocation (0: none)")
	features := fs.String("features", "auto", "`SET` of features the scripts may use: 2.0, 3.0 or auto (2.0 for a script in a folder named core, the spec suite's 2.0 scripts, else 3.0)")
	verbose := fs.Bool("v", false, "also list skipped commands and unmatched assert_invalid/assert_malformed messages")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wasmrun wast [--engine NAME] [--features SET] [--timeout D] [-v] FILE...")
		fmt.Fprintln(stderr, "Runs .wast scripts; prints each failing command, then \"N passed, M failed, K skipped\".")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "engines: %v\n", spectest.EngineNames())
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *features != "2.0" && *features != "3.0" && *features != "auto" {
		fmt.Fprintf(stderr, "wasmrun wast: unknown feature set %q (2.0, 3.0 or auto)\n", *features)
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	factory, ok := spectest.LookupEngine(*engine)
	if !ok {
		fmt.Fprintf(stderr, "wasmrun wast: unknown engine %q (available: %v)\n", *engine, spectest.EngineNames())
		return 2
	}
	var total spectest.Stats
	for _, name := range fs.Args() {
		opts := spectest.Options{Timeout: *timeout}
		if factory != nil {
			opts.Engine = factory()
		}
		switch *features {
		case "3.0":
			opts.Features = wasm.Features3
		case "auto":
			if !in20Suite(name) {
				opts.Features = wasm.Features3
			}
		}
		results, stats, err := spectest.RunFile(name, opts)
		if err != nil {
			fmt.Fprintln(stdout, err)
			stats.Failed++
		}
		for _, r := range results {
			switch {
			case r.Outcome == spectest.Failed:
				fmt.Fprintln(stdout, r)
			case !*verbose:
			case r.Outcome == spectest.Skipped:
				fmt.Fprintf(stdout, "%s: skipped: %s\n", r.Location(), r.Command)
			case r.Mismatch != "":
				fmt.Fprintf(stdout, "%s: %s: message not matched: expected %s, got %q\n", r.Location(), r.Command, r.Expected, r.Mismatch)
			}
		}
		if opts.Engine != nil {
			if err := opts.Engine.Close(); err != nil {
				fmt.Fprintf(stdout, "%s: closing the engine: %v\n", name, err)
				stats.Failed++
			}
		}
		total.Add(stats)
	}
	if *verbose {
		fmt.Fprintf(stdout, "text (quote) malformed messages matched: %d/%d\n", total.QuoteMatched, total.QuoteTotal)
	}
	fmt.Fprintf(stdout, "malformed messages matched: %d/%d, invalid messages matched: %d/%d\n",
		total.MalformedMatched, total.MalformedTotal, total.InvalidMatched, total.InvalidTotal)
	fmt.Fprintf(stdout, "%d passed, %d failed, %d skipped\n", total.Passed, total.Failed, total.Skipped)
	if total.Failed > 0 {
		return 1
	}
	return 0
}
