//go:build darwin || freebsd

package wasi

import (
	"crypto/rand"

	"golang.org/x/sys/unix"
)

// Helpers shared by darwin and FreeBSD; see sys_linux.go for the contract.

// utimeNow and utimeOmit are the special nanosecond values of utimensat
// (sys/stat.h on both systems).
const (
	utimeNow  = -1
	utimeOmit = -2
)

// fionread is FIONREAD, _IOR('f', 127, int), the same on both systems.
const fionread = 0x4004667f

// statTimes returns st's access, modification and status-change times.
func statTimes(st *unix.Stat_t) (a, m, c unix.Timespec) { return st.Atim, st.Mtim, st.Ctim }

// validAdvice reports whether a WASI advice value is defined.
func validAdvice(advice uint32) bool { return advice <= 5 }

// pwritev writes bufs at offset without moving the file position. fl is
// fd's file status flags. On these systems pwrite on an O_APPEND
// descriptor writes at the end of file, so O_APPEND is cleared with fcntl
// around the write (visible to other users of the same open file
// description for its duration) — the same path Linux takes on kernels
// without RWF_NOAPPEND.
func pwritev(fd int, bufs [][]byte, offset int64, fl int) (int, error) {
	if fl&unix.O_APPEND == 0 {
		return pwritevRaw(fd, bufs, offset)
	}
	return pwriteClearingAppend(fd, bufs, offset, fl, pwritevRaw)
}

// ppoll waits for pfds up to ts (nil: forever) with poll(2); the timeout
// is rounded up to whole milliseconds.
func ppoll(pfds []unix.PollFd, ts *unix.Timespec) error {
	_, err := unix.Poll(pfds, pollTimeoutMillis(ts))
	return err
}

// getrandom fills b from the system CSPRNG (getentropy/arc4random through
// crypto/rand; it does not fail).
func getrandom(b []byte) (int, error) { return rand.Read(b) }

// isTerminal reports whether host descriptor fd is a terminal.
func isTerminal(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TIOCGETA)
	return err == nil
}
