// matmul: floating point. Multiplies two n x n matrices of doubles
// (n = argv[1]) with a cache-friendly i-k-j loop order, then multiplies the
// result by the first matrix again, and sums the entries.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static void mul(int n, const double *a, const double *b, double *c) {
	memset(c, 0, (size_t)n * n * sizeof(double));
	for (int i = 0; i < n; i++)
		for (int k = 0; k < n; k++) {
			double aik = a[i * n + k];
			const double *brow = b + k * n;
			double *crow = c + i * n;
			for (int j = 0; j < n; j++) crow[j] += aik * brow[j];
		}
}

int main(int argc, char **argv) {
	int n = argc > 1 ? atoi(argv[1]) : 100;
	double *a = malloc((size_t)n * n * 8), *b = malloc((size_t)n * n * 8), *c = malloc((size_t)n * n * 8);
	uint32_t s = 12345;
	for (int i = 0; i < n * n; i++) {
		s = s * 1103515245u + 12345u;
		a[i] = (double)(s >> 16 & 0x7fff) / 32768.0 - 0.5;
		s = s * 1103515245u + 12345u;
		b[i] = (double)(s >> 16 & 0x7fff) / 32768.0 - 0.5;
	}
	mul(n, a, b, c);
	mul(n, c, a, b);
	double sum = 0;
	for (int i = 0; i < n * n; i++) sum += b[i] * (double)((i % 7) + 1);
	uint64_t bits;
	memcpy(&bits, &sum, 8);
	printf("n=%d sum=%.6f\n", n, sum);
	printf("checksum: %016llx\n", (unsigned long long)bits);
	return 0;
}
