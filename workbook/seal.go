package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// sealSheet is the very hidden sheet that seals a consolidated workbook
// (see reconcile.SealVersion): the digest of every 汇总 row, of each block
// of detail rows and of the inputs list, the indicator definitions and the
// counts, and a seal over them all. The same seal is a custom document
// property, which LibreOffice keeps (it makes a very hidden sheet merely
// hidden) and openpyxl drops (it keeps the sheet).
const sealSheet = "_tally_seal"

// sealProperty is the custom document property holding the seal.
const sealProperty = "tally-seal"

// The 汇总 sheet's layout as figures writes it: a title, a header row,
// then one row per indicator; month m in column figuresMonth1+m−1, the
// year to date after December. The seal records these, and the round trip
// test (TestNodeRoundTrip) fails when figures and they part ways.
const (
	figuresFirstRow = 3
	figuresMonth1   = 4
	figuresYTD      = figuresMonth1 + 12
)

// sealer collects the detail's block digests as the rows are added.
type sealer struct {
	d      *reconcile.Digest
	blocks []sealBlock
	n      int // rows in the open block
	sheet  int // the detail sheet the open block is in (0-based)
	first  int // the open block's first row
}

// sealBlock is one block's digest: 44 bytes, one per 1,024 detail rows,
// held until the seal is written.
type sealBlock struct {
	sheet, first, last int32
	digest             [32]byte
}

// add hashes one detail row, at row r of detail sheet sheet.
func (s *sealer) add(sheet, r int, cells ...string) {
	d := s.start(sheet, r)
	for _, c := range cells {
		d.Cell(sealText(c))
	}
	s.endRow()
}

// start opens a detail row at row r of detail sheet sheet and returns the
// digest its cells go into (Cell, then endRow).
func (s *sealer) start(sheet, r int) *reconcile.Digest {
	if s.d == nil {
		s.d = reconcile.NewDigest()
	}
	if s.n > 0 && sheet != s.sheet {
		s.end()
	}
	if s.n == 0 {
		s.sheet, s.first = sheet, r
	}
	return s.d
}

// endRow ends the row start opened.
func (s *sealer) endRow() {
	s.d.EndRow()
	s.n++
	if s.n == reconcile.DetailBlock {
		s.end()
	}
}

func (s *sealer) end() {
	if s.n == 0 {
		return
	}
	s.blocks = append(s.blocks, sealBlock{int32(s.sheet), int32(s.first), int32(s.first + s.n - 1), s.d.SumBytes()})
	s.n = 0
}

// sealText is a cell's text as the reader will see it: clipped to what a
// cell holds, as the row's XML is.
func sealText(c string) string {
	if len(c) > maxCellChars {
		return clip(c)
	}
	return c
}

// inputCells are the texts of one 来源文件 row as inputs writes them.
func (x *out) inputCells(in reconcile.Input) []string {
	dept := in.Department
	if d, ok := x.r.Spec.Department(in.Department); ok {
		dept = d.Name
	}
	return []string{in.File, dept, in.Period, strconv.Itoa(in.Rows), label(x.lang, inputStatus[in.Status]), in.SHA256}
}

// seal writes the seal sheet and property. It runs last: it names the
// other sheets.
func (x *out) seal() error {
	var rows [][]string
	kv := func(k string, v any) { rows = append(rows, []string{k, fmt.Sprint(v)}) }
	s := x.r.Summary
	kind := "town"
	if x.meta.Rollup != nil {
		kind = "rollup"
	}
	kv("tally-seal", reconcile.SealVersion)
	kv("kind", kind)
	kv("node", x.r.Spec.Town)
	kv("as_of", x.r.AsOf.String())
	kv("lang", string(x.lang))
	kv("definitions", reconcile.DefinitionsDigest(x.r.Spec.Indicators))
	kv("rows", s.Rows)
	kv("rows_consolidated", s.RowsConsolidated)
	kv("rows_rejected", s.RowsRejected)
	kv("findings", s.Findings)
	kv("errors", s.Errors)
	kv("warnings", s.Warnings)
	kv("files", s.Files)
	figures := label(x.lang, sheetNames["figures"])
	kv("figures_sheet", figures)
	m1, _ := excelize.ColumnNumberToName(figuresMonth1)
	ytd, _ := excelize.ColumnNumberToName(figuresYTD)
	kv("figures_month1", m1)
	kv("figures_ytd", ytd)
	inputs := label(x.lang, sheetNames["inputs"])
	kv("inputs_sheet", inputs)
	dg := reconcile.NewDigest()
	for _, in := range x.r.Inputs {
		dg.Row(x.inputCells(in)...)
	}
	kv("inputs", dg.Sum())
	blocks, detailRows, names := x.sealBlocks()
	kv("detail_rows", detailRows)
	if x.meta.Rollup == nil {
		rows = append(rows, x.detailSeal()...)
	}
	for i := range x.r.Spec.Indicators {
		rows = append(rows, append([]string{"def"}, reconcile.DefinitionCells(&x.r.Spec.Indicators[i])...))
	}
	for i := range x.r.Series {
		se := &x.r.Series[i]
		rows = append(rows, []string{"figure", se.Indicator.Code, strconv.Itoa(figuresFirstRow + i),
			reconcile.DigestRow(reconcile.FigureCells(se)...), reconcile.IncompleteMonths(se)})
	}
	rows = append(rows, x.carriedSeal()...)
	all := reconcile.NewDigest()
	for _, r := range rows {
		all.Row(trimRow(r)...)
	}
	f := x.f
	if _, err := f.NewSheet(sealSheet); err != nil {
		return err
	}
	for ri, r := range rows {
		for ci, v := range r {
			ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
			if err := f.SetCellStr(sealSheet, ref, v); err != nil {
				return err
			}
		}
	}
	// The rows of the detail's blocks (one per 1,024 detail rows) and the
	// seal itself are written as the 明细 rows are, straight into the
	// detail's temporary file, and spliced into the sheet as the package
	// is written: made by excelize they were ~400 bytes of cells and
	// shared strings per block held until the end, the one part of -o's
	// memory that grew with the run (README "Measured").
	sw, err := newSheetRows(x.tmp, len(rows))
	if err != nil {
		return err
	}
	for _, b := range blocks {
		r := [...]string{"detail", names[b.sheet], strconv.Itoa(int(b.first)), strconv.Itoa(int(b.last)), hex.EncodeToString(b.digest[:])}
		all.Row(trimRow(r[:])...)
		sw.row(r[:])
	}
	seal := all.Sum()
	sw.row([]string{"seal", seal})
	seg, err := sw.finish()
	if err != nil {
		return err
	}
	if x.splice == nil {
		x.splice = map[string]segment{}
	}
	x.splice[sealSheet] = seg
	if err := f.SetSheetVisible(sealSheet, false, true); err != nil {
		return err
	}
	return f.SetCustomProps(excelize.CustomProperty{Name: sealProperty, Value: seal})
}

// sealBlocks are the digests of the detail (a town's 明细 or a roll-up's
// node detail), the rows they cover and the names of their sheets.
func (x *out) sealBlocks() ([]sealBlock, int, []string) {
	var names []string
	if x.meta.Rollup != nil {
		for i := range x.parts {
			names = append(names, x.nodeDetailName(i))
		}
		return x.detSeal.blocks, len(x.meta.Rollup.Parts), names
	}
	name := label(x.lang, sheetNames["detail"])
	rows := 0
	for i, seg := range x.parts {
		if i == 0 {
			names = append(names, name)
		} else {
			names = append(names, fmt.Sprintf("%s (%d)", name, i+1))
		}
		rows += seg.rows
	}
	return x.detSeal.blocks, rows, names
}

// trimRow drops a row's trailing empty cells: a reader sees no cell there.
func trimRow(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}

// sheetRows writes rows of text cells as sheet XML, compressed, at the end
// of a temporary file: a segment the package writer splices into a sheet
// after the rows excelize wrote (pkgWriter.flush).
type sheetRows struct {
	off  int64
	cw   countWriter
	bw   *bufio.Writer
	fw   *flate.Writer
	crc  hash.Hash32
	raw  int64
	rn   int // rows written, with the ones before them
	rows int
	b    []byte
	err  error
}

// newSheetRows starts rows after the sheet's first `before` rows, at the end
// of tmp.
func newSheetRows(tmp *os.File, before int) (*sheetRows, error) {
	off, err := tmp.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, err
	}
	s := &sheetRows{off: off, crc: crc32.NewIEEE(), rn: before}
	s.cw.w = tmp
	s.bw = bufio.NewWriterSize(&s.cw, 64<<10)
	if s.fw, err = flate.NewWriter(s.bw, flate.DefaultCompression); err != nil {
		return nil, err
	}
	return s, nil
}

// row writes one row of text cells (an empty text: no cell), clipped to
// what a cell holds as excelize does.
func (s *sheetRows) row(cells []string) {
	s.rn++
	s.rows++
	rn := strconv.Itoa(s.rn)
	b := append(s.b[:0], `<row r="`...)
	b = append(b, rn...)
	b = append(b, `">`...)
	for ci, v := range cells {
		if v == "" {
			continue
		}
		v = clip(v)
		col, _ := excelize.ColumnNumberToName(ci + 1)
		b = append(b, `<c r="`...)
		b = append(b, col...)
		b = append(b, rn...)
		b = textOpen(b, v[0], v[len(v)-1])
		b = appendText(b, v)
		b = append(b, `</t></is></c>`...)
	}
	b = append(b, `</row>`...)
	s.b = b
	if s.err == nil {
		s.crc.Write(b)
		s.raw += int64(len(b))
		_, s.err = s.fw.Write(b)
	}
}

// finish ends the rows with a sync flush (the sheet's tail follows them in
// the same deflate stream) and returns their segment.
func (s *sheetRows) finish() (segment, error) {
	if s.err == nil {
		s.err = s.fw.Flush()
	}
	if s.err == nil {
		s.err = s.bw.Flush()
	}
	if s.err != nil {
		return segment{}, fmt.Errorf("seal: %w", s.err)
	}
	return segment{off: s.off, size: s.cw.n, raw: s.raw, crc: s.crc.Sum32(), rows: s.rows}, nil
}

// IsConsolidated reports whether the file at path is a consolidated
// workbook tally wrote: a package whose workbook lists the seal sheet. It
// reads the zip's directory and xl/workbook.xml only (at most 4 MB of it),
// not the sheets: what `reconcile -o` asks before replacing last run's
// workbook, which may hold millions of 明细 rows.
func IsConsolidated(path string) bool {
	z, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "xl/workbook.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return false
		}
		defer r.Close()
		b, _ := io.ReadAll(io.LimitReader(r, 4<<20))
		return bytes.Contains(b, []byte(`name="`+sealSheet+`"`))
	}
	return false
}

// carriedSeal are the seal's rows of the run's own errors and warnings,
// which a roll-up carries to the level above (节点汇总 shows each town's
// month_jump at its cell): "findings_carried" with how many are listed
// and how many left off past reconcile.MaxCarriedFindings, then one
// "finding" row each — severity, rule, department, period, file, sheet,
// cell, the message in Chinese and in English. The seal's digest covers
// them as every other row.
func (x *out) carriedSeal() [][]string {
	var rows [][]string
	left := 0
	for i := range x.r.Findings {
		f := &x.r.Findings[i]
		if f.Severity == reconcile.Info {
			continue
		}
		if len(rows) >= reconcile.MaxCarriedFindings {
			left++
			continue
		}
		dept := f.Department
		if d, ok := x.r.Spec.Department(f.Department); ok {
			dept = d.Name
		}
		if x.meta.Rollup != nil {
			dept = "" // a roll-up's findings name their node in their message
		}
		c := reconcile.Carry(f, dept)
		rows = append(rows, []string{"finding", string(c.Severity), string(c.Rule), sealCell(c.Department), c.Period,
			sealCell(c.File), sealCell(c.Sheet), c.Cell, sealCell(c.Message[0]), sealCell(c.Message[1])})
	}
	head := []string{"findings_carried", strconv.Itoa(len(rows)), strconv.Itoa(left)}
	return append([][]string{head}, rows...)
}

// sealCell is a text as a seal cell keeps it, read back the same: no
// control characters (a hostile file's name or raw text), no spaces at
// its ends, within a cell's length.
func sealCell(t string) string {
	t = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == 0xfffe || r == 0xffff {
			return ' '
		}
		return r
	}, t)
	return sealText(strings.TrimSpace(t))
}
