package reconcile

import (
	"strings"
	"testing"
)

// When two departments report one indicator, December's 本年累计 that
// differs from the 年报 is both departments' figure, and the finding names
// both December returns and both 年报 (it named only the first December
// return, and no 年报 but the one it stood at).
func TestAnnualDiffersNamesEveryMonthlyFile(t *testing.T) {
	s := testSpec()
	tax, ann := s.Departments[0].Tables[0], s.Departments[0].Tables[1]
	tax.ID, ann.ID = "tjz-tax", "tjz-annual"
	s.Departments = append(s.Departments, Department{Code: "tjz", Name: "统计站", Tables: []Table{tax, ann}})
	dec := func(dept string, ytd string) Submission {
		file := "2019-12-" + dept + ".xlsx"
		tbl := &s.Departments[0].Tables[0]
		if dept == "tjz" {
			tbl = &s.Departments[1].Tables[0]
		}
		row := Row{Line: 4, Name: "甲" + dept, LineN: -1, Cells: []Cell{
			{Source: Source{file, "税收", "A4"}}, num(file, "B4", "100"), num(file, "C4", ytd)}}
		total := Row{Line: 5, Name: "合计", LineN: -1, Cells: []Cell{
			{Source: Source{file, "税收", "A5"}}, num(file, "B5", "100"), num(file, "C5", ytd)}}
		return Submission{File: file, Department: dept, Period: Period{2019, 12},
			Sheets: []Sheet{{Table: tbl, Name: "税收", Rows: []Row{row}, Total: &total}}}
	}
	tjzAnnual := Submission{File: "2019-tjz.xlsx", Department: "tjz", Period: Period{Year: 2019}, Sheets: []Sheet{{Table: &s.Departments[1].Tables[1], Name: "年报",
		Rows: []Row{{Line: 4, Name: "税收收入", LineN: 0, Cells: []Cell{{}, num("2019-tjz.xlsx", "B4", "20000")}}}}}}
	// December's 90000 against the two 年报's 100000 + 20000
	subs := append(year(s), dec("czs", "60000"), dec("tjz", "30000"), tjzAnnual)
	r := Consolidate(s, subs, Options{})
	var got []string
	for _, f := range r.Findings {
		if f.Rule == RuleAnnualDiffers {
			got = append(got, f.Message(Chinese), f.Message(English))
		}
	}
	if len(got) != 2 {
		t.Fatalf("%d annual_differs findings, want 1: %v", len(got)/2, rules(r))
	}
	for _, want := range []string{
		"2019 年税收收入：年报（2019-czs.xlsx、2019-tjz.xlsx 合计）为 120000万元，12 月月报（2019-12-czs.xlsx、2019-12-tjz.xlsx 合计）本年累计为 90000万元",
		"the annual return (2019-czs.xlsx, 2019-tjz.xlsx, summed) says 120000 万元, December's monthly return (2019-12-czs.xlsx, 2019-12-tjz.xlsx, summed) says 90000 万元",
	} {
		if !strings.Contains(got[0]+"\n"+got[1], want) {
			t.Errorf("no %q in\n%s\n%s", want, got[0], got[1])
		}
	}
}
