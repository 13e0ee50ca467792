package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// tally extract -o claims.xlsx writes the same claims as --json, one row
// each: the line as a number, the value as a number cell holding the
// written digits exactly (text when it is not a plain number), the unit,
// subject and sentence as text; headers bold, filter buttons on the header
// row, which stays in view.
func TestClaimsWorkbook(t *testing.T) {
	t.Parallel()
	report := repo(t, "testdata/jingwu-2020-work-report.txt")
	var so, se strings.Builder
	if code := run([]string{"extract", "--json", report}, strings.NewReader(""), &so, &se); code != 0 {
		t.Fatalf("extract --json: exit %d: %s", code, se.String())
	}
	var want jsonExtract
	if err := json.Unmarshal([]byte(so.String()), &want); err != nil {
		t.Fatal(err)
	}
	if len(want.Claims) == 0 {
		t.Fatal("no claims found")
	}
	out := filepath.Join(t.TempDir(), "claims.xlsx")
	if code := run([]string{"extract", "-o", out, report}, strings.NewReader(""), &so, &se); code != 0 {
		t.Fatalf("extract -o: exit %d: %s", code, se.String())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sh = "报告数字"
	rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "行号,数值,单位,限定词,期间,类别,度量,指标（主语）,原文" {
		t.Errorf("header row: %s", got)
	}
	if len(rows) != len(want.Claims)+1 {
		t.Fatalf("%d rows for %d claims", len(rows)-1, len(want.Claims))
	}
	numbers := 0
	for i, c := range want.Claims {
		r := i + 2
		cell := func(col int) string { ref, _ := excelize.CoordinatesToCellName(col, r); return ref }
		row := rows[i+1]
		if row[0] != strconv.Itoa(c.Line) || row[2] != c.Unit || row[7] != c.Subject || row[8] != c.Text {
			t.Errorf("row %d: %q, want line %d, unit %q, subject %q, text %q", r, row, c.Line, c.Unit, c.Subject, c.Text)
		}
		typ, _ := f.GetCellType(sh, cell(2))
		if d, err := decimal.NewFromString(c.Value); err == nil {
			numbers++
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s: %q stored as type %d, want a number", cell(2), c.Value, typ)
			}
			if got, err := decimal.NewFromString(row[1]); err != nil || !got.Equal(d) || row[1] != d.String() {
				t.Errorf("%s holds %q, want the digits of %q exactly", cell(2), row[1], c.Value)
			}
		} else if row[1] != c.Value || typ == excelize.CellTypeNumber {
			t.Errorf("%s: %q (type %d), want the text %q", cell(2), row[1], typ, c.Value)
		}
	}
	if numbers == 0 {
		t.Error("no value written as a number")
	}
	id, _ := f.GetCellStyle(sh, "A1")
	if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header style %+v (%v), want bold", st, err)
	}
	if p, err := f.GetPanes(sh); err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
		t.Errorf("panes %+v (%v), want the header row frozen", p, err)
	}
	if dim, _ := f.GetSheetDimension(sh); dim != "A1:I"+strconv.Itoa(len(rows)) {
		t.Errorf("dimension %s", dim)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Creator != "tally" {
		t.Errorf("document properties %+v (%v), want tally's", props, err)
	}
}
