package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func odsPackage(t *testing.T, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, body string }{{"mimetype", odsMime}, {"content.xml", content}} {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The ODS scanner expands repeated rows and columns that hold something,
// skips empty runs whatever their length, reads the exact office:value
// (never the text shown), text with its spaces and lines, dates as dates,
// formulas, hidden rows and columns, and not a comment's text.
func TestODSScan(t *testing.T) {
	content := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x" xmlns:calcext="c"><office:body><office:spreadsheet>
<table:table table:name="Other"><table:table-row><table:table-cell office:value-type="float" office:value="9"><text:p>9</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="S">
<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/><table:table-column table:number-columns-repeated="16381"/>
<table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>税收收入</text:p><text:p>本月<text:s text:c="2"/>（万元）</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="0.1"><text:p>0.10</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
<table:table-row table:visibility="collapse"><table:table-cell table:number-columns-repeated="1000"/><table:table-cell office:value-type="date" office:date-value="2020-02-15"><text:p>02/15/20</text:p></table:table-cell><table:table-cell table:formula="of:=SUM([.A2:.A3])" office:value-type="float" office:value="0.2"><office:annotation><text:p>note</text:p></office:annotation><text:p>0.2</text:p></table:table-cell><table:table-cell table:formula="of:=1/0"><text:p>#DIV/0!</text:p></table:table-cell><table:table-cell table:formula="of:=1438.43+[.A2]" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#VALUE!</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>`
	data := odsPackage(t, content)
	if !isODS(bytes.NewReader(data), int64(len(data))) {
		t.Fatal("not recognised as ODS")
	}
	o, err := openODS(bytes.NewReader(data), int64(len(data)), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	si, ok := o.sheet("S")
	if !ok || len(o.sheets) != 2 {
		t.Fatalf("sheets %+v", o.sheets)
	}
	var got []string
	err = o.scan(si, func(row int, hidden bool, cells []rawCell) error {
		for _, c := range cells {
			got = append(got, fmt.Sprintf("%s %s %q f=%q hidden=%v", c.Ref, c.Type, c.Value, c.Formula, hidden))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`A1 s "税收收入\n本月  （万元）" f="" hidden=false`,
		`A2 n "0.1" f="" hidden=false`, `B2 n "0.1" f="" hidden=false`,
		`A3 n "0.1" f="" hidden=false`, `B3 n "0.1" f="" hidden=false`,
		`ALM1048574 d "2020-02-15" f="" hidden=true`,
		`ALN1048574 n "0.2" f="SUM([.A2:.A3])" hidden=true`,
		`ALO1048574 e "#DIV/0!" f="1/0" hidden=true`,
		// Calc 7.4's error result: a string value type with an empty value,
		// and calcext:value-type="error" (it was read as a formula no
		// program calculated).
		`ALP1048574 e "#VALUE!" f="1438.43+[.A2]" hidden=true`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !o.hidden(3) || o.hidden(2) || o.hidden(4) {
		t.Errorf("hidden columns: %v", o.hiddenCols)
	}
}

// FuzzODSContent: any content.xml is read or refused with an error, never
// a panic, and what is read stays within the sheet's bounds.
func FuzzODSContent(f *testing.F) {
	f.Add(`<d><table name="S"><table-row table:number-rows-repeated="3"><table-cell office:value-type="float" office:value="1" number-columns-repeated="5"/></table-row></table></d>`)
	f.Add(`<d><table name="S"><table-column number-columns-repeated="99999999" visibility="collapse"/><table-row><table-cell number-columns-repeated="-4" value-type="string"><p>x<s c="99999999"/></p></table-cell></table-row></table></d>`)
	f.Add(`<d><table name="S"><table-row><table-cell formula="of:=1"><annotation><p>n</p></annotation></table-cell></table-row>`)
	f.Fuzz(func(t *testing.T, content string) {
		data := odsPackage(t, content)
		lim := DefaultLimits
		lim.MaxCellsTotal = 10000
		o, err := openODS(bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			return
		}
		for _, si := range o.sheets {
			_ = o.scan(si, func(row int, _ bool, cells []rawCell) error {
				for _, c := range cells {
					if c.Col < 1 || c.Col > maxODSColumns || row < 1 {
						t.Fatalf("cell %+v at row %d", c, row)
					}
				}
				return nil
			})
		}
	})
}
