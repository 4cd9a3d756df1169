;; fd_readdir's ".." entry had d_ino 0 (fixed: it is the parent's inode, or
;; the directory's own at a preopen), and path_filestat_get(subdir, "..")
;; is ENOTCAPABLE although ".." of /tmp/sub is /tmp, inside the preopen (a
;; descriptor is a capability of its own, as in wasmtime: kept).
;; Run: wasmrun --dir DIR::/tmp dotdot.wat   (DIR containing a directory "sub")
;; Exit status: 10 + errno of path_filestat_get if it fails, 2 if ".." has
;; d_ino 0, 0 otherwise.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_readdir"
    (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get"
    (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "sub")
  (data (i32.const 8) "..")
  (func (export "_start")
    (local $fd i32) (local $e i32) (local $p i32) (local $end i32)
    ;; fd = path_open(3, 0, "sub", O_DIRECTORY, all rights)
    (if (call $path_open (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 3)
          (i32.const 2) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 16))
      (then (call $proc_exit (i32.const 1))))
    (local.set $fd (i32.load (i32.const 16)))
    ;; stat(fd, "..")
    (local.set $e (call $path_filestat_get (local.get $fd) (i32.const 0) (i32.const 8) (i32.const 2) (i32.const 64)))
    (if (local.get $e) (then (call $proc_exit (i32.add (i32.const 10) (local.get $e)))))
    ;; readdir into 1024.. and look for ".." with d_ino 0
    (drop (call $fd_readdir (local.get $fd) (i32.const 1024) (i32.const 4096) (i64.const 0) (i32.const 32)))
    (local.set $p (i32.const 1024))
    (local.set $end (i32.add (i32.const 1024) (i32.load (i32.const 32))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (if (i32.and (i32.eq (i32.load offset=16 (local.get $p)) (i32.const 2))
                     (i32.eq (i32.load16_u offset=24 (local.get $p)) (i32.const 0x2e2e)))
          (then (if (i64.eqz (i64.load offset=8 (local.get $p))) (then (call $proc_exit (i32.const 2))))))
        (local.set $p (i32.add (local.get $p) (i32.add (i32.const 24) (i32.load offset=16 (local.get $p)))))
        (br $next)))
    (call $proc_exit (i32.const 0))))
