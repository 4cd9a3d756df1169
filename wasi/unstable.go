package wasi

import (
	"context"
	"encoding/binary"
	"math"
)

// UnstableModuleName is the import module name of WASI preview 0, the
// API that older toolchains (wasi-sdk before version 8, the first Rust
// wasm32-wasi targets) and many engines' test programs still import.
const UnstableModuleName = "wasi_unstable"

// UnstableFunctions lists the 45 functions of wasi_unstable (preview 0)
// in alphabetical order. They run on the same System as Functions; where
// preview 0's ABI differs from preview 1's, the arguments and results are
// translated:
//
//   - fd_seek: whence is numbered CUR=0, END=1, SET=2 (preview 1: SET=0,
//     CUR=1, END=2);
//   - fd_filestat_get and path_filestat_get: a filestat is 56 bytes, nlink
//     being 32 bits (at offset 20, size at 24), where preview 1's is 64
//     bytes with a 64-bit nlink;
//   - poll_oneoff: a subscription is 56 bytes, subscription_clock starting
//     with a 64-bit identifier before the clock id (id at offset 24,
//     timeout at 32, precision at 40, flags at 48); events are the same;
//   - fd_fdstat_get: rights have no SOCK_ACCEPT bit (bit 29);
//   - there is no sock_accept.
//
// The other functions, fd_readdir's dirent, fdstat, prestat, the
// lookupflags of the path_* functions and every errno included, have the
// same layout and numbering in both versions.
var UnstableFunctions = unstableFunctions()

// Preview 0's whence values.
const (
	whenceCur0 = 0
	whenceEnd0 = 1
	whenceSet0 = 2
)

func unstableFunctions() []Func {
	over := map[string]func(context.Context, *System, []byte, []uint64) error{
		"fd_seek": func(_ context.Context, s *System, m []byte, st []uint64) error {
			return ret(st, s.fdSeek0(m, u(st[0]), st[1], u(st[2]), u(st[3])))
		},
		"fd_filestat_get": func(_ context.Context, s *System, m []byte, st []uint64) error {
			return ret(st, s.fdFilestatGet0(m, u(st[0]), u(st[1])))
		},
		"path_filestat_get": func(_ context.Context, s *System, m []byte, st []uint64) error {
			return ret(st, s.pathFilestatGet0(m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), u(st[4])))
		},
		"poll_oneoff": func(ctx context.Context, s *System, m []byte, st []uint64) error {
			e := s.pollOneoff(ctx, m, u(st[0]), u(st[1]), u(st[2]), u(st[3]), subLayout0)
			if e == errCancelled {
				return ret2(st, 0, ctx.Err())
			}
			return ret(st, e)
		},
		"fd_fdstat_get": func(_ context.Context, s *System, m []byte, st []uint64) error {
			return ret(st, s.fdFdstatGet0(m, u(st[0]), u(st[1])))
		},
	}
	var list []Func
	for _, f := range Functions {
		if f.Name == "sock_accept" {
			continue
		}
		if c, ok := over[f.Name]; ok {
			f.Call = c
		}
		list = append(list, f)
	}
	return list
}

// fdSeek0 is preview 0's fd_seek.
func (s *System) fdSeek0(mem []byte, fd uint32, offset uint64, whence, newOffset uint32) Errno {
	w := uint32(math.MaxUint32) // invalid: fd_seek's EINVAL
	switch whence {
	case whenceCur0:
		w = WhenceCur
	case whenceEnd0:
		w = WhenceEnd
	case whenceSet0:
		w = WhenceSet
	}
	return s.FdSeek(mem, fd, offset, w, newOffset)
}

// filestat0 writes preview 1 filestat src in preview 0's layout into dst.
func filestat0(dst, src []byte) {
	copy(dst[0:17], src[0:17]) // dev, ino, filetype
	clear(dst[17:20])
	binary.LittleEndian.PutUint32(dst[20:], uint32(min(binary.LittleEndian.Uint64(src[24:]), math.MaxUint32)))
	copy(dst[24:56], src[32:64]) // size, atim, mtim, ctim
}

// fdFilestatGet0 is preview 0's fd_filestat_get.
func (s *System) fdFilestatGet0(mem []byte, fd, buf uint32) Errno {
	var tmp [filestatSize]byte
	if errno := s.FdFilestatGet(tmp[:], fd, 0); errno != ESUCCESS {
		return errno
	}
	b, ok := mem_(mem).slice(buf, filestatSize0)
	if !ok {
		return EFAULT
	}
	filestat0(b, tmp[:])
	return ESUCCESS
}

// pathFilestatGet0 is preview 0's path_filestat_get.
func (s *System) pathFilestatGet0(mem []byte, fd, flags, p, n, buf uint32) Errno {
	var tmp [filestatSize]byte
	b, ok := mem_(mem).slice(buf, filestatSize0)
	if errno := s.pathFilestatGet(mem, fd, flags, p, n, tmp[:], ok); errno != ESUCCESS {
		return errno
	}
	filestat0(b, tmp[:])
	return ESUCCESS
}

// fdFdstatGet0 is preview 0's fd_fdstat_get.
func (s *System) fdFdstatGet0(mem []byte, fd, buf uint32) Errno {
	if errno := s.FdFdstatGet(mem, fd, buf); errno != ESUCCESS {
		return errno
	}
	m := mem_(mem)
	for _, off := range []uint32{8, 16} {
		b, _ := m.slice(buf+off, 8)
		binary.LittleEndian.PutUint64(b, binary.LittleEndian.Uint64(b)&^uint64(RightSockAccept))
	}
	return ESUCCESS
}
