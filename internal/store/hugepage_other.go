//go:build !linux

package store

// adviseHugePages does nothing on systems without transparent huge pages.
func adviseHugePages([]byte) {}
