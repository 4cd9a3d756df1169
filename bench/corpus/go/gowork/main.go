// Command gowork holds the corpus's Go programs in one binary so that only
// one Go module (a few MB) is committed. Usage: gowork PROGRAM SIZE, where
// PROGRAM is one of json, regex, strings, bigint. Each program is
// deterministic and prints "checksum: HEX" as its last line.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/big"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gowork json|regex|strings|bigint SIZE")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "bad size:", os.Args[2])
		os.Exit(2)
	}
	var sum uint64
	switch os.Args[1] {
	case "json":
		sum = jsonWork(n)
	case "regex":
		sum = regexWork(n)
	case "strings":
		sum = stringsWork(n)
	case "bigint":
		sum = bigWork(n)
	default:
		fmt.Fprintln(os.Stderr, "unknown program:", os.Args[1])
		os.Exit(2)
	}
	fmt.Printf("checksum: %016x\n", sum)
}

// rng is a 64-bit linear congruential generator; every program draws its
// input from it so the output never depends on the platform.
type rng uint64

func (r *rng) next() uint64 {
	*r = *r*6364136223846793005 + 1442695040888963407
	return uint64(*r >> 11)
}

var words = strings.Fields(`alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima
mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu wasm
engine register stack memory table global function module import export branch loop block`)

func (r *rng) word() string { return words[r.next()%uint64(len(words))] }

// Order is one record of the JSON workload.
type Order struct {
	ID       int64             `json:"id"`
	Customer string            `json:"customer"`
	Email    string            `json:"email"`
	Paid     bool              `json:"paid"`
	Total    float64           `json:"total"`
	Tags     []string          `json:"tags"`
	Lines    []Line            `json:"lines"`
	Meta     map[string]string `json:"meta"`
}

// Line is an order line.
type Line struct {
	SKU   string `json:"sku"`
	Qty   int    `json:"qty"`
	Price int64  `json:"price_cents"`
}

// jsonWork encodes n batches of 20 orders, decodes them back into structs
// and into generic maps, and re-encodes the generic form.
func jsonWork(n int) uint64 {
	h := fnv.New64a()
	r := rng(1)
	for b := 0; b < n; b++ {
		orders := make([]Order, 20)
		for i := range orders {
			o := &orders[i]
			o.ID = int64(b*1000 + i)
			o.Customer = r.word() + " " + r.word()
			o.Email = r.word() + "@" + r.word() + ".example"
			o.Paid = r.next()%2 == 0
			for k := 0; k < int(r.next()%4); k++ {
				o.Tags = append(o.Tags, r.word())
			}
			for k := 0; k < 1+int(r.next()%5); k++ {
				l := Line{SKU: fmt.Sprintf("%s-%04d", r.word(), r.next()%10000), Qty: 1 + int(r.next()%9), Price: int64(r.next() % 100000)}
				o.Lines = append(o.Lines, l)
				o.Total += float64(l.Price*int64(l.Qty)) / 100
			}
			o.Meta = map[string]string{"src": r.word(), "note": strings.Repeat(r.word(), 2)}
		}
		data, err := json.Marshal(orders)
		if err != nil {
			panic(err)
		}
		var back []Order
		if err := json.Unmarshal(data, &back); err != nil {
			panic(err)
		}
		var generic []map[string]any
		if err := json.Unmarshal(data, &generic); err != nil {
			panic(err)
		}
		again, err := json.Marshal(generic)
		if err != nil {
			panic(err)
		}
		h.Write(data)
		h.Write(again)
		fmt.Fprintf(h, "%d %v %.2f", len(back), back[len(back)-1].Paid, back[0].Total)
	}
	return h.Sum64()
}

// regexWork builds a log-like text of n*100 lines and runs several
// regular expressions over it: matching, submatch extraction, replacement.
func regexWork(n int) uint64 {
	r := rng(2)
	var sb strings.Builder
	for i := 0; i < n*100; i++ {
		fmt.Fprintf(&sb, "2026-%02d-%02dT%02d:%02d:%02d %s user=%s@%s.example path=/%s/%s/%d status=%d ms=%d\n",
			1+r.next()%12, 1+r.next()%28, r.next()%24, r.next()%60, r.next()%60,
			[]string{"INFO", "WARN", "ERROR", "DEBUG"}[r.next()%4], r.word(), r.word(), r.word(), r.word(), r.next()%1000,
			[]int{200, 201, 301, 404, 500}[r.next()%5], r.next()%5000)
	}
	text := sb.String()
	email := regexp.MustCompile(`user=([a-z]+)@([a-z]+)\.example`)
	errs := regexp.MustCompile(`(?m)^\S+ (ERROR|WARN) .* status=(5\d\d|404) ms=(\d+)$`)
	path := regexp.MustCompile(`path=(/[a-z]+)+/(\d+)`)
	h := fnv.New64a()
	counts := map[string]int{}
	for _, m := range email.FindAllStringSubmatch(text, -1) {
		counts[m[2]]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%d;", k, counts[k])
	}
	slow := 0
	for _, m := range errs.FindAllStringSubmatch(text, -1) {
		if ms, _ := strconv.Atoi(m[3]); ms > 2500 {
			slow++
		}
	}
	fmt.Fprintf(h, "slow=%d;", slow)
	out := path.ReplaceAllString(text, "path=$1/#")
	h.Write([]byte(out))
	return h.Sum64()
}

// stringsWork does n rounds of string building, splitting, searching,
// case mapping, replacing and sorting over generated text.
func stringsWork(n int) uint64 {
	r := rng(3)
	h := fnv.New64a()
	for round := 0; round < n; round++ {
		var sb strings.Builder
		for i := 0; i < 4000; i++ {
			sb.WriteString(r.word())
			if r.next()%7 == 0 {
				sb.WriteString(", ")
			} else {
				sb.WriteByte(' ')
			}
		}
		s := sb.String()
		fields := strings.Fields(s)
		sort.Strings(fields)
		up := strings.ToUpper(s)
		rep := strings.NewReplacer("alpha", "ALPHA!", "wasm", "WebAssembly", ", ", ";")
		s2 := rep.Replace(s)
		parts := strings.Split(s2, ";")
		cnt := strings.Count(s, "engine") + strings.Count(up, "LOOP")
		idx := strings.LastIndex(s, "zulu")
		var buf bytes.Buffer
		for _, p := range parts {
			buf.WriteString(strings.TrimSpace(strings.ToTitle(p[:len(p)/2]) + p[len(p)/2:]))
			buf.WriteByte('|')
		}
		fmt.Fprintf(h, "%d %d %d %s %s", len(fields), cnt, idx, fields[len(fields)/2], strconv.Quote(s2[:40]))
		h.Write(buf.Bytes())
		h.Write([]byte(strings.Join(fields[:100], "+")))
	}
	return h.Sum64()
}

// bigWork computes n digits of pi with Machin's formula in fixed point
// using math/big, then the factorial of n/4 and a modular exponentiation.
func bigWork(n int) uint64 {
	ten := big.NewInt(10)
	unity := new(big.Int).Exp(ten, big.NewInt(int64(n+10)), nil)
	arctanInv := func(x int64) *big.Int {
		sum := new(big.Int)
		xx := big.NewInt(x * x)
		term := new(big.Int).Div(unity, big.NewInt(x))
		t := new(big.Int)
		for k := int64(0); term.Sign() != 0; k++ {
			t.Div(term, big.NewInt(2*k+1))
			if k%2 == 0 {
				sum.Add(sum, t)
			} else {
				sum.Sub(sum, t)
			}
			term.Div(term, xx)
		}
		return sum
	}
	pi := new(big.Int).Mul(big.NewInt(16), arctanInv(5))
	pi.Sub(pi, new(big.Int).Mul(big.NewInt(4), arctanInv(239)))
	digits := pi.String()[:n]
	f := big.NewInt(1)
	for i := int64(2); i <= int64(n/4); i++ {
		f.Mul(f, big.NewInt(i))
	}
	m := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 521), big.NewInt(1))
	e := new(big.Int).Exp(big.NewInt(3), f.Rsh(f, uint(f.BitLen()/2)), m)
	h := fnv.New64a()
	h.Write([]byte(digits))
	h.Write(f.Bytes())
	h.Write(e.Bytes())
	return h.Sum64()
}
