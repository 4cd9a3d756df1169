package wasi

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/wasmrun/wasmrun/wasm"
)

func TestFunctionTable(t *testing.T) {
	if len(Functions) != 46 {
		t.Fatalf("%d functions, want 46", len(Functions))
	}
	names := map[string]bool{}
	for i, f := range Functions {
		if names[f.Name] {
			t.Errorf("duplicate %s", f.Name)
		}
		names[f.Name] = true
		if i > 0 && Functions[i-1].Name >= f.Name {
			t.Errorf("not sorted at %s", f.Name)
		}
		wantResults := 1
		if f.Name == "proc_exit" {
			wantResults = 0
		}
		if len(f.Results) != wantResults {
			t.Errorf("%s: %d results", f.Name, len(f.Results))
		}
	}
	sigs := map[string][]wasm.ValType{
		"fd_write":                {i32, i32, i32, i32},
		"fd_seek":                 {i32, i64, i32, i32},
		"path_open":               {i32, i32, i32, i32, i32, i64, i64, i32, i32},
		"path_filestat_set_times": {i32, i32, i32, i32, i64, i64, i32},
		"clock_time_get":          {i32, i64, i32},
		"fd_pread":                {i32, i32, i32, i64, i32},
		"fd_readdir":              {i32, i32, i32, i64, i32},
		"sched_yield":             nil,
	}
	for _, f := range Functions {
		if want, ok := sigs[f.Name]; ok && !bytes.Equal(valBytes(want), valBytes(f.Params)) {
			t.Errorf("%s params = %v, want %v", f.Name, f.Params, want)
		}
	}
}

func valBytes(v []wasm.ValType) []byte {
	b := make([]byte, len(v))
	for i, x := range v {
		b[i] = byte(x)
	}
	return b
}

func lookup(name string) Func {
	i := sort.Search(len(Functions), func(i int) bool { return Functions[i].Name >= name })
	return Functions[i]
}

func TestDispatch(t *testing.T) {
	var out bytes.Buffer
	dir := t.TempDir()
	g := newGuest(t, Config{Args: []string{"a", "bc"}, Stdout: &out, Preopens: []Preopen{{GuestPath: "/", HostDir: dir}}})
	iov, n, bufs := g.iovs(5)
	copy(g.mem[bufs[0]:], "hello")
	nw := g.alloc(4)
	st := []uint64{1, uint64(iov), uint64(n), uint64(nw)}
	if err := lookup("fd_write").Call(bg, g.s, g.mem, st); err != nil || st[0] != 0 || out.String() != "hello" {
		t.Errorf("fd_write via table: %v errno %d out %q", err, st[0], out.String())
	}
	c, sz := g.alloc(4), g.alloc(4)
	st = []uint64{uint64(c), uint64(sz)}
	lookup("args_sizes_get").Call(bg, g.s, g.mem, st)
	if st[0] != 0 || g.u32(c) != 2 || g.u32(sz) != 5 {
		t.Errorf("args_sizes_get via table: %d %d %d", st[0], g.u32(c), g.u32(sz))
	}
	// i64 parameters arrive whole: seek to 2^33 on a file
	fd, _ := g.open(rootFd, "big", OflagCreat, RightsAll, 0, true)
	off := g.alloc(8)
	st = []uint64{uint64(fd), 1 << 33, WhenceSet, uint64(off)}
	lookup("fd_seek").Call(bg, g.s, g.mem, st)
	if st[0] != 0 || g.u64(off) != 1<<33 {
		t.Errorf("fd_seek via table: errno %d offset %d", st[0], g.u64(off))
	}
	pp, pl := g.str("d")
	st = []uint64{rootFd, uint64(pp), uint64(pl)}
	lookup("path_create_directory").Call(bg, g.s, g.mem, st)
	if fi, err := os.Stat(filepath.Join(dir, "d")); st[0] != 0 || err != nil || !fi.IsDir() {
		t.Errorf("path_create_directory via table: errno %d, %v", st[0], err)
	}
	st = []uint64{42}
	if err := lookup("proc_exit").Call(bg, g.s, g.mem, st); err == nil || err.(*ExitError).Code != 42 {
		t.Errorf("proc_exit via table = %v", err)
	}
	st = []uint64{99}
	lookup("fd_close").Call(bg, g.s, g.mem, st)
	if Errno(st[0]) != EBADF {
		t.Errorf("fd_close(99) via table = %v", Errno(st[0]))
	}
}

// TestDispatchZeroArgs calls every function with zero parameters and no
// memory: nothing may panic.
func TestDispatchZeroArgs(t *testing.T) {
	g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/", HostDir: t.TempDir()}}})
	for _, f := range Functions {
		if f.Name == "poll_oneoff" {
			continue // nsubs 0 is EINVAL; covered elsewhere
		}
		st := make([]uint64, max(len(f.Params), 1))
		f.Call(bg, g.s, nil, st)
	}
}

// FuzzDispatch drives every function (except the blocking ones) with
// arbitrary parameters over arbitrary memory: no panic, no escape.
func FuzzDispatch(f *testing.F) {
	f.Add(uint8(26), []byte{1, 0, 0, 0, 8, 0, 0, 0}, []byte("\x10\x00\x00\x00\x04\x00\x00\x00abcd"))
	f.Add(uint8(31), []byte{3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0}, []byte("../secret.txt"))
	f.Add(uint8(29), []byte{3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0}, []byte("up"))
	base := f.TempDir()
	root := filepath.Join(base, "root")
	writeFile(f, filepath.Join(base, "secret.txt"), "TOP SECRET")
	writeFile(f, filepath.Join(root, "inner", "file"), "x")
	os.Symlink("../secret.txt", filepath.Join(root, "up"))
	os.Symlink("..", filepath.Join(root, "dotdot"))
	funcs := append(append([]Func(nil), Functions...), UnstableFunctions...) // preview 1, then preview 0
	f.Fuzz(func(t *testing.T, which uint8, params []byte, memory []byte) {
		fn := funcs[int(which)%len(funcs)]
		switch fn.Name {
		case "poll_oneoff", "sock_accept", "proc_exit", "proc_raise":
			return
		}
		for _, walk := range []bool{false, true} {
			s, err := New(Config{Preopens: []Preopen{{GuestPath: "/", HostDir: root}}, ForcePathWalk: walk})
			if err != nil {
				t.Fatal(err)
			}
			mem := make([]byte, 4096)
			copy(mem, memory)
			st := make([]uint64, max(len(fn.Params), 1))
			for i := range st {
				if len(params) >= (i+1)*4 {
					st[i] = uint64(binary.LittleEndian.Uint32(params[i*4:]))
				}
			}
			fn.Call(bg, s, mem, st)
			s.Close()
			if b, err := os.ReadFile(filepath.Join(base, "secret.txt")); err != nil || string(b) != "TOP SECRET" {
				t.Fatalf("%s escaped: secret now %q, %v", fn.Name, b, err)
			}
			if ents, _ := os.ReadDir(base); len(ents) != 2 {
				t.Fatalf("%s created something outside the preopen", fn.Name)
			}
		}
	})
}

// FuzzResolve opens, stats and creates arbitrary paths in both resolvers.
func FuzzResolve(f *testing.F) {
	for _, p := range []string{"a/../..", "up", "dotdot/secret.txt", "inner//file/", "./././inner/../up", "/abs", "loop/x", "inner/../../root/up"} {
		f.Add(p, uint8(0))
	}
	base := f.TempDir()
	root := filepath.Join(base, "root")
	writeFile(f, filepath.Join(base, "secret.txt"), "TOP SECRET")
	writeFile(f, filepath.Join(root, "inner", "file"), "x")
	os.Symlink("../secret.txt", filepath.Join(root, "up"))
	os.Symlink("..", filepath.Join(root, "dotdot"))
	os.Symlink("loop", filepath.Join(root, "loop"))
	f.Fuzz(func(t *testing.T, p string, op uint8) {
		for _, walk := range []bool{false, true} {
			g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/", HostDir: root}}, ForcePathWalk: walk})
			if len(p) > 1000 {
				return
			}
			switch op % 4 {
			case 0:
				if fd, e := g.open(rootFd, p, 0, RightFdRead, 0, true); e == ESUCCESS {
					if s, _ := g.read(fd, 100); s == "TOP SECRET" {
						t.Fatalf("read the secret through %q", p)
					}
				}
			case 1:
				g.filestat(rootFd, p, true)
			case 2:
				if fd, e := g.open(rootFd, p, OflagCreat|OflagTrunc, RightsAll, 0, true); e == ESUCCESS {
					g.write(fd, "fuzz")
				}
			case 3:
				g.pathCall(g.s.PathUnlinkFile, rootFd, p)
			}
			if b, err := os.ReadFile(filepath.Join(base, "secret.txt")); err != nil || string(b) != "TOP SECRET" {
				t.Fatalf("path %q (op %d, walk %v) touched the secret: %q, %v", p, op%4, walk, b, err)
			}
		}
	})
}
