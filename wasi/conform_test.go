package wasi

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"
)

// The tests in this file pin behaviours where WASI preview 1, as the
// reference runtime implements it, differs from plain POSIX.

// TestStdioFiletype checks that descriptors 0-2 report the type of what
// they are connected to, a character device only for a terminal, so that
// a guest's isatty is false when its output is redirected.
func TestStdioFiletype(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	tests := []struct {
		name string
		cfg  Config
		fd   uint32
		want Filetype
	}{
		{"stdout to a file", Config{Stdout: file}, 1, FiletypeRegularFile},
		{"stderr to a file", Config{Stderr: file}, 2, FiletypeRegularFile},
		{"stdin from a file", Config{Stdin: file}, 0, FiletypeRegularFile},
		{"stdout to a pipe", Config{Stdout: pw}, 1, FiletypeUnknown},
		{"stdin from a pipe", Config{Stdin: pr}, 0, FiletypeUnknown},
		{"stdout to /dev/null", Config{Stdout: null}, 1, FiletypeUnknown},
		{"stdout to a Go writer", Config{Stdout: new(discard)}, 1, FiletypeUnknown},
		{"default stdin", Config{}, 0, FiletypeUnknown},
	}
	if ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0); err == nil {
		defer ptm.Close()
		if isTerminal(int(ptm.Fd())) {
			tests = append(tests, struct {
				name string
				cfg  Config
				fd   uint32
				want Filetype
			}{"stdout to a terminal", Config{Stdout: ptm}, 1, FiletypeCharacterDevice})
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := newGuest(t, tc.cfg)
			st := g.alloc(fdstatSize)
			if e := g.s.FdFdstatGet(g.mem, tc.fd, st); e != ESUCCESS {
				t.Fatalf("fd_fdstat_get = %v", e)
			}
			got := Filetype(g.mem[st])
			rights := Rights(g.u64(st + 8))
			if got != tc.want {
				t.Errorf("filetype = %d, want %d", got, tc.want)
			}
			if rights&(RightFdSeek|RightFdTell) != 0 {
				t.Errorf("stdio rights %#x include seek or tell", rights)
			}
		})
	}
}

type discard struct{}

func (*discard) Write(b []byte) (int, error) { return len(b), nil }

// TestDirectoryHasNoOffset checks that directories have neither FD_SEEK
// nor FD_TELL and that fd_seek and fd_tell fail on them for every whence
// (POSIX lseek on a directory succeeds).
func TestDirectoryHasNoOffset(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		os.Mkdir(filepath.Join(dir, "sub"), 0o755)
		sub, e := g.open(rootFd, "sub", OflagDirectory, RightsAll&^RightFdWrite, 0, true)
		if e != ESUCCESS {
			t.Fatalf("open sub: %v", e)
		}
		for _, fd := range []uint32{rootFd, sub} {
			st := g.alloc(fdstatSize)
			if e := g.s.FdFdstatGet(g.mem, fd, st); e != ESUCCESS {
				t.Fatal(e)
			}
			if r := Rights(g.u64(st + 8)); r&(RightFdSeek|RightFdTell) != 0 {
				t.Errorf("fd %d: directory rights %#x include seek or tell", fd, r)
			}
			out := g.alloc(8)
			got := map[string]Errno{
				"seek set 0":  g.s.FdSeek(g.mem, fd, 0, WhenceSet, out),
				"seek cur 0":  g.s.FdSeek(g.mem, fd, 0, WhenceCur, out),
				"seek end 0":  g.s.FdSeek(g.mem, fd, 0, WhenceEnd, out),
				"seek set 10": g.s.FdSeek(g.mem, fd, 10, WhenceSet, out),
				"tell":        g.s.FdTell(g.mem, fd, out),
			}
			for name, e := range got {
				if e == ESUCCESS {
					t.Errorf("fd %d: %s succeeded on a directory", fd, name)
				}
			}
			// Narrowing a directory's rights to what it has works; asking
			// for seek is widening.
			if e := g.s.FdFdstatSetRights(g.mem, fd, uint64(RightFdSeek), 0); e != ENOTCAPABLE {
				t.Errorf("fd %d: set_rights(seek) = %v, want ENOTCAPABLE", fd, e)
			}
		}
	})
}

// TestTruncationRights checks the O_TRUNC rule: PATH_FILESTAT_SET_SIZE on
// the directory is required once the guest dropped it with
// fd_fdstat_set_rights, not when a path_open merely did not ask for it
// (Go's runtime opens read-only directories so and still truncates
// beneath them).
func TestTruncationRights(t *testing.T) {
	const goWrite = RightFdDatasync | RightFdWrite | RightFdAllocate | RightPathFilestatSetSize
	tests := []struct {
		name string
		// setup returns the directory descriptor to open "d/f" or "f" through
		setup func(g *guest) (uint32, string)
		want  Errno
		data  string // f's content afterwards
	}{
		{"preopen", func(g *guest) (uint32, string) { return rootFd, "d/f" }, ESUCCESS, ""},
		{"dropped fd_write only", func(g *guest) (uint32, string) {
			g.setRights(rootFd, RightsDirectory&^RightFdWrite, RightsDirectoryInheriting&^RightFdWrite)
			return rootFd, "d/f"
		}, ESUCCESS, ""},
		{"dropped fd_filestat_set_size inheriting", func(g *guest) (uint32, string) {
			g.setRights(rootFd, RightsDirectory, RightsDirectoryInheriting&^RightFdFilestatSetSize)
			return rootFd, "d/f"
		}, ESUCCESS, ""},
		{"dropped path_filestat_set_size", func(g *guest) (uint32, string) {
			g.setRights(rootFd, RightsDirectory&^RightPathFilestatSetSize, RightsDirectoryInheriting)
			return rootFd, "d/f"
		}, ENOTCAPABLE, "data"},
		{"dropped write rights", func(g *guest) (uint32, string) {
			g.setRights(rootFd, RightsDirectory&^goWrite, RightsDirectoryInheriting&^goWrite)
			return rootFd, "d/f"
		}, ENOTCAPABLE, "data"},
		{"directory opened without the right (Go's os.Open)", func(g *guest) (uint32, string) {
			d, e := g.open(rootFd, "d", OflagDirectory, (RightsDirectory|RightFdRead)&^goWrite, 0, true)
			if e != ESUCCESS {
				g.t.Fatal(e)
			}
			return d, "f"
		}, ESUCCESS, ""},
		{"directory opened through one whose inheriting right was dropped", func(g *guest) (uint32, string) {
			g.setRights(rootFd, RightsDirectory, RightsDirectoryInheriting&^RightPathFilestatSetSize)
			d, e := g.open(rootFd, "d", OflagDirectory, RightsDirectory, 0, true)
			if e != ESUCCESS {
				g.t.Fatal(e)
			}
			return d, "f"
		}, ENOTCAPABLE, "data"},
		{"dropped on the opened directory", func(g *guest) (uint32, string) {
			d, e := g.open(rootFd, "d", OflagDirectory, RightsDirectory, 0, true)
			if e != ESUCCESS {
				g.t.Fatal(e)
			}
			g.setRights(d, RightsDirectory&^RightPathFilestatSetSize, RightsDirectoryInheriting)
			return d, "f"
		}, ENOTCAPABLE, "data"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, dir := dirGuest(t, false)
			writeFile(t, filepath.Join(dir, "d", "f"), "data")
			dfd, name := tc.setup(g)
			fd, e := g.open(dfd, name, OflagTrunc, RightFdRead, 0, true)
			if e != tc.want {
				t.Errorf("path_open(O_TRUNC) = %v, want %v", e, tc.want)
			}
			if e == ESUCCESS {
				g.s.FdClose(g.mem, fd)
			}
			b, err := os.ReadFile(filepath.Join(dir, "d", "f"))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.data, string(b)); diff != "" {
				t.Errorf("content after O_TRUNC (-want +got):\n%s", diff)
			}
		})
	}
}

func (g *guest) setRights(fd uint32, base, inh Rights) {
	g.t.Helper()
	st := g.alloc(fdstatSize)
	if e := g.s.FdFdstatGet(g.mem, fd, st); e != ESUCCESS {
		g.t.Fatal(e)
	}
	base &= Rights(g.u64(st + 8))
	inh &= Rights(g.u64(st + 16))
	if e := g.s.FdFdstatSetRights(g.mem, fd, uint64(base), uint64(inh)); e != ESUCCESS {
		g.t.Fatalf("fd_fdstat_set_rights: %v", e)
	}
}

// TestPrestatDirNameShortBuffer checks that a buffer shorter than the
// preopen's name (zero included) is refused and a longer one is not.
func TestPrestatDirNameShortBuffer(t *testing.T) {
	g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/sandbox", HostDir: t.TempDir()}}})
	buf := g.alloc(64)
	for _, tc := range []struct {
		n    uint32
		want Errno
	}{{0, ENAMETOOLONG}, {1, ENAMETOOLONG}, {7, ENAMETOOLONG}, {8, ESUCCESS}, {64, ESUCCESS}} {
		clear(g.mem[buf : buf+64])
		e := g.s.FdPrestatDirName(g.mem, rootFd, buf, tc.n)
		if e != tc.want {
			t.Errorf("fd_prestat_dir_name(len %d) = %v, want %v", tc.n, e, tc.want)
		}
		if e == ESUCCESS && string(g.mem[buf:buf+8]) != "/sandbox" {
			t.Errorf("fd_prestat_dir_name(len %d) wrote %q", tc.n, g.mem[buf:buf+8])
		}
		if e != ESUCCESS && g.mem[buf] != 0 {
			t.Errorf("fd_prestat_dir_name(len %d) failed but wrote %q", tc.n, g.mem[buf:buf+8])
		}
	}
}

// backwardsClock is a Clock whose readings alternate between going forward
// and falling back, as a thread CPU clock read on different OS threads
// does.
type backwardsClock struct{ n int }

func (c *backwardsClock) Now(id uint32) (uint64, Errno) {
	c.n++
	if c.n%2 == 0 {
		return uint64(1000 * c.n), ESUCCESS
	}
	return uint64(10 * c.n), ESUCCESS
}

func (c *backwardsClock) Resolution(uint32) (uint64, Errno) { return 1, ESUCCESS }

// TestClocksNeverGoBack checks that the monotonic and CPU-time clocks a
// guest reads never decrease, whatever the Clock returns, and that the
// host's thread CPU clock is the process's (see HostClock).
func TestClocksNeverGoBack(t *testing.T) {
	g := newGuest(t, Config{Clock: &backwardsClock{}})
	out := g.alloc(8)
	for _, id := range []uint32{ClockMonotonic, ClockProcessCPUTimeID, ClockThreadCPUTimeID} {
		var prev uint64
		for i := range 20 {
			if e := g.s.ClockTimeGet(g.mem, id, 1, out); e != ESUCCESS {
				t.Fatal(e)
			}
			if v := g.u64(out); v < prev {
				t.Fatalf("clock %d reading %d: %d after %d", id, i, v, prev)
			} else {
				prev = v
			}
		}
	}
	h := newGuest(t, Config{})
	// Busy goroutines make the Go scheduler move this one between threads.
	var stop atomic.Bool
	defer stop.Store(true)
	for range 4 {
		go func() {
			for !stop.Load() {
			}
		}()
	}
	for _, id := range []uint32{ClockProcessCPUTimeID, ClockThreadCPUTimeID} {
		var prev uint64
		for i := range 20000 {
			if e := h.s.ClockTimeGet(h.mem, id, 1, out); e != ESUCCESS {
				t.Fatal(e)
			}
			v := h.u64(out)
			if v < prev {
				t.Fatalf("host clock %d reading %d: %d after %d", id, i, v, prev)
			}
			prev = v
		}
	}
	var p, th unix.Timespec
	unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &p)
	if e := h.s.ClockTimeGet(h.mem, ClockThreadCPUTimeID, 1, out); e != ESUCCESS {
		t.Fatal(e)
	}
	unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &th)
	if v := h.u64(out); v < uint64(p.Nano()) || v > uint64(th.Nano()) {
		t.Errorf("thread CPU clock %d is not the process's (between %d and %d)", v, p.Nano(), th.Nano())
	}
}

// TestReaddirDotDotAtPreopenRoot checks the ".." rule at a preopen's
// directory, reached as the preopen itself or as a descriptor opened on
// "." or "sub/..": its inode is the directory's own, never the host's
// parent's.
func TestReaddirDotDotAtPreopenRoot(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		g, dir := dirGuest(t, walk)
		os.Mkdir(filepath.Join(dir, "sub"), 0o755)
		var st unix.Stat_t
		if err := unix.Stat(dir, &st); err != nil {
			t.Fatal(err)
		}
		self := uint64(st.Ino)
		if err := unix.Stat(filepath.Join(dir, "sub"), &st); err != nil {
			t.Fatal(err)
		}
		sub := uint64(st.Ino)
		tests := []struct {
			name         string
			path         string
			dot, dotdot  uint64
			openThrough0 bool
		}{
			{"preopen", "", self, self, true},
			{"dot", ".", self, self, false},
			{"sub/..", "sub/..", self, self, false},
			{"sub", "sub", sub, self, false},
		}
		for _, tc := range tests {
			fd := uint32(rootFd)
			if !tc.openThrough0 {
				var e Errno
				fd, e = g.open(rootFd, tc.path, OflagDirectory, dirOpenRights, 0, true)
				if e != ESUCCESS {
					t.Fatalf("%s: open: %v", tc.name, e)
				}
			}
			got := map[string]uint64{}
			buf := g.alloc(4096)
			used := g.alloc(4)
			if e := g.s.FdReaddir(g.mem, fd, buf, 4096, 0, used); e != ESUCCESS {
				t.Fatal(e)
			}
			for b := g.mem[buf : buf+g.u32(used)]; len(b) >= direntHeaderSize; {
				n := int(le32get(b[16:]))
				got[string(b[direntHeaderSize:direntHeaderSize+n])] = le64get(b[8:])
				b = b[direntHeaderSize+n:]
			}
			want := map[string]uint64{".": tc.dot, "..": tc.dotdot}
			if diff := cmp.Diff(want, map[string]uint64{".": got["."], "..": got[".."]}); diff != "" {
				t.Errorf("%s: inodes (-want +got):\n%s", tc.name, diff)
			}
		}
	})
}

func le32get(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
func le64get(b []byte) uint64 { return uint64(le32get(b)) | uint64(le32get(b[4:]))<<32 }
