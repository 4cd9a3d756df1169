package realworld

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun"
)

var realworldFlag = flag.Bool("realworld", false, "run the whole real-world corpus, not only the fast subset")

// mount makes a host directory visible to the guest. Host "" is the run's
// work directory, fresh for each engine and filled with the program's
// inputs; its contents after the run are compared between engines. Host
// scratchDir is a fresh empty directory whose contents are not compared
// (a /tmp).
type mount struct {
	guest, host string
	readOnly    bool
}

// scratchDir, as a mount's host, names the run's scratch directory.
const scratchDir = "<scratch>"

// step is one run of a WebAssembly program.
type step struct {
	// wasm is the module's host path; a relative path names a file in the
	// work directory (one that an earlier step built).
	wasm string
	args []string // after argv[0], which is the module's path
	env  []string
	// ruby, when set, runs this Ruby script on the CRuby reactor instead
	// of calling _start (see runRubyReactor).
	ruby   string
	mounts []mount
}

// program is one entry of the corpus.
type program struct {
	name, lang, task string
	// fast programs run by default; the others only with -realworld or
	// WASMRUN_REALWORLD=1.
	fast bool
	// node also runs the program on node's WASI (when /usr/bin/node or a
	// node on PATH exists) and compares its outputs too.
	node bool
	// knownDiff names a reported engine bug the program still hits: a
	// difference is then logged, not failed (WASMRUN_REALWORLD_STRICT=1
	// fails it anyway).
	knownDiff string
	timeout   time.Duration
	// setup fetches what the program needs and returns its steps, the
	// inputs to copy into the work directory, and the module whose size
	// the report gives.
	setup func(e *env) (steps []step, inputs map[string][]byte, mainWasm string, err error)
}

// env is what setup functions work with.
type env struct {
	t     *testing.T
	cache string
	tmp   string // shared by the programs of one test run
}

// result is what one engine's run of a program produced.
type result struct {
	stdout, stderr [][]byte // per step
	exit           []int
	files          map[string][]byte // the work directory afterwards
	elapsed        time.Duration
	failure        string // a harness error (the program could not be run)
}

// TestRealWorld runs the corpus (by default its fast subset) on the
// interpreter and the JIT, and on node where the program says so, and
// compares every program's stdout, stderr, exit statuses and output files
// byte for byte.
func TestRealWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("real-world corpus: skipped with -short")
	}
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("real-world corpus: needs the amd64 JIT")
	}
	full := *realworldFlag || os.Getenv("WASMRUN_REALWORLD") == "1"
	strict := os.Getenv("WASMRUN_REALWORLD_STRICT") == "1"
	only := map[string]bool{}
	for _, n := range strings.Split(os.Getenv("WASMRUN_REALWORLD_ONLY"), ",") {
		if n = strings.TrimSpace(n); n != "" {
			only[n] = true
		}
	}
	cache, err := cacheDir()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, cache: cache, tmp: t.TempDir()}
	wasmrunBin := filepath.Join(e.tmp, "wasmrun")
	if out, err := exec.Command("go", "build", "-o", wasmrunBin, "github.com/wasmrun/wasmrun/cmd/wasmrun").CombinedOutput(); err != nil {
		t.Fatalf("building wasmrun: %v\n%s", err, out)
	}
	node := nodePath()

	var report []string
	for _, p := range corpus() {
		if len(only) > 0 && !only[p.name] || len(only) == 0 && !full && !p.fast {
			continue
		}
		t.Run(p.name, func(t *testing.T) {
			e.t = t
			steps, inputs, mainWasm, err := p.setup(e)
			var fe *fetchError
			if errors.As(err, &fe) {
				if os.Getenv("CI") == "true" {
					t.Fatalf("cannot fetch %s's packages (CI=true, so this fails): %v", p.name, err)
				}
				report = append(report, fmt.Sprintf("%-14s %-5s SKIPPED: cannot fetch its packages", p.name, p.lang))
				t.Skipf("SKIP (loudly): cannot fetch %s's packages: %v", p.name, err)
			}
			if err != nil {
				t.Fatalf("setup: %v", err)
			}
			size := int64(0)
			if st, err := os.Stat(mainWasm); err == nil {
				size = st.Size()
			}
			engines := []string{"interp", "jit"}
			if p.node && node != "" {
				engines = append(engines, "node")
			}
			results := map[string]*result{}
			for _, eng := range engines {
				results[eng] = runProgram(t, p, eng, steps, inputs, wasmrunBin, node)
			}
			line := fmt.Sprintf("%-14s %-5s %8.1f MB", p.name, p.lang, float64(size)/1e6)
			for _, eng := range engines {
				line += fmt.Sprintf("  %s %7.2fs", eng, results[eng].elapsed.Seconds())
			}
			verdict := "PASS"
			ref := results["jit"]
			for _, eng := range engines {
				if r := results[eng]; r.failure != "" {
					t.Errorf("%s on %s: %s", p.name, eng, r.failure)
					verdict = "FAIL"
				}
			}
			for _, eng := range engines {
				if eng == "jit" || verdict == "FAIL" {
					continue
				}
				if d := diffResults(ref, results[eng]); d != "" {
					verdict = "DIFF"
					msg := fmt.Sprintf("%s: %s differs from jit:\n%s", p.name, eng, d)
					if p.knownDiff != "" && !strict {
						t.Logf("%s\n(known: %s)", msg, p.knownDiff)
					} else {
						t.Error(msg)
					}
				}
			}
			if verdict == "PASS" && p.knownDiff != "" {
				t.Logf("%s passes now: its knownDiff (%s) can go", p.name, p.knownDiff)
			}
			if verdict == "PASS" {
				for i := range steps {
					if ref.exit[i] != 0 {
						t.Errorf("%s: step %d exited with %d on every engine\nstderr: %s", p.name, i+1, ref.exit[i], clip(ref.stderr[i], 2000))
						verdict = "FAIL"
					}
				}
			}
			line += "  " + verdict
			if p.knownDiff != "" && verdict == "DIFF" {
				line += " (known)"
			}
			t.Log(line)
			if testing.Verbose() && len(ref.stdout) > 0 {
				t.Logf("%s: stdout of the last step on jit:\n%s", p.name, clip(ref.stdout[len(ref.stdout)-1], 600))
			}
			report = append(report, line)
		})
	}
	summary := fmt.Sprintf("real-world corpus (%s):\n%s\n", map[bool]string{true: "full", false: "fast subset"}[full || len(only) > 0], strings.Join(report, "\n"))
	t.Log(summary)
	if f := os.Getenv("WASMRUN_REALWORLD_REPORT"); f != "" {
		if err := os.WriteFile(f, []byte(summary), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// nodePath returns the node binary, or "" when there is none.
func nodePath() string {
	if os.Getenv("WASMRUN_REALWORLD_NODE") == "0" {
		return ""
	}
	if p, err := exec.LookPath("node"); err == nil {
		return p
	}
	return ""
}

// runProgram runs every step of p on one engine in a fresh work directory.
func runProgram(t *testing.T, p program, engine string, steps []step, inputs map[string][]byte, wasmrunBin, node string) *result {
	r := &result{}
	work, err := os.MkdirTemp(filepath.Dir(wasmrunBin), p.name+"-"+engine+"-")
	if err != nil {
		r.failure = err.Error()
		return r
	}
	defer os.RemoveAll(work)
	scratch := work + ".scratch"
	if err := os.Mkdir(scratch, 0o755); err != nil {
		r.failure = err.Error()
		return r
	}
	defer os.RemoveAll(scratch)
	hostDir := func(m mount, work string) string {
		if m.host == scratchDir {
			return scratch
		}
		return hostDir(m, work)
	}
	for name, data := range inputs {
		path := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			r.failure = err.Error()
			return r
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			r.failure = err.Error()
			return r
		}
	}
	timeout := p.timeout
	if timeout == 0 {
		timeout = 10 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	start := time.Now()
	for i, s := range steps {
		wasmPath := s.wasm
		if !filepath.IsAbs(wasmPath) {
			wasmPath = filepath.Join(work, wasmPath)
		}
		var stdout, stderr []byte
		var exit int
		var err error
		switch {
		case s.ruby != "":
			if engine == "node" {
				stdout, stderr, exit, err = runNodeRuby(ctx, node, wasmPath, s, scratch, hostDir, work)
				break
			}
			var pre []wasmrun.Preopen
			for _, m := range s.mounts {
				pre = append(pre, wasmrun.Preopen{HostDir: hostDir(m, work), GuestPath: m.guest, ReadOnly: m.readOnly})
			}
			stdout, stderr, exit, err = runRubyReactor(ctx, engine, wasmPath, s.ruby, pre)
		default:
			var cmd *exec.Cmd
			if engine == "node" {
				args := []string{"--no-warnings", filepath.Join(testdataDir(), "node_wasi.mjs"), wasmPath}
				for _, m := range s.mounts {
					args = append(args, "--dir", hostDir(m, work)+"::"+m.guest)
				}
				for _, kv := range s.env {
					args = append(args, "--env", kv)
				}
				args = append(args, "--")
				args = append(args, s.args...)
				cmd = exec.CommandContext(ctx, node, args...)
			} else {
				args := []string{"--engine", engine}
				for _, m := range s.mounts {
					d := hostDir(m, work) + "::" + m.guest
					if m.readOnly {
						d += ":ro"
					}
					args = append(args, "--dir", d)
				}
				for _, kv := range s.env {
					args = append(args, "--env", kv)
				}
				args = append(args, wasmPath)
				args = append(args, s.args...)
				cmd = exec.CommandContext(ctx, wasmrunBin, args...)
			}
			var ob, eb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &ob, &eb
			err = cmd.Run()
			var ee *exec.ExitError
			if errors.As(err, &ee) && ctx.Err() == nil {
				exit, err = ee.ExitCode(), nil
			}
			stdout, stderr = ob.Bytes(), eb.Bytes()
		}
		if err != nil {
			if ctx.Err() != nil {
				err = fmt.Errorf("timed out after %v: %v", timeout, err)
			}
			r.failure = fmt.Sprintf("step %d: %v\nstderr: %s", i+1, err, clip(stderr, 2000))
			return r
		}
		r.stdout = append(r.stdout, stdout)
		r.stderr = append(r.stderr, stderr)
		r.exit = append(r.exit, exit)
	}
	r.elapsed = time.Since(start)
	r.files = map[string][]byte{}
	err = filepath.WalkDir(work, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(work, path)
		b, err := os.ReadFile(path)
		r.files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		r.failure = err.Error()
	}
	return r
}

// runNodeRuby runs a Ruby step on node with testdata/node_ruby.mjs, the
// JavaScript twin of runRubyReactor.
func runNodeRuby(ctx context.Context, node, wasmPath string, s step, scratch string, hostDir func(mount, string) string, work string) (stdout, stderr []byte, exit int, err error) {
	script := filepath.Join(scratch, "script.rb")
	if err := os.WriteFile(script, []byte(s.ruby), 0o644); err != nil {
		return nil, nil, 0, err
	}
	args := []string{"--no-warnings", filepath.Join(testdataDir(), "node_ruby.mjs"), wasmPath, script}
	for _, m := range s.mounts {
		args = append(args, "--dir", hostDir(m, work)+"::"+m.guest)
	}
	cmd := exec.CommandContext(ctx, node, args...)
	var ob, eb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &ob, &eb
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ctx.Err() == nil {
		exit, err = ee.ExitCode(), nil
	}
	return ob.Bytes(), eb.Bytes(), exit, err
}

func hostDir(m mount, work string) string {
	if m.host == "" {
		return work
	}
	return m.host
}

// testdataDir is this package's testdata directory.
func testdataDir() string {
	d, _ := filepath.Abs("testdata")
	return d
}

// diffResults describes how b differs from a, or returns "".
func diffResults(a, b *result) string {
	var out []string
	for i := range a.stdout {
		if i >= len(b.stdout) {
			break
		}
		if d := firstDiff(a.stdout[i], b.stdout[i]); d != "" {
			out = append(out, fmt.Sprintf("step %d stdout: %s", i+1, d))
		}
		if d := firstDiff(a.stderr[i], b.stderr[i]); d != "" {
			out = append(out, fmt.Sprintf("step %d stderr: %s", i+1, d))
		}
		if a.exit[i] != b.exit[i] {
			out = append(out, fmt.Sprintf("step %d exit status: %d vs %d", i+1, a.exit[i], b.exit[i]))
		}
	}
	var names []string
	for n := range a.files {
		names = append(names, n)
	}
	for n := range b.files {
		if _, ok := a.files[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fa, oka := a.files[n]
		fb, okb := b.files[n]
		switch {
		case !oka:
			out = append(out, fmt.Sprintf("file %s: only in the second", n))
		case !okb:
			out = append(out, fmt.Sprintf("file %s: only in the first", n))
		default:
			if d := firstDiff(fa, fb); d != "" {
				out = append(out, fmt.Sprintf("file %s: %s", n, d))
			}
		}
	}
	return strings.Join(out, "\n")
}

// firstDiff shows where two byte strings first differ, or returns "".
func firstDiff(a, b []byte) string {
	if bytes.Equal(a, b) {
		return ""
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-40)
	ctx := func(x []byte) string { return fmt.Sprintf("%q", x[lo:min(len(x), i+80)]) }
	return fmt.Sprintf("lengths %d vs %d, first difference at byte %d:\n  jit:   %s\n  other: %s", len(a), len(b), i, ctx(a), ctx(b))
}

// clip shortens b for a message.
func clip(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	return string(b[:n]) + "..."
}
