package harness

// wasmrun's own engines, through its embedding API (package wasmrun).
//
// wasmrun has no WASI package yet, so this file carries a small WASI
// preview 1 for the benchmark's guests (wasiShim below): arguments, stdout
// and stderr, clocks, random bytes, sleeping through poll_oneoff and
// proc_exit, plus ENOSYS for every other preview 1 function so that any
// wasip1 module links. No file system. When wasmrun's own `wasi` package
// lands, replace wasiShim with it.
//
// wasmrun checks its context at loop headers and calls at all times, so
// RuntimeConfig.Cancellable changes nothing here (the "+cancel" boundary
// row measures the same code twice).

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/wasmrun/wasmrun"
	"github.com/wasmrun/wasmrun/wasm"
)

// wasmrunEngines returns wasmrun's engines: the interpreter, and the JIT
// when the platform has one (reported as skipped otherwise).
func wasmrunEngines() []Engine {
	return []Engine{
		NewInProcess("wasmrun-interp", true, wasmrunFactory(wasmrun.EngineInterp)),
		probed{NewInProcess("wasmrun-jit", false, wasmrunFactory(wasmrun.EngineJIT)), func() error {
			rt, err := wasmrun.NewRuntime(context.Background(), wasmrun.RuntimeConfig{Engine: wasmrun.EngineJIT})
			if err != nil {
				return fmt.Errorf("wasmrun has no JIT here yet: %v", err)
			}
			return rt.Close(context.Background())
		}},
	}
}

// probed is an engine whose availability is checked by a function.
type probed struct {
	Engine
	probe func() error
}

func (p probed) Available() error { return p.probe() }

func wasmrunFactory(kind wasmrun.EngineKind) RuntimeFactory {
	return func(ctx context.Context, cfg RuntimeConfig) (WasmRuntime, error) {
		rt, err := wasmrun.NewRuntime(ctx, wasmrun.RuntimeConfig{Engine: kind})
		if err != nil {
			return nil, err
		}
		w := &wasmrunRuntime{rt: rt, shim: &wasiShim{start: time.Now()}}
		if err := w.shim.register(ctx, rt); err != nil {
			rt.Close(ctx)
			return nil, err
		}
		i32 := []wasm.ValType{wasm.I32}
		_, err = rt.NewHostModule("env").Func("host_add", i32, i32, func(_ context.Context, _ *wasmrun.Caller, stack []uint64) {
			stack[0] = uint64(uint32(stack[0]) + 1)
		}).Instantiate(ctx)
		if err != nil {
			rt.Close(ctx)
			return nil, err
		}
		return w, nil
	}
}

type wasmrunRuntime struct {
	rt   *wasmrun.Runtime
	shim *wasiShim
}

func (w *wasmrunRuntime) Compile(ctx context.Context, bin []byte) (CompiledModule, error) {
	cm, err := w.rt.Compile(ctx, bin)
	if err != nil {
		return nil, err
	}
	return &wasmrunModule{w, cm}, nil
}

func (w *wasmrunRuntime) Close(ctx context.Context) error { return w.rt.Close(ctx) }

type wasmrunModule struct {
	w  *wasmrunRuntime
	cm *wasmrun.CompiledModule
}

func (m *wasmrunModule) Instantiate(ctx context.Context, cfg InstanceConfig) (Instance, error) {
	// The harness runs one instance of a runtime at a time, so the WASI
	// state can live in the runtime.
	m.w.shim.args, m.w.shim.stdout, m.w.shim.stderr = cfg.Args, cfg.Stdout, cfg.Stderr
	inst, err := m.w.rt.Instantiate(ctx, m.cm, wasmrun.InstanceConfig{})
	if err != nil {
		return nil, err
	}
	return &wasmrunInstance{inst}, nil
}

func (m *wasmrunModule) Close(context.Context) error { return nil }

type wasmrunInstance struct{ inst *wasmrun.Instance }

func (i *wasmrunInstance) Start(ctx context.Context) error {
	f := i.inst.ExportedFunction("_start")
	if f == nil {
		return errors.New("module exports no _start")
	}
	_, err := f.Call(ctx)
	var exit wasiExit
	if errors.As(err, &exit) {
		if exit == 0 {
			return nil
		}
		return fmt.Errorf("exit code %d", uint32(exit))
	}
	return err
}

func (i *wasmrunInstance) Close(ctx context.Context) error { return i.inst.Close(ctx) }

// wasiExit is proc_exit's status, carried out of the guest as an error.
type wasiExit uint32

func (e wasiExit) Error() string { return fmt.Sprintf("exit status %d", uint32(e)) }

// WASI errno values used here.
const (
	errnoSuccess = 0
	errnoBadf    = 8
	errnoFault   = 21
	errnoInval   = 28
	errnoNosys   = 52
	errnoNotsup  = 58
	errnoSpipe   = 70
)

// wasiShim is the benchmark's WASI preview 1 subset (see the file comment).
type wasiShim struct {
	start          time.Time
	args           []string
	stdout, stderr io.Writer
}

// wasiSigs gives every preview 1 function's signature: 'i' is i32, 'I' i64;
// the result, when any, is one i32 errno.
var wasiSigs = map[string]string{
	"args_get": "ii", "args_sizes_get": "ii", "environ_get": "ii", "environ_sizes_get": "ii",
	"clock_res_get": "ii", "clock_time_get": "iIi",
	"fd_advise": "iIIi", "fd_allocate": "iII", "fd_close": "i", "fd_datasync": "i",
	"fd_fdstat_get": "ii", "fd_fdstat_set_flags": "ii", "fd_fdstat_set_rights": "iII",
	"fd_filestat_get": "ii", "fd_filestat_set_size": "iI", "fd_filestat_set_times": "iIIi",
	"fd_pread": "iiiIi", "fd_prestat_get": "ii", "fd_prestat_dir_name": "iii", "fd_pwrite": "iiiIi",
	"fd_read": "iiii", "fd_readdir": "iiiIi", "fd_renumber": "ii", "fd_seek": "iIii", "fd_sync": "i",
	"fd_tell": "ii", "fd_write": "iiii",
	"path_create_directory": "iii", "path_filestat_get": "iiiii", "path_filestat_set_times": "iiiiIIi",
	"path_link": "iiiiiii", "path_open": "iiiiiIIii", "path_readlink": "iiiiii",
	"path_remove_directory": "iii", "path_rename": "iiiiii", "path_symlink": "iiiii",
	"path_unlink_file": "iii",
	"poll_oneoff":      "iiii", "proc_exit": "i", "proc_raise": "i", "sched_yield": "", "random_get": "ii",
	"sock_accept": "iii", "sock_recv": "iiiiii", "sock_send": "iiiii", "sock_shutdown": "ii",
}

func (s *wasiShim) register(ctx context.Context, rt *wasmrun.Runtime) error {
	impl := map[string]func(m []byte, a []uint64) uint32{
		"args_sizes_get":      s.argsSizesGet,
		"args_get":            s.argsGet,
		"environ_sizes_get":   func(m []byte, a []uint64) uint32 { return putU32s(m, a, 0, 0) },
		"environ_get":         func([]byte, []uint64) uint32 { return errnoSuccess },
		"clock_res_get":       func(m []byte, a []uint64) uint32 { return putU64(m, uint32(a[1]), 1) },
		"clock_time_get":      s.clockTimeGet,
		"fd_close":            stdio(errnoSuccess),
		"fd_fdstat_set_flags": stdio(errnoSuccess),
		"fd_seek":             stdio(errnoSpipe),
		"fd_fdstat_get":       fdstatGet,
		"fd_prestat_get":      func([]byte, []uint64) uint32 { return errnoBadf },
		"fd_prestat_dir_name": func([]byte, []uint64) uint32 { return errnoBadf },
		"fd_write":            s.fdWrite,
		"poll_oneoff":         s.pollOneoff,
		"random_get":          randomGet,
		"sched_yield":         func([]byte, []uint64) uint32 { return errnoSuccess },
	}
	b := rt.NewHostModule("wasi_snapshot_preview1")
	for name, sig := range wasiSigs {
		params := make([]wasm.ValType, len(sig))
		for i, c := range sig {
			params[i] = wasm.I32
			if c == 'I' {
				params[i] = wasm.I64
			}
		}
		if name == "proc_exit" {
			b.Func(name, params, nil, func(_ context.Context, _ *wasmrun.Caller, stack []uint64) {
				panic(wasiExit(uint32(stack[0])))
			})
			continue
		}
		fn := impl[name]
		if fn == nil {
			fn = func([]byte, []uint64) uint32 { return errnoNosys }
		}
		n := len(params)
		b.Func(name, params, []wasm.ValType{wasm.I32}, func(_ context.Context, c *wasmrun.Caller, stack []uint64) {
			var mem []byte
			if m := c.Memory(); m != nil {
				mem = m.Bytes()
			}
			stack[0] = uint64(fn(mem, stack[:n:n]))
		})
	}
	_, err := b.Instantiate(ctx)
	return err
}

// stdio returns a handler that answers errno for fds 0–2 and EBADF else.
func stdio(errno uint32) func([]byte, []uint64) uint32 {
	return func(_ []byte, a []uint64) uint32 {
		if uint32(a[0]) <= 2 {
			return errno
		}
		return errnoBadf
	}
}

func span(m []byte, ptr, n uint32) ([]byte, bool) {
	end := uint64(ptr) + uint64(n)
	if end > uint64(len(m)) {
		return nil, false
	}
	return m[ptr:end], true
}

func putU32s(m []byte, a []uint64, x, y uint32) uint32 {
	p, ok1 := span(m, uint32(a[0]), 4)
	q, ok2 := span(m, uint32(a[1]), 4)
	if !ok1 || !ok2 {
		return errnoFault
	}
	binary.LittleEndian.PutUint32(p, x)
	binary.LittleEndian.PutUint32(q, y)
	return errnoSuccess
}

func putU64(m []byte, ptr uint32, v uint64) uint32 {
	p, ok := span(m, ptr, 8)
	if !ok {
		return errnoFault
	}
	binary.LittleEndian.PutUint64(p, v)
	return errnoSuccess
}

func (s *wasiShim) argsSizesGet(m []byte, a []uint64) uint32 {
	n := 0
	for _, arg := range s.args {
		n += len(arg) + 1
	}
	return putU32s(m, a, uint32(len(s.args)), uint32(n))
}

func (s *wasiShim) argsGet(m []byte, a []uint64) uint32 {
	argv, buf := uint32(a[0]), uint32(a[1])
	for i, arg := range s.args {
		p, ok := span(m, argv+4*uint32(i), 4)
		if !ok {
			return errnoFault
		}
		binary.LittleEndian.PutUint32(p, buf)
		d, ok := span(m, buf, uint32(len(arg)+1))
		if !ok {
			return errnoFault
		}
		copy(d, arg)
		d[len(arg)] = 0
		buf += uint32(len(arg) + 1)
	}
	return errnoSuccess
}

func (s *wasiShim) clockTimeGet(m []byte, a []uint64) uint32 {
	switch uint32(a[0]) {
	case 0: // realtime
		return putU64(m, uint32(a[2]), uint64(time.Now().UnixNano()))
	case 1, 2, 3: // monotonic, process and thread CPU time (approximated)
		return putU64(m, uint32(a[2]), uint64(time.Since(s.start)))
	}
	return errnoInval
}

func fdstatGet(m []byte, a []uint64) uint32 {
	if uint32(a[0]) > 2 {
		return errnoBadf
	}
	p, ok := span(m, uint32(a[1]), 24)
	if !ok {
		return errnoFault
	}
	clear(p)
	p[0] = 2 // character device
	binary.LittleEndian.PutUint64(p[8:], ^uint64(0))
	return errnoSuccess
}

func (s *wasiShim) fdWrite(m []byte, a []uint64) uint32 {
	var w io.Writer
	switch uint32(a[0]) {
	case 1:
		w = s.stdout
	case 2:
		w = s.stderr
	default:
		return errnoBadf
	}
	iovs, n := uint32(a[1]), uint32(a[2])
	total := uint32(0)
	for i := uint32(0); i < n; i++ {
		iov, ok := span(m, iovs+8*i, 8)
		if !ok {
			return errnoFault
		}
		b, ok := span(m, binary.LittleEndian.Uint32(iov), binary.LittleEndian.Uint32(iov[4:]))
		if !ok {
			return errnoFault
		}
		if w != nil {
			w.Write(b)
		}
		total += uint32(len(b))
	}
	p, ok := span(m, uint32(a[3]), 4)
	if !ok {
		return errnoFault
	}
	binary.LittleEndian.PutUint32(p, total)
	return errnoSuccess
}

// pollOneoff handles clock subscriptions by sleeping until the earliest
// one is due; fd subscriptions are answered with ENOTSUP.
func (s *wasiShim) pollOneoff(m []byte, a []uint64) uint32 {
	in, out, n := uint32(a[0]), uint32(a[1]), uint32(a[2])
	if n == 0 {
		return errnoInval
	}
	subs, ok1 := span(m, in, 48*n)
	evs, ok2 := span(m, out, 32*n)
	if !ok1 || !ok2 {
		return errnoFault
	}
	var wait time.Duration = -1
	for i := uint32(0); i < n; i++ {
		sub := subs[48*i:]
		if sub[8] != 0 {
			continue
		}
		d := time.Duration(binary.LittleEndian.Uint64(sub[24:]))
		if binary.LittleEndian.Uint16(sub[40:])&1 != 0 { // absolute time
			now := time.Now().UnixNano()
			if binary.LittleEndian.Uint32(sub[16:]) == 1 {
				now = int64(time.Since(s.start))
			}
			d -= time.Duration(now)
		}
		if wait < 0 || d < wait {
			wait = d
		}
	}
	if wait > 0 {
		time.Sleep(wait)
	}
	for i := uint32(0); i < n; i++ {
		sub, ev := subs[48*i:], evs[32*i:32*i+32]
		clear(ev)
		copy(ev[:8], sub[:8])
		ev[10] = sub[8]
		if sub[8] != 0 {
			binary.LittleEndian.PutUint16(ev[8:], errnoNotsup)
		}
	}
	p, ok := span(m, uint32(a[3]), 4)
	if !ok {
		return errnoFault
	}
	binary.LittleEndian.PutUint32(p, n)
	return errnoSuccess
}

func randomGet(m []byte, a []uint64) uint32 {
	p, ok := span(m, uint32(a[0]), uint32(a[1]))
	if !ok {
		return errnoFault
	}
	rand.Read(p)
	return errnoSuccess
}
