package wasi

import (
	"math"

	"golang.org/x/sys/unix"
)

// growTo extends fd to size bytes when it is shorter (never shrinks): the
// fallback of fd_allocate where the file system cannot preallocate.
func growTo(fd int, size int64) error {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return err
	}
	if st.Size >= size {
		return nil
	}
	return unix.Ftruncate(fd, size)
}

// pwriteClearingAppend writes at offset on a descriptor with O_APPEND
// (status flags fl) by clearing O_APPEND around the write with fcntl. The
// flag change is visible to other users of the same open file description
// while it lasts.
func pwriteClearingAppend(fd int, bufs [][]byte, offset int64, fl int, write func(int, [][]byte, int64) (int, error)) (int, error) {
	if _, err := unix.FcntlInt(uintptr(fd), unix.F_SETFL, fl&^unix.O_APPEND); err != nil {
		return 0, err
	}
	n, err := write(fd, bufs, offset)
	unix.FcntlInt(uintptr(fd), unix.F_SETFL, fl)
	return n, err
}

// pollTimeoutMillis converts a ppoll timeout (nil: forever) to poll's
// milliseconds, rounding up so a wait is never cut short and clamping to
// the largest int32.
func pollTimeoutMillis(ts *unix.Timespec) int {
	if ts == nil {
		return -1
	}
	ns := max(ts.Nano(), 0)
	ms := ns / 1_000_000
	if ns%1_000_000 != 0 {
		ms++
	}
	return int(min(ms, math.MaxInt32))
}
