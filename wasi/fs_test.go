package wasi

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"
)

const rootFd = 3

func dirGuest(t *testing.T, walk bool) (*guest, string) {
	dir := t.TempDir()
	g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/", HostDir: dir}}, ForcePathWalk: walk})
	return g, dir
}

func TestFileReadWriteSeek(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		fd, e := g.open(rootFd, "f.txt", OflagCreat, RightsAll, 0, true)
		if e != ESUCCESS {
			t.Fatalf("path_open create: %v", e)
		}
		if n, e := g.write(fd, "hello world"); e != ESUCCESS || n != 11 {
			t.Fatalf("fd_write = %d, %v", n, e)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(b) != "hello world" {
			t.Fatalf("host file = %q", b)
		}
		// tell, seek
		off := g.alloc(8)
		if e := g.s.FdTell(g.mem, fd, off); e != ESUCCESS || g.u64(off) != 11 {
			t.Fatalf("fd_tell = %d, %v", g.u64(off), e)
		}
		tests := []struct {
			off    int64
			whence uint32
			want   uint64
			errno  Errno
		}{
			{0, WhenceSet, 0, ESUCCESS},
			{6, WhenceCur, 6, ESUCCESS},
			{-2, WhenceEnd, 9, ESUCCESS},
			{-100, WhenceSet, 0, EINVAL},
			{0, 3, 0, EINVAL},
		}
		for _, tc := range tests {
			e := g.s.FdSeek(g.mem, fd, uint64(tc.off), tc.whence, off)
			if e != tc.errno || (e == ESUCCESS && g.u64(off) != tc.want) {
				t.Errorf("fd_seek(%d,%d) = %d, %v; want %d, %v", tc.off, tc.whence, g.u64(off), e, tc.want, tc.errno)
			}
		}
		g.s.FdSeek(g.mem, fd, 6, WhenceSet, off)
		if s, e := g.read(fd, 100); e != ESUCCESS || s != "world" {
			t.Fatalf("fd_read = %q, %v", s, e)
		}
		if s, e := g.read(fd, 100); e != ESUCCESS || s != "" {
			t.Fatalf("fd_read at EOF = %q, %v", s, e)
		}
		// scatter read
		g.s.FdSeek(g.mem, fd, 0, WhenceSet, off)
		iov, n, bufs := g.iovs(3, 0, 4)
		nr := g.alloc(4)
		if e := errnoOf(g.s.FdRead(bg, g.mem, fd, iov, n, nr)); e != ESUCCESS || g.u32(nr) != 7 {
			t.Fatalf("scatter fd_read = %d, %v", g.u32(nr), e)
		}
		if got := string(g.mem[bufs[0]:bufs[0]+3]) + string(g.mem[bufs[2]:bufs[2]+4]); got != "hello w" {
			t.Errorf("scatter = %q", got)
		}
		// pread / pwrite do not move the offset
		iov, n, bufs = g.iovs(5)
		if e := g.s.FdPread(g.mem, fd, iov, n, 6, nr); e != ESUCCESS || string(g.mem[bufs[0]:bufs[0]+5]) != "world" {
			t.Fatalf("fd_pread = %q, %v", g.mem[bufs[0]:bufs[0]+5], e)
		}
		copy(g.mem[bufs[0]:], "WORLD")
		if e := g.s.FdPwrite(g.mem, fd, iov, n, 6, nr); e != ESUCCESS || g.u32(nr) != 5 {
			t.Fatalf("fd_pwrite: %v", e)
		}
		if e := g.s.FdTell(g.mem, fd, off); e != ESUCCESS || g.u64(off) != 7 {
			t.Errorf("offset after pread/pwrite = %d, want 7", g.u64(off))
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(b) != "hello WORLD" {
			t.Fatalf("after pwrite = %q", b)
		}
		if e := g.s.FdClose(g.mem, fd); e != ESUCCESS {
			t.Fatal(e)
		}
		if e := g.s.FdClose(g.mem, fd); e != EBADF {
			t.Errorf("double close = %v, want EBADF", e)
		}
		if _, e := g.write(fd, "x"); e != EBADF {
			t.Errorf("write after close = %v", e)
		}
	})
}

func TestAppendAndPwrite(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		writeFile(t, filepath.Join(dir, "log"), "0123456789")
		fd, e := g.open(rootFd, "log", 0, RightsAll, FdflagAppend, true)
		if e != ESUCCESS {
			t.Fatal(e)
		}
		g.write(fd, "AB")
		iov, n, bufs := g.iovs(2)
		copy(g.mem[bufs[0]:], "xy")
		nw := g.alloc(4)
		if e := g.s.FdPwrite(g.mem, fd, iov, n, 2, nw); e != ESUCCESS {
			t.Fatalf("fd_pwrite on append fd: %v", e)
		}
		g.write(fd, "CD")
		b, _ := os.ReadFile(filepath.Join(dir, "log"))
		if diff := cmp.Diff("01xy456789ABCD", string(b)); diff != "" {
			t.Errorf("content (-want +got):\n%s", diff)
		}
		st := g.alloc(fdstatSize)
		if e := g.s.FdFdstatGet(g.mem, fd, st); e != ESUCCESS || g.mem[st+2]&FdflagAppend == 0 || Filetype(g.mem[st]) != FiletypeRegularFile {
			t.Errorf("fdstat = %v flags %#x type %d", e, g.mem[st+2], g.mem[st])
		}
		// clear append with fd_fdstat_set_flags: writes go to the offset again
		if e := g.s.FdFdstatSetFlags(g.mem, fd, 0); e != ESUCCESS {
			t.Fatal(e)
		}
		off := g.alloc(8)
		g.s.FdSeek(g.mem, fd, 0, WhenceSet, off)
		g.write(fd, "Z")
		b, _ = os.ReadFile(filepath.Join(dir, "log"))
		if string(b) != "Z1xy456789ABCD" {
			t.Errorf("after clearing append = %q", b)
		}
		if e := g.s.FdFdstatSetFlags(g.mem, fd, 1<<7); e != EINVAL {
			t.Errorf("bad flags = %v", e)
		}
	})
}

func TestOpenFlags(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		writeFile(t, filepath.Join(dir, "f"), "data")
		writeFile(t, filepath.Join(dir, "d", "x"), "x")
		os.Symlink("f", filepath.Join(dir, "lnk"))
		os.Symlink("nowhere", filepath.Join(dir, "dangling"))
		tests := []struct {
			name    string
			path    string
			oflags  uint32
			rights  Rights
			follow  bool
			want    Errno
			content string // expected content of f afterwards, if set
		}{
			{"excl existing", "f", OflagCreat | OflagExcl, RightsAll, true, EEXIST, "data"},
			{"excl new", "g", OflagCreat | OflagExcl, RightsAll, true, ESUCCESS, ""},
			{"missing", "missing", 0, RightFdRead, true, ENOENT, ""},
			{"directory on file", "f", OflagDirectory, RightFdRead, true, ENOTDIR, ""},
			{"directory on dir", "d", OflagDirectory, RightFdReaddir, true, ESUCCESS, ""},
			{"dir with write rights", "d", 0, RightsAll, true, EISDIR, ""},
			{"dir with O_DIRECTORY and write rights", "d", OflagDirectory, RightFdRead | RightFdWrite, true, EISDIR, ""},
			{"dir read-only", "d", OflagDirectory, RightFdRead | RightFdReaddir, true, ESUCCESS, ""},
			{"file with O_DIRECTORY and write rights", "f", OflagDirectory, RightFdRead | RightFdWrite, true, ENOTDIR, ""},
			{"nofollow symlink", "lnk", 0, RightFdRead, false, ELOOP, ""},
			{"follow symlink", "lnk", 0, RightFdRead, true, ESUCCESS, ""},
			{"create through dangling", "dangling", OflagCreat, RightsAll, true, ESUCCESS, ""},
			{"trailing slash on file", "f/", 0, RightFdRead, true, ENOTDIR, ""},
			{"file as dir component", "f/x", 0, RightFdRead, true, ENOTDIR, ""},
			{"empty path", "", 0, RightFdRead, true, ENOENT, ""},
			{"dot", ".", OflagDirectory, RightFdReaddir, true, ESUCCESS, ""},
			{"inner dotdot", "d/../f", 0, RightFdRead, true, ESUCCESS, ""},
			{"trunc", "f", OflagTrunc, RightsAll, true, ESUCCESS, ""},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				fd, e := g.open(rootFd, tc.path, tc.oflags, tc.rights, 0, tc.follow)
				if e != tc.want {
					t.Fatalf("path_open(%q) = %v, want %v", tc.path, e, tc.want)
				}
				if e == ESUCCESS {
					g.s.FdClose(g.mem, fd)
				}
				if tc.content != "" {
					if b, _ := os.ReadFile(filepath.Join(dir, "f")); string(b) != tc.content {
						t.Errorf("f = %q", b)
					}
				}
			})
		}
		if b, err := os.ReadFile(filepath.Join(dir, "f")); err != nil || len(b) != 0 {
			t.Errorf("O_TRUNC left %q, %v", b, err)
		}
		if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err != nil {
			t.Errorf("create through dangling symlink did not create its target: %v", err)
		}
		if e := g.pathCall(g.s.PathCreateDirectory, rootFd, "e"); e != ESUCCESS {
			t.Fatal(e)
		}
		pp, pl := g.str("x")
		out := g.alloc(4)
		if e := g.s.PathOpen(g.mem, rootFd, 0, pp, pl, 1<<5, 0, 0, 0, out); e != EINVAL {
			t.Errorf("bad oflags = %v", e)
		}
	})
}

func TestRights(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		writeFile(t, filepath.Join(dir, "f"), "data")
		// read-only descriptor: no write
		fd, e := g.open(rootFd, "f", 0, RightFdRead|RightFdSeek, 0, true)
		if e != ESUCCESS {
			t.Fatal(e)
		}
		if _, e := g.write(fd, "x"); e != ENOTCAPABLE {
			t.Errorf("write on read-only fd = %v", e)
		}
		st := g.alloc(fdstatSize)
		g.s.FdFdstatGet(g.mem, fd, st)
		if got := Rights(g.u64(st + 8)); got != RightFdRead|RightFdSeek {
			t.Errorf("base rights = %#x", got)
		}
		off := g.alloc(8)
		if e := g.s.FdTell(g.mem, fd, off); e != ENOTCAPABLE {
			t.Errorf("tell without right = %v", e)
		}
		// narrowing is allowed, widening is not
		if e := g.s.FdFdstatSetRights(g.mem, fd, uint64(RightFdRead), 0); e != ESUCCESS {
			t.Fatal(e)
		}
		if e := g.s.FdFdstatSetRights(g.mem, fd, uint64(RightFdRead|RightFdSeek), 0); e != ENOTCAPABLE {
			t.Errorf("widening = %v", e)
		}
		if e := g.s.FdSeek(g.mem, fd, 1, WhenceSet, off); e != ENOTCAPABLE {
			t.Errorf("seek after narrowing = %v", e)
		}
		// inheritance: a directory opened with narrow inheriting rights
		// hands only those down.
		pp, pl := g.str(".")
		out := g.alloc(4)
		if e := g.s.PathOpen(g.mem, rootFd, 0, pp, pl, OflagDirectory, uint64(RightPathOpen|RightFdReaddir), uint64(RightFdRead), 0, out); e != ESUCCESS {
			t.Fatal(e)
		}
		sub := g.u32(out)
		fd2, e := g.open(sub, "f", 0, RightsAll, 0, true)
		if e != ESUCCESS {
			t.Fatal(e)
		}
		g.s.FdFdstatGet(g.mem, fd2, st)
		if got := Rights(g.u64(st + 8)); got != RightFdRead {
			t.Errorf("inherited rights = %#x, want FD_READ", got)
		}
		if _, e := g.open(sub, "new", OflagCreat, RightsAll, 0, true); e != ENOTCAPABLE {
			t.Errorf("create without PATH_CREATE_FILE = %v", e)
		}
		if e := g.pathCall(g.s.PathCreateDirectory, sub, "nd"); e != ENOTCAPABLE {
			t.Errorf("mkdir without right = %v", e)
		}
		// a file is not a directory for path operations
		if e := g.pathCall(g.s.PathCreateDirectory, fd2, "x"); e != ENOTCAPABLE && e != ENOTDIR {
			t.Errorf("mkdir on file fd = %v", e)
		}
		if e := g.pathCall(g.s.PathUnlinkFile, 99, "x"); e != EBADF {
			t.Errorf("bad fd = %v", e)
		}
	})
}

func TestFilestatAndTimes(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		writeFile(t, filepath.Join(dir, "f"), "12345")
		os.Symlink("f", filepath.Join(dir, "l"))
		fst, e := g.filestat(rootFd, "f", false)
		if e != ESUCCESS || fst.Type != FiletypeRegularFile || fst.Size != 5 || fst.Nlink != 1 {
			t.Fatalf("stat f = %+v, %v", fst, e)
		}
		lst, _ := g.filestat(rootFd, "l", false)
		if lst.Type != FiletypeSymbolicLink || lst.Size != 1 {
			t.Errorf("lstat l = %+v", lst)
		}
		fol, _ := g.filestat(rootFd, "l", true)
		if fol.Ino != fst.Ino || fol.Type != FiletypeRegularFile {
			t.Errorf("stat l (follow) = %+v, want inode %d", fol, fst.Ino)
		}
		if _, e := g.filestat(rootFd, "f/", false); e != ENOTDIR {
			t.Errorf("stat f/ = %v", e)
		}
		if d, e := g.filestat(rootFd, ".", false); e != ESUCCESS || d.Type != FiletypeDirectory {
			t.Errorf("stat . = %+v %v", d, e)
		}
		// nanosecond times through path_filestat_set_times (nofollow on
		// the link sets the link's own times)
		const at, mt uint64 = 1_600_000_000_123_456_789, 1_500_000_000_987_654_321
		pp, pl := g.str("l")
		if e := g.s.PathFilestatSetTimes(g.mem, rootFd, 0, pp, pl, at, mt, FstflagAtim|FstflagMtim); e != ESUCCESS {
			t.Fatal(e)
		}
		var hst unix.Stat_t
		unix.Lstat(filepath.Join(dir, "l"), &hst)
		if got := nanos(hst.Mtim); got != mt {
			t.Errorf("link mtime = %d, want %d", got, mt)
		}
		unix.Stat(filepath.Join(dir, "f"), &hst)
		if nanos(hst.Mtim) == mt {
			t.Errorf("nofollow set_times changed the target")
		}
		if e := g.s.PathFilestatSetTimes(g.mem, rootFd, LookupSymlinkFollow, pp, pl, at, mt, FstflagMtim); e != ESUCCESS {
			t.Fatal(e)
		}
		fst, _ = g.filestat(rootFd, "f", false)
		if fst.Mtim != mt {
			t.Errorf("follow set_times: target mtime %d, want %d", fst.Mtim, mt)
		}
		if e := g.s.PathFilestatSetTimes(g.mem, rootFd, 0, pp, pl, 0, 0, FstflagAtim|FstflagAtimNow); e != EINVAL {
			t.Errorf("ATIM|ATIM_NOW = %v", e)
		}
		// fd variants
		fd, _ := g.open(rootFd, "f", 0, RightsAll, 0, true)
		if e := g.s.FdFilestatSetTimes(g.mem, fd, at, mt+1, FstflagAtim|FstflagMtim); e != ESUCCESS {
			t.Fatal(e)
		}
		buf := g.alloc(filestatSize)
		if e := g.s.FdFilestatGet(g.mem, fd, buf); e != ESUCCESS {
			t.Fatal(e)
		}
		if got := g.decodeStat(buf); got.Mtim != mt+1 || got.Atim != at || got.Size != 5 {
			t.Errorf("fd_filestat_get = %+v", got)
		}
		before := uint64(time.Now().Add(-time.Minute).UnixNano())
		g.s.FdFilestatSetTimes(g.mem, fd, 0, 0, FstflagMtimNow)
		g.s.FdFilestatGet(g.mem, fd, buf)
		if got := g.decodeStat(buf); got.Mtim < before || got.Atim != at {
			t.Errorf("MTIM_NOW: %+v", got)
		}
		if e := g.s.FdFilestatSetSize(g.mem, fd, 2); e != ESUCCESS {
			t.Fatal(e)
		}
		if e := g.s.FdAllocate(g.mem, fd, 0, 10); e != ESUCCESS {
			t.Fatal(e)
		}
		g.s.FdFilestatGet(g.mem, fd, buf)
		if got := g.decodeStat(buf).Size; got != 10 {
			t.Errorf("size after truncate+allocate = %d", got)
		}
		for _, tc := range []struct {
			name string
			e    Errno
			want Errno
		}{
			{"advise", g.s.FdAdvise(g.mem, fd, 0, 10, 1), ESUCCESS},
			{"advise bad", g.s.FdAdvise(g.mem, fd, 0, 10, 9), EINVAL},
			{"datasync", g.s.FdDatasync(g.mem, fd), ESUCCESS},
			{"sync", g.s.FdSync(g.mem, fd), ESUCCESS},
			{"sync stdout", g.s.FdSync(g.mem, 1), ENOTCAPABLE},
			{"allocate zero", g.s.FdAllocate(g.mem, fd, 0, 0), EINVAL},
			{"set size huge", g.s.FdFilestatSetSize(g.mem, fd, 1<<63), EFBIG},
			{"filestat bad ptr", g.s.FdFilestatGet(g.mem, fd, memSize-8), EFAULT},
		} {
			if tc.e != tc.want {
				t.Errorf("%s = %v, want %v", tc.name, tc.e, tc.want)
			}
		}
	})
}

func TestPathOps(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		writeFile(t, filepath.Join(dir, "a", "f"), "x")
		steps := []struct {
			name string
			do   func() Errno
			want Errno
		}{
			{"mkdir", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, "b") }, ESUCCESS},
			{"mkdir nested", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, "b/c/") }, ESUCCESS},
			{"mkdir exists", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, "b") }, EEXIST},
			{"mkdir dot", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, ".") }, EEXIST},
			{"mkdir missing parent", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, "no/x") }, ENOENT},
			{"rmdir non-empty", func() Errno { return g.pathCall(g.s.PathRemoveDirectory, rootFd, "b") }, ENOTEMPTY},
			{"rmdir file", func() Errno { return g.pathCall(g.s.PathRemoveDirectory, rootFd, "a/f") }, ENOTDIR},
			{"rmdir dot", func() Errno { return g.pathCall(g.s.PathRemoveDirectory, rootFd, "b/.") }, EINVAL},
			{"rmdir", func() Errno { return g.pathCall(g.s.PathRemoveDirectory, rootFd, "b/c") }, ESUCCESS},
			{"unlink dir", func() Errno { return g.pathCall(g.s.PathUnlinkFile, rootFd, "b") }, EISDIR},
			{"unlink missing", func() Errno { return g.pathCall(g.s.PathUnlinkFile, rootFd, "zz") }, ENOENT},
			{"unlink trailing slash", func() Errno { return g.pathCall(g.s.PathUnlinkFile, rootFd, "a/f/") }, ENOTDIR},
			{"rename", func() Errno { return g.rename(rootFd, "a/f", rootFd, "b/g") }, ESUCCESS},
			{"rename missing", func() Errno { return g.rename(rootFd, "a/f", rootFd, "b/h") }, ENOENT},
			{"rename dir over file", func() Errno { return g.rename(rootFd, "a", rootFd, "b/g") }, ENOTDIR},
			{"rename file/ ", func() Errno { return g.rename(rootFd, "b/g/", rootFd, "b/h") }, ENOTDIR},
			{"link", func() Errno { return g.link(rootFd, "b/g", rootFd, "a/hard", false) }, ESUCCESS},
			{"link exists", func() Errno { return g.link(rootFd, "b/g", rootFd, "a/hard", false) }, EEXIST},
			{"link dir", func() Errno { return g.link(rootFd, "b", rootFd, "bb", false) }, EPERM},
			{"symlink", func() Errno { return g.symlink("../b/g", rootFd, "a/sym") }, ESUCCESS},
			{"symlink exists", func() Errno { return g.symlink("x", rootFd, "a/sym") }, EEXIST},
			{"symlink absolute", func() Errno { return g.symlink("/etc/passwd", rootFd, "abs") }, ENOTCAPABLE},
			{"link follow", func() Errno { return g.link(rootFd, "a/sym", rootFd, "a/hard2", true) }, ESUCCESS},
			{"link nofollow", func() Errno { return g.link(rootFd, "a/sym", rootFd, "a/symhard", false) }, ESUCCESS},
			{"unlink", func() Errno { return g.pathCall(g.s.PathUnlinkFile, rootFd, "a/hard") }, ESUCCESS},
		}
		for _, st := range steps {
			if e := st.do(); e != st.want {
				t.Errorf("%s = %v, want %v", st.name, e, st.want)
			}
		}
		var sg, sh unix.Stat_t
		unix.Stat(filepath.Join(dir, "b", "g"), &sg)
		unix.Stat(filepath.Join(dir, "a", "hard2"), &sh)
		if sg.Ino != sh.Ino || sg.Nlink != 2 {
			t.Errorf("hard link via followed symlink: ino %d/%d nlink %d", sg.Ino, sh.Ino, sg.Nlink)
		}
		if l, err := os.Readlink(filepath.Join(dir, "a", "symhard")); err != nil || l != "../b/g" {
			t.Errorf("nofollow link made %q, %v", l, err)
		}
		// readlink truncates
		for _, tc := range []struct {
			n    uint32
			want string
		}{{100, "../b/g"}, {6, "../b/g"}, {3, "../"}, {0, ""}} {
			got, e := g.readlink(rootFd, "a/sym", tc.n)
			if e != ESUCCESS || got != tc.want {
				t.Errorf("readlink(buf %d) = %q, %v; want %q", tc.n, got, e, tc.want)
			}
		}
		if _, e := g.readlink(rootFd, "b/g", 10); e != EINVAL {
			t.Errorf("readlink on file = %v", e)
		}
		if _, e := g.readlink(rootFd, "nothing", 10); e != ENOENT {
			t.Errorf("readlink missing = %v", e)
		}
	})
}

func (g *guest) rename(fd uint32, from string, nfd uint32, to string) Errno {
	op, ol := g.str(from)
	np, nl := g.str(to)
	return g.s.PathRename(g.mem, fd, op, ol, nfd, np, nl)
}

func (g *guest) link(fd uint32, from string, nfd uint32, to string, follow bool) Errno {
	op, ol := g.str(from)
	np, nl := g.str(to)
	var fl uint32
	if follow {
		fl = LookupSymlinkFollow
	}
	return g.s.PathLink(g.mem, fd, fl, op, ol, nfd, np, nl)
}

func (g *guest) symlink(target string, fd uint32, name string) Errno {
	op, ol := g.str(target)
	np, nl := g.str(name)
	return g.s.PathSymlink(g.mem, op, ol, fd, np, nl)
}

func (g *guest) readlink(fd uint32, path string, n uint32) (string, Errno) {
	pp, pl := g.str(path)
	buf := g.alloc(n)
	used := g.alloc(4)
	e := g.s.PathReadlink(g.mem, fd, pp, pl, buf, n, used)
	return string(g.mem[buf : buf+g.u32(used)]), e
}

// readdirAll lists fd with fd_readdir using a buffer of bufLen bytes,
// resuming from the last complete entry's cookie, as wasi-libc does.
func (g *guest) readdirAll(t *testing.T, fd uint32, bufLen uint32) []string {
	t.Helper()
	buf := g.alloc(bufLen)
	used := g.alloc(4)
	var names []string
	cookie := uint64(0)
	for range 10000 {
		if e := g.s.FdReaddir(g.mem, fd, buf, bufLen, cookie, used); e != ESUCCESS {
			t.Fatalf("fd_readdir: %v", e)
		}
		n := g.u32(used)
		p := uint32(0)
		progressed := false
		for p+direntHeaderSize <= n {
			next := g.u64(buf + p)
			namlen := g.u32(buf + p + 16)
			if p+direntHeaderSize+namlen > n {
				break
			}
			names = append(names, string(g.mem[buf+p+direntHeaderSize:buf+p+direntHeaderSize+namlen]))
			cookie = next
			p += direntHeaderSize + namlen
			progressed = true
		}
		if n < bufLen {
			return names
		}
		if !progressed {
			t.Fatalf("buffer of %d bytes cannot hold the next entry", bufLen)
		}
	}
	t.Fatal("fd_readdir did not terminate")
	return nil
}

func TestReaddir(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		want := []string{".", ".."}
		for i := range 40 {
			name := strings.Repeat(string(rune('a'+i%26)), 1+i%13) + "_" + string(rune('0'+i/26))
			writeFile(t, filepath.Join(dir, "d", name), "")
			want = append(want, name)
		}
		os.Mkdir(filepath.Join(dir, "d", "sub"), 0o755)
		os.Symlink("x", filepath.Join(dir, "d", "link"))
		want = append(want, "sub", "link")
		sort.Strings(want)
		fd, e := g.open(rootFd, "d", OflagDirectory, dirOpenRights, 0, true)
		if e != ESUCCESS {
			t.Fatal(e)
		}
		for _, size := range []uint32{64, 50, 100, 4096} {
			got := g.readdirAll(t, fd, size)
			sort.Strings(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("buffer %d: names (-want +got):\n%s", size, diff)
			}
		}
		// entry types and a cookie past the end
		buf := g.alloc(8192)
		used := g.alloc(4)
		g.s.FdReaddir(g.mem, fd, buf, 8192, 0, used)
		types := map[string]Filetype{}
		for p := uint32(0); p < g.u32(used); {
			nl := g.u32(buf + p + 16)
			types[string(g.mem[buf+p+24:buf+p+24+nl])] = Filetype(g.mem[buf+p+20])
			p += 24 + nl
		}
		wantTypes := map[string]Filetype{".": FiletypeDirectory, "..": FiletypeDirectory, "sub": FiletypeDirectory, "link": FiletypeSymbolicLink, "a_0": FiletypeRegularFile}
		for name, ty := range wantTypes {
			if types[name] != ty {
				t.Errorf("type of %q = %d, want %d", name, types[name], ty)
			}
		}
		if e := g.s.FdReaddir(g.mem, fd, buf, 8192, 1000, used); e != ESUCCESS || g.u32(used) != 0 {
			t.Errorf("cookie past end: %v used %d", e, g.u32(used))
		}
		// a truncated entry fills the buffer exactly
		if e := g.s.FdReaddir(g.mem, fd, buf, 30, 0, used); e != ESUCCESS || g.u32(used) != 30 {
			t.Errorf("small buffer: %v used %d", e, g.u32(used))
		}
		f, _ := g.open(rootFd, "d/a_0", 0, RightsAll, 0, true)
		if e := g.s.FdReaddir(g.mem, f, buf, 100, 0, used); e != ENOTDIR && e != ENOTCAPABLE {
			t.Errorf("readdir on file = %v", e)
		}
		if e := g.s.FdReaddir(g.mem, fd, memSize-10, 100, 0, used); e != EFAULT {
			t.Errorf("readdir bad buffer = %v", e)
		}
		// the listing is refreshed at cookie 0
		writeFile(t, filepath.Join(dir, "d", "zz_new"), "")
		if got := g.readdirAll(t, fd, 4096); !contains(got, "zz_new") {
			t.Errorf("new file not listed after rewind")
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRenumber(t *testing.T) {
	g, dir := dirGuest(t, false)
	writeFile(t, filepath.Join(dir, "a"), "AAA")
	writeFile(t, filepath.Join(dir, "b"), "BBB")
	fa, _ := g.open(rootFd, "a", 0, RightFdRead, 0, true)
	fb, _ := g.open(rootFd, "b", 0, RightFdRead, 0, true)
	if e := g.s.FdRenumber(g.mem, fa, fb); e != ESUCCESS {
		t.Fatal(e)
	}
	if s, e := g.read(fb, 10); e != ESUCCESS || s != "AAA" {
		t.Errorf("read renumbered = %q, %v", s, e)
	}
	if _, e := g.read(fa, 10); e != EBADF {
		t.Errorf("old number still open: %v", e)
	}
	for _, tc := range []struct {
		from, to uint32
		want     Errno
	}{{fa, fb, EBADF}, {fb, 77, EBADF}, {fb, fb, ESUCCESS}} {
		if e := g.s.FdRenumber(g.mem, tc.from, tc.to); e != tc.want {
			t.Errorf("renumber(%d,%d) = %v, want %v", tc.from, tc.to, e, tc.want)
		}
	}
	// the lowest free number is reused
	fc, _ := g.open(rootFd, "a", 0, RightFdRead, 0, true)
	if fc != fa {
		t.Errorf("new fd = %d, want reused %d", fc, fa)
	}
}

// "." and ".." have real inodes: ".." of a subdirectory is its parent's,
// and at the preopen's root it is the root's own (a program that fills in
// a zero inode with fstatat(dir, "..") would be refused: Yosys's scandir
// failed that way).
func TestReaddirDotInodes(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		os.MkdirAll(filepath.Join(dir, "d", "sub"), 0o755)
		inodes := func(fd uint32) map[string]uint64 {
			buf, used := g.alloc(8192), g.alloc(4)
			if e := g.s.FdReaddir(g.mem, fd, buf, 8192, 0, used); e != ESUCCESS {
				t.Fatal(e)
			}
			out := map[string]uint64{}
			for p := uint32(0); p < g.u32(used); {
				nl := g.u32(buf + p + 16)
				out[string(g.mem[buf+p+24:buf+p+24+nl])] = binary.LittleEndian.Uint64(g.mem[buf+p+8:])
				p += 24 + nl
			}
			return out
		}
		hostIno := func(p string) uint64 {
			var st unix.Stat_t
			if err := unix.Stat(p, &st); err != nil {
				t.Fatal(err)
			}
			return uint64(st.Ino)
		}
		sub, e := g.open(rootFd, "d/sub", OflagDirectory, dirOpenRights, 0, true)
		if e != ESUCCESS {
			t.Fatal(e)
		}
		got := inodes(sub)
		if got["."] != hostIno(filepath.Join(dir, "d", "sub")) || got[".."] != hostIno(filepath.Join(dir, "d")) {
			t.Errorf("d/sub: . %d, .. %d; want %d, %d", got["."], got[".."], hostIno(filepath.Join(dir, "d", "sub")), hostIno(filepath.Join(dir, "d")))
		}
		if got := inodes(rootFd); got[".."] != got["."] || got["."] == 0 {
			t.Errorf("preopen root: . %d, .. %d; want equal and non-zero", got["."], got[".."])
		}
	})
}
