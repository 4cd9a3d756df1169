package wasi

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"
)

func TestArgsEnviron(t *testing.T) {
	args := []string{"prog", "", "héllo wörld"}
	env := []string{"A=1", "PATH=/bin"}
	g := newGuest(t, Config{Args: args, Env: env})
	for _, tc := range []struct {
		name  string
		list  []string
		sizes func([]byte, uint32, uint32) Errno
		get   func([]byte, uint32, uint32) Errno
	}{
		{"args", args, g.s.ArgsSizesGet, g.s.ArgsGet},
		{"environ", env, g.s.EnvironSizesGet, g.s.EnvironGet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cp, sp := g.alloc(4), g.alloc(4)
			if e := tc.sizes(g.mem, cp, sp); e != ESUCCESS {
				t.Fatal(e)
			}
			count, size := g.u32(cp), g.u32(sp)
			wantSize := 0
			for _, a := range tc.list {
				wantSize += len(a) + 1
			}
			if int(count) != len(tc.list) || int(size) != wantSize {
				t.Fatalf("sizes = %d, %d; want %d, %d", count, size, len(tc.list), wantSize)
			}
			ptrs, buf := g.alloc(count*4), g.alloc(size)
			if e := tc.get(g.mem, ptrs, buf); e != ESUCCESS {
				t.Fatal(e)
			}
			var got []string
			for i := range count {
				p := g.u32(ptrs + i*4)
				end := bytes.IndexByte(g.mem[p:], 0)
				got = append(got, string(g.mem[p:int(p)+end]))
			}
			if diff := cmp.Diff(tc.list, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if e := tc.get(g.mem, memSize-4, buf); e != EFAULT {
				t.Errorf("get with short pointer array = %v", e)
			}
			if e := tc.get(g.mem, ptrs, memSize-3); e != EFAULT {
				t.Errorf("get with short buffer = %v", e)
			}
			if e := tc.sizes(g.mem, memSize-2, sp); e != EFAULT {
				t.Errorf("sizes out of range = %v", e)
			}
		})
	}
	if _, err := New(Config{Args: []string{"a\x00b"}}); err == nil {
		t.Error("NUL in argument accepted")
	}
}

func TestClocks(t *testing.T) {
	g := newGuest(t, Config{})
	p := g.alloc(8)
	for id := uint32(0); id < 4; id++ {
		if e := g.s.ClockResGet(g.mem, id, p); e != ESUCCESS || g.u64(p) == 0 {
			t.Errorf("clock_res_get(%d) = %d, %v", id, g.u64(p), e)
		}
		if e := g.s.ClockTimeGet(g.mem, id, 1, p); e != ESUCCESS {
			t.Errorf("clock_time_get(%d): %v", id, e)
		}
	}
	g.s.ClockTimeGet(g.mem, ClockRealtime, 0, p)
	if d := time.Duration(int64(g.u64(p)) - time.Now().UnixNano()); d < -time.Second || d > time.Second {
		t.Errorf("realtime off by %v", d)
	}
	g.s.ClockTimeGet(g.mem, ClockMonotonic, 0, p)
	m1 := g.u64(p)
	time.Sleep(2 * time.Millisecond)
	g.s.ClockTimeGet(g.mem, ClockMonotonic, 0, p)
	if g.u64(p)-m1 < uint64(2*time.Millisecond) {
		t.Errorf("monotonic advanced %d ns across a 2ms sleep", g.u64(p)-m1)
	}
	// burn CPU and check the process clock moves
	g.s.ClockTimeGet(g.mem, ClockProcessCPUTimeID, 0, p)
	c1 := g.u64(p)
	x := 0
	for i := range 20_000_000 {
		x += i * i
	}
	_ = x
	g.s.ClockTimeGet(g.mem, ClockProcessCPUTimeID, 0, p)
	if g.u64(p) <= c1 {
		t.Errorf("process CPU clock did not advance")
	}
	for _, tc := range []struct {
		name string
		e    Errno
		want Errno
	}{
		{"bad id", g.s.ClockTimeGet(g.mem, 9, 0, p), EINVAL},
		{"bad id res", g.s.ClockResGet(g.mem, 4, p), EINVAL},
		{"bad ptr", g.s.ClockTimeGet(g.mem, 0, 0, memSize-7), EFAULT},
		{"bad res ptr", g.s.ClockResGet(g.mem, 0, memSize), EFAULT},
	} {
		if tc.e != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.e, tc.want)
		}
	}
	fake := newGuest(t, Config{Clock: &FakeClock{Step: 10}})
	var got []uint64
	for _, id := range []uint32{ClockRealtime, ClockMonotonic, ClockMonotonic} {
		fake.s.ClockTimeGet(fake.mem, id, 0, p)
		got = append(got, fake.u64(p))
	}
	if diff := cmp.Diff([]uint64{defaultFakeEpochNano + 10, 20, 30}, got); diff != "" {
		t.Errorf("fake clock (-want +got):\n%s", diff)
	}
}

func TestRandom(t *testing.T) {
	g := newGuest(t, Config{})
	a, b := g.alloc(64), g.alloc(64)
	if e := g.s.RandomGet(g.mem, a, 64); e != ESUCCESS {
		t.Fatal(e)
	}
	g.s.RandomGet(g.mem, b, 64)
	if bytes.Equal(g.mem[a:a+64], g.mem[b:b+64]) || bytes.Equal(g.mem[a:a+64], make([]byte, 64)) {
		t.Error("host random returned equal or zero buffers")
	}
	if e := g.s.RandomGet(g.mem, memSize-10, 11); e != EFAULT {
		t.Errorf("out of range = %v", e)
	}
	if e := g.s.RandomGet(g.mem, 0xffffffff, 2); e != EFAULT {
		t.Errorf("wrapping = %v", e)
	}
	det := newGuest(t, Config{Random: strings.NewReader("0123456789")})
	if e := det.s.RandomGet(det.mem, a, 4); e != ESUCCESS || string(det.mem[a:a+4]) != "0123" {
		t.Errorf("configured random = %q, %v", det.mem[a:a+4], e)
	}
	if e := det.s.RandomGet(det.mem, a, 40); e != EIO {
		t.Errorf("exhausted random source = %v", e)
	}
}

func TestStdio(t *testing.T) {
	var out, errb bytes.Buffer
	g := newGuest(t, Config{Stdin: strings.NewReader("input line\n"), Stdout: &out, Stderr: &errb})
	if n, e := g.write(1, "to stdout"); e != ESUCCESS || n != 9 {
		t.Fatalf("write stdout = %d, %v", n, e)
	}
	g.write(2, "to stderr")
	if out.String() != "to stdout" || errb.String() != "to stderr" {
		t.Errorf("stdout %q stderr %q", out.String(), errb.String())
	}
	if s, e := g.read(0, 5); e != ESUCCESS || s != "input" {
		t.Errorf("read stdin = %q, %v", s, e)
	}
	if s, _ := g.read(0, 100); s != " line\n" {
		t.Errorf("rest of stdin = %q", s)
	}
	if s, e := g.read(0, 100); e != ESUCCESS || s != "" {
		t.Errorf("stdin EOF = %q, %v", s, e)
	}
	for _, tc := range []struct {
		name string
		e    Errno
		want Errno
	}{
		{"read stdout", func() Errno { _, e := g.read(1, 1); return e }(), ENOTCAPABLE},
		{"write stdin", func() Errno { _, e := g.write(0, "x"); return e }(), ENOTCAPABLE},
		{"seek stdout", g.s.FdSeek(g.mem, 1, 0, WhenceSet, g.alloc(8)), ESPIPE},
		{"prestat stdout", g.s.FdPrestatGet(g.mem, 1, g.alloc(8)), EBADF},
		{"set nonblock", g.s.FdFdstatSetFlags(g.mem, 1, FdflagNonblock), ESUCCESS},
	} {
		if tc.e != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.e, tc.want)
		}
	}
	st := g.alloc(fdstatSize)
	g.s.FdFdstatGet(g.mem, 1, st)
	// A Go writer without a descriptor is no terminal: type unknown.
	if Filetype(g.mem[st]) != FiletypeUnknown || g.mem[st+2] != FdflagNonblock || Rights(g.u64(st+8))&RightFdWrite == 0 {
		t.Errorf("fdstat stdout = % x", g.mem[st:st+24])
	}
	fs := g.alloc(filestatSize)
	if e := g.s.FdFilestatGet(g.mem, 0, fs); e != ESUCCESS || g.decodeStat(fs).Type != FiletypeUnknown {
		t.Errorf("filestat stdin = %+v, %v", g.decodeStat(fs), e)
	}
	// defaults: empty stdin, discarded output
	d := newGuest(t, Config{})
	if n, e := d.write(1, "lost"); e != ESUCCESS || n != 4 {
		t.Errorf("default stdout = %d, %v", n, e)
	}
	if s, e := d.read(0, 4); e != ESUCCESS || s != "" {
		t.Errorf("default stdin = %q, %v", s, e)
	}
}

func TestPrestat(t *testing.T) {
	g := newGuest(t, Config{Preopens: []Preopen{
		{GuestPath: "/", HostDir: t.TempDir()},
		{GuestPath: "/data/sub", HostDir: t.TempDir(), ReadOnly: true},
	}})
	p := g.alloc(8)
	for fd, want := range map[uint32]string{3: "/", 4: "/data/sub"} {
		if e := g.s.FdPrestatGet(g.mem, fd, p); e != ESUCCESS || g.mem[p] != 0 || g.u32(p+4) != uint32(len(want)) {
			t.Errorf("prestat %d = %v % x", fd, e, g.mem[p:p+8])
		}
		buf := g.alloc(32)
		if e := g.s.FdPrestatDirName(g.mem, fd, buf, uint32(len(want))); e != ESUCCESS || string(g.mem[buf:buf+uint32(len(want))]) != want {
			t.Errorf("dir name %d = %q, %v", fd, g.mem[buf:buf+uint32(len(want))], e)
		}
		if e := g.s.FdPrestatDirName(g.mem, fd, buf, uint32(len(want))-1); e != ENAMETOOLONG {
			t.Errorf("short buffer = %v", e)
		}
		if e := g.s.FdPrestatDirName(g.mem, fd, memSize-uint32(len(want))+1, 32); e != EFAULT {
			t.Errorf("bad pointer = %v", e)
		}
	}
	if e := g.s.FdPrestatGet(g.mem, 5, p); e != EBADF {
		t.Errorf("prestat past the preopens = %v", e)
	}
	if _, err := New(Config{Preopens: []Preopen{{GuestPath: "/", HostDir: "/nonexistent/dir"}}}); err == nil {
		t.Error("missing preopen directory accepted")
	}
	if _, err := New(Config{Preopens: []Preopen{{GuestPath: "/"}}}); err == nil {
		t.Error("preopen without source accepted")
	}
}

func TestFSMount(t *testing.T) {
	fsys := fstest.MapFS{
		"hello.txt":     {Data: []byte("hello, fs"), ModTime: time.Unix(1700000000, 5)},
		"dir/a.txt":     {Data: []byte("A")},
		"dir/b.txt":     {Data: []byte("BB")},
		"dir/sub/c.txt": {Data: []byte("CCC")},
	}
	g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/assets", FS: fsys}}})
	if _, e := g.open(rootFd, "hello.txt", 0, RightsAll, 0, true); e != EROFS {
		t.Errorf("open for writing = %v, want EROFS", e)
	}
	fd, e := g.open(rootFd, "hello.txt", 0, RightsAll&^RightFdWrite, 0, true)
	if e != ESUCCESS {
		t.Fatal(e)
	}
	if s, _ := g.read(fd, 5); s != "hello" {
		t.Errorf("read = %q", s)
	}
	off := g.alloc(8)
	if e := g.s.FdTell(g.mem, fd, off); e != ESUCCESS || g.u64(off) != 5 {
		t.Errorf("tell = %d, %v", g.u64(off), e)
	}
	iov, n, bufs := g.iovs(2)
	nr := g.alloc(4)
	if e := g.s.FdPread(g.mem, fd, iov, n, 7, nr); e != ESUCCESS || string(g.mem[bufs[0]:bufs[0]+2]) != "fs" {
		t.Errorf("pread = %q, %v", g.mem[bufs[0]:bufs[0]+2], e)
	}
	if _, e := g.write(fd, "x"); e != ENOTCAPABLE {
		t.Errorf("write = %v", e)
	}
	buf := g.alloc(filestatSize)
	g.s.FdFilestatGet(g.mem, fd, buf)
	if st := g.decodeStat(buf); st.Size != 9 || st.Type != FiletypeRegularFile || st.Mtim != 1700000000_000000005 {
		t.Errorf("fd_filestat_get = %+v", st)
	}
	if st, e := g.filestat(rootFd, "dir/sub", false); e != ESUCCESS || st.Type != FiletypeDirectory {
		t.Errorf("path_filestat_get dir/sub = %+v, %v", st, e)
	}
	dfd, e := g.open(rootFd, "dir", OflagDirectory, dirOpenRights, 0, true)
	if e != ESUCCESS {
		t.Fatal(e)
	}
	names := g.readdirAll(t, dfd, 40)
	if diff := cmp.Diff([]string{".", "..", "a.txt", "b.txt", "sub"}, names); diff != "" {
		t.Errorf("readdir (-want +got):\n%s", diff)
	}
	sub, e := g.open(dfd, "sub/c.txt", 0, RightFdRead, 0, true)
	if s, _ := g.read(sub, 10); e != ESUCCESS || s != "CCC" {
		t.Errorf("open through subdir = %q, %v", s, e)
	}
	for _, tc := range []struct {
		name string
		e    Errno
		want Errno
	}{
		{"escape", func() Errno { _, e := g.open(rootFd, "../x", 0, RightFdRead, 0, true); return e }(), ENOTCAPABLE},
		{"escape from subdir", func() Errno { _, e := g.open(dfd, "../hello.txt", 0, RightFdRead, 0, true); return e }(), ENOTCAPABLE},
		{"absolute", func() Errno { _, e := g.open(rootFd, "/hello.txt", 0, RightFdRead, 0, true); return e }(), ENOTCAPABLE},
		{"missing", func() Errno { _, e := g.open(rootFd, "nope", 0, RightFdRead, 0, true); return e }(), ENOENT},
		{"create", func() Errno { _, e := g.open(rootFd, "n", OflagCreat, RightFdRead, 0, true); return e }(), EROFS},
		{"directory flag on file", func() Errno { _, e := g.open(rootFd, "hello.txt", OflagDirectory, RightFdRead, 0, true); return e }(), ENOTDIR},
		{"mkdir", g.pathCall(g.s.PathCreateDirectory, rootFd, "x"), EROFS},
		{"unlink", g.pathCall(g.s.PathUnlinkFile, rootFd, "hello.txt"), EROFS},
		{"rmdir", g.pathCall(g.s.PathRemoveDirectory, rootFd, "dir"), EROFS},
		{"readlink regular", func() Errno { _, e := g.readlink(rootFd, "hello.txt", 10); return e }(), EINVAL},
		{"set size", g.s.FdFilestatSetSize(g.mem, fd, 0), ENOTCAPABLE},
	} {
		if tc.e != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.e, tc.want)
		}
	}
}

func TestPointerChecks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/f", "abc")
	g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/", HostDir: dir}}})
	fd, _ := g.open(rootFd, "f", 0, RightsAll, 0, true)
	// an iovec whose buffer runs past the end of memory
	bad := g.alloc(8)
	binary.LittleEndian.PutUint32(g.mem[bad:], memSize-2)
	binary.LittleEndian.PutUint32(g.mem[bad+4:], 10)
	wrap := g.alloc(8)
	binary.LittleEndian.PutUint32(g.mem[wrap:], 0xfffffff0)
	binary.LittleEndian.PutUint32(g.mem[wrap+4:], 0x20)
	ok := g.alloc(4)
	pp, pl := g.str("f")
	tests := []struct {
		name string
		e    Errno
	}{
		{"fd_write iov buffer", errnoOf(g.s.FdWrite(bg, g.mem, fd, bad, 1, ok))},
		{"fd_write wrapping iov", errnoOf(g.s.FdWrite(bg, g.mem, fd, wrap, 1, ok))},
		{"fd_write iov array", errnoOf(g.s.FdWrite(bg, g.mem, fd, memSize-4, 1, ok))},
		{"fd_write result", errnoOf(g.s.FdWrite(bg, g.mem, 1, bad, 0, memSize))},
		{"fd_read iov buffer", errnoOf(g.s.FdRead(bg, g.mem, fd, bad, 1, ok))},
		{"fd_read result", errnoOf(g.s.FdRead(bg, g.mem, fd, bad, 0, 0xffffffff))},
		{"fd_pread", g.s.FdPread(g.mem, fd, wrap, 1, 0, ok)},
		{"fd_pwrite", g.s.FdPwrite(g.mem, fd, bad, 1, 0, ok)},
		{"fd_fdstat_get", g.s.FdFdstatGet(g.mem, fd, memSize-23)},
		{"fd_seek", g.s.FdSeek(g.mem, fd, 0, 0, memSize-7)},
		{"fd_tell", g.s.FdTell(g.mem, fd, 0xfffffffc)},
		{"path_open path", g.s.PathOpen(g.mem, rootFd, 0, memSize-1, 5, 0, uint64(RightsAll), 0, 0, ok)},
		{"path_open result", g.s.PathOpen(g.mem, rootFd, 0, pp, pl, 0, uint64(RightsAll), 0, 0, memSize-3)},
		{"path_filestat_get buf", g.s.PathFilestatGet(g.mem, rootFd, 0, pp, pl, memSize-63)},
		{"path_create_directory", g.s.PathCreateDirectory(g.mem, rootFd, 0xffffffff, 2)},
		{"path_unlink_file", g.s.PathUnlinkFile(g.mem, rootFd, memSize, 1)},
		{"path_readlink buf", g.s.PathReadlink(g.mem, rootFd, pp, pl, memSize-1, 4, ok)},
		{"path_symlink", g.s.PathSymlink(g.mem, memSize-1, 2, rootFd, pp, pl)},
		{"path_rename", g.s.PathRename(g.mem, rootFd, pp, pl, rootFd, memSize-1, 9)},
		{"path_link", g.s.PathLink(g.mem, rootFd, 0, memSize+5, 1, rootFd, pp, pl)},
		{"fd_readdir", g.s.FdReaddir(g.mem, rootFd, memSize-5, 10, 0, ok)},
		{"poll_oneoff in", errnoOf(g.s.PollOneoff(bg, g.mem, memSize-47, 0, 1, ok))},
		{"poll_oneoff out", errnoOf(g.s.PollOneoff(bg, g.mem, 0, memSize-31, 1, ok))},
		{"poll_oneoff huge", errnoOf(g.s.PollOneoff(bg, g.mem, 0, 0, 0x10000000, ok))},
		{"random_get", g.s.RandomGet(g.mem, memSize-1, 2)},
		{"nil memory", errnoOf(g.s.FdWrite(bg, nil, 1, 0, 1, 0))},
	}
	for _, tc := range tests {
		if tc.e != EFAULT {
			t.Errorf("%s = %v, want EFAULT", tc.name, tc.e)
		}
	}
	if b, _ := os.ReadFile(dir + "/f"); string(b) != "abc" {
		t.Errorf("file changed by faulting calls: %q", b)
	}
	if e := errnoOf(g.s.FdWrite(bg, g.mem, fd, 0, 2000, ok)); e != EINVAL {
		t.Errorf("too many iovecs = %v", e)
	}
	if e := g.pathCall(g.s.PathCreateDirectory, rootFd, "a\x00b"); e != EINVAL {
		t.Errorf("NUL in path = %v", e)
	}
	if e := g.pathCall(g.s.PathCreateDirectory, rootFd, "\xff"); e != EILSEQ {
		t.Errorf("invalid UTF-8 path = %v", e)
	}
}

// subscription writes poll_oneoff subscriptions.
type subscription struct {
	userdata uint64
	tag      uint8
	clockID  uint32
	timeout  uint64
	flags    uint16
	fd       uint32
}

func (g *guest) poll(subs ...subscription) ([]event, Errno, time.Duration) {
	in := g.alloc(uint32(len(subs)) * subscriptionSize)
	for i, s := range subs {
		b := g.mem[in+uint32(i)*subscriptionSize:]
		binary.LittleEndian.PutUint64(b, s.userdata)
		b[8] = s.tag
		if s.tag == EventtypeClock {
			binary.LittleEndian.PutUint32(b[16:], s.clockID)
			binary.LittleEndian.PutUint64(b[24:], s.timeout)
			binary.LittleEndian.PutUint16(b[40:], s.flags)
		} else {
			binary.LittleEndian.PutUint32(b[16:], s.fd)
		}
	}
	out := g.alloc(uint32(len(subs)) * eventSize)
	nev := g.alloc(4)
	start := time.Now()
	e := errnoOf(g.s.PollOneoff(bg, g.mem, in, out, uint32(len(subs)), nev))
	took := time.Since(start)
	var evs []event
	for i := range g.u32(nev) {
		b := g.mem[out+i*eventSize:]
		evs = append(evs, event{
			userdata: binary.LittleEndian.Uint64(b),
			errno:    Errno(binary.LittleEndian.Uint16(b[8:])),
			typ:      b[10],
			nbytes:   binary.LittleEndian.Uint64(b[16:]),
			flags:    binary.LittleEndian.Uint16(b[24:]),
		})
	}
	return evs, e, took
}

func TestPollOneoff(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	dir := t.TempDir()
	writeFile(t, dir+"/f", "12345")
	g := newGuest(t, Config{Stdin: r, Preopens: []Preopen{{GuestPath: "/", HostDir: dir}}})
	ms := uint64(time.Millisecond)
	cmpEv := cmp.AllowUnexported(event{})

	// a relative clock alone sleeps
	evs, e, took := g.poll(subscription{userdata: 7, tag: EventtypeClock, clockID: ClockMonotonic, timeout: 30 * ms})
	if e != ESUCCESS || took < 30*time.Millisecond {
		t.Errorf("clock poll: %v after %v", e, took)
	}
	if diff := cmp.Diff([]event{{userdata: 7, typ: EventtypeClock}}, evs, cmpEv); diff != "" {
		t.Errorf("clock events (-want +got):\n%s", diff)
	}
	// absolute deadline on the realtime clock
	now := uint64(time.Now().UnixNano())
	evs, _, took = g.poll(subscription{userdata: 8, tag: EventtypeClock, clockID: ClockRealtime, timeout: now + 20*ms, flags: SubclockflagAbstime})
	if len(evs) != 1 || took < 15*time.Millisecond {
		t.Errorf("abstime poll: %v after %v", evs, took)
	}
	// an empty pipe (stdin) times out: only the clock fires
	evs, _, took = g.poll(
		subscription{userdata: 1, tag: EventtypeFdRead, fd: 0},
		subscription{userdata: 2, tag: EventtypeClock, clockID: ClockMonotonic, timeout: 20 * ms},
	)
	if diff := cmp.Diff([]event{{userdata: 2, typ: EventtypeClock}}, evs, cmpEv); diff != "" || took < 20*time.Millisecond {
		t.Errorf("empty pipe after %v (-want +got):\n%s", took, diff)
	}
	// data arriving while blocked wakes the poll before the timeout
	go func() {
		time.Sleep(20 * time.Millisecond)
		w.Write([]byte("ping"))
	}()
	evs, _, took = g.poll(
		subscription{userdata: 1, tag: EventtypeFdRead, fd: 0},
		subscription{userdata: 2, tag: EventtypeClock, clockID: ClockMonotonic, timeout: 5000 * ms},
	)
	if diff := cmp.Diff([]event{{userdata: 1, typ: EventtypeFdRead, nbytes: 4}}, evs, cmpEv); diff != "" || took > 4*time.Second {
		t.Errorf("pipe readable after %v (-want +got):\n%s", took, diff)
	}
	if s, _ := g.read(0, 10); s != "ping" {
		t.Errorf("stdin read = %q", s)
	}
	// hangup
	w.Close()
	evs, _, _ = g.poll(subscription{userdata: 3, tag: EventtypeFdRead, fd: 0})
	if len(evs) != 1 || evs[0].flags&EventrwflagFdHangup == 0 {
		t.Errorf("hangup events = %+v", evs)
	}
	// regular files are always ready; bad descriptors report per event
	fd, _ := g.open(rootFd, "f", 0, RightsAll, 0, true)
	evs, e, _ = g.poll(
		subscription{userdata: 4, tag: EventtypeFdRead, fd: fd},
		subscription{userdata: 5, tag: EventtypeFdWrite, fd: 99},
		subscription{userdata: 6, tag: EventtypeClock, clockID: 42, timeout: 1},
		subscription{userdata: 9, tag: EventtypeFdWrite, fd: 1},
	)
	want := []event{
		{userdata: 4, typ: EventtypeFdRead, nbytes: 5},
		{userdata: 5, typ: EventtypeFdWrite, errno: EBADF},
		{userdata: 6, typ: EventtypeClock, errno: EINVAL},
		{userdata: 9, typ: EventtypeFdWrite},
	}
	if diff := cmp.Diff(want, evs, cmpEv); diff != "" || e != ESUCCESS {
		t.Errorf("immediate events %v (-want +got):\n%s", e, diff)
	}
	if _, e, _ := g.poll(); e != EINVAL {
		t.Errorf("no subscriptions = %v", e)
	}
	if _, e, _ := g.poll(subscription{tag: 9}); e != EINVAL {
		t.Errorf("bad tag = %v", e)
	}
}

func TestSockets(t *testing.T) {
	lfd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err != nil {
		t.Skip("no sockets:", err)
	}
	defer unix.Close(lfd)
	if err := unix.Bind(lfd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	unix.Listen(lfd, 4)
	sa, _ := unix.Getsockname(lfd)
	g := newGuest(t, Config{Listeners: []int{lfd}})
	const lis = 3
	out := g.alloc(4)
	if e := g.s.FdFdstatSetFlags(g.mem, lis, FdflagNonblock); e != ESUCCESS {
		t.Fatal(e)
	}
	if e := errnoOf(g.s.SockAccept(bg, g.mem, lis, FdflagNonblock, out)); e != EAGAIN {
		t.Fatalf("accept with no client = %v, want EAGAIN", e)
	}
	cfd, _ := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	defer unix.Close(cfd)
	if err := unix.Connect(cfd, sa); err != nil {
		t.Fatal(err)
	}
	evs, _, _ := g.poll(subscription{userdata: 1, tag: EventtypeFdRead, fd: lis})
	if len(evs) != 1 || evs[0].errno != ESUCCESS {
		t.Fatalf("poll on listener = %+v", evs)
	}
	if e := errnoOf(g.s.SockAccept(bg, g.mem, lis, FdflagNonblock, out)); e != ESUCCESS {
		t.Fatal(e)
	}
	conn := g.u32(out)
	st := g.alloc(fdstatSize)
	g.s.FdFdstatGet(g.mem, conn, st)
	if Filetype(g.mem[st]) != FiletypeSocketStream {
		t.Errorf("accepted type = %d", g.mem[st])
	}
	if s, e := g.read(conn, 10); e != EAGAIN {
		t.Errorf("fd_read on empty nonblocking socket = %q %v", s, e)
	}
	unix.Write(cfd, []byte("hello sock"))
	if evs, _, _ := g.poll(subscription{userdata: 1, tag: EventtypeFdRead, fd: conn}); len(evs) != 1 || evs[0].nbytes != 10 {
		t.Errorf("poll on socket = %+v", evs)
	}
	iov, n, bufs := g.iovs(5)
	ro, rf := g.alloc(4), g.alloc(2)
	if e := errnoOf(g.s.SockRecv(bg, g.mem, conn, iov, n, riflagRecvPeek, ro, rf)); e != ESUCCESS || string(g.mem[bufs[0]:bufs[0]+g.u32(ro)]) != "hello" {
		t.Errorf("peek = %q, %v", g.mem[bufs[0]:bufs[0]+g.u32(ro)], e)
	}
	iov, n, bufs = g.iovs(4, 20)
	if e := errnoOf(g.s.SockRecv(bg, g.mem, conn, iov, n, 0, ro, rf)); e != ESUCCESS || g.u32(ro) != 10 || string(g.mem[bufs[0]:bufs[0]+4])+string(g.mem[bufs[1]:bufs[1]+6]) != "hello sock" {
		t.Errorf("recv = %d, %v", g.u32(ro), e)
	}
	iov, n, bufs = g.iovs(4)
	copy(g.mem[bufs[0]:], "pong")
	so := g.alloc(4)
	if e := errnoOf(g.s.SockSend(bg, g.mem, conn, iov, n, 0, so)); e != ESUCCESS || g.u32(so) != 4 {
		t.Errorf("send = %d, %v", g.u32(so), e)
	}
	buf := make([]byte, 10)
	if k, _ := unix.Read(cfd, buf); string(buf[:k]) != "pong" {
		t.Errorf("client got %q", buf[:k])
	}
	if e := g.s.SockShutdown(g.mem, conn, sdflagWr); e != ESUCCESS {
		t.Fatal(e)
	}
	if k, _ := unix.Read(cfd, buf); k != 0 {
		t.Errorf("client read after shutdown = %d", k)
	}
	for _, tc := range []struct {
		name string
		e    Errno
		want Errno
	}{
		{"shutdown bad how", g.s.SockShutdown(g.mem, conn, 0), EINVAL},
		{"send flags", errnoOf(g.s.SockSend(bg, g.mem, conn, iov, n, 1, so)), EINVAL},
		{"recv flags", errnoOf(g.s.SockRecv(bg, g.mem, conn, iov, n, 8, ro, rf)), EINVAL},
		{"accept on stream", errnoOf(g.s.SockAccept(bg, g.mem, conn, 0, out)), ENOTCAPABLE},
		{"recv on listener", errnoOf(g.s.SockRecv(bg, g.mem, lis, iov, n, 0, ro, rf)), ENOTCAPABLE},
		{"recv on stdout", errnoOf(g.s.SockRecv(bg, g.mem, 1, iov, n, 0, ro, rf)), ENOTSOCK},
		{"send on stdout", errnoOf(g.s.SockSend(bg, g.mem, 1, iov, n, 0, so)), ENOTSOCK},
		{"shutdown stdout", g.s.SockShutdown(g.mem, 1, 1), ENOTSOCK},
		{"shutdown stdin", g.s.SockShutdown(g.mem, 0, sdflagRd|sdflagWr), ENOTSOCK},
		{"accept on stdout", errnoOf(g.s.SockAccept(bg, g.mem, 1, 0, out)), ENOTSOCK},
		{"shutdown bad fd", g.s.SockShutdown(g.mem, 42, 1), EBADF},
		{"accept bad fd", errnoOf(g.s.SockAccept(bg, g.mem, 42, 0, out)), EBADF},
		{"accept bad out", errnoOf(g.s.SockAccept(bg, g.mem, lis, 0, memSize)), EFAULT},
		{"seek socket", g.s.FdSeek(g.mem, conn, 0, WhenceSet, out), ESPIPE},
	} {
		if tc.e != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.e, tc.want)
		}
	}
}

func TestProc(t *testing.T) {
	g := newGuest(t, Config{})
	err := g.s.ProcExit(g.mem, 3)
	if ee, ok := err.(*ExitError); !ok || ee.Code != 3 {
		t.Errorf("proc_exit = %v", err)
	}
	for _, tc := range []struct {
		sig      uint32
		errno    Errno
		exitCode uint32 // 0: no exit
	}{{0, ESUCCESS, 0}, {17, ESUCCESS, 0}, {15, ESUCCESS, 143}, {9, ESUCCESS, 137}, {6, ESUCCESS, 134}, {31, EINVAL, 0}} {
		e, err := g.s.ProcRaise(g.mem, tc.sig)
		code := uint32(0)
		if ee, ok := err.(*ExitError); ok {
			code = ee.Code
		}
		if e != tc.errno || code != tc.exitCode {
			t.Errorf("proc_raise(%d) = %v, exit %d; want %v, %d", tc.sig, e, code, tc.errno, tc.exitCode)
		}
	}
	if e := g.s.SchedYield(g.mem); e != ESUCCESS {
		t.Error(e)
	}
}
