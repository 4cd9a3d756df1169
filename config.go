package wasmrun

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/wasmrun/wasmrun/internal/store"
	"github.com/wasmrun/wasmrun/wasi"
	"github.com/wasmrun/wasmrun/wasm"
)

// InstanceConfig configures one instantiation. The zero value is an
// anonymous instance whose WASI environment (used only when the module
// imports wasi_snapshot_preview1 or wasi_unstable) is a sandbox: no
// arguments, environment, files or sockets, an empty stdin, discarded
// output, the host's clocks and randomness.
//
// The WASI state made from it belongs to the instance: instances of one
// runtime never share descriptors, arguments or output, and run
// concurrently. Instance.Close releases it.
type InstanceConfig struct {
	// Name registers the instance so that modules instantiated later can
	// import its exports under this module name ("" leaves it anonymous).
	Name string

	// Args are the WASI program's arguments, Args[0] being its name.
	Args []string
	// Env are the WASI environment variables as "KEY=value".
	Env []string
	// Stdin, Stdout and Stderr are WASI descriptors 0, 1 and 2; nil is an
	// empty stdin and discarded output. An *os.File can be waited on by
	// poll_oneoff.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Preopens are directories the guest may use, descriptors 3, 4, ...
	// in order: host directories (read-write or read-only) or any fs.FS
	// (read-only). The guest cannot leave them: "..", absolute paths and
	// symbolic links leading outside are refused.
	Preopens []Preopen
	// Listeners become WASI descriptors after the preopens, for
	// sock_accept. Each must be backed by a descriptor (as the listeners
	// of package net are: TCP and Unix); the instance uses a duplicate and
	// the caller keeps ownership of the listener.
	Listeners []net.Listener
	// Clock supplies the WASI clocks (nil: the host's); wasi.FakeClock is
	// a deterministic one.
	Clock wasi.Clock
	// Random supplies random_get (nil: the host's CSPRNG).
	Random io.Reader

	// Fuel, when positive, gives the instance a fuel account instead of
	// RuntimeConfig.Fuel's per-call fuel: every call into the instance
	// from Go draws on it (loop iterations and calls, counted in chunks
	// of up to 16384), and a call that finds it empty traps with "out of
	// fuel". Instance.Fuel reads it and Instance.AddFuel refills it.
	Fuel int64
}

// Preopen is a directory made available to a WASI guest under GuestPath
// (such as "/", "." or "/data"). Exactly one of HostDir and FS is set.
type Preopen struct {
	// GuestPath is the path under which the guest sees the directory.
	GuestPath string
	// HostDir is a host directory, opened at instantiation.
	HostDir string
	// FS is any Go file system (such as an embed.FS), always read-only.
	FS fs.FS
	// ReadOnly refuses every modification under HostDir (EROFS).
	ReadOnly bool
}

// hostData is the root package's per-instance state
// (store.Instance.HostData).
type hostData struct {
	sys *wasi.System
	// closing ends when the instance is closed: it wakes the guest's
	// blocking WASI calls (a read, a sleep, an accept), which then end the
	// run with the "instance closed" trap.
	closing  context.Context
	closeNow context.CancelFunc
}

func newHostData(sys *wasi.System) *hostData {
	hd := &hostData{sys: sys}
	hd.closing, hd.closeNow = context.WithCancel(context.Background())
	return hd
}

// wakeBlocked ends the blocking WASI calls of inst, which is being closed.
func wakeBlocked(inst *store.Instance) {
	if hd, ok := inst.HostData.(*hostData); ok && hd.closeNow != nil {
		hd.closeNow()
	}
}

// blockingWASI are the WASI functions that may wait: their context also
// ends when the instance is closed.
var blockingWASI = map[string]bool{"fd_read": true, "fd_write": true, "fd_pread": true, "fd_pwrite": true,
	"poll_oneoff": true, "sock_accept": true, "sock_recv": true, "sock_send": true}

func (h *hostData) close() error {
	if h == nil || h.sys == nil {
		return nil
	}
	return h.sys.Close()
}

// newSystem builds the WASI system of an instance from its configuration.
func newSystem(cfg *InstanceConfig) (*wasi.System, error) {
	wc := wasi.Config{Args: cfg.Args, Env: cfg.Env, Stdin: cfg.Stdin, Stdout: cfg.Stdout, Stderr: cfg.Stderr,
		Clock: cfg.Clock, Random: cfg.Random}
	for _, p := range cfg.Preopens {
		wc.Preopens = append(wc.Preopens, wasi.Preopen{GuestPath: p.GuestPath, HostDir: p.HostDir, FS: p.FS, ReadOnly: p.ReadOnly})
	}
	var fds []int
	defer func() {
		for _, fd := range fds {
			unix.Close(fd)
		}
	}()
	for i, l := range cfg.Listeners {
		fd, err := listenerFD(l)
		if err != nil {
			return nil, errorf("listener %d (%v): %w", i, l.Addr(), err)
		}
		fds = append(fds, fd)
	}
	wc.Listeners = fds // wasi.New duplicates them; ours are closed above
	return wasi.New(wc)
}

// listenerFD returns a duplicate of the descriptor behind l.
func listenerFD(l net.Listener) (int, error) {
	sc, ok := l.(syscall.Conn)
	if !ok {
		return -1, fmt.Errorf("%T has no descriptor", l)
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return -1, err
	}
	fd, derr := -1, error(nil)
	if err := rc.Control(func(h uintptr) { fd, derr = unix.FcntlInt(h, unix.F_DUPFD_CLOEXEC, 0) }); err != nil {
		return -1, err
	}
	return fd, derr
}

// isWASIModule reports whether an import module name is WASI's: preview 1
// (wasi_snapshot_preview1) or preview 0 (wasi_unstable).
func isWASIModule(module string) bool {
	return module == wasi.ModuleName || module == wasi.UnstableModuleName
}

// needsWASI reports whether m imports WASI (preview 1 or 0) from a module
// name that no registered instance provides.
func (r *Runtime) needsWASI(m *wasm.Module) bool {
	for _, im := range m.Imports {
		if isWASIModule(im.Module) {
			if _, own := r.store.Registered(im.Module); !own {
				return true
			}
		}
	}
	return false
}

// resolve finds an import among the registered instances, and then among
// the WASI preview 1 and preview 0 functions.
func (r *Runtime) resolve(module, name string) (store.Extern, bool) {
	if x, ok := r.store.Resolve(module, name); ok {
		return x, true
	}
	if !isWASIModule(module) {
		return store.Extern{}, false
	}
	r.wasiOnce.Do(r.makeWASI)
	x, ok := r.wasiFuncs[module+"."+name]
	return x, ok
}

// errNoWASI ends a WASI call from an instance without a WASI system (a
// function imported through another module, or called from Go).
var errNoWASI = errors.New("wasmrun: WASI function called by an instance that does not import WASI")

// makeWASI creates the runtime's WASI host functions. They are shared by
// every instance; each call works on the system of the calling instance.
func (r *Runtime) makeWASI() {
	r.wasiFuncs = make(map[string]store.Extern, len(wasi.Functions)+len(wasi.UnstableFunctions))
	r.addWASI(wasi.ModuleName, wasi.Functions)
	r.addWASI(wasi.UnstableModuleName, wasi.UnstableFunctions)
}

// addWASI creates the host functions of one WASI module.
func (r *Runtime) addWASI(module string, funcs []wasi.Func) {
	for i := range funcs {
		f := &funcs[i]
		blocking := blockingWASI[f.Name]
		fn := func(ctx context.Context, c *store.Caller, stack []uint64) {
			var hd *hostData
			if c != nil && c.Instance != nil {
				hd, _ = c.Instance.HostData.(*hostData)
			}
			if hd == nil || hd.sys == nil {
				panic(errNoWASI)
			}
			var mem []byte
			if m := c.Memory(); m != nil {
				mem = m.Bytes()
			}
			callCtx := ctx
			if blocking && hd.closing != nil {
				var cancel context.CancelFunc
				callCtx, cancel = context.WithCancel(ctx)
				stop := context.AfterFunc(hd.closing, cancel)
				defer func() { stop(); cancel() }()
			}
			if err := f.Call(callCtx, hd.sys, mem, stack); err != nil {
				switch {
				case hd.closing != nil && hd.closing.Err() != nil && err == callCtx.Err():
					err = &store.Trap{Code: store.TrapClosed, Cause: ErrClosed}
				case err == ctx.Err(): // a blocking call interrupted: the trap a budget check gives
					err = &store.Trap{Code: store.TrapCancelled, Cause: err}
				}
				panic(err) // ends the guest's call with err (a *wasi.ExitError or a trap)
			}
		}
		ft := wasm.FuncType{Params: f.Params, Results: f.Results}
		r.wasiFuncs[module+"."+f.Name] = store.Extern{Kind: wasm.ExternFunc, Func: r.store.NewHostFunc(ft, module+"."+f.Name, fn)}
	}
}

// closeInstance closes inst and forgets it; its WASI system is closed by
// OnRelease once no call runs in it.
func (r *Runtime) closeInstance(inst *store.Instance) error {
	r.mu.Lock()
	delete(r.insts, inst)
	r.mu.Unlock()
	r.store.Unregister(inst)
	wakeBlocked(inst)
	return inst.Close()
}

// Fuel returns what is left of the instance's fuel account
// (InstanceConfig.Fuel); ok is false when it has none. A running call
// holds the fuel it drew until it returns or calls a host function.
func (i *Instance) Fuel() (remaining int64, ok bool) {
	if !i.inst.FuelAccount() {
		return 0, false
	}
	return i.inst.Fuel(), true
}

// AddFuel adds n units to the instance's fuel account, creating it (with
// n units) when the instance has none.
func (i *Instance) AddFuel(n int64) {
	if !i.inst.FuelAccount() {
		i.inst.SetFuel(n)
		return
	}
	i.inst.AddFuel(n)
}

// Run runs a WASI command: it calls the export _start and returns the
// program's exit status, 0 when _start returns and the status given to
// proc_exit otherwise. A trap, a terminating signal (proc_raise) or any
// other failure is returned as the error.
func (i *Instance) Run(ctx context.Context) (exitCode int, err error) {
	start := i.ExportedFunction("_start")
	if start == nil {
		return 0, errorf("no exported function _start")
	}
	_, err = start.Call(ctx)
	var exit *wasi.ExitError
	if errors.As(err, &exit) && exit.Signal == 0 {
		return int(exit.Code), nil
	}
	return 0, err
}
