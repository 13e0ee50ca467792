package reconcile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// decimalEq makes cmp treat 1.0 and 1.00 as equal.
var decimalEq = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

// testSpec: one department submitting one enterprise table monthly, and an
// annual table for 2019.
func testSpec() *Spec {
	wan, _ := LookupUnit("万元")
	yi, _ := LookupUnit("亿元")
	pct, _ := LookupUnit("%")
	return &Spec{
		Town: "T", Year: 2020, History: []int{2019},
		Tolerance:  tol,
		Indicators: []Indicator{{Code: "tax", Name: "税收收入", Unit: wan, Precision: 2, Aggregation: Sum, NonNegative: true}},
		Departments: []Department{{Code: "czs", Name: "财政所", Tables: []Table{
			{ID: "czs-tax", Sheet: "税收", Frequency: Monthly, Rows: Enterprise, Columns: []Column{
				{Role: RoleName, Header: "企业名称"},
				{Role: RoleValue, Indicator: "tax", Measure: MonthValue, Header: "本月"},
				{Role: RoleValue, Indicator: "tax", Measure: YTDValue, Header: "本年累计"},
			}},
			{ID: "czs-annual", Sheet: "年报", Frequency: Annual, Rows: Indicators,
				Columns: []Column{{Role: RoleName, Header: "指标"}, {Role: RoleValue, Measure: YearValue, Header: "本年"}},
				Lines:   []Line{{Label: "税收收入", Flow: "tax"}}},
		}}},
		Claims: []Claim{
			{ID: "year", Indicator: "tax", Span: Span{2020, 2020}, Value: d("2.4"), Written: "2.4", Unit: yi},
			{ID: "growth", Indicator: "tax", Span: Span{2020, 2020}, Base: 2019, Value: d("20"), Written: "20", Unit: pct, Qualifiers: []Qualifier{Growth}},
			{ID: "nodata", Span: Span{2020, 2020}, Value: d("1"), Written: "1", Unit: yi},
		},
	}
}

func num(file, cell, v string) Cell {
	return Cell{Source: Source{File: file, Sheet: "税收", Cell: cell}, Raw: v, State: Number, Value: NumOf(d(v))}
}

// month builds a month's submission: two enterprises, 本月 10000 and 0,
// with 本年累计 following, and a correct 合计.
func month(t *Spec, m int) Submission {
	file := fmt.Sprintf("2020-%02d-czs.xlsx", m)
	tbl := &t.Departments[0].Tables[0]
	row := func(line int, name string, month, ytd int) Row {
		return Row{Line: line, Name: name, LineN: -1, Cells: []Cell{
			{Source: Source{file, "税收", fmt.Sprintf("A%d", line)}},
			num(file, fmt.Sprintf("B%d", line), fmt.Sprint(month)),
			num(file, fmt.Sprintf("C%d", line), fmt.Sprint(ytd)),
		}}
	}
	rows := []Row{row(4, "甲", 10000, 10000*m), row(5, "乙", 0, 0)}
	total := row(6, "合计", 10000, 10000*m)
	return Submission{File: file, Department: "czs", Period: Period{2020, m},
		Sheets: []Sheet{{Table: tbl, Name: "税收", Rows: rows, Total: &total}}}
}

func annual(t *Spec, year int, v string) Submission {
	file := fmt.Sprintf("%d-czs.xlsx", year)
	tbl := &t.Departments[0].Tables[1]
	return Submission{File: file, Department: "czs", Period: Period{Year: year}, Sheets: []Sheet{{Table: tbl, Name: "年报",
		Rows: []Row{{Line: 4, Name: "税收收入", LineN: 0, Cells: []Cell{{}, num(file, "B4", v)}}}}}}
}

func year(t *Spec) []Submission {
	subs := []Submission{annual(t, 2019, "100000")}
	for m := 1; m <= 12; m++ {
		subs = append(subs, month(t, m))
	}
	return subs
}

func statuses(r *Result) map[string]ClaimStatus {
	out := map[string]ClaimStatus{}
	for _, c := range r.Claims {
		out[c.Claim.ID] = c.Status
	}
	return out
}

func rules(r *Result) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, fmt.Sprintf("%s %s %s", f.Rule, f.Source, f.Severity))
	}
	return out
}

func TestConsolidateCleanYear(t *testing.T) {
	s := testSpec()
	r := Consolidate(s, year(s), Options{})
	if len(r.Findings) != 0 {
		t.Fatalf("a clean year has no findings, got %v", rules(r))
	}
	// 12 × 10000万元 = 12亿元, not 2.4亿元; from 10亿 to 12亿 is 20% growth.
	want := map[string]ClaimStatus{"year": Mismatch, "growth": Consistent, "nodata": NoData}
	if diff := cmp.Diff(want, statuses(r)); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
	yc := r.Claims[0]
	if !yc.Computed.Equal(d("12")) || !yc.Difference.Equal(d("9.6")) {
		t.Errorf("computed %s difference %s, want 12 and 9.6 (亿元)", yc.Computed, yc.Difference)
	}
	if r.Clean() {
		t.Error("a mismatch makes the run unclean")
	}
	if r.Summary.Rows != 25 || r.Summary.RowsConsolidated != 25 || r.Summary.RowsRejected != 0 {
		t.Errorf("summary %+v: want 25 rows all consolidated", r.Summary)
	}
	if got := r.Series[0].YTD.Value; !got.Equal(d("120000")) {
		t.Errorf("YTD %s, want 120000", got)
	}
}

// Every row ends up consolidated or rejected; a rejected row makes the
// figures it feeds incomplete, and the claims on them say so.
func TestConservationAndIncomplete(t *testing.T) {
	s := testSpec()
	subs := year(s)
	bad := &subs[3].Sheets[0].Rows[1] // March, 乙
	bad.Cells[1] = Cell{Source: bad.Cells[1].Source, Raw: "待核实", State: Invalid}
	r := Consolidate(s, subs, Options{})
	sum := r.Summary
	if sum.Rows != sum.RowsConsolidated+sum.RowsRejected || sum.RowsRejected != 1 || sum.Rows != 25 {
		t.Fatalf("summary %+v: want 25 rows, 1 rejected", sum)
	}
	if got := statuses(r)["year"]; got != Incomplete {
		t.Errorf("year claim: %s, want incomplete", got)
	}
	if fig := r.Series[0].Months[3]; len(fig.Incomplete) != 1 {
		t.Errorf("March should be incomplete for the rejected row, got %v", fig.Incomplete)
	}
	if fig := r.Series[0].Months[4]; len(fig.Incomplete) != 0 {
		t.Errorf("April is complete, got %v", fig.Incomplete)
	}
	// The 合计 is not compared when a row was rejected; the chain of the
	// rejected row is not compared either.
	for _, f := range r.Findings {
		if f.Rule == RuleTotalMismatch || f.Rule == RuleYTDChain {
			t.Errorf("unexpected %s", f.Rule)
		}
	}
}

func TestChecks(t *testing.T) {
	s := testSpec()
	subs := year(s)
	// June: 甲's 本年累计 10 too much. July's follows from what June's
	// should be: June is wrong, July is not.
	subs[6].Sheets[0].Rows[0].Cells[2].Value = NumOf(d("60010"))
	subs[6].Sheets[0].Total.Cells[2].Value = NumOf(d("60010")) // the department's SUM includes it
	// March: a 合计 that is not the sum.
	subs[3].Sheets[0].Total.Cells[1].Value = NumOf(d("10100"))
	// August missing.
	subs = append(subs[:8], subs[9:]...)
	// A second file for May.
	dup := month(s, 5)
	dup.File = "2020-05-czs (1).xlsx" // the later name: it counts, the other is reported
	subs = append(subs, dup)
	r := Consolidate(s, subs, Options{})
	want := []string{
		"total_mismatch 2020-03-czs.xlsx: 税收!B6 error",
		"duplicate_submission 2020-05-czs.xlsx warning",
		"duplicate_submission_used 2020-05-czs (1).xlsx info",
		"ytd_chain 2020-06-czs.xlsx: 税收!C4 error",
		"missing_submission  error",
	}
	if diff := cmp.Diff(want, rules(r)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	// September follows a missing August: not compared, not a finding.
	if r.Summary.Rows != r.Summary.RowsConsolidated+r.Summary.RowsRejected || r.Summary.RowsRejected != 2 {
		t.Errorf("the duplicate's 2 rows are rejected: %+v", r.Summary)
	}
	if got := statuses(r)["year"]; got != Incomplete {
		t.Errorf("year claim with August missing: %s, want incomplete", got)
	}
	msg := r.Findings[3].Message(English)
	if msg != "year-to-date 60010 is not last month's (2020-05) 50000 plus this month's 10000: it should be 60000 (it is 10 too high)" {
		t.Errorf("message: %s", msg)
	}
}

// Results do not depend on the order submissions arrive in.
func TestOrderIndependent(t *testing.T) {
	s := testSpec()
	a := year(s)
	b := make([]Submission, len(a))
	for i := range a {
		b[len(a)-1-i] = a[i]
	}
	ra, rb := Consolidate(s, a, Options{}), Consolidate(s, b, Options{})
	if diff := cmp.Diff(ra, rb, decimalEq, cmp.AllowUnexported(Input{})); diff != "" {
		t.Errorf("results differ by input order:\n%s", diff)
	}
}

func TestPrecisionAndSign(t *testing.T) {
	s := testSpec()
	subs := year(s)
	subs[1].Sheets[0].Rows[1].Cells[1].Value = NumOf(d("0.001"))
	subs[2].Sheets[0].Rows[1].Cells[1].Value = NumOf(d("-1"))
	r := Consolidate(s, subs, Options{})
	got := map[Rule]Severity{}
	for _, f := range r.Findings {
		got[f.Rule] = f.Severity
	}
	if got[RulePrecision] != Warning || got[RuleNegative] != Error {
		t.Errorf("want a precision warning and a negative error, got %v", rules(r))
	}
}

// A level (期末数) depends on its last month only: a missing month before
// it does not make the year's level incomplete.
func TestStockNeedsOnlyLastMonth(t *testing.T) {
	s := testSpec()
	s.Indicators[0].Aggregation = Latest
	s.Claims = []Claim{{ID: "level", Indicator: "tax", Span: Span{2020, 2020}, Value: d("1"), Written: "1", Unit: s.Claims[0].Unit}}
	subs := year(s)
	subs = append(subs[:5], subs[6:]...) // May missing
	r := Consolidate(s, subs, Options{})
	if got := r.Claims[0]; got.Status != Consistent || !got.Computed.Equal(d("1")) {
		t.Errorf("December's level 10000万元 = 1亿元 is consistent whatever May did: %+v", got)
	}
}

// Progress against a target: 完成率, 序时进度 (m/12 or the spec's schedule),
// the gap, 滞后 past the margin, and 同比 against the same months.
func TestProgress(t *testing.T) {
	s := testSpec()
	wan, _ := LookupUnit("万元")
	s.Year = 2021
	s.Tolerance.Lag = d("5")
	s.Targets = []Target{{Indicator: "tax", Year: 2021, Value: d("200000"), Unit: wan}}
	subs := year(s) // 2020: 10000 a month
	for m := 1; m <= 3; m++ {
		sub := month(s, m)
		sub.File = fmt.Sprintf("2021-%02d-czs.xlsx", m)
		sub.Period = Period{2021, m}
		for i := range sub.Sheets[0].Rows {
			for j := range sub.Sheets[0].Rows[i].Cells {
				sub.Sheets[0].Rows[i].Cells[j].File = sub.File
			}
		}
		subs = append(subs, sub)
	}
	r := Consolidate(s, subs, Options{AsOf: Period{2021, 3}})
	p := r.Series[0].Progress
	if p == nil {
		t.Fatal("no progress for a target")
	}
	// YTD 30000 of 200000 = 15%; elapsed 3/12 = 25%; gap −10 points: lagging.
	want := []string{p.Completion.String(), p.Elapsed.String(), p.Gap.String(), fmt.Sprint(p.Lagging), p.YoY.String(), fmt.Sprint(p.HasYoY)}
	if diff := cmp.Diff([]string{"15", "25", "-10", "true", "0", "true"}, want); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	// With a schedule that expects 14% by March, 15% is on time.
	s.Schedule = make([]decimal.Decimal, 12)
	for i := range s.Schedule {
		s.Schedule[i] = decimal.NewFromInt(int64(i+1) * 5).Sub(d("1"))
	}
	p = Consolidate(s, subs, Options{AsOf: Period{2021, 3}}).Series[0].Progress
	if !p.Elapsed.Equal(d("14")) || p.Lagging {
		t.Errorf("scheduled elapsed %s lagging %v, want 14 and not lagging", p.Elapsed, p.Lagging)
	}
	// Relative to last year (与去年基本持平): the target is 2020's 120000.
	s.Targets = []Target{{Indicator: "tax", Year: 2021, RelativeTo: 2020}}
	p = Consolidate(s, subs, Options{AsOf: Period{2021, 3}}).Series[0].Progress
	if !p.TargetVal.Equal(d("120000")) || !p.Completion.Equal(d("25")) {
		t.Errorf("relative target %s completion %s, want 120000 and 25", p.TargetVal, p.Completion)
	}
	// Files after the as-of month are listed, not consolidated.
	r = Consolidate(s, subs, Options{AsOf: Period{2021, 2}})
	if r.Summary.Skipped != 1 || !r.Series[0].YTD.Value.Equal(d("20000")) {
		t.Errorf("skipped %d YTD %s, want 1 and 20000", r.Summary.Skipped, r.Series[0].YTD.Value)
	}
}

// An as-of month with a department missing: the year to date is marked
// incomplete with the missing department-month, and 完成率, 序时进度 and
// 同比 are measured through the last whole month, against the same months
// of the previous year (January–February against January–February).
func TestProgressIncomplete(t *testing.T) {
	s := testSpec()
	wan, _ := LookupUnit("万元")
	s.Year = 2021
	s.Tolerance.Lag = d("5")
	s.Targets = []Target{{Indicator: "tax", Year: 2021, Value: d("200000"), Unit: wan}}
	subs := year(s) // 2020: 10000 a month
	for m := 1; m <= 2; m++ {
		sub := month(s, m)
		sub.File = fmt.Sprintf("2021-%02d-czs.xlsx", m)
		sub.Period = Period{2021, m}
		subs = append(subs, sub)
	}
	p := Consolidate(s, subs, Options{AsOf: Period{2021, 3}}).Series[0].Progress
	if p.Complete() || !p.Judged() || p.Through != 2 || p.AsOf != 3 {
		t.Fatalf("complete %v judged %v through %d as-of %d, want incomplete, judged through 2 of 3", p.Complete(), p.Judged(), p.Through, p.AsOf)
	}
	if len(p.Missing) == 0 || !strings.Contains(p.Missing[0].In(Chinese), "2021-03") {
		t.Errorf("missing %v, want March named", p.Missing)
	}
	// 20000 of 200000 = 10% against 2/12 = 16.67%; 同比 20000 against 2020's
	// January–February 20000 = 0%, not against January–March.
	got := []string{p.Measured.Value.String(), p.Completion.String(), p.Elapsed.String(), p.Gap.String(), fmt.Sprint(p.Lagging),
		p.Prior.Value.String(), p.YoY.String(), fmt.Sprint(p.HasYoY)}
	if diff := cmp.Diff([]string{"20000", "10", "16.67", "-6.67", "true", "20000", "0", "true"}, got); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	// No whole month at all: nothing is judged.
	p = Consolidate(s, subs[:len(subs)-2], Options{AsOf: Period{2021, 3}}).Series[0].Progress
	if p.Judged() || p.Lagging || p.HasYoY {
		t.Errorf("no month whole: judged %v lagging %v yoy %v", p.Judged(), p.Lagging, p.HasYoY)
	}
}

func TestLateAndStatus(t *testing.T) {
	s := testSpec()
	s.Deadline = 5
	subs := year(s)
	subs[3].Saved = "2020-04-05" // March, on the deadline: on time
	subs[4].Saved = "2020-05-06" // April, a day late
	subs = append(subs[:6], subs[7:]...)
	r := Consolidate(s, subs, Options{AsOf: Period{2020, 6}})
	var got []string
	for _, st := range r.Status {
		got = append(got, st.Period.String()+" "+st.State)
	}
	want := []string{"2020-01 submitted", "2020-02 submitted", "2020-03 submitted", "2020-04 late", "2020-05 submitted", "2020-06 missing"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("status (-want +got):\n%s", diff)
	}
}

// With the days the office received the files (the web desk's uploads),
// lateness is judged by them, not by the saved dates: a file saved late
// but received on time is on time, one saved on time but received late is
// late — a late_upload finding and a late month, one account.
func TestLateByReceived(t *testing.T) {
	s := testSpec()
	s.Deadline = 5
	subs := year(s)
	subs[3].Saved = "2020-04-20" // March, saved late, received on the 5th
	subs[4].Saved = "2020-05-03" // April, saved on time, received on the 6th
	r := Consolidate(s, subs, Options{AsOf: Period{2020, 6}, Received: map[string]string{
		"2020-03-czs.xlsx": "2020-04-05", "2020-04-czs.xlsx": "2020-05-06", "2020-05-czs.xlsx": "2020-06-02"}})
	var got []string
	for _, st := range r.Status {
		got = append(got, st.Period.String()+" "+st.State)
	}
	want := []string{"2020-01 submitted", "2020-02 submitted", "2020-03 submitted", "2020-04 late", "2020-05 submitted", "2020-06 submitted"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("status (-want +got):\n%s", diff)
	}
	var late []string
	for _, f := range r.Findings {
		if f.Rule == RuleLate || f.Rule == RuleLateUpload {
			late = append(late, f.File+" "+string(f.Rule)+" "+f.Message(Chinese))
		}
	}
	if diff := cmp.Diff([]string{"2020-04-czs.xlsx late_upload 逾期报送：上传于 2020-05-06，截止日期为 2020-05-05"}, late); diff != "" {
		t.Errorf("late findings (-want +got):\n%s", diff)
	}
}

// Many rejected rows make one reason per sheet, not one per row (which
// also kept a file of bad rows from costing quadratic time).
func TestRejectedRowsGrouped(t *testing.T) {
	s := testSpec()
	subs := year(s)
	rows := subs[3].Sheets[0].Rows
	for i := range rows {
		rows[i].Cells[1] = Cell{Source: rows[i].Cells[1].Source, Raw: "x", State: Invalid}
	}
	r := Consolidate(s, subs, Options{})
	got := r.Series[0].Months[3].Incomplete
	if len(got) != 1 || got[0][1] != "2 rejected rows: 2020-03-czs.xlsx: 税收!4:4,5:5" {
		t.Errorf("reasons %v", got)
	}
}

// TestDuplicateChoice: of two files for one department-month, the later
// save counts whatever the names; with the same save time, the later name
// ("… (1)", "… (10)" after "… (9)"); a readable file before an unreadable one.
func TestDuplicateChoice(t *testing.T) {
	id := func(file, modified string, readable bool) Identity {
		return Identity{File: file, Department: "czs", Period: Period{2020, 5}, Modified: modified, Readable: readable}
	}
	cases := []struct{ win, lose Identity }{
		{id("a/2020-05-czs.xlsx", "2020-06-04T10:00:00Z", true), id("b/2020-05-czs (1).xlsx", "2020-06-03T10:00:00Z", true)},
		{id("2020-05-czs (1).xlsx", "", true), id("2020-05-czs.xlsx", "", true)},
		{id("2020-05-czs (10).xlsx", "x", true), id("2020-05-czs (9).xlsx", "x", true)},
		{id("2020-05-czs.xlsx", "", true), id("2020-05-czs (1).xlsx", "2020-07-01T00:00:00Z", false)},
		{id("2020-05-czs.xlsx", "x", true), id("zz-upload.xlsx", "x", true)}, // named as issued over a name that says nothing
		{id("2020-05-czs-v2.xlsx", "x", true), id("2020-05-czs.xlsx", "x", true)},
	}
	for _, c := range cases {
		if !c.win.Before(c.lose) || c.lose.Before(c.win) {
			t.Errorf("%s should count over %s", c.win.File, c.lose.File)
		}
	}
}
