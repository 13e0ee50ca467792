package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// OpenDocument spreadsheets (.ods), LibreOffice's default format, are read
// through the same seam as xlsx (sheetScanner): every table of content.xml
// as rows of raw cells, each with its exact stored value (office:value,
// never the displayed text), its type, its formula, and whether its row or
// column is hidden. Repeated rows and columns
// (table:number-rows-repeated, -columns-repeated) are expanded only where
// they hold something, so an empty sheet of a million rows costs nothing.
// Everything else is checked as for xlsx.

const odsMime = "application/vnd.oasis.opendocument.spreadsheet"

// isODS reports whether r is an OpenDocument spreadsheet package, whatever
// its file's name says.
func isODS(r io.ReaderAt, size int64) bool {
	head := make([]byte, 4)
	if n, _ := r.ReadAt(head, 0); n < 4 || !bytes.Equal(head, []byte("PK\x03\x04")) {
		return false
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "mimetype" && f.UncompressedSize64 < 200 {
			rc, err := f.Open()
			if err != nil {
				return false
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 200))
			rc.Close()
			return strings.HasPrefix(string(b), odsMime)
		}
	}
	return false
}

// IsODS reports whether the file at path is an OpenDocument spreadsheet,
// by its content.
func IsODS(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	return err == nil && isODS(f, st.Size())
}

// ods is an opened OpenDocument spreadsheet: its package (opened with the
// same limits as an xlsx) and its table names.
type ods struct {
	pkg        *xlsx // the zip parts and their limits; no workbook part
	sheets     []sheetInfo
	hiddenCols map[int]bool
	// styles are the number formats of the cell styles (odsStyles), for
	// what a format shows; colStyle the default cell style of each column
	// of the table being scanned.
	styles   *odsStyles
	colStyle map[int]string
	// merges are the merged ranges of the table being scanned, from the
	// spans of their first cells (number-columns-spanned and
	// number-rows-spanned); at most maxMerges.
	merges []cellRange
}

var _ sheetScanner = (*ods)(nil)

func openODS(r io.ReaderAt, size int64, lim Limits) (*ods, error) {
	if size > lim.MaxFileBytes {
		_, err := openXLSX(r, size, lim) // the same message
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fileErr("压缩包已损坏或不完整（可能传输中断）", "the zip package is truncated or corrupt (an interrupted transfer?)", err)
	}
	o := &ods{pkg: &xlsx{zr: zr, parts: map[string]*zip.File{}, lim: lim}}
	for _, f := range zr.File {
		o.pkg.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	if o.encrypted() {
		return nil, fileErr("文件设置了打开密码（已加密），请去掉密码后重新报送", "the file is password-protected (encrypted); remove the password and send it again", nil)
	}
	if _, ok := o.pkg.parts["content.xml"]; !ok {
		return nil, fileErr("OpenDocument 文件缺少 content.xml", "an OpenDocument file without content.xml", nil)
	}
	// A sheet is hidden by its table style (table:display="false" in the
	// automatic styles, which come before the tables).
	hiddenStyle, style := map[string]bool{}, ""
	o.styles = newODSStyles()
	if _, ok := o.pkg.parts["styles.xml"]; ok {
		if rc, err := o.pkg.open("styles.xml"); err == nil {
			d := newXMLTokens(rc)
			d.max = lim.MaxTextBytes
			for {
				kind, err := d.next()
				if err != nil {
					break // unreadable common styles only mean no format is known
				}
				o.styles.token(d, kind)
			}
			d.release()
			rc.Close()
		}
	}
	err = o.walk(func(d *xmlTokens, kind tokKind, depth int) (bool, error) {
		o.styles.token(d, kind)
		if kind != tokStart {
			return true, nil
		}
		switch string(d.name) {
		case "style":
			style = ""
			if f, _ := d.attr("family"); f == "table" {
				style, _ = d.attr("name")
			}
		case "table-properties":
			if v, _ := d.attr("display"); v == "false" && style != "" {
				hiddenStyle[style] = true
			}
		case "table":
			name, _ := d.attr("name")
			st, _ := d.attr("style-name")
			o.sheets = append(o.sheets, sheetInfo{name: name, part: "content.xml", hidden: hiddenStyle[st]})
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	if len(o.sheets) == 0 {
		return nil, fileErr("OpenDocument 文件中没有工作表", "an OpenDocument file without sheets", nil)
	}
	return o, nil
}

// encrypted reports whether the package's manifest says its parts are
// encrypted (a password set when saving).
func (o *ods) encrypted() bool {
	rc, err := o.pkg.open("META-INF/manifest.xml")
	if err != nil {
		return false
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	for {
		kind, err := d.next()
		if err != nil {
			return false
		}
		if kind == tokStart && string(d.name) == "encryption-data" {
			return true
		}
	}
}

// walk streams content.xml's tokens to fn until it returns false.
func (o *ods) walk(fn func(d *xmlTokens, kind tokKind, depth int) (bool, error)) error {
	rc, err := o.pkg.open("content.xml")
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	depth := 0
	for {
		kind, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partErr(err, "content.xml 格式错误", "content.xml is malformed")
		}
		if kind == tokStart {
			depth++
		}
		more, err := fn(d, kind, depth)
		if err != nil || !more {
			return err
		}
		if kind == tokEnd {
			depth--
		}
	}
}

func (o *ods) sheet(name string) (sheetInfo, bool) {
	for _, s := range o.sheets {
		if s.name == name {
			return s, true
		}
	}
	return sheetInfo{}, false
}

func (o *ods) hidden(col int) bool { return o.hiddenCols[col] }

// maxODSColumns bounds a row: a spreadsheet has at most 16384 columns.
const maxODSColumns = 16384

// scan streams one table's rows. Cells of a repeated row or column are
// emitted once per repetition only when they hold something.
func (o *ods) scan(s sheetInfo, fn func(row int, hidden bool, cells []rawCell) error) error {
	o.hiddenCols, o.colStyle, o.merges = map[int]bool{}, map[int]string{}, o.merges[:0]
	var (
		in, done   bool
		row, col   int // the next row and column, 1-based
		rowRepeat  int
		rowHidden  bool
		cells      []rawCell
		cur        rawCell
		cellRepeat int
		valued     bool // the cell's attributes gave its value
		inCell     bool
		text       strings.Builder
		paras      int
		spans      []byte // the script of each text:span open in the cell
		skip       int    // inside an annotation: not the cell's text
	)
	err := o.walk(func(d *xmlTokens, kind tokKind, _ int) (bool, error) {
		name := string(d.name)
		if !in {
			if kind == tokStart && name == "table" {
				if n, _ := d.attr("name"); n == s.name {
					in, row = true, 1
				}
			}
			return true, nil
		}
		switch kind {
		case tokStart:
			switch name {
			case "table-column":
				n := repeat(d, "number-columns-repeated")
				if v, _ := d.attr("visibility"); v == "collapse" || v == "filter" {
					for c := col + 1; c <= col+n && c <= maxODSColumns; c++ {
						o.hiddenCols[c] = true
					}
				}
				if v, _ := d.attr("default-cell-style-name"); v != "" && o.styles.hasFormat(v) {
					for c := col + 1; c <= col+n && c <= maxODSColumns; c++ {
						o.colStyle[c] = v
					}
				}
				col += n
			case "table-row":
				rowRepeat = repeat(d, "number-rows-repeated")
				v, _ := d.attr("visibility")
				rowHidden = v == "collapse" || v == "filter"
				cells, col = cells[:0], 1
			case "table-cell", "covered-table-cell":
				inCell, paras, skip, spans = true, 0, 0, spans[:0]
				text.Reset()
				cellRepeat = repeat(d, "number-columns-repeated")
				cur, valued = odsCell(d, col, row)
				cur.Covered = name == "covered-table-cell"
				if cs, rs := repeat(d, "number-columns-spanned"), repeat(d, "number-rows-spanned"); (cs > 1 || rs > 1) && !cur.Covered && len(o.merges) < maxMerges {
					o.merges = append(o.merges, cellRange{c1: int32(col), r1: int32(row), c2: int32(min(col+cs-1, 1<<20)), r2: int32(min(row+rs-1, 1<<24))})
				}
				if cur.Type == "n" && !cur.Percent {
					sn, ok := d.attr("style-name")
					if !ok {
						sn = o.colStyle[col]
					}
					cur.Hides, cur.Scaled = o.styles.flags(sn)
				}
			case "annotation":
				skip++
			case "p":
				if inCell && skip == 0 {
					if paras > 0 {
						text.WriteByte('\n')
					}
					paras++
				}
			case "s":
				if inCell && skip == 0 {
					text.WriteString(strings.Repeat(" ", min(repeat(d, "c"), 1000)))
				}
			case "tab":
				if inCell && skip == 0 {
					text.WriteByte('\t')
				}
			case "line-break":
				if inCell && skip == 0 {
					text.WriteByte('\n')
				}
			case "span":
				// A span in superscript or subscript (a footnote mark):
				// its digits as the sheet shows them (appendScript).
				sn, _ := d.attr("style-name")
				if len(spans) < 64 {
					spans = append(spans, o.styles.script[sn])
				}
			}
		case tokText:
			if inCell && skip == 0 && paras > 0 {
				script := scriptNone
				for _, s := range spans {
					if s != scriptNone {
						script = s
					}
				}
				text.Write(appendScript(nil, d.text, script))
			}
		case tokEnd:
			switch name {
			case "span":
				if len(spans) > 0 {
					spans = spans[:len(spans)-1]
				}
			case "annotation":
				skip--
			case "table-cell", "covered-table-cell":
				inCell = false
				finishODSCell(&cur, valued, text.String())
				if cur.Value == "" && !cur.HasF {
					col += cellRepeat // an empty run
					break
				}
				for i := 0; i < cellRepeat && col <= maxODSColumns; i++ {
					c := cur
					c.Col, c.Ref = col, columnName(col)+strconv.Itoa(row)
					o.pkg.cells++
					if o.pkg.cells > o.pkg.lim.MaxCellsTotal {
						return false, fileErr("单元格数量超过上限", "too many cells", nil)
					}
					cells = append(cells, c)
					col++
				}
			case "table-row":
				if len(cells) == 0 {
					row += rowRepeat
					return true, nil
				}
				for i := 0; i < rowRepeat; i++ {
					out := cells
					if i > 0 {
						out = make([]rawCell, len(cells))
						for j, c := range cells {
							c.Ref = columnName(c.Col) + strconv.Itoa(row)
							out[j] = c
						}
						o.pkg.cells += int64(len(cells))
						if o.pkg.cells > o.pkg.lim.MaxCellsTotal {
							return false, fileErr("单元格数量超过上限", "too many cells", nil)
						}
					}
					if err := fn(row, rowHidden, out); err != nil {
						return false, err
					}
					row++
				}
			case "table":
				done = true
				return false, nil
			}
		}
		return true, nil
	})
	if err == nil && !done && !in {
		return fileErr("找不到工作表“"+s.name+"”", "sheet "+s.name+" not found", nil)
	}
	return err
}

// repeat reads a repetition attribute: at least 1.
func repeat(d *xmlTokens, attr string) int {
	v, ok := d.attr(attr)
	if !ok {
		return 1
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// odsCell reads a cell's attributes: its value type and exact value, and
// its formula. The value of a number is office:value, never the text shown.
func odsCell(d *xmlTokens, col, row int) (c rawCell, valued bool) {
	c = rawCell{Col: col, Ref: columnName(col) + strconv.Itoa(row)}
	if f, ok := d.attr("formula"); ok {
		c.HasF = true
		c.Formula = strings.TrimPrefix(strings.TrimPrefix(f, "of:"), "=")
	}
	if c.HasF && d.attrIs("value-type", "error") {
		// Calc's error result: office:value-type="string" with an empty
		// string-value, and calcext:value-type="error". Its text is the
		// error (#VALUE!), set by finishODSCell: not a formula no program
		// calculated.
		return c, false
	}
	vt, _ := d.attr("value-type")
	switch vt {
	case "":
		// No value type: empty, or a formula whose result is an error.
	case "float", "percentage", "currency":
		c.Type = "n"
		c.Value, _ = d.attr("value")
		c.Percent = vt == "percentage"
	case "date":
		c.Type = "d"
		c.Value, _ = d.attr("date-value")
	case "time":
		c.Type = "d"
		c.Value, _ = d.attr("time-value")
	case "boolean":
		c.Type = "b"
		c.Value, _ = d.attr("boolean-value")
	case "string":
		c.Type = "s"
		if c.HasF {
			c.Type = "str"
		}
		c.Value, valued = d.attr("string-value") // else the paragraphs' text
	default:
		valued = true
	}
	return c, valued
}

// finishODSCell sets a cell's value from its paragraphs' text, unless its
// attributes gave it one.
func finishODSCell(c *rawCell, valued bool, text string) {
	switch {
	case valued:
	case c.Type == "s" || c.Type == "str":
		c.Value = text
	case c.Type == "" && c.HasF && text != "":
		c.Type, c.Value = "e", text // an error shown as text: #DIV/0!, Err:502
	}
}

// odsMeta reads the fingerprint kept as user-defined metadata, and when
// the file was last saved.
func (o *ods) meta() (fp Fingerprint, hasFP bool, date, stamp string, local bool) {
	if _, ok := o.pkg.parts["meta.xml"]; !ok {
		return
	}
	var m struct {
		Date     string `xml:"meta>date"`
		Creation string `xml:"meta>creation-date"`
		User     []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:",chardata"`
		} `xml:"meta>user-defined"`
	}
	if o.pkg.decodePart("meta.xml", &m) != nil {
		return
	}
	for _, u := range m.User {
		switch u.Name {
		case "tally.template":
			fp.Template = u.Value
		case "tally.department":
			fp.Department = u.Value
		case "tally.period":
			fp.Period = u.Value
		case "tally.layout":
			fp.Layout = u.Value
		}
	}
	date, stamp, local = savedStamp(m.Date, m.Creation)
	return fp, fp.Department != "" && fp.Period != "", date, stamp, local
}

// fingerprint reads the fingerprint sheet when Calc kept it, else the
// user-defined metadata.
func (o *ods) fingerprint() (Fingerprint, bool) {
	if fp, ok := sheetFingerprint(o); ok {
		return fp, true
	}
	fp, ok, _, _, _ := o.meta()
	return fp, ok
}

// sheetFingerprint reads the fingerprint sheet of any workbook: key in
// column A, value in B.
func sheetFingerprint(sc sheetScanner) (Fingerprint, bool) {
	si, ok := sc.sheet(FingerprintSheet)
	var fp Fingerprint
	if !ok {
		return fp, false
	}
	err := sc.scan(si, func(_ int, _ bool, cells []rawCell) error {
		if len(cells) < 2 || cells[0].Col != 1 || cells[1].Col != 2 {
			return nil
		}
		switch cells[0].Value {
		case "template":
			fp.Template = cells[1].Value
		case "department":
			fp.Department = cells[1].Value
		case "period":
			fp.Period = cells[1].Value
		case "layout":
			fp.Layout = cells[1].Value
		case carryKey:
			var at [7]string // by column: B sheet, C cell, D name, E figure, F credit code
			for _, c := range cells[1:] {
				if c.Col < len(at) {
					at[c.Col] = c.Value
				}
			}
			v, err := decimal.NewFromString(at[5])
			if err != nil || at[2] == "" || at[3] == "" || len(fp.Carries) >= MaxCarries {
				return nil // not a line tally wrote, or past the bound: that cell is not checked
			}
			if fp.Carries == nil {
				fp.Carries = map[string]Carried{}
			}
			fp.Carries[at[2]+"!"+at[3]] = Carried{Name: strings.Clone(at[4]), Value: reconcile.NumOf(v), Code: strings.Clone(at[6])}
		}
		return nil
	})
	return fp, err == nil && fp.Department != "" && fp.Period != ""
}

// readODS reads an OpenDocument submission.
func readODS(sub reconcile.Submission, r io.ReaderAt, size int64, base string, s *reconcile.Spec, lim Limits, st *stream) reconcile.Submission {
	o, err := openODS(r, size, lim)
	if err != nil {
		sub = identifyByName(sub, base, s)
		return unreadable(sub, err)
	}
	_, _, sub.Saved, sub.Modified, sub.SavedLocal = o.meta()
	fp, hasFP := o.fingerprint()
	sub = readTables(sub, o, fp, hasFP, base, s, st)
	if !strings.HasSuffix(strings.ToLower(base), ".ods") && !sub.Unreadable {
		sub.Findings = append(sub.Findings, finding(sub, reconcile.Source{File: sub.File}, reconcile.RuleODSName, reconcile.Info, "", nil))
	}
	return sub
}

// odsStyles are what an OpenDocument file's number styles show, by cell
// style: the same questions styles.xml answers for an .xlsx (a format that
// shows nothing, or another magnitude), asked of number:number-style and
// its kin — number:display-factor (thousands scaling), a "." as embedded
// text (the literal point that shows 元 as 万元), and style:map conditions
// that send positive or negative numbers to a style showing nothing (how
// Calc keeps ;;;).
type odsStyles struct {
	data map[string]*odsNumStyle // by data style name
	cell map[string][2]string    // cell style → its data style, its parent
	cur  *odsNumStyle            // the data style being read
	// script holds the text styles set in superscript or subscript
	// (style:text-position), by name; text is the one being read.
	script   map[string]byte
	textName string
	// colour holds each cell style's font colour and background (fo:color,
	// fo:background-color), for a figure in white on white; cellName is the
	// cell style being read.
	colour   map[string][2]string
	cellName string
	in       string // "text" or "embedded-text" being read in cur
}

type odsNumStyle struct {
	digits bool   // shows digits (number, scientific-number, fraction)
	text   bool   // prints some text
	scaled string // how it shows another magnitude, "" for not
	maps   [][2]string
}

// maxODSStyles bounds the styles kept (a style bomb is no reason to hold
// memory): past it, further styles are not known, which only means no
// finding about their formats.
const maxODSStyles = 100_000

func newODSStyles() *odsStyles {
	return &odsStyles{data: map[string]*odsNumStyle{}, cell: map[string][2]string{}, script: map[string]byte{}, colour: map[string][2]string{}}
}

func (s *odsStyles) token(d *xmlTokens, kind tokKind) {
	switch kind {
	case tokStart:
		name := string(d.name)
		switch name {
		case "number-style", "currency-style", "percentage-style", "text-style":
			s.cur = nil
			if n, _ := d.attr("name"); n != "" && len(s.data) < maxODSStyles {
				s.cur = &odsNumStyle{}
				s.data[n] = s.cur
			}
			return
		case "text-properties":
			if s.textName != "" && len(s.script) < maxODSStyles {
				if p, ok := d.attr("text-position"); ok {
					s.script[s.textName] = textPosition(p)
				}
			}
			if c, ok := d.attr("color"); ok && s.cellName != "" {
				v := s.colour[s.cellName]
				v[0] = strings.ToLower(c)
				s.colour[s.cellName] = v
			}
			return
		case "table-cell-properties":
			if c, ok := d.attr("background-color"); ok && s.cellName != "" {
				v := s.colour[s.cellName]
				v[1] = strings.ToLower(c)
				s.colour[s.cellName] = v
			}
			return
		case "style":
			s.textName, s.cellName = "", ""
			if f, _ := d.attr("family"); f == "text" {
				s.textName, _ = d.attr("name")
			}
			if f, _ := d.attr("family"); f == "table-cell" && len(s.cell) < maxODSStyles {
				n, _ := d.attr("name")
				ds, _ := d.attr("data-style-name")
				parent, _ := d.attr("parent-style-name")
				s.cell[n] = [2]string{ds, parent}
				s.cellName = n
			}
			return
		}
		if s.cur == nil {
			return
		}
		switch name {
		case "number", "scientific-number", "fraction":
			s.cur.digits = true
			if v, _ := d.attr("display-factor"); v != "" && v != "1" {
				s.cur.scaled = `number:display-factor="` + clipRunes(v, 20) + `"`
			}
		case "text", "embedded-text":
			s.in = name
		case "map":
			c, _ := d.attr("condition")
			a, _ := d.attr("apply-style-name")
			if len(s.cur.maps) < 8 {
				s.cur.maps = append(s.cur.maps, [2]string{strings.ReplaceAll(c, " ", ""), a})
			}
		}
	case tokText:
		if s.cur == nil || s.in == "" {
			return
		}
		if strings.TrimSpace(string(d.text)) != "" {
			s.cur.text = true
		}
		if s.in == "embedded-text" && strings.Contains(string(d.text), ".") {
			s.cur.scaled = `number:embedded-text "."`
		}
	case tokEnd:
		switch string(d.name) {
		case "number-style", "currency-style", "percentage-style", "text-style":
			s.cur, s.in = nil, ""
		case "text", "embedded-text":
			s.in = ""
		}
	}
}

// dataStyle is a cell style's number style, through its parents.
func (s *odsStyles) dataStyle(cell string) *odsNumStyle {
	for i := 0; i < 8 && cell != ""; i++ {
		c, ok := s.cell[cell]
		if !ok {
			return nil
		}
		if c[0] != "" {
			return s.data[c[0]]
		}
		cell = c[1]
	}
	return nil
}

func (s *odsStyles) hasFormat(cell string) bool {
	return s.dataStyle(cell) != nil || s.colourOf(cell) != [2]string{}
}

// colourOf is a cell style's font colour and background, each through its
// parents.
func (s *odsStyles) colourOf(cell string) [2]string {
	var out [2]string
	for i := 0; i < 8 && cell != ""; i++ {
		c := s.colour[cell]
		for k := range out {
			if out[k] == "" {
				out[k] = c[k]
			}
		}
		cell = s.cell[cell][1]
	}
	return out
}

// invisibleODS reports a font the colour of its background: white on no
// background (or a white or transparent one), or the very colour of it.
func invisibleODS(c [2]string) bool {
	font, back := c[0], c[1]
	if back == "transparent" {
		back = ""
	}
	switch {
	case font == "":
		return false
	case back == "":
		return font == "#ffffff"
	}
	return font == back || font == "#ffffff" && back == "#ffffff"
}

// flags says what a cell style's number format does to a number: what it
// shows as nothing (hidePositive, hideNegative) and how it shows another
// magnitude.
func (s *odsStyles) flags(cell string) (uint8, string) {
	var colour uint8
	if invisibleODS(s.colourOf(cell)) {
		colour = hideByColor
	}
	st := s.dataStyle(cell)
	if st == nil {
		return colour, ""
	}
	for_ := func(conds ...string) *odsNumStyle {
		for _, m := range st.maps {
			for _, c := range conds {
				if m[0] == c {
					return s.data[m[1]]
				}
			}
		}
		return st
	}
	nothing := func(t *odsNumStyle) bool { return t != nil && !t.digits && !t.text }
	var h uint8
	if nothing(for_("value()>0", "value()>=0")) {
		h |= hidePositive
	}
	if nothing(for_("value()<0", "value()<=0")) {
		h |= hideNegative
	}
	scaled := st.scaled
	if t := for_("value()>0", "value()>=0"); t != nil && t.scaled != "" {
		scaled = t.scaled
	}
	return h | colour, scaled
}

// textPosition reads style:text-position: "super" or a raised percentage
// is superscript, "sub" or a lowered one subscript.
func textPosition(p string) byte {
	f := strings.Fields(p)
	if len(f) == 0 {
		return scriptNone
	}
	switch f[0] {
	case "super":
		return scriptSuper
	case "sub":
		return scriptSub
	}
	v, err := strconv.ParseFloat(strings.TrimSuffix(f[0], "%"), 64)
	switch {
	case err != nil || v == 0:
		return scriptNone
	case v > 0:
		return scriptSuper
	}
	return scriptSub
}

// mergedCells returns the merged ranges of the table last scanned.
func (o *ods) mergedCells() []cellRange { return o.merges }
