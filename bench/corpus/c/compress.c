// compress: memory-heavy. An LZ77 compressor written for this corpus (hash
// chains over 3-byte prefixes, a 64 KiB window, greedy parsing with a lazy
// step) and its decompressor. Generates 256 KiB of word-salad text, then
// compresses and decompresses argv[1] 64 KiB windows of it (each at a
// different offset), checking every round trip.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define WIN (1 << 16)
#define HBITS 15
#define MINM 4
#define MAXM 258
#define CHAIN 32

static int32_t head[1 << HBITS];
static int32_t prev[WIN];

static uint32_t hash3(const uint8_t *p) { return ((uint32_t)p[0] << 16 | p[1] << 8 | p[2]) * 2654435761u >> (32 - HBITS); }

static uint8_t *putv(uint8_t *o, uint32_t v) {
	while (v >= 0x80) { *o++ = (uint8_t)(v | 0x80); v >>= 7; }
	*o++ = (uint8_t)v;
	return o;
}
static const uint8_t *getv(const uint8_t *p, uint32_t *v) {
	uint32_t x = 0; int sh = 0;
	while (*p & 0x80) { x |= (uint32_t)(*p++ & 0x7f) << sh; sh += 7; }
	*v = x | (uint32_t)*p++ << sh;
	return p;
}

static void insert(const uint8_t *in, long i) {
	uint32_t h = hash3(in + i);
	prev[i & (WIN - 1)] = head[h];
	head[h] = (int32_t)i;
}

static long longest(const uint8_t *in, long n, long i, long *dist) {
	long best = 0;
	int32_t c = head[hash3(in + i)];
	for (int k = 0; k < CHAIN && c >= 0 && i - c < WIN; k++) {
		long max = n - i < MAXM ? n - i : MAXM, l = 0;
		while (l < max && in[c + l] == in[i + l]) l++;
		if (l > best) { best = l; *dist = i - c; if (l == max) break; }
		c = prev[c & (WIN - 1)];
	}
	return best;
}

// Format: repeated [varint literal count][literals][varint match length][varint distance];
// a match length of 0 ends the stream.
static long compress(const uint8_t *in, long n, uint8_t *out) {
	memset(head, 0xff, sizeof head);
	uint8_t *o = out;
	long i = 0, lit = 0;
	while (i < n) {
		long dist = 0, len = i + 3 <= n ? longest(in, n, i, &dist) : 0;
		if (len >= MINM && i + 4 <= n) {
			long d2 = 0, l2 = longest(in, n, i + 1, &d2);
			if (l2 > len + 1) { if (i + 3 <= n) insert(in, i); i++; len = l2; dist = d2; }
		}
		if (len >= MINM) {
			o = putv(o, (uint32_t)(i - lit));
			memcpy(o, in + lit, i - lit); o += i - lit;
			o = putv(o, (uint32_t)len); o = putv(o, (uint32_t)dist);
			for (long k = 0; k < len; k++) if (i + k + 3 <= n) insert(in, i + k);
			i += len; lit = i;
		} else {
			if (i + 3 <= n) insert(in, i);
			i++;
		}
	}
	o = putv(o, (uint32_t)(n - lit));
	memcpy(o, in + lit, n - lit); o += n - lit;
	o = putv(o, 0);
	return o - out;
}

static long decompress(const uint8_t *p, uint8_t *out) {
	uint8_t *o = out;
	for (;;) {
		uint32_t l, len, dist;
		p = getv(p, &l);
		memcpy(o, p, l); o += l; p += l;
		p = getv(p, &len);
		if (len == 0) break;
		p = getv(p, &dist);
		for (long k = 0; k < (long)len; k++) o[k] = o[k - (long)dist];
		o += len;
	}
	return o - out;
}

static const char *words[] = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "wasm", "engine",
	"register", "stack", "memory", "table", "global", "function", "module", "import", "export", "branch",
	"loop", "block", "value", "trap", "compile", "interpret", "native", "benchmark", "checksum", "zebra"};

int main(int argc, char **argv) {
	long rounds = argc > 1 ? strtol(argv[1], 0, 10) : 2;
	long n = 256 << 10, w = 64 << 10;
	uint8_t *in = malloc(n), *c = malloc(n + n / 2 + 64), *d = malloc(n + MAXM);
	uint32_t s = 99;
	long i = 0;
	while (i < n) {
		s = s * 1103515245u + 12345u;
		const char *w = words[(s >> 16) % 30];
		while (*w && i < n) in[i++] = (uint8_t)*w++;
		if (i < n) in[i++] = (s >> 8) % 11 == 0 ? '\n' : ' ';
		if ((s >> 4) % 23 == 0) { s = s * 1103515245u + 12345u; in[i < n ? i++ : n - 1] = (uint8_t)('0' + (s >> 16) % 10); }
	}
	long clen = 0;
	uint32_t h = 0;
	for (long r = 0; r < rounds; r++) {
		const uint8_t *win = in + (r * 40503) % (n - w);
		clen = compress(win, w, c);
		long dlen = decompress(c, d);
		if (dlen != w || memcmp(win, d, w) != 0) { printf("round trip failed\n"); return 1; }
		for (long k = 0; k < clen; k += 97) h = (h ^ c[k]) * 16777619u;
	}
	printf("windows=%ld last=%ld->%ld\n", rounds, w, clen);
	printf("checksum: %08x%08lx\n", h, (unsigned long)clen);
	return 0;
}
