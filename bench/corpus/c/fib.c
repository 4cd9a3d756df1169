// fib: call-heavy recursion. Computes the naive doubly recursive Fibonacci
// number fib(n) for n = argv[1], plus a second mutually recursive walk so the
// compiler cannot turn the recursion into a loop.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

__attribute__((noinline)) static uint32_t fib(uint32_t n) {
	if (n < 2) return n;
	return fib(n - 1) + fib(n - 2);
}

static uint32_t odd(uint32_t n, uint32_t acc);
__attribute__((noinline)) static uint32_t even(uint32_t n, uint32_t acc) {
	if (n == 0) return acc;
	return odd(n - 1, acc * 31u + n);
}
__attribute__((noinline)) static uint32_t odd(uint32_t n, uint32_t acc) {
	if (n == 0) return acc ^ 0x5bd1e995u;
	return even(n - 1, acc * 17u + n);
}

int main(int argc, char **argv) {
	uint32_t n = argc > 1 ? (uint32_t)strtoul(argv[1], 0, 10) : 30;
	uint32_t f = fib(n);
	uint32_t m = 0;
	for (uint32_t i = 0; i < (1u << (n / 2)); i++) m += even(200 + (i & 63), i);
	printf("fib(%u) = %u\n", n, f);
	printf("checksum: %08x\n", f ^ m);
	return 0;
}
