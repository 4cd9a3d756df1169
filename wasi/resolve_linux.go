package wasi

import (
	"sync"

	"golang.org/x/sys/unix"
)

// dirSearchFlags opens a directory only to resolve names beneath it.
// O_PATH needs no read permission on the directory (search permission is
// enough, as for any path lookup) and the descriptor serves every *at call.
const dirSearchFlags = unix.O_PATH | unix.O_DIRECTORY

var openat2Probe = sync.OnceValue(func() bool {
	fd, err := unix.Openat2(unix.AT_FDCWD, ".", &unix.OpenHow{
		Flags:   unix.O_PATH | unix.O_DIRECTORY | unix.O_CLOEXEC,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS,
	})
	if err != nil {
		return false
	}
	unix.Close(fd)
	return true
})

// haveOpenat2 reports whether the kernel resolves paths beneath a
// directory itself (openat2 with RESOLVE_BENEATH, Linux 5.6+).
func haveOpenat2() bool { return openat2Probe() }

// openat2Beneath opens p beneath root with openat2(RESOLVE_BENEATH |
// RESOLVE_NO_MAGICLINKS). ok is false when the kernel lacks openat2; the
// caller then falls back to the user-space walk.
func openat2Beneath(root int, p string, flags int, mode uint32, follow bool) (fd int, e Errno, ok bool) {
	how := unix.OpenHow{
		Flags:   uint64(flags | unix.O_CLOEXEC),
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS,
	}
	if flags&unix.O_CREAT != 0 {
		how.Mode = uint64(mode)
	}
	if !follow {
		how.Flags |= unix.O_NOFOLLOW
	}
	for range 16 {
		fd, err := unix.Openat2(root, p, &how)
		switch err {
		case nil:
			return fd, ESUCCESS, true
		case unix.EAGAIN, unix.EINTR:
			continue
		case unix.EXDEV:
			return -1, ENOTCAPABLE, true
		case unix.ENOSYS:
			return -1, ESUCCESS, false
		}
		return -1, ErrnoFromHost(err), true
	}
	return -1, EAGAIN, true
}
