// sort: memory-heavy. Fills an array of n 32-bit keys (n = argv[1]) from a
// xorshift generator and sorts it three ways: a hand-written quicksort with
// insertion sort for short runs, a bottom-up merge sort, and libc qsort
// (an indirect call per comparison). Verifies order and hashes the result.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static uint32_t rs = 2463534242u;
static uint32_t xorshift(void) { rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5; return rs; }

static void isort(uint32_t *a, long n) {
	for (long i = 1; i < n; i++) {
		uint32_t v = a[i];
		long j = i - 1;
		while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
		a[j + 1] = v;
	}
}

static void qsort_u32(uint32_t *a, long n) {
	while (n > 16) {
		uint32_t x = a[0], y = a[n / 2], z = a[n - 1];
		uint32_t p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
		long i = 0, j = n - 1;
		for (;;) {
			while (a[i] < p) i++;
			while (a[j] > p) j--;
			if (i >= j) break;
			uint32_t t = a[i]; a[i] = a[j]; a[j] = t;
			i++; j--;
		}
		if (j + 1 < n - j - 1) { qsort_u32(a, j + 1); a += j + 1; n -= j + 1; }
		else { qsort_u32(a + j + 1, n - j - 1); n = j + 1; }
	}
	isort(a, n);
}

static void msort(uint32_t *a, uint32_t *tmp, long n) {
	for (long w = 1; w < n; w *= 2) {
		for (long lo = 0; lo < n; lo += 2 * w) {
			long mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			long i = lo, j = mid, k = lo;
			while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
			while (i < mid) tmp[k++] = a[i++];
			while (j < hi) tmp[k++] = a[j++];
		}
		memcpy(a, tmp, n * sizeof *a);
	}
}

static int cmp(const void *x, const void *y) {
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

static uint64_t check(const uint32_t *a, long n) {
	uint64_t h = 1469598103934665603ull;
	for (long i = 0; i < n; i++) {
		if (i && a[i - 1] > a[i]) { printf("not sorted at %ld\n", i); exit(1); }
		h = (h ^ a[i]) * 1099511628211ull;
	}
	return h;
}

int main(int argc, char **argv) {
	long n = argc > 1 ? strtol(argv[1], 0, 10) : 100000;
	uint32_t *a = malloc(n * 4), *b = malloc(n * 4), *t = malloc(n * 4);
	for (long i = 0; i < n; i++) a[i] = xorshift() % (uint32_t)(n * 4);
	memcpy(b, a, n * 4);
	memcpy(t, a, n * 4);
	qsort_u32(a, n);
	uint64_t h1 = check(a, n);
	msort(b, t, n);
	uint64_t h2 = check(b, n);
	for (long i = 0; i < n; i++) b[i] = a[i] ^ (uint32_t)(i * 2654435761u);
	qsort(b, n, 4, cmp);
	uint64_t h3 = check(b, n);
	printf("n=%ld min=%u max=%u median=%u\n", n, a[0], a[n - 1], a[n / 2]);
	printf("checksum: %016llx\n", (unsigned long long)(h1 ^ (h2 << 1) ^ (h3 * 3)));
	return 0;
}
