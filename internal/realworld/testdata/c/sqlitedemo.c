/* sqlitedemo: TestRealWorld's SQLite driver, compiled together with the
 * SQLite amalgamation by YoWASP Clang running on wasmrun. Usage:
 * sqlitedemo DBFILE ROWS. It fills a database file with ROWS orders in one
 * transaction through prepared statements, then runs aggregate, join,
 * window-function, recursive-CTE and JSON queries and prints every row. */
#include <stdio.h>
#include <stdlib.h>
#include "sqlite3.h"

static int print_row(void *arg, int n, char **val, char **col) {
  (void)col;
  (void)arg;
  for (int i = 0; i < n; i++) printf("%s%s", i ? " | " : "", val[i] ? val[i] : "NULL");
  printf("\n");
  return 0;
}

static void exec(sqlite3 *db, const char *sql) {
  char *err = NULL;
  printf("> %s\n", sql);
  if (sqlite3_exec(db, sql, print_row, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "sqlite: %s\n", err);
    sqlite3_free(err);
    exit(1);
  }
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: sqlitedemo DBFILE ROWS\n"); return 2; }
  int rows = atoi(argv[2]);
  sqlite3 *db;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) { fprintf(stderr, "open: %s\n", sqlite3_errmsg(db)); return 1; }
  printf("sqlite %s\n", sqlite3_libversion());
  exec(db, "PRAGMA journal_mode=DELETE");
  exec(db, "CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT, city TEXT)");
  exec(db, "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER REFERENCES customer, amount REAL, item TEXT)");
  exec(db, "CREATE INDEX orders_customer ON orders(customer)");
  exec(db, "BEGIN");
  static const char *cities[] = {"Lisbon", "Oslo", "Kyoto", "Lima", "Accra"};
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, "INSERT INTO customer VALUES(?, ?, ?)", -1, &st, NULL);
  for (int i = 1; i <= 50; i++) {
    char name[32];
    snprintf(name, sizeof name, "customer-%02d", i);
    sqlite3_bind_int(st, 1, i);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, cities[i % 5], -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) { fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db)); return 1; }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "INSERT INTO orders(customer, amount, item) VALUES(?, ?, ?)", -1, &st, NULL);
  unsigned s = 1;
  for (int i = 0; i < rows; i++) {
    s = s * 1664525u + 1013904223u;
    char item[16];
    snprintf(item, sizeof item, "item-%u", (s >> 8) % 40);
    sqlite3_bind_int(st, 1, 1 + (int)((s >> 16) % 50));
    sqlite3_bind_double(st, 2, ((s >> 4) % 100000) / 100.0);
    sqlite3_bind_text(st, 3, item, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) { fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db)); return 1; }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  exec(db, "COMMIT");
  exec(db, "SELECT count(*), printf('%.2f', sum(amount)), printf('%.4f', avg(amount)), min(amount), max(amount) FROM orders");
  exec(db, "SELECT c.city, count(*), printf('%.2f', sum(o.amount)) FROM orders o JOIN customer c ON c.id = o.customer GROUP BY c.city ORDER BY 3 DESC");
  exec(db, "SELECT name, total, rank FROM (SELECT c.name, printf('%.2f', sum(o.amount)) AS total, rank() OVER (ORDER BY sum(o.amount) DESC) AS rank FROM orders o JOIN customer c ON c.id = o.customer GROUP BY c.id) WHERE rank <= 5");
  exec(db, "WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 30) SELECT group_concat(a, ' ') FROM fib");
  exec(db, "SELECT json_object('item', item, 'n', count(*), 'avg', round(avg(amount), 3)) FROM orders GROUP BY item ORDER BY count(*) DESC, item LIMIT 5");
  exec(db, "SELECT item, sum(amount) OVER w FROM orders WINDOW w AS (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY id LIMIT 5");
  exec(db, "UPDATE orders SET amount = amount * 1.1 WHERE customer % 7 = 0");
  exec(db, "DELETE FROM orders WHERE amount < 50");
  exec(db, "SELECT count(*), printf('%.3f', sum(amount)) FROM orders");
  exec(db, "PRAGMA integrity_check");
  sqlite3_close(db);
  return 0;
}
