/* sock.c: echo server on a preopened listening socket (the first socket
 * descriptor, found with fd_fdstat_get). Accepts one connection, peeks,
 * reads a line, echoes it back, shuts down writing and exits 0.
 * Usage: wasmrun --listen 127.0.0.1:PORT sock.wasm
 * The test side connects, sends "ping\n", expects "ping\n" then EOF. */
#include "check.h"

int main(void) {
	int lfd = -1;
	for (__wasi_fd_t fd = 3; fd < 32; fd++) {
		__wasi_fdstat_t st;
		if (__wasi_fd_fdstat_get(fd, &st) == 0 && st.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM) { lfd = fd; break; }
	}
	CHECK("find-listener", lfd >= 0, "no socket descriptor");
	if (lfd < 0) return finish();
	__wasi_fd_t c, bad;
	__wasi_errno_t e = __wasi_sock_accept(1, 0, &bad);
	CHECK("sock_accept-not-socket-fails", e == __WASI_ERRNO_NOTSOCK || e == __WASI_ERRNO_NOTCAPABLE, "errno %d", e);
	EXPECT_ERR("sock_accept-bad-fd-EBADF", __wasi_sock_accept(1000, 0, &bad), __WASI_ERRNO_BADF);
	EXPECT_OK("sock_accept", __wasi_sock_accept(lfd, 0, &c));
	char buf[64] = {0};
	__wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf - 1};
	__wasi_size_t n = 0;
	__wasi_roflags_t rof = 0;
	/* wait for data, then peek: the same bytes must come again */
	__wasi_subscription_t s = {0};
	__wasi_event_t ev;
	s.u.tag = __WASI_EVENTTYPE_FD_READ;
	s.u.u.fd_read.file_descriptor = c;
	EXPECT_OK("poll_oneoff-socket", __wasi_poll_oneoff(&s, &ev, 1, &n));
	EXPECT_OK("sock_recv-peek", __wasi_sock_recv(c, &iov, 1, __WASI_RIFLAGS_RECV_PEEK, &n, &rof));
	CHECK("sock_recv-peek-data", n > 0 && buf[0] == 'p', "n %u", (unsigned)n);
	size_t total = 0;
	while (total < sizeof buf - 1 && (total == 0 || buf[total - 1] != '\n')) {
		iov.buf = (uint8_t *)buf + total;
		iov.buf_len = sizeof buf - 1 - total;
		e = __wasi_sock_recv(c, &iov, 1, 0, &n, &rof);
		if (e != 0 || n == 0) break;
		total += n;
	}
	CHECK("sock_recv", total == 5 && memcmp(buf, "ping\n", 5) == 0, "got %zu bytes errno %d", total, e);
	__wasi_ciovec_t out = {(const uint8_t *)buf, total};
	EXPECT_OK("sock_send", __wasi_sock_send(c, &out, 1, 0, &n));
	CHECK("sock_send-count", n == total, "sent %u", (unsigned)n);
	EXPECT_OK("sock_shutdown", __wasi_sock_shutdown(c, __WASI_SDFLAGS_WR));
	e = __wasi_sock_shutdown(1, __WASI_SDFLAGS_WR);
	CHECK("sock_shutdown-not-socket-fails", e == __WASI_ERRNO_NOTSOCK || e == __WASI_ERRNO_NOTCAPABLE, "errno %d", e);
	EXPECT_OK("fd_close-socket", __wasi_fd_close(c));
	EXPECT_ERR("sock_send-closed-EBADF", __wasi_sock_send(c, &out, 1, 0, &n), __WASI_ERRNO_BADF);
	EXPECT_ERR("sock_recv-closed-EBADF", __wasi_sock_recv(c, &iov, 1, 0, &n, &rof), __WASI_ERRNO_BADF);
	EXPECT_ERR("sock_shutdown-closed-EBADF", __wasi_sock_shutdown(c, __WASI_SDFLAGS_RD), __WASI_ERRNO_BADF);
	return finish();
}
