package reconcile

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
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
		"entity_disappears 2020-02-czs.xlsx: 税收 乙 map[name:乙 prev:2020-01]",
		"entity_appears 2020-02-czs.xlsx: 税收!A4 己 map[name:己 prev:2020-01]",
		"entity_appears 2020-02-czs.xlsx: 税收!A7 戊 map[name:戊 prev:2020-01]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The checks across months against a model of what they promise, on
// random months: entities in any order (the month finds last month's
// figure where it was, else by key), some twice in a month (the second
// row is a duplicate and breaks the entity's chain), some negative
// (rejected: no comparison), some new or gone; a month that follows what
// last month's broken 本年累计 should have been is not blamed.
func TestAcrossMonthsModel(t *testing.T) {
	s := testSpec()
	tbl := &s.Departments[0].Tables[0]
	pool := []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"}
	type row struct {
		name          string
		month, ytd    int
		line          int
		dup, negative bool
	}
	r := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 300; round++ {
		months := make([][]row, 2)
		var subs []Submission
		for m := range months {
			file := fmt.Sprintf("2020-%02d-czs.xlsx", m+1)
			names := r.Perm(len(pool))[:r.IntN(len(pool)+1)]
			var rs []Row
			seen := map[string]bool{}
			for _, i := range names {
				n := 1
				if r.IntN(6) == 0 {
					n = 2 // the entity twice
				}
				for range n {
					x := row{name: pool[i], month: r.IntN(5), ytd: r.IntN(12), line: 4 + len(rs)}
					if r.IntN(8) == 0 {
						x.month = -1
					}
					x.negative = x.month < 0
					x.dup = seen[x.name]
					seen[x.name] = true
					months[m] = append(months[m], x)
					rs = append(rs, Row{Line: x.line, Name: x.name, LineN: -1, Cells: []Cell{
						{Source: Source{file, "税收", fmt.Sprintf("A%d", x.line)}},
						num(file, fmt.Sprintf("B%d", x.line), fmt.Sprint(x.month)),
						num(file, fmt.Sprintf("C%d", x.line), fmt.Sprint(x.ytd)),
					}})
				}
			}
			subs = append(subs, Submission{File: file, Department: "czs", Period: Period{2020, m + 1}, Sheets: []Sheet{{Table: tbl, Name: "税收", Rows: rs}}})
		}
		// The model: an entity's figure in a month, unless a row of it was
		// rejected; its first row, if noted (checked: not a duplicate).
		type fig struct {
			month, ytd int
			line       int
			broken     bool
		}
		model := func(rows []row) (map[string]*fig, []string, map[string]int) {
			figs, first := map[string]*fig{}, map[string]int{}
			var order []string
			for _, x := range rows {
				f := figs[x.name]
				if f == nil {
					f = &fig{month: x.month, ytd: x.ytd, line: x.line}
					figs[x.name] = f
					order = append(order, x.name)
					first[x.name] = x.line
				}
				if x.dup || x.negative {
					f.broken = true
				}
			}
			return figs, order, first
		}
		prev, _, prevFirst := model(months[0])
		cur, order, curFirst := model(months[1])
		var want []string
		for _, name := range order {
			f := cur[name]
			if f.broken {
				continue
			}
			p, fixed := 0, -1
			if pf, ok := prev[name]; ok {
				if pf.broken {
					continue
				}
				p = pf.ytd
				if pf.month != pf.ytd {
					fixed = pf.month // January broke its chain from 0: what it should have been
				}
			}
			if p+f.month != f.ytd && (fixed < 0 || fixed+f.month != f.ytd) {
				want = append(want, fmt.Sprintf("ytd_chain C%d", f.line))
			}
		}
		var appears, gone []int
		for name, line := range curFirst {
			if _, ok := prevFirst[name]; !ok {
				appears = append(appears, line)
			}
		}
		for name, line := range prevFirst {
			if _, ok := curFirst[name]; !ok {
				gone = append(gone, line)
			}
		}
		sort.Ints(appears)
		sort.Ints(gone)
		// Reading order (ReportOrder): a sheet's finding of no cell first.
		for _, l := range gone {
			var name string
			for _, x := range months[0] {
				if x.line == l {
					name = x.name
				}
			}
			want = append(want, "entity_disappears "+name)
		}
		for _, l := range appears {
			want = append(want, fmt.Sprintf("entity_appears A%d", l))
		}
		if len(months[0]) == 0 || len(months[1]) == 0 {
			// A month with no row is a file with no figure (a blank
			// template sent back): its no_figures says so, and the other
			// month is not held against its nothing (no chain from 0, no
			// row new to it or gone from it).
			want = nil
		}
		res := Consolidate(s, subs, Options{AsOf: Period{2020, 2}})
		var got []string
		for _, f := range res.Findings {
			if f.Period != "2020-02" {
				continue // January's chain, from zero: pinned by TestAcrossMonths
			}
			switch f.Rule {
			case RuleYTDChain:
				got = append(got, fmt.Sprintf("%s %s", f.Rule, f.Cell))
			case RuleAppears:
				got = append(got, fmt.Sprintf("%s %s", f.Rule, f.Cell))
			case RuleDisappears:
				got = append(got, fmt.Sprintf("%s %s", f.Rule, f.Raw))
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("round %d: months %v\ngot\n%s\nwant\n%s", round, months, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// A row's figures are found by key whatever the order of the table's
// columns: here 本月 of tax and fee, then their 本年累计, so a 本年累计 is
// not next to its 本月. A revision of tax in February is found at its
// cell, and nothing else.
func TestAcrossMonthsInterleaved(t *testing.T) {
	s := testSpec()
	s.Indicators = append(s.Indicators, Indicator{Code: "fee", Name: "规费", Unit: s.Indicators[0].Unit, Precision: 2, Aggregation: Sum})
	tbl := &s.Departments[0].Tables[0]
	tbl.Columns = []Column{
		{Role: RoleName, Header: "企业名称"},
		{Role: RoleValue, Indicator: "tax", Measure: MonthValue, Header: "税收本月"},
		{Role: RoleValue, Indicator: "fee", Measure: MonthValue, Header: "规费本月"},
		{Role: RoleValue, Indicator: "tax", Measure: YTDValue, Header: "税收本年累计"},
		{Role: RoleValue, Indicator: "fee", Measure: YTDValue, Header: "规费本年累计"},
	}
	sub := func(m int, taxYTD string) Submission {
		file := fmt.Sprintf("2020-%02d-czs.xlsx", m)
		var rs []Row
		for i, name := range []string{"甲", "乙"} {
			line := 4 + i
			ytd := fmt.Sprint(10 * m)
			if name == "甲" {
				ytd = taxYTD
			}
			rs = append(rs, Row{Line: line, Name: name, LineN: -1, Cells: []Cell{
				{Source: Source{file, "税收", fmt.Sprintf("A%d", line)}},
				num(file, fmt.Sprintf("B%d", line), "10"),
				num(file, fmt.Sprintf("C%d", line), "1"),
				num(file, fmt.Sprintf("D%d", line), ytd),
				num(file, fmt.Sprintf("E%d", line), fmt.Sprint(m)),
			}})
		}
		return Submission{File: file, Department: "czs", Period: Period{2020, m}, Sheets: []Sheet{{Table: tbl, Name: "税收", Rows: rs}}}
	}
	res := Consolidate(s, []Submission{sub(1, "10"), sub(2, "25")}, Options{AsOf: Period{2020, 2}})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == RuleYTDChain {
			got = append(got, f.Source.String())
		}
	}
	if want := []string{"2020-02-czs.xlsx: 税收!D4"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ytd_chain at %v, want %v", got, want)
	}
}

// One credit code, one name: checked against a model over six months of
// random rows, in the same order as the month before (the check then
// trusts last month's result at the same place) or shuffled, with names
// that change and change back.
func TestCodeNamesModel(t *testing.T) {
	s := testSpec()
	tbl := &s.Departments[0].Tables[0]
	tbl.Columns = []Column{
		{Role: RoleName, Header: "企业名称"},
		{Role: RoleCode, Header: "统一社会信用代码"},
		{Role: RoleValue, Indicator: "tax", Measure: MonthValue, Header: "本月"},
		{Role: RoleValue, Indicator: "tax", Measure: YTDValue, Header: "本年累计"},
	}
	var codes []string
	for i := range 5 {
		codes = append(codes, NewCreditCode("120111", fmt.Sprintf("%08d", 10000000+i*7919)))
	}
	names := [][2]string{{"甲厂", "甲公司"}, {"乙厂", "乙公司"}, {"丙厂", "丙公司"}, {"丁厂", "丁公司"}, {"戊厂", "戊公司"}}
	r := rand.New(rand.NewPCG(9, 10))
	for round := 0; round < 200; round++ {
		var subs []Submission
		var want []string
		first := map[string]string{}
		order := r.Perm(len(codes))
		for m := 1; m <= 6; m++ {
			file := fmt.Sprintf("2020-%02d-czs.xlsx", m)
			if r.IntN(3) == 0 {
				order = r.Perm(len(codes))
			}
			var rs []Row
			for _, ci := range order[:len(order)-r.IntN(2)] {
				line := 4 + len(rs)
				name := names[ci][0]
				if r.IntN(4) == 0 {
					name = names[ci][1]
				}
				code := codes[ci]
				if f, ok := first[code]; !ok {
					first[code] = name
				} else if f != name {
					want = append(want, fmt.Sprintf("%s B%d %s≠%s", file, line, name, f))
				}
				rs = append(rs, Row{Line: line, Name: name, Code: code, LineN: -1, CodeSource: Source{file, "税收", fmt.Sprintf("B%d", line)}, Cells: []Cell{
					{Source: Source{file, "税收", fmt.Sprintf("A%d", line)}},
					{Source: Source{file, "税收", fmt.Sprintf("B%d", line)}},
					num(file, fmt.Sprintf("C%d", line), "1"),
					num(file, fmt.Sprintf("D%d", line), fmt.Sprint(m)),
				}})
			}
			subs = append(subs, Submission{File: file, Department: "czs", Period: Period{2020, m}, Sheets: []Sheet{{Table: tbl, Name: "税收", Rows: rs}}})
		}
		res := Consolidate(s, subs, Options{AsOf: Period{2020, 6}})
		var got []string
		for _, f := range res.Findings {
			if f.Rule == RuleCodeNames {
				got = append(got, fmt.Sprintf("%s %s %s≠%s", f.File, f.Cell, f.Fields["name"], f.Fields["first_name"]))
			}
		}
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("round %d: got\n%s\nwant\n%s", round, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
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

// The months kept across departments are bounded (MaxHeldMonthValues):
// a department's month past the limit is not kept, and its next month
// says its checks across months were not run, naming the limit; a
// department whose month was kept is checked as usual.
func TestHeldMonthsBounded(t *testing.T) {
	old := MaxHeldMonthValues
	MaxHeldMonthValues = 3 // one department's month: two rows of tax
	defer func() { MaxHeldMonthValues = old }()
	s := testSpec()
	d2 := s.Departments[0]
	d2.Code, d2.Name = "czs2", "财政所二"
	d2.Tables = []Table{s.Departments[0].Tables[0]}
	d2.Tables[0].ID = "czs2-tax"
	s.Departments = append(s.Departments, d2)
	sub := func(dept string, m int) Submission {
		b := month(s, m)
		b.Department = dept
		if dept == "czs2" {
			b.Sheets[0].Table = &s.Departments[1].Tables[0]
		}
		return b
	}
	subs := []Submission{sub("czs", 1), sub("czs2", 1), sub("czs", 2), sub("czs2", 2)}
	res := Consolidate(s, subs, Options{AsOf: Period{2020, 2}})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == RuleNotChecked {
			got = append(got, fmt.Sprintf("%s %s %v", f.Department, f.Period, f.Fields["limit"]))
		}
	}
	if want := "czs2 2020-02 3"; strings.Join(got, "\n") != want {
		t.Errorf("not_checked:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if !res.Series[0].Months[2].Value.Equal(d("20000")) {
		t.Errorf("February %s, want both departments' 20000", res.Series[0].Months[2].Value)
	}
}

// A sheet read with every row gone, another sheet of the file with its
// figures: each row's entity_disappears names the sheet (last month's name
// for it). A file with no figure at all (a blank template sent back): no
// row is said gone, its no_figures error says the month is not there. A
// sheet not given at all: no row is said gone (the reader's missing_sheet
// is the one finding), and the month's figure is incomplete, naming the
// unread sheet.
func TestGoneRowsNameTheirSheet(t *testing.T) {
	s := testSpec()
	s.Indicators = append(s.Indicators, Indicator{Code: "fee", Name: "非税收入", Unit: s.Indicators[0].Unit, Precision: 2, Aggregation: Sum})
	d := &s.Departments[0]
	d.Tables = append(d.Tables, Table{ID: "czs-fee", Sheet: "非税", Frequency: Monthly, Rows: Enterprise, Columns: []Column{
		{Role: RoleName, Header: "单位名称"},
		{Role: RoleValue, Indicator: "fee", Measure: MonthValue, Header: "本月"},
		{Role: RoleValue, Indicator: "fee", Measure: YTDValue, Header: "本年累计"},
	}})
	tbl, fee := &d.Tables[0], &d.Tables[2]
	rows := func(file, sheet string, m int, names ...string) []Row {
		var rs []Row
		for i, name := range names {
			line := 4 + i
			c := num(file, fmt.Sprintf("B%d", line), "10")
			y := num(file, fmt.Sprintf("C%d", line), strconv.Itoa(10*m))
			c.Sheet, y.Sheet = sheet, sheet
			rs = append(rs, Row{Line: line, Name: name, LineN: -1, Cells: []Cell{{Source: Source{file, sheet, fmt.Sprintf("A%d", line)}}, c, y}})
		}
		return rs
	}
	jan := func() Submission {
		file := "2020-01-czs.xlsx"
		return Submission{File: file, Department: "czs", Period: Period{2020, 1}, Sheets: []Sheet{
			{Table: tbl, Name: "税收", Rows: rows(file, "税收", 1, "甲", "乙")}, {Table: fee, Name: "非税", Rows: rows(file, "非税", 1, "丙")}}}
	}
	file := "2020-02-czs.xlsx"
	empty := Submission{File: file, Department: "czs", Period: Period{2020, 2}, Sheets: []Sheet{
		{Table: tbl, Name: "税收"}, {Table: fee, Name: "非税", Rows: rows(file, "非税", 2, "丙")}}}
	res := Consolidate(s, []Submission{jan(), empty}, Options{AsOf: Period{2020, 2}})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == RuleDisappears {
			got = append(got, f.Source.String()+" "+f.Raw)
		}
	}
	if want := "2020-02-czs.xlsx: 税收 甲\n2020-02-czs.xlsx: 税收 乙"; strings.Join(got, "\n") != want {
		t.Errorf("rows gone from a sheet read:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}

	blank := Submission{File: file, Department: "czs", Period: Period{2020, 2}, Sheets: []Sheet{{Table: tbl, Name: "税收"}, {Table: fee, Name: "非税"}}}
	res = Consolidate(s, []Submission{jan(), blank}, Options{AsOf: Period{2020, 2}})
	got = nil
	for _, f := range res.Findings {
		if f.Period == "2020-02" {
			got = append(got, string(f.Rule))
		}
	}
	if strings.Join(got, ",") != "no_figures" {
		t.Errorf("a file with no figure: %v, want no_figures alone", got)
	}

	none := Submission{File: "2020-02-czs.xlsx", Department: "czs", Period: Period{2020, 2}}
	res = Consolidate(s, []Submission{jan(), none}, Options{AsOf: Period{2020, 2}})
	for _, f := range res.Findings {
		if f.Rule == RuleDisappears || f.Rule == RuleAppears {
			t.Errorf("sheet not given: %s %s", f.Rule, f.Message(Chinese))
		}
	}
	var feb *Figure
	for i := range res.Series {
		if res.Series[i].Indicator.Code == "tax" {
			feb = &res.Series[i].Months[2]
		}
	}
	if feb == nil || len(feb.Incomplete) != 1 || feb.Incomplete[0].In(Chinese) != "未读取的工作表：2020-02-czs.xlsx: 税收" {
		t.Errorf("February's tax with its sheet not given: %+v, want incomplete, 未读取的工作表", feb)
	}
}
