package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/richardlehane/mscfb"
	"github.com/shopspring/decimal"
)

// Limits bound what tally will read from one file, so a hostile or broken
// upload is refused by size instead of exhausting memory or time. Every
// path that reads a submission applies them: check, check --annotate,
// reconcile (--json and -o) and template --from. README lists them.
type Limits struct {
	MaxFileBytes  int64 // the file on disk
	MaxPartBytes  int64 // one uncompressed part (a sheet, the string table)
	MaxRatio      int64 // uncompressed/compressed of one part, past 1 MiB
	MaxCellsTotal int64 // cells scanned per file
	MaxMembers    int   // entries in the zip package

	MaxTextBytes        int   // one XML text node or tag, as stored (escaped)
	MaxSharedStrings    int   // entries in the shared string table
	MaxSharedBytes      int64 // bytes of the shared string table held
	MaxStyles           int   // elements of styles.xml (formats, fonts, fills, borders)
	MaxElementsPerRow   int   // XML elements inside one <row>
	MaxElementsPerSheet int64 // XML elements in one sheet part
	MaxRowsPerFile      int   // data rows a reader that holds a whole file keeps (ReadFile; Stream has no such limit)
	MaxFindings         int   // findings listed per file; then one summary finding
	MaxFindingText      int   // characters of a cell's text a finding shows
	MaxAnnotateBytes    int64 // uncompressed package --annotate hands to excelize
}

// Excel's own limits: a sheet's rows and columns, a cell's characters, the
// largest number it takes, and the significant digits a stored number
// (an IEEE double written out) ever needs.
const (
	ExcelMaxRows       = 1 << 20 // 1,048,576
	ExcelMaxCols       = 1 << 14 // 16,384 (XFD)
	ExcelMaxCellChars  = 32767
	excelMaxNumber     = 9.99999999999999e307
	excelMinNumber     = 2.2250738585072e-308
	storedDigits       = 17
	excelMaxStoredText = 64 // bytes of a stored number's text: "-1.2345678901234567E-308" is 24
)

// DefaultLimits suit monthly department files with room to spare.
var DefaultLimits = Limits{
	MaxFileBytes:  64 << 20,
	MaxPartBytes:  1 << 30, // streamed: Excel's 1,048,576 rows × 12 columns unpack to ~490 MB
	MaxRatio:      200,
	MaxCellsTotal: 20_000_000,
	MaxMembers:    10_000,

	MaxTextBytes:        1 << 20,
	MaxSharedStrings:    1_000_000,
	MaxSharedBytes:      64 << 20,
	MaxStyles:           100_000,
	MaxElementsPerRow:   4 * ExcelMaxCols,
	MaxElementsPerSheet: 100_000_000,
	MaxRowsPerFile:      10_000,
	MaxFindings:         1000,
	MaxFindingText:      200,
	MaxAnnotateBytes:    64 << 20,
}

// FileError says why a file cannot be read at all. Reason is one short
// phrase in each language.
type FileError struct {
	Reason [2]string // {Chinese, English}
	Err    error
}

func (e *FileError) Error() string {
	if e.Err != nil {
		return e.Reason[1] + ": " + e.Err.Error()
	}
	return e.Reason[1]
}

func (e *FileError) Unwrap() error { return e.Err }

func fileErr(zh, en string, err error) *FileError { return &FileError{[2]string{zh, en}, err} }

// sheetScanner is the one seam between reading a submission and parsing
// xlsx: it finds sheets and streams their rows as raw cells (stored value
// and type, never display-formatted). The xlsx type below implements it
// with xmlTokens; another scanner can replace it without touching the
// reader.
type sheetScanner interface {
	// sheet finds a sheet by name.
	sheet(name string) (sheetInfo, bool)
	// scan calls fn with each row that has cells, in order.
	scan(s sheetInfo, fn func(row int, hidden bool, cells []rawCell) error) error
	// hidden reports whether the sheet being scanned hides a column; it is
	// complete by the first row.
	hidden(col int) bool
}

var _ sheetScanner = (*xlsx)(nil)

// rawCell is one cell as stored: its reference, type attribute, stored
// value (shared strings resolved) and whether it holds a formula.
type rawCell struct {
	Ref     string
	Col     int // 1-based
	Type    string
	Value   string
	Formula string
	HasF    bool
	Date    bool // a number whose style shows it as a date or time
	Mac1904 bool // a date counted in the 1904 date system (styles.go)
	// Covered: the cell lies under merged cells, not the first of them:
	// Excel and Calc show the first cell's content over it, so what it
	// holds is on no one's screen or paper (an .ods covered-table-cell;
	// an .xlsx's <mergeCell> ranges come after the rows: mergedCells).
	Covered bool
	// Percent: a number whose style shows it as a percentage (12% stored
	// as 0.12: what Excel makes of 12% typed into a cell).
	Percent bool
	// Hides: the cell's number format shows nothing for a positive
	// number (hidePositive) or a negative one (hideNegative): ;;; and
	// the like, a figure no one sees on the sheet (styles.go).
	Hides uint8
	// Scaled: the format code of a style that shows a number at another
	// magnitude than stored (#,##0, or the 万元 trick 0!.0000), "" else.
	Scaled string
	// Literal: the cell's format shows text of its own in place of the
	// number's digits (a format "110.23" shows 110.23 whatever is
	// stored); nil else.
	Literal *literalFormat
	// Places: the decimal places a percentage format shows.
	Places int8
	// Tinted: the cell's style fills it with a colour (not white).
	Tinted bool
}

type sheetInfo struct {
	name, part string
	hidden     bool
	// veryHidden: workbook.xml's state="veryHidden", which Excel offers no
	// way to unhide (only VBA does)
	veryHidden bool
}

// xlsx is an opened workbook package: its sheet list and string table.
// Sheets are scanned as streams of rows; nothing else is held.
type xlsx struct {
	zr     *zip.Reader
	parts  map[string]*zip.File
	sheets []sheetInfo
	sst    []string
	// packSST makes the string table one string, its entries slices of it:
	// one allocation instead of one per entry, for a reader that keeps
	// none of them (Identify, which clones what it keeps). A reader whose
	// texts may outlive the file (a finding's) must not: a slice would
	// hold the whole table.
	packSST bool
	lim     Limits
	cells   int64
	// hiddenCols holds the hidden columns of the sheet being scanned; the
	// <cols> element comes before the rows, so it is set by the first row.
	hiddenCols map[int]bool
	// merges are the sheet's merged ranges (<mergeCell>, after the rows),
	// complete when its scan ends; at most maxMerges are kept.
	merges []cellRange
	// conds are the sheet's conditional formats that may hide a figure
	// (<conditionalFormatting>, after the rows; cond.go), at most
	// maxConds kept.
	conds      []condRule
	dateStyles []bool // cellXfs index → shows a date (styles.go)
	// percentStyles: cellXfs index → shows a percentage (styles.go)
	percentStyles []bool
	hideStyles    []uint8  // cellXfs index → hidePositive | hideNegative
	scaledStyles  []string // cellXfs index → its format code, when it shows another magnitude
	// literalStyles: cellXfs index → a format that shows text of its own
	// in place of a number's digits, nil for nearly all (styles.go)
	literalStyles []*literalFormat
	percentPlaces []int8  // cellXfs index → a percentage's decimal places
	tintedStyles  []bool  // cellXfs index → a fill of a colour, not white
	dxfs          []uint8 // dxf index → dxfShows, dxfWhiteFont, dxfHides (cond.go)
	// invisibleStyles: cellXfs index → its font is the colour of its
	// background (white on white)
	invisibleStyles []bool
	date1904        bool // workbook.xml's date1904: day 0 is 1904-01-01
	// staleFormulas: workbook.xml's calcPr fullCalcOnLoad, the writer
	// saying its formulas' cached values are to be worked out again on
	// opening (XlsxWriter, and pandas through it, caches 0 for every
	// formula; openpyxl caches none): they are not read as figures.
	staleFormulas bool
	colRedefs     int   // columns defined again in the sheet being scanned
	lastCol       int   // of the row being scanned, including empty cells
	rows          int64 // rows with content scanned, all sheets
	slowCells     bool  // read every cell token by token (tests compare the two)
	// wrapPart, when set, wraps the reader of a sheet part (tests read
	// one byte at a time).
	wrapPart func(io.Reader) io.Reader
}

var ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openXLSX opens an xlsx package and says, in a FileError, why not when it
// cannot: encrypted, legacy .xls, not a zip, truncated, too large.
func openXLSX(r io.ReaderAt, size int64, lim Limits) (*xlsx, error) {
	return openXLSXPacked(r, size, lim, false)
}

// openXLSXPacked is openXLSX; with packed, the string table's entries are
// slices of one string (packSST) and the styles are not read: every cell
// reads as no date (for Identify, which reads no figure).
func openXLSXPacked(r io.ReaderAt, size int64, lim Limits, packed bool) (*xlsx, error) {
	lim = lim.filled()
	if size > lim.MaxFileBytes {
		return nil, fileErr(fmt.Sprintf("文件大小 %d 字节，超过上限 %d 字节", size, lim.MaxFileBytes),
			fmt.Sprintf("file is %d bytes, over the %d-byte limit", size, lim.MaxFileBytes), nil)
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	if bytes.Equal(head, ole2Magic) {
		return nil, classifyOLE2(r)
	}
	if bytes.HasPrefix(head, []byte("%PDF-")) {
		return nil, fileErr("这是 PDF 文件，不是 Excel 工作簿；请把数字填入下发的 .xlsx 报表模板后重新报送",
			"a PDF file, not an Excel workbook; fill in the .xlsx template you were sent and send that", nil)
	}
	if err := memberCount(r, size, lim); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		switch {
		case size == 0:
			return nil, fileErr("文件为空（0 字节），请报送单位重新发送", "the file is empty (0 bytes); ask the department to send it again", nil)
		case bytes.HasPrefix(head, []byte("PK")):
			return nil, fileErr("压缩包已损坏或不完整（可能传输中断）", "the zip package is truncated or corrupt (an interrupted transfer?)", err)
		case looksLikeText(r, size):
			return nil, &FileError{textFile, nil} // named by its extension in read (refineOpen)
		}
		return nil, fileErr("不是 xlsx 工作簿（不是 zip 格式）", "not an xlsx workbook (not a zip package)", err)
	}
	useInflater(zr)
	parts, err := members(zr, lim)
	if err != nil {
		return nil, err
	}
	x := &xlsx{zr: zr, parts: parts, lim: lim, packSST: packed}
	if _, bin := parts["xl/workbook.bin"]; bin {
		if _, xml := parts["xl/workbook.xml"]; !xml {
			// Excel's binary workbook, whatever its name says.
			what := foreignFormats[".xlsb"]
			return nil, fileErr("这是 "+what[0]+"，tally 不能读取；请另存为 .xlsx 工作簿后重新报送",
				what[1]+", which tally cannot read; save it as an .xlsx workbook and send it again", nil)
		}
	}
	if _, ok := parts["xl/workbook.xml"]; !ok {
		if what, ok := otherPackage(parts); ok {
			return nil, fileErr("这是"+what[0]+"，不是 Excel 工作簿；请把数字填入下发的 .xlsx 报表模板后重新报送",
				what[1]+", not an Excel workbook; fill in the .xlsx template you were sent and send that", nil)
		}
	}
	if err := x.readWorkbook(); err != nil {
		return nil, err
	}
	return x, nil
}

// otherPackage names an Office Open XML package that is not a workbook
// (a Word document, a presentation) by the part that makes it one: a
// department that sends its return as a .docx has sent the wrong file,
// and "missing part xl/workbook.xml" says nothing to a clerk.
func otherPackage(parts map[string]*zip.File) ([2]string, bool) {
	for _, k := range []struct {
		part string
		what [2]string
	}{
		{"word/document.xml", [2]string{" Word 文档", "a Word document"}},
		{"ppt/presentation.xml", [2]string{" PowerPoint 演示文稿", "a PowerPoint presentation"}},
	} {
		if _, ok := parts[k.part]; ok {
			return k.what, true
		}
	}
	return [2]string{}, false
}

func looksLikeText(r io.ReaderAt, size int64) bool {
	buf := make([]byte, min(size, 4096))
	n, _ := r.ReadAt(buf, 0)
	for _, b := range buf[:n] {
		if b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
			return false
		}
	}
	return n > 0
}

// classifyOLE2 tells an encrypted xlsx (an OLE2 container holding
// EncryptionInfo) from a legacy .xls (holding a Workbook stream).
func classifyOLE2(r io.ReaderAt) error {
	doc, err := mscfb.New(r)
	if err != nil {
		return fileErr("OLE2 容器已损坏", "a corrupt OLE2 container", err)
	}
	word := false
	for {
		e, err := doc.Next()
		if err != nil {
			break
		}
		switch e.Name {
		case "WordDocument":
			word = true
		case "EncryptionInfo", "EncryptedPackage":
			return fileErr("文件设置了打开密码（已加密），请去掉密码后重新报送", "the file is password-protected (encrypted); remove the password and send it again", nil)
		case "Workbook", "Book":
			if biffEncrypted(e) {
				return fileErr("这是设置了打开密码（已加密）的旧版 .xls 文件，请去掉密码并在 Excel 中另存为 .xlsx 后重新报送",
					"a password-protected (encrypted) legacy .xls file; remove the password, save it as .xlsx and send it again", nil)
			}
			return fileErr("这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后重新报送", "a legacy .xls file; save it as .xlsx and send it again", nil)
		}
	}
	if word {
		return fileErr("这是旧版 Word 文档（.doc），不是 Excel 工作簿；请把数字填入下发的 .xlsx 报表模板后重新报送",
			"a legacy Word document (.doc), not an Excel workbook; fill in the .xlsx template you were sent and send that", nil)
	}
	return fileErr("是 OLE2 文件，但不是工作簿", "an OLE2 file that is not a workbook", nil)
}

// open returns a reader for a part, refusing parts past the size limits
// before and while reading them (a zip's declared sizes can lie).
func (x *xlsx) open(name string) (io.ReadCloser, error) {
	f, ok := x.parts[name]
	if !ok {
		return nil, fileErr("缺少部件 "+name, "missing part "+name, nil)
	}
	u, c := int64(f.UncompressedSize64), int64(f.CompressedSize64)
	switch {
	case u > 1<<20 && c > 0 && u/c > x.lim.MaxRatio:
		return nil, fileErr(fmt.Sprintf("%s 压缩比 %d:1，疑似压缩炸弹，未读取", name, u/c),
			fmt.Sprintf("%s is compressed %d:1 (a zip bomb?); not read", name, u/c), nil)
	case u > x.lim.MaxPartBytes:
		return nil, fileErr(fmt.Sprintf("%s 解压后 %d 字节，超过上限 %d 字节", name, u, x.lim.MaxPartBytes),
			fmt.Sprintf("%s unpacks to %d bytes, over the %d-byte limit", name, u, x.lim.MaxPartBytes), nil)
	}
	rc, err := f.Open()
	if errors.Is(err, zip.ErrAlgorithm) {
		return nil, fileErr(fmt.Sprintf("%s 使用了未知的压缩方法 %d（Excel 只用 deflate 或不压缩），无法解压：文件已损坏或被改动", name, f.Method),
			fmt.Sprintf("%s is packed with compression method %d, which no spreadsheet writes (Excel uses deflate or none): damaged or altered", name, f.Method), nil)
	}
	if err != nil {
		return nil, fileErr("无法解压 "+name, "cannot unpack "+name, err)
	}
	return &limitedReadCloser{Reader: io.LimitReader(rc, x.lim.MaxPartBytes+1), c: rc, name: name, max: x.lim.MaxPartBytes}, nil
}

type limitedReadCloser struct {
	io.Reader
	c    io.Closer
	name string
	n    int64
	max  int64
}

func (l *limitedReadCloser) Read(p []byte) (int, error) {
	n, err := l.Reader.Read(p)
	l.n += int64(n)
	if l.n > l.max {
		return n, fileErr(l.name+" 解压后超过大小上限", l.name+" unpacks past the size limit", nil)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		err = readErr(l.name, err)
	}
	return n, err
}

func (l *limitedReadCloser) Close() error { return l.c.Close() }

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// readWorkbook reads the sheet list (names, states, parts) and the shared
// string table.
func (x *xlsx) readWorkbook() error {
	var wb struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			// Excel's "Strict Open XML Spreadsheet" names relationships
			// in the ISO namespace; the parts are otherwise the same.
			RIDStrict string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
		} `xml:"sheets>sheet"`
		Pr   workbookPr `xml:"workbookPr"`
		Calc struct {
			FullCalcOnLoad string `xml:"fullCalcOnLoad,attr"`
		} `xml:"calcPr"`
	}
	if err := x.decodePart("xl/workbook.xml", &wb); err != nil {
		return err
	}
	x.date1904 = wb.Pr.is1904()
	x.staleFormulas, _ = strconv.ParseBool(wb.Calc.FullCalcOnLoad)
	var rels relationships
	if err := x.decodePart("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return err
	}
	target := map[string]string{}
	sstPart := ""
	for _, r := range rels.Rels {
		if r.Mode == "External" {
			// A sheet, string table or styles in another file: Excel
			// reads none from outside the workbook, and a reader that
			// resolves the target as a part name reads something else.
			if i := strings.LastIndex(r.Type, "/"); i >= 0 && (r.Type[i:] == "/worksheet" || r.Type[i:] == "/sharedStrings" || r.Type[i:] == "/styles") {
				return externalRel(r.ID, r.Target)
			}
			continue
		}
		t, err := relTarget(r.Target)
		if err != nil {
			return err
		}
		if _, dup := target[r.ID]; dup {
			return fileErr(fmt.Sprintf("xl/_rels/workbook.xml.rels 中关系 %q 出现两次，无法确定指向哪个部件", r.ID),
				fmt.Sprintf("relationship %q occurs twice in xl/_rels/workbook.xml.rels: which part it means is ambiguous", r.ID), nil)
		}
		target[r.ID] = t
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			if sstPart != "" && sstPart != t {
				return fileErr("工作簿有两个共享字符串表，无法确定用哪一个", "the workbook has two shared string tables: which one is meant is ambiguous", nil)
			}
			sstPart = t
		}
	}
	if !x.packSST {
		x.readStyles(stylesPart(rels))
	}
	names, parts := map[string]bool{}, map[string]string{}
	for _, s := range wb.Sheets {
		if s.RID == "" {
			s.RID = s.RIDStrict
		}
		t, ok := target[s.RID]
		if !ok {
			return fileErr(fmt.Sprintf("workbook.xml 中工作表“%s”指向的关系 %q 不存在", s.Name, s.RID),
				fmt.Sprintf("sheet %q in workbook.xml refers to relationship %q, which does not exist", s.Name, s.RID), nil)
		}
		// Excel compares sheet names ignoring case.
		if key := strings.ToLower(s.Name); names[key] {
			return fileErr(fmt.Sprintf("workbook.xml 中工作表“%s”列出两次，无法确定读哪一张", s.Name),
				fmt.Sprintf("sheet %q is listed twice in workbook.xml: which one to read is ambiguous", s.Name), nil)
		} else {
			names[key] = true
		}
		if other, dup := parts[strings.ToLower(t)]; dup {
			return fileErr(fmt.Sprintf("workbook.xml 中工作表“%s”和“%s”指向同一部件 %s", other, s.Name, t),
				fmt.Sprintf("sheets %q and %q in workbook.xml are the same part %s", other, s.Name, t), nil)
		}
		parts[strings.ToLower(t)] = s.Name
		x.sheets = append(x.sheets, sheetInfo{name: s.Name, part: t, hidden: s.State != "" && s.State != "visible", veryHidden: s.State == "veryHidden"})
	}
	if sstPart != "" {
		return x.readSharedStrings(sstPart)
	}
	return nil
}

// maxDecodedPart bounds the small parts decoded whole (workbook.xml, the
// relationships, the document properties): unlike a sheet or the string
// table, which are streamed, what they hold is kept as they are parsed.
const maxDecodedPart = 16 << 20

func (x *xlsx) decodePart(name string, v any) error {
	rc, err := x.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	small := &limitedReadCloser{Reader: io.LimitReader(rc, maxDecodedPart+1), c: rc, name: name, max: maxDecodedPart}
	if err := xml.NewDecoder(small).Decode(v); err != nil {
		return partErr(err, name+" 格式错误", name+" is malformed")
	}
	return nil
}

// partErr says why a part could not be parsed: the size limit or a broken
// zip when the reader said so (a FileError), else malformed XML.
func partErr(err error, zh, en string) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe
	}
	// Keep the parser's cause (where, and what): it is what a person
	// repairing the file needs.
	return fileErr(zh+"（"+err.Error()+"）", en+" ("+err.Error()+")", err)
}

// readSharedStrings streams the string table: <si> holds <t> or rich-text
// runs <r><t>; phonetic runs <rPh> are not part of the text. The common
// entry, <si><t>text</t></si>, is read in one pass (xmlTokens.sharedString);
// FuzzSharedStrings compares the table with the token-by-token reading.
// maxPackedStart bounds the string table's first allocation (packSST);
// a larger table grows as it is read, as far as MaxSharedBytes.
const maxPackedStart = 4 << 20

func (x *xlsx) readSharedStrings(part string) error {
	rc, err := x.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	var r io.Reader = rc
	if x.wrapPart != nil {
		r = x.wrapPart(r)
	}
	d := newXMLTokens(r)
	defer d.release()
	d.max = x.lim.MaxTextBytes
	var cur []byte
	inSI, inT, skip := false, false, 0
	script := scriptNone // of the rich-text run being read
	// last is the text of an entry read in one pass: what cur would hold
	// until the next <si>, for a stray </si> to add again.
	var last []byte
	isLast := false
	var held int64
	var packed []byte // packSST: the entries' texts, one after another
	var ends []int    // packSST: where each entry ends in packed
	if f, ok := x.parts[part]; ok && x.packSST {
		// The texts are shorter than their XML: one allocation for the
		// common table, not a slice grown (and copied) a dozen times.
		packed = make([]byte, 0, min(int64(f.UncompressedSize64), maxPackedStart, x.lim.MaxSharedBytes))
	}
	add := func(b []byte) error {
		n := len(x.sst) + len(ends)
		if n >= x.lim.MaxSharedStrings {
			return fileErr(fmt.Sprintf("共享字符串表超过 %d 条的上限", x.lim.MaxSharedStrings),
				fmt.Sprintf("the shared string table has more than %d entries (the limit)", x.lim.MaxSharedStrings), nil)
		}
		if held += int64(len(b)) + 16; held > x.lim.MaxSharedBytes {
			return fileErr(fmt.Sprintf("共享字符串表超过 %d 字节的上限", x.lim.MaxSharedBytes),
				fmt.Sprintf("the shared string table holds more than %d bytes (the limit)", x.lim.MaxSharedBytes), nil)
		}
		// A string has at most as many UTF-16 units as bytes: only a longer
		// one needs counting.
		if len(b) > ExcelMaxCellChars {
			if u := utf16Len(string(b)); u > ExcelMaxCellChars {
				return fileErr(fmt.Sprintf("共享字符串第 %d 条长 %d 个字符，超过 Excel 单元格 %d 个字符的上限", n, u, ExcelMaxCellChars),
					fmt.Sprintf("shared string %d holds %d characters, more than an Excel cell's %d", n, u, ExcelMaxCellChars), nil)
			}
		}
		if x.packSST {
			packed = append(packed, b...)
			ends = append(ends, len(packed))
			return nil
		}
		x.sst = append(x.sst, string(b))
		return nil
	}
	done := func() {
		if !x.packSST {
			return
		}
		// packed is never written again: its bytes are the string's.
		all, start := unsafe.String(unsafe.SliceData(packed), len(packed)), 0
		x.sst = make([]string, len(ends))
		for i, end := range ends {
			x.sst[i] = all[start:end]
			start = end
		}
	}
	for {
		if skip == 0 && !x.slowCells {
			// What <si>, <t>, the text, </t> and </si> would do.
			if text, ok := d.sharedString(); ok {
				last, isLast = append(last[:0], text...), true
				if err := add(last); err != nil {
					return err
				}
				inSI, inT = false, false
				continue
			}
		}
		kind, err := d.next()
		if err == io.EOF {
			done()
			return nil
		}
		if err != nil {
			return partErr(err, "共享字符串表格式错误", "the shared string table is malformed")
		}
		switch kind {
		case tokStart:
			switch string(d.name) {
			case "si":
				inSI, isLast = true, false
				cur = cur[:0]
			case "r":
				script = scriptNone
			case "vertAlign":
				script = scriptOf(d)
			case "rPh":
				skip++
			case "t":
				inT = inSI && skip == 0
			}
		case tokEnd:
			switch string(d.name) {
			case "r":
				script = scriptNone
			case "si":
				inSI, script = false, scriptNone
				s := cur
				if isLast {
					s = last
				}
				if err := add(s); err != nil {
					return err
				}
			case "rPh":
				skip--
			case "t":
				inT = false
			}
		case tokText:
			if inT {
				if len(cur)+len(d.text) > 4*ExcelMaxCellChars {
					n := len(x.sst) + len(ends)
					return fileErr(fmt.Sprintf("共享字符串第 %d 条超过 Excel 单元格 %d 个字符的上限", n, ExcelMaxCellChars),
						fmt.Sprintf("shared string %d is longer than an Excel cell's %d characters", n, ExcelMaxCellChars), nil)
				}
				cur = appendScript(cur, d.text, script)
			}
		}
	}
}

// sheet returns the named sheet, if present.
func (x *xlsx) sheet(name string) (sheetInfo, bool) {
	for _, s := range x.sheets {
		if s.name == name {
			return s, true
		}
	}
	return sheetInfo{}, false
}

// scan streams a sheet's rows in order: fn gets the row number, whether the
// row is hidden, and its non-empty cells. It refuses what Excel refuses or
// repairs, rather than pick one reading: a row or cell beyond Excel's
// limits, a row or cell reference that occurs twice (or out of order), a
// cell whose reference is not in its row, a stored number Excel cannot
// hold, a shared string that does not exist; and it stops at the limits.
//
// It is the loop every cell of every file goes through, so it allocates
// per row, not per cell: a row's references and stored texts are kept in
// one buffer and become one string when the row ends (rowScan), and the
// common form of a cell, <c r="B7" s="5"><v>123.45</v></c>, is read in
// one pass over the input (xmlTokens.cell) rather than as five tokens. The
// cells fn gets are the same either way: FuzzScan compares scan with the
// loop it replaced (scanBefore) on whatever sheet the fuzzer makes.
func (x *xlsx) scan(s sheetInfo, fn func(row int, hidden bool, cells []rawCell) error) error {
	rc, err := x.open(s.part)
	if err != nil {
		return err
	}
	defer rc.Close()
	var r io.Reader = rc
	if x.wrapPart != nil {
		r = x.wrapPart(r)
	}
	d := newXMLTokens(r)
	defer d.release()
	d.max = x.lim.MaxTextBytes
	x.hiddenCols, x.colRedefs, x.merges, x.conds = map[int]bool{}, 0, x.merges[:0], x.conds[:0]
	sc := &rowScan{x: x, name: s.name, fn: fn, span: noSpans}
	var cell simpleCell
	for {
		if sc.inRow && !x.slowCells && d.cell(&cell) {
			if err := sc.simple(&cell); err != nil {
				return err
			}
			continue
		}
		kind, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partErr(err, "工作表“"+s.name+"”格式错误", "sheet "+s.name+" is malformed")
		}
		switch kind {
		case tokStart:
			if err := sc.element(); err != nil {
				return err
			}
			err = sc.start(d)
		case tokText:
			err = sc.chars(d.text)
		case tokEnd:
			err = sc.end(d.name)
		}
		if err != nil {
			return err
		}
	}
}

// rowScan is the state of scan: the row being read, its cells, and where
// their texts are.
type rowScan struct {
	x    *xlsx
	name string // the sheet's
	fn   func(row int, hidden bool, cells []rawCell) error

	cells []rawCell
	spans []cellSpans // of cells, in text

	condRanges []cellRange // of the <conditionalFormatting> being read
	inCond     bool        // in a <cfRule> kept (cond.go)
	text       []byte      // the row's references and stored texts
	cur        rawCell     // the cell being read
	span       cellSpans   // of cur

	row           int
	hidden, inRow bool
	buf           []byte // the text of the <v>, <f> or <is> being read
	inText        bool   // character data goes to buf
	inIS, inSheet bool
	// sheetData: a <sheetData> was opened (a second is refused); inCell:
	// inside a <c> read token by token; vSeen: that cell has had its <v>
	// (a second is refused).
	sheetData, inCell, vSeen bool
	script                   byte // of the inline string's rich-text run being read
	inPh                     int  // depth of phonetic runs <rPh> in the inline string
	// fSI is the shared formula index (si) of the cell's <f t="shared">,
	// "" for none; shared holds the sheet's shared formulas.
	fSI    string
	shared sharedFormulas
	// dataPrefix is <sheetData>'s namespace prefix: every element inside
	// it has the same (foreignElement).
	dataPrefix string
	elems      int64
	rowElems   int
	colsSeen   colSet
}

// span is a stretch of rowScan.text; lo < 0 means none: the rawCell's own
// string holds the text.
type span struct{ lo, hi int }

// cellSpans says where a cell's reference, value and formula are.
type cellSpans struct{ ref, val, f span }

var noSpans = cellSpans{span{-1, 0}, span{-1, 0}, span{-1, 0}}

func (p span) in(s string, own string) string {
	if p.lo < 0 {
		return own
	}
	return s[p.lo:p.hi]
}

func (p *cellSpans) apply(c *rawCell, s string) {
	c.Ref, c.Value, c.Formula = p.ref.in(s, c.Ref), p.val.in(s, c.Value), p.f.in(s, c.Formula)
}

func (p *cellSpans) live() bool { return p.ref.lo >= 0 || p.val.lo >= 0 || p.f.lo >= 0 }

// keep appends b to the row's text and returns where it is.
func (sc *rowScan) keep(b []byte) span {
	lo := len(sc.text)
	sc.text = append(sc.text, b...)
	return span{lo, len(sc.text)}
}

// textOf returns the bytes of a cell's text: in the row's text, or its own.
func (sc *rowScan) textOf(p span, own string) []byte {
	if p.lo < 0 {
		return []byte(own)
	}
	return sc.text[p.lo:p.hi]
}

// ref is the current cell's reference, for a message.
func (sc *rowScan) ref() string { return string(sc.textOf(sc.span.ref, sc.cur.Ref)) }

// settle turns the row's text into one string and gives each cell its
// texts from it.
func (sc *rowScan) settle() {
	s := string(sc.text)
	for i := range sc.cells {
		sc.spans[i].apply(&sc.cells[i], s)
	}
	sc.span.apply(&sc.cur, s)
	sc.span = noSpans
}

func (sc *rowScan) bad(zh, en string) error {
	return fileErr("工作表“"+sc.name+"”"+zh, "sheet "+sc.name+": "+en, nil)
}

// element counts a start tag against the limits.
func (sc *rowScan) element() error {
	x := sc.x
	if sc.elems++; sc.elems > x.lim.MaxElementsPerSheet {
		return sc.bad(fmt.Sprintf("的 XML 元素超过 %d 个的上限", x.lim.MaxElementsPerSheet),
			fmt.Sprintf("more than %d XML elements (the limit)", x.lim.MaxElementsPerSheet))
	}
	if sc.inRow {
		if sc.rowElems++; sc.rowElems > x.lim.MaxElementsPerRow {
			return sc.bad(fmt.Sprintf("第 %d 行的 XML 元素超过 %d 个的上限", sc.row, x.lim.MaxElementsPerRow),
				fmt.Sprintf("row %d has more than %d XML elements (the limit)", sc.row, x.lim.MaxElementsPerRow))
		}
	}
	return nil
}

// simple reads a cell the tokenizer read in one pass: what start, chars
// and end do with the tokens it stands for.
func (sc *rowScan) simple(c *simpleCell) error {
	if err := sc.element(); err != nil {
		return err
	}
	if err := sc.startCell(c.ref, c.hasRef, c.typ, c.style, c.hasStyle); err != nil {
		return err
	}
	if c.hasV {
		if err := sc.element(); err != nil {
			return err
		}
		sc.buf = append(sc.buf[:0], c.value...) // within maxSimpleCell: below the cell's limit
		sc.span.val, sc.inText = sc.keep(sc.buf), false
	}
	sc.inCell = false // the cell ended with its </c>, read in the same pass
	return sc.endCell()
}

func (sc *rowScan) start(d *xmlTokens) error {
	x := sc.x
	if sc.inSheet {
		if el, foreign := foreignElement(d, sc.dataPrefix); foreign {
			return sc.bad(fmt.Sprintf("的单元格数据中有不属于工作表命名空间的元素 <%s>（Excel 会当作损坏的内容），无法确定该读哪些", el),
				fmt.Sprintf("holds an element in another namespace, <%s>, among its cells (Excel treats it as damaged content): what to read is ambiguous", el))
		}
	}
	switch string(d.name) {
	case "sheetData":
		sc.dataPrefix = string(d.prefix)
		if sc.sheetData {
			return sc.bad("有两个 sheetData（单元格数据区），无法确定读哪一个", "has two <sheetData> elements: which one to read is ambiguous")
		}
		sc.inSheet, sc.sheetData = true, true
	case "conditionalFormatting":
		sc.condRanges = nil
		if v, ok := d.attrBytes("sqref"); ok {
			sc.condRanges = condRanges(string(v))
		}
	case "cfRule":
		sc.inCond = x.addCond(d, sc.condRanges)
	case "formula":
		if sc.inCond {
			sc.buf, sc.inText = sc.buf[:0], true
		}
	case "mergeCell":
		if v, ok := d.attrBytes("ref"); ok && len(x.merges) < maxMerges {
			if r, ok := parseRange(string(v)); ok && r.cells() > 1 {
				x.merges = append(x.merges, r)
			}
		}
	case "col":
		if err := x.colAttrs(d, &sc.colsSeen); err != nil {
			return sc.bad(err.Error(), err.(*FileError).Reason[1])
		}
	case "row":
		if !sc.inSheet {
			return nil
		}
		if sc.span.live() {
			// A row without cells left its last empty cell's texts.
			sc.span.apply(&sc.cur, string(sc.text))
			sc.span = noSpans
		}
		sc.text, sc.spans = sc.text[:0], sc.spans[:0]
		sc.inRow, sc.cells, sc.hidden, sc.rowElems, x.lastCol = true, sc.cells[:0], false, 0, 0
		prev := sc.row
		sc.row++
		if v, ok := d.attrBytes("r"); ok {
			n, err := strconv.Atoi(string(v))
			if err != nil || n < 1 {
				return sc.bad(fmt.Sprintf("的行号 %q 无效", clipRunes(string(v), 20)), fmt.Sprintf("row number %q is invalid", clipRunes(string(v), 20)))
			}
			sc.row = n
		}
		switch {
		case sc.row > ExcelMaxRows:
			return sc.bad(fmt.Sprintf("有第 %d 行，超出 Excel 的 %d 行上限", sc.row, ExcelMaxRows),
				fmt.Sprintf("has a row %d, beyond Excel's last row %d", sc.row, ExcelMaxRows))
		case sc.row <= prev:
			return sc.bad(fmt.Sprintf("第 %d 行出现两次（或顺序颠倒），无法确定读哪一行", sc.row),
				fmt.Sprintf("row %d occurs twice (or out of order): which one to read is ambiguous", sc.row))
		}
		if v, ok := d.attrBytes("hidden"); ok {
			sc.hidden = string(v) == "1" || string(v) == "true"
		}
		if v, ok := d.attrBytes("ht"); ok && zeroSize(v) {
			sc.hidden = true // a row 0 (or 1) points high is on no one's screen
		}
	case "c":
		if !sc.inRow {
			return nil
		}
		ref, hasRef := d.attrBytes("r")
		typ, _ := d.attrBytes("t")
		style, hasStyle := d.attrBytes("s")
		return sc.startCell(ref, hasRef, typ, style, hasStyle)
	case "v", "f":
		if string(d.name) == "v" && sc.inCell {
			if sc.vSeen {
				return sc.bad(fmt.Sprintf("单元格 %s 有两个值（<v>），无法确定读哪一个", cellRef(sc.cur.Col, sc.row)),
					fmt.Sprintf("cell %s has two values (<v>): which one to read is ambiguous", cellRef(sc.cur.Col, sc.row)))
			}
			sc.vSeen = true
		}
		sc.buf, sc.inText = sc.buf[:0], true
		if string(d.name) == "f" {
			sc.cur.HasF = true
			if t, _ := d.attrBytes("t"); string(t) == "shared" {
				si, _ := d.attrBytes("si")
				sc.fSI = string(si)
			}
		}
	case "is":
		sc.inIS, sc.script, sc.inPh = true, scriptNone, 0
		sc.buf = sc.buf[:0]
	case "r":
		sc.script = scriptNone
	case "vertAlign":
		if sc.inIS {
			sc.script = scriptOf(d)
		}
	case "t":
		if sc.inIS && sc.inPh == 0 {
			sc.inText = true
		}
	case "rPh":
		// A phonetic guide (furigana, <rPh><t>…</t></rPh>) is not part of
		// the cell's text: its <t> was read into it, so 110.23 with a
		// guide of 9 was the figure 110.239.
		sc.inText = false
		sc.inPh++
	}
	return nil
}

// startCell begins a cell: its column from its reference (or the next
// one), which must lie in its row and after the row's previous cell.
func (sc *rowScan) startCell(ref []byte, hasRef bool, typ, style []byte, hasStyle bool) error {
	x := sc.x
	sc.cur, sc.span, sc.inCell, sc.vSeen, sc.fSI = rawCell{Type: cellType(typ)}, noSpans, true, false, ""
	cur := &sc.cur
	prevCol := x.lastCol
	canonical := false // ref is the text appendRef would make
	if !hasRef || len(ref) == 0 {
		cur.Col = prevCol + 1
	} else {
		col, r, ok, plain := plainRef(ref)
		if !plain {
			col, r, ok = parseRef(string(ref))
		}
		canonical = plain
		switch {
		case !ok:
			return sc.bad(fmt.Sprintf("的单元格引用 %q 无效", clipRunes(string(ref), 20)), fmt.Sprintf("cell reference %q is invalid", clipRunes(string(ref), 20)))
		case r != sc.row:
			return sc.bad(fmt.Sprintf("第 %d 行中出现单元格 %s，引用与所在行不符", sc.row, ref),
				fmt.Sprintf("cell %s is inside row %d: its reference contradicts its row", ref, sc.row))
		}
		cur.Col = col
	}
	switch {
	case cur.Col > ExcelMaxCols:
		return sc.bad(fmt.Sprintf("第 %d 行有第 %d 列，超出 Excel 的 XFD 列上限", sc.row, cur.Col),
			fmt.Sprintf("row %d has a column %d, beyond Excel's last column XFD", sc.row, cur.Col))
	case cur.Col <= prevCol:
		return sc.bad(fmt.Sprintf("单元格 %s 出现两次（或顺序颠倒），无法确定读哪一个", cellRef(cur.Col, sc.row)),
			fmt.Sprintf("cell %s occurs twice (or out of order): which one to read is ambiguous", cellRef(cur.Col, sc.row)))
	}
	x.lastCol = cur.Col
	lo := len(sc.text)
	if canonical {
		sc.text = append(sc.text, ref...)
	} else {
		sc.text = appendRef(sc.text, cur.Col, sc.row)
	}
	sc.span.ref = span{lo, len(sc.text)}
	if hasStyle {
		n, ok := smallUint(style)
		if !ok {
			n, _ = strconv.Atoi(string(style))
		}
		cur.Date, cur.Mac1904 = x.isDate(n), x.date1904
		cur.Percent = x.isPercent(n)
		if n >= 0 && n < len(x.hideStyles) {
			cur.Hides, cur.Scaled = x.hideStyles[n], x.scaledStyles[n]
			cur.Literal, cur.Places, cur.Tinted = x.literalStyles[n], x.percentPlaces[n], x.tintedStyles[n]
			if x.invisibleStyles[n] {
				cur.Hides |= hideByColor
			}
		}
	}
	return nil
}

// plainRef reads a reference of the form every writer gives, one to three
// letters and a row number without a sign or leading zero, as parseRef
// does; plain is false for any other text, which parseRef then reads. A
// plain reference is its own canonical text.
func plainRef(b []byte) (col, row int, ok, plain bool) {
	i := 0
	for i < len(b) && i < 3 && b[i] >= 'A' && b[i] <= 'Z' {
		col = col*26 + int(b[i]-'A'+1)
		i++
	}
	if i == 0 || i == len(b) || b[i] < '1' || b[i] > '9' || len(b)-i > 7 {
		return 0, 0, false, false
	}
	for ; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return 0, 0, false, false
		}
		row = row*10 + int(b[i]-'0')
	}
	return col, row, true, true
}

// smallUint reads one to nine decimal digits, as strconv.Atoi does them.
func smallUint(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func (sc *rowScan) chars(b []byte) error {
	if !sc.inText {
		return nil
	}
	if len(sc.buf)+len(b) > 4*ExcelMaxCellChars {
		return sc.bad(fmt.Sprintf("单元格 %s 的内容超过 Excel 单元格 %d 个字符的上限", sc.ref(), ExcelMaxCellChars),
			fmt.Sprintf("cell %s holds more than an Excel cell's %d characters", sc.ref(), ExcelMaxCellChars))
	}
	sc.buf = appendScript(sc.buf, b, sc.script)
	return nil
}

func (sc *rowScan) end(name []byte) error {
	x := sc.x
	switch string(name) {
	case "sheetData":
		sc.inSheet = false
	case "v":
		sc.span.val, sc.inText = sc.keep(sc.buf), false
	case "f":
		sc.span.f, sc.inText = sc.keep(sc.buf), false
	case "formula":
		if sc.inCond {
			x.condFormula(string(sc.buf))
			sc.buf, sc.inText = sc.buf[:0], false
		}
	case "cfRule":
		sc.inCond = false
	case "t":
		if sc.inIS {
			sc.inText = false
		}
	case "is":
		sc.inIS, sc.script, sc.inPh = false, scriptNone, 0
		sc.span.val = sc.keep(sc.buf)
	case "rPh":
		sc.inPh = max(sc.inPh-1, 0)
	case "r":
		sc.script = scriptNone
	case "c":
		sc.inCell = false
		return sc.endCell()
	case "row":
		if sc.inRow && len(sc.cells) > 0 {
			x.rows++
			sc.settle()
			if err := sc.fn(sc.row, sc.hidden, sc.cells); err != nil {
				return err
			}
		}
		sc.inRow, x.lastCol = false, 0
	}
	return nil
}

// staleZero: a formula's cached value under fullCalcOnLoad that is no
// value of its own — none, or a number equal to 0.
func staleZero(v []byte, typ string) bool {
	if len(v) == 0 {
		return true
	}
	if typ != "" && typ != "n" {
		return false
	}
	d, err := decimal.NewFromString(string(v))
	return err == nil && d.IsZero()
}

// endCell resolves a shared string, refuses a stored number Excel cannot
// hold, and keeps a cell that holds something.
func (sc *rowScan) endCell() error {
	if !sc.inRow {
		return nil
	}
	x, cur := sc.x, &sc.cur
	if cur.HasF && x.staleFormulas && staleZero(sc.textOf(sc.span.val, cur.Value), cur.Type) {
		// The file asks for every formula to be worked out again and
		// caches 0 for it, as XlsxWriter does for every formula: the 0 is
		// no figure (formula_without_value). A writer that works its
		// formulas out and still asks (PhpSpreadsheet, openxlsx2 saving
		// an Excel file) caches their values: a value other than 0 is read.
		cur.Value, sc.span.val = "", span{-1, 0}
		if cur.Type == "s" {
			cur.Type = "str"
		}
	}
	if cur.Type == "s" {
		v := sc.textOf(sc.span.val, cur.Value)
		i, err := strconv.Atoi(string(v))
		if err != nil || i < 0 || i >= len(x.sst) {
			return sc.bad(fmt.Sprintf("单元格 %s 引用了不存在的共享字符串 %q（共 %d 条）", sc.ref(), clipRunes(string(v), 20), len(x.sst)),
				fmt.Sprintf("cell %s refers to shared string %q, which does not exist (%d in the table)", sc.ref(), clipRunes(string(v), 20), len(x.sst)))
		}
		cur.Value, sc.span.val = x.sst[i], span{-1, 0}
	}
	v := sc.textOf(sc.span.val, cur.Value)
	if (cur.Type == "" || cur.Type == "n") && len(v) > 0 && (xmlSpace(v[0]) || xmlSpace(v[len(v)-1])) {
		// A number's <v> is read as XML Schema reads a number, its
		// surrounding whitespace collapsed: Excel and LibreOffice read
		// <v> 110.23 </v> as 110.23, which was refused as no number.
		cur.Value, sc.span.val = strings.Trim(string(v), " \t\r\n"), span{-1, 0}
		v = []byte(cur.Value)
	}
	if (cur.Type == "" || cur.Type == "n") && len(v) > 0 && !storedPlain(v) {
		c := *cur
		c.Ref, c.Value = sc.ref(), string(v)
		if err := checkStored(c); err != nil {
			return sc.bad(err.Reason[0], err.Reason[1])
		}
	}
	if cur.HasF && sc.fSI != "" {
		f := string(sc.textOf(sc.span.f, cur.Formula))
		if g := sc.shared.resolve(sc.fSI, f, cur.Col, sc.row); g != f {
			cur.Formula, sc.span.f = g, span{-1, 0}
		}
	}
	if len(v) > 0 || cur.HasF {
		x.cells++
		if x.cells > x.lim.MaxCellsTotal {
			return fileErr("单元格数量超过上限", "too many cells", nil)
		}
		sc.cells = append(sc.cells, *cur)
		sc.spans = append(sc.spans, sc.span)
	}
	return nil
}

// xmlSpace reports whether c is XML whitespace.
func xmlSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// cellType returns a cell's t attribute as a string, without allocating
// for the types there are.
func cellType(b []byte) string {
	switch string(b) {
	case "":
		return ""
	case "n":
		return "n"
	case "s":
		return "s"
	case "str":
		return "str"
	case "inlineStr":
		return "inlineStr"
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return string(b)
}

// hidden reports whether the sheet being scanned hides column col.
func (x *xlsx) hidden(col int) bool { return x.hiddenCols[col] }

// colAttrs records the columns a <col min max hidden> element hides.
// Column ranges must lie within Excel's columns and not overlap (Excel
// repairs a file where they do): so however many <col> elements a sheet
// has, the work is bounded by Excel's 16,384 columns.
func (x *xlsx) colAttrs(d *xmlTokens, seen *colSet) error {
	lo, hi, hidden := 0, 0, false
	for _, a := range d.attrs {
		switch string(a.name) {
		case "min":
			lo, _ = strconv.Atoi(string(a.value))
		case "max":
			hi, _ = strconv.Atoi(string(a.value))
		case "hidden":
			hidden = hidden || string(a.value) == "1" || string(a.value) == "true"
		case "width":
			hidden = hidden || zeroSize(a.value, tooNarrow) // as hidden as hidden="1"
		}
	}
	if lo < 1 || hi < lo || hi > ExcelMaxCols {
		return fileErr(fmt.Sprintf("的列定义 %d–%d 超出 Excel 的列范围", lo, hi), fmt.Sprintf("column range %d–%d is outside Excel's columns", lo, hi), nil)
	}
	for c := lo; c <= hi; c++ {
		if seen.has(c) {
			// openpyxl writes this when one column of a group is hidden
			// (C:E, then E hidden): a column is hidden when any definition
			// hides it, so its figures are reported rather than trusted.
			// Redefinitions past Excel's column count are refused, which
			// keeps the work bounded.
			if x.colRedefs++; x.colRedefs > ExcelMaxCols {
				return fileErr(fmt.Sprintf("第 %s 列等反复定义超过 %d 次，拒绝读取", columnName(c), ExcelMaxCols),
					fmt.Sprintf("column %s and others are defined twice, over %d times: refused", columnName(c), ExcelMaxCols), nil)
			}
		}
		seen.set(c)
		if hidden {
			x.hiddenCols[c] = true
		}
	}
	return nil
}

// columnOf returns the 1-based column of an A1 reference.
func columnOf(ref string) int {
	col := 0
	for _, r := range ref {
		if r < 'A' || r > 'Z' {
			break
		}
		col = col*26 + int(r-'A'+1)
	}
	return col
}

// columnName returns the letters of a 1-based column.
func columnName(col int) string {
	var b [8]byte
	return string(appendColumn(b[:0], col))
}

// appendColumn appends the letters of a 1-based column.
func appendColumn(b []byte, col int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for col > 0 && i > 0 {
		col--
		i--
		tmp[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, tmp[i:]...)
}

// appendRef appends the A1 reference of a cell.
func appendRef(b []byte, col, row int) []byte {
	return strconv.AppendInt(appendColumn(b, col), int64(row), 10)
}

// cellRef is the A1 reference of a cell, in one allocation.
func cellRef(col, row int) string {
	var b [24]byte
	return string(appendRef(b[:0], col, row))
}

// maxMerges bounds the merged ranges kept for one sheet (16 bytes each);
// a template merges a handful of title cells.
const maxMerges = 1 << 16

// cellRange is a rectangle of cells, 1-based and inclusive.
type cellRange struct{ c1, r1, c2, r2 int32 }

func (r cellRange) cells() int64 { return int64(r.c2-r.c1+1) * int64(r.r2-r.r1+1) }

// covers reports whether the cell lies in the range and is not its first
// (top-left) cell, the one whose content merged cells show.
func (r cellRange) covers(col, row int) bool {
	return int32(row) >= r.r1 && int32(row) <= r.r2 && int32(col) >= r.c1 && int32(col) <= r.c2 &&
		(int32(row) != r.r1 || int32(col) != r.c1)
}

// parseRange reads "C4:D5" (or a single "C4").
func parseRange(s string) (cellRange, bool) {
	a, b, two := strings.Cut(s, ":")
	if !two {
		b = a
	}
	c1, r1, ok1 := parseRef(strings.ReplaceAll(a, "$", ""))
	c2, r2, ok2 := parseRef(strings.ReplaceAll(b, "$", ""))
	if !ok1 || !ok2 || c1 > ExcelMaxCols || c2 > ExcelMaxCols || r1 > ExcelMaxRows || r2 > ExcelMaxRows {
		return cellRange{}, false
	}
	return cellRange{int32(min(c1, c2)), int32(min(r1, r2)), int32(max(c1, c2)), int32(max(r1, r2))}, true
}

// mergedCells returns the merged ranges of the sheet last scanned.
func (x *xlsx) mergedCells() []cellRange { return x.merges }

// scanAgain scans a sheet read already (checkMerged, checkConditional):
// its cells and rows count once against the file's limits, as they were
// counted the first time. The sheet's merged ranges and conditional
// formats, which come after its rows, stay those of the first scan: a
// second one may stop before them (the one after it would find none).
func (x *xlsx) scanAgain(s sheetInfo, fn func(int, bool, []rawCell) error) error {
	cells, rows := x.cells, x.rows
	merges, conds := slices.Clone(x.merges), slices.Clone(x.conds)
	err := x.scan(s, fn)
	x.cells, x.rows, x.merges, x.conds = cells, rows, merges, conds
	return err
}

// tooLow and tooNarrow are a row height (points) and a column width
// (characters) under which a figure cannot be seen: Excel and Calc draw
// a row 0 high or a column 0 wide not at all, as if hidden="1", and one
// of a point or two as a line.
const (
	tooLow    = 3
	tooNarrow = 0.5
)

// zeroSize reports whether a row height (or, with tooNarrow, a column
// width) is under what shows a figure.
func zeroSize(v []byte, under ...float64) bool {
	limit := float64(tooLow)
	if len(under) > 0 {
		limit = under[0]
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(string(v)), 64)
	return err == nil && f < limit
}

// Namespaces of a sheet's elements: the transitional one and Strict's.
const (
	mainNS       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	mainNSStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
)

// foreignElement reports an element inside <sheetData> that is not in the
// sheet's namespace, which a reader by local names would take for a row,
// a cell or a value: a prefix other than <sheetData>'s own (<foo:row>),
// or the default namespace declared anew (<row xmlns="urn:x">). Excel
// treats such content as damaged and drops it; read, it would add figures
// no one sees.
func foreignElement(d *xmlTokens, dataPrefix string) (string, bool) {
	if string(d.prefix) != dataPrefix {
		return string(d.prefix) + string(d.name), true
	}
	for _, a := range d.attrs {
		if string(a.name) == "xmlns" && string(a.value) != mainNS && string(a.value) != mainNSStrict {
			return string(d.prefix) + string(d.name) + ` xmlns="` + clipRunes(string(a.value), 40) + `"`, true
		}
	}
	return "", false
}

// A rich-text run set in superscript or subscript (<rPr><vertAlign
// val="superscript"/>) is a footnote mark or an exponent: 110.23 with a
// superscript 1 shows as 110.23¹, and read as plain runs it was the
// figure 110.231. Its digits and signs are kept as the superscript or
// subscript characters the sheet shows, which no figure is made of.
const (
	scriptNone byte = iota
	scriptSuper
	scriptSub
)

// scriptOf reads a <vertAlign> element's val.
func scriptOf(d *xmlTokens) byte {
	switch v, _ := d.attr("val"); v {
	case "superscript":
		return scriptSuper
	case "subscript":
		return scriptSub
	}
	return scriptNone
}

var (
	superscripts = map[byte]string{'0': "⁰", '1': "¹", '2': "²", '3': "³", '4': "⁴", '5': "⁵", '6': "⁶", '7': "⁷", '8': "⁸", '9': "⁹", '+': "⁺", '-': "⁻", '=': "⁼", '(': "⁽", ')': "⁾"}
	subscripts   = map[byte]string{'0': "₀", '1': "₁", '2': "₂", '3': "₃", '4': "₄", '5': "₅", '6': "₆", '7': "₇", '8': "₈", '9': "₉", '+': "₊", '-': "₋", '=': "₌", '(': "₍", ')': "₎"}
)

// appendScript appends a run's text as its script shows it.
func appendScript(dst, b []byte, script byte) []byte {
	if script == scriptNone {
		return append(dst, b...)
	}
	m := superscripts
	if script == scriptSub {
		m = subscripts
	}
	for _, c := range b {
		if s, ok := m[c]; ok {
			dst = append(dst, s...)
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}
