package wasi

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// escapeTree builds base/{secret.txt,outdir/o.txt,root/...} and returns
// base and root; root is what the guest gets.
func escapeTree(t *testing.T) (base, root string) {
	base = t.TempDir()
	root = filepath.Join(base, "root")
	writeFile(t, filepath.Join(base, "secret.txt"), "TOP SECRET")
	writeFile(t, filepath.Join(base, "outdir", "o.txt"), "outside")
	writeFile(t, filepath.Join(root, "inner", "file"), "inside")
	os.Mkdir(filepath.Join(root, "deep"), 0o755)
	links := map[string]string{
		"dotdot":    "..",
		"up":        "../secret.txt",
		"abs":       filepath.Join(base, "secret.txt"),
		"absdir":    base,
		"deep/up2":  "../../secret.txt",
		"deep/rel":  "../inner/../../secret.txt",
		"loop":      "loop",
		"loopA":     "loopB",
		"loopB":     "loopA",
		"inner/esc": "../../outdir",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Unix(1_000_000_000, 0)
	os.Chtimes(filepath.Join(base, "secret.txt"), old, old)
	return base, root
}

type outsideState struct {
	Secret     string
	SecretMod  time.Time
	Base       []string
	Outdir     []string
	OutdirFile string
}

func snapshotOutside(t *testing.T, base string) outsideState {
	var s outsideState
	b, _ := os.ReadFile(filepath.Join(base, "secret.txt"))
	s.Secret = string(b)
	if fi, err := os.Stat(filepath.Join(base, "secret.txt")); err == nil {
		s.SecretMod = fi.ModTime()
	}
	for _, d := range []struct {
		dir string
		out *[]string
	}{{base, &s.Base}, {filepath.Join(base, "outdir"), &s.Outdir}} {
		ents, _ := os.ReadDir(d.dir)
		for _, e := range ents {
			*d.out = append(*d.out, e.Name())
		}
		sort.Strings(*d.out)
	}
	b, _ = os.ReadFile(filepath.Join(base, "outdir", "o.txt"))
	s.OutdirFile = string(b)
	return s
}

func TestSandboxEscapes(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		base, root := escapeTree(t)
		before := snapshotOutside(t, base)
		g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/", HostDir: root}}, ForcePathWalk: walk})
		secretAbs := filepath.Join(base, "secret.txt")
		// any marks attempts where any failure will do; the sandbox
		// property is checked on the outside tree afterwards.
		const any = Errno(0xffff)
		openR := func(p string, follow bool) func() Errno {
			return func() Errno {
				fd, e := g.open(rootFd, p, 0, RightFdRead, 0, follow)
				if e == ESUCCESS {
					s, _ := g.read(fd, 100)
					t.Errorf("opened %q: read %q", p, s)
				}
				return e
			}
		}
		openW := func(p string, oflags uint32) func() Errno {
			return func() Errno {
				fd, e := g.open(rootFd, p, oflags, RightsAll, 0, true)
				if e == ESUCCESS {
					g.write(fd, "PWNED")
				}
				return e
			}
		}
		stat := func(p string, follow bool) func() Errno {
			return func() Errno { _, e := g.filestat(rootFd, p, follow); return e }
		}
		setTimes := func(p string) func() Errno {
			return func() Errno {
				pp, pl := g.str(p)
				return g.s.PathFilestatSetTimes(g.mem, rootFd, LookupSymlinkFollow, pp, pl, 0, 0, FstflagAtimNow|FstflagMtimNow)
			}
		}
		attempts := []struct {
			name string
			do   func() Errno
			want Errno
		}{
			{"open ../", openR("../secret.txt", true), ENOTCAPABLE},
			{"open inner/../../", openR("inner/../../secret.txt", true), ENOTCAPABLE},
			{"open absolute", openR(secretAbs, true), ENOTCAPABLE},
			{"open /etc/passwd", openR("/etc/passwd", true), ENOTCAPABLE},
			{"open rel symlink", openR("up", true), ENOTCAPABLE},
			{"open through dotdot link", openR("dotdot/secret.txt", true), ENOTCAPABLE},
			{"open abs symlink", openR("abs", true), ENOTCAPABLE},
			{"open through abs dir link", openR("absdir/secret.txt", true), ENOTCAPABLE},
			{"open deep link", openR("deep/up2", true), ENOTCAPABLE},
			{"open winding link", openR("deep/rel", true), ENOTCAPABLE},
			{"open through inner/esc", openR("inner/esc/o.txt", true), ENOTCAPABLE},
			{"open loop", openR("loop", true), ELOOP},
			{"open loopA", openR("loopA", true), ELOOP},
			{"open nofollow link", openR("up", false), ELOOP},
			{"open .. dir", func() Errno {
				_, e := g.open(rootFd, "..", OflagDirectory, dirOpenRights, 0, true)
				return e
			}, ENOTCAPABLE},
			{"write through link", openW("up", OflagTrunc), ENOTCAPABLE},
			{"create outside", openW("../created.txt", OflagCreat), ENOTCAPABLE},
			{"create through dotdot", openW("dotdot/created.txt", OflagCreat), ENOTCAPABLE},
			{"stat ../", stat("../secret.txt", false), ENOTCAPABLE},
			{"stat through link", stat("up", true), ENOTCAPABLE},
			{"stat dotdot/secret", stat("dotdot/secret.txt", false), ENOTCAPABLE},
			{"stat abs", stat(secretAbs, false), ENOTCAPABLE},
			{"set times through link", setTimes("up"), ENOTCAPABLE},
			{"set times ../", setTimes("../secret.txt"), ENOTCAPABLE},
			{"unlink ../", func() Errno { return g.pathCall(g.s.PathUnlinkFile, rootFd, "../secret.txt") }, ENOTCAPABLE},
			{"unlink via dotdot", func() Errno { return g.pathCall(g.s.PathUnlinkFile, rootFd, "dotdot/secret.txt") }, ENOTCAPABLE},
			{"unlink abs", func() Errno { return g.pathCall(g.s.PathUnlinkFile, rootFd, secretAbs) }, ENOTCAPABLE},
			{"rmdir outside", func() Errno { return g.pathCall(g.s.PathRemoveDirectory, rootFd, "../outdir") }, ENOTCAPABLE},
			{"rmdir .. ", func() Errno { return g.pathCall(g.s.PathRemoveDirectory, rootFd, "..") }, any},
			{"mkdir outside", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, "../newdir") }, ENOTCAPABLE},
			{"mkdir through link", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, "dotdot/newdir") }, ENOTCAPABLE},
			{"mkdir through inner/esc", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, "inner/esc/nd") }, ENOTCAPABLE},
			{"rename from outside", func() Errno { return g.rename(rootFd, "../secret.txt", rootFd, "stolen") }, ENOTCAPABLE},
			{"rename to outside", func() Errno { return g.rename(rootFd, "inner/file", rootFd, "../planted") }, ENOTCAPABLE},
			{"rename to outside via link", func() Errno { return g.rename(rootFd, "inner/file", rootFd, "dotdot/planted") }, ENOTCAPABLE},
			{"rename over outside", func() Errno { return g.rename(rootFd, "inner/file", rootFd, "../secret.txt") }, ENOTCAPABLE},
			{"link from outside", func() Errno { return g.link(rootFd, "../secret.txt", rootFd, "hl", false) }, ENOTCAPABLE},
			{"link through followed symlink", func() Errno { return g.link(rootFd, "up", rootFd, "hl2", true) }, ENOTCAPABLE},
			{"link to outside", func() Errno { return g.link(rootFd, "inner/file", rootFd, "../hl3", false) }, ENOTCAPABLE},
			{"link abs", func() Errno { return g.link(rootFd, secretAbs, rootFd, "hl4", false) }, ENOTCAPABLE},
			{"readlink outside", func() Errno { _, e := g.readlink(rootFd, "../root/up", 100); return e }, ENOTCAPABLE},
			{"symlink outside", func() Errno { return g.symlink("x", rootFd, "../newlink") }, ENOTCAPABLE},
			{"guest symlink created", func() Errno { return g.symlink("../secret.txt", rootFd, "mine") }, ESUCCESS},
			{"guest symlink read", openR("mine", true), ENOTCAPABLE},
			{"guest symlink write", openW("mine", OflagTrunc), ENOTCAPABLE},
			{"guest symlink stat", stat("mine", true), ENOTCAPABLE},
			{"guest symlink times", setTimes("mine"), ENOTCAPABLE},
			{"guest dir symlink", func() Errno { return g.symlink("../..", rootFd, "inner/mine2") }, ESUCCESS},
			{"guest dir symlink use", openR("inner/mine2/secret.txt", true), ENOTCAPABLE},
			{"guest dir symlink create", openW("inner/mine2/new.txt", OflagCreat), ENOTCAPABLE},
			{"guest dangling symlink create", func() Errno {
				if e := g.symlink("../created2.txt", rootFd, "dang"); e != ESUCCESS {
					return e
				}
				return openW("dang", OflagCreat)()
			}, ENOTCAPABLE},
			{"subdir fd is its own root", func() Errno {
				sub, e := g.open(rootFd, "inner", OflagDirectory, dirOpenRights, 0, true)
				if e != ESUCCESS {
					return e
				}
				if _, e := g.open(sub, "../up", 0, RightFdRead, 0, true); e != ENOTCAPABLE {
					t.Errorf("sub ../up = %v", e)
				}
				_, e = g.open(sub, "../inner/file", 0, RightFdRead, 0, true)
				return e
			}, ENOTCAPABLE},
		}
		for _, a := range attempts {
			e := a.do()
			switch {
			case a.want == any && e == ESUCCESS:
				t.Errorf("%s succeeded", a.name)
			case a.want != any && e != a.want:
				t.Errorf("%s = %v, want %v", a.name, e, a.want)
			}
		}
		after := snapshotOutside(t, base)
		if diff := cmp.Diff(before, after); diff != "" {
			t.Errorf("outside tree changed (-before +after):\n%s", diff)
		}
		if before.Secret != "TOP SECRET" {
			t.Fatalf("test setup: secret = %q", before.Secret)
		}
	})
}

func TestReadOnlyPreopen(t *testing.T) {
	modes(t, func(t *testing.T, walk bool) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "f"), "keep")
		os.Mkdir(filepath.Join(dir, "d"), 0o755)
		old := time.Unix(1_000_000_000, 0)
		os.Chtimes(filepath.Join(dir, "f"), old, old)
		g := newGuest(t, Config{Preopens: []Preopen{{GuestPath: "/ro", HostDir: dir, ReadOnly: true}}, ForcePathWalk: walk})
		fd, e := g.open(rootFd, "f", 0, RightFdRead, 0, true)
		if e != ESUCCESS {
			t.Fatal(e)
		}
		if s, _ := g.read(fd, 10); s != "keep" {
			t.Errorf("read = %q", s)
		}
		ops := []struct {
			name string
			do   func() Errno
		}{
			{"open write", func() Errno { _, e := g.open(rootFd, "f", 0, RightsAll, 0, true); return e }},
			{"open trunc", func() Errno { _, e := g.open(rootFd, "f", OflagTrunc, RightFdRead, 0, true); return e }},
			{"open create", func() Errno { _, e := g.open(rootFd, "n", OflagCreat, RightFdRead, 0, true); return e }},
			{"open append", func() Errno { _, e := g.open(rootFd, "f", 0, RightFdRead, FdflagAppend, true); return e }},
			{"mkdir", func() Errno { return g.pathCall(g.s.PathCreateDirectory, rootFd, "nd") }},
			{"rmdir", func() Errno { return g.pathCall(g.s.PathRemoveDirectory, rootFd, "d") }},
			{"unlink", func() Errno { return g.pathCall(g.s.PathUnlinkFile, rootFd, "f") }},
			{"rename", func() Errno { return g.rename(rootFd, "f", rootFd, "g") }},
			{"link", func() Errno { return g.link(rootFd, "f", rootFd, "g", false) }},
			{"symlink", func() Errno { return g.symlink("f", rootFd, "g") }},
			{"set times", func() Errno {
				pp, pl := g.str("f")
				return g.s.PathFilestatSetTimes(g.mem, rootFd, 0, pp, pl, 0, 0, FstflagMtimNow)
			}},
			{"fd set times", func() Errno {
				fd2, e := g.open(rootFd, "f", 0, RightFdRead|RightFdFilestatSetTimes, 0, true)
				if e != ESUCCESS {
					return e
				}
				return g.s.FdFilestatSetTimes(g.mem, fd2, 0, 0, FstflagMtimNow)
			}},
		}
		for _, op := range ops {
			if e := op.do(); e != EROFS {
				t.Errorf("%s = %v, want EROFS", op.name, e)
			}
		}
		if _, e := g.write(fd, "x"); e != ENOTCAPABLE {
			t.Errorf("write = %v", e)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "f"))
		fi, _ := os.Stat(filepath.Join(dir, "f"))
		ents, _ := os.ReadDir(dir)
		if string(b) != "keep" || !fi.ModTime().Equal(old) || len(ents) != 2 {
			t.Errorf("read-only tree changed: %q %v %d entries", b, fi.ModTime(), len(ents))
		}
	})
}
