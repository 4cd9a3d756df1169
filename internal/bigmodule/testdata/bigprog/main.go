// Command bigprog is a test input: a Go program for GOOS=wasip1 that uses
// a large part of the standard library so that its WebAssembly binary is
// big and realistic. Its output is a digest of what each part computed.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/bzip2"
	"compress/flate"
	"compress/gzip"
	"compress/lzw"
	"compress/zlib"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/asn1"
	"encoding/base32"
	"encoding/base64"
	"encoding/csv"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"encoding/xml"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"hash/crc32"
	"hash/fnv"
	"html/template"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"math/big"
	"math/cmplx"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	ttemplate "text/template"
	"time"
	"unicode/utf16"
)

var sink []string

func note(part string, v any) { sink = append(sink, fmt.Sprintf("%s: %v", part, v)) }

func archives() {
	var tb bytes.Buffer
	tw := tar.NewWriter(&tb)
	tw.WriteHeader(&tar.Header{Name: "a.txt", Mode: 0o644, Size: 5})
	tw.Write([]byte("hello"))
	tw.Close()
	tr := tar.NewReader(&tb)
	h, err := tr.Next()
	note("tar", fmt.Sprint(h != nil && h.Name == "a.txt", err))

	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	f, _ := zw.Create("b.txt")
	f.Write([]byte("zip content"))
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(zb.Bytes()), int64(zb.Len()))
	if err == nil {
		note("zip", len(zr.File))
	}
}

func compressors() {
	data := bytes.Repeat([]byte("compress me please "), 100)
	var b bytes.Buffer
	gw := gzip.NewWriter(&b)
	gw.Write(data)
	gw.Close()
	gr, _ := gzip.NewReader(&b)
	out, _ := io.ReadAll(gr)
	note("gzip", len(out))

	b.Reset()
	fw, _ := flate.NewWriter(&b, flate.BestCompression)
	fw.Write(data)
	fw.Close()
	note("flate", b.Len())

	b.Reset()
	zw := zlib.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	zr, _ := zlib.NewReader(&b)
	out, _ = io.ReadAll(zr)
	note("zlib", len(out))

	b.Reset()
	lw := lzw.NewWriter(&b, lzw.LSB, 8)
	lw.Write(data)
	lw.Close()
	lr := lzw.NewReader(&b, lzw.LSB, 8)
	out, _ = io.ReadAll(lr)
	note("lzw", len(out))

	_, err := io.ReadAll(bzip2.NewReader(bytes.NewReader([]byte("BZh9"))))
	note("bzip2", err != nil)
}

func cryptos() {
	key := make([]byte, 32)
	rand.Read(key)
	blk, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(blk)
	nonce := make([]byte, gcm.NonceSize())
	ct := gcm.Seal(nil, nonce, []byte("secret"), nil)
	pt, err := gcm.Open(nil, nonce, ct, nil)
	note("aes-gcm", string(pt)+fmt.Sprint(err))

	note("md5", hex.EncodeToString(md5.New().Sum([]byte("x"))))
	note("sha1", sha1.Sum([]byte("x")))
	note("sha256", sha256.Sum256([]byte("x")))
	note("sha512", sha512.Sum512([]byte("x")))
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("msg"))
	note("hmac", len(mac.Sum(nil)))

	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	sig := ed25519.Sign(priv, []byte("m"))
	note("ed25519", ed25519.Verify(pub, []byte("m"), sig))

	ek, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	h := sha256.Sum256([]byte("m"))
	es, _ := ecdsa.SignASN1(rand.Reader, ek, h[:])
	note("ecdsa", ecdsa.VerifyASN1(&ek.PublicKey, h[:], es))

	rk, err := rsa.GenerateKey(rand.Reader, 1024)
	if err == nil {
		rs, _ := rsa.SignPKCS1v15(rand.Reader, rk, 0, h[:])
		note("rsa", len(rs))
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "bigprog"},
			NotBefore: time.Unix(0, 0), NotAfter: time.Unix(1<<31, 0)}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &rk.PublicKey, rk)
		if err == nil {
			cert, err := x509.ParseCertificate(der)
			note("x509", fmt.Sprint(err == nil && cert.Subject.CommonName == "bigprog"))
			note("pem", len(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
		}
	}
}

type record struct {
	XMLName xml.Name `xml:"record"`
	Name    string   `json:"name" xml:"name"`
	Values  []int    `json:"values" xml:"value"`
	When    time.Time
}

func encodings() {
	r := record{Name: "n", Values: []int{1, 2, 3}, When: time.Unix(1e9, 0).UTC()}
	j, _ := json.MarshalIndent(r, "", " ")
	var r2 record
	note("json", fmt.Sprint(json.Unmarshal(j, &r2), r2.Name))
	x, _ := xml.Marshal(r)
	var r3 record
	note("xml", fmt.Sprint(xml.Unmarshal(x, &r3), r3.Values))
	var gb bytes.Buffer
	gob.NewEncoder(&gb).Encode(r)
	var r4 record
	note("gob", fmt.Sprint(gob.NewDecoder(&gb).Decode(&r4), r4.When.Year()))
	a, _ := asn1.Marshal(struct{ A, B int }{1, 2})
	note("asn1", len(a))
	note("base32", base32.StdEncoding.EncodeToString([]byte("hi")))
	note("base64", base64.URLEncoding.EncodeToString([]byte("hi")))
	cr := csv.NewReader(strings.NewReader("a,b\n1,2\n"))
	rows, _ := cr.ReadAll()
	note("csv", len(rows))
	note("utf16", utf16.Encode([]rune("héllo")))
	note("crc32", crc32.ChecksumIEEE([]byte("x")))
	f := fnv.New64a()
	f.Write([]byte("x"))
	note("fnv", f.Sum64())
}

func templates() {
	tt := ttemplate.Must(ttemplate.New("t").Funcs(ttemplate.FuncMap{"up": strings.ToUpper}).
		Parse(`{{range .}}{{up .}},{{end}}`))
	var b bytes.Buffer
	tt.Execute(&b, []string{"a", "b"})
	note("text/template", b.String())
	ht := template.Must(template.New("h").Parse(`<a href="{{.}}">{{.}}</a>`))
	b.Reset()
	ht.Execute(&b, "javascript:alert(1)<b>")
	note("html/template", b.String())
}

func regexps() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	note("regexp", re.FindAllStringSubmatch("a@b.com c@d.com", -1))
	note("replace", re.ReplaceAllString("x@y.com", "$2"))
}

const goSrc = `package p

import "fmt"

type T struct{ A int }

func (t T) String() string { return fmt.Sprint(t.A) }

func F(xs []int) (s int) {
	for _, x := range xs {
		s += x
	}
	return
}
`

func goTools() {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", goSrc, parser.ParseComments)
	if err != nil {
		note("go/parser", err)
		return
	}
	n := 0
	ast.Inspect(f, func(ast.Node) bool { n++; return true })
	note("go/ast", n)
	var b bytes.Buffer
	format.Node(&b, fset, f)
	note("go/format", b.Len())
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	note("go/types", fmt.Sprint(pkg != nil, err != nil, len(info.Types)))
}

func numbers() {
	x := new(big.Int).Exp(big.NewInt(3), big.NewInt(200), nil)
	note("big.Int", x.String())
	r := new(big.Rat).SetFrac64(1, 3)
	note("big.Rat", r.FloatString(10))
	fl := new(big.Float).SetPrec(200).SetInt64(2)
	note("big.Float", fl.Sqrt(fl).Text('g', 40))
	note("cmplx", cmplx.Sqrt(-1))
	note("math", math.Gamma(4.5))
	xs := []float64{3, 1, 2}
	sort.Float64s(xs)
	note("sort", xs)
	note("strconv", strconv.Quote("a\tb"))
}

func images() {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for i := 0; i < 16; i++ {
		img.Set(i, i, color.RGBA{R: 255, A: 255})
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	_, err := png.Decode(bytes.NewReader(b.Bytes()))
	note("png", err)
	b.Reset()
	jpeg.Encode(&b, img, nil)
	_, err = jpeg.Decode(&b)
	note("jpeg", err)
	b.Reset()
	gif.Encode(&b, img, nil)
	_, err = gif.Decode(&b)
	note("gif", err)
}

func nets() {
	h := http.NewServeMux()
	h.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"q": r.URL.Query().Get("q")})
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/hello?q=1", nil))
	note("net/http", rec.Body.String())
	u, _ := url.Parse("https://user@example.com:8080/p?q=1#f")
	note("url", u.Port())
	msg, err := mail.ReadMessage(strings.NewReader("From: a@b.c\r\nSubject: s\r\n\r\nbody"))
	if err == nil {
		note("mail", msg.Header.Get("Subject"))
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("k", "v")
	mw.Close()
	note("multipart", b.Len() > 0)
	note("sql", len(sql.Drivers()))
	c := &http.Client{Timeout: time.Second}
	_, err = c.Get("http://127.0.0.1:1/")
	note("http client", err != nil)
}

func main() {
	archives()
	compressors()
	cryptos()
	encodings()
	templates()
	regexps()
	goTools()
	numbers()
	images()
	nets()
	for _, s := range sink {
		fmt.Fprintln(os.Stdout, s)
	}
}
