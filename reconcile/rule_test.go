package reconcile

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestRules(t *testing.T) {
	vals := map[Ref]string{
		{Name: "a"}: "10", {Name: "b"}: "3", {Name: "z"}: "0",
		{Name: "税收收入", Measure: YTDValue}: "30", {Name: "tax", Measure: MonthValue}: "0.1",
	}
	look := func(r Ref) (decimal.Decimal, bool) {
		v, ok := vals[r]
		if !ok {
			return decimal.Decimal{}, false
		}
		return decimal.RequireFromString(v), true
	}
	for _, c := range []struct {
		expr   string
		holds  bool
		totals bool
	}{
		{"a > b", true, false},
		{"a = b * 3 + 1", true, false},
		{"a == 10", true, false},
		{"a ≥ 10", true, false},
		{"a != 10", false, false},
		{"-a < b", true, false},
		{"(a - b) * 2 = 14", true, false},
		{"a / b * 3 = 10", false, false}, // 3.333…(20 places)·3 ≠ 10: exact, not rounded to look equal
		{"sum(a) <= sum(b)", false, true},
		{"税收收入.本年累计 >= tax.month", true, false},
		{"tax.month * 3 = 0.3", true, false}, // 0.1·3 is exactly 0.3 in decimal
	} {
		e, err := ParseExpr(c.expr)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		holds, _, _, err := e.Eval(look)
		if err != nil || holds != c.holds || e.Totals != c.totals {
			t.Errorf("%s: holds %v totals %v err %v; want %v %v", c.expr, holds, e.Totals, err, c.holds, c.totals)
		}
	}
	for _, bad := range []string{"", "a", "a >", "a > b c", "sum(a) > b", "1 > 2", "a.weekly > 1", "sum(a > 1", "((((a", "a > 1.2.3", strings.Repeat("(", 200) + "a"} {
		if _, err := ParseExpr(bad); err == nil {
			t.Errorf("%q should not parse", bad)
		}
	}
	e, _ := ParseExpr("a / z > 1")
	if _, _, _, err := e.Eval(look); err == nil || !strings.Contains(err.Error(), "division by zero") {
		t.Errorf("division by zero: %v", err)
	}
	e, _ = ParseExpr("missing > 1")
	if _, _, _, err := e.Eval(look); err == nil {
		t.Error("a missing figure cannot be compared")
	}
}

// FuzzParseExpr: any text either parses or is refused; nothing panics, and
// what parses evaluates without panicking.
func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{"sum(hightech_total) <= sum(above_scale)", "tax.ytd >= tax.month", "a/(b-c)*2 != -3.5", "税收收入.本年累计 ≥ 0", "((a))=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseExpr(s)
		if err != nil {
			return
		}
		_, _, _, _ = e.Eval(func(Ref) (decimal.Decimal, bool) { return decimal.NewFromInt(2), true })
	})
}
