package wasi

import (
	"context"

	"github.com/wasmrun/wasmrun/wasm"
)

// ModuleName is the import module name of WASI preview 1.
const ModuleName = "wasi_snapshot_preview1"

// Func describes one WASI function for an engine to register.
type Func struct {
	// Name is the import field name, such as "fd_write".
	Name string
	// Params and Results are the function's Wasm signature. Every function
	// but proc_exit returns one i32 errno.
	Params, Results []wasm.ValType
	// Call runs the function on s with the caller's memory (nil when it
	// has none: every pointer is then out of range, EFAULT). It reads the
	// parameters from stack[0:len(Params)], one uint64 slot each (i32 in
	// the low 32 bits), and writes the errno result to stack[0]. The
	// returned error is non-nil only to end the guest: an *ExitError from
	// proc_exit or proc_raise, or ctx.Err() when ctx ended a blocking call
	// (poll_oneoff, fd_read, fd_write, sock_accept, sock_recv, sock_send)
	// while it waited. ctx is the context of the guest's call.
	Call func(ctx context.Context, s *System, mem []byte, stack []uint64) error
}

const (
	i32 = wasm.I32
	i64 = wasm.I64
)

func sig(n ...wasm.ValType) []wasm.ValType { return n }

var errnoResult = sig(i32)

func u(v uint64) uint32 { return uint32(v) }

func ret(stack []uint64, e Errno) error {
	stack[0] = uint64(e)
	return nil
}

// ret2 stores the errno of a blocking call and passes on its error.
func ret2(stack []uint64, e Errno, err error) error {
	stack[0] = uint64(e)
	return err
}

// Functions lists all 46 functions of wasi_snapshot_preview1 in
// alphabetical order.
var Functions = []Func{
	{"args_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.ArgsGet(m, u(st[0]), u(st[1])))
	}},
	{"args_sizes_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.ArgsSizesGet(m, u(st[0]), u(st[1])))
	}},
	{"clock_res_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.ClockResGet(m, u(st[0]), u(st[1])))
	}},
	{"clock_time_get", sig(i32, i64, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.ClockTimeGet(m, u(st[0]), st[1], u(st[2])))
	}},
	{"environ_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.EnvironGet(m, u(st[0]), u(st[1])))
	}},
	{"environ_sizes_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.EnvironSizesGet(m, u(st[0]), u(st[1])))
	}},
	{"fd_advise", sig(i32, i64, i64, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdAdvise(m, u(st[0]), st[1], st[2], u(st[3])))
	}},
	{"fd_allocate", sig(i32, i64, i64), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdAllocate(m, u(st[0]), st[1], st[2]))
	}},
	{"fd_close", sig(i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdClose(m, u(st[0])))
	}},
	{"fd_datasync", sig(i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdDatasync(m, u(st[0])))
	}},
	{"fd_fdstat_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdFdstatGet(m, u(st[0]), u(st[1])))
	}},
	{"fd_fdstat_set_flags", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdFdstatSetFlags(m, u(st[0]), u(st[1])))
	}},
	{"fd_fdstat_set_rights", sig(i32, i64, i64), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdFdstatSetRights(m, u(st[0]), st[1], st[2]))
	}},
	{"fd_filestat_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdFilestatGet(m, u(st[0]), u(st[1])))
	}},
	{"fd_filestat_set_size", sig(i32, i64), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdFilestatSetSize(m, u(st[0]), st[1]))
	}},
	{"fd_filestat_set_times", sig(i32, i64, i64, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdFilestatSetTimes(m, u(st[0]), st[1], st[2], u(st[3])))
	}},
	{"fd_pread", sig(i32, i32, i32, i64, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdPread(m, u(st[0]), u(st[1]), u(st[2]), st[3], u(st[4])))
	}},
	{"fd_prestat_dir_name", sig(i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdPrestatDirName(m, u(st[0]), u(st[1]), u(st[2])))
	}},
	{"fd_prestat_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdPrestatGet(m, u(st[0]), u(st[1])))
	}},
	{"fd_pwrite", sig(i32, i32, i32, i64, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdPwrite(m, u(st[0]), u(st[1]), u(st[2]), st[3], u(st[4])))
	}},
	{"fd_read", sig(i32, i32, i32, i32), errnoResult, func(ctx context.Context, s *System, m []byte, st []uint64) error {
		e, err := s.FdRead(ctx, m, u(st[0]), u(st[1]), u(st[2]), u(st[3]))
		return ret2(st, e, err)
	}},
	{"fd_readdir", sig(i32, i32, i32, i64, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdReaddir(m, u(st[0]), u(st[1]), u(st[2]), st[3], u(st[4])))
	}},
	{"fd_renumber", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdRenumber(m, u(st[0]), u(st[1])))
	}},
	{"fd_seek", sig(i32, i64, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdSeek(m, u(st[0]), st[1], u(st[2]), u(st[3])))
	}},
	{"fd_sync", sig(i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdSync(m, u(st[0])))
	}},
	{"fd_tell", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.FdTell(m, u(st[0]), u(st[1])))
	}},
	{"fd_write", sig(i32, i32, i32, i32), errnoResult, func(ctx context.Context, s *System, m []byte, st []uint64) error {
		e, err := s.FdWrite(ctx, m, u(st[0]), u(st[1]), u(st[2]), u(st[3]))
		return ret2(st, e, err)
	}},
	{"path_create_directory", sig(i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathCreateDirectory(m, u(st[0]), u(st[1]), u(st[2])))
	}},
	{"path_filestat_get", sig(i32, i32, i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathFilestatGet(m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4])))
	}},
	{"path_filestat_set_times", sig(i32, i32, i32, i32, i64, i64, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathFilestatSetTimes(m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), st[4], st[5], u(st[6])))
	}},
	{"path_link", sig(i32, i32, i32, i32, i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathLink(m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4]), u(st[5]), u(st[6])))
	}},
	{"path_open", sig(i32, i32, i32, i32, i32, i64, i64, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathOpen(m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4]), st[5], st[6], u(st[7]), u(st[8])))
	}},
	{"path_readlink", sig(i32, i32, i32, i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathReadlink(m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4]), u(st[5])))
	}},
	{"path_remove_directory", sig(i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathRemoveDirectory(m, u(st[0]), u(st[1]), u(st[2])))
	}},
	{"path_rename", sig(i32, i32, i32, i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathRename(m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4]), u(st[5])))
	}},
	{"path_symlink", sig(i32, i32, i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathSymlink(m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4])))
	}},
	{"path_unlink_file", sig(i32, i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.PathUnlinkFile(m, u(st[0]), u(st[1]), u(st[2])))
	}},
	{"poll_oneoff", sig(i32, i32, i32, i32), errnoResult, func(ctx context.Context, s *System, m []byte, st []uint64) error {
		e, err := s.PollOneoff(ctx, m, u(st[0]), u(st[1]), u(st[2]), u(st[3]))
		return ret2(st, e, err)
	}},
	{"proc_exit", sig(i32), nil, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return s.ProcExit(m, u(st[0]))
	}},
	{"proc_raise", sig(i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		e, err := s.ProcRaise(m, u(st[0]))
		st[0] = uint64(e)
		return err
	}},
	{"random_get", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.RandomGet(m, u(st[0]), u(st[1])))
	}},
	{"sched_yield", nil, errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.SchedYield(m))
	}},
	{"sock_accept", sig(i32, i32, i32), errnoResult, func(ctx context.Context, s *System, m []byte, st []uint64) error {
		e, err := s.SockAccept(ctx, m, u(st[0]), u(st[1]), u(st[2]))
		return ret2(st, e, err)
	}},
	{"sock_recv", sig(i32, i32, i32, i32, i32, i32), errnoResult, func(ctx context.Context, s *System, m []byte, st []uint64) error {
		e, err := s.SockRecv(ctx, m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4]), u(st[5]))
		return ret2(st, e, err)
	}},
	{"sock_send", sig(i32, i32, i32, i32, i32), errnoResult, func(ctx context.Context, s *System, m []byte, st []uint64) error {
		e, err := s.SockSend(ctx, m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4]))
		return ret2(st, e, err)
	}},
	{"sock_shutdown", sig(i32, i32), errnoResult, func(_ context.Context, s *System, m []byte, st []uint64) error {
		return ret(st, s.SockShutdown(m, u(st[0]), u(st[1])))
	}},
}
