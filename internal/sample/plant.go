package sample

import (
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/shopspring/decimal"
)

// plant applies the deliberate findings of the sample year; testdata/README.md
// lists each with the finding tally must report. (The sixth, the missing
// 科技科 August, is in Generate; the seventh, 规模工业总产值 outside its
// interval, is in flows2020.)
func plant(fill templates.Fill, dept string, p reconcile.Period) {
	if p.Year != 2020 || !p.IsMonth() {
		return
	}
	switch {
	case dept == "zsb" && p.Month == 3:
		// A 合计 that is not the sum of its rows: 100.00万元 too much.
		t := fill["zsb-investment"]
		v := t.Total[1]
		v.Number = v.Number.Add(decimal.NewFromInt(100))
		t.Total[1] = v
	case dept == "czs" && p.Month == 6:
		// A 本年累计 that does not follow from May: 10.00万元 too much. The
		// department's SUM includes it, so the 合计 still adds up.
		t := fill["czs-tax"]
		bump := decimal.NewFromInt(10)
		t.Rows[0].Values[3] = templates.Value{Number: t.Rows[0].Values[3].Number.Add(bump)}
		t.Total[3] = templates.Value{Number: t.Total[3].Number.Add(bump)}
	case dept == "tjz" && p.Month == 9:
		// A number typed as text with thousands separators: accepted, noted.
		t := fill["tjz-fai"]
		best := 0
		for i, r := range t.Rows {
			if r.Values[1].Number.GreaterThan(t.Rows[best].Values[1].Number) {
				best = i
			}
		}
		t.Rows[best].Values[1] = templates.Value{Text: grouped(t.Rows[best].Values[1].Number)}
	case dept == "zsb" && p.Month == 11:
		// A cell that is not a number at all: the row is rejected and the
		// year's 津外内资到位额 is incomplete.
		fill["zsb-investment"].Rows[1].Values[1] = templates.Value{Text: "待核实"}
	}
}

// grouped writes d with two decimals and thousands separators: 12,345.60.
func grouped(d decimal.Decimal) string {
	s := d.StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + "." + frac
}
