package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Guests that block in WASI calls; each first writes "ready\n" to stdout.
const (
	// sleepHourWat sleeps for an hour in poll_oneoff.
	sleepHourWat = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 256) "ready\n")
  (func (export "_start")
    (i32.store (i32.const 200) (i32.const 256))
    (i32.store (i32.const 204) (i32.const 6))
    (drop (call $write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 208)))
    (i64.store (i32.const 0) (i64.const 1))             ;; userdata
    (i32.store8 (i32.const 8) (i32.const 0))            ;; eventtype clock
    (i32.store (i32.const 16) (i32.const 1))            ;; monotonic
    (i64.store (i32.const 24) (i64.const 3600000000000)) ;; one hour
    (drop (call $poll (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 128)))))`

	// readStdinWat reads from descriptor 0.
	readStdinWat = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 256) "ready\n")
  (func (export "_start")
    (i32.store (i32.const 200) (i32.const 256))
    (i32.store (i32.const 204) (i32.const 6))
    (drop (call $write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 208)))
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 16))
    (drop (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))))`

	// openFifoWat opens "fifo" in preopen 3 for reading only, which
	// blocks in the host's open until a writer comes: a wait that a
	// cancellation cannot end.
	openFifoWat = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "fifo")
  (data (i32.const 256) "ready\n")
  (func (export "_start")
    (i32.store (i32.const 200) (i32.const 256))
    (i32.store (i32.const 204) (i32.const 6))
    (drop (call $write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 208)))
    (drop (call $open (i32.const 3) (i32.const 0) (i32.const 64) (i32.const 4)
      (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 128)))))`
)

var testEngines = []string{"interp", "jit"}

// TestTimeoutEndsBlockedGuest runs guests sleeping for an hour and
// reading a pipe that is never written with --timeout 100ms: each must
// end with the cancelled trap (status 134) within 10ms of the deadline
// (asserted: 100ms, to stay robust on a loaded machine).
func TestTimeoutEndsBlockedGuest(t *testing.T) {
	dir := t.TempDir()
	for _, engine := range testEngines {
		if !engineAvailable(t, engine) {
			continue
		}
		for _, tc := range []struct{ name, wat string }{{"sleep", sleepHourWat}, {"pipe read", readStdinWat}} {
			t.Run(engine+"/"+tc.name, func(t *testing.T) {
				mod := write(t, dir, strings.ReplaceAll(tc.name, " ", "_")+".wat", tc.wat)
				// A loaded machine can delay a wake-up past the limit:
				// only three late attempts in a row fail.
				for attempt := 1; ; attempt++ {
					elapsed := timeoutOnce(t, engine, mod)
					if elapsed <= 200*time.Millisecond || t.Failed() {
						break
					}
					if attempt == 3 {
						t.Errorf("took %v; want the deadline (100ms) plus at most 10ms (limit 200ms), in 3 attempts", elapsed)
						break
					}
					t.Logf("attempt %d took %v, over the limit: retrying", attempt, elapsed)
				}
			})
		}
	}
}

// timeoutOnce runs "wasmrun --timeout 100ms mod" with stdin a pipe that
// is never written, checks its status and message and returns how long
// it took.
func timeoutOnce(t *testing.T, engine, mod string) time.Duration {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	var out, errOut strings.Builder
	start := time.Now()
	done := make(chan int, 1)
	go func() { done <- run([]string{"--engine", engine, "--timeout", "100ms", mod}, r, &out, &errOut) }()
	var status int
	select {
	case status = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("wasmrun --timeout 100ms still running after 5s")
	}
	elapsed := time.Since(start)
	t.Logf("%s, %s: ended %v after the start (compiling included), %v after the deadline", engine, filepath.Base(mod),
		elapsed.Round(10*time.Microsecond), (elapsed - 100*time.Millisecond).Round(10*time.Microsecond))
	if status != exitTrap || !strings.Contains(errOut.String(), "trap: cancelled: context deadline exceeded") {
		t.Errorf("status %d, stderr %q; want %d and the cancelled trap", status, errOut.String(), exitTrap)
	}
	return elapsed
}

// engineAvailable reports whether wasmrun has engine on this platform.
func engineAvailable(t *testing.T, engine string) bool {
	mod := write(t, t.TempDir(), "empty.wat", `(module (func (export "f")))`)
	return run([]string{"--engine", engine, "--invoke", "f", mod}, nil, io.Discard, io.Discard) == 0
}

// started is a wasmrun process whose guest has written "ready".
type started struct {
	cmd    *exec.Cmd
	stderr *strings.Builder
	done   chan struct{}
}

// startGuest runs bin with args, stdin a pipe that is never written, and
// waits for the guest's "ready" line.
func startGuest(t *testing.T, bin string, args ...string) *started {
	t.Helper()
	cmd := exec.Command(bin, args...)
	stdin, err := cmd.StdinPipe() // never written: a guest reading it blocks
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close() })
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &started{cmd: cmd, stderr: &stderr, done: make(chan struct{})}
	lines := make(chan string, 1)
	go func() {
		br := bufio.NewReader(stdout)
		line, _ := br.ReadString('\n')
		lines <- line
		io.Copy(io.Discard, br)
		cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-s.done
	})
	select {
	case line := <-lines:
		if line != "ready\n" {
			t.Fatalf("guest wrote %q, want \"ready\"; stderr %q", line, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no \"ready\" from the guest after 10s")
	}
	return s
}

// exitedWithin waits up to d for the process to exit.
func (s *started) exitedWithin(d time.Duration) bool {
	select {
	case <-s.done:
		return true
	case <-time.After(d):
		return false
	}
}

// TestSignals sends SIGTERM and SIGINT to wasmrun processes running a
// sleeping guest and a guest reading stdin: each must exit promptly with
// 128 + the signal's number and say that it was interrupted. A guest stuck
// where cancellation cannot reach (opening a FIFO) survives the first
// signal, and a second one ends the process at once.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds wasmrun; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "wasmrun")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building wasmrun: %v\n%s", err, out)
	}
	sleepMod := write(t, dir, "sleep.wat", sleepHourWat)
	readMod := write(t, dir, "read.wat", readStdinWat)
	fifoMod := write(t, dir, "fifo.wat", openFifoWat)
	fifoDir := filepath.Join(dir, "fifodir")
	if err := os.Mkdir(fifoDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(fifoDir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	signals := []struct {
		sig  syscall.Signal
		name string
	}{{syscall.SIGTERM, "SIGTERM"}, {syscall.SIGINT, "SIGINT"}}
	for _, engine := range testEngines {
		if !engineAvailable(t, engine) {
			continue
		}
		for _, sg := range signals {
			for _, mod := range []string{sleepMod, readMod} {
				t.Run(engine+"/"+sg.name+"/"+filepath.Base(mod), func(t *testing.T) {
					p := startGuest(t, bin, "--engine", engine, mod)
					start := time.Now()
					p.cmd.Process.Signal(sg.sig)
					if !p.exitedWithin(time.Second) {
						t.Fatalf("still running 1s after %s", sg.name)
					}
					elapsed := time.Since(start)
					t.Logf("%s, %s, %s: exited %v after the signal", engine, sg.name, filepath.Base(mod), elapsed.Round(10*time.Microsecond))
					want := 128 + int(sg.sig)
					if code := p.cmd.ProcessState.ExitCode(); code != want {
						t.Errorf("exit status %d, want %d; stderr %q", code, want, p.stderr.String())
					}
					if msg := "interrupted by " + sg.name; strings.Count(p.stderr.String(), "\n") != 1 || !strings.Contains(p.stderr.String(), msg) {
						t.Errorf("stderr %q, want one line saying %q", p.stderr.String(), msg)
					}
				})
			}
			t.Run(engine+"/"+sg.name+"/second signal", func(t *testing.T) {
				p := startGuest(t, bin, "--engine", engine, "--dir", fifoDir+"::/", fifoMod)
				time.Sleep(50 * time.Millisecond) // let the guest reach the open
				p.cmd.Process.Signal(sg.sig)
				if p.exitedWithin(300 * time.Millisecond) {
					t.Fatalf("exited after the first %s (status %d, stderr %q); the guest was meant to be stuck in open",
						sg.name, p.cmd.ProcessState.ExitCode(), p.stderr.String())
				}
				start := time.Now()
				p.cmd.Process.Signal(sg.sig)
				if !p.exitedWithin(time.Second) {
					t.Fatalf("still running 1s after the second %s", sg.name)
				}
				t.Logf("%s, second %s: exited %v after it", engine, sg.name, time.Since(start).Round(10*time.Microsecond))
				if code, want := p.cmd.ProcessState.ExitCode(), 128+int(sg.sig); code != want {
					t.Errorf("exit status %d, want %d", code, want)
				}
			})
		}
	}
}
