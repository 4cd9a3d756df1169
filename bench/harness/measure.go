package harness

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"slices"
	"time"
)

// Stats summarises repeated durations.
type Stats struct {
	Median, Min, Max time.Duration
	N                int
}

// Summarize computes the median, min and max of ds.
func Summarize(ds []time.Duration) Stats {
	if len(ds) == 0 {
		return Stats{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return Stats{Median: med, Min: s[0], Max: s[len(s)-1], N: len(s)}
}

// Metric chooses which run time the tables use.
type Metric string

const (
	// Wall is elapsed time (time.Now around the run).
	Wall Metric = "wall"
	// CPU is the user+system CPU time of the engine's process over the
	// run: far less sensitive to other load on the machine.
	CPU Metric = "cpu"
)

// Cell is one program × engine measurement.
type Cell struct {
	Engine string
	// Run summarises the rounds' run times in the chosen metric; Wall and
	// CPU both metrics. Instantiate summarises instantiation (wall).
	// Compile is the first run's compile time (in-process engines compile
	// once per run of the harness).
	Run, Wall, CPU, Instantiate Stats
	Compile                     time.Duration
	// Output is the program's stdout (from the first round).
	Output []byte
	// Err is set when the engine failed; Mismatch when its output differs
	// from the reference engine's.
	Err      error
	Mismatch bool
	// Retries counts failed runs that were repeated (Node.js 20 crashes
	// intermittently after memory.grow); maxAttempts failures in a row
	// fail the cell.
	Retries int
	// LastErr is the error of the last retried run.
	LastErr error
	// Warnings counts the distinct warnings of successful runs.
	Warnings map[string]int
}

// Row is one program measured on several engines at one size.
type Row struct {
	Program *Program
	Size    int
	Cells   []*Cell
}

// Cell returns the row's cell for an engine, or nil.
func (r *Row) Cell(engine string) *Cell {
	for _, c := range r.Cells {
		if c.Engine == engine {
			return c
		}
	}
	return nil
}

// Ratio returns engine's median run time over ref's, or NaN.
func (r *Row) Ratio(engine, ref string) float64 {
	a, b := r.Cell(engine), r.Cell(ref)
	if a == nil || b == nil || !a.ok() || !b.ok() || b.Run.Median <= 0 {
		return math.NaN()
	}
	return float64(a.Run.Median) / float64(b.Run.Median)
}

func (c *Cell) ok() bool { return c.Err == nil && !c.Mismatch && c.Run.N > 0 }

// maxAttempts is how often one run is tried before its cell fails.
const maxAttempts = 3

// Measure runs job on each engine rounds times, alternating engines within
// every round (A B C A B C ...) so that drift of the machine affects all of
// them alike. Outputs are compared with the first engine that succeeds.
func Measure(ctx context.Context, engines []Engine, job Job, rounds int, metric Metric, progress func(string)) []*Cell {
	cells := make([]*Cell, len(engines))
	runs := make([][]time.Duration, len(engines))
	cpus := make([][]time.Duration, len(engines))
	insts := make([][]time.Duration, len(engines))
	for i, e := range engines {
		cells[i] = &Cell{Engine: e.Name()}
	}
	for r := 0; r < rounds; r++ {
		for i, e := range engines {
			c := cells[i]
			if c.Err != nil {
				continue
			}
			if !e.Wasm() && job.Native == "" {
				continue
			}
			res, err := e.Run(ctx, job)
			for try := 1; err != nil && try < maxAttempts && ctx.Err() == nil; try++ {
				progress(fmt.Sprintf("  %-16s failed, retrying: %v", e.Name(), err))
				c.Retries++
				c.LastErr = err
				res, err = e.Run(ctx, job)
			}
			if err != nil {
				c.Err = err
				progress(fmt.Sprintf("  %-16s FAILED: %v", e.Name(), err))
				continue
			}
			if r == 0 {
				c.Output = res.Stdout
				c.Compile = res.Compile
			} else if !bytes.Equal(res.Stdout, c.Output) {
				c.Err = fmt.Errorf("output changed between rounds")
				continue
			}
			if res.Warning != "" {
				if c.Warnings == nil {
					c.Warnings = map[string]int{}
				}
				c.Warnings[res.Warning]++
			}
			runs[i] = append(runs[i], res.Run)
			cpus[i] = append(cpus[i], res.RunCPU)
			insts[i] = append(insts[i], res.Instantiate)
		}
	}
	var ref []byte
	for i, c := range cells {
		c.Wall, c.CPU = Summarize(runs[i]), Summarize(cpus[i])
		c.Run = c.Wall
		if metric == CPU {
			c.Run = c.CPU
		}
		c.Instantiate = Summarize(insts[i])
		if c.Err != nil || c.Run.N == 0 {
			continue
		}
		if ref == nil {
			ref = c.Output
		} else if !bytes.Equal(ref, c.Output) {
			c.Mismatch = true
			progress(fmt.Sprintf("  %-16s CHECKSUM MISMATCH: %q vs %q", c.Engine, lastLine(c.Output), lastLine(ref)))
		}
	}
	return cells
}

// Checksum returns the "checksum: ..." line of an output.
func Checksum(out []byte) string { return lastLine(out) }

func lastLine(b []byte) string {
	b = bytes.TrimRight(b, "\n")
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		b = b[i+1:]
	}
	return string(b)
}

// GeoMean returns the geometric mean of the finite positive values, and
// how many there were.
func GeoMean(xs []float64) (float64, int) {
	sum, n := 0.0, 0
	for _, x := range xs {
		if x > 0 && !math.IsInf(x, 0) && !math.IsNaN(x) {
			sum += math.Log(x)
			n++
		}
	}
	if n == 0 {
		return math.NaN(), 0
	}
	return math.Exp(sum / float64(n)), n
}
