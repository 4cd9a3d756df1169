package wasi

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"
)

// TestPwriteClearingAppend checks the fcntl emulation of "write at offset"
// on an O_APPEND descriptor (the path darwin and FreeBSD always take): the
// bytes land at the offset, not at the end, and O_APPEND is restored.
func TestPwriteClearingAppend(t *testing.T) {
	tests := []struct {
		name   string
		bufs   [][]byte
		offset int64
		want   string
	}{
		{"middle", [][]byte{[]byte("XY")}, 2, "abXYefgh"},
		{"start two iovecs", [][]byte{[]byte("1"), []byte("23")}, 0, "123defgh"},
		{"past end", [][]byte{[]byte("Z")}, 10, "abcdefgh\x00\x00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f")
			if err := os.WriteFile(p, []byte("abcdefgh"), 0o644); err != nil {
				t.Fatal(err)
			}
			fd, err := unix.Open(p, unix.O_WRONLY|unix.O_APPEND|unix.O_CLOEXEC, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer unix.Close(fd)
			fl, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
			if err != nil {
				t.Fatal(err)
			}
			n, err := pwriteClearingAppend(fd, tt.bufs, tt.offset, fl, func(fd int, bufs [][]byte, off int64) (int, error) {
				return unix.Pwrite(fd, gatherForTest(bufs), off)
			})
			if err != nil {
				t.Fatal(err)
			}
			if want := len(gatherForTest(tt.bufs)); n != want {
				t.Errorf("wrote %d bytes, want %d", n, want)
			}
			after, _ := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
			if after&unix.O_APPEND == 0 {
				t.Error("O_APPEND not restored")
			}
			got, _ := os.ReadFile(p)
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("contents (-want +got):\n%s", diff)
			}
		})
	}
}

func gatherForTest(bufs [][]byte) []byte {
	var out []byte
	for _, b := range bufs {
		out = append(out, b...)
	}
	return out
}

// TestGrowTo checks the fd_allocate fallback: it grows, never shrinks.
func TestGrowTo(t *testing.T) {
	tests := []struct {
		name       string
		start, to  int64
		wantLength int64
	}{
		{"grow", 3, 100, 100},
		{"same", 10, 10, 10},
		{"no shrink", 50, 8, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f")
			if err := os.WriteFile(p, make([]byte, tt.start), 0o644); err != nil {
				t.Fatal(err)
			}
			fd, err := unix.Open(p, unix.O_RDWR|unix.O_CLOEXEC, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer unix.Close(fd)
			if err := growTo(fd, tt.to); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Size() != tt.wantLength {
				t.Errorf("size = %d, want %d", fi.Size(), tt.wantLength)
			}
		})
	}
}

// TestNextDirentMalformed checks that truncated or inconsistent host
// dirent records are refused rather than read out of bounds.
func TestNextDirentMalformed(t *testing.T) {
	valid := make([]byte, direntNameOffset+8)
	putReclen := func(b []byte, n uint16) { binary.NativeEndian.PutUint16(b[direntReclenOffset:], n) }
	putReclen(valid, uint16(len(valid)))
	valid[direntInoOffset] = 7
	copy(valid[direntNameOffset:], "name\x00")
	tooLong := append([]byte(nil), valid...)
	putReclen(tooLong, uint16(len(valid)+1))
	tooShort := append([]byte(nil), valid...)
	putReclen(tooShort, uint16(direntNameOffset))
	tests := []struct {
		name     string
		b        []byte
		ok       bool
		wantName string
	}{
		{"valid", valid, true, "name"},
		{"reclen beyond buffer", tooLong, false, ""},
		{"reclen without name", tooShort, false, ""},
		{"truncated header", valid[:direntNameOffset-1], false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, name, ok := nextDirent(tt.b)
			if ok != tt.ok || string(name) != tt.wantName {
				t.Errorf("nextDirent = (%q, %v), want (%q, %v)", name, ok, tt.wantName, tt.ok)
			}
		})
	}
}

// TestPollTimeoutMillis checks the ppoll→poll timeout conversion used off
// Linux: nil waits forever, partial milliseconds round up, and huge
// timeouts clamp instead of wrapping.
func TestPollTimeoutMillis(t *testing.T) {
	ts := func(ns int64) *unix.Timespec { v := unix.NsecToTimespec(ns); return &v }
	tests := []struct {
		name string
		ts   *unix.Timespec
		want int
	}{
		{"forever", nil, -1},
		{"zero", ts(0), 0},
		{"one ns rounds up", ts(1), 1},
		{"exact ms", ts(5_000_000), 5},
		{"partial ms", ts(5_000_001), 6},
		{"clamped", ts(math.MaxInt64), math.MaxInt32},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pollTimeoutMillis(tt.ts); got != tt.want {
				t.Errorf("pollTimeoutMillis = %d, want %d", got, tt.want)
			}
		})
	}
}
