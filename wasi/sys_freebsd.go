package wasi

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// FreeBSD system-call adapters; see sys_linux.go for the contract.

// direntInoOffset is where the inode number sits in a host dirent record.
const direntInoOffset = unsafe.Offsetof(unix.Dirent{}.Fileno)

// devOf returns the device number of st, widened to 64 bits.
func devOf(st *unix.Stat_t) uint64 { return uint64(st.Dev) }

// fdatasync flushes fd's data with fdatasync(2) (FreeBSD 11.1+), falling
// back to fsync where the kernel lacks it.
func fdatasync(fd int) error {
	_, _, en := unix.Syscall(unix.SYS_FDATASYNC, uintptr(fd), 0, 0)
	switch en {
	case 0:
		return nil
	case unix.ENOSYS:
		return unix.Fsync(fd)
	}
	return en
}

// futimens sets fd's access and modification times; ts may hold utimeNow
// or utimeOmit in Nsec.
func futimens(fd int, ts *[2]unix.Timespec) error {
	_, _, en := unix.Syscall(unix.SYS_FUTIMENS, uintptr(fd), uintptr(unsafe.Pointer(&ts[0])), 0)
	if en != 0 {
		return en
	}
	return nil
}

// preadv reads into bufs from offset without moving the file position:
// x/sys has no preadv on FreeBSD, so one pread fills a staging buffer
// that is then scattered.
func preadv(fd int, bufs [][]byte, offset int64) (int, error) {
	tmp := make([]byte, iovLen(bufs))
	n, err := unix.Pread(fd, tmp, offset)
	scatter(bufs, tmp[:max(n, 0)])
	return max(n, 0), err
}

// pwritevRaw writes bufs at offset with one pwrite of their
// concatenation (x/sys has no pwritev on FreeBSD), so the write stays a
// single system call.
func pwritevRaw(fd int, bufs [][]byte, offset int64) (int, error) {
	n, err := unix.Pwrite(fd, gather(bufs), offset)
	return max(n, 0), err
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

// clockGetres reads the resolution of clock cid with clock_getres(2).
func clockGetres(cid int32, ts *unix.Timespec) error {
	_, _, en := unix.Syscall(unix.SYS_CLOCK_GETRES, uintptr(cid), uintptr(unsafe.Pointer(ts)), 0)
	if en != 0 {
		return en
	}
	return nil
}

// nofollowErr maps the error of an O_NOFOLLOW open that met a symlink to
// ELOOP: FreeBSD reports EMLINK there.
func nofollowErr(err error) error {
	if err == unix.EMLINK {
		return unix.ELOOP
	}
	return err
}

// oDsync is the open flag for WASI's fdflags.dsync: x/sys has no O_DSYNC
// for FreeBSD (and kernels before 13 lack it), so the stronger O_SYNC is
// used; fd_fdstat_get then reports such a descriptor as sync.
const oDsync = unix.O_SYNC

// readv reads into bufs at the file position: x/sys has no readv on
// FreeBSD, so one read fills a staging buffer that is then scattered.
func readv(fd int, bufs [][]byte) (int, error) {
	tmp := make([]byte, iovLen(bufs))
	n, err := unix.Read(fd, tmp)
	scatter(bufs, tmp[:max(n, 0)])
	return max(n, 0), err
}

// writev writes bufs at the file position with one write of their
// concatenation (x/sys has no writev on FreeBSD), so the write stays a
// single system call (and atomic on an O_APPEND descriptor or a pipe).
func writev(fd int, bufs [][]byte) (int, error) {
	n, err := unix.Write(fd, gather(bufs))
	return max(n, 0), err
}

func iovLen(bufs [][]byte) int {
	total := 0
	for _, b := range bufs {
		total += len(b)
	}
	return total
}

func gather(bufs [][]byte) []byte {
	tmp := make([]byte, 0, iovLen(bufs))
	for _, b := range bufs {
		tmp = append(tmp, b...)
	}
	return tmp
}

func scatter(bufs [][]byte, data []byte) {
	for _, b := range bufs {
		if len(data) == 0 {
			return
		}
		data = data[copy(b, data):]
	}
}
