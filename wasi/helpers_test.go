package wasi

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// guest is a fake Wasm instance: a System plus a linear memory with a bump
// allocator for the test's arguments.
type guest struct {
	t   testing.TB
	s   *System
	mem []byte
	top uint32
}

const memSize = 1 << 20

func newGuest(t testing.TB, cfg Config) *guest {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return &guest{t: t, s: s, mem: make([]byte, memSize), top: 64}
}

// modes runs f with the openat2 resolver (when the kernel has it) and with
// the portable walk.
func modes(t *testing.T, f func(t *testing.T, walk bool)) {
	t.Run("openat2", func(t *testing.T) {
		if !haveOpenat2() {
			t.Skip("openat2 unavailable on this kernel")
		}
		f(t, false)
	})
	t.Run("walk", func(t *testing.T) { f(t, true) })
}

func (g *guest) alloc(n uint32) uint32 {
	p := (g.top + 7) &^ 7
	g.top = p + n
	if g.top > memSize {
		g.t.Fatalf("fake memory exhausted")
	}
	return p
}

func (g *guest) bytes(b []byte) (uint32, uint32) {
	p := g.alloc(uint32(len(b)))
	copy(g.mem[p:], b)
	return p, uint32(len(b))
}

func (g *guest) str(s string) (uint32, uint32) { return g.bytes([]byte(s)) }

func (g *guest) u32(p uint32) uint32 { return binary.LittleEndian.Uint32(g.mem[p:]) }
func (g *guest) u64(p uint32) uint64 { return binary.LittleEndian.Uint64(g.mem[p:]) }

// iovs lays out iovecs pointing at fresh buffers of the given sizes.
func (g *guest) iovs(sizes ...uint32) (uint32, uint32, []uint32) {
	p := g.alloc(uint32(len(sizes)) * 8)
	var bufs []uint32
	for i, n := range sizes {
		b := g.alloc(n)
		bufs = append(bufs, b)
		binary.LittleEndian.PutUint32(g.mem[p+uint32(i)*8:], b)
		binary.LittleEndian.PutUint32(g.mem[p+uint32(i)*8+4:], n)
	}
	return p, uint32(len(sizes)), bufs
}

func (g *guest) open(dir uint32, path string, oflags uint32, rights Rights, fdflags uint32, follow bool) (uint32, Errno) {
	pp, pl := g.str(path)
	out := g.alloc(4)
	var df uint32
	if follow {
		df = LookupSymlinkFollow
	}
	e := g.s.PathOpen(g.mem, dir, df, pp, pl, oflags, uint64(rights), uint64(RightsAll), fdflags, out)
	return g.u32(out), e
}

func (g *guest) write(fd uint32, data string) (uint32, Errno) {
	iov, n, bufs := g.iovs(uint32(len(data)))
	copy(g.mem[bufs[0]:], data)
	out := g.alloc(4)
	e := errnoOf(g.s.FdWrite(bg, g.mem, fd, iov, n, out))
	return g.u32(out), e
}

func (g *guest) read(fd uint32, n uint32) (string, Errno) {
	iov, cnt, bufs := g.iovs(n)
	out := g.alloc(4)
	e := errnoOf(g.s.FdRead(bg, g.mem, fd, iov, cnt, out))
	if e != ESUCCESS {
		return "", e
	}
	return string(g.mem[bufs[0] : bufs[0]+g.u32(out)]), e
}

func (g *guest) filestat(dir uint32, path string, follow bool) (fstat, Errno) {
	pp, pl := g.str(path)
	buf := g.alloc(filestatSize)
	var fl uint32
	if follow {
		fl = LookupSymlinkFollow
	}
	e := g.s.PathFilestatGet(g.mem, dir, fl, pp, pl, buf)
	return g.decodeStat(buf), e
}

type fstat struct {
	Dev, Ino         uint64
	Type             Filetype
	Nlink, Size      uint64
	Atim, Mtim, Ctim uint64
}

func (g *guest) decodeStat(p uint32) fstat {
	return fstat{g.u64(p), g.u64(p + 8), Filetype(g.mem[p+16]), g.u64(p + 24), g.u64(p + 32), g.u64(p + 40), g.u64(p + 48), g.u64(p + 56)}
}

// pathCall runs one of the (fd, path, len) functions.
func (g *guest) pathCall(f func([]byte, uint32, uint32, uint32) Errno, fd uint32, path string) Errno {
	pp, pl := g.str(path)
	return f(g.mem, fd, pp, pl)
}

func writeFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// bg is the context of calls that are not meant to be interrupted.
var bg = context.Background()

// errnoOf drops the error of a blocking call (nil unless its context
// ends).
func errnoOf(e Errno, _ error) Errno { return e }

// dirOpenRights are the rights tests request when opening a directory:
// every right but FD_WRITE, which a directory refuses (EISDIR).
const dirOpenRights = RightsAll &^ RightFdWrite
