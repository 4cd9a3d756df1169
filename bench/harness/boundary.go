package harness

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Boundary holds the boundary and start-up figures.
type Boundary struct {
	// BigModule is the large Go module's path and size in bytes.
	BigModule     string
	BigModuleSize int64
	// Compile is the large module's compile time per engine (fresh runtime
	// each time); Instantiate its instantiation time (compiled once).
	Compile, Instantiate []*Cell
	// SmallInstantiate is fib.wasm's instantiation time.
	SmallInstantiate []*Cell
	// HostCalls is the number of env.host_add calls; HostCall the cells.
	HostCalls int
	HostCall  []*Cell
	// Cancel compares the intloop program without and with cancellation
	// enabled (engine names get a "+cancel" suffix); CancelSize is the size
	// for fast engines, CancelReducedSize for interpreters.
	Cancel                        []*Cell
	CancelSize, CancelReducedSize int
	// Grows is the number of one-page memory.grow calls; MemGrow the cells.
	Grows   int
	MemGrow []*Cell
	// Failures counts failed or mismatching cells, Mismatches the latter.
	Failures, Mismatches int
}

// cancellable runs an engine's jobs with cancellation enabled.
type cancellable struct{ Engine }

func (c cancellable) Name() string { return c.Engine.Name() + "+cancel" }
func (c cancellable) Run(ctx context.Context, job Job) (Result, error) {
	job.Cancellable = true
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return c.Engine.Run(ctx, job)
}

// alwaysCancellable reports engines that check their context at every
// loop header and call whatever the configuration (wasmrun's).
func alwaysCancellable(e Engine) bool { return strings.HasPrefix(e.Name(), "wasmrun-") }

// phase runs an engine's jobs only up to a phase.
type phase struct {
	Engine
	p Phase
}

func (p phase) Run(ctx context.Context, job Job) (Result, error) {
	job.Phase = p.p
	return p.Engine.Run(ctx, job)
}

func measureBoundary(ctx context.Context, opts Options, corpus *Corpus, engines []Engine, rounds int) (*Boundary, error) {
	b := &Boundary{}
	var wasmEngines, fastWasm, slowWasm []Engine
	for _, e := range engines {
		if !e.Wasm() {
			continue
		}
		wasmEngines = append(wasmEngines, e)
		if e.Slow() {
			slowWasm = append(slowWasm, e)
		} else {
			fastWasm = append(fastWasm, e)
		}
	}
	if len(wasmEngines) == 0 {
		return b, nil
	}
	count := func(cells []*Cell) []*Cell {
		for _, c := range cells {
			if c.Err == nil && c.Run.N > 0 {
				opts.Log(fmt.Sprintf("  %-22s run %9.2f ms wall %9.2f ms cpu, instantiate %8.3f ms", c.Engine, ms(c.Wall.Median), ms(c.CPU.Median), ms(c.Instantiate.Median)))
			}
			if c.Err != nil || c.Mismatch {
				b.Failures++
			}
			if c.Mismatch {
				b.Mismatches++
			}
		}
		return cells
	}
	wrap := func(es []Engine, p Phase) []Engine {
		var out []Engine
		for _, e := range es {
			out = append(out, phase{e, p})
		}
		return out
	}

	// Large module: compile (fresh each time) and instantiate.
	big, err := BuildBigModule(ctx, opts.CacheDir, opts.Log)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(big)
	if err != nil {
		return nil, err
	}
	b.BigModule, b.BigModuleSize = big, st.Size()
	bigJob := Job{Name: "bigmodule", Wasm: big}
	compileRounds := 3
	if opts.Quick {
		compileRounds = 1
	}
	opts.Log(fmt.Sprintf("boundary: compile the %.1f MB module", float64(b.BigModuleSize)/1e6))
	b.Compile = count(measureCompile(ctx, wasmEngines, bigJob, compileRounds, opts.Metric, opts.Log))
	opts.Log("boundary: instantiate the large module and fib.wasm")
	b.Instantiate = count(Measure(ctx, wrap(wasmEngines, PhaseInstantiate), bigJob, rounds, opts.Metric, opts.Log))
	fib := &Programs[0]
	b.SmallInstantiate = count(Measure(ctx, wrap(wasmEngines, PhaseInstantiate), corpus.Job(fib, 1), rounds, opts.Metric, opts.Log))

	// Host function round trip.
	b.HostCalls = 5_000_000
	if opts.Quick {
		b.HostCalls = 1_000_000
	}
	opts.Log(fmt.Sprintf("boundary: %d host calls", b.HostCalls))
	hostJob := Job{Name: "hostcall", Wasm: corpus.WasmPath("hostcall"), Args: []string{strconv.Itoa(b.HostCalls)}}
	b.HostCall = count(Measure(ctx, wasmEngines, hostJob, rounds, opts.Metric, opts.Log))

	// Tight loop with and without cancellation, for engines that have it.
	loop := &Programs[1]
	b.CancelSize, b.CancelReducedSize = loop.Sizes.Full, loop.Sizes.Reduced
	if opts.Quick {
		b.CancelSize, b.CancelReducedSize = loop.Sizes.Quick, loop.Sizes.QuickReduced
	}
	cancelPair := func(es []Engine, size int) {
		var pair []Engine
		for _, e := range es {
			if e.Name() == "node" {
				continue // V8 has no such mode; a WASI guest is stopped by killing the process
			}
			if alwaysCancellable(e) {
				pair = append(pair, e) // nothing to switch on
				continue
			}
			pair = append(pair, e, cancellable{e})
		}
		if len(pair) == 0 {
			return
		}
		opts.Log(fmt.Sprintf("boundary: intloop %d with and without cancellation", size))
		b.Cancel = append(b.Cancel, count(Measure(ctx, pair, corpus.Job(loop, size), rounds, opts.Metric, opts.Log))...)
	}
	cancelPair(fastWasm, b.CancelSize)
	cancelPair(slowWasm, b.CancelReducedSize)

	// memory.grow, one page at a time.
	b.Grows = 8000
	if opts.Quick {
		b.Grows = 2000
	}
	opts.Log(fmt.Sprintf("boundary: %d memory.grow calls", b.Grows))
	growJob := Job{Name: "memgrow", Wasm: corpus.WasmPath("memgrow"), Args: []string{strconv.Itoa(b.Grows)}}
	b.MemGrow = count(Measure(ctx, wasmEngines, growJob, rounds, opts.Metric, opts.Log))
	return b, nil
}

// measureCompile compiles job's module afresh on each engine, alternating,
// rounds times; the cells' Run stats hold the compile times.
func measureCompile(ctx context.Context, engines []Engine, job Job, rounds int, metric Metric, log func(string)) []*Cell {
	job.Phase = PhaseCompile
	cells := make([]*Cell, len(engines))
	times := make([][]time.Duration, len(engines))
	cpus := make([][]time.Duration, len(engines))
	for i, e := range engines {
		cells[i] = &Cell{Engine: e.Name()}
	}
	for r := 0; r < rounds; r++ {
		for i, e := range engines {
			if cells[i].Err != nil {
				continue
			}
			res, err := e.Run(ctx, job)
			if err != nil {
				cells[i].Err = err
				log(fmt.Sprintf("  %-16s FAILED: %v", e.Name(), err))
				continue
			}
			times[i] = append(times[i], res.Compile)
			cpus[i] = append(cpus[i], res.CompileCPU)
		}
	}
	for i, c := range cells {
		c.Wall, c.CPU = Summarize(times[i]), Summarize(cpus[i])
		c.Run = c.Wall
		if metric == CPU {
			c.Run = c.CPU
		}
		if c.Run.N > 0 {
			log(fmt.Sprintf("  %-16s %9.1f ms wall %9.1f ms cpu", c.Engine, ms(c.Wall.Median), ms(c.CPU.Median)))
		}
	}
	return cells
}
