// hashtable: memory-heavy. An open-addressing hash table (linear probing,
// backward-shift deletion) from 64-bit keys to 32-bit values: inserts n
// pseudo-random keys (n = argv[1]), looks up 2n keys (half present), deletes
// every third key and looks everything up again.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

typedef struct { uint64_t key; uint32_t val; uint32_t used; } slot;
static slot *tab;
static uint64_t mask;

static uint64_t mix(uint64_t x) {
	x ^= x >> 33; x *= 0xff51afd7ed558ccdull; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ull; x ^= x >> 33;
	return x;
}
static void put(uint64_t k, uint32_t v) {
	uint64_t i = mix(k) & mask;
	while (tab[i].used && tab[i].key != k) i = (i + 1) & mask;
	tab[i].key = k; tab[i].val = v; tab[i].used = 1;
}
static int get(uint64_t k, uint32_t *v) {
	uint64_t i = mix(k) & mask;
	while (tab[i].used) {
		if (tab[i].key == k) { *v = tab[i].val; return 1; }
		i = (i + 1) & mask;
	}
	return 0;
}
static void del(uint64_t k) {
	uint64_t i = mix(k) & mask;
	while (tab[i].used && tab[i].key != k) i = (i + 1) & mask;
	if (!tab[i].used) return;
	uint64_t j = i;
	for (;;) {
		tab[i].used = 0;
		for (;;) {
			j = (j + 1) & mask;
			if (!tab[j].used) return;
			uint64_t h = mix(tab[j].key) & mask;
			if ((i <= j) ? (i < h && h <= j) : (i < h || h <= j)) continue;
			break;
		}
		tab[i] = tab[j];
		i = j;
	}
}

int main(int argc, char **argv) {
	long n = argc > 1 ? strtol(argv[1], 0, 10) : 100000;
	uint64_t cap = 1;
	while (cap < (uint64_t)n * 2) cap <<= 1;
	mask = cap - 1;
	tab = calloc(cap, sizeof(slot));
	uint64_t s = 88172645463325252ull, sum = 0, found = 0;
	for (long i = 0; i < n; i++) { s = s * 6364136223846793005ull + 1442695040888963407ull; put(s >> 1, (uint32_t)i); }
	for (int round = 0; round < 2; round++) {
		s = 88172645463325252ull;
		for (long i = 0; i < n; i++) {
			s = s * 6364136223846793005ull + 1442695040888963407ull;
			uint32_t v;
			if (get(s >> 1, &v)) { found++; sum += v; }
			if (get(s ^ 0x8000000000000001ull, &v)) { found++; sum += v; }
			if (round == 0 && i % 3 == 0) del(s >> 1);
		}
	}
	printf("n=%ld found=%llu\n", n, (unsigned long long)found);
	printf("checksum: %016llx\n", (unsigned long long)(sum * 31 + found));
	return 0;
}
