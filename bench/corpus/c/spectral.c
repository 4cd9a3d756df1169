// spectral: floating point. Approximates the spectral norm of the infinite
// matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1) truncated to n x n (n = argv[1])
// with ten rounds of the power method on A^T A.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static double a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void mulAv(int n, const double *v, double *out) {
	for (int i = 0; i < n; i++) {
		double s = 0;
		for (int j = 0; j < n; j++) s += a(i, j) * v[j];
		out[i] = s;
	}
}
static void mulAtv(int n, const double *v, double *out) {
	for (int i = 0; i < n; i++) {
		double s = 0;
		for (int j = 0; j < n; j++) s += a(j, i) * v[j];
		out[i] = s;
	}
}
static void mulAtAv(int n, const double *v, double *out, double *tmp) {
	mulAv(n, v, tmp);
	mulAtv(n, tmp, out);
}

int main(int argc, char **argv) {
	int n = argc > 1 ? atoi(argv[1]) : 100;
	double *u = malloc(n * sizeof(double)), *v = malloc(n * sizeof(double)), *t = malloc(n * sizeof(double));
	for (int i = 0; i < n; i++) u[i] = 1;
	for (int i = 0; i < 10; i++) {
		mulAtAv(n, u, v, t);
		mulAtAv(n, v, u, t);
	}
	double vBv = 0, vv = 0;
	for (int i = 0; i < n; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
	double r = sqrt(vBv / vv);
	uint64_t bits;
	memcpy(&bits, &r, 8);
	printf("n=%d norm=%.9f\n", n, r);
	printf("checksum: %016llx\n", (unsigned long long)bits);
	return 0;
}
