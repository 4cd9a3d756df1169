package wasi

import (
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// waker is a descriptor that poll waits on next to the guest's and that
// another goroutine makes readable to end the wait: on Linux one
// non-blocking eventfd.
type waker struct{ fd int }

func newWaker() (*waker, error) {
	fd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		return nil, err
	}
	return &waker{fd}, nil
}

// pollFd is the descriptor to poll for POLLIN.
func (w *waker) pollFd() int { return w.fd }

// wake makes pollFd readable.
func (w *waker) wake() {
	var b [8]byte
	binary.NativeEndian.PutUint64(b[:], 1)
	unix.Write(w.fd, b[:])
}

// drain makes pollFd unreadable again (reading an eventfd resets it).
func (w *waker) drain() {
	var b [8]byte
	unix.Read(w.fd, b[:])
}

func (w *waker) close() { unix.Close(w.fd) }

// emptyPipeRoom returns the capacity of pipe fd when nothing is queued in
// it (a write of that much then takes free pages only and does not
// block), else 0.
func emptyPipeRoom(fd int) int {
	if n, err := unix.IoctlGetInt(fd, fionread); err != nil || n != 0 {
		return 0
	}
	size, err := unix.FcntlInt(uintptr(fd), unix.F_GETPIPE_SZ, 0)
	if err != nil {
		return 0
	}
	return size
}
