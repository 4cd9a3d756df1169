;; preview0.wat: a wasi_unstable (WASI preview 0) program. It checks the
;; places where preview 0's ABI differs from preview 1's: fd_seek's whence
;; numbering (CUR=0, END=1, SET=2), the 56-byte filestat with a 32-bit
;; nlink (fd_filestat_get, path_filestat_get), poll_oneoff's 56-byte
;; subscription whose clock has an identifier before the clock id, and
;; fdstat rights without SOCK_ACCEPT; and that fd_readdir's dirent and
;; args are as in preview 1. Prints "ok NAME" or "FAIL NAME" per check and
;; exits 0 only if every check passed.
;; Usage: preview0.wat   (preopen: --dir {tmp}/work::/work, descriptor 3)
(module
  (import "wasi_unstable" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_tell" (func $fd_tell (param i32 i32) (result i32)))
  (import "wasi_unstable" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_unstable" "fd_filestat_get" (func $fd_filestat_get (param i32 i32) (result i32)))
  (import "wasi_unstable" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
  (import "wasi_unstable" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_unstable" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_unstable" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_unstable" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "path_link" (func $path_link (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_unstable" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_unstable" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)

  ;; 0-255: names of the checks and other strings
  (data (i32.const 0) "ok ")           ;; 0, 3
  (data (i32.const 4) "FAIL ")         ;; 4, 5
  (data (i32.const 10) "\n")           ;; 10, 1
  (data (i32.const 16) "f")            ;; 16, 1: the file
  (data (i32.const 20) "g")            ;; 20, 1: a link to it
  (data (i32.const 24) "hello world")  ;; 24, 11
  (data (i32.const 40) "prestat-fd3-is-dir")          ;; 18
  (data (i32.const 60) "path_open-create")            ;; 16
  (data (i32.const 80) "fd_seek-SET=2")               ;; 13
  (data (i32.const 96) "fd_seek-END=1")               ;; 13
  (data (i32.const 112) "fd_seek-CUR=0")              ;; 13
  (data (i32.const 128) "fd_tell")                    ;; 7
  (data (i32.const 136) "fd_seek-whence3-EINVAL")     ;; 22
  (data (i32.const 160) "fd_filestat_get-56-bytes")   ;; 24
  (data (i32.const 188) "path_filestat_get-nlink32")  ;; 25
  (data (i32.const 216) "poll_oneoff-clock-56-byte-subscription") ;; 38
  (data (i32.const 256) "poll_oneoff-waited")         ;; 18
  (data (i32.const 276) "fd_readdir-dirent")          ;; 17
  (data (i32.const 296) "fd_fdstat_get-no-sock_accept-right") ;; 34
  (data (i32.const 332) "args_sizes_get")             ;; 14
  (data (i32.const 348) "fd_write")                   ;; 8

  ;; 512: iovecs for printing; 1024+: scratch structures
  (global $failures (mut i32) (i32.const 0))

  (func $print (param $p i32) (param $n i32)
    (i32.store (i32.const 512) (local.get $p))
    (i32.store (i32.const 516) (local.get $n))
    (drop (call $fd_write (i32.const 1) (i32.const 512) (i32.const 1) (i32.const 520))))

  ;; check prints "ok NAME" when cond holds, else "FAIL NAME" and counts it.
  (func $check (param $cond i32) (param $name i32) (param $len i32)
    (if (local.get $cond)
      (then (call $print (i32.const 0) (i32.const 3)))
      (else
        (call $print (i32.const 4) (i32.const 5))
        (global.set $failures (i32.add (global.get $failures) (i32.const 1)))))
    (call $print (local.get $name) (local.get $len))
    (call $print (i32.const 10) (i32.const 1)))

  (func $main (export "_start")
    (local $fd i32) (local $t0 i64) (local $t1 i64)
    ;; args_sizes_get is the same in both versions
    (call $check (i32.eqz (call $args_sizes_get (i32.const 1024) (i32.const 1028)))
      (i32.const 332) (i32.const 14))

    ;; descriptor 3 is the preopened directory
    (call $check
      (i32.and (i32.eqz (call $fd_prestat_get (i32.const 3) (i32.const 1024)))
               (i32.eqz (i32.load8_u (i32.const 1024))))
      (i32.const 40) (i32.const 18))

    ;; create f with read, write, seek, tell and filestat rights
    (call $check
      (i32.eqz (call $path_open (i32.const 3) (i32.const 1) (i32.const 16) (i32.const 1)
        (i32.const 9) ;; CREAT|TRUNC
        (i64.const 0x200066) (i64.const 0) (i32.const 0) (i32.const 1032)))
      (i32.const 60) (i32.const 16))
    (local.set $fd (i32.load (i32.const 1032)))
    (i32.store (i32.const 1040) (i32.const 24))
    (i32.store (i32.const 1044) (i32.const 11))
    (call $check
      (i32.and (i32.eqz (call $fd_write (local.get $fd) (i32.const 1040) (i32.const 1) (i32.const 1048)))
               (i32.eq (i32.load (i32.const 1048)) (i32.const 11)))
      (i32.const 348) (i32.const 8))

    ;; whence: SET=2, END=1, CUR=0
    (call $check
      (i32.and (i32.eqz (call $fd_seek (local.get $fd) (i64.const 1) (i32.const 2) (i32.const 1056)))
               (i64.eq (i64.load (i32.const 1056)) (i64.const 1)))
      (i32.const 80) (i32.const 13))
    (call $check
      (i32.and (i32.eqz (call $fd_seek (local.get $fd) (i64.const -2) (i32.const 1) (i32.const 1056)))
               (i64.eq (i64.load (i32.const 1056)) (i64.const 9)))
      (i32.const 96) (i32.const 13))
    (call $check
      (i32.and (i32.eqz (call $fd_seek (local.get $fd) (i64.const -3) (i32.const 0) (i32.const 1056)))
               (i64.eq (i64.load (i32.const 1056)) (i64.const 6)))
      (i32.const 112) (i32.const 13))
    (call $check
      (i32.and (i32.eqz (call $fd_tell (local.get $fd) (i32.const 1056)))
               (i64.eq (i64.load (i32.const 1056)) (i64.const 6)))
      (i32.const 128) (i32.const 7))
    (call $check
      (i32.eq (call $fd_seek (local.get $fd) (i64.const 0) (i32.const 3) (i32.const 1056)) (i32.const 28))
      (i32.const 136) (i32.const 22))

    ;; fd_filestat_get: 56 bytes at 1100, a sentinel at 1156 stays
    (i64.store (i32.const 1156) (i64.const -1))
    (call $check
      (i32.and
        (i32.and (i32.eqz (call $fd_filestat_get (local.get $fd) (i32.const 1100)))
                 (i32.eq (i32.load8_u (i32.const 1116)) (i32.const 4)))      ;; regular file
        (i32.and
          (i32.and (i32.eq (i32.load (i32.const 1120)) (i32.const 1))        ;; nlink (u32 at 20)
                   (i64.eq (i64.load (i32.const 1124)) (i64.const 11)))      ;; size at 24
          (i64.eq (i64.load (i32.const 1156)) (i64.const -1))))
      (i32.const 160) (i32.const 24))
    (drop (call $fd_close (local.get $fd)))

    ;; path_filestat_get after a hard link: nlink 2 as a u32 at 20
    (drop (call $path_link (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 1)
      (i32.const 3) (i32.const 20) (i32.const 1)))
    (i64.store (i32.const 1256) (i64.const -1))
    (call $check
      (i32.and
        (i32.and (i32.eqz (call $path_filestat_get (i32.const 3) (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 1200)))
                 (i32.eq (i32.load (i32.const 1220)) (i32.const 2)))
        (i32.and (i64.eq (i64.load (i32.const 1224)) (i64.const 11))
                 (i64.eq (i64.load (i32.const 1256)) (i64.const -1))))
      (i32.const 188) (i32.const 25))

    ;; poll_oneoff: one 56-byte clock subscription at 1300: userdata 0x77,
    ;; tag clock, identifier 0x99 (not a clock id), clock id MONOTONIC at
    ;; 24, timeout 20 ms at 32, precision 0 at 40, flags 0 at 48; the
    ;; event (32 bytes) at 1400.
    (i64.store (i32.const 1300) (i64.const 0x77))
    (i64.store (i32.const 1308) (i64.const 0))
    (i64.store (i32.const 1316) (i64.const 0x99))
    (i64.store (i32.const 1324) (i64.const 1))
    (i64.store (i32.const 1332) (i64.const 20000000))
    (i64.store (i32.const 1340) (i64.const 0))
    (i64.store (i32.const 1348) (i64.const 0))
    (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 1500)))
    (local.set $t0 (i64.load (i32.const 1500)))
    (call $check
      (i32.and
        (i32.and (i32.eqz (call $poll_oneoff (i32.const 1300) (i32.const 1400) (i32.const 1) (i32.const 1440)))
                 (i32.eq (i32.load (i32.const 1440)) (i32.const 1)))
        (i32.and (i64.eq (i64.load (i32.const 1400)) (i64.const 0x77))
                 (i32.and (i32.eqz (i32.load16_u (i32.const 1408)))        ;; error
                          (i32.eqz (i32.load8_u (i32.const 1410))))))      ;; type clock
      (i32.const 216) (i32.const 38))
    (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 1500)))
    (local.set $t1 (i64.load (i32.const 1500)))
    (call $check (i64.ge_u (i64.sub (local.get $t1) (local.get $t0)) (i64.const 20000000))
      (i32.const 256) (i32.const 18))

    ;; fd_readdir: 24-byte dirents; the first is "." (a directory)
    (call $check
      (i32.and
        (i32.eqz (call $fd_readdir (i32.const 3) (i32.const 2048) (i32.const 1024) (i64.const 0) (i32.const 1600)))
        (i32.and
          (i32.and (i64.eq (i64.load (i32.const 2048)) (i64.const 1))      ;; d_next
                   (i32.eq (i32.load (i32.const 2064)) (i32.const 1)))     ;; d_namlen
          (i32.and (i32.eq (i32.load8_u (i32.const 2068)) (i32.const 3))   ;; d_type directory
                   (i32.eq (i32.load8_u (i32.const 2072)) (i32.const 46))))) ;; "."
      (i32.const 276) (i32.const 17))

    ;; fd_fdstat_get: no bit 29 (preview 1's SOCK_ACCEPT) in either rights
    (call $check
      (i32.and (i32.eqz (call $fd_fdstat_get (i32.const 3) (i32.const 1700)))
               (i64.eqz (i64.and (i64.or (i64.load (i32.const 1708)) (i64.load (i32.const 1716)))
                                 (i64.const 0x20000000))))
      (i32.const 296) (i32.const 34))

    (call $proc_exit (i32.ne (global.get $failures) (i32.const 0))))
)
