package wasmrun_test

import (
	"context"
	"errors"
	"net"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/wasmrun/wasmrun"
)

// Guests that block in a WASI call forever.
const (
	// sleepHourWat sleeps for an hour in poll_oneoff (one relative
	// subscription on the monotonic clock).
	sleepHourWat = `(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (i64.store (i32.const 0) (i64.const 1))             ;; userdata
    (i32.store8 (i32.const 8) (i32.const 0))            ;; eventtype clock
    (i32.store (i32.const 16) (i32.const 1))            ;; monotonic
    (i64.store (i32.const 24) (i64.const 3600000000000)) ;; one hour
    (drop (call $poll (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 128)))))`

	// readStdinWat reads from descriptor 0.
	readStdinWat = `(module
  (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 16))
    (drop (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))))`

	// pollStdinWat waits in poll_oneoff for descriptor 0 to be readable.
	pollStdinWat = `(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (i32.store8 (i32.const 8) (i32.const 1)) ;; eventtype fd_read
    (i32.store (i32.const 16) (i32.const 0)) ;; descriptor 0
    (drop (call $poll (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 128)))))`

	// writeStdoutWat writes 64 KiB to descriptor 1 over and over.
	writeStdoutWat = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 65536))
    (i32.store (i32.const 4) (i32.const 65536))
    (loop $l
      (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
      (br $l))))`

	// acceptWat waits for a connection on descriptor 3.
	acceptWat = `(module
  (import "wasi_snapshot_preview1" "sock_accept" (func $accept (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $accept (i32.const 3) (i32.const 0) (i32.const 32)))))`
)

// runBlocked runs inst with ctx and returns its error and how long it
// ran; it fails the test if the run has not ended 5s after start (the
// guest would block for ever without interruption).
func runBlocked(t *testing.T, ctx context.Context, inst *wasmrun.Instance) (time.Duration, error) {
	t.Helper()
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := inst.Run(ctx)
		done <- err
	}()
	select {
	case err := <-done:
		return time.Since(start), err
	case <-time.After(5 * time.Second):
		t.Fatalf("the guest is still blocked 5s after the start")
		return 0, nil
	}
}

// settledGoroutines waits up to a second for the number of goroutines to
// drop to at most n and returns the last count.
func settledGoroutines(n int) int {
	deadline := time.Now().Add(time.Second)
	for {
		got := runtime.NumGoroutine()
		if got <= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestBlockedWASICallEndsAtDeadline runs guests blocked in poll_oneoff
// (an hour's sleep, a pipe without a writer), fd_read on a pipe without a
// writer, fd_write on a pipe without a reader and sock_accept without a
// client, with a deadline of 100ms: each run must end with the cancelled
// trap (wrapping context.DeadlineExceeded) within 100ms of the deadline,
// and leave no goroutine behind.
func TestBlockedWASICallEndsAtDeadline(t *testing.T) {
	forEachEngine(t, testBlockedWASICallEndsAtDeadline)
}

func testBlockedWASICallEndsAtDeadline(t *testing.T, engine wasmrun.EngineKind) {
	const timeout = 100 * time.Millisecond
	pipe := func(t *testing.T) (r, w *os.File) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(); w.Close() })
		return r, w
	}
	tests := []struct {
		name string
		wat  string
		cfg  func(t *testing.T) wasmrun.InstanceConfig
	}{
		{"poll_oneoff sleep", sleepHourWat, func(*testing.T) wasmrun.InstanceConfig { return wasmrun.InstanceConfig{} }},
		{"fd_read pipe", readStdinWat, func(t *testing.T) wasmrun.InstanceConfig {
			r, _ := pipe(t)
			return wasmrun.InstanceConfig{Stdin: r}
		}},
		{"poll_oneoff pipe", pollStdinWat, func(t *testing.T) wasmrun.InstanceConfig {
			r, _ := pipe(t)
			return wasmrun.InstanceConfig{Stdin: r}
		}},
		{"fd_write full pipe", writeStdoutWat, func(t *testing.T) wasmrun.InstanceConfig {
			_, w := pipe(t)
			return wasmrun.InstanceConfig{Stdout: w}
		}},
		{"sock_accept", acceptWat, func(t *testing.T) wasmrun.InstanceConfig {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ln.Close() })
			return wasmrun.InstanceConfig{Listeners: []net.Listener{ln}}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
			// A loaded machine can delay a wake-up past the limit: only
			// three late attempts in a row fail.
			for attempt := 1; ; attempt++ {
				elapsed := runToDeadline(t, engine, rt, tc.wat, tc.cfg(t), timeout)
				if elapsed <= 2*timeout || t.Failed() {
					break
				}
				if attempt == 3 {
					t.Errorf("Run took %v, want the deadline %v plus at most 10ms (limit %v on a loaded machine), in 3 attempts", elapsed, timeout, 2*timeout)
					break
				}
				t.Logf("attempt %d took %v, over the limit: retrying", attempt, elapsed)
			}
		})
	}
}

// runToDeadline runs wat with a deadline of timeout and checks that it
// ends with the cancelled trap, not before the deadline, leaving no
// goroutine behind; it returns how long the run took.
func runToDeadline(t *testing.T, engine wasmrun.EngineKind, rt *wasmrun.Runtime, wat string, cfg wasmrun.InstanceConfig, timeout time.Duration) time.Duration {
	inst := instantiateCfg(t, rt, wat, cfg)
	defer inst.Close(context.Background())
	before := runtime.NumGoroutine()
	// The deadline counts from the time runBlocked measures from: a
	// goroutine may pause between two statements on a loaded machine.
	start := time.Now()
	ctx, cancel := context.WithDeadline(context.Background(), start.Add(timeout))
	defer cancel()
	_, err := runBlocked(t, ctx, inst)
	elapsed := time.Since(start)
	t.Logf("%s: ended %v after the start, %v after the deadline", engine, elapsed.Round(10*time.Microsecond), (elapsed - timeout).Round(10*time.Microsecond))
	var trap *wasmrun.Trap
	if !errors.As(err, &trap) || trap.Code.String() != "cancelled" || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Run returned %v, want the cancelled trap wrapping context.DeadlineExceeded", err)
	}
	if elapsed < timeout {
		t.Errorf("Run took %v, less than the deadline %v", elapsed, timeout)
	}
	if after := settledGoroutines(before); after > before {
		t.Errorf("goroutines: %d before the run, %d after", before, after)
	}
	return elapsed
}

// TestBlockedWASICallEndsOnCancel cancels a sleeping guest from another
// goroutine: the run ends with the cancelled trap wrapping
// context.Canceled.
func TestBlockedWASICallEndsOnCancel(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine wasmrun.EngineKind) {
		rt := newRuntime(t, wasmrun.RuntimeConfig{Engine: engine})
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		defer w.Close()
		for _, tc := range []struct {
			name string
			wat  string
		}{{"poll_oneoff sleep", sleepHourWat}, {"fd_read pipe", readStdinWat}} {
			inst := instantiateCfg(t, rt, tc.wat, wasmrun.InstanceConfig{Stdin: r})
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(50*time.Millisecond, cancel)
			elapsed, err := runBlocked(t, ctx, inst)
			cancel()
			inst.Close(context.Background())
			if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "cancelled") {
				t.Errorf("%s: Run returned %v, want the cancelled trap wrapping context.Canceled", tc.name, err)
			}
			if elapsed > time.Second { // the latency itself is measured by TestBlockedWASICallEndsAtDeadline
				t.Errorf("%s: Run took %v after a cancel at 50ms", tc.name, elapsed)
			}
		}
	})
}

// Closing the instance, or its runtime, wakes a guest blocked in a WASI
// call: the run ends with the "instance closed" trap (ErrClosed).
func TestBlockedWASICallEndsOnClose(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine wasmrun.EngineKind) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		defer w.Close()
		for _, tc := range []struct {
			name    string
			wat     string
			runtime bool
		}{{"poll_oneoff sleep, Instance.Close", sleepHourWat, false}, {"fd_read pipe, Instance.Close", readStdinWat, false},
			{"poll_oneoff sleep, Runtime.Close", sleepHourWat, true}} {
			rt, err := wasmrun.NewRuntime(context.Background(), wasmrun.RuntimeConfig{Engine: engine})
			if err != nil {
				t.Fatal(err)
			}
			inst := instantiateCfg(t, rt, tc.wat, wasmrun.InstanceConfig{Stdin: r})
			closed := make(chan time.Time, 1)
			time.AfterFunc(50*time.Millisecond, func() {
				closed <- time.Now()
				if tc.runtime {
					rt.Close(context.Background())
				} else {
					inst.Close(context.Background())
				}
			})
			_, err = runBlocked(t, context.Background(), inst)
			late := time.Since(<-closed)
			rt.Close(context.Background())
			if !errors.Is(err, wasmrun.ErrClosed) {
				t.Errorf("%s: Run returned %v, want the instance-closed trap", tc.name, err)
			}
			t.Logf("%s: ended %v after Close", tc.name, late)
			if late > time.Second {
				t.Errorf("%s: ended %v after Close", tc.name, late)
			}
		}
	})
}
