package wasi

import (
	"context"
	"encoding/binary"
	"time"

	"golang.org/x/sys/unix"
)

type event struct {
	userdata uint64
	errno    Errno
	typ      uint8
	nbytes   uint64
	flags    uint16
}

type pollSub struct {
	userdata uint64
	typ      uint8
	timeout  time.Duration // clocks: relative
	hostfd   int           // fd subscriptions waited on by the host; -1 if none
	entry    *entry
}

// PollOneoff implements poll_oneoff: clock subscriptions (relative or
// absolute) and fd_read/fd_write subscriptions on any descriptor. Regular
// files and in-memory streams are always ready; host descriptors (pipes,
// sockets, terminals, stdio backed by a host file) are waited on with
// ppoll. A poll that waits ends when ctx does: the error is then
// ctx.Err() and the guest's run must end. A poll on clocks only (a sleep)
// waits on a timer.
func (s *System) PollOneoff(ctx context.Context, mem []byte, in, out, nsubs, nevents uint32) (Errno, error) {
	e := s.pollOneoff(ctx, mem, in, out, nsubs, nevents, subLayout1)
	if e == errCancelled {
		return 0, ctx.Err()
	}
	return e, nil
}

// errCancelled is an internal Errno that pollOneoff returns when ctx
// ended its wait; it never reaches the guest.
const errCancelled Errno = 0xffff

// subLayout is where a subscription's fields sit: its size and the
// offset of subscription_clock's id, which timeout follows at +8 and
// flags at +24 (preview 0's subscription_clock starts with an extra
// 64-bit identifier).
type subLayout struct{ size, clock uint32 }

var (
	subLayout1 = subLayout{subscriptionSize, 16}
	subLayout0 = subLayout{subscriptionSize0, 24}
)

func (s *System) pollOneoff(ctx context.Context, mem []byte, in, out, nsubs, nevents uint32, layout subLayout) Errno {
	m := mem_(mem)
	if nsubs == 0 {
		return EINVAL
	}
	if uint64(nsubs)*uint64(layout.size) > 1<<32 || uint64(nsubs)*eventSize > 1<<32 {
		return EFAULT
	}
	raw, ok := m.slice(in, nsubs*layout.size)
	if !ok {
		return EFAULT
	}
	evOut, ok := m.slice(out, nsubs*eventSize)
	if !ok || !m.ok(nevents, 4) {
		return EFAULT
	}
	var ready []event
	var subs []pollSub
	var pfds []unix.PollFd
	var pfdSub []int
	for i := range nsubs {
		b := raw[i*layout.size : (i+1)*layout.size]
		ud := binary.LittleEndian.Uint64(b)
		tag := b[8]
		switch tag {
		case EventtypeClock:
			id := binary.LittleEndian.Uint32(b[layout.clock:])
			timeout := binary.LittleEndian.Uint64(b[layout.clock+8:])
			flags := binary.LittleEndian.Uint16(b[layout.clock+24:])
			if flags&^SubclockflagAbstime != 0 {
				ready = append(ready, event{userdata: ud, errno: EINVAL, typ: tag})
				continue
			}
			if flags&SubclockflagAbstime != 0 {
				now, errno := s.now(id)
				if errno != ESUCCESS {
					ready = append(ready, event{userdata: ud, errno: errno, typ: tag})
					continue
				}
				if timeout > now {
					timeout -= now
				} else {
					timeout = 0
				}
			} else if _, errno := s.clock.Resolution(id); errno != ESUCCESS {
				ready = append(ready, event{userdata: ud, errno: errno, typ: tag})
				continue
			}
			if timeout > 1<<62 {
				timeout = 1 << 62
			}
			subs = append(subs, pollSub{userdata: ud, typ: tag, timeout: time.Duration(timeout), hostfd: -1})
		case EventtypeFdRead, EventtypeFdWrite:
			fd := binary.LittleEndian.Uint32(b[16:])
			right := RightPollFdReadwrite
			e, errno := s.get(fd, right)
			if errno != ESUCCESS {
				ready = append(ready, event{userdata: ud, errno: errno, typ: tag})
				continue
			}
			h := e.hostfd
			if h < 0 {
				if tag == EventtypeFdRead && e.r != nil {
					h = e.stdioFd()
				} else if tag == EventtypeFdWrite && e.w != nil {
					h = e.stdioFd()
				}
			}
			if h < 0 || e.kind == FiletypeRegularFile || e.kind == FiletypeDirectory {
				ev := event{userdata: ud, typ: tag}
				if tag == EventtypeFdRead {
					ev.nbytes = e.remaining()
				}
				ready = append(ready, ev)
				continue
			}
			ev := int16(unix.POLLIN)
			if tag == EventtypeFdWrite {
				ev = unix.POLLOUT
			}
			pfdSub = append(pfdSub, len(subs))
			pfds = append(pfds, unix.PollFd{Fd: int32(h), Events: ev})
			subs = append(subs, pollSub{userdata: ud, typ: tag, hostfd: h, entry: e})
		default:
			return EINVAL
		}
	}
	start := time.Now()
	for {
		wait := time.Duration(-1)
		if len(ready) > 0 {
			wait = 0
		} else {
			for _, sub := range subs {
				if sub.typ == EventtypeClock {
					left := max(sub.timeout-time.Since(start), 0)
					if wait < 0 || left < wait {
						wait = left
					}
				}
			}
		}
		var ts *unix.Timespec
		if wait >= 0 {
			t := unix.NsecToTimespec(int64(wait))
			ts = &t
		}
		if len(pfds) > 0 {
			for i := range pfds {
				pfds[i].Revents = 0
			}
			cancelled, err := s.pollCtx(ctx, pfds, ts)
			if cancelled != nil {
				return errCancelled
			}
			if err != nil && err != unix.EINTR {
				return ErrnoFromHost(err)
			}
		} else if ts != nil {
			if sleepCtx(ctx, wait) != nil {
				return errCancelled
			}
		}
		for i, p := range pfds {
			if p.Revents == 0 {
				continue
			}
			sub := subs[pfdSub[i]]
			ev := event{userdata: sub.userdata, typ: sub.typ}
			switch {
			case p.Revents&unix.POLLNVAL != 0:
				ev.errno = EBADF
			case p.Revents&unix.POLLHUP != 0:
				ev.flags = EventrwflagFdHangup
			}
			if sub.typ == EventtypeFdRead && ev.errno == ESUCCESS {
				if n, err := unix.IoctlGetInt(sub.hostfd, fionread); err == nil && n > 0 {
					ev.nbytes = uint64(n)
				}
			}
			ready = append(ready, ev)
		}
		elapsed := time.Since(start)
		for _, sub := range subs {
			if sub.typ == EventtypeClock && sub.timeout <= elapsed {
				ready = append(ready, event{userdata: sub.userdata, typ: EventtypeClock})
			}
		}
		if len(ready) > 0 {
			break
		}
		if len(pfds) == 0 && ts == nil {
			return EINVAL // unreachable: nothing to wait for
		}
	}
	for i, ev := range ready {
		b := evOut[i*eventSize : (i+1)*eventSize]
		clear(b)
		le64(b, 0, ev.userdata)
		le16(b, 8, uint16(ev.errno))
		b[10] = ev.typ
		le64(b, 16, ev.nbytes)
		le16(b, 24, ev.flags)
	}
	m.putU32(nevents, uint32(len(ready)))
	return ESUCCESS
}

// remaining is the number of bytes readable without blocking from an
// always-ready descriptor (size minus position for files), or 0 if unknown.
func (e *entry) remaining() uint64 {
	if e.hostfd >= 0 && e.kind == FiletypeRegularFile {
		var st unix.Stat_t
		if unix.Fstat(e.hostfd, &st) != nil {
			return 0
		}
		pos, err := unix.Seek(e.hostfd, 0, WhenceCur)
		if err != nil || pos >= st.Size {
			return 0
		}
		return uint64(st.Size - pos)
	}
	return 0
}
