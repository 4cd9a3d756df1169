package wasi

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestErrnoClasses pins the errno of every function for each failure
// class (testdata/wasi/README.md has the table): "badfd" (no such
// descriptor), "type" (a descriptor of the wrong file type), "right" (a
// descriptor whose rights were narrowed), "fault" (a pointer past the end
// of memory), "inval" (an invalid flag or enum value) and the classes
// particular to a function. Checks are made in that order: EBADF, then
// the type's errno or ENOTCAPABLE, then EINVAL and EFAULT for the
// arguments, then the operation's own errors.
func TestErrnoClasses(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "f"), "hello")
	os.Mkdir(filepath.Join(dir, "d"), 0o755)
	g := newGuest(t, Config{Args: []string{"prog"}, Env: []string{"A=1"}, Stdin: eofReader{},
		Preopens: []Preopen{{GuestPath: "/", HostDir: dir}}})
	const bad = 99        // no such descriptor
	const fault = memSize // a pointer just past the end of memory
	var d uint32 = rootFd
	file, e := g.open(d, "f", 0, RightsRegularFile, 0, true)
	if e != ESUCCESS {
		t.Fatal(e)
	}
	nfile, e := g.open(d, "f", 0, 0, 0, true) // a file without rights
	if e != ESUCCESS {
		t.Fatal(e)
	}
	ndir, e := g.open(d, "d", OflagDirectory, 0, 0, true) // a directory without rights
	if e != ESUCCESS {
		t.Fatal(e)
	}
	// a directory with every right but the sync ones
	ndir2, e := g.open(d, ".", OflagDirectory, RightsDirectory&^(RightFdSync|RightFdDatasync), 0, true)
	if e != ESUCCESS {
		t.Fatal(e)
	}
	var stdin uint32
	m := g.mem
	p := func(s string) (uint32, uint32) { return g.str(s) }
	fp, fn := p("f")
	dp, dn := p("d")
	np, nn := p("new")
	iov, niov, _ := g.iovs(4)
	out := g.alloc(64)
	out2 := g.alloc(64)
	big := uint32(maxIOVs + 1)
	sub := g.alloc(subscriptionSize)
	m[sub+8] = 9 // an event type that does not exist

	got := map[string]Errno{
		"args_get/fault":          g.s.ArgsGet(m, fault, out),
		"args_sizes_get/fault":    g.s.ArgsSizesGet(m, fault, out),
		"environ_get/fault":       g.s.EnvironGet(m, out, fault),
		"environ_sizes_get/fault": g.s.EnvironSizesGet(m, out, fault),
		"clock_res_get/fault":     g.s.ClockResGet(m, ClockMonotonic, fault),
		"clock_res_get/inval":     g.s.ClockResGet(m, 4, out),
		"clock_time_get/fault":    g.s.ClockTimeGet(m, ClockMonotonic, 1, fault),
		"clock_time_get/inval":    g.s.ClockTimeGet(m, 4, 1, out),

		"fd_advise/badfd": g.s.FdAdvise(m, bad, 0, 0, 0),
		"fd_advise/type":  g.s.FdAdvise(m, d, 0, 0, 0),
		"fd_advise/right": g.s.FdAdvise(m, nfile, 0, 0, 0),
		"fd_advise/inval": g.s.FdAdvise(m, file, 0, 0, 6),

		"fd_allocate/badfd": g.s.FdAllocate(m, bad, 0, 1),
		"fd_allocate/type":  g.s.FdAllocate(m, d, 0, 1),
		"fd_allocate/right": g.s.FdAllocate(m, nfile, 0, 1),
		"fd_allocate/inval": g.s.FdAllocate(m, file, 0, 0),

		"fd_close/badfd":    g.s.FdClose(m, bad),
		"fd_datasync/badfd": g.s.FdDatasync(m, bad),
		"fd_datasync/right": g.s.FdDatasync(m, nfile),
		"fd_sync/badfd":     g.s.FdSync(m, bad),
		"fd_sync/right":     g.s.FdSync(m, nfile),

		"fd_fdstat_get/badfd":              g.s.FdFdstatGet(m, bad, out),
		"fd_fdstat_get/fault":              g.s.FdFdstatGet(m, file, fault),
		"fd_fdstat_set_flags/badfd":        g.s.FdFdstatSetFlags(m, bad, 0),
		"fd_fdstat_set_flags/right":        g.s.FdFdstatSetFlags(m, nfile, 0),
		"fd_fdstat_set_flags/inval":        g.s.FdFdstatSetFlags(m, file, 1<<5),
		"fd_fdstat_set_rights/badfd":       g.s.FdFdstatSetRights(m, bad, 0, 0),
		"fd_fdstat_set_rights/widen":       g.s.FdFdstatSetRights(m, nfile, uint64(RightFdRead), 0),
		"fd_filestat_get/badfd":            g.s.FdFilestatGet(m, bad, out),
		"fd_filestat_get/right":            g.s.FdFilestatGet(m, nfile, out),
		"fd_filestat_get/fault":            g.s.FdFilestatGet(m, file, fault),
		"fd_filestat_set_size/badfd":       g.s.FdFilestatSetSize(m, bad, 0),
		"fd_filestat_set_size/type":        g.s.FdFilestatSetSize(m, d, 0),
		"fd_filestat_set_size/right":       g.s.FdFilestatSetSize(m, nfile, 0),
		"fd_filestat_set_size/too-big":     g.s.FdFilestatSetSize(m, file, math.MaxUint64),
		"fd_filestat_set_times/badfd":      g.s.FdFilestatSetTimes(m, bad, 0, 0, 0),
		"fd_filestat_set_times/right":      g.s.FdFilestatSetTimes(m, nfile, 0, 0, 0),
		"fd_filestat_set_times/inval":      g.s.FdFilestatSetTimes(m, file, 0, 0, FstflagAtim|FstflagAtimNow),
		"fd_filestat_set_times/inval-bits": g.s.FdFilestatSetTimes(m, file, 0, 0, 1<<4),

		"fd_pread/badfd":  g.s.FdPread(m, bad, iov, niov, 0, out),
		"fd_pread/type":   g.s.FdPread(m, d, iov, niov, 0, out),
		"fd_pread/stream": g.s.FdPread(m, stdin, iov, niov, 0, out),
		"fd_pread/right":  g.s.FdPread(m, nfile, iov, niov, 0, out),
		"fd_pread/fault":  g.s.FdPread(m, file, fault, 1, 0, out),
		"fd_pread/inval":  g.s.FdPread(m, file, iov, big, 0, out),

		"fd_prestat_dir_name/badfd": g.s.FdPrestatDirName(m, bad, out, 64),
		"fd_prestat_dir_name/type":  g.s.FdPrestatDirName(m, file, out, 64),
		"fd_prestat_dir_name/short": g.s.FdPrestatDirName(m, d, out, 0),
		"fd_prestat_dir_name/fault": g.s.FdPrestatDirName(m, d, fault, 64),
		"fd_prestat_get/badfd":      g.s.FdPrestatGet(m, bad, out),
		"fd_prestat_get/type":       g.s.FdPrestatGet(m, file, out),
		"fd_prestat_get/fault":      g.s.FdPrestatGet(m, d, fault),

		"fd_pwrite/badfd":  g.s.FdPwrite(m, bad, iov, niov, 0, out),
		"fd_pwrite/type":   g.s.FdPwrite(m, d, iov, niov, 0, out),
		"fd_pwrite/stream": g.s.FdPwrite(m, 1, iov, niov, 0, out),
		"fd_pwrite/right":  g.s.FdPwrite(m, nfile, iov, niov, 0, out),
		"fd_pwrite/fault":  g.s.FdPwrite(m, file, fault, 1, 0, out),

		"fd_read/badfd": errnoOf(g.s.FdRead(bg, m, bad, iov, niov, out)),
		"fd_read/type":  errnoOf(g.s.FdRead(bg, m, d, iov, niov, out)),
		"fd_read/right": errnoOf(g.s.FdRead(bg, m, nfile, iov, niov, out)),
		"fd_read/fault": errnoOf(g.s.FdRead(bg, m, file, iov, niov, fault)),
		"fd_read/inval": errnoOf(g.s.FdRead(bg, m, file, iov, big, out)),

		"fd_readdir/badfd": g.s.FdReaddir(m, bad, out, 64, 0, out2),
		"fd_readdir/type":  g.s.FdReaddir(m, file, out, 64, 0, out2),
		"fd_readdir/right": g.s.FdReaddir(m, ndir, out, 64, 0, out2),
		"fd_readdir/fault": g.s.FdReaddir(m, d, fault, 64, 0, out2),

		"fd_renumber/badfd-from": g.s.FdRenumber(m, bad, file),
		"fd_renumber/badfd-to":   g.s.FdRenumber(m, file, bad),

		"fd_seek/badfd":  g.s.FdSeek(m, bad, 0, WhenceSet, out),
		"fd_seek/type":   g.s.FdSeek(m, d, 0, WhenceSet, out),
		"fd_seek/stream": g.s.FdSeek(m, stdin, 0, WhenceSet, out),
		"fd_seek/right":  g.s.FdSeek(m, nfile, 0, WhenceSet, out),
		"fd_seek/fault":  g.s.FdSeek(m, file, 0, WhenceSet, fault),
		"fd_seek/inval":  g.s.FdSeek(m, file, 0, 3, out),
		"fd_seek/before": g.s.FdSeek(m, file, math.MaxUint64, WhenceSet, out), // offset -1
		"fd_tell/badfd":  g.s.FdTell(m, bad, out),
		"fd_tell/type":   g.s.FdTell(m, d, out),
		"fd_tell/stream": g.s.FdTell(m, stdin, out),
		"fd_tell/right":  g.s.FdTell(m, nfile, out),
		"fd_tell/fault":  g.s.FdTell(m, file, fault),

		"fd_write/badfd": errnoOf(g.s.FdWrite(bg, m, bad, iov, niov, out)),
		"fd_write/type":  errnoOf(g.s.FdWrite(bg, m, d, iov, niov, out)),
		"fd_write/right": errnoOf(g.s.FdWrite(bg, m, stdin, iov, niov, out)),
		"fd_write/fault": errnoOf(g.s.FdWrite(bg, m, 1, fault, 1, out)),
		"fd_write/inval": errnoOf(g.s.FdWrite(bg, m, 1, iov, big, out)),

		"path_create_directory/badfd":  g.s.PathCreateDirectory(m, bad, np, nn),
		"path_create_directory/type":   g.s.PathCreateDirectory(m, file, np, nn),
		"path_create_directory/right":  g.s.PathCreateDirectory(m, ndir, np, nn),
		"path_create_directory/fault":  g.s.PathCreateDirectory(m, d, fault, 1),
		"path_create_directory/exists": g.s.PathCreateDirectory(m, d, dp, dn),
		"path_create_directory/nul":    g.pathCall(g.s.PathCreateDirectory, d, "a\x00b"),
		"path_create_directory/escape": g.pathCall(g.s.PathCreateDirectory, d, "../x"),

		"path_filestat_get/badfd": g.s.PathFilestatGet(m, bad, 0, fp, fn, out),
		"path_filestat_get/type":  g.s.PathFilestatGet(m, file, 0, fp, fn, out),
		"path_filestat_get/right": g.s.PathFilestatGet(m, ndir, 0, fp, fn, out),
		"path_filestat_get/fault": g.s.PathFilestatGet(m, d, 0, fp, fn, fault),

		"path_filestat_set_times/badfd": g.s.PathFilestatSetTimes(m, bad, 0, fp, fn, 0, 0, 0),
		"path_filestat_set_times/type":  g.s.PathFilestatSetTimes(m, file, 0, fp, fn, 0, 0, 0),
		"path_filestat_set_times/right": g.s.PathFilestatSetTimes(m, ndir, 0, fp, fn, 0, 0, 0),
		"path_filestat_set_times/inval": g.s.PathFilestatSetTimes(m, d, 0, fp, fn, 0, 0, FstflagMtim|FstflagMtimNow),

		"path_link/badfd-old": g.s.PathLink(m, bad, 0, fp, fn, d, np, nn),
		"path_link/badfd-new": g.s.PathLink(m, d, 0, fp, fn, bad, np, nn),
		"path_link/type":      g.s.PathLink(m, file, 0, fp, fn, d, np, nn),
		"path_link/right":     g.s.PathLink(m, ndir, 0, fp, fn, d, np, nn),
		"path_link/exists":    g.s.PathLink(m, d, 0, fp, fn, d, dp, dn),

		"path_open/badfd":        g.s.PathOpen(m, bad, 0, fp, fn, 0, 0, 0, 0, out),
		"path_open/type":         g.s.PathOpen(m, file, 0, fp, fn, 0, 0, 0, 0, out),
		"path_open/right":        g.s.PathOpen(m, ndir, 0, fp, fn, 0, 0, 0, 0, out),
		"path_open/fault":        g.s.PathOpen(m, d, 0, fp, fn, 0, 0, 0, 0, fault),
		"path_open/inval-oflags": g.s.PathOpen(m, d, 0, fp, fn, 1<<4, 0, 0, 0, out),
		"path_open/inval-fdflag": g.s.PathOpen(m, d, 0, fp, fn, 0, 0, 0, 1<<5, out),
		"path_open/dir-write":    g.s.PathOpen(m, d, 0, dp, dn, 0, uint64(RightFdWrite), 0, 0, out),
		"path_open/notdir":       g.s.PathOpen(m, d, 0, fp, fn, OflagDirectory, 0, 0, 0, out),
		"path_open/excl":         g.s.PathOpen(m, d, 0, fp, fn, OflagCreat|OflagExcl, 0, 0, 0, out),
		"path_open/absolute":     g.pathOpen(d, "/f"),
		"path_open/sync-right":   g.s.PathOpen(m, ndir2, 0, fp, fn, 0, 0, 0, FdflagSync, out),
		"path_open/dsync-right":  g.s.PathOpen(m, ndir2, 0, fp, fn, 0, 0, 0, FdflagDsync, out),
		"path_open/escape":       g.pathOpen(d, "../f"),

		"path_readlink/badfd":   g.s.PathReadlink(m, bad, fp, fn, out, 64, out2),
		"path_readlink/type":    g.s.PathReadlink(m, file, fp, fn, out, 64, out2),
		"path_readlink/right":   g.s.PathReadlink(m, ndir, fp, fn, out, 64, out2),
		"path_readlink/fault":   g.s.PathReadlink(m, d, fp, fn, fault, 64, out2),
		"path_readlink/notlink": g.s.PathReadlink(m, d, fp, fn, out, 64, out2),

		"path_remove_directory/badfd":  g.s.PathRemoveDirectory(m, bad, dp, dn),
		"path_remove_directory/type":   g.s.PathRemoveDirectory(m, file, dp, dn),
		"path_remove_directory/right":  g.s.PathRemoveDirectory(m, ndir, dp, dn),
		"path_remove_directory/notdir": g.s.PathRemoveDirectory(m, d, fp, fn),

		"path_rename/badfd": g.s.PathRename(m, bad, fp, fn, d, np, nn),
		"path_rename/type":  g.s.PathRename(m, file, fp, fn, d, np, nn),
		"path_rename/right": g.s.PathRename(m, ndir, fp, fn, d, np, nn),

		"path_symlink/badfd":    g.s.PathSymlink(m, fp, fn, bad, np, nn),
		"path_symlink/type":     g.s.PathSymlink(m, fp, fn, file, np, nn),
		"path_symlink/right":    g.s.PathSymlink(m, fp, fn, ndir, np, nn),
		"path_symlink/absolute": g.symlink("/etc/passwd", d, "abs"),

		"path_unlink_file/badfd": g.s.PathUnlinkFile(m, bad, fp, fn),
		"path_unlink_file/type":  g.s.PathUnlinkFile(m, file, fp, fn),
		"path_unlink_file/right": g.s.PathUnlinkFile(m, ndir, fp, fn),
		"path_unlink_file/isdir": g.s.PathUnlinkFile(m, d, dp, dn),

		"poll_oneoff/none":      errnoOf(g.s.PollOneoff(bg, m, sub, out, 0, out2)),
		"poll_oneoff/fault":     errnoOf(g.s.PollOneoff(bg, m, fault, out, 1, out2)),
		"poll_oneoff/inval":     errnoOf(g.s.PollOneoff(bg, m, sub, out, 1, out2)),
		"proc_raise/inval":      errnoOf(g.s.ProcRaise(m, 200)),
		"random_get/fault":      g.s.RandomGet(m, fault, 1),
		"sched_yield/ok":        g.s.SchedYield(m),
		"sock_accept/badfd":     errnoOf(g.s.SockAccept(bg, m, bad, 0, out)),
		"sock_accept/type":      errnoOf(g.s.SockAccept(bg, m, file, 0, out)),
		"sock_recv/badfd":       errnoOf(g.s.SockRecv(bg, m, bad, iov, niov, 0, out, out2)),
		"sock_recv/type":        errnoOf(g.s.SockRecv(bg, m, file, iov, niov, 0, out, out2)),
		"sock_send/badfd":       errnoOf(g.s.SockSend(bg, m, bad, iov, niov, 0, out)),
		"sock_send/type":        errnoOf(g.s.SockSend(bg, m, 1, iov, niov, 0, out)),
		"sock_shutdown/badfd":   g.s.SockShutdown(m, bad, sdflagWr),
		"sock_shutdown/type":    g.s.SockShutdown(m, d, sdflagWr),
		"sock_shutdown/type-io": g.s.SockShutdown(m, 1, sdflagWr),
	}
	want := map[string]Errno{}
	for name, e := range map[Errno][]string{
		EBADF: {"fd_advise/badfd", "fd_allocate/badfd", "fd_close/badfd", "fd_datasync/badfd", "fd_sync/badfd",
			"fd_fdstat_get/badfd", "fd_fdstat_set_flags/badfd", "fd_fdstat_set_rights/badfd",
			"fd_filestat_get/badfd", "fd_filestat_set_size/badfd", "fd_filestat_set_times/badfd",
			"fd_pread/badfd", "fd_prestat_dir_name/badfd", "fd_prestat_dir_name/type", "fd_prestat_get/badfd",
			"fd_prestat_get/type", "fd_pwrite/badfd", "fd_read/badfd", "fd_readdir/badfd",
			"fd_renumber/badfd-from", "fd_renumber/badfd-to", "fd_seek/badfd", "fd_tell/badfd", "fd_write/badfd",
			"path_create_directory/badfd", "path_filestat_get/badfd", "path_filestat_set_times/badfd",
			"path_link/badfd-old", "path_link/badfd-new", "path_open/badfd", "path_readlink/badfd",
			"path_remove_directory/badfd", "path_rename/badfd", "path_symlink/badfd", "path_unlink_file/badfd",
			"sock_accept/badfd", "sock_recv/badfd", "sock_send/badfd", "sock_shutdown/badfd"},
		EISDIR: {"fd_advise/type", "fd_allocate/type", "fd_filestat_set_size/type", "fd_pread/type", "fd_pwrite/type",
			"fd_read/type", "fd_seek/type", "fd_tell/type", "fd_write/type", "path_open/dir-write",
			"path_unlink_file/isdir"},
		ENOTDIR: {"fd_readdir/type", "path_create_directory/type", "path_filestat_get/type",
			"path_filestat_set_times/type", "path_link/type", "path_open/type", "path_open/notdir",
			"path_readlink/type", "path_remove_directory/type", "path_remove_directory/notdir", "path_rename/type",
			"path_symlink/type", "path_unlink_file/type"},
		ENOTSOCK: {"sock_accept/type", "sock_recv/type", "sock_send/type", "sock_shutdown/type", "sock_shutdown/type-io"},
		ESPIPE:   {"fd_pread/stream", "fd_pwrite/stream", "fd_seek/stream", "fd_tell/stream"},
		ENOTCAPABLE: {"fd_advise/right", "fd_allocate/right", "fd_datasync/right", "fd_sync/right",
			"fd_fdstat_set_flags/right", "fd_fdstat_set_rights/widen", "fd_filestat_get/right",
			"fd_filestat_set_size/right", "fd_filestat_set_times/right", "fd_pread/right", "fd_pwrite/right",
			"fd_read/right", "fd_readdir/right", "fd_seek/right", "fd_tell/right", "fd_write/right",
			"path_create_directory/right", "path_create_directory/escape", "path_filestat_get/right",
			"path_filestat_set_times/right", "path_link/right", "path_open/right", "path_open/absolute",
			"path_open/escape", "path_open/sync-right", "path_open/dsync-right", "path_readlink/right", "path_remove_directory/right", "path_rename/right",
			"path_symlink/right", "path_symlink/absolute", "path_unlink_file/right"},
		EFAULT: {"args_get/fault", "args_sizes_get/fault", "environ_get/fault", "environ_sizes_get/fault",
			"clock_res_get/fault", "clock_time_get/fault", "fd_fdstat_get/fault", "fd_filestat_get/fault",
			"fd_pread/fault", "fd_prestat_dir_name/fault", "fd_prestat_get/fault", "fd_pwrite/fault",
			"fd_read/fault", "fd_readdir/fault", "fd_seek/fault", "fd_tell/fault", "fd_write/fault",
			"path_create_directory/fault", "path_filestat_get/fault", "path_open/fault", "path_readlink/fault",
			"poll_oneoff/fault", "random_get/fault"},
		EINVAL: {"clock_res_get/inval", "clock_time_get/inval", "fd_advise/inval", "fd_allocate/inval",
			"fd_fdstat_set_flags/inval", "fd_filestat_set_times/inval", "fd_filestat_set_times/inval-bits",
			"fd_pread/inval", "fd_read/inval", "fd_seek/inval", "fd_seek/before", "fd_write/inval",
			"path_create_directory/nul", "path_filestat_set_times/inval", "path_open/inval-oflags",
			"path_open/inval-fdflag", "path_readlink/notlink", "poll_oneoff/none", "poll_oneoff/inval",
			"proc_raise/inval"},
		EEXIST:       {"path_create_directory/exists", "path_link/exists", "path_open/excl"},
		ENAMETOOLONG: {"fd_prestat_dir_name/short"},
		EFBIG:        {"fd_filestat_set_size/too-big"},
		ESUCCESS:     {"sched_yield/ok"},
	} {
		for _, k := range e {
			want[k] = name
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errno per function and failure class (-want +got):\n%s", diff)
	}
	// Every function appears at least once.
	seen := map[string]bool{}
	for k := range got {
		for i := range k {
			if k[i] == '/' {
				seen[k[:i]] = true
				break
			}
		}
	}
	for _, f := range Functions {
		if !seen[f.Name] && f.Name != "proc_exit" {
			t.Errorf("%s has no errno check", f.Name)
		}
	}
}

// pathOpen opens path under fd for reading and returns the errno.
func (g *guest) pathOpen(fd uint32, path string) Errno {
	_, e := g.open(fd, path, 0, RightFdRead, 0, true)
	return e
}
