/* qjs_wasi: a minimal QuickJS runner for WASI (the corpus builds it with
 * QuickJS from npm and the fetched Clang): runs one script file with print()
 * and console.log(), and exits 1 on an uncaught exception. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "quickjs.h"

static JSValue js_print(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
  for (int i = 0; i < argc; i++) {
    const char *s = JS_ToCString(ctx, argv[i]);
    if (!s) return JS_EXCEPTION;
    fputs(i ? " " : "", stdout);
    fputs(s, stdout);
    JS_FreeCString(ctx, s);
  }
  putchar('\n');
  return JS_UNDEFINED;
}

static void dump_exception(JSContext *ctx) {
  JSValue e = JS_GetException(ctx);
  const char *s = JS_ToCString(ctx, e);
  fprintf(stderr, "uncaught: %s\n", s ? s : "?");
  JS_FreeCString(ctx, s);
  if (JS_IsObject(e)) {
    JSValue st = JS_GetPropertyStr(ctx, e, "stack");
    if (!JS_IsUndefined(st)) {
      const char *t = JS_ToCString(ctx, st);
      if (t) fprintf(stderr, "%s\n", t);
      JS_FreeCString(ctx, t);
    }
    JS_FreeValue(ctx, st);
  }
  JS_FreeValue(ctx, e);
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: qjs FILE.js\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
  char *buf = malloc(n + 1);
  if (fread(buf, 1, n, f) != (size_t)n) { perror("read"); return 2; }
  buf[n] = 0; fclose(f);
  JSRuntime *rt = JS_NewRuntime();
  JSContext *ctx = JS_NewContext(rt);
  JSValue g = JS_GetGlobalObject(ctx);
  JS_SetPropertyStr(ctx, g, "print", JS_NewCFunction(ctx, js_print, "print", 1));
  JSValue console = JS_NewObject(ctx);
  JS_SetPropertyStr(ctx, console, "log", JS_NewCFunction(ctx, js_print, "log", 1));
  JS_SetPropertyStr(ctx, g, "console", console);
  JS_FreeValue(ctx, g);
  JSValue r = JS_Eval(ctx, buf, n, argv[1], JS_EVAL_TYPE_GLOBAL);
  int status = 0;
  if (JS_IsException(r)) { dump_exception(ctx); status = 1; }
  JS_FreeValue(ctx, r);
  for (;;) {
    JSContext *c;
    int err = JS_ExecutePendingJob(rt, &c);
    if (err <= 0) { if (err < 0) { dump_exception(c); status = 1; } break; }
  }
  if (status == 0) printf("%s: ok\n", argv[1]);
  JS_FreeContext(ctx);
  JS_FreeRuntime(rt);
  return status;
}
