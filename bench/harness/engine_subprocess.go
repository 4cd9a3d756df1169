package harness

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Native runs each program's native build as a subprocess; its run time is
// the process's wall time.
func Native() Engine { return nativeEngine{} }

type nativeEngine struct{}

func (nativeEngine) Name() string     { return "native" }
func (nativeEngine) Slow() bool       { return false }
func (nativeEngine) Wasm() bool       { return false }
func (nativeEngine) Available() error { return nil }
func (nativeEngine) Close() error     { return nil }

func (nativeEngine) Run(ctx context.Context, job Job) (Result, error) {
	var res Result
	if job.Native == "" {
		return res, errors.New("program has no native build")
	}
	if job.Phase != PhaseRun {
		return res, nil
	}
	cmd := exec.CommandContext(ctx, job.Native, job.Args...)
	cmd.Env = append(os.Environ(), job.Env...)
	var stdout, stderr limitedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	t0 := time.Now()
	err := cmd.Run()
	res.Run = time.Since(t0)
	if cmd.ProcessState != nil {
		res.RunCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	res.Stdout = stdout.Bytes()
	if err != nil {
		return res, fmt.Errorf("%s: %w (stderr: %q)", job.Native, err, stderr.Tail())
	}
	return res, nil
}

//go:embed runner.mjs
var nodeRunner []byte

// Node runs modules under Node.js (V8) with node:wasi, one process per
// job. Compile, instantiate and run times are measured inside the runner
// script, so Node's start-up is not counted. cacheDir receives the script.
func Node(cacheDir string) Engine { return &nodeEngine{dir: cacheDir} }

type nodeEngine struct {
	dir    string
	script string
	bin    string
}

func (*nodeEngine) Name() string { return "node" }
func (*nodeEngine) Slow() bool   { return false }
func (*nodeEngine) Wasm() bool   { return true }
func (*nodeEngine) Close() error { return nil }

func (n *nodeEngine) Available() error {
	if n.script != "" {
		return nil
	}
	bin, err := exec.LookPath("node")
	if err != nil {
		return errors.New("node is not installed")
	}
	out, err := exec.Command(bin, "-e", "require('node:wasi'); console.log(process.version)").Output()
	if err != nil {
		return fmt.Errorf("node has no node:wasi: %v", err)
	}
	ver := strings.TrimSpace(string(out))
	var major int
	if _, err := fmt.Sscanf(ver, "v%d", &major); err != nil || major < 20 {
		return fmt.Errorf("node %s is too old (need >= 20 for WASI preview1)", ver)
	}
	if err := os.MkdirAll(n.dir, 0o755); err != nil {
		return err
	}
	script := filepath.Join(n.dir, "runner.mjs")
	if err := os.WriteFile(script, nodeRunner, 0o644); err != nil {
		return err
	}
	n.bin, n.script = bin, script
	return nil
}

// NodeVersion returns `node --version`, or "" when node is absent.
func NodeVersion() string {
	out, err := exec.Command("node", "--version").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

const nodeMarker = "@@wasmrun-bench "

func (n *nodeEngine) Run(ctx context.Context, job Job) (Result, error) {
	var res Result
	if err := n.Available(); err != nil {
		return res, err
	}
	mode := map[Phase]string{PhaseRun: "run", PhaseCompile: "compile", PhaseInstantiate: "instantiate"}[job.Phase]
	args := append([]string{"--no-warnings", n.script, mode, job.Wasm, job.Name}, job.Args...)
	cmd := exec.CommandContext(ctx, n.bin, args...)
	var stdout, stderr limitedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res.Stdout = stdout.Bytes()
	errOut := stderr.Bytes()
	i := bytes.LastIndex(errOut, []byte(nodeMarker))
	if i < 0 {
		return res, fmt.Errorf("node: %v (stderr: %q)", err, stderr.Tail())
	}
	var t struct{ Compile, CompileCPU, Instantiate, Run, RunCPU, Exit int64 }
	line, _, _ := bytes.Cut(errOut[i+len(nodeMarker):], []byte("\n"))
	if jerr := json.Unmarshal(line, &t); jerr != nil {
		return res, fmt.Errorf("node: bad timing line %q: %v", line, jerr)
	}
	if err != nil {
		if t.Exit != 0 {
			return res, fmt.Errorf("node: %v (stderr: %q)", err, stderr.Tail())
		}
		// The timing line comes from the exit handler, once the process
		// is leaving with status 0; Node 20 sometimes crashes after
		// that, while tearing down. The run itself was complete.
		res.Warning = fmt.Sprintf("node died (%v) while exiting with status 0, after the guest had finished", err)
	}
	res.Compile = time.Duration(t.Compile)
	res.CompileCPU = time.Duration(t.CompileCPU)
	res.Instantiate = time.Duration(t.Instantiate)
	res.Run = time.Duration(t.Run)
	res.RunCPU = time.Duration(t.RunCPU)
	return res, nil
}

// AllEngines returns every engine the harness knows, in table order.
func AllEngines(cacheDir string) []Engine {
	es := []Engine{Native(), WazeroCompiler(cacheDir), WazeroInterpreter(), Node(cacheDir)}
	return append(es, wasmrunEngines()...)
}
