/* basics.c: args, environment, clocks, randomness, sched_yield, proc_raise
 * (non-terminating signals) — no files needed.
 * Usage: basics.wasm hello "two words" "" "ünïcode"
 * Env (exactly these three, no --env-inherit): WASI_A=1 WASI_B=x=y WASI_EMPTY= */
#include "check.h"
#include <stdlib.h>
#include <time.h>

__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")))
uint16_t raw_proc_raise(uint32_t sig);

static const char *want_args[] = {"hello", "two words", "", "\xc3\xbc" "n\xc3\xaf" "code"};
static const char *want_env[] = {"WASI_A=1", "WASI_B=x=y", "WASI_EMPTY="};

int main(int argc, char **argv) {
	/* args through libc */
	int good = argc == 5;
	for (int i = 1; good && i < 5; i++) good = strcmp(argv[i], want_args[i - 1]) == 0;
	CHECK("argv-libc", good, "argc %d", argc);
	/* raw args_sizes_get / args_get */
	__wasi_size_t n, size;
	EXPECT_OK("args_sizes_get", __wasi_args_sizes_get(&n, &size));
	size_t want_size = strlen(argv[0]) + 1;
	for (int i = 0; i < 4; i++) want_size += strlen(want_args[i]) + 1;
	CHECK("args_sizes_get-values", n == 5 && size == want_size, "n %u size %u want %zu", (unsigned)n, (unsigned)size, want_size);
	char **av = calloc(n + 1, sizeof *av);
	char *ab = malloc(size);
	EXPECT_OK("args_get", __wasi_args_get((uint8_t **)av, (uint8_t *)ab));
	good = av[0] == ab && av[n] == NULL;
	for (unsigned i = 1; good && i < n; i++) good = strcmp(av[i], want_args[i - 1]) == 0 && av[i] == av[i - 1] + strlen(av[i - 1]) + 1;
	CHECK("args_get-values-contiguous", good, "mismatch");

	/* environment */
	EXPECT_OK("environ_sizes_get", __wasi_environ_sizes_get(&n, &size));
	size_t esize = 0;
	for (int i = 0; i < 3; i++) esize += strlen(want_env[i]) + 1;
	CHECK("environ_sizes_get-values", n == 3 && size == esize, "n %u size %u want 3 %zu", (unsigned)n, (unsigned)size, esize);
	char **ev = calloc(n + 1, sizeof *ev);
	char *eb = malloc(size ? size : 1);
	EXPECT_OK("environ_get", __wasi_environ_get((uint8_t **)ev, (uint8_t *)eb));
	good = 1;
	for (unsigned i = 0; i < n && i < 3; i++) {
		int found = 0;
		for (int j = 0; j < 3; j++) found |= strcmp(ev[i], want_env[j]) == 0;
		good &= found;
	}
	CHECK("environ_get-values", good && n == 3, "n %u", (unsigned)n);
	const char *b = getenv("WASI_B"), *e = getenv("WASI_EMPTY");
	CHECK("getenv-libc", b && strcmp(b, "x=y") == 0 && e && *e == 0 && getenv("PATH") == NULL, "WASI_B=%s", b ? b : "(null)");

	/* clocks */
	static const __wasi_clockid_t ids[] = {__WASI_CLOCKID_REALTIME, __WASI_CLOCKID_MONOTONIC,
		__WASI_CLOCKID_PROCESS_CPUTIME_ID, __WASI_CLOCKID_THREAD_CPUTIME_ID};
	static const char *names[] = {"realtime", "monotonic", "process-cputime", "thread-cputime"};
	for (int i = 0; i < 4; i++) {
		char nm[64];
		__wasi_timestamp_t res = 0, t = 0;
		snprintf(nm, sizeof nm, "clock_res_get-%s", names[i]);
		__wasi_errno_t err = __wasi_clock_res_get(ids[i], &res);
		CHECK(nm, err == 0 && res > 0 && res <= 1000000000ULL, "errno %d res %llu", err, (unsigned long long)res);
		snprintf(nm, sizeof nm, "clock_time_get-%s", names[i]);
		err = __wasi_clock_time_get(ids[i], 1, &t);
		CHECK(nm, err == 0, "errno %d", err);
	}
	__wasi_timestamp_t rt;
	__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &rt);
	CHECK("clock_time_get-realtime-plausible", rt > 1577836800000000000ULL && rt < 4102444800000000000ULL, "t %llu", (unsigned long long)rt);
	__wasi_timestamp_t m1, m2, c1, c2;
	__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &m1);
	__wasi_clock_time_get(__WASI_CLOCKID_PROCESS_CPUTIME_ID, 1, &c1);
	volatile uint64_t x = 0; (void)x;
	for (uint64_t i = 0; i < 30000000; i++) x += i * i;
	__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &m2);
	__wasi_clock_time_get(__WASI_CLOCKID_PROCESS_CPUTIME_ID, 1, &c2);
	CHECK("clock_time_get-monotonic-advances", m2 > m1, "%llu -> %llu", (unsigned long long)m1, (unsigned long long)m2);
	CHECK("clock_time_get-cputime-advances", c2 > c1, "%llu -> %llu", (unsigned long long)c1, (unsigned long long)c2);
	__wasi_timestamp_t bad;
	EXPECT_ERR("clock_time_get-bad-id-EINVAL", __wasi_clock_time_get(99, 1, &bad), __WASI_ERRNO_INVAL);
	EXPECT_ERR("clock_res_get-bad-id-EINVAL", __wasi_clock_res_get(99, &bad), __WASI_ERRNO_INVAL);
	struct timespec ts;
	CHECK("clock_gettime-libc", clock_gettime(CLOCK_REALTIME, &ts) == 0 && ts.tv_sec > 1577836800, "sec %lld", (long long)ts.tv_sec);

	/* random_get */
	uint8_t r1[64] = {0}, r2[64] = {0};
	EXPECT_OK("random_get", __wasi_random_get(r1, sizeof r1));
	EXPECT_OK("random_get-again", __wasi_random_get(r2, sizeof r2));
	int nz = 0;
	for (int i = 0; i < 64; i++) nz += r1[i] != 0;
	CHECK("random_get-not-zero", nz > 32, "%d nonzero bytes", nz);
	CHECK("random_get-differs", memcmp(r1, r2, 64) != 0, "two draws equal");
	EXPECT_OK("random_get-empty", __wasi_random_get(r1, 0));

	/* sched_yield */
	EXPECT_OK("sched_yield", __wasi_sched_yield());

	/* proc_raise: signal 0 (none) does nothing; an invalid number is EINVAL.
	 * The terminating case is raise.wasm. */
	EXPECT_OK("proc_raise-none", raw_proc_raise(0));
	EXPECT_ERR("proc_raise-invalid-EINVAL", raw_proc_raise(200), __WASI_ERRNO_INVAL);
	return finish();
}
