package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/richardlehane/mscfb"
)

// Limits bound what tally will read from one file, so a hostile or broken
// upload is refused by size instead of exhausting memory.
type Limits struct {
	MaxFileBytes  int64 // the file on disk
	MaxPartBytes  int64 // one uncompressed part (a sheet, the string table)
	MaxRatio      int64 // uncompressed/compressed of one part, past 1 MiB
	MaxCellsTotal int64 // cells scanned per file
}

// DefaultLimits suit monthly department files with room to spare.
var DefaultLimits = Limits{
	MaxFileBytes:  64 << 20,
	MaxPartBytes:  256 << 20,
	MaxRatio:      200,
	MaxCellsTotal: 20_000_000,
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
}

type sheetInfo struct {
	name, part string
	hidden     bool
}

// xlsx is an opened workbook package: its sheet list and string table.
// Sheets are scanned as streams of rows; nothing else is held.
type xlsx struct {
	zr     *zip.Reader
	parts  map[string]*zip.File
	sheets []sheetInfo
	sst    []string
	lim    Limits
	cells  int64
	// hiddenCols holds the hidden columns of the sheet being scanned; the
	// <cols> element comes before the rows, so it is set by the first row.
	hiddenCols map[int]bool
	dateStyles []bool // cellXfs index → shows a date (styles.go)
}

var ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openXLSX opens an xlsx package and says, in a FileError, why not when it
// cannot: encrypted, legacy .xls, not a zip, truncated, too large.
func openXLSX(r io.ReaderAt, size int64, lim Limits) (*xlsx, error) {
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
	zr, err := zip.NewReader(r, size)
	if err != nil {
		switch {
		case size == 0:
			return nil, fileErr("文件为空", "file is empty", nil)
		case bytes.HasPrefix(head, []byte("PK")):
			return nil, fileErr("压缩包已损坏或不完整（可能传输中断）", "the zip package is truncated or corrupt", err)
		case looksLikeText(r, size):
			return nil, fileErr("这是文本文件（可能是改了扩展名的 CSV），不是 xlsx 工作簿", "a text file (a CSV renamed .xlsx?), not an xlsx workbook", nil)
		}
		return nil, fileErr("不是 xlsx 工作簿（不是 zip 格式）", "not an xlsx workbook (not a zip package)", err)
	}
	x := &xlsx{zr: zr, parts: map[string]*zip.File{}, lim: lim}
	for _, f := range zr.File {
		x.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	if err := x.readWorkbook(); err != nil {
		return nil, err
	}
	return x, nil
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
	for {
		e, err := doc.Next()
		if err != nil {
			break
		}
		switch e.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return fileErr("文件设置了打开密码（已加密），请去掉密码后重新报送", "the file is password-protected (encrypted); remove the password and send it again", nil)
		case "Workbook", "Book":
			return fileErr("这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后重新报送", "a legacy .xls file; save it as .xlsx and send it again", nil)
		}
	}
	return fileErr("是 OLE2 文件，但不是工作簿", "an OLE2 file that is not a workbook", nil)
}

// open returns a reader for a part, refusing parts past the size limits
// before and while reading them (a zip's declared sizes can lie).
func (x *xlsx) open(name string) (io.ReadCloser, error) {
	f, ok := x.parts[name]
	if !ok {
		return nil, fileErr("缺少 "+name, "missing part "+name, nil)
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
		err = fileErr("压缩包已损坏或不完整", "the zip package is truncated or corrupt", err)
	}
	return n, err
}

func (l *limitedReadCloser) Close() error { return l.c.Close() }

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
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
		} `xml:"sheets>sheet"`
	}
	if err := x.decodePart("xl/workbook.xml", &wb); err != nil {
		return err
	}
	var rels relationships
	if err := x.decodePart("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return err
	}
	target := map[string]string{}
	sstPart := ""
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			sstPart = t
		}
	}
	x.readStyles(stylesPart(rels))
	for _, s := range wb.Sheets {
		x.sheets = append(x.sheets, sheetInfo{name: s.Name, part: target[s.RID], hidden: s.State != "" && s.State != "visible"})
	}
	if sstPart != "" {
		return x.readSharedStrings(sstPart)
	}
	return nil
}

func (x *xlsx) decodePart(name string, v any) error {
	rc, err := x.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
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
	return fileErr(zh, en, err)
}

// readSharedStrings streams the string table: <si> holds <t> or rich-text
// runs <r><t>; phonetic runs <rPh> are not part of the text.
func (x *xlsx) readSharedStrings(part string) error {
	rc, err := x.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	var cur strings.Builder
	inSI, inT, skip := false, false, 0
	for {
		kind, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partErr(err, "共享字符串表格式错误", "the shared string table is malformed")
		}
		switch kind {
		case tokStart:
			switch string(d.name) {
			case "si":
				inSI = true
				cur.Reset()
			case "rPh":
				skip++
			case "t":
				inT = inSI && skip == 0
			}
		case tokEnd:
			switch string(d.name) {
			case "si":
				inSI = false
				x.sst = append(x.sst, cur.String())
			case "rPh":
				skip--
			case "t":
				inT = false
			}
		case tokText:
			if inT {
				cur.Write(d.text)
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
// row is hidden, and its non-empty cells.
func (x *xlsx) scan(s sheetInfo, fn func(row int, hidden bool, cells []rawCell) error) error {
	rc, err := x.open(s.part)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	x.hiddenCols = map[int]bool{}
	var (
		cells  []rawCell
		cur    rawCell
		row    int
		hidden bool
		inRow  bool
		text   *strings.Builder
		buf    strings.Builder
		inIS   bool
	)
	for {
		kind, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partErr(err, "工作表“"+s.name+"”格式错误", "sheet "+s.name+" is malformed")
		}
		switch kind {
		case tokStart:
			switch string(d.name) {
			case "col":
				x.colAttrs(d)
			case "row":
				inRow, cells, hidden = true, cells[:0], false
				row++
				if v, ok := d.attr("r"); ok {
					if n, err := strconv.Atoi(v); err == nil {
						row = n
					}
				}
				if v, ok := d.attr("hidden"); ok {
					hidden = v == "1" || v == "true"
				}
			case "c":
				cur = rawCell{}
				cur.Ref, _ = d.attr("r")
				cur.Type, _ = d.attr("t")
				if cur.Ref == "" {
					col := len(cells) + 1
					if len(cells) > 0 {
						col = cells[len(cells)-1].Col + 1
					}
					cur.Ref = columnName(col) + strconv.Itoa(row)
				}
				cur.Col = columnOf(cur.Ref)
				if v, ok := d.attr("s"); ok {
					n, _ := strconv.Atoi(v)
					cur.Date = x.isDate(n)
				}
			case "v", "f":
				buf.Reset()
				text = &buf
				if string(d.name) == "f" {
					cur.HasF = true
				}
			case "is":
				inIS = true
				buf.Reset()
			case "t":
				if inIS {
					text = &buf
				}
			case "rPh":
				text = nil
			}
		case tokText:
			if text != nil {
				text.Write(d.text)
			}
		case tokEnd:
			switch string(d.name) {
			case "v":
				cur.Value, text = buf.String(), nil
			case "f":
				cur.Formula, text = buf.String(), nil
			case "t":
				if inIS {
					text = nil
				}
			case "is":
				inIS = false
				cur.Value = buf.String()
			case "c":
				if cur.Type == "s" {
					i, err := strconv.Atoi(cur.Value)
					if err != nil || i < 0 || i >= len(x.sst) {
						return fileErr(cur.Ref+" 引用了不存在的共享字符串", cur.Ref+" refers to a missing shared string", nil)
					}
					cur.Value = x.sst[i]
				}
				if cur.Value != "" || cur.HasF {
					x.cells++
					if x.cells > x.lim.MaxCellsTotal {
						return fileErr("单元格数量超过上限", "too many cells", nil)
					}
					cells = append(cells, cur)
				}
			case "row":
				if inRow && len(cells) > 0 {
					if err := fn(row, hidden, cells); err != nil {
						return err
					}
				}
				inRow = false
			}
		}
	}
}

// hidden reports whether the sheet being scanned hides column col.
func (x *xlsx) hidden(col int) bool { return x.hiddenCols[col] }

// colAttrs records the columns a <col min max hidden> element hides.
func (x *xlsx) colAttrs(d *xmlTokens) {
	lo, hi, hidden := 0, 0, false
	for _, a := range d.attrs {
		switch string(a.name) {
		case "min":
			lo, _ = strconv.Atoi(string(a.value))
		case "max":
			hi, _ = strconv.Atoi(string(a.value))
		case "hidden":
			hidden = string(a.value) == "1" || string(a.value) == "true"
		}
	}
	for c := lo; hidden && c <= hi && c-lo < 16384; c++ {
		x.hiddenCols[c] = true
	}
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
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}
