// hostcall: boundary figure. Calls the imported host function env.host_add
// argv[1] times in a loop; the host returns its argument plus one. The time
// per iteration is the cost of one guest-to-host round trip.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

__attribute__((import_module("env"), import_name("host_add"))) uint32_t host_add(uint32_t x);

int main(int argc, char **argv) {
	long n = argc > 1 ? strtol(argv[1], 0, 10) : 1000000;
	uint32_t x = 0;
	for (long i = 0; i < n; i++) x = host_add(x ^ (uint32_t)i);
	printf("calls=%ld\n", n);
	printf("checksum: %08x\n", x);
	return 0;
}
