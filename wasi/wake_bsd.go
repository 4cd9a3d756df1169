//go:build darwin || freebsd

package wasi

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// waker is a descriptor that poll waits on next to the guest's and that
// another goroutine makes readable to end the wait: off Linux a
// non-blocking pipe.
type waker struct{ r, w int }

func newWaker() (*waker, error) {
	var p [2]int
	syscall.ForkLock.RLock() // no pipe2 on darwin: set close-on-exec before any fork
	err := unix.Pipe(p[:])
	if err == nil {
		unix.CloseOnExec(p[0])
		unix.CloseOnExec(p[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, err
	}
	for _, fd := range p {
		if err := unix.SetNonblock(fd, true); err != nil {
			unix.Close(p[0])
			unix.Close(p[1])
			return nil, err
		}
	}
	return &waker{p[0], p[1]}, nil
}

// pollFd is the descriptor to poll for POLLIN.
func (w *waker) pollFd() int { return w.r }

// wake makes pollFd readable.
func (w *waker) wake() { unix.Write(w.w, []byte{1}) }

// drain makes pollFd unreadable again.
func (w *waker) drain() {
	var b [64]byte
	for {
		if n, err := unix.Read(w.r, b[:]); n <= 0 || err != nil {
			return
		}
	}
}

func (w *waker) close() {
	unix.Close(w.r)
	unix.Close(w.w)
}

// emptyPipeRoom returns 0: these systems do not tell a pipe's capacity.
func emptyPipeRoom(int) int { return 0 }
