package reconcile

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
)

// The month-jump thresholds at their edges: 50 times the median (or 1/50
// of it) is out of line, just inside is not; under the materiality floor
// (100 of the unit apart) nothing is.
func TestJumpEdges(t *testing.T) {
	pl := DefaultPlausibility
	def := &Indicator{Code: "tax", Unit: units["万元"]}
	cases := []struct {
		v, med string
		want   bool
	}{
		{"19000", "380", true}, // 50×
		{"18999.99", "380", false},
		{"150", "3", true},   // 50×, 147 apart
		{"100", "2", false},  // 50×, but 98 apart: under the floor
		{"7.6", "380", true}, // 1/50
		{"7.61", "380", false},
		{"2", "200", true}, // 1/100, 198 apart
		{"1", "50", false}, // 1/50, 49 apart: under the floor
		{"380", "380", false},
	}
	for _, c := range cases {
		if _, got := jumpFinding(d(c.v), d(c.med), pl, def); got != c.want {
			t.Errorf("%s against median %s: finding %v, want %v", c.v, c.med, got, c.want)
		}
	}
	f, _ := jumpFinding(d("35000"), d("380"), pl, def)
	if f.Fields["times"] != "92" || f.Rule != RuleMonthJump || f.Severity != Warning {
		t.Errorf("35000 against 380: %+v, want 92 times, a month_jump warning", f)
	}
	if got := f.Message(Chinese); got != "本月 35000 万元，为该行其他月份中位数 380 万元的 92 倍，请核实是否误按元填写（单位为万元）" {
		t.Errorf("message %q", got)
	}
}

func TestMedianExact(t *testing.T) {
	for _, c := range []struct {
		xs   []string
		want string
	}{{[]string{"3", "1", "2"}, "2"}, {[]string{"4", "1", "2", "3"}, "2.5"}, {[]string{"0.01", "0.02"}, "0.015"}} {
		var xs []decimal.Decimal
		for _, x := range c.xs {
			xs = append(xs, d(x))
		}
		if got := median(xs); got.String() != c.want {
			t.Errorf("median %v = %s, want %s", c.xs, got, c.want)
		}
	}
}

// A month kept for the check gives back its figure and cell exactly,
// whether the reference is plain (held as letters and row) or not, and
// the figure small or not.
func TestJumpStoreRoundTrip(t *testing.T) {
	var s jumpStore
	big := NumOf(d("123456789012345678901234.5678"))
	for _, c := range []struct {
		cell string
		v    Num
	}{{"C17", NewNum(30976, -2)}, {"XFD1048576", big}, {"A1", NewNum(-5, 0)}, {"C07", NewNum(1, 0)}, {"$C$7", NewNum(2, 3)}, {"c7", NewNum(0, 0)}, {"ABCD1", NewNum(7, 0)}, {"7", NewNum(7, 0)}, {"C", NewNum(7, 0)}, {"C1234567890", NewNum(7, 0)}, {"", NewNum(7, 0)}} {
		src := Source{File: "f.xlsx", Sheet: "税收收入", Cell: c.cell}
		m := s.put(Period{Year: 2020, Month: 6}, jumpVal{value: c.v, src: src})
		if got := s.source(&m); got != src {
			t.Errorf("cell %q: source %+v, want %+v", c.cell, got, src)
		}
		if got := s.value(&m); !got.Equal(c.v) || got.String() != c.v.String() {
			t.Errorf("cell %q: value %s, want %s", c.cell, got, c.v)
		}
	}
}

// spread, the filter of rows before any median, agrees with the plain
// decimal comparison of every pair of positive months less than 24
// months apart, whatever the ratio (integer or not) and the figures.
func TestJumpSpreadAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var s jumpStore
		var ms []jumpMonth
		for k := range 1 + r.IntN(8) {
			v := NewNum(r.Int64N(2000)-100, int32(r.IntN(4)-2))
			if r.IntN(10) == 0 {
				v = NumOf(d("123456789012345678901234.5"))
			}
			m := s.put(Period{Year: 2020 + r.IntN(4), Month: 1 + r.IntN(12)}, jumpVal{value: v, src: Source{Cell: "C" + strconv.Itoa(k+3)}})
			ms = append(ms, m)
		}
		for _, ratio := range []decimal.Decimal{d("50"), d("1000"), d("2.5"), d("1")} {
			want := false
			for i := range ms {
				for j := range ms {
					lo, hi := s.value(&ms[i]), s.value(&ms[j])
					near := ms[i].at-ms[j].at < 24 && ms[j].at-ms[i].at < 24
					if i != j && near && lo.Sign() > 0 && hi.Sign() > 0 && hi.Decimal().Cmp(lo.Decimal().Mul(ratio)) >= 0 {
						want = true
					}
				}
			}
			if got := s.spread(ms, ratio); got != want {
				t.Fatalf("spread at %s = %v, want %v", ratio, got, want)
			}
		}
	}
}

// A row's months kept for month_jump are each month once, the later file
// of a month replacing the earlier, whatever order the months come in:
// in order (the list is not walked for a month later than every one
// kept), out of order, and a month again after an earlier one came late.
func TestJumpMonthsOnceInAnyOrder(t *testing.T) {
	for _, order := range [][]int{{1, 2, 3, 3}, {3, 1, 2, 3}, {2, 3, 1, 3, 2}, {1, 3, 2, 3, 1}} {
		sp := testSpec()
		sp.Plausibility = DefaultPlausibility
		l := NewLedger(sp, Options{AsOf: Period{2020, 12}})
		want := map[int32]int64{}
		for i, m := range order {
			p := Period{2020, m}
			fr := &FileRead{s: Submission{File: fmt.Sprintf("f%d.xlsx", i), Department: "czs", Period: p}}
			v := int64(100*m + i)
			fr.jumps = []jumpVal{{key: hashKey{1, 2}, ind: "tax", value: NewNum(v, 0), src: Source{File: fr.s.File, Sheet: "税收", Cell: "B4"}}}
			l.keepJumps(fr)
			want[int32(p.Year*12+p.Month-1)] = v
		}
		s := &l.jumps
		y := s.years["czs"]
		if y == nil || len(y.rows) != 1 {
			t.Fatalf("%v: rows %+v, want one", order, y)
		}
		got := map[int32]int64{}
		n := 0
		for i := y.rows[0].head; i >= 0; i = s.month(i).next {
			m := s.month(i)
			got[m.at] = s.value(m).coef
			n++
		}
		if n != len(want) || l.jumpCount != len(want) || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%v: %d months %v (count %d), want %v, each once", order, n, got, l.jumpCount, want)
		}
	}
}
