/* raise.c: proc_raise(SIGTERM) terminates the program like an uncaught
 * signal. Expected exit status: 143 (128 + 15, as a shell reports it). */
#include "check.h"
__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")))
uint16_t raw_proc_raise(uint32_t sig);
int main(void) {
	ok("before-proc_raise");
	uint16_t e = raw_proc_raise(15 /* SIGTERM */);
	fail("proc_raise-term", "returned errno %d instead of terminating", e);
	return 1;
}
