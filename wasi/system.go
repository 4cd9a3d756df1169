// Package wasi implements WASI preview 1 (wasi_snapshot_preview1) over the
// host's system calls (golang.org/x/sys/unix), independent of any engine,
// and preview 0 (wasi_unstable, [UnstableFunctions]) on the same System.
//
// Guest memory is a plain []byte and parameters are plain integers, so each
// function is a method such as
//
//	func (s *System) FdWrite(mem []byte, fd, iovs, iovsLen, nwritten uint32) Errno
//
// and [Functions] describes all 46 functions (name, Wasm signature and a
// dispatcher over a uint64 parameter window) for an engine to register.
//
// The file system is sandboxed: each preopened directory owns a host
// directory descriptor and every path operation is an *at system call
// relative to it, resolved with openat2(RESOLVE_BENEATH|RESOLVE_NO_MAGICLINKS)
// or, where that is unavailable, a component-by-component O_NOFOLLOW walk
// that resolves symlinks in user space and refuses to leave the preopen
// (always the walk on darwin and FreeBSD, which have no openat2).
//
// The package builds on Linux, darwin and FreeBSD. The OS-specific system
// calls sit behind small helpers in sys_linux.go, sys_darwin.go,
// sys_freebsd.go and sys_bsd.go with one contract; where a host lacks a
// call it is emulated (documented on each helper): fd_advise validates and
// succeeds on darwin, fd_allocate grows with F_PREALLOCATE+ftruncate on
// darwin, fd_pwrite on an O_APPEND descriptor clears O_APPEND around the
// write off Linux, fd_filestat_set_times has microsecond precision on
// darwin, and fdflags.dsync opens with O_SYNC on FreeBSD.
// Guest pointers and lengths are checked against memory (EFAULT).
//
// The functions that can wait — poll_oneoff, fd_read and fd_write on
// pipes, terminals and sockets, sock_accept, sock_recv and sock_send —
// take the context of the guest's call and stop waiting when it is
// cancelled or its deadline passes, returning ctx.Err(), which ends the
// guest's run. They wait in poll(2) on the descriptor and a wake-up
// descriptor (an eventfd on Linux, a pipe elsewhere) that a
// context.AfterFunc writes; a sleep (poll_oneoff on clocks only) waits on
// a timer. Interruptible are: host descriptors (pipes, FIFOs, sockets,
// terminals) and stdin, stdout and stderr given as a value with an Fd()
// method, such as an *os.File. Not interruptible: a stdio io.Reader or
// io.Writer without Fd() (the wait is inside its Read or Write, which the
// System cannot wake; the call ends when Read or Write returns), opening
// a FIFO that has no peer (path_open waits in the host's open), and a
// sock_recv with both RECV_PEEK and RECV_WAITALL. Writes that could wait
// go in pieces that cannot block (PIPE_BUF bytes, or on Linux an empty
// pipe's whole capacity), each once the descriptor is writable; a
// blocking guest's write is still complete.
//
// A System is not safe for concurrent use.
package wasi

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"

	"golang.org/x/sys/unix"
)

// Preopen is a directory made available to the guest under GuestPath
// (for example "/", "." or "/data"). Exactly one of HostDir and FS is set:
// HostDir is a host directory opened at New; FS is any Go file system
// (such as an embed.FS), always mounted read-only. ReadOnly refuses every
// modification under a host directory with EROFS.
type Preopen struct {
	GuestPath string
	HostDir   string
	FS        fs.FS
	ReadOnly  bool
}

// Clock supplies the times read by clock_time_get and clock_res_get, and
// the current time of the clock that poll_oneoff's absolute deadlines use.
// Values are nanoseconds.
type Clock interface {
	Now(id uint32) (uint64, Errno)
	Resolution(id uint32) (uint64, Errno)
}

// Config describes the guest's environment. The zero value is a sandbox
// with no arguments, environment or files, an empty stdin, discarded
// output, host clocks and host randomness.
type Config struct {
	// Args are the program arguments, Args[0] being the program name.
	Args []string
	// Env are the environment variables as "KEY=value".
	Env []string
	// Stdin, Stdout and Stderr are descriptors 0, 1 and 2. Nil means an
	// empty stdin and discarded output. A value with an Fd() uintptr method
	// (such as *os.File) can be waited on by poll_oneoff.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Preopens become descriptors 3, 4, ... in order.
	Preopens []Preopen
	// Listeners are host descriptors of listening stream sockets; each is
	// duplicated and becomes a descriptor after the preopens, usable with
	// sock_accept. The caller keeps ownership of the originals. The
	// guest sees a blocking listener (until it sets FdflagNonblock)
	// whatever the host descriptor's mode: a blocking sock_accept on a
	// non-blocking host socket waits for a connection with poll.
	Listeners []int
	// Clock defaults to the host's clocks (HostClock).
	Clock Clock
	// Random defaults to the host's CSPRNG (getrandom on Linux,
	// crypto/rand elsewhere).
	Random io.Reader
	// ForcePathWalk disables openat2 and always uses the portable
	// component-by-component path walk (used by tests). Off Linux the walk
	// is always used.
	ForcePathWalk bool
}

// ExitError is returned by proc_exit (and by proc_raise for a terminating
// signal): the engine must stop the guest and report Code as the exit
// status.
type ExitError struct {
	Code   uint32
	Signal uint8 // WASI signal number when raised by proc_raise, else 0
}

func (e *ExitError) Error() string {
	if e.Signal != 0 {
		return "wasi: terminated by signal " + strconv.Itoa(int(e.Signal))
	}
	return "wasi: exit status " + strconv.FormatUint(uint64(e.Code), 10)
}

// entry is one guest descriptor.
type entry struct {
	kind      Filetype
	hostfd    int // -1 when not backed by a host descriptor
	base, inh Rights
	flags     uint16 // fdflags for descriptors without a host fd
	preopen   string
	isPreopen bool
	readOnly  bool
	listener  bool
	pollable  uint8 // 0: not known yet, 1: a socket or character device, 3: a pipe, 2: other (see pollableFd)

	r    io.Reader // stdio
	w    io.Writer
	iofd int // the host descriptor behind r or w, or -1 (see stdioFd)

	fsys   fs.FS // fs.FS mount: fsPath is the path inside fsys
	fsPath string
	fsFile fs.File

	dir []dirent // fd_readdir cache, rebuilt at cookie 0

	// root identifies the host directory of the preopen a directory
	// descriptor was opened beneath (the preopen's own for a preopen): at
	// that directory, fd_readdir's ".." is the directory itself.
	root fileID
	// dropped are the rights the guest removed with fd_fdstat_set_rights
	// from this descriptor (base) or from the directory it was opened
	// through (inheriting): path_open enforces PATH_FILESTAT_SET_SIZE for
	// O_TRUNC only when the guest dropped it (see PathOpen).
	dropped, droppedInh Rights
}

// fileID is a host file's device and inode numbers.
type fileID struct{ dev, ino uint64 }

// stdioEntry completes the entry of descriptor 0, 1 or 2: its file type is
// that of the host descriptor behind it, the way the reference runtime
// reports stdio (a character device only for a terminal, a regular file
// for a redirection to a file, unknown for a pipe, socket, other device or
// a Go reader or writer without a descriptor), so that the guest's
// isatty is true only for a terminal.
func stdioEntry(e *entry) *entry {
	e.hostfd = -1
	e.kind = FiletypeUnknown
	if e.iofd >= 0 {
		var st unix.Stat_t
		switch {
		case isTerminal(e.iofd):
			e.kind = FiletypeCharacterDevice
		case unix.Fstat(e.iofd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG:
			e.kind = FiletypeRegularFile
		}
	}
	return e
}

type dirent struct {
	name string
	ino  uint64
	typ  Filetype
}

// System is one guest's WASI state: its descriptor table and environment.
type System struct {
	args, env []string
	fds       map[uint32]*entry
	clock     Clock
	random    io.Reader
	walk      bool
	wake      *waker // ends waits when a call's context ends; nil until first needed
	// last are the latest readings of the monotonic and CPU-time clocks
	// (ids 1-3) handed to the guest; see now.
	last [4]uint64
}

// now reads clock id for the guest. The monotonic and CPU-time clocks
// never go backwards for one System: a reading below the previous one
// (a host CPU clock read on another OS thread, see HostClock) is raised
// to it.
func (s *System) now(id uint32) (uint64, Errno) {
	t, errno := s.clock.Now(id)
	if errno != ESUCCESS || id == ClockRealtime || id >= uint32(len(s.last)) {
		return t, errno
	}
	if t < s.last[id] {
		t = s.last[id]
	}
	s.last[id] = t
	return t, ESUCCESS
}

// New builds a System from cfg, opening the preopened directories.
func New(cfg Config) (*System, error) {
	s := &System{
		args:   cfg.Args,
		env:    cfg.Env,
		fds:    map[uint32]*entry{},
		clock:  cfg.Clock,
		random: cfg.Random,
		walk:   cfg.ForcePathWalk || !haveOpenat2(),
	}
	for _, a := range append(append([]string(nil), cfg.Args...), cfg.Env...) {
		for i := 0; i < len(a); i++ {
			if a[i] == 0 {
				return nil, fmt.Errorf("wasi: argument or environment string %q contains NUL", a)
			}
		}
	}
	if s.clock == nil {
		s.clock = HostClock{}
	}
	if s.random == nil {
		s.random = hostRandom{}
	}
	in := cfg.Stdin
	if in == nil {
		in = eofReader{}
	}
	out, errw := cfg.Stdout, cfg.Stderr
	if out == nil {
		out = io.Discard
	}
	if errw == nil {
		errw = io.Discard
	}
	s.fds[0] = stdioEntry(&entry{r: in, iofd: fdOf(in), base: RightsTTY &^ RightFdWrite})
	s.fds[1] = stdioEntry(&entry{w: out, iofd: fdOf(out), base: RightsTTY &^ RightFdRead})
	s.fds[2] = stdioEntry(&entry{w: errw, iofd: fdOf(errw), base: RightsTTY &^ RightFdRead})
	for _, p := range cfg.Preopens {
		if p.GuestPath == "" {
			s.Close()
			return nil, errors.New("wasi: preopen with empty guest path")
		}
		e := &entry{kind: FiletypeDirectory, hostfd: -1, base: RightsDirectory, inh: RightsDirectoryInheriting,
			preopen: p.GuestPath, isPreopen: true, readOnly: p.ReadOnly}
		switch {
		case p.FS != nil && p.HostDir == "":
			e.fsys, e.fsPath, e.readOnly = p.FS, ".", true
			if _, err := fs.Stat(p.FS, "."); err != nil {
				s.Close()
				return nil, fmt.Errorf("wasi: preopen %q: %w", p.GuestPath, err)
			}
		case p.FS == nil && p.HostDir != "":
			fd, err := unix.Open(p.HostDir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
			if err != nil {
				s.Close()
				return nil, fmt.Errorf("wasi: preopen %q: open %s: %w", p.GuestPath, p.HostDir, err)
			}
			e.hostfd = fd
			var st unix.Stat_t
			if err := unix.Fstat(fd, &st); err != nil {
				unix.Close(fd)
				s.Close()
				return nil, fmt.Errorf("wasi: preopen %q: stat %s: %w", p.GuestPath, p.HostDir, err)
			}
			e.root = fileID{devOf(&st), uint64(st.Ino)}
		default:
			s.Close()
			return nil, fmt.Errorf("wasi: preopen %q: exactly one of HostDir and FS must be set", p.GuestPath)
		}
		s.fds[uint32(len(s.fds))] = e
	}
	for _, l := range cfg.Listeners {
		fd, err := unix.FcntlInt(uintptr(l), unix.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("wasi: listener %d: %w", l, err)
		}
		s.fds[uint32(len(s.fds))] = &entry{kind: FiletypeSocketStream, hostfd: fd, base: RightsListener, listener: true}
	}
	return s, nil
}

// Close releases every host descriptor the System still holds.
func (s *System) Close() error {
	for fd, e := range s.fds {
		e.close()
		delete(s.fds, fd)
	}
	if s.wake != nil {
		s.wake.close()
		s.wake = nil
	}
	return nil
}

func (e *entry) close() Errno {
	var err error
	if e.hostfd >= 0 {
		err = unix.Close(e.hostfd)
		e.hostfd = -1
	}
	if e.fsFile != nil {
		e.fsFile.Close()
		e.fsFile = nil
	}
	return ErrnoFromHost(err)
}

// get returns the entry of fd if it holds all of need: EBADF when there
// is no such descriptor, else, when it lacks some of need, the errno of
// missingRights.
func (s *System) get(fd uint32, need Rights) (*entry, Errno) {
	e, ok := s.fds[fd]
	if !ok {
		return nil, EBADF
	}
	if e.base&need != need {
		return nil, e.missingRights(need &^ e.base)
	}
	return e, ESUCCESS
}

// Rights that only a directory can hold (the path_* functions and
// fd_readdir), and the ones that need a file offset.
const (
	rightsDirOnly = RightsDirectory &^ RightsRegularFile
	rightsOffset  = RightFdSeek | RightFdTell
)

// missingRights is the errno for a call on e that needs rights e lacks:
// the file type's errno when no descriptor of e's type can hold them
// (EISDIR for a directory, ENOTDIR for path rights on anything else,
// ESPIPE for an offset on a stream), else ENOTCAPABLE (the right was
// narrowed away, by the guest or at path_open).
func (e *entry) missingRights(missing Rights) Errno {
	switch {
	case e.kind == FiletypeDirectory:
		if missing&^RightsDirectory != 0 {
			return EISDIR
		}
	case missing&rightsDirOnly != 0:
		return ENOTDIR
	case missing&rightsOffset != 0 && e.stream():
		return ESPIPE
	}
	return ENOTCAPABLE
}

// stream reports whether e has no file offset: a socket, a stdio
// descriptor or a host pipe or device.
func (e *entry) stream() bool {
	switch {
	case e.r != nil || e.w != nil:
		return true
	case e.kind == FiletypeSocketStream || e.kind == FiletypeSocketDgram:
		return true
	}
	return e.hostfd >= 0 && (e.kind == FiletypeUnknown || e.kind == FiletypeCharacterDevice)
}

// alloc stores e at the lowest free descriptor number.
func (s *System) alloc(e *entry) (uint32, Errno) {
	for i := uint32(0); i < 1<<20; i++ {
		if _, used := s.fds[i]; !used {
			s.fds[i] = e
			return i, ESUCCESS
		}
	}
	return 0, EMFILE
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

type hostRandom struct{}

func (hostRandom) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := getrandom(b[n:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return n, err
		}
		n += m
	}
	return n, nil
}

// HostClock reads the host's clocks with clock_gettime and clock_getres.
//
// Both CPU-time clocks, process (id 2) and thread (id 3), read the host
// process's CPU time (CLOCK_PROCESS_CPUTIME_ID): a guest runs on a
// goroutine, which moves between OS threads, so the host's thread clock
// would read whichever thread the goroutine is on at the moment and could
// go backwards between two readings. The process clock cannot, and a
// System raises any reading below the previous one (see System.now), so
// the guest's thread clock is monotonic; it counts the CPU time of the
// whole host process, which includes other goroutines and the Go runtime.
type HostClock struct{}

func hostClockID(id uint32) (int32, Errno) {
	switch id {
	case ClockRealtime:
		return unix.CLOCK_REALTIME, ESUCCESS
	case ClockMonotonic:
		return unix.CLOCK_MONOTONIC, ESUCCESS
	case ClockProcessCPUTimeID, ClockThreadCPUTimeID:
		return unix.CLOCK_PROCESS_CPUTIME_ID, ESUCCESS
	}
	return 0, EINVAL
}

// Now returns the current time of clock id in nanoseconds.
func (HostClock) Now(id uint32) (uint64, Errno) {
	cid, e := hostClockID(id)
	if e != ESUCCESS {
		return 0, e
	}
	var ts unix.Timespec
	if err := unix.ClockGettime(cid, &ts); err != nil {
		return 0, ErrnoFromHost(err)
	}
	return uint64(ts.Nano()), ESUCCESS
}

// Resolution returns the resolution of clock id in nanoseconds.
func (HostClock) Resolution(id uint32) (uint64, Errno) {
	cid, e := hostClockID(id)
	if e != ESUCCESS {
		return 0, e
	}
	var ts unix.Timespec
	if err := clockGetres(cid, &ts); err != nil {
		return 0, ErrnoFromHost(err)
	}
	return uint64(ts.Nano()), ESUCCESS
}

// FakeClock is a deterministic clock: realtime starts at 2022-01-01 UTC,
// the others at zero, and every reading advances all of them by Step
// nanoseconds (1µs when Step is zero). Resolution is Step.
type FakeClock struct {
	Step uint64
	n    uint64
}

// Now returns the next reading of clock id.
func (c *FakeClock) Now(id uint32) (uint64, Errno) {
	if id > ClockThreadCPUTimeID {
		return 0, EINVAL
	}
	step := c.Step
	if step == 0 {
		step = 1000
	}
	c.n += step
	if id == ClockRealtime {
		return defaultFakeEpochNano + c.n, ESUCCESS
	}
	return c.n, ESUCCESS
}

// Resolution returns Step (1µs when zero).
func (c *FakeClock) Resolution(id uint32) (uint64, Errno) {
	if id > ClockThreadCPUTimeID {
		return 0, EINVAL
	}
	if c.Step == 0 {
		return 1000, ESUCCESS
	}
	return c.Step, ESUCCESS
}
