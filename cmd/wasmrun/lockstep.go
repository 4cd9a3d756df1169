package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/internal/lockstep"
)

// lockstepCmd implements "wasmrun lockstep".
func lockstepCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wasmrun lockstep", flag.ContinueOnError)
	fs.SetOutput(stderr)
	engines := fs.String("engines", "interp,jit", "the two engines to compare")
	stores := fs.Bool("stores", false, "also compare every store to memory")
	stdinFile := fs.String("stdin", "", "a file both runs read as standard input")
	fuel := fs.Int64("fuel", 0, "limit each run to N loop iterations and calls")
	var dirs, envs stringList
	fs.Var(&dirs, "dir", "preopen HOST[::GUEST] (each engine works on its own copy)")
	fs.Var(&envs, "env", "set KEY=VALUE")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: wasmrun lockstep [--engines A,B] [--stores] [--dir HOST[::GUEST]] [--env K=V] [--stdin FILE] FILE [ARGS...]")
		return 2
	}
	cfg := lockstep.Config{Args: fs.Args()[1:], Env: envs, Stores: *stores, Fuel: *fuel}
	a, b, ok := strings.Cut(*engines, ",")
	if !ok {
		fmt.Fprintf(stderr, "wasmrun lockstep: --engines %q: want two engines, e.g. interp,jit\n", *engines)
		return 2
	}
	cfg.Engines = [2]wasmrun.EngineKind{wasmrun.EngineKind(a), wasmrun.EngineKind(b)}
	for _, d := range dirs {
		p, err := parseDir(d)
		if err != nil {
			fmt.Fprintf(stderr, "wasmrun lockstep: %v\n", err)
			return 2
		}
		cfg.Dirs = append(cfg.Dirs, lockstep.Dir{Host: p.HostDir, Guest: p.GuestPath})
	}
	for _, kv := range envs {
		if !strings.Contains(kv, "=") {
			fmt.Fprintf(stderr, "wasmrun lockstep: --env %q: want KEY=VALUE\n", kv)
			return 2
		}
	}
	if *stdinFile != "" {
		data, err := os.ReadFile(*stdinFile)
		if err != nil {
			fmt.Fprintf(stderr, "wasmrun lockstep: %v\n", err)
			return 2
		}
		cfg.Stdin = data
	}
	src, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "wasmrun lockstep: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := lockstep.Run(ctx, src, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "wasmrun lockstep: %s: %v\n", fs.Arg(0), err)
		return 1
	}
	for _, o := range res.Outcomes {
		end := o.End
		if end == "" {
			end = fmt.Sprintf("exit status %d", o.Exit)
		}
		fmt.Fprintf(stdout, "%s: %s, %d events, %d bytes of stdout, %d of stderr\n", o.Engine, end, o.Events, len(o.Stdout), len(o.Stderr))
	}
	if res.Diff != nil {
		fmt.Fprintf(stdout, "DIFFERENT (%s first, %s second): %s", res.Outcomes[0].Engine, res.Outcomes[1].Engine, res.Diff)
		return 1
	}
	fmt.Fprintln(stdout, "same: every call, result, output and directory agrees")
	return 0
}
