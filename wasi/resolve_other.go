//go:build !linux

package wasi

import "golang.org/x/sys/unix"

// dirSearchFlags opens a directory only to resolve names beneath it.
// Without O_PATH the directory is opened for reading, so the portable walk
// needs read (not only search) permission on the intermediate directories
// it passes through. O_DIRECTORY|O_NOFOLLOW (added by the walk) still
// refuses a symlink or non-directory in their place.
const dirSearchFlags = unix.O_RDONLY | unix.O_DIRECTORY

// haveOpenat2 reports false: only Linux has openat2.
func haveOpenat2() bool { return false }

// openat2Beneath is never available here: ok is always false, so every
// path goes through the user-space walk (walkOpen).
func openat2Beneath(int, string, int, uint32, bool) (int, Errno, bool) {
	return -1, ESUCCESS, false
}
