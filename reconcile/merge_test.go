package reconcile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

var mergeDefs = []Indicator{
	{Code: "tax", Name: "税收收入", Unit: Unit{"万元", "元", 4}, Precision: 6, Aggregation: Sum},
	{Code: "firms", Name: "企业数", Unit: Unit{"家", "家", 0}, Aggregation: Latest},
}

// town makes a verified town node whose months hold the given figures
// (tax, firms) through asOf.
func town(name string, asOf int, tax, firms []string) Node {
	n := Node{Name: name, File: name + ".xlsx", SHA256: strings.Repeat("a", 64), AsOf: Period{2020, asOf}, Defs: mergeDefs,
		Cells: map[string][14]string{}, FiguresSheet: "汇总", Summary: Summary{Rows: 10, RowsConsolidated: 10}}
	for i := range mergeDefs {
		s := Series{Indicator: &n.Defs[i], Year: 2020}
		vals := [][]string{tax, firms}[i]
		var refs [14]string
		for m := 1; m <= asOf && m <= len(vals); m++ {
			if vals[m-1] != "" {
				s.Months[m] = Figure{Value: decimal.RequireFromString(vals[m-1]), Has: true}
			}
			refs[m] = fmt.Sprintf("%c%d", 'C'+m, 3+i)
		}
		n.Series = append(n.Series, s)
		n.Cells[mergeDefs[i].Code] = refs
	}
	return n
}

// asNode is a roll-up as its parent reads it back: its figures and parts.
func asNode(r *Rollup, file string) Node {
	return Node{Name: r.Spec.Town, File: file, Rollup: true, AsOf: r.AsOf, Defs: r.Spec.Indicators, Series: r.Series,
		Parts: r.Parts, Summary: r.Summary}
}

func rollupFigures(r *Rollup) string {
	var b strings.Builder
	for _, s := range r.Series {
		for m := 1; m <= r.AsOf.Month; m++ {
			fmt.Fprintf(&b, "%s %d %s %v %d\n", s.Indicator.Code, m, s.Months[m].Value, s.Months[m].Has, len(s.Months[m].Incomplete))
		}
		fmt.Fprintf(&b, "%s ytd %s\n", s.Indicator.Code, s.YTD.Value)
	}
	return b.String()
}

func rollupParts(r *Rollup) string {
	var b strings.Builder
	for _, p := range r.Parts {
		fmt.Fprintf(&b, "%s %s %s!%s %s %s %s\n", p.Origin, p.Workbook, p.Sheet, p.Cell, p.Indicator, p.Period, p.Value)
	}
	return b.String()
}

func TestMergeAssociativeAndOrderFree(t *testing.T) {
	a := town("甲镇", 3, []string{"1.000001", "2", "3.5"}, []string{"10", "11", "12"})
	b := town("乙镇", 3, []string{"0.333333", "", "7"}, []string{"5", "5", "6"})
	c := town("丙镇", 3, []string{"100", "200", "300.25"}, []string{"1", "1", "1"})
	direct := Merge([]Node{a, b, c}, MergeOptions{Name: "区"})
	shuffled := Merge([]Node{c, a, b}, MergeOptions{Name: "区"})
	if rollupFigures(direct) != rollupFigures(shuffled) || rollupParts(direct) != rollupParts(shuffled) {
		t.Fatalf("order changes the roll-up:\n%s\n%s", rollupFigures(direct), rollupFigures(shuffled))
	}
	ab := Merge([]Node{a, b}, MergeOptions{Name: "片"})
	two := Merge([]Node{asNode(ab, "片.xlsx"), c}, MergeOptions{Name: "区"})
	if rollupFigures(direct) != rollupFigures(two) {
		t.Errorf("two levels:\n%s\ndirect:\n%s", rollupFigures(two), rollupFigures(direct))
	}
	if rollupParts(direct) != rollupParts(two) {
		t.Errorf("parts in two levels:\n%s\ndirect:\n%s", rollupParts(two), rollupParts(direct))
	}
	for _, p := range two.Parts {
		if want := map[bool]string{true: "", false: "片.xlsx"}[p.Origin == "丙镇"]; p.Via != want {
			t.Errorf("%s came via %q, want %q", p.Origin, p.Via, want)
		}
	}
	want := "tax 1 101.333334 true 0\ntax 2 202 true 0\ntax 3 310.75 true 0\ntax ytd 614.083334\n" +
		"firms 1 16 true 0\nfirms 2 17 true 0\nfirms 3 19 true 0\nfirms ytd 19\n"
	if got := rollupFigures(direct); got != want {
		t.Errorf("figures:\n%s\nwant:\n%s", got, want)
	}
	if direct.Summary.Errors != 0 || direct.Summary.Rows != 30 {
		t.Errorf("summary %+v", direct.Summary)
	}
}

func TestMergeFindings(t *testing.T) {
	a := town("甲镇", 3, []string{"1", "2", "3"}, []string{"1", "1", "1"})
	short := town("乙镇", 2, []string{"1", "1"}, []string{"1", "1"})
	other := town("丙镇", 3, []string{"5", "5", "5"}, []string{"1", "1", "1"})
	other.Defs = append([]Indicator(nil), mergeDefs...)
	other.Defs[0].Unit = Unit{"元", "元", 0}
	dup := town("甲镇", 3, []string{"9", "9", "9"}, []string{"1", "1", "1"})
	dup.File = "甲镇（重报）.xlsx"
	withErrors := town("丁镇", 3, []string{"1", "1", "1"}, []string{"1", "1", "1"})
	withErrors.Summary.Errors = 2
	edited := town("戊镇", 3, []string{"1", "1", "1"}, []string{"1", "1", "1"})
	edited.Findings = []Finding{{Source: Source{File: "戊镇.xlsx", Sheet: "汇总", Cell: "E3"}, Rule: RuleNodeEdited, Severity: Error}}
	r := Merge([]Node{a, short, other, dup, withErrors, edited}, MergeOptions{Name: "区"})
	var got []string
	for _, f := range r.Findings {
		got = append(got, fmt.Sprintf("%s %s %s", f.Rule, f.File, f.Period))
	}
	want := []string{
		// Nodes in name order (丁 丙 乙 戊 甲 by code point); the first
		// accepted, 丁镇, sets the definitions.
		"node_errors 丁镇.xlsx 2020-03",
		"node_definitions 丙镇.xlsx 2020-03",
		"node_edited 戊镇.xlsx ",
		"duplicate_node 甲镇（重报）.xlsx 2020-03",
		"node_missing_month 乙镇.xlsx 2020-03",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	status := map[string]string{}
	for _, in := range r.Inputs {
		status[in.File] = in.Status
	}
	for file, st := range map[string]string{"甲镇.xlsx": "ok", "乙镇.xlsx": "findings", "丙镇.xlsx": Refused, "甲镇（重报）.xlsx": Refused,
		"丁镇.xlsx": "findings", "戊镇.xlsx": Refused} {
		if status[file] != st {
			t.Errorf("%s: %s, want %s", file, status[file], st)
		}
	}
	// Accepted: 甲 (1,2,3), 乙 (1,1,–), 丁 (1,1,1); the rest left out and
	// every month marked incomplete, March also for 乙's missing month.
	tax := r.Series[0]
	for m, want := range map[int]string{1: "3", 2: "4", 3: "4"} {
		if !tax.Months[m].Value.Equal(decimal.RequireFromString(want)) {
			t.Errorf("tax month %d = %s, want %s", m, tax.Months[m].Value, want)
		}
		if len(tax.Months[m].Incomplete) == 0 {
			t.Errorf("tax month %d not marked incomplete", m)
		}
	}
	if s := r.Summary; s.Rows != 60 || s.RowsConsolidated != 30 || s.RowsRejected != 30 {
		t.Errorf("rows: %+v", s)
	}
}

func TestVerifyNodeNamesTheCell(t *testing.T) {
	def := mergeDefs[0]
	read := func(cell string) *NodeRead {
		r := &NodeRead{File: "甲镇.xlsx", Version: SealVersion, SealStored: "x", SealComputed: "x", Name: "甲镇",
			AsOf: Period{2020, 2}, Defs: []Indicator{def}, FiguresSheet: "汇总",
			DetailSums: map[string]decimal.Decimal{"tax|2020-01": decimal.RequireFromString("1.5"), "tax|2020-02": decimal.RequireFromString("2")}}
		fr := FigureRow{Indicator: "tax"}
		vals := map[int]string{1: "1.5", 2: cell, 13: "3.5"}
		stored := []string{"tax"}
		for m := 1; m <= 13; m++ {
			fr.Cells[m].Ref = fmt.Sprintf("%c3", 'C'+m)
			if v, ok := vals[m]; ok {
				fr.Cells[m] = FigureCell{Ref: fr.Cells[m].Ref, Raw: v, Has: true, Value: decimal.RequireFromString(v), OK: true}
			}
			want := map[int]string{1: "1.5", 2: "2", 13: "3.5"}[m]
			stored = append(stored, want)
		}
		fr.Stored = DigestRow(stored...)
		r.Figures = []FigureRow{fr}
		return r
	}
	if n := VerifyNode(read("2")); n.Refused() {
		t.Fatalf("clean node refused: %+v", n.Findings)
	}
	n := VerifyNode(read("2.01"))
	if len(n.Findings) != 1 || n.Findings[0].Rule != RuleNodeEdited || n.Findings[0].Cell != "E3" || !n.Refused() {
		t.Fatalf("findings %+v", n.Findings)
	}
	if msg := n.Findings[0].Message(Chinese); !strings.Contains(msg, "2.01") || !strings.Contains(msg, "明细合计为 2") {
		t.Errorf("message %q", msg)
	}
	r := read("2")
	r.SealComputed = "y"
	if n := VerifyNode(r); len(n.Findings) != 1 || n.Findings[0].Rule != RuleNodeSeal {
		t.Errorf("an edited seal: %+v", n.Findings)
	}
}

// A parent consolidated through an earlier month takes its nodes' figures
// through that month only, on the by-node sheet too.
func TestMergeEarlierAsOf(t *testing.T) {
	a := town("甲镇", 3, []string{"1", "2", "3"}, []string{"5", "6", "7"})
	r := Merge([]Node{a}, MergeOptions{AsOf: Period{2020, 2}})
	if got := r.Series[0].YTD.Value; !got.Equal(decimal.NewFromInt(3)) {
		t.Errorf("tax ytd %s, want 3", got)
	}
	if got := r.Nodes[0].Series[0].YTD.Value; !got.Equal(decimal.NewFromInt(3)) {
		t.Errorf("by node: tax ytd %s, want 3", got)
	}
	if got := r.Nodes[0].Series[1].YTD.Value; !got.Equal(decimal.NewFromInt(6)) {
		t.Errorf("by node: firms %s, want February's 6", got)
	}
	if len(r.Parts) != 4 {
		t.Errorf("%d parts, want 4", len(r.Parts))
	}
}

// An expected node without a workbook is missing: a finding, every figure
// incomplete, and missing on the submissions sheet.
func TestMergeExpected(t *testing.T) {
	a := town("甲镇", 2, []string{"1", "2"}, []string{"5", "6"})
	r := Merge([]Node{a}, MergeOptions{Expect: []string{"乙镇", "甲镇", "乙镇"}})
	if len(r.Findings) != 1 || r.Findings[0].Rule != RuleNodeMissing || r.Findings[0].Department != "乙镇" {
		t.Fatalf("findings %+v", r.Findings)
	}
	if msg := r.Findings[0].Message(Chinese); msg != "节点 乙镇 未报送汇总工作簿（2020-01 至 2020-02）" {
		t.Errorf("message %q", msg)
	}
	for _, s := range r.Series {
		if len(s.Months[1].Incomplete) == 0 || len(s.YTD.Incomplete) == 0 || len(s.Years[2020].Incomplete) == 0 {
			t.Errorf("%s not marked incomplete", s.Indicator.Code)
		}
	}
	missing := 0
	for _, st := range r.Status {
		if st.Department == "乙镇" && st.State == Missing {
			missing++
		}
	}
	if missing != 2 || r.Summary.Errors != 1 {
		t.Errorf("%d months missing, %d errors", missing, r.Summary.Errors)
	}
}

// A node whose workbook carries no findings (written before seals did)
// with a month of its tax far out of line: the roll-up finds it at the
// node's 汇总 cell, and its count of warnings says they did not travel; a
// node that carries its findings is not checked again, its carried
// month_jump stands for it; the roll-up's own total is checked always.
func TestMergeJumpsWhereWarningsDidNotTravel(t *testing.T) {
	old := town("甲镇", 5, []string{"1000", "1100", "900", "1000", "900000"}, []string{"1", "1", "1", "1", "1"})
	old.Summary.Warnings = 1
	carries := town("乙镇", 5, []string{"1000", "1100", "900", "1000", "910000"}, []string{"1", "1", "1", "1", "1"})
	carries.CarriesFindings, carries.Summary.Warnings = true, 1
	carries.Carried = []CarriedFinding{{Severity: Warning, Rule: RuleMonthJump, Department: "财政所", Period: "2020-05",
		File: "2020-05-czs.xlsx", Sheet: "税收收入", Cell: "C7", Message: Text{"本月 909000 万元…", "month 909000 万元…"}}}
	r := Merge([]Node{old, carries}, MergeOptions{Name: "区"})
	var got []string
	for _, f := range r.Findings {
		got = append(got, fmt.Sprintf("%s %s %s!%s %s %s", f.Rule, f.File, f.Sheet, f.Cell, f.Department, f.Message(Chinese)))
	}
	want := []string{ // nodes in name order: 乙 (U+4E59) before 甲 (U+7532)
		"node_warnings 乙镇.xlsx ! 乙镇 节点 乙镇 自身有 1 个警告（逐条见下），其数字已汇总；请逐条核实",
		"node_finding 2020-05-czs.xlsx 税收收入!C7 乙镇 节点 乙镇 财政所：本月 909000 万元…",
		"node_warnings 甲镇.xlsx ! 甲镇 节点 甲镇 自身有 1 个警告（其工作簿由较早版本的 tally 写出，未带各条警告，见其问题清单），其数字已汇总；请逐条核实",
		"rollup_month_jump 甲镇.xlsx 汇总!H3 甲镇 节点 甲镇 的税收收入 2020-05 为 900000 万元，为其他月份中位数 1000 万元的 900 倍，请核实是否误按元填写（单位为万元）；请核实各节点该月的数字",
		"rollup_month_jump  ! 区 区汇总的税收收入 2020-05 为 1810000 万元，为其他月份中位数 2000 万元的 905 倍，请核实是否误按元填写（单位为万元）；请核实各节点该月的数字",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
