package wasi

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// Linux system-call adapters. Every OS provides the same set of helpers
// (see sys_darwin.go, sys_freebsd.go) with the same contract; the callers
// in fd.go, misc.go, poll.go and system.go are shared.

// utimeNow and utimeOmit are the special nanosecond values of utimensat.
const (
	utimeNow  = unix.UTIME_NOW
	utimeOmit = unix.UTIME_OMIT
)

// fionread is the ioctl that reports the bytes ready to read.
const fionread = unix.TIOCINQ

// direntInoOffset is where the inode number sits in a host dirent record.
const direntInoOffset = unsafe.Offsetof(unix.Dirent{}.Ino)

// devOf returns the device number of st, widened to 64 bits.
func devOf(st *unix.Stat_t) uint64 { return uint64(st.Dev) }

// statTimes returns st's access, modification and status-change times.
func statTimes(st *unix.Stat_t) (a, m, c unix.Timespec) { return st.Atim, st.Mtim, st.Ctim }

// hostAdvice maps a validated WASI advice (0-5) to posix_fadvise's.
var hostAdvice = [...]int{unix.FADV_NORMAL, unix.FADV_SEQUENTIAL, unix.FADV_RANDOM, unix.FADV_WILLNEED, unix.FADV_DONTNEED, unix.FADV_NOREUSE}

// fadvise passes a validated WASI advice (0-5) to posix_fadvise.
func fadvise(fd int, offset, length int64, advice uint32) error {
	return unix.Fadvise(fd, offset, length, hostAdvice[advice])
}

// fallocate makes sure [offset, offset+length) is allocated, growing the
// file as needed. File systems without fallocate get the size growth only.
func fallocate(fd int, offset, length int64) error {
	err := unix.Fallocate(fd, 0, offset, length)
	if err == unix.EOPNOTSUPP {
		err = growTo(fd, offset+length)
	}
	return err
}

// fdatasync flushes fd's data (and the metadata needed to read it).
func fdatasync(fd int) error { return unix.Fdatasync(fd) }

// futimens sets fd's access and modification times; ts may hold utimeNow
// or utimeOmit in Nsec.
func futimens(fd int, ts *[2]unix.Timespec) error {
	_, _, en := unix.Syscall6(unix.SYS_UTIMENSAT, uintptr(fd), 0, uintptr(unsafe.Pointer(&ts[0])), 0, 0, 0)
	if en != 0 {
		return en
	}
	return nil
}

// preadv reads into bufs from offset without moving the file position.
func preadv(fd int, bufs [][]byte, offset int64) (int, error) { return unix.Preadv(fd, bufs, offset) }

// pwritev writes bufs at offset without moving the file position. fl is
// fd's file status flags. With O_APPEND set, Linux's pwrite appends
// instead, so pwritev2(RWF_NOAPPEND) (Linux 6.9+) is used; older kernels
// get O_APPEND cleared with fcntl around the write (visible to other users
// of the same open file description for its duration).
func pwritev(fd int, bufs [][]byte, offset int64, fl int) (int, error) {
	if fl&unix.O_APPEND == 0 {
		return unix.Pwritev(fd, bufs, offset)
	}
	n, err := unix.Pwritev2(fd, bufs, offset, rwfNoAppend)
	if err == unix.EOPNOTSUPP || err == unix.EINVAL || err == unix.ENOSYS {
		return pwriteClearingAppend(fd, bufs, offset, fl, unix.Pwritev)
	}
	return n, err
}

// rwfNoAppend is Linux's RWF_NOAPPEND (6.9+): pwritev2 honours the
// offset even on an O_APPEND descriptor.
const rwfNoAppend = 0x20

// ppoll waits for pfds up to ts (nil: forever).
func ppoll(pfds []unix.PollFd, ts *unix.Timespec) error {
	_, err := unix.Ppoll(pfds, ts, nil)
	return err
}

// accept accepts a connection on fd with close-on-exec set, and
// O_NONBLOCK when nonblock is set.
func accept(fd int, nonblock bool) (int, error) {
	fl := unix.SOCK_CLOEXEC
	if nonblock {
		fl |= unix.SOCK_NONBLOCK
	}
	nfd, _, err := unix.Accept4(fd, fl)
	return nfd, err
}

// getrandom fills b (partly, possibly) from the kernel's CSPRNG.
func getrandom(b []byte) (int, error) { return unix.Getrandom(b, 0) }

// clockGetres reads the resolution of clock cid.
func clockGetres(cid int32, ts *unix.Timespec) error { return unix.ClockGetres(cid, ts) }

// nofollowErr maps the error of an O_NOFOLLOW open that met a symlink to
// ELOOP; Linux already reports ELOOP.
func nofollowErr(err error) error { return err }

// oDsync is the open flag for WASI's fdflags.dsync.
const oDsync = unix.O_DSYNC

// readv reads into bufs at the file position.
func readv(fd int, bufs [][]byte) (int, error) { return unix.Readv(fd, bufs) }

// writev writes bufs at the file position.
func writev(fd int, bufs [][]byte) (int, error) { return unix.Writev(fd, bufs) }

// isTerminal reports whether host descriptor fd is a terminal.
func isTerminal(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}
