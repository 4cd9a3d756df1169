package wasi

import (
	"context"
	"io"
	"runtime"

	"golang.org/x/sys/unix"
)

func sizes(list []string) (uint32, uint32) {
	n := uint32(0)
	for _, a := range list {
		n += uint32(len(a)) + 1
	}
	return uint32(len(list)), n
}

func putStrings(m mem, list []string, ptrs, buf uint32) Errno {
	count, size := sizes(list)
	if !m.ok(ptrs, count*4) || !m.ok(buf, size) || uint64(count)*4 > 1<<32 {
		return EFAULT
	}
	for i, a := range list {
		m.putU32(ptrs+uint32(i)*4, buf)
		b, _ := m.slice(buf, uint32(len(a))+1)
		copy(b, a)
		b[len(a)] = 0
		buf += uint32(len(a)) + 1
	}
	return ESUCCESS
}

func putSizes(m mem, list []string, countp, sizep uint32) Errno {
	if !m.ok(countp, 4) || !m.ok(sizep, 4) {
		return EFAULT
	}
	c, n := sizes(list)
	m.putU32(countp, c)
	m.putU32(sizep, n)
	return ESUCCESS
}

// ArgsGet implements args_get.
func (s *System) ArgsGet(mem []byte, argv, argvBuf uint32) Errno {
	return putStrings(mem_(mem), s.args, argv, argvBuf)
}

// ArgsSizesGet implements args_sizes_get.
func (s *System) ArgsSizesGet(mem []byte, argc, argvBufSize uint32) Errno {
	return putSizes(mem_(mem), s.args, argc, argvBufSize)
}

// EnvironGet implements environ_get.
func (s *System) EnvironGet(mem []byte, environ, environBuf uint32) Errno {
	return putStrings(mem_(mem), s.env, environ, environBuf)
}

// EnvironSizesGet implements environ_sizes_get.
func (s *System) EnvironSizesGet(mem []byte, count, bufSize uint32) Errno {
	return putSizes(mem_(mem), s.env, count, bufSize)
}

// ClockResGet implements clock_res_get.
func (s *System) ClockResGet(mem []byte, id, resolution uint32) Errno {
	m := mem_(mem)
	if !m.ok(resolution, 8) {
		return EFAULT
	}
	r, errno := s.clock.Resolution(id)
	if errno != ESUCCESS {
		return errno
	}
	m.putU64(resolution, r)
	return ESUCCESS
}

// ClockTimeGet implements clock_time_get.
func (s *System) ClockTimeGet(mem []byte, id uint32, precision uint64, time uint32) Errno {
	m := mem_(mem)
	if !m.ok(time, 8) {
		return EFAULT
	}
	t, errno := s.now(id)
	if errno != ESUCCESS {
		return errno
	}
	m.putU64(time, t)
	return ESUCCESS
}

// RandomGet implements random_get.
func (s *System) RandomGet(mem []byte, buf, n uint32) Errno {
	b, ok := mem_(mem).slice(buf, n)
	if !ok {
		return EFAULT
	}
	if _, err := io.ReadFull(s.random, b); err != nil {
		return EIO
	}
	return ESUCCESS
}

// SchedYield implements sched_yield.
func (s *System) SchedYield(mem []byte) Errno {
	runtime.Gosched()
	return ESUCCESS
}

// ProcExit implements proc_exit: it always returns an *ExitError that
// the engine turns into the end of the guest.
func (s *System) ProcExit(mem []byte, code uint32) error {
	return &ExitError{Code: code}
}

// ProcRaise implements proc_raise with the default action of each signal:
// signals that terminate (with or without a core dump) return an
// *ExitError with status 128+signal; ignored ones (CHLD, CONT, URG, WINCH)
// and SIGNONE succeed; stop signals cannot stop a sandboxed guest and are
// ignored too.
func (s *System) ProcRaise(mem []byte, sig uint32) (Errno, error) {
	switch {
	case sig == 0:
		return ESUCCESS, nil
	case sig > 30:
		return EINVAL, nil
	case sig == 16 || sig == 17 || sig == 22 || sig == 27: // CHLD, CONT, URG, WINCH
		return ESUCCESS, nil
	case sig == 18 || sig == 19 || sig == 20 || sig == 21: // STOP, TSTP, TTIN, TTOU
		return ESUCCESS, nil
	}
	return ESUCCESS, &ExitError{Code: 128 + sig, Signal: uint8(sig)}
}

// SockAccept implements sock_accept on a preopened listener. A blocking
// accept ends when ctx does: the error is then ctx.Err() and the guest's
// run must end.
func (s *System) SockAccept(ctx context.Context, mem []byte, fd, flags, out uint32) (Errno, error) {
	e, errno := s.sock(fd, RightSockAccept)
	if errno != ESUCCESS {
		return errno, nil
	}
	m := mem_(mem)
	if !m.ok(out, 4) {
		return EFAULT, nil
	}
	if flags&^FdflagNonblock != 0 {
		return EINVAL, nil
	}
	if !e.listener {
		return EINVAL, nil // a connected socket, as accept(2) on one that is not listening
	}
	block := e.flags&FdflagNonblock == 0 // the guest's view, whatever the host descriptor's mode
	var nfd int
	for {
		if !readyNow(e.hostfd, unix.POLLIN) {
			if !block {
				return EAGAIN, nil
			}
			// Wait for a connection here rather than in accept, which a
			// blocking host descriptor would not let a cancellation end.
			if errno, cancelled := s.waitFd(ctx, e.hostfd, unix.POLLIN); cancelled != nil || errno != ESUCCESS {
				return errno, cancelled
			}
		}
		var err error
		nfd, err = accept(e.hostfd, flags&FdflagNonblock != 0)
		if err == unix.EINTR || err == unix.ECONNABORTED {
			continue
		}
		if err == unix.EAGAIN {
			// Another process took the connection (or the host
			// descriptor is non-blocking and it went away).
			if !block {
				return EAGAIN, nil
			}
			continue
		}
		if err != nil {
			return ErrnoFromHost(err), nil
		}
		break
	}
	ne := &entry{hostfd: nfd, kind: FiletypeSocketStream, base: RightsSocket}
	id, errno := s.alloc(ne)
	if errno != ESUCCESS {
		ne.close()
		return errno, nil
	}
	m.putU32(out, id)
	return ESUCCESS, nil
}

// sock returns fd's entry if it is a socket holding need: EBADF for no
// descriptor, then ENOTSOCK for one that is not a socket (whatever its
// rights: a file has no socket rights to miss), then ENOTCAPABLE.
func (s *System) sock(fd uint32, need Rights) (*entry, Errno) {
	e, ok := s.fds[fd]
	if !ok {
		return nil, EBADF
	}
	if e.kind != FiletypeSocketStream && e.kind != FiletypeSocketDgram || e.hostfd < 0 {
		return nil, ENOTSOCK
	}
	if e.base&need != need {
		return nil, ENOTCAPABLE
	}
	return e, ESUCCESS
}

// SockRecv implements sock_recv. A receive that waits ends when ctx
// does: the error is then ctx.Err() and the guest's run must end (a
// RECV_WAITALL receive waits between partial receives, except with
// RECV_PEEK, which waits in the system call).
func (s *System) SockRecv(ctx context.Context, mem []byte, fd, riData, riDataLen, riFlags, roDataLen, roFlags uint32) (Errno, error) {
	e, errno := s.sock(fd, RightFdRead)
	if errno != ESUCCESS {
		return errno, nil
	}
	m := mem_(mem)
	bufs, errno := m.iovecs(riData, riDataLen)
	if errno != ESUCCESS {
		return errno, nil
	}
	if !m.ok(roDataLen, 4) || !m.ok(roFlags, 2) {
		return EFAULT, nil
	}
	if riFlags&^(riflagRecvPeek|riflagRecvWaitall) != 0 {
		return EINVAL, nil
	}
	fl := 0
	if riFlags&riflagRecvPeek != 0 {
		fl |= unix.MSG_PEEK
	}
	if riFlags&riflagRecvWaitall != 0 {
		fl |= unix.MSG_WAITALL
	}
	// waitall: the wait for the rest of the data is ours, between receives.
	waitall := fl == unix.MSG_WAITALL && e.mayBlock(ctx, e.hostfd)
	if waitall {
		fl = 0
	}
	var n, rflags int
	for rest := bufs; ; {
		if errno, cancelled := s.ready(ctx, e, e.hostfd, unix.POLLIN); cancelled != nil || errno != ESUCCESS {
			return errno, cancelled
		}
		k, _, rf, _, err := unix.RecvmsgBuffers(e.hostfd, rest, nil, fl)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			if n > 0 {
				break
			}
			return ErrnoFromHost(err), nil
		}
		n, rflags = n+k, rflags|rf
		rest = skipIovs(rest, k)
		if !waitall || k == 0 || iovsLen(rest) == 0 || e.kind != FiletypeSocketStream {
			break
		}
	}
	var ro uint16
	if rflags&unix.MSG_TRUNC != 0 {
		ro |= roflagDataTruncated
	}
	m.putU32(roDataLen, uint32(n))
	b, _ := m.slice(roFlags, 2)
	le16(b, 0, ro)
	return ESUCCESS, nil
}

// SockSend implements sock_send. A send that waits ends when ctx does: the
// error is then ctx.Err() and the guest's run must end; such a send may
// be short.
func (s *System) SockSend(ctx context.Context, mem []byte, fd, siData, siDataLen, siFlags, soDataLen uint32) (Errno, error) {
	e, errno := s.sock(fd, RightFdWrite)
	if errno != ESUCCESS {
		return errno, nil
	}
	m := mem_(mem)
	bufs, errno := m.iovecs(siData, siDataLen)
	if errno != ESUCCESS {
		return errno, nil
	}
	if !m.ok(soDataLen, 4) {
		return EFAULT, nil
	}
	if siFlags != 0 {
		return EINVAL, nil
	}
	fl := unix.MSG_NOSIGNAL
	mayBlock := e.mayBlock(ctx, e.hostfd)
	if mayBlock {
		fl |= unix.MSG_DONTWAIT // the waits are ours, in ready
	}
	var n int
	for {
		if errno, cancelled := s.ready(ctx, e, e.hostfd, unix.POLLOUT); cancelled != nil || errno != ESUCCESS {
			return errno, cancelled
		}
		var err error
		n, err = unix.SendmsgBuffers(e.hostfd, bufs, nil, nil, fl)
		if err == unix.EINTR || err == unix.EAGAIN && mayBlock && !e.guestNonblock(e.hostfd) {
			continue
		}
		if err != nil {
			return ErrnoFromHost(err), nil
		}
		break
	}
	m.putU32(soDataLen, uint32(n))
	return ESUCCESS, nil
}

// SockShutdown implements sock_shutdown.
func (s *System) SockShutdown(mem []byte, fd, how uint32) Errno {
	e, errno := s.sock(fd, RightSockShutdown)
	if errno != ESUCCESS {
		return errno
	}
	var h int
	switch how {
	case sdflagRd:
		h = unix.SHUT_RD
	case sdflagWr:
		h = unix.SHUT_WR
	case sdflagRd | sdflagWr:
		h = unix.SHUT_RDWR
	default:
		return EINVAL
	}
	return ErrnoFromHost(unix.Shutdown(e.hostfd, h))
}
