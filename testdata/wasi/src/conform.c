/* conform.c: behaviours where WASI preview 1 (as the reference runtime
 * implements it) differs from POSIX, inside the preopened directory /work
 * (an empty host directory). With the argument "redirected", stdin, stdout
 * and stderr must not be terminals.
 * Usage: conform.wasm [redirected]   (preopen: --dir {tmp}/work::/work) */
#include "check.h"
#include <unistd.h>

#define R_FILE (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK | \
	__WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_FILESTAT_GET)
#define R_DIR_READ (__WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_FD_FILESTAT_GET | \
	__WASI_RIGHTS_PATH_FILESTAT_GET | __WASI_RIGHTS_FD_READ)
/* The rights Go's wasip1 runtime counts as write rights. */
#define R_GO_WRITE (__WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_ALLOCATE | \
	__WASI_RIGHTS_PATH_FILESTAT_SET_SIZE)

static int dir;

static int is(__wasi_errno_t e, __wasi_errno_t a, __wasi_errno_t b, __wasi_errno_t c) {
	return e == a || e == b || e == c;
}

static void put(const char *path, const char *content) {
	__wasi_fd_t fd;
	if (popen_raw(dir, path, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, R_FILE, 0, &fd) != 0) {
		fail("setup", "create %s", path);
		return;
	}
	if (write_str(fd, content) != 0) fail("setup", "write %s", path);
	__wasi_fd_close(fd);
}

/* size returns the size of path under the preopen, or -1. */
static long long size(const char *path) {
	__wasi_filestat_t st;
	if (__wasi_path_filestat_get(dir, 0, path, &st) != 0) return -1;
	return (long long)st.size;
}

static void test_sock_on_non_socket(void) {
	EXPECT_ERR("sock_shutdown-stdout-ENOTSOCK", __wasi_sock_shutdown(1, __WASI_SDFLAGS_WR), __WASI_ERRNO_NOTSOCK);
	EXPECT_ERR("sock_shutdown-stdin-ENOTSOCK", __wasi_sock_shutdown(0, __WASI_SDFLAGS_RD | __WASI_SDFLAGS_WR), __WASI_ERRNO_NOTSOCK);
	EXPECT_ERR("sock_shutdown-dir-ENOTSOCK", __wasi_sock_shutdown(dir, __WASI_SDFLAGS_WR), __WASI_ERRNO_NOTSOCK);
	__wasi_fd_t f;
	put("sockfile", "x");
	if (popen_raw(dir, "sockfile", 0, R_FILE, 0, &f) == 0) {
		EXPECT_ERR("sock_shutdown-file-ENOTSOCK", __wasi_sock_shutdown(f, __WASI_SDFLAGS_WR), __WASI_ERRNO_NOTSOCK);
		char b[4];
		__wasi_iovec_t iov = {(uint8_t *)b, sizeof b};
		__wasi_size_t n;
		__wasi_roflags_t rf;
		EXPECT_ERR("sock_recv-file-ENOTSOCK", __wasi_sock_recv(f, &iov, 1, 0, &n, &rf), __WASI_ERRNO_NOTSOCK);
		__wasi_ciovec_t ciov = {(const uint8_t *)b, 1};
		EXPECT_ERR("sock_send-file-ENOTSOCK", __wasi_sock_send(f, &ciov, 1, 0, &n), __WASI_ERRNO_NOTSOCK);
		__wasi_fd_close(f);
	}
	__wasi_fd_t c;
	EXPECT_ERR("sock_accept-stdout-ENOTSOCK", __wasi_sock_accept(1, 0, &c), __WASI_ERRNO_NOTSOCK);
	EXPECT_ERR("sock_shutdown-unopened-EBADF", __wasi_sock_shutdown(1000, __WASI_SDFLAGS_WR), __WASI_ERRNO_BADF);
}

static void test_prestat_short_buffer(void) {
	__wasi_prestat_t ps;
	if (__wasi_fd_prestat_get(dir, &ps) != 0) { fail("prestat", "fd_prestat_get"); return; }
	size_t n = ps.u.dir.pr_name_len;
	char buf[64];
	memset(buf, 0, sizeof buf);
	__wasi_errno_t e = __wasi_fd_prestat_dir_name(dir, (uint8_t *)buf, 0);
	CHECK("fd_prestat_dir_name-len0-refused", e == __WASI_ERRNO_INVAL || e == __WASI_ERRNO_NAMETOOLONG, "errno %d", e);
	e = __wasi_fd_prestat_dir_name(dir, (uint8_t *)buf, n - 1);
	CHECK("fd_prestat_dir_name-short-refused", e == __WASI_ERRNO_INVAL || e == __WASI_ERRNO_NAMETOOLONG, "errno %d", e);
	CHECK("fd_prestat_dir_name-short-writes-nothing", buf[0] == 0, "wrote %.5s", buf);
	EXPECT_OK("fd_prestat_dir_name-longer-buffer", __wasi_fd_prestat_dir_name(dir, (uint8_t *)buf, sizeof buf));
	CHECK("fd_prestat_dir_name-longer-value", memcmp(buf, "/work", 5) == 0 && n == 5, "got %.*s", (int)n, buf);
}

static void no_offset(const char *what, __wasi_fd_t fd) {
	char nm[96];
	__wasi_fdstat_t st;
	__wasi_fd_fdstat_get(fd, &st);
	snprintf(nm, sizeof nm, "dir-%s-no-seek-tell-rights", what);
	CHECK(nm, (st.fs_rights_base & (__WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL)) == 0,
		"rights %#llx", (unsigned long long)st.fs_rights_base);
	static const __wasi_whence_t wh[] = {__WASI_WHENCE_SET, __WASI_WHENCE_CUR, __WASI_WHENCE_END};
	static const char *const whn[] = {"set", "cur", "end"};
	for (int i = 0; i < 3; i++) {
		__wasi_filesize_t pos = 12345;
		__wasi_errno_t e = __wasi_fd_seek(fd, 0, wh[i], &pos);
		snprintf(nm, sizeof nm, "fd_seek-dir-%s-%s-fails", what, whn[i]);
		CHECK(nm, is(e, __WASI_ERRNO_ISDIR, __WASI_ERRNO_BADF, __WASI_ERRNO_NOTCAPABLE), "errno %d pos %llu", e, (unsigned long long)pos);
	}
	__wasi_filesize_t pos;
	__wasi_errno_t e = __wasi_fd_tell(fd, &pos);
	snprintf(nm, sizeof nm, "fd_tell-dir-%s-fails", what);
	CHECK(nm, is(e, __WASI_ERRNO_ISDIR, __WASI_ERRNO_BADF, __WASI_ERRNO_NOTCAPABLE), "errno %d", e);
	/* POSIX lseek on a directory returns 0; through wasi-libc it fails. */
	snprintf(nm, sizeof nm, "lseek-dir-%s-fails", what);
	CHECK(nm, lseek(fd, 0, SEEK_SET) == -1, "lseek succeeded");
}

static void test_directory_offsets(void) {
	__wasi_path_create_directory(dir, "sub");
	no_offset("preopen", dir);
	__wasi_fd_t d;
	if (popen_raw(dir, "sub", __WASI_OFLAGS_DIRECTORY, R_DIR_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL, 0, &d) != 0) {
		fail("dir-open", "open sub");
		return;
	}
	no_offset("opened", d);
	__wasi_fd_close(d);
}

static void test_open_dir_for_write(void) {
	__wasi_fd_t d;
	EXPECT_ERR("path_open-dir-O_DIRECTORY-rw-EISDIR",
		popen_raw(dir, "sub", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, &d), __WASI_ERRNO_ISDIR);
	EXPECT_ERR("path_open-dir-rw-EISDIR",
		popen_raw(dir, "sub", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, &d), __WASI_ERRNO_ISDIR);
	EXPECT_ERR("path_open-dir-write-only-EISDIR",
		popen_raw(dir, "sub", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_WRITE, 0, &d), __WASI_ERRNO_ISDIR);
	__wasi_errno_t e = popen_raw(dir, "sub", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR, 0, &d);
	EXPECT_OK("path_open-dir-O_DIRECTORY-read-only", e);
	if (e == 0) __wasi_fd_close(d);
}

/* open_sub opens /work/sub as a fresh directory descriptor with every
 * right the preopen hands down. */
static __wasi_fd_t open_sub(void) {
	__wasi_fdstat_t st;
	__wasi_fd_fdstat_get(dir, &st);
	__wasi_fd_t d = (__wasi_fd_t)-1;
	if (popen_raw(dir, "sub", __WASI_OFLAGS_DIRECTORY, st.fs_rights_inheriting & ~(__wasi_rights_t)__WASI_RIGHTS_FD_WRITE, 0, &d) != 0)
		fail("truncate-setup", "open sub");
	__wasi_fd_fdstat_get(d, &st);
	return d;
}

static void drop(__wasi_fd_t d, __wasi_rights_t base, __wasi_rights_t inh, const char *name) {
	__wasi_fdstat_t st;
	__wasi_fd_fdstat_get(d, &st);
	EXPECT_OK(name, __wasi_fd_fdstat_set_rights(d, st.fs_rights_base & ~base, st.fs_rights_inheriting & ~inh));
}

static void test_truncation(void) {
	__wasi_fd_t f;
	__wasi_errno_t e;
	put("sub/t", "data");
	__wasi_fd_t d = open_sub();
	__wasi_fdstat_t st;
	__wasi_fd_fdstat_get(d, &st);
	CHECK("truncate-dir-has-path_filestat_set_size", (st.fs_rights_base & __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE) != 0,
		"rights %#llx", (unsigned long long)st.fs_rights_base);
	CHECK("truncate-dir-lacks-fd_filestat_set_size", (st.fs_rights_base & __WASI_RIGHTS_FD_FILESTAT_SET_SIZE) == 0,
		"rights %#llx", (unsigned long long)st.fs_rights_base);
	e = __wasi_path_open(d, 0, "t", __WASI_OFLAGS_TRUNC, 0, 0, 0, &f);
	EXPECT_OK("path_open-trunc-no-rights", e);
	if (e == 0) __wasi_fd_close(f);
	CHECK("path_open-trunc-truncates", size("sub/t") == 0, "size %lld", size("sub/t"));

	/* Without FD_WRITE (base and inheriting) truncation still works: it is
	 * PATH_FILESTAT_SET_SIZE's. */
	put("sub/t", "data");
	drop(d, __WASI_RIGHTS_FD_WRITE, __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE, "drop-fd_write");
	e = __wasi_path_open(d, 0, "t", __WASI_OFLAGS_TRUNC, 0, 0, 0, &f);
	EXPECT_OK("path_open-trunc-without-fd_write", e);
	if (e == 0) __wasi_fd_close(f);
	CHECK("path_open-trunc-without-fd_write-truncates", size("sub/t") == 0, "size %lld", size("sub/t"));

	/* Dropping PATH_FILESTAT_SET_SIZE forbids it. */
	put("sub/t", "data");
	drop(d, __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE, __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE, "drop-path_filestat_set_size");
	__wasi_fd_fdstat_get(d, &st);
	CHECK("drop-path_filestat_set_size-visible", (st.fs_rights_base & __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE) == 0,
		"rights %#llx", (unsigned long long)st.fs_rights_base);
	e = __wasi_path_open(d, 0, "t", __WASI_OFLAGS_TRUNC, 0, 0, 0, &f);
	CHECK("path_open-trunc-dropped-ENOTCAPABLE", e == __WASI_ERRNO_NOTCAPABLE || e == __WASI_ERRNO_PERM, "errno %d", e);
	if (e == 0) __wasi_fd_close(f);
	CHECK("path_open-trunc-dropped-keeps-data", size("sub/t") == 4, "size %lld", size("sub/t"));
	/* ...for a directory opened through it too. */
	__wasi_fd_t dd;
	e = popen_raw(d, ".", __WASI_OFLAGS_DIRECTORY, R_DIR_READ, 0, &dd);
	if (e == 0) {
		e = __wasi_path_open(dd, 0, "t", __WASI_OFLAGS_TRUNC, 0, 0, 0, &f);
		CHECK("path_open-trunc-inherited-drop-ENOTCAPABLE", e == __WASI_ERRNO_NOTCAPABLE || e == __WASI_ERRNO_PERM, "errno %d", e);
		if (e == 0) __wasi_fd_close(f);
		__wasi_fd_close(dd);
	}
	__wasi_fd_close(d);

	/* Read-only O_TRUNC after all of Go's write rights were dropped must
	 * not truncate (Linux truncates on O_RDONLY|O_TRUNC). */
	d = open_sub();
	drop(d, R_GO_WRITE, R_GO_WRITE, "drop-write-rights");
	e = __wasi_path_open(d, 0, "t", __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_READ, 0, 0, &f);
	CHECK("path_open-trunc-read-only-refused", e != 0, "opened");
	if (e == 0) __wasi_fd_close(f);
	CHECK("path_open-trunc-read-only-keeps-data", size("sub/t") == 4, "size %lld", size("sub/t"));
	__wasi_fd_close(d);

	/* A directory opened without PATH_FILESTAT_SET_SIZE (as Go's runtime
	 * opens read-only directories, never dropping rights) truncates. */
	e = popen_raw(dir, "sub", __WASI_OFLAGS_DIRECTORY, R_DIR_READ | __WASI_RIGHTS_PATH_CREATE_FILE, 0, &d);
	if (e == 0) {
		e = __wasi_path_open(d, 0, "t", __WASI_OFLAGS_TRUNC | __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0, 0, &f);
		EXPECT_OK("path_open-trunc-not-requested-allowed", e);
		if (e == 0) __wasi_fd_close(f);
		CHECK("path_open-trunc-not-requested-truncates", size("sub/t") == 0, "size %lld", size("sub/t"));
		__wasi_fd_close(d);
	} else {
		fail("path_open-trunc-not-requested-allowed", "open sub: errno %d", e);
	}
}

/* readdir_ino looks name up in fd's listing; 0 when absent. */
static __wasi_inode_t readdir_ino(__wasi_fd_t fd, const char *name, int *zero) {
	static uint8_t buf[4096];
	__wasi_size_t used = 0;
	__wasi_inode_t found = 0;
	if (__wasi_fd_readdir(fd, buf, sizeof buf, 0, &used) != 0) return 0;
	for (size_t off = 0; off + sizeof(__wasi_dirent_t) <= used;) {
		__wasi_dirent_t de;
		memcpy(&de, buf + off, sizeof de);
		const char *nm = (const char *)buf + off + sizeof de;
		if (de.d_ino == 0) (*zero)++;
		if (strlen(name) == de.d_namlen && memcmp(nm, name, de.d_namlen) == 0) found = de.d_ino;
		off += sizeof de + de.d_namlen;
	}
	return found;
}

static void test_readdir_inodes(void) {
	put("sub/f", "x");
	__wasi_filestat_t self, sub, f;
	__wasi_fd_filestat_get(dir, &self);
	__wasi_path_filestat_get(dir, 0, "sub", &sub);
	__wasi_path_filestat_get(dir, 0, "sub/f", &f);
	int zero = 0;
	CHECK("fd_readdir-preopen-dot-ino", readdir_ino(dir, ".", &zero) == self.ino, "ino differs");
	CHECK("fd_readdir-preopen-dotdot-is-own-ino", readdir_ino(dir, "..", &zero) == self.ino, "ino differs");
	CHECK("fd_readdir-preopen-entry-ino", readdir_ino(dir, "sub", &zero) == sub.ino, "ino differs");
	__wasi_fd_t d;
	if (popen_raw(dir, "sub", __WASI_OFLAGS_DIRECTORY, R_DIR_READ, 0, &d) == 0) {
		CHECK("fd_readdir-sub-dot-ino", readdir_ino(d, ".", &zero) == sub.ino, "ino differs");
		CHECK("fd_readdir-sub-dotdot-is-parent-ino", readdir_ino(d, "..", &zero) == self.ino, "ino differs");
		CHECK("fd_readdir-sub-entry-ino", readdir_ino(d, "f", &zero) == f.ino, "ino differs");
		__wasi_fd_close(d);
	}
	if (popen_raw(dir, ".", __WASI_OFLAGS_DIRECTORY, R_DIR_READ, 0, &d) == 0) {
		CHECK("fd_readdir-dot-opened-dotdot-is-own-ino", readdir_ino(d, "..", &zero) == self.ino, "ino differs");
		__wasi_fd_close(d);
	}
	CHECK("fd_readdir-no-zero-inodes", zero == 0, "%d entries with inode 0", zero);
}

static void test_stdio_types(int redirected) {
	static const char *const names[] = {"stdin", "stdout", "stderr"};
	for (int fd = 0; fd < 3; fd++) {
		char nm[64];
		__wasi_fdstat_t st;
		__wasi_errno_t e = __wasi_fd_fdstat_get(fd, &st);
		snprintf(nm, sizeof nm, "fd_fdstat_get-%s", names[fd]);
		EXPECT_OK(nm, e);
		int tty = isatty(fd);
		printf("note %s filetype %d isatty %d\n", names[fd], st.fs_filetype, tty);
		snprintf(nm, sizeof nm, "isatty-%s-iff-character-device", names[fd]);
		CHECK(nm, tty == (st.fs_filetype == __WASI_FILETYPE_CHARACTER_DEVICE), "isatty %d filetype %d", tty, st.fs_filetype);
		if (redirected) {
			snprintf(nm, sizeof nm, "%s-redirected-not-a-tty", names[fd]);
			CHECK(nm, !tty && st.fs_filetype != __WASI_FILETYPE_CHARACTER_DEVICE, "filetype %d", st.fs_filetype);
		}
	}
}

static volatile uint64_t spin;

static void test_cpu_clocks_monotonic(void) {
	static const __wasi_clockid_t ids[] = {__WASI_CLOCKID_PROCESS_CPUTIME_ID, __WASI_CLOCKID_THREAD_CPUTIME_ID, __WASI_CLOCKID_MONOTONIC};
	static const char *const names[] = {"process", "thread", "monotonic"};
	for (int i = 0; i < 3; i++) {
		__wasi_timestamp_t first = 0, prev = 0, t = 0;
		int back = 0;
		for (int k = 0; k < 20000; k++) {
			if (__wasi_clock_time_get(ids[i], 1, &t) != 0) { back = -1; break; }
			if (k == 0) first = t;
			else if (t < prev) back++;
			prev = t;
			for (int j = 0; j < 50; j++) spin += (uint64_t)j * k;
		}
		char nm[64];
		snprintf(nm, sizeof nm, "clock-%s-never-goes-back", names[i]);
		CHECK(nm, back == 0, "%d readings went back", back);
		snprintf(nm, sizeof nm, "clock-%s-advances", names[i]);
		CHECK(nm, prev > first, "%llu -> %llu", (unsigned long long)first, (unsigned long long)prev);
	}
}

int main(int argc, char **argv) {
	dir = find_preopen("/work");
	if (dir < 0) {
		fail("find-preopen", "/work not found");
		return finish();
	}
	test_sock_on_non_socket();
	test_prestat_short_buffer();
	test_directory_offsets();
	test_open_dir_for_write();
	test_truncation();
	test_readdir_inodes();
	test_stdio_types(argc > 1 && strcmp(argv[1], "redirected") == 0);
	test_cpu_clocks_monotonic();
	return finish();
}
