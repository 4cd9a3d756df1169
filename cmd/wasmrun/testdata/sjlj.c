/* setjmp/longjmp across frames, built with the WebAssembly exception
   handling (exnref) lowering of LLVM: -mllvm -wasm-enable-sjlj with
   -mllvm -wasm-use-legacy-eh=false, linked with wasi-libc's libsetjmp. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

static jmp_buf top;
static int depth;

static void fail(int code) {
	printf("fail(%d) at depth %d\n", code, depth);
	longjmp(top, code);
}

static int recurse(int n, int code) {
	depth = n;
	if (n == 0)
		fail(code);
	return recurse(n - 1, code) + 1; /* not reached */
}

/* A nested jump buffer: the inner longjmp lands in inner, the outer one
   unwinds through it to top. */
static int nested(int which) {
	jmp_buf inner;
	volatile int steps = 0;
	int r = setjmp(inner);
	if (r == 0) {
		steps++;
		if (which == 1)
			longjmp(inner, 7);
		recurse(3, 99);
	}
	printf("nested: inner setjmp returned %d after %d step(s)\n", r, steps);
	return r;
}

int main(void) {
	volatile int total = 0;
	for (int i = 1; i <= 3; i++) {
		int r = setjmp(top);
		if (r == 0) {
			recurse(i * 2, i * 10);
			printf("not reached\n");
		} else {
			printf("caught %d\n", r);
			total += r;
		}
	}
	int r = setjmp(top);
	if (r == 0) {
		nested(1);
		nested(2);
		printf("not reached\n");
	} else {
		printf("caught %d from nested\n", r);
		total += r;
	}
	char buf[32];
	snprintf(buf, sizeof buf, "total %d", total);
	puts(strcmp(buf, "total 159") == 0 ? "ok: total 159" : buf);
	return 0;
}
