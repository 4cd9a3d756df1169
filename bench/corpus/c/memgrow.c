// memgrow: boundary figure. Grows linear memory one 64 KiB page at a time
// with memory.grow, argv[1] times, writing to every new page; the time per
// grow is reported by the harness.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(int argc, char **argv) {
	long n = argc > 1 ? strtol(argv[1], 0, 10) : 1000;
	uint32_t h = 0;
	for (long i = 0; i < n; i++) {
		long old = __builtin_wasm_memory_grow(0, 1);
		if (old < 0) { printf("grow failed at %ld\n", i); return 1; }
		volatile uint8_t *p = (volatile uint8_t *)(old * 65536);
		p[0] = (uint8_t)i;
		p[65535] = (uint8_t)(i >> 8);
		h = (h ^ p[0] ^ (uint32_t)old) * 16777619u;
	}
	printf("grows=%ld pages=%zu\n", n, __builtin_wasm_memory_size(0));
	printf("checksum: %08x\n", h);
	return 0;
}
