package harness

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

var palette = []string{"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"}

// WriteSVG draws the run-time ratios to native as horizontal grouped bars
// on a log scale, one panel per tier.
func WriteSVG(w io.Writer, rep *Report) error {
	type panel struct {
		title string
		rows  []*Row
	}
	panels := []panel{{"Full size", rep.Fast}, {"Reduced size (with interpreters)", rep.Slow}}
	if rep.Quick {
		panels[0].title, panels[1].title = "Quick size", "Quick reduced size (with interpreters)"
	}
	// One colour per engine across panels.
	colour := map[string]string{}
	var all []string
	for _, pn := range panels {
		for _, e := range rowEngines(pn.rows) {
			if e == RefNative {
				continue
			}
			if _, ok := colour[e]; !ok {
				colour[e] = palette[len(all)%len(palette)]
				all = append(all, e)
			}
		}
	}
	// Log scale from 0.5x to the largest ratio.
	maxR := 2.0
	for _, pn := range panels {
		for _, r := range pn.rows {
			for _, e := range all {
				if x := r.Ratio(e, RefNative); x > maxR {
					maxR = x
				}
			}
		}
	}
	lo, hi := math.Log10(0.5), math.Ceil(math.Log10(maxR)*2)/2
	const (
		width, left, right, barH, gap, top = 900.0, 120.0, 30.0, 9.0, 8.0, 40.0
	)
	plotW := width - left - right
	x := func(r float64) float64 { return left + (math.Log10(r)-lo)/(hi-lo)*plotW }

	var b strings.Builder
	y := top
	body := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	for _, pn := range panels {
		if len(pn.rows) == 0 {
			continue
		}
		es := []string{}
		for _, e := range rowEngines(pn.rows) {
			if e != RefNative {
				es = append(es, e)
			}
		}
		body(`<text x="%g" y="%g" font-weight="bold">%s — run time ÷ native (log scale)</text>`+"\n", left, y, html.EscapeString(pn.title))
		y += 12
		y0 := y
		for _, r := range pn.rows {
			groupH := float64(len(es)) * barH
			body(`<text x="%g" y="%g" text-anchor="end" font-size="11">%s</text>`+"\n", left-6, y+groupH/2+4, html.EscapeString(r.Program.Name))
			for _, e := range es {
				v := r.Ratio(e, RefNative)
				if !math.IsNaN(v) && v > 0 {
					x0, x1 := x(0.5), x(math.Max(v, 0.5))
					body(`<rect x="%.1f" y="%.1f" width="%.1f" height="%g" fill="%s"><title>%s %s: ×%.2f</title></rect>`+"\n",
						x0, y, x1-x0, barH-1, colour[e], html.EscapeString(r.Program.Name), html.EscapeString(e), v)
					body(`<text x="%.1f" y="%.1f" font-size="8" fill="#444">%s</text>`+"\n", x1+3, y+barH-2, ratio(v))
				}
				y += barH
			}
			y += gap
		}
		// Grid lines at 1-2-5 steps.
		for d := math.Floor(lo); d <= hi; d++ {
			for _, m := range []float64{1, 2, 5} {
				r := m * math.Pow(10, d)
				if math.Log10(r) < lo-1e-9 || math.Log10(r) > hi+1e-9 {
					continue
				}
				stroke := "#ddd"
				if r == 1 {
					stroke = "#333"
				}
				body(`<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="%s"/>`+"\n", x(r), y0, x(r), y, stroke)
				body(`<text x="%.1f" y="%g" text-anchor="middle" font-size="10">%g×</text>`+"\n", x(r), y+12, r)
			}
		}
		y += 40
	}
	// Legend.
	lx := left
	for _, e := range all {
		body(`<rect x="%g" y="%g" width="12" height="12" fill="%s"/><text x="%g" y="%g" font-size="12">%s</text>`+"\n", lx, y-10, colour[e], lx+16, y, html.EscapeString(e))
		lx += 20 + 8*float64(len(e))
	}
	y += 20
	_, err := fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" font-family="sans-serif" font-size="13">
<rect width="100%%" height="100%%" fill="white"/>
<text x="%g" y="20" font-size="15" font-weight="bold">wasmrun bench: time relative to native (%s, %s)</text>
%s</svg>
`, width, y, left, rep.Date.Format("2006-01-02"), map[bool]string{true: "quick run", false: "full run"}[rep.Quick], b.String())
	return err
}
