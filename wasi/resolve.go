package wasi

import (
	"strings"

	"golang.org/x/sys/unix"
)

// openBeneath opens p relative to the directory root without ever leaving
// it. follow says whether a final symlink is followed. Where the kernel
// offers openat2 (Linux 5.6+) it does the resolution; everywhere else, and
// when Config.ForcePathWalk is set, walkOpen does it in user space.
func (s *System) openBeneath(root int, p string, flags int, mode uint32, follow bool) (int, Errno) {
	if p == "" {
		return -1, ENOENT
	}
	if p[0] == '/' {
		return -1, ENOTCAPABLE
	}
	if !s.walk {
		fd, e, ok := openat2Beneath(root, p, flags, mode, follow)
		if ok {
			return fd, e
		}
		s.walk = true
	}
	return s.walkOpen(root, p, flags, mode, follow)
}

func splitPath(p string) []string {
	var out []string
	for _, c := range strings.Split(p, "/") {
		if c != "" && c != "." {
			out = append(out, c)
		}
	}
	return out
}

// walkOpen is the portable resolver: it opens one directory at a time
// with O_NOFOLLOW, resolves symlinks itself (refusing absolute targets and
// any ".." above root) and opens the final component with O_NOFOLLOW.
func (s *System) walkOpen(root int, p string, flags int, mode uint32, follow bool) (int, Errno) {
	if p == "" {
		return -1, ENOENT
	}
	if p[0] == '/' {
		return -1, ENOTCAPABLE
	}
	mustDir := strings.HasSuffix(p, "/")
	comps := splitPath(p)
	var stack []int
	defer func() {
		for _, fd := range stack {
			unix.Close(fd)
		}
	}()
	cur := root
	links := 0
	for len(comps) > 0 {
		c := comps[0]
		comps = comps[1:]
		last := len(comps) == 0
		if c == ".." {
			if len(stack) == 0 {
				return -1, ENOTCAPABLE
			}
			unix.Close(stack[len(stack)-1])
			stack = stack[:len(stack)-1]
			cur = root
			if len(stack) > 0 {
				cur = stack[len(stack)-1]
			}
			continue
		}
		if !last || follow || mustDir {
			var st unix.Stat_t
			err := unix.Fstatat(cur, c, &st, unix.AT_SYMLINK_NOFOLLOW)
			if err == nil && st.Mode&unix.S_IFMT == unix.S_IFLNK {
				links++
				if links > maxSymlinkFollows {
					return -1, ELOOP
				}
				target, e := readlinkAll(cur, c)
				if e != ESUCCESS {
					return -1, e
				}
				if target == "" {
					return -1, ENOENT
				}
				if target[0] == '/' {
					return -1, ENOTCAPABLE
				}
				if strings.HasSuffix(target, "/") && last {
					mustDir = true
				}
				comps = append(splitPath(target), comps...)
				continue
			}
			if err != nil && !last {
				return -1, ErrnoFromHost(err)
			}
		}
		if !last {
			fd, err := unix.Openat(cur, c, dirSearchFlags|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
			if err != nil {
				return -1, ErrnoFromHost(nofollowErr(err))
			}
			stack = append(stack, fd)
			cur = fd
			continue
		}
		fl := flags | unix.O_NOFOLLOW | unix.O_CLOEXEC
		if mustDir {
			fl |= unix.O_DIRECTORY
		}
		fd, err := unix.Openat(cur, c, fl, mode)
		if err != nil {
			return -1, ErrnoFromHost(nofollowErr(err))
		}
		return fd, ESUCCESS
	}
	fd, err := unix.Openat(cur, ".", flags|unix.O_CLOEXEC, mode)
	if err != nil {
		return -1, ErrnoFromHost(err)
	}
	return fd, ESUCCESS
}

func readlinkAll(dir int, name string) (string, Errno) {
	for size := 256; size <= 1<<16; size *= 4 {
		buf := make([]byte, size)
		n, err := unix.Readlinkat(dir, name, buf)
		if err != nil {
			return "", ErrnoFromHost(err)
		}
		if n < size {
			return string(buf[:n]), ESUCCESS
		}
	}
	return "", ENAMETOOLONG
}

// at is a resolved (directory, final component) pair; release closes the
// directory when it was opened for the purpose.
type at struct {
	dir     int
	name    string
	slash   bool // the guest path had a trailing slash
	ownsDir bool
}

func (a at) release() {
	if a.ownsDir {
		unix.Close(a.dir)
	}
}

// parent opens the directory that contains p's final component, beneath
// root. The final component may be "." or ".." (callers decide).
func (s *System) parent(root int, p string) (at, Errno) {
	if p == "" {
		return at{}, ENOENT
	}
	if p[0] == '/' {
		return at{}, ENOTCAPABLE
	}
	trimmed := strings.TrimRight(p, "/")
	slash := len(trimmed) != len(p)
	if trimmed == "" {
		return at{}, ENOTCAPABLE
	}
	i := strings.LastIndexByte(trimmed, '/')
	if i < 0 {
		return at{dir: root, name: trimmed, slash: slash}, ESUCCESS
	}
	fd, e := s.openBeneath(root, trimmed[:i+1], dirSearchFlags, 0, true)
	if e != ESUCCESS {
		return at{}, e
	}
	return at{dir: fd, name: trimmed[i+1:], slash: slash, ownsDir: true}, ESUCCESS
}

// final resolves p to a (directory, name) pair naming the object itself:
// when follow is set (or the path ends in a slash), symlinks in the final
// component are resolved, staying beneath root. Names "." and ".." are
// replaced by opening the directory they denote.
func (s *System) final(root int, p string, follow bool) (at, Errno) {
	for range maxSymlinkFollows + 1 {
		a, e := s.parent(root, p)
		if e != ESUCCESS {
			return at{}, e
		}
		if a.name == "." || a.name == ".." {
			a.release()
			fd, e := s.openBeneath(root, p, dirSearchFlags, 0, true)
			if e != ESUCCESS {
				return at{}, e
			}
			return at{dir: fd, name: ".", ownsDir: true}, ESUCCESS
		}
		if !follow && !a.slash {
			return a, ESUCCESS
		}
		var st unix.Stat_t
		if err := unix.Fstatat(a.dir, a.name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil || st.Mode&unix.S_IFMT != unix.S_IFLNK {
			return a, ESUCCESS
		}
		target, e := readlinkAll(a.dir, a.name)
		a.release()
		if e != ESUCCESS {
			return at{}, e
		}
		if target == "" {
			return at{}, ENOENT
		}
		if target[0] == '/' {
			return at{}, ENOTCAPABLE
		}
		trimmed := strings.TrimRight(p, "/")
		dir := ""
		if i := strings.LastIndexByte(trimmed, '/'); i >= 0 {
			dir = trimmed[:i+1]
		}
		p = dir + target
		if a.slash {
			p += "/"
		}
	}
	return at{}, ELOOP
}
