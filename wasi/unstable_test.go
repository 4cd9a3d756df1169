package wasi

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnstableTable checks that wasi_unstable has preview 1's functions
// but sock_accept, with the same signatures.
func TestUnstableTable(t *testing.T) {
	var got, want []string
	sigs := map[string]string{}
	for _, f := range Functions {
		if f.Name != "sock_accept" {
			want = append(want, f.Name)
		}
		sigs[f.Name] = string(valBytes(f.Params)) + "/" + string(valBytes(f.Results))
	}
	for _, f := range UnstableFunctions {
		got = append(got, f.Name)
		if s := string(valBytes(f.Params)) + "/" + string(valBytes(f.Results)); s != sigs[f.Name] {
			t.Errorf("%s: signature differs from preview 1's", f.Name)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("wasi_unstable functions (-want +got):\n%s", diff)
	}
	if len(got) != 45 {
		t.Errorf("%d functions, want 45", len(got))
	}
}

func lookup0(name string) Func {
	for _, f := range UnstableFunctions {
		if f.Name == name {
			return f
		}
	}
	panic(name)
}

// call0 calls a wasi_unstable function with the given arguments.
func (g *guest) call0(name string, args ...uint64) Errno {
	st := make([]uint64, max(len(args), 1))
	copy(st, args)
	if err := lookup0(name).Call(bg, g.s, g.mem, st); err != nil {
		g.t.Fatalf("%s: %v", name, err)
	}
	return Errno(st[0])
}

// TestUnstableABI checks preview 0's layouts: whence numbering, the
// 56-byte filestat and the 56-byte subscription.
func TestUnstableABI(t *testing.T) {
	g, dir := dirGuest(t, false)
	writeFile(t, filepath.Join(dir, "f"), "hello world")
	if err := os.Link(filepath.Join(dir, "f"), filepath.Join(dir, "g")); err != nil {
		t.Fatal(err)
	}
	fd, e := g.open(rootFd, "f", 0, RightsAll, 0, true)
	if e != ESUCCESS {
		t.Fatal(e)
	}
	pos := g.alloc(8)
	seeks := []struct {
		off    int64
		whence uint64
		want   uint64
		errno  Errno
	}{
		{1, 2, 1, ESUCCESS},  // SET
		{-2, 1, 9, ESUCCESS}, // END
		{-3, 0, 6, ESUCCESS}, // CUR
		{0, 3, 6, EINVAL},
	}
	for _, tc := range seeks {
		e := g.call0("fd_seek", uint64(fd), uint64(tc.off), tc.whence, uint64(pos))
		if e != tc.errno || e == ESUCCESS && g.u64(pos) != tc.want {
			t.Errorf("fd_seek(%d, whence %d) = %d, %v; want %d, %v", tc.off, tc.whence, g.u64(pos), e, tc.want, tc.errno)
		}
	}

	type stat0 struct {
		Dev, Ino   uint64
		Type       Filetype
		Nlink      uint32
		Size       uint64
		Sentinel   uint64
		Atim, Mtim uint64
	}
	decode := func(p uint32) stat0 {
		return stat0{g.u64(p), g.u64(p + 8), Filetype(g.mem[p+16]), g.u32(p + 20), g.u64(p + 24), g.u64(p + 56), g.u64(p + 32), g.u64(p + 40)}
	}
	var host fstat
	buf1 := g.alloc(filestatSize)
	if e := g.s.FdFilestatGet(g.mem, fd, buf1); e != ESUCCESS {
		t.Fatal(e)
	}
	host = g.decodeStat(buf1)
	want := stat0{host.Dev, host.Ino, FiletypeRegularFile, 2, 11, ^uint64(0), host.Atim, host.Mtim}
	for _, tc := range []struct {
		name string
		call func(buf uint32) Errno
	}{
		{"fd_filestat_get", func(buf uint32) Errno { return g.call0("fd_filestat_get", uint64(fd), uint64(buf)) }},
		{"path_filestat_get", func(buf uint32) Errno {
			p, n := g.str("f")
			return g.call0("path_filestat_get", rootFd, LookupSymlinkFollow, uint64(p), uint64(n), uint64(buf))
		}},
	} {
		buf := g.alloc(64)
		binary.LittleEndian.PutUint64(g.mem[buf+56:], ^uint64(0))
		if e := tc.call(buf); e != ESUCCESS {
			t.Fatalf("%s: %v", tc.name, e)
		}
		if diff := cmp.Diff(want, decode(buf)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
		if e := tc.call(uint32(len(g.mem) - 55)); e != EFAULT {
			t.Errorf("%s with 55 bytes of room = %v, want EFAULT", tc.name, e)
		}
	}

	// A clock subscription whose identifier (offset 16) is no clock id:
	// preview 0 reads the id at 24.
	sub := g.alloc(subscriptionSize0)
	le64(g.mem, int(sub), 7)
	le64(g.mem, int(sub+16), 99)
	le32(g.mem, int(sub+24), ClockMonotonic)
	le64(g.mem, int(sub+32), 1000)
	ev, nev := g.alloc(eventSize), g.alloc(4)
	if e := g.call0("poll_oneoff", uint64(sub), uint64(ev), 1, uint64(nev)); e != ESUCCESS {
		t.Fatal(e)
	}
	if g.u32(nev) != 1 || g.u64(ev) != 7 || Errno(binary.LittleEndian.Uint16(g.mem[ev+8:])) != ESUCCESS {
		t.Errorf("poll_oneoff event = % x", g.mem[ev:ev+eventSize])
	}
	if e := g.call0("poll_oneoff", uint64(len(g.mem)-subscriptionSize0+1), uint64(ev), 1, uint64(nev)); e != EFAULT {
		t.Errorf("poll_oneoff with a subscription past memory = %v, want EFAULT", e)
	}

	st := g.alloc(fdstatSize)
	if e := g.call0("fd_fdstat_get", rootFd, uint64(st)); e != ESUCCESS {
		t.Fatal(e)
	}
	if r := Rights(g.u64(st+8) | g.u64(st+16)); r&RightSockAccept != 0 {
		t.Errorf("preview 0 rights %#x have bit 29", r)
	}
}
