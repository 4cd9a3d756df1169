/* crunch: the C program TestRealWorld compiles with YoWASP Clang on
 * wasmrun and then runs on every engine. Usage: crunch N WORD
 * It sorts N pseudo-random numbers (qsort and a hand-written merge sort),
 * computes CRC-32 and FNV-1a hashes, runs a small stack-machine
 * interpreter (computed dispatch through a switch, recursion), formats
 * floating point, and writes a report to /work/crunch.txt. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

static uint32_t rng = 2463534242u;
static uint32_t xorshift(void) {
  rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5;
  return rng;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static void merge_sort(uint32_t *v, uint32_t *tmp, size_t n) {
  if (n < 2) return;
  size_t h = n / 2;
  merge_sort(v, tmp, h);
  merge_sort(v + h, tmp, n - h);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

static uint32_t crc_table[256];
static void crc_init(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
}
static uint32_t crc32(const void *p, size_t n) {
  const uint8_t *b = p;
  uint32_t c = 0xFFFFFFFFu;
  while (n--) c = crc_table[(c ^ *b++) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}
static uint64_t fnv1a(const void *p, size_t n) {
  const uint8_t *b = p;
  uint64_t h = 1469598103934665603ull;
  while (n--) { h ^= *b++; h *= 1099511628211ull; }
  return h;
}

/* A tiny stack machine: computes fib(n) recursively and a sum of squares. */
enum { PUSH, ADD, SUB, MUL, DUP, SWAP, JZ, JMP, CALL, RET, LT, HALT, OVER, DROP };
static int64_t run_vm(const int64_t *code, int64_t arg) {
  int64_t st[256], rs[256];
  int sp = 0, rp = 0, pc = 0;
  st[sp++] = arg;
  for (;;) {
    int64_t op = code[pc++], a, b;
    switch (op) {
    case PUSH: st[sp++] = code[pc++]; break;
    case ADD: b = st[--sp]; a = st[--sp]; st[sp++] = a + b; break;
    case SUB: b = st[--sp]; a = st[--sp]; st[sp++] = a - b; break;
    case MUL: b = st[--sp]; a = st[--sp]; st[sp++] = a * b; break;
    case LT: b = st[--sp]; a = st[--sp]; st[sp++] = a < b; break;
    case DUP: st[sp] = st[sp - 1]; sp++; break;
    case OVER: st[sp] = st[sp - 2]; sp++; break;
    case DROP: sp--; break;
    case SWAP: a = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = a; break;
    case JZ: a = st[--sp]; if (!a) pc = (int)code[pc]; else pc++; break;
    case JMP: pc = (int)code[pc]; break;
    case CALL: rs[rp++] = pc + 1; pc = (int)code[pc]; break;
    case RET: if (rp == 0) return st[sp - 1]; pc = (int)rs[--rp]; break;
    case HALT: return st[sp - 1];
    default: fprintf(stderr, "bad opcode %lld\n", (long long)op); exit(3);
    }
  }
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: crunch N WORD\n"); return 2; }
  size_t n = strtoul(argv[1], NULL, 10);
  const char *word = argv[2];
  uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *t = malloc(n * sizeof *t);
  if (!a || !b || !t) { perror("malloc"); return 1; }
  for (size_t i = 0; i < n; i++) a[i] = b[i] = xorshift() % 100000;
  qsort(a, n, sizeof *a, cmp_u32);
  merge_sort(b, t, n);
  crc_init();
  printf("sorted %zu: same=%d min=%u median=%u max=%u crc=%08x fnv=%016llx\n", n,
         memcmp(a, b, n * sizeof *a) == 0, a[0], a[n / 2], a[n - 1], crc32(a, n * sizeof *a),
         (unsigned long long)fnv1a(a, n * sizeof *a));
  printf("crc32(\"%s\")=%08x crc32(\"123456789\")=%08x\n", word, crc32(word, strlen(word)), crc32("123456789", 9));

  /* fib(n): 0: DUP PUSH 2 LT JZ 8 RET; 8: DUP PUSH 1 SUB CALL 0 SWAP PUSH 2 SUB CALL 0 ADD RET */
  static const int64_t fib[] = {DUP, PUSH, 2, LT, JZ, 7, RET,
                                DUP, PUSH, 1, SUB, CALL, 0, SWAP, PUSH, 2, SUB, CALL, 0, ADD, RET};
  for (int k = 10; k <= 22; k += 4) printf("vm fib(%d)=%lld\n", k, (long long)run_vm(fib, k));

  double s = 0;
  for (size_t i = 1; i <= n; i++) s += sqrt((double)i) * sin((double)i / 7.0);
  printf("float: %.9f %.3e %g %a\n", s, s * 1e-7, exp(1.0), 0.1);

  FILE *f = fopen("/work/crunch.txt", "w");
  if (!f) { perror("/work/crunch.txt"); return 1; }
  for (size_t i = 0; i < n; i += n / 16 + 1) fprintf(f, "%zu %u\n", i, a[i]);
  fclose(f);
  free(a); free(b); free(t);
  return 0;
}
