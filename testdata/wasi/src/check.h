/* check.h: tiny reporting helpers shared by the C test programs.
 * Every check prints "ok <name>" or "FAIL <name>: detail"; finish() returns
 * the exit status (0 only when no check failed). */
#ifndef WASI_TEST_CHECK_H
#define WASI_TEST_CHECK_H
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <wasi/api.h>

static int failures;

static void ok(const char *name) { printf("ok %s\n", name); fflush(stdout); }

static void fail(const char *name, const char *fmt, ...) {
	va_list ap;
	failures++;
	printf("FAIL %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* check reports cond under name, with detail on failure. */
#define CHECK(name, cond, ...) \
	do { if (cond) ok(name); else fail(name, __VA_ARGS__); } while (0)

/* EXPECT_ERR checks that a raw WASI call returned the errno want. */
#define EXPECT_ERR(name, call, want) \
	do { __wasi_errno_t e_ = (call); \
		if (e_ == (want)) ok(name); \
		else fail(name, "got errno %d, want %d (%s:%d)", e_, (want), __FILE__, __LINE__); } while (0)

/* EXPECT_OK checks that a raw WASI call succeeded. */
#define EXPECT_OK(name, call) EXPECT_ERR(name, call, __WASI_ERRNO_SUCCESS)

static int finish(void) {
	printf("%s: %d failure(s)\n", failures ? "FAILED" : "PASSED", failures);
	fflush(stdout);
	return failures ? 1 : 0;
}

/* find_preopen returns the descriptor of the preopened directory named
 * name, or -1. It uses fd_prestat_get/fd_prestat_dir_name. */
static int find_preopen(const char *name) {
	for (__wasi_fd_t fd = 3; fd < 64; fd++) {
		__wasi_prestat_t ps;
		__wasi_errno_t e = __wasi_fd_prestat_get(fd, &ps);
		if (e == __WASI_ERRNO_BADF) break;
		if (e != 0 || ps.tag != __WASI_PREOPENTYPE_DIR) continue;
		char buf[256];
		size_t n = ps.u.dir.pr_name_len;
		if (n >= sizeof buf) continue;
		if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)buf, n) != 0) continue;
		buf[n] = 0;
		if (strcmp(buf, name) == 0) return (int)fd;
	}
	return -1;
}

/* popen_raw opens path under dirfd with the given oflags, rights, fdflags. */
static __wasi_errno_t popen_raw(int dirfd, const char *path, __wasi_oflags_t of,
		__wasi_rights_t base, __wasi_fdflags_t ff, __wasi_fd_t *out) {
	return __wasi_path_open(dirfd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, of, base, base, ff, out);
}

/* write_all writes s to fd with fd_write. */
static __wasi_errno_t write_str(__wasi_fd_t fd, const char *s) {
	__wasi_ciovec_t iov = {(const uint8_t *)s, strlen(s)};
	__wasi_size_t n;
	return __wasi_fd_write(fd, &iov, 1, &n);
}

#define RIGHTS_ALL ((__wasi_rights_t)0x3fffffff)
#endif
