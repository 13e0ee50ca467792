package reconcile

import "testing"

// December's 本年累计 is a year only where every table of the department
// that carries the indicator has a 本年累计 column for it: an entity table
// with 本月 and 本年累计, an indicator table whose line gives both; not a
// table with 本月 alone, nor one that does not carry it at all.
func TestYTDCarries(t *testing.T) {
	dec := Period{2020, 12}
	entity := func(measures ...Measure) Table {
		tb := Table{Frequency: Monthly, Rows: Enterprise, Columns: []Column{{Role: RoleName}}}
		for _, m := range measures {
			tb.Columns = append(tb.Columns, Column{Role: RoleValue, Indicator: "tax", Measure: m})
		}
		return tb
	}
	lines := Table{Frequency: Monthly, Rows: Indicators, Lines: []Line{{Label: "税收收入", Flow: "tax"}},
		Columns: []Column{{Role: RoleName}, {Role: RoleValue, Measure: MonthValue}, {Role: RoleValue, Measure: YTDValue}}}
	other := Table{Frequency: Monthly, Rows: Enterprise, Columns: []Column{{Role: RoleValue, Indicator: "fai", Measure: MonthValue}}}
	annual := Table{Frequency: Annual, Rows: Enterprise, Columns: []Column{{Role: RoleValue, Indicator: "tax", Measure: YearValue}}}
	for _, c := range []struct {
		name   string
		tables []Table
		want   bool
	}{
		{"本月 and 本年累计", []Table{entity(MonthValue, YTDValue)}, true},
		{"本月 only", []Table{entity(MonthValue)}, false},
		{"an indicator table's line", []Table{lines}, true},
		{"another table without tax beside it", []Table{entity(MonthValue, YTDValue), other}, true},
		{"a second table with 本月 only", []Table{entity(MonthValue, YTDValue), entity(MonthValue)}, false},
		{"no monthly table carries tax", []Table{other, annual}, false},
	} {
		d := &Department{Code: "czs", Tables: c.tables}
		if got := ytdCarries(d, "tax", dec); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
