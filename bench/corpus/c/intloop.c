// intloop: tight integer loops. Sums the Collatz trajectory lengths of
// 1..n (n = argv[1]) and mixes them through a multiply-xorshift hash.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(int argc, char **argv) {
	uint32_t n = argc > 1 ? (uint32_t)strtoul(argv[1], 0, 10) : 1000000;
	uint64_t total = 0, h = 0x9e3779b97f4a7c15ull;
	uint32_t longest = 0, arg = 0;
	for (uint32_t i = 1; i <= n; i++) {
		uint64_t x = i;
		uint32_t steps = 0;
		while (x != 1) {
			x = (x & 1) ? 3 * x + 1 : x >> 1;
			steps++;
		}
		total += steps;
		if (steps > longest) { longest = steps; arg = i; }
		h = (h ^ steps) * 0x100000001b3ull;
		h ^= h >> 29;
	}
	printf("n=%u total=%llu longest=%u at %u\n", n, (unsigned long long)total, longest, arg);
	printf("checksum: %016llx\n", (unsigned long long)h);
	return 0;
}
