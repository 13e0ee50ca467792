// Package hostile makes a corpus of crafted variants of a real submission
// (the sample's own 2020-03-czs.xlsx: its names, sheets and headers, so a
// reader must parse deep): ambiguous packages, sheets and cells, numbers
// no spreadsheet holds, memory and time bombs under the size limits,
// damaged archives, and variants a correct reader reads unchanged. Each
// comes with the outcome tally must give. The corpus is deterministic:
// the same bytes every run, from the same sample file.
package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"regexp"
	"strings"
)

// Outcome is what tally check must report for a variant.
type Outcome struct {
	// Status is the file's status in tally check --json: "unreadable",
	// "findings" or "ok".
	Status string
	// Says is a phrase the English message of the file's first finding
	// (unreadable) or of one of its findings must contain.
	Says string
	// Rule, when set, is a rule one of the file's findings must have.
	Rule string
	// AnnotateRule, when set, is a rule the file gets under --annotate
	// (a copy refused by the limits).
	AnnotateRule string
}

// Variant is one crafted file.
type Variant struct {
	Name   string // file name, without a period-department form
	Class  string // what it attacks
	Why    string // one line: what is crafted
	Data   []byte
	Expect Outcome
}

// SampleFile is the sample submission every variant is made from.
const SampleFile = "2020-03-czs.xlsx"

const sheet = "xl/worksheets/sheet2.xml" // 税收收入

type member struct {
	name   string
	data   []byte
	stored bool
	method uint16 // when set, the member is written with this method and its bytes as they are
}

type pkg []member

func open(b []byte) (pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var p pkg
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		p = append(p, member{name: f.Name, data: data})
	}
	return p, nil
}

func (p pkg) clone() pkg {
	q := make(pkg, len(p))
	for i, m := range p {
		q[i] = member{m.name, append([]byte(nil), m.data...), m.stored, m.method}
	}
	return q
}

func (p pkg) get(name string) []byte {
	for _, m := range p {
		if m.name == name {
			return m.data
		}
	}
	panic("hostile: no member " + name)
}

func (p pkg) set(name string, data []byte) pkg {
	for i := range p {
		if p[i].name == name {
			p[i].data = data
			return p
		}
	}
	panic("hostile: no member " + name)
}

// edit replaces the first match of old in a member (which must match).
func (p pkg) edit(name, old, new string) pkg {
	s := string(p.get(name))
	if !strings.Contains(s, old) {
		panic(fmt.Sprintf("hostile: %q not in %s", old, name))
	}
	return p.set(name, []byte(strings.Replace(s, old, new, 1)))
}

func (p pkg) add(name string, data []byte) pkg { return append(p, member{name: name, data: data}) }

// bytes writes the package: fixed times and order, so the same bytes.
func (p pkg) bytes() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range p {
		if m.method != 0 {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: m.name, Method: m.method, CRC32: crc32.ChecksumIEEE(m.data),
				CompressedSize64: uint64(len(m.data)), UncompressedSize64: uint64(len(m.data))})
			if err != nil {
				panic(err)
			}
			w.Write(m.data)
			continue
		}
		method := zip.Deflate
		if m.stored {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: method})
		if err != nil {
			panic(err)
		}
		w.Write(m.data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// raw writes the package with one member's header altered after the fact:
// its declared size or CRC lies.
func (p pkg) raw(name string, alter func(h *zip.FileHeader)) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range p {
		h := &zip.FileHeader{Name: m.name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(m.data),
			CompressedSize64: uint64(len(m.data)), UncompressedSize64: uint64(len(m.data))}
		if m.name == name {
			alter(h)
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			panic(err)
		}
		w.Write(m.data)
	}
	zw.Close()
	return buf.Bytes()
}

// rng is a small deterministic generator (xorshift), so texts that must
// not compress well are the same every run.
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	*r = rng(x)
	return x
}

func digits(n int, seed uint64) string {
	r := rng(seed)
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('1' + r.next()%9)
	}
	return string(b)
}

func whitespace(n int, seed uint64) string {
	r := rng(seed)
	ws := " \t\n\r"
	b := make([]byte, n)
	for i := range b {
		b[i] = ws[r.next()%4]
	}
	return string(b)
}

var cellRefAttr = regexp.MustCompile(`<c r="[A-Z]+[0-9]+"`)

// Variants makes the corpus from the sample file's bytes.
func Variants(sample []byte) ([]Variant, error) {
	base, err := open(sample)
	if err != nil {
		return nil, err
	}
	sh := string(base.get(sheet))
	row4 := regexp.MustCompile(`<row r="4">.*?</row>`).FindString(sh)
	row5 := regexp.MustCompile(`<row r="5">.*?</row>`).FindString(sh)
	// The figures' style index is whatever the template renderer gave it.
	m := regexp.MustCompile(`<c r="C4" s="(\d+)"><v>110\.23</v></c>`).FindStringSubmatch(sh)
	if row4 == "" || row5 == "" || m == nil {
		return nil, fmt.Errorf("hostile: %s is not the sample file this corpus is made from", SampleFile)
	}
	st, c4 := m[1], m[0]
	// 税收收入's relationship id, whatever the renderer numbered it.
	rel := regexp.MustCompile(`<sheet name="税收收入" sheetId="\d+" r:id="(rId\d+)"`).FindStringSubmatch(string(base.get("xl/workbook.xml")))
	if rel == nil {
		return nil, fmt.Errorf("hostile: %s is not the sample file this corpus is made from", SampleFile)
	}
	taxRel := rel[1]
	unreadable := func(says string) Outcome { return Outcome{Status: "unreadable", Says: says} }
	finding := func(rule, says string) Outcome { return Outcome{Status: "findings", Rule: rule, Says: says} }
	same := Outcome{Status: "ok"}
	var vs []Variant
	v := func(name, class, why string, data []byte, want Outcome) {
		vs = append(vs, Variant{Name: name, Class: class, Why: why, Data: data, Expect: want})
	}
	p := func() pkg { return base.clone() }
	changedSheet := []byte(strings.Replace(sh, c4, `<c r="C4" s="`+st+`"><v>999999</v></c>`, 1))

	// Package structure: one name, two parts.
	v("member-twice", "ambiguous package", "a second xl/worksheets/sheet2.xml with another C4",
		p().add(sheet, changedSheet).bytes(), unreadable("occurs twice"))
	v("member-case", "ambiguous package", "XL/worksheets/sheet2.xml beside xl/worksheets/sheet2.xml",
		p().add("XL/worksheets/sheet2.xml", changedSheet).bytes(), unreadable("occurs twice"))
	v("member-backslash", "ambiguous package", `xl\worksheets\sheet2.xml beside the real part`,
		p().add(`xl\worksheets\sheet2.xml`, changedSheet).bytes(), unreadable("not a canonical name"))
	v("member-absolute", "ambiguous package", "/xl/worksheets/sheet2.xml shadowing the real part",
		p().add("/"+sheet, changedSheet).bytes(), unreadable("absolute path"))
	v("member-dotdot", "ambiguous package", "../xl/worksheets/sheet2.xml",
		p().add("../"+sheet, changedSheet).bytes(), unreadable("climbs out"))
	v("member-dot-segment", "ambiguous package", "xl/./worksheets/sheet2.xml",
		p().add("xl/./worksheets/sheet2.xml", changedSheet).bytes(), unreadable("not a canonical name"))
	v("rel-escapes", "ambiguous package", "the sheet's relationship targets ../../etc/passwd",
		p().edit("xl/_rels/workbook.xml.rels", `Target="worksheets/sheet2.xml"`, `Target="../../etc/passwd"`).bytes(), unreadable("leaves the package"))
	v("rel-id-twice", "ambiguous package", "relationship "+taxRel+" twice, to two sheets",
		p().edit("xl/_rels/workbook.xml.rels", `<Relationship Id="rId6"`, `<Relationship Id="`+taxRel+`"`).bytes(), unreadable(`relationship "`+taxRel+`" occurs twice`))
	v("sheet-listed-twice", "ambiguous package", "税收收入 listed twice in workbook.xml, the second on another part",
		p().edit("xl/workbook.xml", `</sheets>`, `<sheet name="税收收入" sheetId="9" r:id="rId6"></sheet></sheets>`).bytes(), unreadable("listed twice"))
	v("sheet-name-case", "ambiguous package", "_tally and _TALLY: one sheet name to Excel",
		p().edit("xl/workbook.xml", `</sheets>`, `<sheet name="_TALLY" sheetId="9" r:id="rId1"></sheet></sheets>`).bytes(), unreadable("listed twice"))
	v("sheets-one-part", "ambiguous package", "two sheet names on the one 税收收入 part",
		p().edit("xl/workbook.xml", `</sheets>`, `<sheet name="税收收入2" sheetId="9" r:id="`+taxRel+`"></sheet></sheets>`).bytes(), unreadable("are the same part"))
	v("sheet-missing-rel", "ambiguous package", "税收收入 refers to rId99",
		p().edit("xl/workbook.xml", `r:id="`+taxRel+`"`, `r:id="rId99"`).bytes(), unreadable(`"rId99", which does not exist`))
	v("two-string-tables", "ambiguous package", "a second sharedStrings relationship to another part",
		p().edit("xl/_rels/workbook.xml.rels", `</Relationships>`, `<Relationship Id="rId9" Target="sst2.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"></Relationship></Relationships>`).
			add("xl/sst2.xml", base.get("xl/sharedStrings.xml")).bytes(), unreadable("two shared string tables"))

	// Cells and rows Excel refuses or repairs.
	v("cell-twice", "ambiguous cell", "C4 twice in row 4, the second 999999",
		p().edit(sheet, c4, c4+`<c r="C4" s="`+st+`"><v>999999</v></c>`).bytes(), unreadable("cell C4 occurs twice"))
	// A second value in one cell: the reader kept the last (999999 where
	// Excel shows 110.23); one in another namespace (<foo:v>) is a second
	// value to a reader that goes by local names.
	v("value-twice", "ambiguous cell", "C4 holds <v>110.23</v><v>999999</v>",
		p().edit(sheet, `<v>110.23</v>`, `<v>110.23</v><v>999999</v>`).bytes(), unreadable("cell C4 has two values"))
	v("value-foreign-namespace", "ambiguous cell", "C4 holds <v>110.23</v><foo:v xmlns:foo=\"urn:x\">999999</foo:v>",
		p().edit(sheet, `<v>110.23</v>`, `<v>110.23</v><foo:v xmlns:foo="urn:x">999999</foo:v>`).bytes(), unreadable("<foo:v>, among its cells"))
	// Rows and cells in another namespace: a reader by local names took
	// them for the sheet's own (row 45 under the 合计, 5000 in C45), Excel
	// drops them as damaged content.
	v("row-foreign-namespace", "ambiguous cell", "a row 45 <foo:row> with 5000 in C45, under the 合计",
		p().edit(sheet, `</sheetData>`, `<foo:row xmlns:foo="urn:x" r="45"><foo:c r="C45"><foo:v>5000</foo:v></foo:c></foo:row></sheetData>`).bytes(), unreadable("<foo:row>, among its cells"))
	v("row-default-namespace", "ambiguous cell", "a row 45 <row xmlns=\"urn:x\"> with 5000 in C45, under the 合计",
		p().edit(sheet, `</sheetData>`, `<row xmlns="urn:x" r="45"><c r="C45"><v>5000</v></c></row></sheetData>`).bytes(), unreadable(`<row xmlns="urn:x">, among its cells`))
	v("sheetdata-twice", "ambiguous cell", "a second <sheetData> with a row 50 of figures",
		p().edit(sheet, `</sheetData>`, `</sheetData><sheetData><row r="50"><c r="C50"><v>5000</v></c></row></sheetData>`).bytes(), unreadable("two <sheetData> elements"))
	v("cell-out-of-order", "ambiguous cell", "D4 before C4",
		p().edit(sheet, c4+`<c r="D4" s="`+st+`"><v>271.61</v></c>`, `<c r="D4" s="`+st+`"><v>271.61</v></c>`+c4).bytes(), unreadable("cell C4 occurs twice (or out of order)"))
	v("row-twice", "ambiguous cell", "row 4 twice",
		p().edit(sheet, row4, row4+row4).bytes(), unreadable("row 4 occurs twice"))
	v("rows-out-of-order", "ambiguous cell", "row 5 before row 4",
		p().edit(sheet, row4+row5, row5+row4).bytes(), unreadable("row 4 occurs twice (or out of order)"))
	v("row-past-excel", "Excel limits", "a row 1,048,577 holding a figure",
		p().edit(sheet, `</sheetData>`, `<row r="1048577"><c r="C1048577"><v>5</v></c></row></sheetData>`).bytes(), unreadable("beyond Excel's last row"))
	v("column-past-xfd", "Excel limits", "a cell XFE4",
		p().edit(sheet, `</row><row r="5">`, `<c r="XFE4"><v>5</v></c></row><row r="5">`).bytes(), unreadable("beyond Excel's last column"))
	v("ref-not-its-row", "ambiguous cell", "a cell C7 inside row 4",
		p().edit(sheet, c4, `<c r="C7" s="`+st+`"><v>110.23</v></c>`).bytes(), unreadable("contradicts its row"))
	v("string-index-past-table", "ambiguous cell", "C4 refers to shared string 99999",
		p().edit(sheet, c4, `<c r="C4" t="s"><v>99999</v></c>`).bytes(), unreadable("shared string \"99999\", which does not exist"))
	v("string-index-negative", "ambiguous cell", "C4 refers to shared string -1",
		p().edit(sheet, c4, `<c r="C4" t="s"><v>-1</v></c>`).bytes(), unreadable("which does not exist"))

	// Numbers no spreadsheet holds.
	v("number-1e309", "numbers", "C4 stores 1e309",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`"><v>1e309</v></c>`).bytes(), unreadable("beyond Excel's range"))
	v("number-underflow", "numbers", "C4 stores 1e-400",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`"><v>1e-400</v></c>`).bytes(), unreadable("beyond Excel's range"))
	v("number-thousand-digits", "numbers", "C4 stores a thousand digits",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`"><v>`+digits(1000, 1)+`</v></c>`).bytes(), unreadable("which Excel cannot hold"))
	v("number-30-digits", "numbers", "C4 stores 30 significant digits",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`"><v>110.230000000000000000000000001</v></c>`).bytes(), unreadable("the rest is not rounding"))
	v("number-million-digits", "numbers", "C4 stores a million digits",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`"><v>`+digits(1_000_000, 2)+`</v></c>`).bytes(), unreadable("characters"))

	// Columns: a loop of <col>, overlaps, ranges past XFD.
	var cols strings.Builder
	cr := rng(7)
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&cols, `<col min="1" max="16384" hidden="1" width="%d.%d" style="%d"/>`, cr.next()%100, cr.next()%1000, cr.next()%60000)
	}
	v("col-loop", "memory and time", "100,000 <col> elements each hiding every column",
		p().edit(sheet, `<cols>`, `<cols>`+cols.String()).bytes(), unreadable("defined twice"))
	// A column defined twice is hidden when either hides it (openpyxl
	// writes this when it hides one column of a group): read, and its
	// figures reported as hidden.
	v("col-overlap", "ambiguous cell", "a second <col> hiding D",
		p().edit(sheet, `</cols>`, `<col min="4" max="4" hidden="1"/></cols>`).bytes(), finding("hidden_cell", ""))
	// LibreOffice keeps what the other cells held when it merges them
	// ("keep the contents of the hidden cells"), and Excel and Calc show
	// only the first cell of a merged range: D4's and C7's figures are on
	// no one's screen, yet consolidated. Said at each cell (merged_cell).
	v("merged-over-figures", "hidden figures", "C4:D4 and C6:C7 merged over D4's and C7's figures",
		p().edit(sheet, `<mergeCells count="1"><mergeCell ref="A1:E1"></mergeCell></mergeCells>`,
			`<mergeCells count="3"><mergeCell ref="A1:E1"></mergeCell><mergeCell ref="C4:D4"></mergeCell><mergeCell ref="C6:C7"/></mergeCells>`).bytes(),
		finding("merged_cell", "271.61 is covered by merged cells"))
	// C4:C5 merged with C5 emptied: the sheet shows C4's 110.23 over row
	// 5, which has no 本月. The row is rejected for it, said as the merge
	// that took the cell (merged_blank), not as a blank the sheet does not
	// show (it was required).
	v("merged-blank", "hidden figures", "C4:C5 merged, C5 (403.76) removed: row 5 has no 本月",
		p().edit(sheet, `<c r="C5" s="`+st+`"><v>403.76</v></c>`, ``).
			edit(sheet, `<mergeCells count="1"><mergeCell ref="A1:E1"></mergeCell></mergeCells>`,
				`<mergeCells count="2"><mergeCell ref="A1:E1"></mergeCell><mergeCell ref="C4:C5"/></mergeCells>`).bytes(),
		finding("merged_blank", "this cell was merged into C4:C5"))
	// A merge over C6:C7 and a conditional format that whitens every
	// positive 本月, both after the rows: the merge's second reading of the
	// sheet stops at row 7, and the conditional format, after the merges,
	// was read by neither (it was missed: the figures passed).
	v("merged-and-conditional", "what Excel shows", "C6:C7 merged, and a conditional format on C4:C43 (cell > 0) with a white font",
		p().edit("xl/styles.xml", `<dxfs count="0"></dxfs>`, `<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs>`).
			edit(sheet, `<mergeCells count="1"><mergeCell ref="A1:E1"></mergeCell></mergeCells>`,
				`<mergeCells count="2"><mergeCell ref="A1:E1"></mergeCell><mergeCell ref="C6:C7"/></mergeCells>`).
			edit(sheet, `<dataValidations`, `<conditionalFormatting sqref="C4:C43"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting><dataValidations`).bytes(),
		finding("conditional_hides_value", "110.23 is set in the colour of its background by a conditional format"))
	// A row 0 points high or a column 0 wide is drawn not at all, as if
	// hidden: its figures are reported like a hidden row's or column's.
	v("row-height-zero", "hidden figures", "row 5 with ht=\"0\" (no hidden attribute)",
		p().edit(sheet, `<row r="5">`, `<row r="5" ht="0" customHeight="1">`).bytes(), finding("hidden_cell", "403.76 is in a hidden row"))
	v("row-height-tiny", "hidden figures", "row 6 with ht=\"1.5\": a line, not a row",
		p().edit(sheet, `<row r="6">`, `<row r="6" ht="1.5" customHeight="1">`).bytes(), finding("hidden_cell", "313.22 is in a hidden row"))
	v("column-width-zero", "hidden figures", "column D with width=\"0\" (no hidden attribute)",
		p().edit(sheet, `<col customWidth="true" max="4" min="3" width="18.8"></col>`,
			`<col customWidth="true" max="3" min="3" width="18.8"></col><col customWidth="true" max="4" min="4" width="0"></col>`).bytes(),
		finding("hidden_cell", "271.61 is in a hidden column"))
	// The department's own table in a hidden sheet: read as usual, and on
	// no one's screen when the file is opened.
	v("table-sheet-hidden", "hidden figures", "税收收入 with state=\"hidden\" in workbook.xml",
		p().edit("xl/workbook.xml", `r:id="`+taxRel+`"></sheet>`, `r:id="`+taxRel+`" state="hidden"></sheet>`).bytes(),
		finding("hidden_sheet", `sheet "税收收入" is hidden`))
	// 本月's header typed again in F3 with a figure under it: read by the
	// last header, F was taken for 本月 and the template's own C column
	// called outside the table.
	v("header-twice", "ambiguous cell", "F3 repeats C3's header 税收收入 本月, with 5 in F4",
		p().edit(sheet, `</row><row r="4">`, `<c r="F3" t="inlineStr"><is><t>税收收入
本月（万元）</t></is></c></row><row r="4">`).edit(sheet, `</row><row r="5">`, `<c r="F4"><v>5</v></c></row><row r="5">`).bytes(),
		finding("duplicate_header", "occurs twice (columns C and F)"))
	// 70,000 overlapping ranges over the figure columns (Excel allows no
	// overlap): each cell is looked up by column and row, not compared with
	// every range, and the sheet read a second time only to row's end.
	var merges strings.Builder
	mr := rng(11)
	for i := 0; i < 70_000; i++ {
		fmt.Fprintf(&merges, `<mergeCell ref="C%d:D%d"/>`, 5+mr.next()%39, 44+mr.next()%1_048_000)
	}
	v("merges-overlapping", "memory and time", "70,000 overlapping merged ranges over C5:D1048576",
		p().edit(sheet, `<mergeCells count="1"><mergeCell ref="A1:E1"></mergeCell></mergeCells>`,
			`<mergeCells count="70001"><mergeCell ref="A1:E1"></mergeCell>`+merges.String()+`</mergeCells>`).bytes(),
		finding("merged_cell", "1291.22 is covered by merged cells"))
	v("col-past-xfd", "Excel limits", "<col max=20000>",
		p().edit(sheet, `</cols>`, `<col min="6" max="20000" hidden="1"/></cols>`).bytes(), unreadable("outside Excel's columns"))

	// Memory and time bombs under the ratio limit.
	v("whitespace-node", "memory and time", "2 MiB of mixed whitespace between two rows (compresses ~4:1)",
		p().edit(sheet, `</row><row r="5">`, `</row>`+whitespace(2<<20, 3)+`<row r="5">`).bytes(), unreadable("longer than 1048576 bytes"))
	long := strings.Repeat("长", 40_000)
	v("string-past-excel", "Excel limits", "a shared string of 40,000 characters",
		p().edit("xl/sharedStrings.xml", `</sst>`, `<si><t>`+long+`</t></si></sst>`).bytes(), unreadable("more than an Excel cell's"))
	var sst strings.Builder
	sst.WriteString(strings.TrimSuffix(string(base.get("xl/sharedStrings.xml")), "</sst>"))
	for i := 0; i < 1_000_001; i++ {
		fmt.Fprintf(&sst, "<si><t>%x</t></si>", i*7919)
	}
	sst.WriteString("</sst>")
	v("million-strings", "memory and time", "1,000,001 more shared strings (varied, under the ratio limit)",
		p().set("xl/sharedStrings.xml", []byte(sst.String())).bytes(), unreadable("more than 1000000 entries"))
	junk := strings.Repeat("<x/>", 70_000)
	v("elements-in-row", "memory and time", "70,000 elements inside row 4",
		p().edit(sheet, c4, c4+junk).bytes(), unreadable("XML elements"))
	var rows strings.Builder
	r := rng(5)
	for i := 45; i < 45+10_001; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="C%d"><v>%d</v></c></row>`, i, i, r.next()%100000)
	}
	v("ten-thousand-rows", "memory and time", "10,001 more rows with a figure, under the 合计 (streamed: more rows than a worker holds)",
		p().edit(sheet, `</sheetData>`, rows.String()+`</sheetData>`).bytes(), Outcome{Status: "findings", Says: "below the 合计", Rule: "too_many_findings"})
	var xfs strings.Builder
	for i := 0; i < 200_000; i++ {
		fmt.Fprintf(&xfs, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0"/>`, i%200)
	}
	bomb := p().edit("xl/styles.xml", `<cellXfs count="11">`, `<cellXfs count="11">`+xfs.String())
	bomb = bomb.edit(sheet, c4, `<c r="C4" t="inlineStr"><is><t>待核实</t></is></c>`)
	v("styles-bomb", "memory and time", "200,000 cell formats in styles.xml (only --annotate opens it), and a finding to annotate",
		bomb.bytes(), Outcome{Status: "findings", Rule: "not_a_number", AnnotateRule: "not_annotated"})
	var bad strings.Builder
	for i := 45; i < 45+5000; i++ {
		fmt.Fprintf(&bad, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>企业%d</t></is></c><c r="C%d" t="inlineStr"><is><t>x%d</t></is></c></row>`, i, i, i, i, i)
	}
	v("many-findings", "memory and time", "5,000 rows of text where figures belong",
		p().edit(sheet, `</sheetData>`, bad.String()+`</sheetData>`).bytes(), finding("too_many_findings", "too many findings"))
	v("long-text-figure", "long text", "C5 holds 30,000 characters of text",
		p().edit(sheet, `<c r="C5" s="`+st+`"><v>403.76</v></c>`, `<c r="C5" t="inlineStr"><is><t>`+strings.Repeat("很长的说明", 6000)+`</t></is></c>`).bytes(),
		finding("long_text", "30000 characters"))
	figures := regexp.MustCompile(`<c r="([CD](?:[4-9]|[1-3][0-9]|4[0-3]))" s="` + st + `"><v>[^<]*</v></c>`)
	huge := p().edit("xl/sharedStrings.xml", `</sst>`, `<si><t>`+strings.Repeat("长文本", 10_000)+`</t></si></sst>`)
	last := strings.Count(string(base.get("xl/sharedStrings.xml")), "<si>") // the index of the string added
	huge = huge.set(sheet, []byte(figures.ReplaceAllString(sh, fmt.Sprintf(`<c r="$1" t="s"><v>%d</v></c>`, last))))
	v("huge-string-everywhere", "long text", "one shared string of 30,000 characters in all 80 figure cells",
		huge.bytes(), finding("long_text", "30000 characters"))
	v("nul-in-cell", "XML", "a NUL byte inside C4's text",
		p().edit(sheet, c4, "<c r=\"C4\" t=\"inlineStr\"><is><t>12\x003</t></is></c>").bytes(), unreadable("illegal character code U+0000"))
	v("formula-as-text", "numbers", "C4 holds the text =SUM(C5:C6)",
		p().edit(sheet, c4, `<c r="C4" t="inlineStr"><is><t>=SUM(C5:C6)</t></is></c>`).bytes(), finding("not_a_number", "formula"))
	// A footnote mark set in superscript: the sheet shows 110.23¹, and the
	// runs read as plain text made the figure 110.231.
	v("superscript-run", "numbers", "C4 holds the rich text 110.23 with a superscript 1 (a footnote mark)",
		p().edit(sheet, c4, `<c r="C4" t="inlineStr"><is><r><t>110.23</t></r><r><rPr><vertAlign val="superscript"/></rPr><t>1</t></r></is></c>`).bytes(),
		finding("not_a_number", `"110.23¹" is not a number`))
	// A boolean is stored 1 and shown TRUE: it was said to be the text "1".
	v("boolean", "numbers", "C4 holds the boolean TRUE (t=\"b\", stored 1)",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`" t="b"><v>1</v></c>`).bytes(), finding("not_a_number", `"TRUE" is not a number`))

	// Damaged archives: the cause is named, not guessed.
	v("size-lies", "damaged", "sheet2's declared size is smaller than its data",
		p().raw(sheet, func(h *zip.FileHeader) { h.UncompressedSize64 = 100 }), unreadable("does not match the size the package declares"))
	v("crc-lies", "damaged", "sheet2's CRC is wrong",
		p().raw(sheet, func(h *zip.FileHeader) { h.CRC32 ^= 0xFFFF }), unreadable("checksum"))
	var many pkg = p()
	for i := 0; i < 10_001; i++ {
		many = many.add(fmt.Sprintf("x/%d", i), nil)
	}
	v("ten-thousand-members", "memory and time", "10,001 empty members",
		many.bytes(), unreadable("members, more than the limit"))
	v("dtd-entity", "XML", "a DTD defining an entity in the sheet",
		p().edit(sheet, `<?xml version="1.0" encoding="UTF-8"?>`, `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY a "1234">]>`).bytes(), unreadable("malformed"))
	// Excel's binary workbook under an .xlsx name: a workbook.bin where
	// workbook.xml belongs. It was "missing part xl/workbook.xml".
	var xlsb pkg
	for _, m := range p() {
		if m.name == "xl/workbook.xml" {
			m = member{name: "xl/workbook.bin", data: []byte{0x83, 0x01, 0x00}}
		}
		xlsb = append(xlsb, m)
	}
	v("xlsb-content", "damaged", "xl/workbook.bin in place of xl/workbook.xml (Excel's binary .xlsb, renamed)",
		xlsb.bytes(), unreadable("an Excel binary workbook (.xlsb)"))
	v("ole2-junk", "damaged", "an OLE2 header on garbage",
		append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0x42}, 4000)...), unreadable("OLE2"))
	full := p().bytes()
	v("cut-short", "damaged", "the package cut at two thirds",
		full[:len(full)*2/3], unreadable("truncated or corrupt"))

	// What a correct reader reads as the sample reads it.
	stored := p()
	for i := range stored {
		stored[i].stored = true
	}
	v("stored", "read correctly", "every member stored, not deflated", stored.bytes(), same)
	rev := p()
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	v("members-reversed", "read correctly", "members in the opposite order", rev.bytes(), same)
	noRefs := p().set(sheet, []byte(cellRefAttr.ReplaceAllString(sh, "<c")))
	v("cells-without-refs", "read correctly", "no r attribute on any cell (ECMA-376 allows it)", noRefs.bytes(), same)
	// Excel's "Strict Open XML Spreadsheet" (ISO/IEC 29500 Strict): the
	// same parts in the ISO namespaces. It was refused as a sheet whose
	// relationship "" does not exist.
	strict := p()
	for i := range strict {
		if n := strict[i].name; strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") {
			t := strings.ReplaceAll(string(strict[i].data), "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
			t = strings.ReplaceAll(t, "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
			strict[i].data = []byte(t)
		}
	}
	v("strict-namespaces", "read correctly", "Strict Open XML: every part in the ISO namespaces", strict.bytes(), same)
	// The Open XML SDK writes every element with a prefix (<x:row>).
	prefixed := regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9]*)([ />])`).ReplaceAllString(sh, "<${1}x:${2}${3}")
	prefixed = strings.Replace(prefixed, `<x:worksheet xmlns="`, `<x:worksheet xmlns:x="`, 1)
	v("prefixed-elements", "read correctly", "every element of the sheet with the prefix x: (as the Open XML SDK writes)",
		p().set(sheet, []byte(prefixed)).bytes(), same)
	v("folder-entries", "read correctly", "folder entries xl/ and xl/worksheets/ in the zip",
		append(pkg{{name: "xl/"}, {name: "xl/worksheets/"}}, p()...).bytes(), same)
	vs = append(vs, round7(p, sh, c4, st)...)
	return append(vs, round8(p, sh, c4, st)...), nil
}

// FileName is the name a variant is written under: numbered, and without
// the <period>-<department> form, so only its fingerprint names it.
func FileName(v Variant) string { return v.Name + ".xlsx" }

// Table lists the variants and their expected outcomes, tab-separated:
// the committed EXPECTED.tsv.
func Table(vs []Variant) string {
	var b strings.Builder
	b.WriteString("file\tclass\tcrafted\tstatus\tsays\trule\tannotate_rule\n")
	for _, v := range vs {
		e := v.Expect
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", FileName(v), v.Class, v.Why, e.Status, e.Says, e.Rule, e.AnnotateRule)
	}
	return b.String()
}
