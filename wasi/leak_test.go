package wasi

import (
	"os"
	"path/filepath"
	"testing"
)

func openFds(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(ents)
}

// TestNoDescriptorLeak resolves many paths (successfully and not) in both
// modes and checks that every host descriptor is released.
func TestNoDescriptorLeak(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		base, root := escapeTree(t)
		_ = base
		writeFile(t, filepath.Join(root, "a", "b", "c", "f"), "x")
		before := openFds(t)
		g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/", HostDir: root}}, ForcePathWalk: walk})
		for _, p := range []string{"a/b/c/f", "a/b/../b/c/f", "up", "dotdot/x", "loop", "a/b/c/missing/x", "a/b/c/f/", "../x", "deep/rel"} {
			for range 3 {
				if fd, e := g.open(rootFd, p, 0, RightFdRead, 0, true); e == ESUCCESS {
					g.s.FdClose(g.mem, fd)
				}
				g.filestat(rootFd, p, true)
				g.filestat(rootFd, p, false)
				g.readlink(rootFd, p, 10)
				g.pathCall(g.s.PathCreateDirectory, rootFd, p+"_d")
				g.pathCall(g.s.PathRemoveDirectory, rootFd, p+"_d")
				g.rename(rootFd, p, rootFd, p)
			}
		}
		g.s.Close()
		if after := openFds(t); after != before {
			t.Errorf("open descriptors: %d before, %d after Close", before, after)
		}
	})
}
