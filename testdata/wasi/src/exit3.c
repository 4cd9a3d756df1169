/* exit3.c: proc_exit propagates the exit code. Expected exit status: 3. */
#include "check.h"
int main(void) {
	ok("before-proc_exit");
	__wasi_proc_exit(3);
}
