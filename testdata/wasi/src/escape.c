/* escape.c: tries to reach <tmp>/secret.txt, which lies outside the only
 * preopen /sandbox (= <tmp>/sandbox). Every attempt must be refused.
 * Usage: escape.wasm REL ABS
 *   REL: name (inside /sandbox) of a pre-existing symlink -> ../secret.txt
 *   ABS: name of a pre-existing symlink -> <tmp>/secret.txt (absolute host path)
 * The sandbox also holds inside.txt ("inside\n"). Prints
 * "ok escape-<name>-refused" or "FAIL escape-<name>: ..." per attempt. */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int dir;
#define RD (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_FILESTAT_GET)

static void refused(const char *name, int failed, const char *detail) {
	char nm[96];
	snprintf(nm, sizeof nm, "escape-%s-refused", name);
	if (failed) ok(nm);
	else fail(nm, "operation succeeded (%s)", detail);
}

/* try_open opens path under dir (following symlinks unless nofollow) and,
 * if that works, reads it; refused when the open fails or yields nothing
 * of the secret. */
static void try_open(const char *name, const char *path, int follow) {
	__wasi_fd_t fd;
	__wasi_errno_t e = __wasi_path_open(dir, follow ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0, path, 0, RD, RD, 0, &fd);
	if (e != 0) { printf("note %s: errno %d\n", name, e); refused(name, 1, ""); return; }
	char buf[64] = {0};
	__wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf - 1};
	__wasi_size_t n = 0;
	(void)__wasi_fd_read(fd, &iov, 1, &n);
	(void)__wasi_fd_close(fd);
	refused(name, strstr(buf, "SECRET") == NULL && strstr(buf, "root:") == NULL, buf);
}

static void try_libc_open(const char *name, const char *path) {
	int fd = open(path, O_RDONLY);
	if (fd < 0) { printf("note %s: errno %d\n", name, errno); refused(name, 1, ""); return; }
	char buf[64] = {0};
	ssize_t n = read(fd, buf, sizeof buf - 1);
	(void)n;
	close(fd);
	refused(name, strstr(buf, "SECRET") == NULL && strstr(buf, "root:") == NULL, buf);
}

int main(int argc, char **argv) {
	if (argc != 3) { fail("usage", "escape.wasm REL ABS"); return finish(); }
	dir = find_preopen("/sandbox");
	if (dir < 0) { fail("find-preopen", "no /sandbox"); return finish(); }
	/* control: the sandbox itself works */
	try_open("control-inside", "inside.txt", 1);

	try_open("dotdot", "../secret.txt", 1);
	try_open("absolute", "/secret.txt", 1);
	try_open("absolute-sandbox-dotdot", "/sandbox/../secret.txt", 1);
	try_open("dir-then-dotdot", "sub/../../secret.txt", 1);
	try_open("dotdot-dir", "..", 1);
	try_libc_open("libc-dotdot", "/sandbox/../secret.txt");
	try_libc_open("libc-absolute", "/secret.txt");
	try_libc_open("libc-relative", "../secret.txt");
	try_open("rel-symlink", argv[1], 1);
	try_open("abs-symlink", argv[2], 1);
	char p[128];
	snprintf(p, sizeof p, "/sandbox/%s", argv[1]);
	try_libc_open("libc-rel-symlink", p);
	snprintf(p, sizeof p, "/sandbox/%s", argv[2]);
	try_libc_open("libc-abs-symlink", p);

	/* symlinks made by the guest: creating them may succeed (a symlink is
	 * just text), following them must not leave the sandbox */
	(void)__wasi_path_symlink("../secret.txt", dir, "own-dotdot");
	try_open("own-symlink-dotdot", "own-dotdot", 1);
	(void)__wasi_path_symlink("/etc/passwd", dir, "own-passwd");
	try_open("own-symlink-etc-passwd", "own-passwd", 1);
	(void)__wasi_path_symlink("..", dir, "own-up");
	try_open("own-symlink-up", "own-up/secret.txt", 1);
	(void)__wasi_path_symlink("sub/../..", dir, "own-up2");
	try_open("own-symlink-sub-up", "own-up2/secret.txt", 1);
	(void)__wasi_path_symlink("loop2", dir, "loop1");
	(void)__wasi_path_symlink("loop1", dir, "loop2");
	{
		__wasi_fd_t fd;
		__wasi_errno_t e = __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "loop1", 0, RD, RD, 0, &fd);
		CHECK("escape-symlink-loop-refused", e == __WASI_ERRNO_LOOP, "errno %d (want ELOOP)", e);
	}
	__wasi_errno_t e = __wasi_path_symlink("inside.txt", dir, "../outlink");
	refused("symlink-created-outside", e != 0, "created ../outlink");

	/* readlink that points out, then open through it */
	char lb[64] = {0};
	__wasi_size_t n = 0;
	e = __wasi_path_readlink(dir, argv[1], (uint8_t *)lb, sizeof lb - 1, &n);
	CHECK("escape-readlink-reads-text", e == 0 && strcmp(lb, "../secret.txt") == 0, "errno %d got %s", e, lb);
	try_open("readlink-then-open", lb, 1);

	/* hard links */
	e = __wasi_path_link(dir, 0, "../secret.txt", dir, "hl");
	refused("link-dotdot", e != 0, "linked ../secret.txt");
	e = __wasi_path_link(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, argv[1], dir, "hl2");
	if (e == 0) try_open("link-follow-rel-symlink", "hl2", 0);
	else refused("link-follow-rel-symlink", 1, "");
	e = __wasi_path_link(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, argv[2], dir, "hl3");
	if (e == 0) try_open("link-follow-abs-symlink", "hl3", 0);
	else refused("link-follow-abs-symlink", 1, "");
	e = __wasi_path_link(dir, 0, "inside.txt", dir, "../hl-out");
	refused("link-to-outside", e != 0, "linked to ../hl-out");

	/* renames */
	e = __wasi_path_rename(dir, "../secret.txt", dir, "stolen.txt");
	refused("rename-in", e != 0, "renamed ../secret.txt in");
	e = __wasi_path_rename(dir, "inside.txt", dir, "../out.txt");
	refused("rename-out", e != 0, "renamed inside.txt out");
	e = __wasi_path_rename(dir, argv[1], dir, "../moved-link");
	refused("rename-symlink-out", e != 0, "renamed link out");

	/* creation, removal, metadata */
	__wasi_fd_t fd;
	e = __wasi_path_open(dir, 0, "../new.txt", __WASI_OFLAGS_CREAT, RD | __WASI_RIGHTS_FD_WRITE, 0, 0, &fd);
	refused("create-dotdot", e != 0, "created ../new.txt");
	e = __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "own-up/new2.txt", __WASI_OFLAGS_CREAT, RD | __WASI_RIGHTS_FD_WRITE, 0, 0, &fd);
	refused("create-through-symlink", e != 0, "created own-up/new2.txt");
	e = __wasi_path_create_directory(dir, "../newdir");
	refused("mkdir-dotdot", e != 0, "created ../newdir");
	e = __wasi_path_unlink_file(dir, "../secret.txt");
	refused("unlink-dotdot", e != 0, "unlinked ../secret.txt");
	e = __wasi_path_remove_directory(dir, "../secret.txt");
	refused("rmdir-dotdot-file", e != 0, "rmdir ../secret.txt");
	e = __wasi_path_remove_directory(dir, "../sandbox");
	refused("rmdir-sandbox-via-dotdot", e != 0, "rmdir ../sandbox");
	__wasi_filestat_t st;
	e = __wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "../secret.txt", &st);
	refused("stat-dotdot", e != 0, "stat ../secret.txt");
	e = __wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, argv[1], &st);
	refused("stat-follow-rel-symlink", e != 0 || st.filetype != __WASI_FILETYPE_REGULAR_FILE, "stat through link");
	e = __wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, argv[2], &st);
	refused("stat-follow-abs-symlink", e != 0 || st.filetype != __WASI_FILETYPE_REGULAR_FILE, "stat through link");
	e = __wasi_path_filestat_set_times(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "../secret.txt", 0, 0, __WASI_FSTFLAGS_MTIM_NOW);
	refused("set-times-dotdot", e != 0, "touched ../secret.txt");
	e = __wasi_path_filestat_set_times(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, argv[1], 0, 0, __WASI_FSTFLAGS_MTIM_NOW);
	refused("set-times-follow-rel-symlink", e != 0, "touched through link");
	return finish();
}
