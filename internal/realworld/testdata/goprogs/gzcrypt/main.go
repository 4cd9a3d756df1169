// Command gzcrypt exercises Go's compress/ and crypto/ packages on real
// input: it packs every regular file under DIR (sorted, with fixed times)
// into a tar.gz at OUT, reads it back and checks every file, round-trips
// the data through zlib and flate at several levels, and prints SHA-256,
// SHA-512, HMAC, AES-GCM and Ed25519 results (all keys and nonces are
// derived from fixed seeds, so the output is deterministic). Used by
// TestRealWorld under GOOS=wasip1. Usage: gzcrypt DIR OUT
package main

import (
	"archive/tar"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gzcrypt:", err)
		os.Exit(1)
	}
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gzcrypt DIR OUT")
		os.Exit(2)
	}
	dir, out := os.Args[1], os.Args[2]
	var names []string
	check(filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			names = append(names, p)
		}
		return err
	}))
	sort.Strings(names)
	contents := map[string][]byte{}
	var all bytes.Buffer
	for _, n := range names {
		b, err := os.ReadFile(n)
		check(err)
		contents[n] = b
		all.Write(b)
	}
	fmt.Printf("%d files, %d bytes\n", len(names), all.Len())

	// tar.gz out and back.
	var arch bytes.Buffer
	gw, err := gzip.NewWriterLevel(&arch, gzip.BestCompression)
	check(err)
	gw.Name, gw.ModTime = "compress.tar", time.Unix(1700000000, 0)
	tw := tar.NewWriter(gw)
	for _, n := range names {
		rel, _ := filepath.Rel(dir, n)
		check(tw.WriteHeader(&tar.Header{Name: rel, Mode: 0o644, Size: int64(len(contents[n])), ModTime: time.Unix(1700000000, 0), Format: tar.FormatPAX}))
		_, err := tw.Write(contents[n])
		check(err)
	}
	check(tw.Close())
	check(gw.Close())
	check(os.WriteFile(out, arch.Bytes(), 0o644))
	fmt.Printf("tar.gz: %d bytes, sha256 %x\n", arch.Len(), sha256.Sum256(arch.Bytes()))
	f, err := os.Open(out)
	check(err)
	gr, err := gzip.NewReader(f)
	check(err)
	tr := tar.NewReader(gr)
	seen := 0
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		check(err)
		b, err := io.ReadAll(tr)
		check(err)
		if !bytes.Equal(b, contents[filepath.Join(dir, h.Name)]) {
			check(fmt.Errorf("%s: contents differ after the round trip", h.Name))
		}
		seen++
	}
	f.Close()
	fmt.Printf("tar.gz read back: %d files ok\n", seen)

	// zlib and flate at several levels.
	for _, level := range []int{flate.BestSpeed, 5, flate.BestCompression, flate.HuffmanOnly} {
		var z bytes.Buffer
		zw, err := zlib.NewWriterLevel(&z, level)
		check(err)
		_, err = zw.Write(all.Bytes())
		check(err)
		check(zw.Close())
		zr, err := zlib.NewReader(bytes.NewReader(z.Bytes()))
		check(err)
		back, err := io.ReadAll(zr)
		check(err)
		var fl bytes.Buffer
		fw, err := flate.NewWriter(&fl, level)
		check(err)
		_, err = fw.Write(all.Bytes())
		check(err)
		check(fw.Close())
		fback, err := io.ReadAll(flate.NewReader(bytes.NewReader(fl.Bytes())))
		check(err)
		fmt.Printf("level %2d: zlib %7d bytes (%x), flate %7d bytes, round trips %v %v\n",
			level, z.Len(), sha256.Sum256(z.Bytes()), fl.Len(), bytes.Equal(back, all.Bytes()), bytes.Equal(fback, all.Bytes()))
	}

	// Digests, MAC, AEAD, signatures.
	data := all.Bytes()
	fmt.Printf("sha256 %x\n", sha256.Sum256(data))
	fmt.Printf("sha512 %x\n", sha512.Sum512(data))
	mac := hmac.New(sha256.New, []byte("wasmrun real-world key"))
	mac.Write(data)
	fmt.Printf("hmac-sha256 %x\n", mac.Sum(nil))
	key := sha256.Sum256([]byte("aes key seed"))
	block, err := aes.NewCipher(key[:])
	check(err)
	gcm, err := cipher.NewGCM(block)
	check(err)
	nonce := make([]byte, gcm.NonceSize())
	copy(nonce, "fixed nonce!")
	sealed := gcm.Seal(nil, nonce, data, []byte("aad"))
	opened, err := gcm.Open(nil, nonce, sealed, []byte("aad"))
	check(err)
	fmt.Printf("aes-256-gcm: %d bytes, sha256 %x, opens %v\n", len(sealed), sha256.Sum256(sealed), bytes.Equal(opened, data))
	seed := sha256.Sum256([]byte("ed25519 seed"))
	priv := ed25519.NewKeyFromSeed(seed[:])
	sig := ed25519.Sign(priv, data)
	fmt.Printf("ed25519: sig %x, verifies %v\n", sig[:16], ed25519.Verify(priv.Public().(ed25519.PublicKey), data, sig))
}
