package wasi

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// hostPipe returns a host pipe closed at the end of the test.
func hostPipe(t *testing.T) (r, w *os.File) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	return r, w
}

// tcpPair returns a blocking listening socket, a connected client and
// the server end, as host descriptors closed at the end of the test.
func tcpPair(t *testing.T) (lfd, cfd int) {
	t.Helper()
	lfd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err != nil {
		t.Skip("no sockets:", err)
	}
	t.Cleanup(func() { unix.Close(lfd) })
	if err := unix.Bind(lfd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	unix.Listen(lfd, 4)
	sa, _ := unix.Getsockname(lfd)
	cfd, _ = unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	t.Cleanup(func() { unix.Close(cfd) })
	if err := unix.Connect(cfd, sa); err != nil {
		t.Fatal(err)
	}
	return lfd, cfd
}

// accepted returns the guest descriptor of the connection pending on the
// guest's listener 3.
func (g *guest) accepted() uint32 {
	out := g.alloc(4)
	if e, err := g.s.SockAccept(bg, g.mem, 3, 0, out); e != ESUCCESS || err != nil {
		g.t.Fatalf("sock_accept = %v, %v", e, err)
	}
	return g.u32(out)
}

// pollCall prepares a poll_oneoff of subs and returns the call.
func (g *guest) pollCall(subs ...subscription) func(context.Context) (Errno, error) {
	in := g.alloc(uint32(len(subs)) * subscriptionSize)
	for i, s := range subs {
		b := g.mem[in+uint32(i)*subscriptionSize:]
		binary.LittleEndian.PutUint64(b, s.userdata)
		b[8] = s.tag
		if s.tag == EventtypeClock {
			binary.LittleEndian.PutUint32(b[16:], s.clockID)
			binary.LittleEndian.PutUint64(b[24:], s.timeout)
		} else {
			binary.LittleEndian.PutUint32(b[16:], s.fd)
		}
	}
	out, nev := g.alloc(uint32(len(subs))*eventSize), g.alloc(4)
	return func(ctx context.Context) (Errno, error) {
		return g.s.PollOneoff(ctx, g.mem, in, out, uint32(len(subs)), nev)
	}
}

// TestBlockingCallsEndWithContext blocks in every WASI function that can
// wait, with a deadline of 100ms: each returns context.DeadlineExceeded
// within 100ms of the deadline, without leaking goroutines or host
// descriptors.
func TestBlockingCallsEndWithContext(t *testing.T) {
	const hour = uint64(time.Hour)
	tests := []struct {
		name  string
		setup func(t *testing.T) (*guest, func(context.Context) (Errno, error))
	}{
		{"poll_oneoff clock", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			g := newGuest(t, Config{})
			return g, g.pollCall(subscription{userdata: 1, tag: EventtypeClock, clockID: ClockMonotonic, timeout: hour})
		}},
		{"poll_oneoff clock and pipe", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			r, _ := hostPipe(t)
			g := newGuest(t, Config{Stdin: r})
			return g, g.pollCall(subscription{userdata: 1, tag: EventtypeClock, clockID: ClockMonotonic, timeout: hour},
				subscription{userdata: 2, tag: EventtypeFdRead, fd: 0})
		}},
		{"fd_read stdin pipe", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			r, _ := hostPipe(t)
			g := newGuest(t, Config{Stdin: r})
			iov, n, _ := g.iovs(16)
			out := g.alloc(4)
			return g, func(ctx context.Context) (Errno, error) { return g.s.FdRead(ctx, g.mem, 0, iov, n, out) }
		}},
		{"fd_read opened fifo", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			dir := t.TempDir()
			if err := unix.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
				t.Fatal(err)
			}
			g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/", HostDir: dir}}})
			// Read and write rights open the FIFO O_RDWR, which does not
			// wait for a writer; a read then waits for data.
			fd, e := g.open(3, "fifo", 0, RightFdRead|RightFdWrite, 0, false)
			if e != ESUCCESS {
				t.Fatalf("path_open fifo = %v", e)
			}
			iov, n, _ := g.iovs(16)
			out := g.alloc(4)
			return g, func(ctx context.Context) (Errno, error) { return g.s.FdRead(ctx, g.mem, fd, iov, n, out) }
		}},
		{"fd_write full stdout pipe", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			_, w := hostPipe(t)
			g := newGuest(t, Config{Stdout: w})
			iov, n, _ := g.iovs(1 << 16)
			out := g.alloc(4)
			return g, func(ctx context.Context) (Errno, error) {
				for {
					if e, err := g.s.FdWrite(ctx, g.mem, 1, iov, n, out); e != ESUCCESS || err != nil {
						return e, err
					}
				}
			}
		}},
		{"sock_accept blocking listener", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			lfd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
			if err != nil {
				t.Skip("no sockets:", err)
			}
			t.Cleanup(func() { unix.Close(lfd) })
			unix.Bind(lfd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}})
			unix.Listen(lfd, 4)
			g := newGuest(t, Config{Listeners: []int{lfd}})
			out := g.alloc(4)
			return g, func(ctx context.Context) (Errno, error) { return g.s.SockAccept(ctx, g.mem, 3, 0, out) }
		}},
		{"sock_recv", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			lfd, _ := tcpPair(t)
			g := newGuest(t, Config{Listeners: []int{lfd}})
			conn := g.accepted()
			iov, n, _ := g.iovs(16)
			ro, rf := g.alloc(4), g.alloc(2)
			return g, func(ctx context.Context) (Errno, error) { return g.s.SockRecv(ctx, g.mem, conn, iov, n, 0, ro, rf) }
		}},
		{"sock_recv waitall, part of the data there", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			lfd, cfd := tcpPair(t)
			g := newGuest(t, Config{Listeners: []int{lfd}})
			conn := g.accepted()
			unix.Write(cfd, []byte("abc"))
			iov, n, _ := g.iovs(10)
			ro, rf := g.alloc(4), g.alloc(2)
			return g, func(ctx context.Context) (Errno, error) {
				return g.s.SockRecv(ctx, g.mem, conn, iov, n, riflagRecvWaitall, ro, rf)
			}
		}},
		{"sock_send full socket", func(t *testing.T) (*guest, func(context.Context) (Errno, error)) {
			lfd, _ := tcpPair(t)
			g := newGuest(t, Config{Listeners: []int{lfd}})
			conn := g.accepted()
			iov, n, _ := g.iovs(1 << 16)
			so := g.alloc(4)
			return g, func(ctx context.Context) (Errno, error) {
				for {
					if e, err := g.s.SockSend(ctx, g.mem, conn, iov, n, 0, so); e != ESUCCESS || err != nil {
						return e, err
					}
				}
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A loaded machine can delay a wake-up past the limit: only
			// three late attempts in a row fail.
			for attempt := 1; ; attempt++ {
				elapsed := blockOnce(t, tc.setup, blockTimeout)
				if elapsed <= 2*blockTimeout || t.Failed() {
					break
				}
				if attempt == 3 {
					t.Errorf("call took %v, want %v plus at most 10ms (limit %v), in 3 attempts", elapsed, blockTimeout, 2*blockTimeout)
					break
				}
				t.Logf("attempt %d took %v, over the limit: retrying", attempt, elapsed)
			}
		})
	}
}

const blockTimeout = 100 * time.Millisecond

// blockOnce runs the call that setup prepares with a deadline of timeout
// and checks that it ends with context.DeadlineExceeded, not before the
// deadline, leaving no goroutine and, after Close, no waker behind. It
// returns how long the call took.
func blockOnce(t *testing.T, setup func(t *testing.T) (*guest, func(context.Context) (Errno, error)), timeout time.Duration) time.Duration {
	wakers := eventfds(t)
	g, call := setup(t)
	goroutines := runtime.NumGoroutine()
	type result struct {
		e   Errno
		err error
	}
	done := make(chan result, 1)
	// The deadline counts from start itself: on a loaded machine the
	// goroutine may pause between taking the time and making the context.
	start := time.Now()
	ctx, cancel := context.WithDeadline(context.Background(), start.Add(timeout))
	defer cancel()
	go func() {
		e, err := call(ctx)
		done <- result{e, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("still blocked 5s after the start")
	}
	elapsed := time.Since(start)
	t.Logf("ended %v after the deadline", (elapsed - timeout).Round(10*time.Microsecond))
	if res.err != context.DeadlineExceeded {
		t.Fatalf("call = %v, %v; want context.DeadlineExceeded", res.e, res.err)
	}
	if elapsed < timeout {
		t.Errorf("call took %v, before the deadline %v", elapsed, timeout)
	}
	if n := settledGoroutines(goroutines); n > goroutines {
		t.Errorf("goroutines: %d before, %d after", goroutines, n)
	}
	// The waker is reusable: a second call with a cancelled context ends
	// at once.
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if _, err := call(ctx2); err != context.Canceled {
		t.Errorf("call with a cancelled context = %v, want context.Canceled", err)
	}
	g.s.Close()
	if after := eventfds(t); after != wakers {
		t.Errorf("eventfds: %d before, %d after Close (the waker leaks)", wakers, after)
	}
	return elapsed
}

// eventfds counts the process's open eventfds (-1 where /proc does not
// show them).
func eventfds(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	n := 0
	for _, e := range ents {
		if l, _ := os.Readlink(filepath.Join("/proc/self/fd", e.Name())); l == "anon_inode:[eventfd]" {
			n++
		}
	}
	return n
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

// TestInterruptibleIOWhenReady checks the paths a cancellable context
// takes when nothing needs to wait: the data and the errors are those of
// the plain calls, and nothing blocks.
func TestInterruptibleIOWhenReady(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tests := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"fd_write large to a pipe being read", func(t *testing.T) {
			r, w := hostPipe(t)
			g := newGuest(t, Config{Stdout: w})
			data := bytes.Repeat([]byte("0123456789abcdef"), 20000) // 320000 bytes: many pipe chunks
			got := make(chan []byte)
			go func() { b, _ := io.ReadAll(io.LimitReader(r, int64(len(data)))); got <- b }()
			d, _ := g.bytes(data)
			iov, out := g.alloc(16), g.alloc(4)
			for written := uint32(0); written < uint32(len(data)); {
				// Two iovecs over the rest: all but 5 bytes, then those.
				rest := uint32(len(data)) - written
				split := rest - min(rest, 5)
				binary.LittleEndian.PutUint32(g.mem[iov:], d+written)
				binary.LittleEndian.PutUint32(g.mem[iov+4:], split)
				binary.LittleEndian.PutUint32(g.mem[iov+8:], d+written+split)
				binary.LittleEndian.PutUint32(g.mem[iov+12:], rest-split)
				if e, err := g.s.FdWrite(ctx, g.mem, 1, iov, 2, out); e != ESUCCESS || err != nil {
					t.Fatalf("fd_write = %v, %v", e, err)
				}
				if g.u32(out) == 0 {
					t.Fatal("fd_write wrote nothing")
				}
				written += g.u32(out)
			}
			if b := <-got; !bytes.Equal(b, data) {
				t.Errorf("the reader got %d bytes, not the %d written", len(b), len(data))
			}
		}},
		{"fd_write to a slow reader is complete", func(t *testing.T) {
			r, w := hostPipe(t)
			g := newGuest(t, Config{Stdout: w})
			data := bytes.Repeat([]byte("x"), 200000) // more than a pipe holds
			got := make(chan int)
			go func() {
				time.Sleep(50 * time.Millisecond) // the write must wait for room
				b, _ := io.ReadAll(r)
				got <- len(b)
			}()
			p, n := g.bytes(data)
			iov := g.alloc(8)
			binary.LittleEndian.PutUint32(g.mem[iov:], p)
			binary.LittleEndian.PutUint32(g.mem[iov+4:], n)
			out := g.alloc(4)
			if e, err := g.s.FdWrite(ctx, g.mem, 1, iov, 1, out); e != ESUCCESS || err != nil || g.u32(out) != n {
				t.Errorf("fd_write = %v, %v, %d bytes; want all %d (a blocking write is complete)", e, err, g.u32(out), n)
			}
			w.Close() // the reader sees the end of what was written
			if k := <-got; k != len(data) {
				t.Errorf("the reader got %d bytes, want %d", k, len(data))
			}
		}},
		{"fd_read stops before the iovec that would block", func(t *testing.T) {
			r, w := hostPipe(t)
			w.Write([]byte("hello"))
			g := newGuest(t, Config{Stdin: r})
			iov, n, bufs := g.iovs(5, 5)
			out := g.alloc(4)
			if e, err := g.s.FdRead(ctx, g.mem, 0, iov, n, out); e != ESUCCESS || err != nil || g.u32(out) != 5 || string(g.mem[bufs[0]:bufs[0]+5]) != "hello" {
				t.Errorf("fd_read = %v, %v, %d bytes", e, err, g.u32(out))
			}
		}},
		{"fd_read on a non-blocking empty stdin", func(t *testing.T) {
			r, _ := hostPipe(t)
			rfd := int(r.Fd()) // not later: Fd makes the descriptor blocking again
			g := newGuest(t, Config{Stdin: r})
			if e := g.s.FdFdstatSetFlags(g.mem, 0, FdflagNonblock); e != ESUCCESS {
				t.Fatal(e)
			}
			defer unix.SetNonblock(rfd, false)
			iov, n, _ := g.iovs(5)
			if e, err := g.s.FdRead(ctx, g.mem, 0, iov, n, g.alloc(4)); e != EAGAIN || err != nil {
				t.Errorf("fd_read = %v, %v; want EAGAIN", e, err)
			}
		}},
		{"sock_accept on a non-blocking listener", func(t *testing.T) {
			lfd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
			if err != nil {
				t.Skip("no sockets:", err)
			}
			defer unix.Close(lfd)
			unix.Bind(lfd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}})
			unix.Listen(lfd, 4)
			g := newGuest(t, Config{Listeners: []int{lfd}})
			g.s.FdFdstatSetFlags(g.mem, 3, FdflagNonblock)
			if e, err := g.s.SockAccept(ctx, g.mem, 3, 0, g.alloc(4)); e != EAGAIN || err != nil {
				t.Errorf("sock_accept = %v, %v; want EAGAIN", e, err)
			}
		}},
		{"sock_recv waitall across two sends", func(t *testing.T) {
			lfd, cfd := tcpPair(t)
			g := newGuest(t, Config{Listeners: []int{lfd}})
			conn := g.accepted()
			unix.Write(cfd, []byte("hello "))
			time.AfterFunc(30*time.Millisecond, func() { unix.Write(cfd, []byte("sock")) })
			iov, n, bufs := g.iovs(4, 6)
			ro, rf := g.alloc(4), g.alloc(2)
			e, err := g.s.SockRecv(ctx, g.mem, conn, iov, n, riflagRecvWaitall, ro, rf)
			if got := string(g.mem[bufs[0]:bufs[0]+4]) + string(g.mem[bufs[1]:bufs[1]+6]); e != ESUCCESS || err != nil || g.u32(ro) != 10 || got != "hello sock" {
				t.Errorf("sock_recv = %v, %v, %d bytes %q", e, err, g.u32(ro), got)
			}
		}},
		{"poll_oneoff short sleep", func(t *testing.T) {
			g := newGuest(t, Config{})
			start := time.Now()
			if e, err := g.pollCall(subscription{userdata: 7, tag: EventtypeClock, clockID: ClockMonotonic, timeout: uint64(20 * time.Millisecond)})(ctx); e != ESUCCESS || err != nil {
				t.Errorf("poll_oneoff = %v, %v", e, err)
			}
			if d := time.Since(start); d < 20*time.Millisecond {
				t.Errorf("slept %v, want 20ms", d)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.run)
	}
}
