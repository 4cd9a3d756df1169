package wasi

import (
	"context"
	"encoding/binary"
	"hash/fnv"
	"io"
	"io/fs"
	"math"
	"path"
	"unsafe"

	"golang.org/x/sys/unix"
)

func filetypeOfMode(mode uint32) Filetype {
	switch mode & unix.S_IFMT {
	case unix.S_IFREG:
		return FiletypeRegularFile
	case unix.S_IFDIR:
		return FiletypeDirectory
	case unix.S_IFLNK:
		return FiletypeSymbolicLink
	case unix.S_IFCHR:
		return FiletypeCharacterDevice
	case unix.S_IFBLK:
		return FiletypeBlockDevice
	case unix.S_IFSOCK:
		return FiletypeSocketStream
	}
	return FiletypeUnknown
}

func hostFiletype(fd int, st *unix.Stat_t) Filetype {
	t := filetypeOfMode(uint32(st.Mode))
	if t == FiletypeSocketStream && fd >= 0 {
		if v, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TYPE); err == nil && v == unix.SOCK_DGRAM {
			return FiletypeSocketDgram
		}
	}
	return t
}

func nanos(ts unix.Timespec) uint64 { return uint64(ts.Sec)*1e9 + uint64(ts.Nsec) }

func encodeStat(b []byte, fd int, st *unix.Stat_t) {
	le64(b, 0, devOf(st))
	le64(b, 8, uint64(st.Ino))
	b[16] = byte(hostFiletype(fd, st))
	le64(b, 24, uint64(st.Nlink))
	le64(b, 32, uint64(st.Size))
	atim, mtim, ctim := statTimes(st)
	le64(b, 40, nanos(atim))
	le64(b, 48, nanos(mtim))
	le64(b, 56, nanos(ctim))
}

func fsInode(p string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(p))
	return h.Sum64()
}

func encodeFSStat(b []byte, p string, fi fs.FileInfo) {
	clear(b[:filestatSize])
	le64(b, 8, fsInode(p))
	b[16] = byte(fsFiletype(fi.Mode()))
	le64(b, 24, 1)
	le64(b, 32, uint64(fi.Size()))
	t := uint64(0)
	if mt := fi.ModTime(); !mt.IsZero() && mt.UnixNano() > 0 {
		t = uint64(mt.UnixNano())
	}
	le64(b, 40, t)
	le64(b, 48, t)
	le64(b, 56, t)
}

func fsFiletype(m fs.FileMode) Filetype {
	switch {
	case m.IsDir():
		return FiletypeDirectory
	case m.IsRegular():
		return FiletypeRegularFile
	case m&fs.ModeSymlink != 0:
		return FiletypeSymbolicLink
	case m&fs.ModeCharDevice != 0:
		return FiletypeCharacterDevice
	case m&fs.ModeDevice != 0:
		return FiletypeBlockDevice
	case m&fs.ModeSocket != 0:
		return FiletypeSocketStream
	}
	return FiletypeUnknown
}

// stdioFd returns the host descriptor behind a stdio entry's reader or
// writer, or -1. It is taken once, at New: os.File.Fd puts the descriptor
// back into blocking mode at every call, which would undo a guest's
// FdflagNonblock.
func (e *entry) stdioFd() int {
	if e.r == nil && e.w == nil {
		return -1
	}
	return e.iofd
}

// fdOf returns the host descriptor of a stdio reader or writer that has one.
func fdOf(v any) int {
	if f, ok := v.(interface{ Fd() uintptr }); ok {
		return int(f.Fd())
	}
	return -1
}

// FdAdvise implements fd_advise.
func (s *System) FdAdvise(mem []byte, fd uint32, offset, length uint64, advice uint32) Errno {
	e, errno := s.get(fd, RightFdAdvise)
	if errno != ESUCCESS {
		return errno
	}
	if advice > 5 {
		return EINVAL
	}
	if offset > math.MaxInt64 || length > math.MaxInt64 {
		return EINVAL
	}
	if e.kind == FiletypeDirectory {
		return EBADF
	}
	if e.hostfd < 0 {
		if e.fsys != nil {
			return ESUCCESS
		}
		return ESPIPE
	}
	return ErrnoFromHost(fadvise(e.hostfd, int64(offset), int64(length), advice))
}

// FdAllocate implements fd_allocate.
func (s *System) FdAllocate(mem []byte, fd uint32, offset, length uint64) Errno {
	e, errno := s.get(fd, RightFdAllocate)
	if errno != ESUCCESS {
		return errno
	}
	if offset > math.MaxInt64 || length > math.MaxInt64 || offset+length > math.MaxInt64 {
		return EFBIG
	}
	if length == 0 {
		return EINVAL
	}
	if e.kind == FiletypeDirectory {
		return EBADF
	}
	if e.hostfd < 0 {
		return EBADF
	}
	err := fallocate(e.hostfd, int64(offset), int64(length))
	return ErrnoFromHost(err)
}

// FdClose implements fd_close.
func (s *System) FdClose(mem []byte, fd uint32) Errno {
	e, ok := s.fds[fd]
	if !ok {
		return EBADF
	}
	delete(s.fds, fd)
	return e.close()
}

// FdDatasync implements fd_datasync.
func (s *System) FdDatasync(mem []byte, fd uint32) Errno {
	e, errno := s.get(fd, RightFdDatasync)
	if errno != ESUCCESS {
		return errno
	}
	if e.hostfd < 0 {
		if e.fsys != nil {
			return ESUCCESS
		}
		return EINVAL
	}
	return ErrnoFromHost(fdatasync(e.hostfd))
}

// FdSync implements fd_sync.
func (s *System) FdSync(mem []byte, fd uint32) Errno {
	e, errno := s.get(fd, RightFdSync)
	if errno != ESUCCESS {
		return errno
	}
	if e.hostfd < 0 {
		if e.fsys != nil {
			return ESUCCESS
		}
		return EINVAL
	}
	return ErrnoFromHost(unix.Fsync(e.hostfd))
}

func hostFdflags(fd int) (uint16, Errno) {
	fl, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	if err != nil {
		return 0, ErrnoFromHost(err)
	}
	var f uint16
	if fl&unix.O_APPEND != 0 {
		f |= FdflagAppend
	}
	if fl&unix.O_NONBLOCK != 0 {
		f |= FdflagNonblock
	}
	if fl&unix.O_SYNC == unix.O_SYNC {
		f |= FdflagSync
	} else if fl&oDsync != 0 {
		f |= FdflagDsync
	}
	return f, ESUCCESS
}

// FdFdstatGet implements fd_fdstat_get.
func (s *System) FdFdstatGet(mem []byte, fd, buf uint32) Errno {
	e, errno := s.get(fd, 0)
	if errno != ESUCCESS {
		return errno
	}
	b, ok := mem_(mem).slice(buf, fdstatSize)
	if !ok {
		return EFAULT
	}
	flags := e.flags
	if e.hostfd >= 0 && !e.isPreopen && !e.listener {
		if flags, errno = hostFdflags(e.hostfd); errno != ESUCCESS {
			return errno
		}
	}
	clear(b)
	b[0] = byte(e.kind)
	le16(b, 2, flags)
	le64(b, 8, uint64(e.base))
	le64(b, 16, uint64(e.inh))
	return ESUCCESS
}

func mem_(m []byte) mem { return mem(m) }

// FdFdstatSetFlags implements fd_fdstat_set_flags (APPEND and NONBLOCK
// can be changed; the sync flags are fixed at open, as on Linux).
func (s *System) FdFdstatSetFlags(mem []byte, fd uint32, flags uint32) Errno {
	e, errno := s.get(fd, RightFdFdstatSetFlags)
	if errno != ESUCCESS {
		return errno
	}
	if flags&^(FdflagAppend|FdflagDsync|FdflagNonblock|FdflagRsync|FdflagSync) != 0 {
		return EINVAL
	}
	h := e.hostfd
	if e.listener {
		// A listener's blocking mode is the guest's view only (see
		// SockAccept): the host descriptor may be shared with a Go
		// listener, which needs it non-blocking.
		if flags&^FdflagNonblock != 0 {
			return ENOTSUP
		}
		e.flags = uint16(flags)
		return ESUCCESS
	}
	if h < 0 {
		h = e.stdioFd()
		if e.w != nil {
			h = e.stdioFd()
		}
	}
	if h < 0 {
		if flags&(FdflagDsync|FdflagRsync|FdflagSync) != 0 {
			return ENOTSUP
		}
		e.flags = uint16(flags)
		return ESUCCESS
	}
	cur, err := unix.FcntlInt(uintptr(h), unix.F_GETFL, 0)
	if err != nil {
		return ErrnoFromHost(err)
	}
	if cur&unix.O_SYNC == unix.O_SYNC != (flags&FdflagSync != 0) && flags&(FdflagSync|FdflagRsync) != 0 {
		return ENOTSUP
	}
	nf := cur &^ (unix.O_APPEND | unix.O_NONBLOCK)
	if flags&FdflagAppend != 0 {
		nf |= unix.O_APPEND
	}
	if flags&FdflagNonblock != 0 {
		nf |= unix.O_NONBLOCK
	}
	if _, err := unix.FcntlInt(uintptr(h), unix.F_SETFL, nf); err != nil {
		return ErrnoFromHost(err)
	}
	if e.hostfd < 0 {
		e.flags = uint16(flags)
	}
	return ESUCCESS
}

// FdFdstatSetRights implements fd_fdstat_set_rights: rights can only be
// narrowed.
func (s *System) FdFdstatSetRights(mem []byte, fd uint32, base, inheriting uint64) Errno {
	e, errno := s.get(fd, 0)
	if errno != ESUCCESS {
		return errno
	}
	if Rights(base)&^e.base != 0 || Rights(inheriting)&^e.inh != 0 {
		return ENOTCAPABLE
	}
	e.dropped |= e.base &^ Rights(base)
	e.droppedInh |= e.inh &^ Rights(inheriting)
	e.base, e.inh = Rights(base), Rights(inheriting)
	return ESUCCESS
}

// FdFilestatGet implements fd_filestat_get.
func (s *System) FdFilestatGet(mem []byte, fd, buf uint32) Errno {
	e, errno := s.get(fd, RightFdFilestatGet)
	if errno != ESUCCESS {
		return errno
	}
	b, ok := mem_(mem).slice(buf, filestatSize)
	if !ok {
		return EFAULT
	}
	h := e.hostfd
	if h < 0 && e.fsys == nil {
		if e.r != nil {
			h = e.stdioFd()
		} else {
			h = e.stdioFd()
		}
	}
	if h >= 0 {
		var st unix.Stat_t
		if err := unix.Fstat(h, &st); err != nil {
			return ErrnoFromHost(err)
		}
		encodeStat(b, h, &st)
		return ESUCCESS
	}
	if e.fsys != nil {
		fi, err := fs.Stat(e.fsys, e.fsPath)
		if e.fsFile != nil {
			fi, err = e.fsFile.Stat()
		}
		if err != nil {
			return EIO
		}
		encodeFSStat(b, e.fsPath, fi)
		return ESUCCESS
	}
	clear(b)
	b[16] = byte(e.kind)
	return ESUCCESS
}

// FdFilestatSetSize implements fd_filestat_set_size.
func (s *System) FdFilestatSetSize(mem []byte, fd uint32, size uint64) Errno {
	e, errno := s.get(fd, RightFdFilestatSetSize)
	if errno != ESUCCESS {
		return errno
	}
	if size > math.MaxInt64 {
		return EFBIG
	}
	if e.hostfd < 0 {
		if e.fsys != nil {
			return EROFS
		}
		return EINVAL
	}
	return ErrnoFromHost(unix.Ftruncate(e.hostfd, int64(size)))
}

func timespecs(atim, mtim uint64, fst uint32) ([2]unix.Timespec, Errno) {
	var ts [2]unix.Timespec
	if fst&^(FstflagAtim|FstflagAtimNow|FstflagMtim|FstflagMtimNow) != 0 ||
		fst&(FstflagAtim|FstflagAtimNow) == FstflagAtim|FstflagAtimNow ||
		fst&(FstflagMtim|FstflagMtimNow) == FstflagMtim|FstflagMtimNow {
		return ts, EINVAL
	}
	set := func(t *unix.Timespec, v uint64, val, now uint32) {
		switch {
		case fst&now != 0:
			t.Nsec = utimeNow
		case fst&val != 0:
			*t = unix.NsecToTimespec(int64(v))
		default:
			t.Nsec = utimeOmit
		}
	}
	set(&ts[0], atim, FstflagAtim, FstflagAtimNow)
	set(&ts[1], mtim, FstflagMtim, FstflagMtimNow)
	return ts, ESUCCESS
}

// FdFilestatSetTimes implements fd_filestat_set_times.
func (s *System) FdFilestatSetTimes(mem []byte, fd uint32, atim, mtim uint64, fstflags uint32) Errno {
	e, errno := s.get(fd, RightFdFilestatSetTimes)
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
	if e.hostfd < 0 {
		return EINVAL
	}
	return ErrnoFromHost(futimens(e.hostfd, &ts))
}

// FdPrestatGet implements fd_prestat_get.
func (s *System) FdPrestatGet(mem []byte, fd, buf uint32) Errno {
	e, ok := s.fds[fd]
	if !ok || !e.isPreopen {
		return EBADF
	}
	b, ok := mem_(mem).slice(buf, prestatSize)
	if !ok {
		return EFAULT
	}
	clear(b)
	b[0] = preopentypeDir
	le32(b, 4, uint32(len(e.preopen)))
	return ESUCCESS
}

// FdPrestatDirName implements fd_prestat_dir_name.
func (s *System) FdPrestatDirName(mem []byte, fd, p, n uint32) Errno {
	e, ok := s.fds[fd]
	if !ok || !e.isPreopen {
		return EBADF
	}
	if n < uint32(len(e.preopen)) {
		return ENAMETOOLONG
	}
	b, ok := mem_(mem).slice(p, uint32(len(e.preopen)))
	if !ok {
		return EFAULT
	}
	copy(b, e.preopen)
	return ESUCCESS
}

func readerFrom(e *entry) io.Reader {
	if e.r != nil {
		return e.r
	}
	if e.fsFile != nil {
		return e.fsFile
	}
	return nil
}

// readInto reads from r into iovs until a short read, the end of input
// or, when more is not nil, until more reports that the next Read could
// block.
func readInto(r io.Reader, iovs [][]byte, more func() bool) (int, Errno) {
	total := 0
	for _, b := range iovs {
		if len(b) == 0 {
			continue
		}
		if total > 0 && more != nil && !more() {
			break
		}
		n, err := r.Read(b)
		total += n
		if err == io.EOF {
			break
		}
		if err != nil {
			if total > 0 {
				break
			}
			return 0, ErrnoFromHost(err)
		}
		if n < len(b) {
			break
		}
	}
	return total, ESUCCESS
}

// FdRead implements fd_read. A read that waits (on a pipe, socket or
// terminal, or a stdin with an Fd method) ends when ctx does: the error is
// then ctx.Err() and the guest's run must end.
func (s *System) FdRead(ctx context.Context, mem []byte, fd, iovs, iovsLen, nread uint32) (Errno, error) {
	e, errno := s.get(fd, RightFdRead)
	if errno != ESUCCESS {
		return errno, nil
	}
	m := mem_(mem)
	bufs, errno := m.iovecs(iovs, iovsLen)
	if errno != ESUCCESS {
		return errno, nil
	}
	if !m.ok(nread, 4) {
		return EFAULT, nil
	}
	if e.kind == FiletypeDirectory {
		return EISDIR, nil
	}
	var n int
	if e.hostfd >= 0 {
		if errno, cancelled := s.ready(ctx, e, e.hostfd, unix.POLLIN); cancelled != nil || errno != ESUCCESS {
			return errno, cancelled
		}
		for {
			var err error
			n, err = readv(e.hostfd, bufs)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				return ErrnoFromHost(err), nil
			}
			break
		}
	} else if r := readerFrom(e); r != nil {
		var more func() bool
		if h := e.stdioFd(); e.r != nil && h >= 0 {
			if errno, cancelled := s.ready(ctx, e, h, unix.POLLIN); cancelled != nil || errno != ESUCCESS {
				return errno, cancelled
			}
			if e.mayBlock(ctx, h) {
				more = func() bool { return readyNow(h, unix.POLLIN) }
			}
		}
		if n, errno = readInto(r, bufs, more); errno != ESUCCESS {
			return errno, nil
		}
	} else {
		return EBADF, nil
	}
	m.putU32(nread, uint32(n))
	return ESUCCESS, nil
}

// FdPread implements fd_pread.
func (s *System) FdPread(mem []byte, fd, iovs, iovsLen uint32, offset uint64, nread uint32) Errno {
	e, errno := s.get(fd, RightFdRead|RightFdSeek)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	bufs, errno := m.iovecs(iovs, iovsLen)
	if errno != ESUCCESS {
		return errno
	}
	if !m.ok(nread, 4) {
		return EFAULT
	}
	if offset > math.MaxInt64 {
		return EINVAL
	}
	if e.kind == FiletypeDirectory {
		return EISDIR
	}
	var n int
	switch {
	case e.hostfd >= 0:
		var err error
		n, err = preadv(e.hostfd, bufs, int64(offset))
		if err != nil {
			return ErrnoFromHost(err)
		}
	case e.fsFile != nil:
		ra, ok := e.fsFile.(io.ReaderAt)
		if !ok {
			return ESPIPE
		}
		off := int64(offset)
		for _, b := range bufs {
			k, err := ra.ReadAt(b, off)
			n += k
			off += int64(k)
			if err != nil || k < len(b) {
				break
			}
		}
	default:
		return ESPIPE
	}
	m.putU32(nread, uint32(n))
	return ESUCCESS
}

// FdPwrite implements fd_pwrite; it writes at offset even when the
// descriptor is in append mode.
func (s *System) FdPwrite(mem []byte, fd, iovs, iovsLen uint32, offset uint64, nwritten uint32) Errno {
	e, errno := s.get(fd, RightFdWrite|RightFdSeek)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	bufs, errno := m.iovecs(iovs, iovsLen)
	if errno != ESUCCESS {
		return errno
	}
	if !m.ok(nwritten, 4) {
		return EFAULT
	}
	if offset > math.MaxInt64 {
		return EINVAL
	}
	if e.kind == FiletypeDirectory {
		return EISDIR
	}
	if e.hostfd < 0 {
		if e.fsys != nil {
			return EBADF
		}
		return ESPIPE
	}
	fl, err := unix.FcntlInt(uintptr(e.hostfd), unix.F_GETFL, 0)
	if err != nil {
		return ErrnoFromHost(err)
	}
	n, err := pwritev(e.hostfd, bufs, int64(offset), fl)
	if err != nil {
		return ErrnoFromHost(err)
	}
	m.putU32(nwritten, uint32(n))
	return ESUCCESS
}

// FdWrite implements fd_write. A write that waits (on a pipe, socket or
// terminal, or a stdout or stderr with an Fd method) ends when ctx does:
// the error is then ctx.Err() and the guest's run must end. Such writes
// are made in pieces that cannot block, each once the descriptor is
// writable; a blocking guest's write is still complete.
func (s *System) FdWrite(ctx context.Context, mem []byte, fd, iovs, iovsLen, nwritten uint32) (Errno, error) {
	e, errno := s.get(fd, RightFdWrite)
	if errno != ESUCCESS {
		return errno, nil
	}
	m := mem_(mem)
	bufs, errno := m.iovecs(iovs, iovsLen)
	if errno != ESUCCESS {
		return errno, nil
	}
	if !m.ok(nwritten, 4) {
		return EFAULT, nil
	}
	if e.kind == FiletypeDirectory {
		return EISDIR, nil
	}
	var write func([][]byte) (int, error)
	h := e.hostfd
	switch {
	case e.hostfd >= 0:
		write = func(b [][]byte) (int, error) { return writev(e.hostfd, b) }
	case e.w != nil:
		h = e.stdioFd()
		write = func(bufs [][]byte) (int, error) {
			n := 0
			for _, b := range bufs {
				k, err := e.w.Write(b)
				n += k
				if err != nil {
					return n, err
				}
			}
			return n, nil
		}
	default:
		return EBADF, nil
	}
	var n int
	if e.mayBlock(ctx, h) {
		var cancelled error
		if n, errno, cancelled = s.writeChunked(ctx, e, h, bufs, write); cancelled != nil || errno != ESUCCESS {
			return errno, cancelled
		}
	} else {
		if e.hostfd < 0 && h >= 0 {
			if errno, _ := s.ready(ctx, e, h, unix.POLLOUT); errno != ESUCCESS {
				return errno, nil // EAGAIN for a non-blocking guest
			}
		}
		for {
			var err error
			n, err = write(bufs)
			n = max(n, 0) // -1 from a failed system call
			if err == unix.EINTR && e.hostfd >= 0 {
				continue
			}
			if err != nil && n == 0 {
				return ErrnoFromHost(err), nil
			}
			break
		}
	}
	m.putU32(nwritten, uint32(n))
	return ESUCCESS, nil
}

// writeChunked writes bufs with write to host descriptor h of e, which may
// block: e.writeRoom(h) bytes at a time, each once h is writable, waiting in
// between until all is written (as a blocking write does) or ctx ends
// (cancelled). A non-blocking guest gets a short write (or EAGAIN) when h
// stops being writable. It returns the number of bytes written.
func (s *System) writeChunked(ctx context.Context, e *entry, h int, bufs [][]byte, write func([][]byte) (int, error)) (n int, errno Errno, cancelled error) {
	for iovsLen(bufs) > 0 {
		if errno, cancelled := s.ready(ctx, e, h, unix.POLLOUT); cancelled != nil {
			return 0, ESUCCESS, cancelled
		} else if errno != ESUCCESS {
			if n > 0 {
				break // a non-blocking guest's short write
			}
			return 0, errno, nil
		}
		k, err := write(limitIovs(bufs, e.writeRoom(h)))
		k = max(k, 0) // -1 from a failed system call
		n += k
		bufs = skipIovs(bufs, k)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			if n > 0 {
				break
			}
			return 0, ErrnoFromHost(err), nil
		}
	}
	return n, ESUCCESS, nil
}

// FdRenumber implements fd_renumber: to is closed and replaced by from.
func (s *System) FdRenumber(mem []byte, from, to uint32) Errno {
	e, ok := s.fds[from]
	if !ok {
		return EBADF
	}
	old, ok := s.fds[to]
	if !ok {
		return EBADF
	}
	if from == to {
		return ESUCCESS
	}
	old.close()
	s.fds[to] = e
	delete(s.fds, from)
	return ESUCCESS
}

// FdSeek implements fd_seek.
func (s *System) FdSeek(mem []byte, fd uint32, offset uint64, whence uint32, newOffset uint32) Errno {
	need := RightFdSeek
	if whence == WhenceCur && offset == 0 {
		need = RightFdTell
	}
	e, errno := s.get(fd, need)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	if !m.ok(newOffset, 8) {
		return EFAULT
	}
	if whence > WhenceEnd {
		return EINVAL
	}
	pos, errno := e.seek(int64(offset), int(whence))
	if errno != ESUCCESS {
		return errno
	}
	m.putU64(newOffset, uint64(pos))
	return ESUCCESS
}

func (e *entry) seek(off int64, whence int) (int64, Errno) {
	switch {
	case e.hostfd >= 0:
		if e.kind == FiletypeSocketStream || e.kind == FiletypeSocketDgram {
			return 0, ESPIPE
		}
		pos, err := unix.Seek(e.hostfd, off, whence)
		return pos, ErrnoFromHost(err)
	case e.fsFile != nil:
		sk, ok := e.fsFile.(io.Seeker)
		if !ok {
			return 0, ESPIPE
		}
		pos, err := sk.Seek(off, whence)
		if err != nil {
			return 0, EINVAL
		}
		return pos, ESUCCESS
	}
	return 0, ESPIPE
}

// FdTell implements fd_tell.
func (s *System) FdTell(mem []byte, fd, offset uint32) Errno {
	e, errno := s.get(fd, RightFdTell)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	if !m.ok(offset, 8) {
		return EFAULT
	}
	pos, errno := e.seek(0, WhenceCur)
	if errno != ESUCCESS {
		return errno
	}
	m.putU64(offset, uint64(pos))
	return ESUCCESS
}

// FdReaddir implements fd_readdir. Cookies are positions in a listing
// taken at cookie 0 that starts with "." and ".."; a buffer too small for
// the next entry is filled with as much of it as fits.
func (s *System) FdReaddir(mem []byte, fd, buf, bufLen uint32, cookie uint64, bufused uint32) Errno {
	e, errno := s.get(fd, RightFdReaddir)
	if errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	out, ok := m.slice(buf, bufLen)
	if !ok || !m.ok(bufused, 4) {
		return EFAULT
	}
	if e.kind != FiletypeDirectory {
		return ENOTDIR
	}
	if cookie == 0 || e.dir == nil {
		var list []dirent
		if e.fsys != nil {
			list, errno = e.readFSDir()
		} else {
			list, errno = readHostDir(e.hostfd, e.root)
		}
		if errno != ESUCCESS {
			return errno
		}
		e.dir = list
	}
	used := 0
	var hdr [direntHeaderSize]byte
	for i := cookie; i < uint64(len(e.dir)) && used < len(out); i++ {
		d := e.dir[i]
		le64(hdr[:], 0, i+1)
		le64(hdr[:], 8, d.ino)
		le32(hdr[:], 16, uint32(len(d.name)))
		hdr[20], hdr[21], hdr[22], hdr[23] = byte(d.typ), 0, 0, 0
		used += copy(out[used:], hdr[:])
		used += copy(out[used:], d.name)
	}
	m.putU32(bufused, uint32(used))
	return ESUCCESS
}

func (e *entry) readFSDir() ([]dirent, Errno) {
	ents, err := fs.ReadDir(e.fsys, e.fsPath)
	if err != nil {
		return nil, EIO
	}
	// ".." is the parent's, or the directory's own at the preopen's root
	// (as at the root of a file system): a program that fills in a zero
	// inode with fstatat(dir, "..") would be refused there.
	parent := path.Dir(e.fsPath)
	if e.fsPath == "." {
		parent = "."
	}
	list := []dirent{{".", fsInode(e.fsPath), FiletypeDirectory}, {"..", fsInode(parent), FiletypeDirectory}}
	for _, d := range ents {
		p := d.Name()
		if e.fsPath != "." {
			p = e.fsPath + "/" + p
		}
		list = append(list, dirent{d.Name(), fsInode(p), fsFiletype(d.Type())})
	}
	return list, ESUCCESS
}

// readHostDir lists host directory fd, opened beneath the preopen whose
// directory is root. Every entry has its real inode number, but ".." at
// the preopen's directory has the directory's own, as at the root of a
// file system: the guest's ".." never leaves the preopen (the sandbox
// refuses fstatat(dir, "..") there, which programs use to fill in a zero
// inode), and nothing about the host above the preopen is revealed.
func readHostDir(fd int, root fileID) ([]dirent, Errno) {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, ErrnoFromHost(err)
	}
	if _, err := unix.Seek(fd, 0, 0); err != nil {
		return nil, ErrnoFromHost(err)
	}
	parent := uint64(st.Ino)
	if (fileID{devOf(&st), uint64(st.Ino)}) != root {
		var pst unix.Stat_t
		if err := unix.Fstatat(fd, "..", &pst, unix.AT_SYMLINK_NOFOLLOW); err == nil {
			parent = uint64(pst.Ino)
		}
	}
	list := []dirent{{".", uint64(st.Ino), FiletypeDirectory}, {"..", parent, FiletypeDirectory}}
	buf := make([]byte, 16<<10)
	for {
		n, err := unix.ReadDirent(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, ErrnoFromHost(err)
		}
		if n <= 0 {
			break
		}
		for b := buf[:n]; len(b) > 0; {
			rec, ino, typ, name, ok := nextDirent(b)
			if !ok {
				return nil, EIO
			}
			b = b[len(rec):]
			nm := string(name)
			if ino == 0 || nm == "." || nm == ".." {
				continue // absent entries (ino 0) and the synthesized . and ..
			}
			var t Filetype
			switch typ {
			case unix.DT_REG:
				t = FiletypeRegularFile
			case unix.DT_DIR:
				t = FiletypeDirectory
			case unix.DT_LNK:
				t = FiletypeSymbolicLink
			case unix.DT_CHR:
				t = FiletypeCharacterDevice
			case unix.DT_BLK:
				t = FiletypeBlockDevice
			case unix.DT_SOCK:
				t = FiletypeSocketStream
			case unix.DT_FIFO:
				t = FiletypeUnknown
			default:
				var est unix.Stat_t
				if unix.Fstatat(fd, nm, &est, unix.AT_SYMLINK_NOFOLLOW) == nil {
					t = filetypeOfMode(uint32(est.Mode))
				}
			}
			list = append(list, dirent{nm, ino, t})
		}
	}
	return list, ESUCCESS
}

// Offsets of a host dirent record's fields, from x/sys's Dirent for this
// OS (the inode field's offset comes from the per-OS file).
const (
	direntReclenOffset = unsafe.Offsetof(unix.Dirent{}.Reclen)
	direntTypeOffset   = unsafe.Offsetof(unix.Dirent{}.Type)
	direntNameOffset   = unsafe.Offsetof(unix.Dirent{}.Name)
)

// nextDirent decodes the first host dirent record of b (as filled by
// unix.ReadDirent): the record itself, its inode number, DT_* type and
// name (NUL-terminated within the record). ok is false for a malformed
// record.
func nextDirent(b []byte) (rec []byte, ino uint64, typ byte, name []byte, ok bool) {
	if len(b) < int(direntNameOffset) {
		return nil, 0, 0, nil, false
	}
	reclen := int(binary.NativeEndian.Uint16(b[direntReclenOffset:]))
	if reclen <= int(direntNameOffset) || reclen > len(b) {
		return nil, 0, 0, nil, false
	}
	rec = b[:reclen]
	ino = binary.NativeEndian.Uint64(rec[direntInoOffset:])
	typ = rec[direntTypeOffset]
	name = rec[direntNameOffset:]
	for i, c := range name {
		if c == 0 {
			name = name[:i]
			break
		}
	}
	return rec, ino, typ, name, true
}
