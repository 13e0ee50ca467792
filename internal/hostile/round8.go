package hostile

import (
	"fmt"
	"strings"
)

// round8 are the variants of the eighth hostile round: what a reader of
// the stored cells could get wrong while a person looking at the sheet in
// Excel would not — number formats that hide, scale or replace a figure,
// a format that turns it into a date or a percentage, sheets named like
// the table's that hold other figures, a cell past the declared range,
// the figure as a shared string, formulas whose cached value is stale,
// an error or a what-if table, and packages with a member compressed in
// a way no zip reader knows or a sheet outside the package. Each outcome
// was written down before tally was run on the file (testdata/README.md
// has the table: before and after).
func round8(p func() pkg, sh, c4, st string) []Variant {
	finding := func(rule, says string) Outcome { return Outcome{Status: "findings", Rule: rule, Says: says} }
	unreadable := func(says string) Outcome { return Outcome{Status: "unreadable", Says: says} }
	same := Outcome{Status: "ok"}
	var vs []Variant
	v := func(name, class, why string, data []byte, want Outcome) {
		vs = append(vs, Variant{Name: name, Class: class, Why: why, Data: data, Expect: want})
	}
	// format gives C4 a cell format of its own with the number format
	// code (numFmtId 165) and stores v in it.
	format := func(q pkg, code, v string) pkg {
		code = strings.NewReplacer(`&`, `&amp;`, `"`, `&quot;`, `<`, `&lt;`, `>`, `&gt;`).Replace(code)
		return q.edit("xl/styles.xml", `<numFmts count="1">`, `<numFmts count="2"><numFmt numFmtId="165" formatCode="`+code+`"/>`).
			edit("xl/styles.xml", `<cellXfs count="11">`, `<cellXfs count="12">`).
			edit("xl/styles.xml", `</cellXfs>`, `<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="true"/></cellXfs>`).
			edit(sheet, c4, `<c r="C4" s="11"><v>`+v+`</v></c>`)
	}
	// builtin gives C4 a cell format with a built-in number format id.
	builtin := func(q pkg, id int, v string) pkg {
		return q.edit("xl/styles.xml", `<cellXfs count="11">`, `<cellXfs count="12">`).
			edit("xl/styles.xml", `</cellXfs>`, fmt.Sprintf(`<xf numFmtId="%d" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="true"/></cellXfs>`, id)).
			edit(sheet, c4, `<c r="C4" s="11"><v>`+v+`</v></c>`)
	}
	cell := func(ref, body string) string { return `<c r="` + ref + `" s="` + st + `">` + body + `</c>` }

	// Number formats: the sheet shows another figure than is stored, or
	// none.
	v("format-hide-all", "what Excel shows", "C4 formatted ;;; (shows nothing): 110.23 on no one's screen",
		format(p(), ";;;", "110.23").bytes(), finding("format_hides_value", "110.23 has a number format that shows nothing"))
	v("format-millions", "what Excel shows", "C4 formatted 0,, (scaled by a million): 110.23 万元 shows as 0",
		format(p(), "0,,", "110.23").bytes(), finding("format_scales", "the stored figure is 110.23"))
	v("format-thousands", "what Excel shows", "C4 stores 110230 formatted #,##0.00, : the sheet shows 110.23",
		format(p(), "#,##0.00,", "110230").bytes(), finding("format_scales", "the stored figure is 110230"))
	v("format-percent", "what Excel shows", "C4 formatted 0.0% on a 万元 figure: the sheet shows 11023.0%",
		format(p(), "0.0%", "110.23").bytes(), finding("not_a_number", `"11023.0%" is not a number`))
	v("format-red-negatives", "read correctly", "C4 formatted #,##0.00;[Red]-#,##0.00 (negatives in red)",
		format(p(), "#,##0.00;[Red]-#,##0.00", "110.23").bytes(), same)
	// A format whose negative section is empty: a negative figure (also a
	// finding of its own) is on no one's screen.
	v("format-hides-negatives", "what Excel shows", "C4 stores -110.23 formatted 0.00;;0.00: a negative shows nothing",
		format(p(), "0.00;;0.00", "-110.23").bytes(), finding("format_hides_value", "-110.23 has a number format that shows nothing"))
	// A format of quoted text only shows that text whatever is stored:
	// the sheet shows 110.23, the cell holds 999999. Labelled
	// format_hides_value (a warning, the figure read) before the run; on
	// reflection the sheet shows another figure than is stored, as with
	// format_scales: an error of its own, the row rejected.
	v("format-literal-figure", "what Excel shows", "C4 stores 999999 formatted \"110.23\": the sheet shows the format's text",
		format(p(), `"110.23"`, "999999").bytes(), finding("format_shows_text", `only the text "110.23"`))
	v("format-condition-hides", "what Excel shows", "C4 formatted [<1000]\"\";#,##0.00: figures under 1000 show nothing",
		format(p(), `[<1000]"";#,##0.00`, "110.23").bytes(), finding("format_hides_value", "110.23 has a number format that shows nothing"))
	// Thousands of cell formats, C4's the last: the format is found by
	// its index, however deep.
	var xfs strings.Builder
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&xfs, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="true"/>`, []int{0, 2, 4, 164}[i%4])
	}
	v("styles-thousands-hide", "what Excel shows", "5,000 more cell formats in styles.xml, C4's (the 5,012th) ;;;",
		p().edit("xl/styles.xml", `<numFmts count="1">`, `<numFmts count="2"><numFmt numFmtId="165" formatCode=";;;"/>`).
			edit("xl/styles.xml", `<cellXfs count="11">`, `<cellXfs count="5012">`+xfs.String()).
			edit("xl/styles.xml", `</cellXfs>`, `<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="true"/></cellXfs>`).
			edit(sheet, c4, `<c r="C4" s="5011"><v>110.23</v></c>`).bytes(),
		finding("format_hides_value", "110.23 has a number format that shows nothing"))
	// A conditional format whose style sets the font white on the white
	// sheet when the figure is positive: on no one's screen. Labelled
	// font_hides_value before the run; given a rule of its own when fixed,
	// so that what to do says to clear the conditional format.
	v("conditional-white-font", "what Excel shows", "a conditional format on C4:C43 (cell > 0) with a white font",
		p().edit("xl/styles.xml", `<dxfs count="0"></dxfs>`, `<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs>`).
			edit(sheet, `<dataValidations`, `<conditionalFormatting sqref="C4:C43"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting><dataValidations`).bytes(),
		finding("conditional_hides_value", "110.23 is set in the colour of its background by a conditional format"))
	// The same white font for negative figures only: none is negative,
	// so every figure shows and nothing is said.
	v("conditional-white-unmet", "read correctly", "a conditional format on C4:C43 (cell < 0) with a white font: no figure meets it",
		p().edit("xl/styles.xml", `<dxfs count="0"></dxfs>`, `<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs>`).
			edit(sheet, `<dataValidations`, `<conditionalFormatting sqref="C4:C43"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting><dataValidations`).bytes(),
		same)

	// A number typed before the cell was set to Text (@) stays a number:
	// shown left-aligned, read as it is.
	v("text-format-number", "read correctly", "C4 stores the number 110.23 in a cell formatted Text (@, numFmtId 49)",
		builtin(p(), 49, "110.23").bytes(), same)
	// Column D (本年累计) an outline group collapsed beside E.
	v("column-outline-collapsed", "hidden figures", "column D an outline group collapsed (hidden, outlineLevel 1; E collapsed)",
		p().edit(sheet, `<col customWidth="true" max="4" min="3" width="18.8"></col><col customWidth="true" max="5" min="5" width="27.200000000000003"></col>`,
			`<col customWidth="true" max="3" min="3" width="18.8"></col><col customWidth="true" max="4" min="4" width="18.8" hidden="1" outlineLevel="1"></col><col customWidth="true" max="5" min="5" width="27.200000000000003" collapsed="1"></col>`).bytes(),
		finding("hidden_cell", "271.61 is in a hidden column"))

	// The same rule written as a formula for the range's first cell
	// (Excel's "use a formula": =C4>0, moved to each cell).
	v("conditional-expression-white", "what Excel shows", "a conditional format on C4:C43 by the formula C4>0 with a white font",
		p().edit("xl/styles.xml", `<dxfs count="0"></dxfs>`, `<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs>`).
			edit(sheet, `<dataValidations`, `<conditionalFormatting sqref="C4:C43"><cfRule type="expression" dxfId="0" priority="1"><formula>C4&gt;0</formula></cfRule></conditionalFormatting><dataValidations`).bytes(),
		finding("conditional_hides_value", "313.22 is set in the colour of its background by a conditional format"))
	// A conditional format that draws a white border (the dxf's only
	// colour is a border's): every figure shows.
	v("conditional-white-border", "read correctly", "a conditional format on C4:C43 (cell > 0) drawing a white border, font untouched",
		p().edit("xl/styles.xml", `<dxfs count="0"></dxfs>`, `<dxfs count="1"><dxf><border><left style="thin"><color rgb="FFFFFFFF"/></left></border></dxf></dxfs>`).
			edit(sheet, `<dataValidations`, `<conditionalFormatting sqref="C4:C43"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting><dataValidations`).bytes(),
		same)

	// Dates where a figure goes.
	v("date-in-figure", "what Excel shows", "C4 stores 43876 with the built-in date format 14: the sheet shows 2020/2/15",
		builtin(p(), 14, "43876").bytes(), finding("date_not_a_figure", "2020-02-15"))
	v("date-1904", "what Excel shows", "as date-in-figure in a workbook of the 1904 date system: 43876 is 2024-02-16",
		builtin(p(), 14, "43876").edit("xl/workbook.xml", `<workbookPr filterPrivacy="true"`, `<workbookPr date1904="1" filterPrivacy="true"`).bytes(),
		finding("date_not_a_figure", "2024-02-16"))
	v("date-typed-iso", "what Excel shows", "C4 an ISO 8601 date cell (t=\"d\") 2020-02-15T00:00:00",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`" t="d"><v>2020-02-15T00:00:00</v></c>`).bytes(), finding("date_not_a_figure", "2020-02-15"))

	// Sheets named like the table's.
	other := strings.Replace(sh, c4, cell("C4", `<v>999999</v>`), 1)
	addSheet := func(q pkg, name, state string, first bool) pkg {
		entry := `<sheet name="` + name + `" sheetId="20" r:id="rId20"` + state + `></sheet>`
		q = q.edit("xl/_rels/workbook.xml.rels", `</Relationships>`, `<Relationship Id="rId20" Target="worksheets/sheet20.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"></Relationship></Relationships>`).
			edit("[Content_Types].xml", `</Types>`, `<Override PartName="/xl/worksheets/sheet20.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"></Override></Types>`).
			add("xl/worksheets/sheet20.xml", []byte(other))
		if first {
			return q.edit("xl/workbook.xml", `<sheets>`, `<sheets>`+entry)
		}
		return q.edit("xl/workbook.xml", `</sheets>`, entry+`</sheets>`)
	}
	v("very-hidden-copy", "hidden figures", "a veryHidden sheet \"税收收入 (2)\" (Excel's name for a copy) holding the table with 999999 in C4",
		addSheet(p(), "税收收入 (2)", ` state="veryHidden"`, false).bytes(), finding("other_sheet", `sheet "税收收入 (2)" (very hidden: not seen in Excel`))
	v("sheet-lookalike-first", "ambiguous package", "a sheet \"税收收入　\" (an ideographic space after it) before the real 税收收入, with 999999 in C4",
		addSheet(p(), "税收收入\u3000", "", true).bytes(), finding("other_sheet", "税收收入\u3000"))

	// Cells where a reader of the declared range or of one string form
	// would go wrong.
	v("cell-past-dimension", "hidden figures", "<dimension ref=\"A1:E44\"> and 5000 in G4, past it",
		p().edit(sheet, `</row><row r="5">`, `<c r="G4"><v>5000</v></c></row><row r="5">`).bytes(), finding("outside_input_area", `"5000" is outside the input area`))
	v("figure-shared-string", "numbers", "C4 holds 110.23 as a shared string (t=\"s\"), as a paste into a text cell stores it",
		p().edit("xl/sharedStrings.xml", `</sst>`, `<si><t>110.23</t></si></sst>`).
			edit(sheet, c4, `<c r="C4" s="`+st+`" t="s"><v>129</v></c>`).bytes(), finding("number_as_text", "accepted as 110.23"))

	// Formulas whose cached value is not what the formula gives.
	// Labelled formula_result_differs before the run; not met, and left:
	// C5 is another row's cell, which a streamed sheet no longer holds
	// when C4 is read, so the formula is read by its cached value, as
	// Excel shows it until it calculates. What is said is the sheet's own
	// 合计, which the 999999 does not add up to (and the 本年累计 below
	// the month). The same over a cell of C4's own row is refused
	// (formula-stale-same-row).
	v("formula-stale-value", "formulas", "C4 is =C5-293.53 (110.23) caching 999999 (calculation set to manual)",
		p().edit(sheet, c4, cell("C4", `<f>C5-293.53</f><v>999999</v>`)).bytes(), finding("total_mismatch", "difference -999888.77"))
	// The same over a cell of its own row, which tally can work out as
	// the row is read: a stale value is refused, a current one read.
	v("formula-stale-same-row", "formulas", "C4 is =D4-161.38 (110.23) caching 999999",
		p().edit(sheet, c4, cell("C4", `<f>D4-161.38</f><v>999999</v>`)).bytes(), finding("formula_result_differs", "gives 110.23 from the cells it refers to, but the file holds 999999"))
	v("formula-same-row", "read correctly", "C4 is =D4-161.38 caching 110.23",
		p().edit(sheet, c4, cell("C4", `<f>D4-161.38</f><v>110.23</v>`)).bytes(), same)
	v("formula-div0", "formulas", "C4 is =C5/0 caching the error #DIV/0!",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`" t="e"><f>C5/0</f><v>#DIV/0!</v></c>`).bytes(), finding("formula_error", "#DIV/0!"))
	v("formula-boolean", "formulas", "C4 is =C5>0 caching the boolean TRUE",
		p().edit(sheet, c4, `<c r="C4" s="`+st+`" t="b"><f>C5&gt;0</f><v>1</v></c>`).bytes(), finding("not_a_number", `"TRUE"`))
	// A what-if data table: Excel recalculates it from its input cell,
	// the file caches the result; the formula has no text of its own.
	v("formula-data-table", "read correctly", "C4 a one-cell data table {=TABLE(,B1)} caching 110.23",
		p().edit(sheet, c4, cell("C4", `<f t="dataTable" ref="C4" dt2D="0" dtr="0" r1="B1"/><v>110.23</v>`)).bytes(), same)

	// Packages.
	q := p()
	for i := range q {
		if q[i].name == sheet {
			q[i].method = 99
		}
	}
	v("member-unknown-method", "damaged", "sheet2 compressed with method 99 (no zip reader knows it)",
		q.bytes(), unreadable("compression method 99"))
	v("rel-external-sheet", "ambiguous package", "税收收入's relationship TargetMode=\"External\" to file:///C:/税收.xml",
		p().edit("xl/_rels/workbook.xml.rels", `Target="worksheets/sheet2.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet">`,
			`Target="file:///C:/税收.xml" TargetMode="External" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet">`).bytes(),
		unreadable("leaves the package"))
	// A macro-enabled workbook's content type (and its macros) under an
	// .xlsx name: Excel refuses to open it, but its cells are plain.
	v("xlsm-content", "read correctly", "the main part typed macroEnabled.main+xml with an xl/vbaProject.bin (an .xlsm renamed .xlsx)",
		p().edit("[Content_Types].xml", `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml`, `application/vnd.ms-excel.sheet.macroEnabled.main+xml`).
			add("xl/vbaProject.bin", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}).bytes(), same)
	v("xltx-content", "read correctly", "the main part typed template.main+xml (an .xltx renamed .xlsx)",
		p().edit("[Content_Types].xml", `spreadsheetml.sheet.main+xml`, `spreadsheetml.template.main+xml`).bytes(), same)
	return vs
}
