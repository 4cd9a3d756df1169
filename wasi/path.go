package wasi

import (
	"io/fs"
	"path"

	"golang.org/x/sys/unix"
)

// dirEntry returns fd's entry if it is a directory holding right.
func (s *System) dirEntry(fd uint32, right Rights) (*entry, Errno) {
	e, errno := s.get(fd, right)
	if errno != ESUCCESS {
		return nil, errno
	}
	if e.kind != FiletypeDirectory {
		return nil, ENOTDIR
	}
	return e, ESUCCESS
}

// fsJoin resolves a guest path lexically inside an fs.FS mount.
func fsJoin(base, p string) (string, Errno) {
	if p == "" {
		return "", ENOENT
	}
	if p[0] == '/' {
		return "", ENOTCAPABLE
	}
	c := path.Clean(p)
	if c == ".." || len(c) > 2 && c[:3] == "../" {
		return "", ENOTCAPABLE
	}
	j := path.Join(base, c)
	if !fs.ValidPath(j) {
		return "", ENOTCAPABLE
	}
	return j, ESUCCESS
}

func fsErrno(err error) Errno {
	switch {
	case err == nil:
		return ESUCCESS
	case errorsIs(err, fs.ErrNotExist):
		return ENOENT
	case errorsIs(err, fs.ErrPermission):
		return EACCES
	case errorsIs(err, fs.ErrInvalid):
		return EINVAL
	}
	if e := ErrnoFromHost(err); e != EIO {
		return e
	}
	return EIO
}

// PathCreateDirectory implements path_create_directory.
func (s *System) PathCreateDirectory(mem []byte, fd, p, n uint32) Errno {
	e, errno := s.dirEntry(fd, RightPathCreateDirectory)
	if errno != ESUCCESS {
		return errno
	}
	name, errno := mem_(mem).path(p, n)
	if errno != ESUCCESS {
		return errno
	}
	if e.readOnly {
		return EROFS
	}
	a, errno := s.parent(e.hostfd, name)
	if errno != ESUCCESS {
		return errno
	}
	defer a.release()
	if a.name == "." || a.name == ".." {
		return EEXIST
	}
	return ErrnoFromHost(unix.Mkdirat(a.dir, a.name, 0o777))
}

// PathFilestatGet implements path_filestat_get.
func (s *System) PathFilestatGet(mem []byte, fd, flags, p, n, buf uint32) Errno {
	b, ok := mem_(mem).slice(buf, filestatSize)
	return s.pathFilestatGet(mem, fd, flags, p, n, b, ok)
}

// pathFilestatGet is path_filestat_get writing the filestat into b, which
// is in the guest's memory only if ok (else the result is EFAULT).
func (s *System) pathFilestatGet(mem []byte, fd, flags, p, n uint32, b []byte, ok bool) Errno {
	e, errno := s.dirEntry(fd, RightPathFilestatGet)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	name, errno := m.path(p, n)
	if errno != ESUCCESS {
		return errno
	}
	if !ok {
		return EFAULT
	}
	if e.fsys != nil {
		j, errno := fsJoin(e.fsPath, name)
		if errno != ESUCCESS {
			return errno
		}
		var fi fs.FileInfo
		var err error
		if flags&LookupSymlinkFollow != 0 {
			fi, err = fs.Stat(e.fsys, j)
		} else {
			fi, err = fs.Lstat(e.fsys, j)
		}
		if err != nil {
			return fsErrno(err)
		}
		encodeFSStat(b, j, fi)
		return ESUCCESS
	}
	a, errno := s.final(e.hostfd, name, flags&LookupSymlinkFollow != 0)
	if errno != ESUCCESS {
		return errno
	}
	defer a.release()
	var st unix.Stat_t
	if err := unix.Fstatat(a.dir, a.name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return ErrnoFromHost(err)
	}
	if a.slash && st.Mode&unix.S_IFMT != unix.S_IFDIR {
		return ENOTDIR
	}
	encodeStat(b, -1, &st)
	return ESUCCESS
}

// PathFilestatSetTimes implements path_filestat_set_times; without
// LookupSymlinkFollow a symlink's own times are set.
func (s *System) PathFilestatSetTimes(mem []byte, fd, flags, p, n uint32, atim, mtim uint64, fstflags uint32) Errno {
	e, errno := s.dirEntry(fd, RightPathFilestatSetTimes)
	if errno != ESUCCESS {
		return errno
	}
	name, errno := mem_(mem).path(p, n)
	if errno != ESUCCESS {
		return errno
	}
	ts, errno := timespecs(atim, mtim, fstflags)
	if errno != ESUCCESS {
		return errno
	}
	if e.readOnly {
		return EROFS
	}
	a, errno := s.final(e.hostfd, name, flags&LookupSymlinkFollow != 0)
	if errno != ESUCCESS {
		return errno
	}
	defer a.release()
	return ErrnoFromHost(unix.UtimesNanoAt(a.dir, a.name, ts[:], unix.AT_SYMLINK_NOFOLLOW))
}

// PathLink implements path_link.
func (s *System) PathLink(mem []byte, oldFd, oldFlags, oldPath, oldLen, newFd, newPath, newLen uint32) Errno {
	oe, errno := s.dirEntry(oldFd, RightPathLinkSource)
	if errno != ESUCCESS {
		return errno
	}
	ne, errno := s.dirEntry(newFd, RightPathLinkTarget)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	op, errno := m.path(oldPath, oldLen)
	if errno != ESUCCESS {
		return errno
	}
	np, errno := m.path(newPath, newLen)
	if errno != ESUCCESS {
		return errno
	}
	if oe.readOnly || ne.readOnly {
		return EROFS
	}
	src, errno := s.final(oe.hostfd, op, oldFlags&LookupSymlinkFollow != 0)
	if errno != ESUCCESS {
		return errno
	}
	defer src.release()
	if src.name == "." {
		return EPERM
	}
	dst, errno := s.parent(ne.hostfd, np)
	if errno != ESUCCESS {
		return errno
	}
	defer dst.release()
	if dst.name == "." || dst.name == ".." {
		return EEXIST
	}
	if dst.slash {
		return ENOENT
	}
	return ErrnoFromHost(unix.Linkat(src.dir, src.name, dst.dir, dst.name, 0))
}

// PathOpen implements path_open. The new descriptor's rights are the
// requested ones narrowed to what the directory can hand down and to what
// the opened object supports.
func (s *System) PathOpen(mem []byte, fd, dirflags, p, n, oflags uint32, base, inheriting uint64, fdflags, out uint32) Errno {
	e, errno := s.dirEntry(fd, RightPathOpen)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	name, errno := m.path(p, n)
	if errno != ESUCCESS {
		return errno
	}
	if !m.ok(out, 4) {
		return EFAULT
	}
	if oflags&^(OflagCreat|OflagDirectory|OflagExcl|OflagTrunc) != 0 ||
		fdflags&^(FdflagAppend|FdflagDsync|FdflagNonblock|FdflagRsync|FdflagSync) != 0 {
		return EINVAL
	}
	if oflags&OflagCreat != 0 && e.base&RightPathCreateFile == 0 {
		return ENOTCAPABLE
	}
	// The synchronized-I/O flags need the directory's sync rights:
	// FD_SYNC for RSYNC and SYNC, FD_DATASYNC or FD_SYNC for DSYNC.
	if fdflags&(FdflagRsync|FdflagSync) != 0 && e.base&RightFdSync == 0 ||
		fdflags&FdflagDsync != 0 && e.base&(RightFdDatasync|RightFdSync) == 0 {
		return ENOTCAPABLE
	}
	// O_TRUNC needs the directory's PATH_FILESTAT_SET_SIZE right only once
	// the guest has dropped it with fd_fdstat_set_rights (from this
	// directory, or from the inheriting rights of the one it was opened
	// through). A right merely not requested at path_open does not count:
	// Go's wasip1 runtime opens every read-only directory without it (it
	// counts it among the write rights) and then creates files beneath
	// with O_TRUNC, as os.Root.Create does; it never calls
	// fd_fdstat_set_rights.
	if oflags&OflagTrunc != 0 && e.base&RightPathFilestatSetSize == 0 && e.dropped&RightPathFilestatSetSize != 0 {
		return ENOTCAPABLE
	}
	nb, ni := Rights(base)&e.inh, Rights(inheriting)&e.inh
	read := nb&(RightFdRead|RightFdReaddir) != 0
	// A request with FD_WRITE (or APPEND) opens for writing, and a
	// directory cannot be opened so: EISDIR, with or without O_DIRECTORY,
	// as the reference runtime and POSIX open(O_RDWR) do.
	write := nb&RightFdWrite != 0 || fdflags&FdflagAppend != 0
	if e.readOnly && (write || oflags&(OflagCreat|OflagTrunc) != 0) {
		return EROFS
	}
	if e.fsys != nil {
		return s.openFS(m, e, name, oflags, nb, ni, out)
	}
	var fl int
	switch {
	case read && write:
		fl = unix.O_RDWR
	case write:
		fl = unix.O_WRONLY
	default:
		fl = unix.O_RDONLY
	}
	if oflags&OflagCreat != 0 {
		fl |= unix.O_CREAT
	}
	if oflags&OflagExcl != 0 {
		fl |= unix.O_EXCL
	}
	if oflags&OflagTrunc != 0 {
		fl |= unix.O_TRUNC
	}
	if oflags&OflagDirectory != 0 {
		fl |= unix.O_DIRECTORY
	}
	if fdflags&FdflagAppend != 0 {
		fl |= unix.O_APPEND
	}
	if fdflags&FdflagDsync != 0 {
		fl |= oDsync
	}
	if fdflags&(FdflagSync|FdflagRsync) != 0 {
		fl |= unix.O_SYNC
	}
	if fdflags&FdflagNonblock != 0 {
		fl |= unix.O_NONBLOCK
	}
	follow := dirflags&LookupSymlinkFollow != 0
	h, errno := s.openBeneath(e.hostfd, name, fl, 0o666, follow)
	if errno != ESUCCESS {
		return errno
	}
	var st unix.Stat_t
	if err := unix.Fstat(h, &st); err != nil {
		unix.Close(h)
		return ErrnoFromHost(err)
	}
	ne := &entry{hostfd: h, kind: hostFiletype(h, &st), readOnly: e.readOnly}
	switch ne.kind {
	case FiletypeDirectory:
		ne.base, ne.inh = nb&RightsDirectory, ni
		ne.root, ne.dropped, ne.droppedInh = e.root, e.droppedInh, e.droppedInh
	case FiletypeSocketStream, FiletypeSocketDgram:
		ne.base, ne.inh = nb&RightsSocket, 0
	default:
		ne.base, ne.inh = nb&RightsRegularFile, 0
	}
	acc := fl & unix.O_ACCMODE
	if acc == unix.O_RDONLY {
		ne.base &^= RightFdWrite | RightFdAllocate | RightFdFilestatSetSize | RightFdDatasync
	}
	if acc == unix.O_WRONLY {
		ne.base &^= RightFdRead | RightFdReaddir
	}
	nfd, errno := s.alloc(ne)
	if errno != ESUCCESS {
		ne.close()
		return errno
	}
	m.putU32(out, nfd)
	return ESUCCESS
}

func (s *System) openFS(m mem, e *entry, name string, oflags uint32, nb, ni Rights, out uint32) Errno {
	j, errno := fsJoin(e.fsPath, name)
	if errno != ESUCCESS {
		return errno
	}
	f, err := e.fsys.Open(j)
	if err != nil {
		return fsErrno(err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fsErrno(err)
	}
	if oflags&OflagExcl != 0 && oflags&OflagCreat != 0 {
		f.Close()
		return EEXIST
	}
	ne := &entry{hostfd: -1, fsys: e.fsys, fsPath: j, fsFile: f, kind: fsFiletype(fi.Mode()), readOnly: true}
	if ne.kind == FiletypeDirectory {
		ne.base, ne.inh = nb&RightsDirectory, ni
		ne.dropped, ne.droppedInh = e.droppedInh, e.droppedInh
	} else {
		if oflags&OflagDirectory != 0 {
			f.Close()
			return ENOTDIR
		}
		ne.base = nb & RightsRegularFile &^ (RightFdWrite | RightFdAllocate | RightFdFilestatSetSize | RightFdDatasync)
	}
	nfd, errno := s.alloc(ne)
	if errno != ESUCCESS {
		ne.close()
		return errno
	}
	m.putU32(out, nfd)
	return ESUCCESS
}

// PathReadlink implements path_readlink; the target is truncated to the
// buffer.
func (s *System) PathReadlink(mem []byte, fd, p, n, buf, bufLen, bufused uint32) Errno {
	e, errno := s.dirEntry(fd, RightPathReadlink)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	name, errno := m.path(p, n)
	if errno != ESUCCESS {
		return errno
	}
	out, ok := m.slice(buf, bufLen)
	if !ok || !m.ok(bufused, 4) {
		return EFAULT
	}
	var target string
	if e.fsys != nil {
		j, errno := fsJoin(e.fsPath, name)
		if errno != ESUCCESS {
			return errno
		}
		t, err := fs.ReadLink(e.fsys, j)
		if err != nil {
			if errorsIs(err, fs.ErrInvalid) {
				return EINVAL
			}
			return fsErrno(err)
		}
		target = t
	} else {
		a, errno := s.parent(e.hostfd, name)
		if errno != ESUCCESS {
			return errno
		}
		defer a.release()
		if a.name == "." || a.name == ".." {
			return EINVAL
		}
		if target, errno = readlinkAll(a.dir, a.name); errno != ESUCCESS {
			return errno
		}
	}
	k := copy(out, target)
	m.putU32(bufused, uint32(k))
	return ESUCCESS
}

// PathRemoveDirectory implements path_remove_directory.
func (s *System) PathRemoveDirectory(mem []byte, fd, p, n uint32) Errno {
	e, errno := s.dirEntry(fd, RightPathRemoveDirectory)
	if errno != ESUCCESS {
		return errno
	}
	name, errno := mem_(mem).path(p, n)
	if errno != ESUCCESS {
		return errno
	}
	if e.readOnly {
		return EROFS
	}
	a, errno := s.parent(e.hostfd, name)
	if errno != ESUCCESS {
		return errno
	}
	defer a.release()
	switch a.name {
	case ".":
		return EINVAL
	case "..":
		return ENOTEMPTY
	}
	return ErrnoFromHost(unix.Unlinkat(a.dir, a.name, unix.AT_REMOVEDIR))
}

// PathRename implements path_rename.
func (s *System) PathRename(mem []byte, fd, oldPath, oldLen, newFd, newPath, newLen uint32) Errno {
	oe, errno := s.dirEntry(fd, RightPathRenameSource)
	if errno != ESUCCESS {
		return errno
	}
	ne, errno := s.dirEntry(newFd, RightPathRenameTarget)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	op, errno := m.path(oldPath, oldLen)
	if errno != ESUCCESS {
		return errno
	}
	np, errno := m.path(newPath, newLen)
	if errno != ESUCCESS {
		return errno
	}
	if oe.readOnly || ne.readOnly {
		return EROFS
	}
	src, errno := s.parent(oe.hostfd, op)
	if errno != ESUCCESS {
		return errno
	}
	defer src.release()
	dst, errno := s.parent(ne.hostfd, np)
	if errno != ESUCCESS {
		return errno
	}
	defer dst.release()
	if src.name == "." || src.name == ".." || dst.name == "." || dst.name == ".." {
		return EBUSY
	}
	if src.slash || dst.slash {
		var st unix.Stat_t
		if err := unix.Fstatat(src.dir, src.name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			return ErrnoFromHost(err)
		}
		if st.Mode&unix.S_IFMT != unix.S_IFDIR {
			return ENOTDIR
		}
	}
	return ErrnoFromHost(unix.Renameat(src.dir, src.name, dst.dir, dst.name))
}

// PathSymlink implements path_symlink. Absolute targets are refused
// (ENOTCAPABLE): they could never resolve inside the sandbox.
func (s *System) PathSymlink(mem []byte, oldPath, oldLen, fd, newPath, newLen uint32) Errno {
	e, errno := s.dirEntry(fd, RightPathSymlink)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	target, errno := m.path(oldPath, oldLen)
	if errno != ESUCCESS {
		return errno
	}
	np, errno := m.path(newPath, newLen)
	if errno != ESUCCESS {
		return errno
	}
	if e.readOnly {
		return EROFS
	}
	if target == "" {
		return ENOENT
	}
	if target[0] == '/' {
		return ENOTCAPABLE
	}
	dst, errno := s.parent(e.hostfd, np)
	if errno != ESUCCESS {
		return errno
	}
	defer dst.release()
	if dst.name == "." || dst.name == ".." {
		return EEXIST
	}
	if dst.slash {
		return ENOENT
	}
	return ErrnoFromHost(unix.Symlinkat(target, dst.dir, dst.name))
}

// PathUnlinkFile implements path_unlink_file.
func (s *System) PathUnlinkFile(mem []byte, fd, p, n uint32) Errno {
	e, errno := s.dirEntry(fd, RightPathUnlinkFile)
	if errno != ESUCCESS {
		return errno
	}
	name, errno := mem_(mem).path(p, n)
	if errno != ESUCCESS {
		return errno
	}
	if e.readOnly {
		return EROFS
	}
	a, errno := s.parent(e.hostfd, name)
	if errno != ESUCCESS {
		return errno
	}
	defer a.release()
	if a.name == "." || a.name == ".." {
		return EISDIR
	}
	if a.slash {
		var st unix.Stat_t
		if err := unix.Fstatat(a.dir, a.name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			return ErrnoFromHost(err)
		}
		if st.Mode&unix.S_IFMT == unix.S_IFDIR {
			return EISDIR
		}
		return ENOTDIR
	}
	err := unix.Unlinkat(a.dir, a.name, 0)
	if err == unix.EPERM {
		// darwin and FreeBSD refuse to unlink a directory with EPERM
		// where Linux says EISDIR; report EISDIR everywhere.
		var st unix.Stat_t
		if unix.Fstatat(a.dir, a.name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR {
			return EISDIR
		}
	}
	return ErrnoFromHost(err)
}
