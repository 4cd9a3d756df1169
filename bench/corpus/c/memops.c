// memops: memory-heavy. Moves bytes with memcpy, memmove and memset over
// block sizes from 8 bytes to 64 KiB within a 4 MiB buffer, argv[1] rounds.
// The same source is built twice: without bulk memory (memcpy is wasi-libc's
// loop) and with -mbulk-memory (memory.copy / memory.fill).
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define BUF (4 << 20)

int main(int argc, char **argv) {
	long rounds = argc > 1 ? strtol(argv[1], 0, 10) : 10;
	uint8_t *buf = malloc(BUF);
	for (int i = 0; i < BUF; i++) buf[i] = (uint8_t)(i * 7 + (i >> 9));
	uint32_t s = 1, h = 0;
	for (long r = 0; r < rounds; r++) {
		for (size_t len = 8; len <= 65536; len *= 2) {
			long reps = (BUF / len) < 512 ? (BUF / len) : 512;
			for (long k = 0; k < reps; k++) {
				s = s * 1664525u + 1013904223u;
				size_t src = (s >> 8) % (BUF - len);
				s = s * 1664525u + 1013904223u;
				size_t dst = (s >> 8) % (BUF - len);
				switch (k & 3) {
				case 0: case 1: memmove(buf + dst, buf + src, len); break;
				case 2: memset(buf + dst, (int)(s & 0xff), len / 2); break;
				default: if (dst + len <= src || src + len <= dst) memcpy(buf + dst, buf + src, len); break;
				}
				h = (h ^ buf[(dst + len / 3) % BUF]) * 16777619u;
			}
		}
	}
	uint32_t sum = 0;
	for (int i = 0; i < BUF; i += 4) sum = sum * 31u + buf[i];
	printf("rounds=%ld\n", rounds);
	printf("checksum: %08x%08x\n", h, sum);
	return 0;
}
