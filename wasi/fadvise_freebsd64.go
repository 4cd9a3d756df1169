//go:build freebsd && (amd64 || arm64 || riscv64)

package wasi

import "golang.org/x/sys/unix"

// On 64-bit FreeBSD, off_t arguments fit one register, so the raw
// posix_fadvise and posix_fallocate system calls are made directly. Both
// return their error number as the call's result rather than through the
// usual error path.

func posixErr(r1 uintptr, en unix.Errno) error {
	if en != 0 {
		return en
	}
	if r1 != 0 {
		return unix.Errno(r1)
	}
	return nil
}

// fadvise passes a validated WASI advice (0-5) to posix_fadvise; the
// POSIX_FADV_* values are WASI's except that SEQUENTIAL and RANDOM swap.
func fadvise(fd int, offset, length int64, advice uint32) error {
	if !validAdvice(advice) {
		return unix.EINVAL
	}
	adv := [...]uintptr{0, 2, 1, 3, 4, 5}[advice]
	r1, _, en := unix.Syscall6(unix.SYS_POSIX_FADVISE, uintptr(fd), uintptr(offset), uintptr(length), adv, 0, 0)
	return posixErr(r1, en)
}

// fallocate makes sure [offset, offset+length) is allocated with
// posix_fallocate; where the file system cannot (EINVAL or EOPNOTSUPP,
// e.g. ZFS) the file is only grown to offset+length.
func fallocate(fd int, offset, length int64) error {
	var err error
	for {
		r1, _, en := unix.Syscall(unix.SYS_POSIX_FALLOCATE, uintptr(fd), uintptr(offset), uintptr(length))
		if err = posixErr(r1, en); err != unix.EINTR {
			break
		}
	}
	if err == unix.EINVAL || err == unix.EOPNOTSUPP {
		err = growTo(fd, offset+length)
	}
	return err
}
