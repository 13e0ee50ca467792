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
		"ytd_chain 2020-02-czs.xlsx: 税收!C5 25 map[expected:20 month:10 off:[多 5 5 too high] prev:2020-01 prev_ytd:10 revision:5 ytd:25]",
		"ytd_chain 2020-02-czs.xlsx: 税收!C7 9 map[expected:4 month:4 off:[多 5 5 too high] prev:2020-01 prev_ytd:0 revision:5 ytd:9]",
		"entity_appears 2020-02-czs.xlsx: 税收!A4 己 map[name:己 prev:2020-01]",
		"entity_appears 2020-02-czs.xlsx: 税收!A7 戊 map[name:戊 prev:2020-01]",
		"entity_disappears 2020-02-czs.xlsx: 税收 乙 map[name:乙 prev:2020-01]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A month whose 本年累计 follows what last month's should have been is not
// blamed for last month's error (testdata's planted #3: June wrong, July
// right); one that follows last month's wrong figure is not either (the
// error is last month's); one that follows neither is, against last
// month's figure as stated, with the change in plain words.
func TestChainAfterBrokenMonth(t *testing.T) {
	s := testSpec()
	tbl := &s.Departments[0].Tables[0]
	sub := func(m int, rows ...[3]string) Submission {
		file := fmt.Sprintf("2020-%02d-czs.xlsx", m)
		var rs []Row
		for i, r := range rows {
			line := 4 + i
			rs = append(rs, Row{Line: line, Name: r[0], LineN: -1, Cells: []Cell{
				{Source: Source{file, "税收", fmt.Sprintf("A%d", line)}},
				num(file, fmt.Sprintf("B%d", line), r[1]),
				num(file, fmt.Sprintf("C%d", line), r[2]),
			}})
		}
		return Submission{File: file, Department: "czs", Period: Period{2020, m}, Sheets: []Sheet{{Table: tbl, Name: "税收", Rows: rs}}}
	}
	subs := []Submission{
		sub(1, [3]string{"甲", "10", "10"}, [3]string{"乙", "5", "5"}, [3]string{"丙", "1", "1"}, [3]string{"丁", "1", "1"}),
		// 甲, 丙 and 丁 break the chain in February (20, 2 and 2 would be right).
		sub(2, [3]string{"甲", "10", "30"}, [3]string{"乙", "5", "10"}, [3]string{"丙", "1", "7"}, [3]string{"丁", "1", "5"}),
		// 甲 follows February's right figure (20 + 10), 丙 its stated one
		// (7 + 1); 丁 neither (2 + 1 = 3, 5 + 1 = 6).
		sub(3, [3]string{"甲", "10", "30"}, [3]string{"乙", "5", "15"}, [3]string{"丙", "1", "8"}, [3]string{"丁", "1", "4"}),
		// March's 甲 was right: April follows it.
		sub(4, [3]string{"甲", "1", "31"}, [3]string{"乙", "5", "20"}, [3]string{"丙", "1", "9"}, [3]string{"丁", "1", "5"}),
	}
	res := Consolidate(s, subs, Options{AsOf: Period{2020, 4}})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == RuleYTDChain {
			got = append(got, fmt.Sprintf("%s %s %s", f.Source, f.Raw, f.Message(Chinese)))
		}
	}
	want := []string{
		"2020-02-czs.xlsx: 税收!C4 30 本年累计 30 不等于上月（2020-01）累计 10 加本月 10，应改为 20（现填数多 10）",
		"2020-02-czs.xlsx: 税收!C6 7 本年累计 7 不等于上月（2020-01）累计 1 加本月 1，应改为 2（现填数多 5）",
		"2020-02-czs.xlsx: 税收!C7 5 本年累计 5 不等于上月（2020-01）累计 1 加本月 1，应改为 2（现填数多 3）",
		"2020-03-czs.xlsx: 税收!C7 4 本年累计 4 不等于上月（2020-02）累计 5 加本月 1，应改为 6（现填数少 2）",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
