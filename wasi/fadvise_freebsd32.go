//go:build freebsd && !(amd64 || arm64 || riscv64)

package wasi

import "golang.org/x/sys/unix"

// On 32-bit FreeBSD the raw calls would need off_t split across
// registers; these fall back to the portable behaviour instead.

// fadvise validates the advice and succeeds: the advice is only a hint.
func fadvise(fd int, offset, length int64, advice uint32) error {
	if !validAdvice(advice) {
		return unix.EINVAL
	}
	return nil
}

// fallocate grows the file to offset+length (no preallocation).
func fallocate(fd int, offset, length int64) error { return growTo(fd, offset+length) }
