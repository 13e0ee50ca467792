package reconcile

import (
	"fmt"
	"strings"
	"testing"
)

// The checks across months, pinned in order and content: an entity that
// appears (at its row) or is gone (at the sheet), the 本年累计 chain per
// entity including one that is new (from zero), one whose row was
// rejected last month (no comparison) and a revision.
func TestAcrossMonths(t *testing.T) {
	s := testSpec()
	tbl := &s.Departments[0].Tables[0]
	sub := func(m int, rows ...[3]any) Submission {
		file := fmt.Sprintf("2020-%02d-czs.xlsx", m)
		var rs []Row
		for i, r := range rows {
			line := 4 + i
			rs = append(rs, Row{Line: line, Name: r[0].(string), LineN: -1, Cells: []Cell{
				{Source: Source{file, "税收", fmt.Sprintf("A%d", line)}},
				num(file, fmt.Sprintf("B%d", line), r[1].(string)),
				num(file, fmt.Sprintf("C%d", line), r[2].(string)),
			}})
		}
		return Submission{File: file, Department: "czs", Period: Period{2020, m}, Sheets: []Sheet{{Table: tbl, Name: "税收", Rows: rs}}}
	}
	subs := []Submission{
		sub(1, [3]any{"甲", "10", "10"}, [3]any{"乙", "5", "5"}, [3]any{"丙", "1", "1"}, [3]any{"丁", "-1", "-1"}),
		// 乙 gone; 戊 and 己 appear (己 from zero: 3 = 0 + 3); 甲 revised
		// (10 + 10 ≠ 25); 丙 follows; 丁 was rejected in January
		// (negative): no comparison, whatever its figures.
		sub(2, [3]any{"己", "3", "3"}, [3]any{"甲", "10", "25"}, [3]any{"丙", "2", "3.00"}, [3]any{"戊", "4", "9"}, [3]any{"丁", "7", "100"}),
	}
	res := Consolidate(s, subs, Options{AsOf: Period{2020, 2}})
	var got []string
	for _, f := range res.Findings {
		switch f.Rule {
		case RuleAppears, RuleDisappears, RuleYTDChain:
			got = append(got, fmt.Sprintf("%s %s %s %v", f.Rule, f.Source, f.Raw, f.Fields))
		}
	}
	want := []string{
		"ytd_chain 2020-02-czs.xlsx: 税收!C5 25 map[expected:20 month:10 prev:2020-01 prev_ytd:10 revision:5 ytd:25]",
		"ytd_chain 2020-02-czs.xlsx: 税收!C7 9 map[expected:4 month:4 prev:2020-01 prev_ytd:0 revision:5 ytd:9]",
		"entity_appears 2020-02-czs.xlsx: 税收!A4 己 map[name:己 prev:2020-01]",
		"entity_appears 2020-02-czs.xlsx: 税收!A7 戊 map[name:戊 prev:2020-01]",
		"entity_disappears 2020-02-czs.xlsx: 税收 乙 map[name:乙 prev:2020-01]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
