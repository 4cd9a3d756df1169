package wasi

import (
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// darwin system-call adapters; see sys_linux.go for the contract.

// direntInoOffset is where the inode number sits in a host dirent record.
const direntInoOffset = unsafe.Offsetof(unix.Dirent{}.Ino)

// devOf returns the device number of st (an int32 on darwin) as the
// unsigned 32-bit value it is.
func devOf(st *unix.Stat_t) uint64 { return uint64(uint32(st.Dev)) }

// fadvise validates the advice and succeeds: darwin has no posix_fadvise,
// and the advice is only a hint.
func fadvise(fd int, offset, length int64, advice uint32) error {
	if !validAdvice(advice) {
		return unix.EINVAL
	}
	return nil
}

// fallocate makes sure [offset, offset+length) is allocated, growing the
// file as needed: F_PREALLOCATE reserves the blocks beyond the physical
// end of file (ENOSPC is reported; other failures, such as a file system
// that cannot preallocate, are ignored), then ftruncate grows the size.
func fallocate(fd int, offset, length int64) error {
	end := offset + length
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return err
	}
	if st.Size >= end {
		return nil
	}
	fs := unix.Fstore_t{Flags: unix.F_ALLOCATEALL, Posmode: unix.F_PEOFPOSMODE, Length: end - st.Size}
	if err := unix.FcntlFstore(uintptr(fd), unix.F_PREALLOCATE, &fs); err == unix.ENOSPC {
		return err
	}
	return unix.Ftruncate(fd, end)
}

// fdatasync flushes fd with fsync (darwin's libc exports no fdatasync
// through x/sys); fsync is the stronger guarantee.
func fdatasync(fd int) error { return unix.Fsync(fd) }

// futimens sets fd's access and modification times; ts may hold utimeNow
// or utimeOmit in Nsec. darwin's x/sys has no futimens, so the special
// values are resolved here (omit: the current value from fstat; now: the
// wall clock) and futimes applies them, with microsecond precision.
func futimens(fd int, ts *[2]unix.Timespec) error {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return err
	}
	cur := [2]unix.Timespec{st.Atim, st.Mtim}
	now := time.Now().UnixNano()
	var tv [2]unix.Timeval
	for i, t := range ts {
		switch t.Nsec {
		case utimeNow:
			t = unix.NsecToTimespec(now)
		case utimeOmit:
			t = cur[i]
		}
		tv[i] = unix.NsecToTimeval(t.Nano())
	}
	return unix.Futimes(fd, tv[:])
}

// preadv reads into bufs from offset without moving the file position.
func preadv(fd int, bufs [][]byte, offset int64) (int, error) { return unix.Preadv(fd, bufs, offset) }

// pwritevRaw is pwritev(2).
func pwritevRaw(fd int, bufs [][]byte, offset int64) (int, error) {
	return unix.Pwritev(fd, bufs, offset)
}

// accept accepts a connection on fd with close-on-exec set, and
// O_NONBLOCK exactly when nonblock is set. darwin has no accept4: the
// flags are set after accept, close-on-exec under syscall.ForkLock so no
// fork sees the descriptor without it.
func accept(fd int, nonblock bool) (int, error) {
	syscall.ForkLock.RLock()
	nfd, _, err := unix.Accept(fd)
	if err == nil {
		unix.CloseOnExec(nfd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return -1, err
	}
	// Set O_NONBLOCK either way: a BSD accepted socket inherits it from
	// the listener, whereas Linux's accept4 takes it from the flags only.
	if err := unix.SetNonblock(nfd, nonblock); err != nil {
		unix.Close(nfd)
		return -1, err
	}
	return nfd, nil
}

// clockGetres reports a fixed 1µs resolution: x/sys has no clock_getres
// binding on darwin, and 1µs is what darwin reports for its realtime and
// monotonic clocks.
func clockGetres(cid int32, ts *unix.Timespec) error {
	*ts = unix.Timespec{Nsec: 1000}
	return nil
}

// nofollowErr maps the error of an O_NOFOLLOW open that met a symlink to
// ELOOP; darwin already reports ELOOP.
func nofollowErr(err error) error { return err }

// oDsync is the open flag for WASI's fdflags.dsync.
const oDsync = unix.O_DSYNC

// readv reads into bufs at the file position.
func readv(fd int, bufs [][]byte) (int, error) { return unix.Readv(fd, bufs) }

// writev writes bufs at the file position.
func writev(fd int, bufs [][]byte) (int, error) { return unix.Writev(fd, bufs) }
