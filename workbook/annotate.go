package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
	"github.com/xuri/excelize/v2"
)

// Annotate writes to w a copy of the submission at path with every cell a
// finding names highlighted and carrying a comment that says what is wrong,
// and a sheet listing the findings: the file a department gets back. The
// file at path is only read, and only after the package passes the same
// limits as reading (checkPackage): excelize opens parts tally's reader
// never does (styles, drawings, comments). A file without a styles part
// gets a minimal one first (withStyles).
func Annotate(path string, w io.Writer, findings []reconcile.Finding, lang reconcile.Lang, lim Limits) error {
	return AnnotateFor(path, w, findings, lang, lim, Origin{})
}

// Origin says whose return an annotated copy is: the department's name and
// the period, for the title the copy's 审核结果 prints under. Empty when
// the file could not be told (the title then names the file alone).
type Origin struct {
	Department, Period string
}

// AnnotateFor is Annotate with the 审核结果 sheet's printed title naming the
// file, the department and the period (its page header, on every page).
func AnnotateFor(path string, w io.Writer, findings []reconcile.Finding, lang reconcile.Lang, lim Limits, about Origin) error {
	if IsODS(path) {
		return fileErr("这是 OpenDocument（.ods）文件，tally 只为 .xlsx 写批注副本，问题已在审核结果中列出",
			"an OpenDocument (.ods) file: tally writes annotated copies of .xlsx files only; its findings are listed", nil)
	}
	if err := checkPackage(path, lim); err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if data, err = withStyles(data); err != nil {
		return err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.MaxFileBytes * lim.MaxRatio, UnzipXMLSizeLimit: lim.MaxPartBytes})
	if err != nil {
		return err
	}
	defer f.Close()
	type key struct{ sheet, cell string }
	notes := map[key][]string{}
	var order []key
	worst := map[key]reconcile.Severity{}
	var cells []reconcile.Finding // a run said once for its range marks each cell
	// A cell merged cells cover shows nothing, and Excel drops a comment
	// on it: its note goes on the cell the merge shows, naming the cell
	// (or the run of cells, said once).
	anchor := func(fd *reconcile.Finding) string {
		if fd.Rule != reconcile.RuleMergedBlank && fd.Rule != reconcile.RuleMergedCell {
			return ""
		}
		a, _ := fd.Fields["anchor"].(string)
		return a
	}
	for _, fd := range findings {
		if anchor(&fd) != "" {
			cells = append(cells, fd)
		} else {
			cells = append(cells, fd.Expand()...)
		}
	}
	for _, fd := range cells {
		if fd.Sheet == "" || fd.Cell == "" {
			continue
		}
		k, msg := key{fd.Sheet, fd.Cell}, fd.Message(lang)
		if a := anchor(&fd); a != "" {
			k.cell, msg = a, fd.Cell+reconcile.Text{"：", ": "}.In(lang)+msg
		}
		if _, ok := notes[k]; !ok {
			order = append(order, k)
		}
		notes[k] = append(notes[k], msg)
		if worst[k] != reconcile.Error {
			worst[k] = fd.Severity
		}
	}
	fills := map[reconcile.Severity]string{reconcile.Error: "FFC7CE", reconcile.Warning: "FFEB9C", reconcile.Info: "DDEBF7"}
	borders := sourceBorders(path)
	for _, k := range order {
		if !annotatable(f, k.sheet, k.cell) {
			continue // listed on the results sheet; there is no such cell to mark
		}
		if err := highlight(f, k.sheet, k.cell, fills[worst[k]], borders); err != nil {
			return fmt.Errorf("%s!%s: %w", k.sheet, k.cell, err)
		}
		text := reconcile.ClipText(strings.Join(notes[k], "\n"), ExcelMaxCellChars/2)
		if err := f.AddComment(k.sheet, excelize.Comment{Cell: k.cell, Author: "tally",
			Paragraph: []excelize.RichTextRun{{Text: text}}}); err != nil {
			return fmt.Errorf("%s!%s: %w", k.sheet, k.cell, err)
		}
	}
	if err := findingsSheet(f, findings, lang, resultsTitle(filepath.Base(path), about, lang)); err != nil {
		return err
	}
	// The mark (own.go): a custom property, the digest of the copy's
	// other parts once they are written.
	if err := f.SetCustomProps(excelize.CustomProperty{Name: AnnotatedProperty, Value: ownPlaceholder}); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	marked, err := MarkOwn(buf.Bytes(), AnnotatedProperty)
	if err != nil {
		return err
	}
	_, err = w.Write(marked)
	return err
}

// highlight gives a cell a fill while keeping the rest of its style (its
// number format, borders, protection). A file with no styles part gets a
// plain style with the fill.
func highlight(f *excelize.File, sheet, cell, color string, borders map[int]map[string]string) error {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		st = &excelize.Style{}
	}
	// excelize resolves colours through the theme; a file saved by a
	// program that writes no theme part (LibreOffice) gets every colour
	// back empty, and an empty colour is written as rgb="FF", which Excel
	// repairs and openpyxl refuses. Take the colour the file stores.
	for i := range st.Border {
		if st.Border[i].Color == "" {
			st.Border[i].Color = "000000"
			if c := borders[id][st.Border[i].Type]; c != "" {
				st.Border[i].Color = c
			}
		}
	}
	if st.Font != nil && st.Font.Color == "" {
		st.Font.ColorTheme, st.Font.ColorTint = nil, 0
	}
	st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	nid, err := f.NewStyle(st)
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, nid)
}

// resultsTitle is the printed title of an annotated copy's 审核结果: the
// department, the period and the file, so a printed sheet says whose
// return it is about once it is apart from the others.
func resultsTitle(file string, about Origin, lang reconcile.Lang) string {
	who := strings.TrimSpace(about.Department + " " + about.Period)
	if who == "" {
		return reconcile.Text{"审核结果：" + file, "Check results: " + file}.In(lang)
	}
	return reconcile.Text{"审核结果：" + who + "（" + file + "）", "Check results: " + who + " (" + file + ")"}.In(lang)
}

func findingsSheet(f *excelize.File, findings []reconcile.Finding, lang reconcile.Lang, title string) error {
	name := reconcile.Text{"审核结果", "Check results"}.In(lang)
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	// 怎么办 beside 说明: what the department does about each finding,
	// the desk's advice and the consolidated 问题清单's.
	heads := []string{"工作表", "单元格", "严重程度", "说明", "怎么办", "原始内容", "规则"}
	if lang == reconcile.English {
		heads = []string{"Sheet", "Cell", "Severity", "Message", "What to do", "Raw", "Rule"}
	}
	values := func(fd reconcile.Finding) []string {
		return []string{fd.Sheet, fd.Cell, fd.Severity.In(lang), fd.Message(lang), fd.Advice(lang), fd.Raw, fd.Rule.Label(lang)}
	}
	last, _ := excelize.ColumnNumberToName(len(heads))
	for i, h := range heads {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(name, ref, h); err != nil {
			return err
		}
	}
	sorted := append([]reconcile.Finding(nil), findings...)
	rank := map[reconcile.Severity]int{reconcile.Error: 0, reconcile.Warning: 1, reconcile.Info: 2}
	sort.SliceStable(sorted, func(i, j int) bool { return rank[sorted[i].Severity] < rank[sorted[j].Severity] })
	for r, fd := range sorted {
		for i, v := range values(fd) {
			v = reconcile.ClipText(v, ExcelMaxCellChars-1)
			ref, _ := excelize.CoordinatesToCellName(i+1, r+2)
			if err := f.SetCellStr(name, ref, v); err != nil {
				return err
			}
		}
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: fontFamily(lang), Size: fontSize},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(name, "A1", last+"1", head); err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontFamily(lang), Size: fontSize}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	if len(sorted) > 0 {
		if err := f.SetCellStyle(name, "A2", fmt.Sprintf("%s%d", last, len(sorted)+1), body); err != nil {
			return err
		}
	}
	// Widths that fit a landscape A4 page at full size (about 145 units),
	// the 规则 column the longest rule code, "(total_formula_without_value)";
	// every row gets its height from its wrapped texts, since LibreOffice
	// does not size the rows of a sheet added to its own file and draws a
	// wrapped 说明 over the next row.
	widths := []int{6, 4, 3, 17, 12, 6, 14}
	for i, width := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, grid.Width(width)); err != nil {
			return err
		}
	}
	for r, fd := range sorted {
		lines := 1
		for i, v := range values(fd) {
			lines = max(lines, grid.Lines(reconcile.ClipText(v, ExcelMaxCellChars-1), grid.Width(widths[i])))
		}
		if err := f.SetRowHeight(name, r+2, min(float64(lines)*grid.LineHeight*fontSize/11+2, 409)); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(name, fmt.Sprintf("A1:%s%d", last, len(sorted)+1)); err != nil {
		return err
	}
	if idx, err := f.GetSheetIndex(name); err == nil {
		f.SetActiveSheet(idx)
	}
	if err := printSetup(f, name, 1, true); err != nil {
		return err
	}
	// The title on every printed page, the page count in the footer.
	center := []rune(strings.ReplaceAll(title, "&", "&&"))
	foot := reconcile.Text{"&C&10 第 &P 页，共 &N 页", "&C&10 page &P of &N"}.In(lang)
	for len("&C&B&12 "+string(center)) > 255 {
		center = center[:len(center)-1]
	}
	return f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddHeader: "&C&B&12 " + string(center), OddFooter: foot})
}

// annotatable reports whether a finding's cell can be marked: a sheet of
// the file, and a reference within Excel's rows and columns.
func annotatable(f *excelize.File, sheet, cell string) bool {
	if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		return false
	}
	col, row, ok := parseRef(cell)
	return ok && col <= ExcelMaxCols && row <= ExcelMaxRows
}

// sourceBorders reads the border colours a file's styles part stores, by
// cell style (cellXfs index) and side, as RRGGBB: explicit colours and
// indexed ones (the legacy palette); theme and automatic colours are left
// out (black is used). A file without a styles part gives none.
func sourceBorders(path string) map[int]map[string]string {
	out := map[int]map[string]string{}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return out
	}
	defer zr.Close()
	var styles struct {
		Borders []struct {
			Left     borderSide `xml:"left"`
			Right    borderSide `xml:"right"`
			Top      borderSide `xml:"top"`
			Bottom   borderSide `xml:"bottom"`
			Diagonal borderSide `xml:"diagonal"`
		} `xml:"borders>border"`
		Xfs []struct {
			BorderID int `xml:"borderId,attr"`
		} `xml:"cellXfs>xf"`
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/styles.xml" || zf.UncompressedSize64 > 16<<20 {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return out
		}
		err = xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(&styles)
		rc.Close()
		if err != nil {
			return out
		}
	}
	for i, xf := range styles.Xfs {
		if xf.BorderID < 0 || xf.BorderID >= len(styles.Borders) {
			continue
		}
		b := styles.Borders[xf.BorderID]
		sides := map[string]string{}
		for name, side := range map[string]borderSide{"left": b.Left, "right": b.Right, "top": b.Top, "bottom": b.Bottom, "diagonalDown": b.Diagonal, "diagonalUp": b.Diagonal} {
			if c := side.rgb(); c != "" {
				sides[name] = c
			}
		}
		out[i] = sides
	}
	return out
}

// borderSide is one side of a border as styles.xml stores it.
type borderSide struct {
	Color *struct {
		RGB     string `xml:"rgb,attr"`
		Indexed *int   `xml:"indexed,attr"`
	} `xml:"color"`
}

// legacyPalette is Excel's default indexed colours 0–63.
var legacyPalette = []string{
	"000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
	"000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
	"800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
	"9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
	"000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
	"00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
	"3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
	"003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
}

func (s borderSide) rgb() string {
	switch {
	case s.Color == nil:
		return ""
	case len(s.Color.RGB) == 8:
		return strings.ToUpper(s.Color.RGB[2:])
	case len(s.Color.RGB) == 6:
		return strings.ToUpper(s.Color.RGB)
	case s.Color.Indexed != nil && *s.Color.Indexed >= 0 && *s.Color.Indexed < len(legacyPalette):
		return legacyPalette[*s.Color.Indexed]
	}
	return ""
}

// minimalStyles is the styles part of a file that had none: one font, the
// two fills every file has, no border, one cell style.
const minimalStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// withStyles returns the package with a styles part: as it is when it has
// one, else with a minimal one added (some writers leave it out; excelize
// cannot add a style to a file without it).
func withStyles(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == "xl/styles.xml" {
			return data, nil
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		part, err := io.ReadAll(io.LimitReader(rc, 256<<20))
		rc.Close()
		if err != nil {
			return nil, err
		}
		switch f.Name {
		case "[Content_Types].xml":
			part = bytes.Replace(part, []byte("</Types>"), []byte(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`), 1)
		case "xl/_rels/workbook.xml.rels":
			part = bytes.Replace(part, []byte("</Relationships>"), []byte(`<Relationship Id="rIdTallyStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`), 1)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(part); err != nil {
			return nil, err
		}
	}
	w, err := zw.Create("xl/styles.xml")
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(w, minimalStyles); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// IsAnnotated reports whether the file at path is an annotated copy tally
// wrote (Annotate): an .xlsx with the findings sheet, in either language.
// A command may replace such a copy with a newer one without being told to.
func IsAnnotated(path string, lim Limits) bool {
	f, st, err := openRegular(path)
	if err != nil {
		return false
	}
	defer f.Close()
	x, err := openXLSX(f, st.Size(), lim)
	if err != nil {
		return false
	}
	for _, lang := range []reconcile.Lang{reconcile.Chinese, reconcile.English} {
		if _, ok := x.sheet(reconcile.Text{"审核结果", "Check results"}.In(lang)); ok {
			return true
		}
	}
	return false
}
