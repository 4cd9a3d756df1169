package wasi

import (
	"context"
	"time"

	"golang.org/x/sys/unix"
)

// Blocking calls and their interruption: see the package documentation.

// pipeChunk is the largest write made after poll reports a pipe or
// terminal writable: POSIX's PIPE_BUF, which such a write never blocks on
// (on Linux poll reports POLLOUT when a whole page of the pipe is free).
const pipeChunk = 4096

// getWaker returns the System's waker, creating it on first use.
func (s *System) getWaker() (*waker, error) {
	if s.wake == nil {
		w, err := newWaker()
		if err != nil {
			return nil, err
		}
		s.wake = w
	}
	return s.wake, nil
}

// pollCtx waits like ppoll for pfds up to ts (nil: forever), and also
// until ctx ends: then cancelled is ctx.Err() (and pfds' results are
// meaningless). err is ppoll's error (EINTR included).
func (s *System) pollCtx(ctx context.Context, pfds []unix.PollFd, ts *unix.Timespec) (cancelled, err error) {
	if ctx.Done() == nil || ts != nil && ts.Sec == 0 && ts.Nsec == 0 {
		return nil, ppoll(pfds, ts)
	}
	if err := ctx.Err(); err != nil {
		return err, nil
	}
	w, err := s.getWaker()
	if err != nil {
		return nil, err
	}
	all := make([]unix.PollFd, len(pfds)+1)
	copy(all, pfds)
	all[len(pfds)] = unix.PollFd{Fd: int32(w.pollFd()), Events: unix.POLLIN}
	fired := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		w.wake()
		close(fired)
	})
	err = ppoll(all, ts)
	if !stop() {
		// The wake-up ran (or is running): wait for its write so that
		// draining leaves the waker clean for the next call.
		<-fired
		w.drain()
	}
	copy(pfds, all)
	if cerr := ctx.Err(); cerr != nil {
		return cerr, nil
	}
	return nil, err
}

// sleepCtx waits for d or until ctx ends (then returning ctx.Err()).
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// waitFd waits until host descriptor fd has one of events (or an error
// or hang-up) or ctx ends (cancelled is then ctx.Err()).
func (s *System) waitFd(ctx context.Context, fd int, events int16) (errno Errno, cancelled error) {
	pfd := []unix.PollFd{{Fd: int32(fd), Events: events}}
	for {
		cancelled, err := s.pollCtx(ctx, pfd, nil)
		if cancelled != nil {
			return ESUCCESS, cancelled
		}
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return ErrnoFromHost(err), nil
		}
		if pfd[0].Revents != 0 {
			return ESUCCESS, nil
		}
	}
}

// readyNow reports whether host descriptor fd has one of events (or an
// error or hang-up) now.
func readyNow(fd int, events int16) bool {
	pfd := []unix.PollFd{{Fd: int32(fd), Events: events}}
	for {
		n, err := unix.Poll(pfd, 0)
		if err == unix.EINTR {
			continue
		}
		// On an error, let the read or write itself report it.
		return err != nil || n > 0
	}
}

// mayBlock reports whether I/O on host descriptor h of e can block and
// be interrupted: h is a pipe, socket or character device and ctx can
// end.
func (e *entry) mayBlock(ctx context.Context, h int) bool {
	return ctx.Done() != nil && e.pollableFd(h)
}

// pollableFd reports whether host descriptor h of e is a pipe, socket or
// character device (cached: the type of a descriptor does not change).
func (e *entry) pollableFd(h int) bool {
	if h < 0 || e.kind == FiletypeRegularFile || e.kind == FiletypeDirectory {
		return false
	}
	if e.pollable == 0 {
		e.pollable = 2
		var st unix.Stat_t
		if unix.Fstat(h, &st) == nil {
			switch uint32(st.Mode) & unix.S_IFMT {
			case unix.S_IFIFO:
				e.pollable = 3
			case unix.S_IFSOCK, unix.S_IFCHR:
				e.pollable = 1
			}
		}
	}
	return e.pollable == 1 || e.pollable == 3
}

// writeRoom returns how many bytes a write to host descriptor h of e can
// take without blocking now: a pipe's whole capacity when it is empty
// (where the host tells), else pipeChunk.
func (e *entry) writeRoom(h int) int {
	if e.pollable == 3 {
		return max(emptyPipeRoom(h), pipeChunk)
	}
	return pipeChunk
}

// guestNonblock reports whether the guest asked for non-blocking I/O on
// e (whose host descriptor is h).
func (e *entry) guestNonblock(h int) bool {
	if e.hostfd < 0 {
		return e.flags&FdflagNonblock != 0 // stdio: the guest's view
	}
	fl, err := unix.FcntlInt(uintptr(h), unix.F_GETFL, 0)
	return err == nil && fl&unix.O_NONBLOCK != 0
}

// ready is called before I/O on host descriptor h of e that may block
// (h is a pipe, socket or character device). If h is not ready for
// events, it returns EAGAIN when the guest asked for non-blocking I/O
// (a stdio *os.File's Read or Write would wait in Go's poller whatever
// the descriptor's mode), and otherwise waits until h is ready or ctx
// ends (cancelled is then ctx.Err()). With a context that cannot end it
// leaves the waiting to the I/O itself.
func (s *System) ready(ctx context.Context, e *entry, h int, events int16) (errno Errno, cancelled error) {
	if !e.pollableFd(h) {
		return ESUCCESS, nil
	}
	forever := ctx.Done() == nil
	if forever && (e.hostfd >= 0 || e.flags&FdflagNonblock == 0) {
		return ESUCCESS, nil // a host descriptor's own mode applies; stdio's Read blocks
	}
	if readyNow(h, events) {
		return ESUCCESS, nil
	}
	if e.guestNonblock(h) {
		return EAGAIN, nil
	}
	if forever {
		return ESUCCESS, nil
	}
	return s.waitFd(ctx, h, events)
}

// limitIovs returns the longest prefix of bufs holding at most n bytes
// (the last buffer cut short), and always at least one byte when bufs
// has any.
func limitIovs(bufs [][]byte, n int) [][]byte {
	var out [][]byte
	for _, b := range bufs {
		if n <= 0 {
			break
		}
		if len(b) > n {
			b = b[:n]
		}
		out = append(out, b)
		n -= len(b)
	}
	return out
}

// skipIovs returns bufs without their first n bytes.
func skipIovs(bufs [][]byte, n int) [][]byte {
	for len(bufs) > 0 && n >= len(bufs[0]) {
		n -= len(bufs[0])
		bufs = bufs[1:]
	}
	if len(bufs) > 0 && n > 0 {
		bufs = append([][]byte{bufs[0][n:]}, bufs[1:]...)
	}
	return bufs
}

func iovsLen(bufs [][]byte) int {
	n := 0
	for _, b := range bufs {
		n += len(b)
	}
	return n
}
