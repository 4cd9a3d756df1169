package harness

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Options configure a full harness run.
type Options struct {
	// Quick selects the -quick sizes and fewer rounds.
	Quick bool
	// Rounds overrides the number of rounds (default 5, quick 3).
	Rounds int
	// Engines restricts the engines by name (nil: all available).
	Engines []string
	// Programs restricts the programs by name (nil: all).
	Programs []string
	// Boundary enables the boundary and start-up figures.
	Boundary bool
	// CorpusDir and CacheDir default to DefaultCorpusDir/DefaultCacheDir.
	CorpusDir, CacheDir string
	// Metric is the run time the tables use (default Wall).
	Metric Metric
	// Log receives progress lines.
	Log func(string)
}

// Report is everything a run measured.
type Report struct {
	Date    time.Time
	Quick   bool
	Rounds  int
	Metric  Metric
	Machine Machine
	// Engines lists the engines that ran; Skipped maps the others to why.
	Engines []string
	Skipped map[string]string
	// Fast holds the programs at their full (or quick) size on the
	// non-interpreter engines; Slow the programs at their reduced size on
	// the interpreters plus native and wazero-compiler as references.
	Fast, Slow []*Row
	// Boundary holds the boundary figures (nil when not measured).
	Boundary *Boundary
	// Failures counts failed or mismatching cells; Mismatches only the
	// cells whose output differed from the other engines'.
	Failures, Mismatches int
	Elapsed              time.Duration
	// CPUUsed is the CPU time of the harness and its children over the run.
	CPUUsed time.Duration
}

// Machine describes where the run happened.
type Machine struct {
	CPU, OS, GoVersion, Node, Wazero, NativeCC string
	NumCPU                                     int
}

// Reference engines that ratios are computed against.
const (
	RefNative = "native"
	RefWazero = "wazero-compiler"
)

// Run runs the whole suite.
func Run(ctx context.Context, opts Options) (*Report, error) {
	start := time.Now()
	cpu0 := totalCPU()
	if opts.Log == nil {
		opts.Log = func(string) {}
	}
	if opts.CorpusDir == "" {
		opts.CorpusDir = DefaultCorpusDir()
	}
	if opts.CacheDir == "" {
		opts.CacheDir = DefaultCacheDir()
	}
	rounds := opts.Rounds
	if rounds <= 0 {
		rounds = 5
		if opts.Quick {
			rounds = 3
		}
	}
	if opts.Metric == "" {
		opts.Metric = Wall
	}
	if opts.Metric != Wall && opts.Metric != CPU {
		return nil, fmt.Errorf("unknown metric %q (want wall or cpu)", opts.Metric)
	}
	rep := &Report{Date: start.UTC(), Quick: opts.Quick, Rounds: rounds, Metric: opts.Metric, Skipped: map[string]string{}}
	rep.Machine = describeMachine()
	corpus := &Corpus{Dir: opts.CorpusDir}

	var engines []Engine
	for _, e := range AllEngines(opts.CacheDir) {
		if opts.Engines != nil && !slices.Contains(opts.Engines, e.Name()) {
			continue
		}
		if err := e.Available(); err != nil {
			rep.Skipped[e.Name()] = err.Error()
			opts.Log(fmt.Sprintf("skipping %s: %v", e.Name(), err))
			continue
		}
		if e.Name() == RefNative {
			dir, cc, err := corpus.BuildNative(ctx, opts.CacheDir, opts.Log)
			if err != nil {
				rep.Skipped[e.Name()] = err.Error()
				opts.Log(fmt.Sprintf("skipping native: %v", err))
				continue
			}
			corpus.NativeDir, rep.Machine.NativeCC = dir, cc
		}
		engines = append(engines, e)
		rep.Engines = append(rep.Engines, e.Name())
	}
	defer func() {
		for _, e := range engines {
			e.Close()
		}
	}()
	for _, name := range opts.Engines {
		if !slices.Contains(rep.Engines, name) && rep.Skipped[name] == "" {
			return nil, fmt.Errorf("unknown engine %q", name)
		}
	}
	var fast, slow []Engine
	for _, e := range engines {
		if e.Slow() {
			slow = append(slow, e)
		} else {
			fast = append(fast, e)
		}
	}
	if len(slow) > 0 {
		// The references run at the reduced size too, so the interpreters'
		// ratios compare the same work.
		var refs []Engine
		for _, e := range fast {
			if e.Name() == RefNative || e.Name() == RefWazero {
				refs = append(refs, e)
			}
		}
		slow = append(refs, slow...)
	}

	var progs []*Program
	for i := range Programs {
		if opts.Programs == nil || slices.Contains(opts.Programs, Programs[i].Name) {
			progs = append(progs, &Programs[i])
		}
	}
	for _, name := range opts.Programs {
		if !slices.ContainsFunc(progs, func(p *Program) bool { return p.Name == name }) {
			return nil, fmt.Errorf("unknown program %q", name)
		}
	}

	measureTier := func(tier string, es []Engine, size func(*Program) int) []*Row {
		var rows []*Row
		if len(es) == 0 {
			return nil
		}
		for _, p := range progs {
			n := size(p)
			opts.Log(fmt.Sprintf("%s %-12s size %-9d on %s", tier, p.Name, n, names(es)))
			cells := Measure(ctx, es, corpus.Job(p, n), rounds, opts.Metric, opts.Log)
			row := &Row{Program: p, Size: n, Cells: cells}
			for _, c := range cells {
				if c.Mismatch {
					rep.Mismatches++
				}
				if c.Err != nil || c.Mismatch {
					rep.Failures++
				} else if c.Run.N > 0 {
					opts.Log(fmt.Sprintf("  %-16s %9.1f ms wall %9.1f ms cpu  (%s)", c.Engine, ms(c.Wall.Median), ms(c.CPU.Median), Checksum(c.Output)))
				}
			}
			rows = append(rows, row)
		}
		return rows
	}
	rep.Fast = measureTier("full   ", fast, func(p *Program) int {
		if opts.Quick {
			return p.Sizes.Quick
		}
		return p.Sizes.Full
	})
	if hasSlow(slow) {
		rep.Slow = measureTier("reduced", slow, func(p *Program) int {
			if opts.Quick {
				return p.Sizes.QuickReduced
			}
			return p.Sizes.Reduced
		})
	}
	if opts.Boundary {
		b, err := measureBoundary(ctx, opts, corpus, engines, rounds)
		if err != nil {
			return nil, err
		}
		rep.Boundary = b
		rep.Failures += b.Failures
		rep.Mismatches += b.Mismatches
	}
	rep.Elapsed = time.Since(start)
	rep.CPUUsed = totalCPU() - cpu0
	return rep, nil
}

// totalCPU is the CPU time of this process and its waited-for children.
func totalCPU() time.Duration {
	var self, kids syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids) != nil {
		return 0
	}
	return time.Duration(self.Utime.Nano() + self.Stime.Nano() + kids.Utime.Nano() + kids.Stime.Nano())
}

func hasSlow(es []Engine) bool {
	return slices.ContainsFunc(es, func(e Engine) bool { return e.Slow() })
}

func names(es []Engine) string {
	var s []string
	for _, e := range es {
		s = append(s, e.Name())
	}
	return strings.Join(s, ",")
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func describeMachine() Machine {
	m := Machine{OS: runtime.GOOS + "/" + runtime.GOARCH, GoVersion: runtime.Version(), NumCPU: runtime.NumCPU(), Node: NodeVersion()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if m.CPU == "" {
		if out, err := exec.Command("uname", "-m").Output(); err == nil {
			m.CPU = strings.TrimSpace(string(out))
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/tetratelabs/wazero" {
				m.Wazero = d.Version
			}
		}
	}
	if m.Wazero == "" {
		m.Wazero = "v1.12.0 (from go.mod)"
	}
	return m
}
