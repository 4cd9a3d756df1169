// nbody: floating point. Simulates five bodies under Newtonian gravity with a
// symplectic Euler step for argv[1] steps and prints the energy before and
// after. Masses and orbits are rough values for the Sun and the four giants.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define NB 5
#define PI 3.141592653589793
#define SOLAR (4 * PI * PI)
#define YEAR 365.24

struct body { double x, y, z, vx, vy, vz, m; };

static struct body sys0[NB] = {
	{0, 0, 0, 0, 0, 0, SOLAR},
	{4.84, -1.16, -0.10, 1.66e-3 * YEAR, 7.70e-3 * YEAR, -6.90e-5 * YEAR, 9.55e-4 * SOLAR},
	{8.34, 4.12, -0.40, -2.77e-3 * YEAR, 5.00e-3 * YEAR, 2.30e-5 * YEAR, 2.86e-4 * SOLAR},
	{12.89, -15.11, -0.22, 2.96e-3 * YEAR, 2.37e-3 * YEAR, -2.96e-5 * YEAR, 4.37e-5 * SOLAR},
	{15.38, -25.92, 0.18, 2.68e-3 * YEAR, 1.63e-3 * YEAR, -9.51e-5 * YEAR, 5.15e-5 * SOLAR},
};

static double energy(struct body *b) {
	double e = 0;
	for (int i = 0; i < NB; i++) {
		e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
		for (int j = i + 1; j < NB; j++) {
			double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
			e -= b[i].m * b[j].m / sqrt(dx * dx + dy * dy + dz * dz);
		}
	}
	return e;
}

static void step(struct body *b, double dt) {
	for (int i = 0; i < NB; i++) {
		for (int j = i + 1; j < NB; j++) {
			double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
			double d2 = dx * dx + dy * dy + dz * dz;
			double mag = dt / (d2 * sqrt(d2));
			b[i].vx -= dx * b[j].m * mag; b[i].vy -= dy * b[j].m * mag; b[i].vz -= dz * b[j].m * mag;
			b[j].vx += dx * b[i].m * mag; b[j].vy += dy * b[i].m * mag; b[j].vz += dz * b[i].m * mag;
		}
	}
	for (int i = 0; i < NB; i++) {
		b[i].x += dt * b[i].vx; b[i].y += dt * b[i].vy; b[i].z += dt * b[i].vz;
	}
}

int main(int argc, char **argv) {
	long n = argc > 1 ? strtol(argv[1], 0, 10) : 1000;
	struct body b[NB];
	memcpy(b, sys0, sizeof b);
	double px = 0, py = 0, pz = 0;
	for (int i = 0; i < NB; i++) { px += b[i].vx * b[i].m; py += b[i].vy * b[i].m; pz += b[i].vz * b[i].m; }
	b[0].vx = -px / SOLAR; b[0].vy = -py / SOLAR; b[0].vz = -pz / SOLAR;
	double e0 = energy(b);
	for (long i = 0; i < n; i++) step(b, 0.01);
	double e1 = energy(b);
	uint64_t bits;
	memcpy(&bits, &e1, 8);
	printf("energy %.9f -> %.9f\n", e0, e1);
	printf("checksum: %016llx\n", (unsigned long long)bits);
	return 0;
}
