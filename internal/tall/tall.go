// Package tall writes tall submissions — one department-month of any
// number of rows, up to Excel's 1,048,576 — straight as sheet XML into a
// zip, for the tests and measurements of reading large files in bounded
// memory (workbook.Stream). A generator through excelize would itself
// hold the rows. Values are integers in hundredths, never floats, so the
// exact sum is known.
package tall

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
)

// Period is the month the file is for: January, so each row's 本年累计
// equals its 本月 and the chain from the start of the year holds.
var Period = reconcile.Period{Year: 2020, Month: 1}

// FileName is the name a tall file goes by (<period>-<department>.xlsx).
const FileName = "2020-01-tall.xlsx"

// Indicators is the number of indicators, each with 本月 and 本年累计.
const Indicators = 5

// Spec is the spec a file of rows data rows is read with. It claims each
// indicator's exact 本月 total, so that tally reconcile --json shows the
// consolidated value and says whether it is exact (consistent).
func Spec(rows int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "town: 大表镇\nyear: %d\nindicators:\n", Period.Year)
	for k := 0; k < Indicators; k++ {
		fmt.Fprintf(&b, "  - {code: t%02d, name: 指标%02d, unit: 万元}\n", k, k)
	}
	b.WriteString(`departments:
  - code: tall
    name: 大表单位
    tables:
      - id: tall
        sheet: 数据
        title: 大表
        frequency: monthly
        rows: enterprise
        columns:
          - {role: name}
          - {role: credit_code}
`)
	for k := 0; k < Indicators; k++ {
		fmt.Fprintf(&b, "          - {indicator: t%02d, measure: month}\n", k)
		fmt.Fprintf(&b, "          - {indicator: t%02d, measure: ytd}\n", k)
	}
	b.WriteString("claims:\n")
	for k := 0; k < Indicators; k++ {
		fmt.Fprintf(&b, "  - {id: c%02d, text: 指标%02d %s万元, indicator: t%02d, period: \"%s\", value: \"%s\", unit: 万元}\n",
			k, k, hundredths(Sum(rows, k)), k, strconv.Itoa(Period.Year), hundredths(Sum(rows, k)))
	}
	return b.String()
}

// Options shape a file.
type Options struct {
	Rows int
	// Shared puts names and codes in a shared string table, as Excel and
	// openpyxl write them; otherwise they are inline strings.
	Shared bool
	// Store writes the sheet uncompressed, so a test can change its bytes
	// (a CRC error found only at the end of the sheet).
	Store bool
	// BadAfter, when positive, makes the sheet's XML malformed after that
	// many data rows (the row that follows them is not written).
	BadAfter int
	// Month, when past 1, makes the file that month's of the same year
	// (name it with MonthFileName): every row's 本月 the same as in
	// January, its 本年累计 Month times it, so the chain from January
	// holds.
	Month int
	// Jump, when past 1, makes the first row's 本月 figures Jump times
	// their usual this month (a figure typed in the wrong unit, for the
	// month-jump check), its 本年累计 carried along.
	Jump int64
}

// MonthFileName is the name of the file of month m (1–12).
func MonthFileName(m int) string { return fmt.Sprintf("%d-%02d-tall.xlsx", Period.Year, m) }

// Month is row r's 本月 figure of indicator k, in hundredths.
func Month(r, k int) int64 { return int64((r*7919+k*104729)%100000 + 1) }

// Total is the exact total of indicator k's 本月 over rows, in 万元.
func Total(rows, k int) string { return hundredths(Sum(rows, k)) }

// Sum is the exact total of indicator k's 本月 over rows, in hundredths.
func Sum(rows, k int) int64 {
	var s int64
	for r := 0; r < rows; r++ {
		s += Month(r, k)
	}
	return s
}

func name(r int) string { return fmt.Sprintf("企业%07d", r) }
func code(r int) string { return reconcile.NewCreditCode("120111", fmt.Sprintf("%08d", r+1)) }

func hundredths(h int64) string { return fmt.Sprintf("%d.%02d", h/100, h%100) }

// Write writes the file.
func Write(w io.Writer, o Options) error {
	s, _, err := spec.Load("tall.yaml", []byte(Spec(o.Rows)))
	if err != nil {
		return err
	}
	d, _ := s.Department("tall")
	t := d.Tables[0]
	z := zip.NewWriter(w)
	put := func(name, body string) error {
		f, err := z.Create(name)
		if err == nil {
			_, err = io.WriteString(f, body)
		}
		return err
	}
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	types := `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	if o.Shared {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
		types += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
	}
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="` + t.Sheet + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`},
	} {
		if err := put(p[0], p[1]); err != nil {
			return err
		}
	}
	if o.Shared {
		// Each row's name and code: strings 2r and 2r+1.
		f, err := z.Create("xl/sharedStrings.xml")
		if err != nil {
			return err
		}
		b := bufio.NewWriterSize(f, 1<<16)
		fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, 2*o.Rows, 2*o.Rows)
		for r := 0; r < o.Rows; r++ {
			fmt.Fprintf(b, `<si><t>%s</t></si><si><t>%s</t></si>`, name(r), code(r))
		}
		b.WriteString(`</sst>`)
		if err := b.Flush(); err != nil {
			return err
		}
	}
	method := zip.Deflate
	if o.Store {
		method = zip.Store
	}
	f, err := z.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: method})
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(f, 1<<16)
	text := func(ref, s string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>` }
	col := func(c int) string { return string(rune('A' + c)) }
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	b.WriteString(`<row r="1">` + text("A1", t.Title) + `</row><row r="2">`)
	for c, column := range t.Columns {
		b.WriteString(text(col(c)+"2", column.Header))
	}
	b.WriteString(`</row>`)
	sums, ytds := make([]int64, Indicators), make([]int64, Indicators)
	for r := 0; r < o.Rows; r++ {
		n := strconv.Itoa(r + 3)
		if o.BadAfter > 0 && r == o.BadAfter {
			// Malformed XML (a bare &): the parser stops here.
			b.WriteString(`<row r="` + n + `">` + text("A"+n, "R&D") + `</row>`)
			continue
		}
		b.WriteString(`<row r="` + n + `">`)
		if o.Shared {
			fmt.Fprintf(b, `<c r="A%s" t="s"><v>%d</v></c><c r="B%s" t="s"><v>%d</v></c>`, n, 2*r, n, 2*r+1)
		} else {
			b.WriteString(text("A"+n, name(r)) + text("B"+n, code(r)))
		}
		for k := 0; k < Indicators; k++ {
			month, ytd := Month(r, k), Month(r, k)*int64(max(o.Month, 1))
			if r == 0 && o.Jump > 1 {
				month, ytd = month*o.Jump, ytd+month*(o.Jump-1)
			}
			sums[k] += month
			ytds[k] += ytd
			b.WriteString(`<c r="` + col(2+2*k) + n + `"><v>` + hundredths(month) + `</v></c><c r="` + col(3+2*k) + n + `"><v>` + hundredths(ytd) + `</v></c>`)
		}
		b.WriteString(`</row>`)
	}
	n := strconv.Itoa(o.Rows + 3)
	b.WriteString(`<row r="` + n + `">` + text("A"+n, "合计"))
	for k := 0; k < Indicators; k++ {
		b.WriteString(`<c r="` + col(2+2*k) + n + `"><v>` + hundredths(sums[k]) + `</v></c><c r="` + col(3+2*k) + n + `"><v>` + hundredths(ytds[k]) + `</v></c>`)
	}
	b.WriteString(`</row></sheetData></worksheet>`)
	if err := b.Flush(); err != nil {
		return err
	}
	return z.Close()
}
