package harness

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
)

// WriteMarkdown writes the report as the RESULTS.md page; svgName is the
// chart's file name, linked from the page ("" for none).
func WriteMarkdown(w io.Writer, rep *Report, svgName string) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# Benchmark results\n\n")
	kind := "full run"
	if rep.Quick {
		kind = "**quick run** (`-quick`: smaller sizes, fewer rounds; treat as indicative)"
	}
	p("Written by `go run ./cmd/benchrun` (see README.md) on %s: a %s, %d rounds per cell, engines alternated within each round, medians.\n\n",
		rep.Date.Format("2006-01-02 15:04 MST"), kind, rep.Rounds)
	m := rep.Machine
	p("Machine: %s, %d logical CPUs (`nproc`), %s; %s. Native C built with %s -O2; native Go with `go build`, run with GOMAXPROCS=1.\n",
		m.CPU, m.NumCPU, m.OS, m.GoVersion, orDash(m.NativeCC))
	p("Engines: %s (wazero %s", strings.Join(rep.Engines, ", "), m.Wazero)
	if m.Node != "" {
		p(", node %s", m.Node)
	}
	p("). Whole run: %s wall", rep.Elapsed.Round(time.Second))
	if rep.CPUUsed > 0 {
		p(", %s CPU time of the harness and its child processes (a large gap means other load on the machine)", rep.CPUUsed.Round(time.Second))
	}
	p(".\n")
	if len(rep.Skipped) > 0 {
		var ks []string
		for k := range rep.Skipped {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		for _, k := range ks {
			p("Skipped **%s**: %s.\n", k, rep.Skipped[k])
		}
	}
	if rep.Mismatches > 0 {
		p("\n**%d cells printed a different checksum from the other engines; they are marked MISMATCH and left out of the means.**\n", rep.Mismatches)
	}
	if rep.Failures > rep.Mismatches {
		p("\n**%d cells failed (crash, trap or error, on every attempt); they are marked FAIL and left out of the means.**\n", rep.Failures-rep.Mismatches)
	}
	if rep.Failures == 0 {
		p("\nEvery engine printed the same output (checksum) for every program.\n")
	}
	if svgName != "" {
		p("\n![run time relative to native, log scale](%s)\n", svgName)
	}
	if rep.Metric == CPU {
		p("\n**Metric: CPU time** (`-metric cpu`): user+system CPU time of the engine's process over the run (getrusage of the harness / the child's rusage / `process.cpuUsage()`), because the machine was shared with other work and wall-clock figures would mostly measure the other load.")
		p(" Times cover the guest's run only: in-process engines from just before `_start` to its return (compile and instantiate excluded); Node.js measured inside its runner (start-up and compile excluded); native: the whole process (start-up included). Lower ratios are better.\n")
	} else {
		p("\n**Metric: wall-clock time** (`-metric wall`).")
		p(" Times cover the guest's run only: in-process engines from just before `_start` to its return (compile and instantiate excluded); Node.js measured inside its runner (start-up and compile excluded); native: the process's wall time (start-up included). Lower ratios are better.\n")
	}

	tier := func(title, note string, rows []*Row) {
		if len(rows) == 0 {
			return
		}
		engines := rowEngines(rows)
		p("\n## %s\n\n%s\n\n", title, note)
		p("### Ratios (×native / ×wazero-compiler)\n\n| program | size |")
		for _, e := range engines {
			p(" %s |", e)
		}
		p("\n|---|---:|%s\n", strings.Repeat("---:|", len(engines)))
		natives := map[string][]float64{}
		wazeros := map[string][]float64{}
		for _, r := range rows {
			p("| %s | %d |", r.Program.Name, r.Size)
			for _, e := range engines {
				c := r.Cell(e)
				switch {
				case c == nil || c.Run.N == 0 && c.Err == nil:
					p(" – |")
				case c.Err != nil:
					p(" FAIL |")
				case c.Mismatch:
					p(" MISMATCH |")
				default:
					rn, rw := r.Ratio(e, RefNative), r.Ratio(e, RefWazero)
					natives[e] = append(natives[e], rn)
					wazeros[e] = append(wazeros[e], rw)
					p(" %s / %s |", ratio(rn), ratio(rw))
				}
			}
			p("\n")
		}
		p("| **geometric mean** | |")
		for _, e := range engines {
			gn, _ := GeoMean(natives[e])
			gw, _ := GeoMean(wazeros[e])
			p(" **%s / %s** |", ratio(gn), ratio(gw))
		}
		p("\n\n### Run time, ms: median [min–max]\n\n| program |")
		for _, e := range engines {
			p(" %s |", e)
		}
		p("\n|---|%s\n", strings.Repeat("---:|", len(engines)))
		for _, r := range rows {
			p("| %s |", r.Program.Name)
			for _, e := range engines {
				c := r.Cell(e)
				if c == nil || c.Run.N == 0 {
					p(" – |")
					continue
				}
				p(" %s [%s–%s] |", msStr(c.Run.Median), msStr(c.Run.Min), msStr(c.Run.Max))
			}
			p("\n")
		}
		p("\n### Checksums\n\n| program | checksum (last line of output) | engines agreeing |\n|---|---|---:|\n")
		for _, r := range rows {
			sum, agree, total := "", 0, 0
			for _, c := range r.Cells {
				if c.Run.N == 0 && c.Err == nil {
					continue
				}
				total++
				if c.ok() {
					agree++
					if sum == "" {
						sum = Checksum(c.Output)
					}
				}
			}
			p("| %s | `%s` | %d of %d |\n", r.Program.Name, sum, agree, total)
		}
	}
	fullTitle, reducedTitle := "Full size", "Reduced size (interpreters)"
	if rep.Quick {
		fullTitle, reducedTitle = "Quick size", "Quick reduced size (interpreters)"
	}
	var retries []string
	for _, g := range cellGroups(rep) {
		for _, c := range g.cells {
			if c.Retries > 0 {
				msg := fmt.Sprint(c.LastErr)
				if len(msg) > 200 {
					msg = msg[:200] + "…"
				}
				retries = append(retries, fmt.Sprintf("%s on %s: %d retried run(s), last error: %s", c.Engine, g.where, c.Retries, strings.ReplaceAll(msg, "\n", " ")))
			}
		}
	}
	var warnings []string
	for _, g := range cellGroups(rep) {
		for _, c := range g.cells {
			for w, n := range c.Warnings {
				warnings = append(warnings, fmt.Sprintf("%s on %s, %d run(s): %s (result kept)", c.Engine, g.where, n, w))
			}
		}
	}
	if len(warnings) > 0 {
		slices.Sort(warnings)
		p("\nWarnings:\n\n")
		for _, s := range warnings {
			p("- %s\n", s)
		}
	}
	if len(retries) > 0 {
		p("\nRuns that failed and were repeated (%d failures in a row fail the cell):\n\n", maxAttempts)
		for _, s := range retries {
			p("- %s\n", s)
		}
	}
	fullNote := "Each program at its full size (native 0.5–3 s) on every engine that is not an interpreter."
	if rep.Quick {
		fullNote = "Each program at its quick size (native ~25–80 ms, about a tenth of the full size) on every engine that is not an interpreter."
	}
	tier(fullTitle, fullNote, rep.Fast)
	tier(reducedTitle, "The same programs at a reduced size so interpreters finish; native and wazero-compiler run the same reduced size, so these ratios also compare equal work. Short native times make the native ratios here less precise (process start-up is ~1 ms).", rep.Slow)
	if bd := rep.Boundary; bd != nil {
		writeBoundary(p, rep, bd)
	}
	writeFailures(p, rep)
	p("\n## Programs\n\n| program | what it exercises | full | reduced | quick | quick reduced |\n|---|---|---:|---:|---:|---:|\n")
	for _, pr := range Programs {
		s := pr.Sizes
		p("| %s | %s | %d | %d | %d | %d |\n", pr.Name, pr.What, s.Full, s.Reduced, s.Quick, s.QuickReduced)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeBoundary(p func(string, ...any), rep *Report, bd *Boundary) {
	p("\n## Boundary and start-up figures\n")
	mb := float64(bd.BigModuleSize) / 1e6
	p("\n### Compiling a large module\n\nA Go program linking much of the standard library, built for wasip1 by the harness (%.1f MB). Compile: a fresh runtime each time. Node.js: `WebAssembly.compile`, which in V8 returns after validation and at most its baseline tier (functions may even be compiled lazily on first call, optimised code comes later in the background), so its figure is not comparable with the ahead-of-time compilers'. Instantiate: the compiled module, `_start` not run.\n\n", mb)
	p("| engine | compile wall ms [min–max] | compile CPU ms | MB/s (%s) | instantiate ms |\n|---|---:|---:|---:|---:|\n", metricName(rep.Metric))
	for _, c := range bd.Compile {
		if c.Run.N == 0 {
			p("| %s | FAIL: %v | | | |\n", c.Engine, c.Err)
			continue
		}
		inst := "–"
		for _, ic := range bd.Instantiate {
			if ic.Engine == c.Engine && ic.Instantiate.N > 0 {
				inst = msStr(ic.Instantiate.Median)
			}
		}
		p("| %s | %s [%s–%s] | %s | %.1f | %s |\n", c.Engine, msStr(c.Wall.Median), msStr(c.Wall.Min), msStr(c.Wall.Max),
			msStr(c.CPU.Median), mb/c.Run.Median.Seconds(), inst)
	}
	p("\n### Instantiating a small module\n\n`fib.wasm` (C, %s), compiled once, instantiated each round.\n\n| engine | instantiate µs [min–max] |\n|---|---:|\n", "30 KB")
	for _, c := range bd.SmallInstantiate {
		if c.Instantiate.N == 0 {
			p("| %s | FAIL |\n", c.Engine)
			continue
		}
		p("| %s | %s [%s–%s] |\n", c.Engine, usStr(c.Instantiate.Median), usStr(c.Instantiate.Min), usStr(c.Instantiate.Max))
	}
	p("\n### Host function round trip\n\n`hostcall.wasm` calls the imported `env.host_add` %d times; figure = run time / calls (the guest's loop is a few instructions).\n\n| engine | ns per call [min–max] |\n|---|---:|\n", bd.HostCalls)
	for _, c := range bd.HostCall {
		perCall(p, c, bd.HostCalls)
	}
	if len(bd.Cancel) > 0 {
		p("\n### Tight loop with cancellation enabled\n\n`intloop` at size %d (interpreters: %d), with and without making the guest interruptible by context cancellation (wazero: `WithCloseOnContextDone(true)`).\n\n| engine | run ms [min–max] | vs. without |\n|---|---:|---:|\n", bd.CancelSize, bd.CancelReducedSize)
		for i, c := range bd.Cancel {
			if c.Run.N == 0 {
				p("| %s | FAIL | |\n", c.Engine)
				continue
			}
			rel := ""
			if strings.HasPrefix(c.Engine, "wasmrun-") {
				rel = "always interruptible"
			}
			if strings.HasSuffix(c.Engine, "+cancel") && i > 0 && bd.Cancel[i-1].Run.N > 0 {
				rel = fmt.Sprintf("%+.1f%%", 100*(float64(c.Run.Median)/float64(bd.Cancel[i-1].Run.Median)-1))
			}
			p("| %s | %s [%s–%s] | %s |\n", c.Engine, msStr(c.Run.Median), msStr(c.Run.Min), msStr(c.Run.Max), rel)
		}
	}
	p("\n### memory.grow\n\n`memgrow.wasm` grows memory by one 64 KiB page %d times (to %d MiB), touching each new page; figure = run time / grows (the growth itself plus whatever copying or zeroing the engine does).\n\n| engine | µs per grow [min–max] |\n|---|---:|\n", bd.Grows, bd.Grows/16)
	for _, c := range bd.MemGrow {
		perCall(p, c, bd.Grows*1000)
	}
}

type cellGroup struct {
	where string
	cells []*Cell
}

// cellGroups lists every measured group of cells with a description.
func cellGroups(rep *Report) []cellGroup {
	var gs []cellGroup
	for _, r := range append(slices.Clone(rep.Fast), rep.Slow...) {
		gs = append(gs, cellGroup{fmt.Sprintf("%s (size %d)", r.Program.Name, r.Size), r.Cells})
	}
	if bd := rep.Boundary; bd != nil {
		gs = append(gs, cellGroup{"large module compile", bd.Compile}, cellGroup{"large module instantiate", bd.Instantiate},
			cellGroup{"fib.wasm instantiate", bd.SmallInstantiate}, cellGroup{"host calls", bd.HostCall},
			cellGroup{"cancellation", bd.Cancel}, cellGroup{"memory.grow", bd.MemGrow})
	}
	return gs
}

func writeFailures(p func(string, ...any), rep *Report) {
	var lines []string
	add := func(where string, cells []*Cell) {
		for _, c := range cells {
			if c.Err != nil {
				msg := c.Err.Error()
				if len(msg) > 300 {
					msg = msg[:300] + "…"
				}
				lines = append(lines, fmt.Sprintf("%s, %s: %s", where, c.Engine, msg))
			} else if c.Mismatch {
				lines = append(lines, fmt.Sprintf("%s, %s: printed %q", where, c.Engine, Checksum(c.Output)))
			}
		}
	}
	for _, g := range cellGroups(rep) {
		add(g.where, g.cells)
	}
	if len(lines) == 0 {
		return
	}
	p("\n## Failures\n\n")
	for _, l := range lines {
		p("- %s\n", strings.ReplaceAll(l, "\n", " "))
	}
}

func metricName(m Metric) string {
	if m == CPU {
		return "CPU time"
	}
	return "wall time"
}

func perCall(p func(string, ...any), c *Cell, n int) {
	switch {
	case c.Err != nil || c.Run.N == 0:
		p("| %s | FAIL |\n", c.Engine)
	case c.Mismatch:
		p("| %s | MISMATCH |\n", c.Engine)
	default:
		f := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(n)) } // n may include a unit factor
		p("| %s | %s [%s–%s] |\n", c.Engine, f(c.Run.Median), f(c.Run.Min), f(c.Run.Max))
	}
}

// rowEngines lists the engines that appear in rows, in first-seen order.
func rowEngines(rows []*Row) []string {
	var es []string
	for _, r := range rows {
		for _, c := range r.Cells {
			if !slices.Contains(es, c.Engine) {
				es = append(es, c.Engine)
			}
		}
	}
	return es
}

func ratio(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	if x >= 10 {
		return fmt.Sprintf("×%.0f", x)
	}
	return fmt.Sprintf("×%.2f", x)
}

func msStr(d time.Duration) string {
	v := ms(d)
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

func usStr(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d)/1e3) }

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
