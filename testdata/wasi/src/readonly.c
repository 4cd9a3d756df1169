/* readonly.c: every modification under a read-only preopen fails; reads
 * work. Usage: readonly.wasm  (preopen --dir {tmp}/ro::/ro:ro holding
 * existing.txt = "data\n" and the empty directory sub). Prints the errno. */
#include "check.h"

static int dir;
#define RD (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_FILESTAT_GET)
#define WR (__WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES | \
	__WASI_RIGHTS_FD_ALLOCATE)

static void refused(const char *name, __wasi_errno_t e) {
	char nm[96];
	snprintf(nm, sizeof nm, "ro-%s-refused", name);
	if (e != 0) printf("ok %s errno=%d\n", nm, e);
	else fail(nm, "operation succeeded");
}

int main(void) {
	dir = find_preopen("/ro");
	if (dir < 0) { fail("find-preopen", "no /ro"); return finish(); }
	__wasi_fd_t fd;
	EXPECT_OK("ro-open-read", __wasi_path_open(dir, 0, "existing.txt", 0, RD, 0, 0, &fd));
	char buf[16] = {0};
	__wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf - 1};
	__wasi_size_t n = 0;
	EXPECT_OK("ro-read", __wasi_fd_read(fd, &iov, 1, &n));
	CHECK("ro-read-content", strcmp(buf, "data\n") == 0, "got %s", buf);
	(void)__wasi_fd_close(fd);
	__wasi_filestat_t st;
	EXPECT_OK("ro-stat", __wasi_path_filestat_get(dir, 0, "existing.txt", &st));

	refused("create", __wasi_path_open(dir, 0, "new.txt", __WASI_OFLAGS_CREAT, RD | WR, 0, 0, &fd));
	refused("trunc", __wasi_path_open(dir, 0, "existing.txt", __WASI_OFLAGS_TRUNC, RD | WR, 0, 0, &fd));
	/* opening with write rights must fail, or if it opens, writes must fail */
	__wasi_errno_t e = __wasi_path_open(dir, 0, "existing.txt", 0, RD | WR, 0, 0, &fd);
	if (e != 0) {
		refused("open-for-write", e);
		e = __wasi_path_open(dir, 0, "existing.txt", 0, RD, 0, 0, &fd);
	}
	if (e == 0) {
		__wasi_ciovec_t w = {(const uint8_t *)"X", 1};
		refused("fd_write", __wasi_fd_write(fd, &w, 1, &n));
		refused("fd_pwrite", __wasi_fd_pwrite(fd, &w, 1, 0, &n));
		refused("fd_filestat_set_size", __wasi_fd_filestat_set_size(fd, 0));
		refused("fd_filestat_set_times", __wasi_fd_filestat_set_times(fd, 1, 1, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
		refused("fd_allocate", __wasi_fd_allocate(fd, 0, 100));
		(void)__wasi_fd_close(fd);
	}
	refused("path_create_directory", __wasi_path_create_directory(dir, "newdir"));
	refused("path_remove_directory", __wasi_path_remove_directory(dir, "sub"));
	refused("path_unlink_file", __wasi_path_unlink_file(dir, "existing.txt"));
	refused("path_rename", __wasi_path_rename(dir, "existing.txt", dir, "renamed.txt"));
	refused("path_symlink", __wasi_path_symlink("existing.txt", dir, "link"));
	refused("path_link", __wasi_path_link(dir, 0, "existing.txt", dir, "hard"));
	refused("path_filestat_set_times", __wasi_path_filestat_set_times(dir, 0, "existing.txt", 1, 1,
		__WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
	return finish();
}
