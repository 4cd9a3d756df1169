/* poll.c: poll_oneoff with clock subscriptions (relative and absolute)
 * and fd_read subscriptions on stdin (a pipe carrying "hello from stdin\n")
 * and on a regular file; fd_read of stdin; ESPIPE on stdin.
 * Usage: poll.wasm  (stdin: "hello from stdin\n"; preopen --dir {tmp}/work::/work) */
#include "check.h"

static __wasi_timestamp_t mono(void) {
	__wasi_timestamp_t t = 0;
	(void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t);
	return t;
}

int main(void) {
	__wasi_subscription_t s[2];
	__wasi_event_t ev[2];
	__wasi_size_t n = 0;
	memset(s, 0, sizeof s);
	/* relative 30 ms timeout */
	s[0].userdata = 0x1234;
	s[0].u.tag = __WASI_EVENTTYPE_CLOCK;
	s[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
	s[0].u.u.clock.timeout = 30000000;
	__wasi_timestamp_t t0 = mono();
	EXPECT_OK("poll_oneoff-clock", __wasi_poll_oneoff(s, ev, 1, &n));
	__wasi_timestamp_t dt = mono() - t0;
	CHECK("poll_oneoff-clock-event", n == 1 && ev[0].userdata == 0x1234 && ev[0].type == __WASI_EVENTTYPE_CLOCK && ev[0].error == 0,
		"n %u ud %llx type %d err %d", (unsigned)n, (unsigned long long)ev[0].userdata, ev[0].type, ev[0].error);
	CHECK("poll_oneoff-clock-waited", dt >= 30000000ULL, "waited %llu ns", (unsigned long long)dt);
	EXPECT_ERR("poll_oneoff-zero-subscriptions-EINVAL", __wasi_poll_oneoff(s, ev, 0, &n), __WASI_ERRNO_INVAL);

	/* stdin readable: fd_read subscription + a 5 s clock guard */
	memset(s, 0, sizeof s);
	s[0].userdata = 1;
	s[0].u.tag = __WASI_EVENTTYPE_FD_READ;
	s[0].u.u.fd_read.file_descriptor = 0;
	s[1].userdata = 2;
	s[1].u.tag = __WASI_EVENTTYPE_CLOCK;
	s[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
	s[1].u.u.clock.timeout = 5000000000ULL;
	EXPECT_OK("poll_oneoff-stdin", __wasi_poll_oneoff(s, ev, 2, &n));
	int got_read = 0;
	for (unsigned i = 0; i < n; i++)
		if (ev[i].userdata == 1 && ev[i].type == __WASI_EVENTTYPE_FD_READ && ev[i].error == 0) got_read = 1;
	CHECK("poll_oneoff-stdin-readable", got_read, "n %u first ud %llu", (unsigned)n, (unsigned long long)ev[0].userdata);

	char buf[64] = {0};
	size_t total = 0;
	for (;;) {
		__wasi_iovec_t iov = {(uint8_t *)buf + total, sizeof buf - 1 - total};
		__wasi_size_t r = 0;
		__wasi_errno_t e = __wasi_fd_read(0, &iov, 1, &r);
		if (e != 0) { fail("fd_read-stdin", "errno %d", e); break; }
		if (r == 0) break;
		total += r;
	}
	CHECK("fd_read-stdin-content", strcmp(buf, "hello from stdin\n") == 0, "got %zu bytes: %s", total, buf);
	/* stdin is a pipe: not seekable (ESPIPE; ENOTCAPABLE if the runtime
	 * withholds the seek right from stdio) */
	__wasi_filesize_t pos;
	__wasi_errno_t e = __wasi_fd_seek(0, 0, __WASI_WHENCE_CUR, &pos);
	CHECK("fd_seek-stdin-ESPIPE", e == __WASI_ERRNO_SPIPE || e == __WASI_ERRNO_NOTCAPABLE, "errno %d", e);
	__wasi_fdstat_t st;
	EXPECT_OK("fd_fdstat_get-stdout", __wasi_fd_fdstat_get(1, &st));
	CHECK("fd_fdstat_get-stdout-writable", (st.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0, "rights %#llx", (unsigned long long)st.fs_rights_base);

	/* a regular file is always ready for reading and writing */
	int dir = find_preopen("/work");
	__wasi_fd_t fd;
	if (dir >= 0 && popen_raw(dir, "pollfile", __WASI_OFLAGS_CREAT,
			__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_POLL_FD_READWRITE, 0, &fd) == 0) {
		memset(s, 0, sizeof s);
		s[0].userdata = 7;
		s[0].u.tag = __WASI_EVENTTYPE_FD_READ;
		s[0].u.u.fd_read.file_descriptor = fd;
		s[1].userdata = 8;
		s[1].u.tag = __WASI_EVENTTYPE_FD_WRITE;
		s[1].u.u.fd_write.file_descriptor = fd;
		EXPECT_OK("poll_oneoff-file", __wasi_poll_oneoff(s, ev, 2, &n));
		CHECK("poll_oneoff-file-ready", n == 2 && ev[0].error == 0 && ev[1].error == 0, "n %u", (unsigned)n);
		(void)__wasi_fd_close(fd);
		/* a closed descriptor: reported in the event (EBADF) or by the call */
		s[0].u.u.fd_read.file_descriptor = fd;
		e = __wasi_poll_oneoff(s, ev, 1, &n);
		CHECK("poll_oneoff-closed-fd-EBADF", (e == 0 && n == 1 && ev[0].error == __WASI_ERRNO_BADF) || e == __WASI_ERRNO_BADF,
			"errno %d n %u event error %d", e, (unsigned)n, ev[0].error);
	} else fail("poll-file", "no /work preopen or open failed");
	/* absolute deadline 20 ms from now (last: node's uvwasi never wakes up) */
	memset(s, 0, sizeof s);
	s[0].u.tag = __WASI_EVENTTYPE_CLOCK;
	s[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
	s[0].u.u.clock.timeout = mono() + 20000000ULL;
	s[0].u.u.clock.flags = __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME;
	__wasi_timestamp_t deadline = s[0].u.u.clock.timeout;
	EXPECT_OK("poll_oneoff-clock-abstime", __wasi_poll_oneoff(s, ev, 1, &n));
	CHECK("poll_oneoff-clock-abstime-waited", n == 1 && ev[0].type == __WASI_EVENTTYPE_CLOCK && mono() >= deadline, "n %u", (unsigned)n);
	return finish();
}
