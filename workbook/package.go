package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"

	"github.com/jingwu/tally/reconcile"
	"github.com/klauspost/compress/flate"
)

// maxSheetRows is Excel's row limit; a longer detail continues on the next
// sheet (明细 (2), …), each with its header. A variable so tests can lower it.
var maxSheetRows = 1 << 20

// detail makes the 明细 sheets: excelize makes each sheet with its header,
// widths, filter and print setup; the rows are the Detail's, spliced in as
// the package is written.
func (x *out) detail() error {
	cols := []column{
		{x.l("文件", "File"), 14}, {x.l("工作表", "Sheet"), 6}, {x.l("单元格", "Cell"), 3},
		{x.l("填报单位", "Department"), 4}, {x.l("报告期", "Period"), 4}, {x.l("指标", "Indicator"), 9},
		{x.l("口径", "Measure"), 4}, {x.l("名称", "Name"), 14}, {x.l("统一社会信用代码", "Credit code"), 10},
		{x.l("数值", "Value"), 7}, {x.l("原始内容", "Raw"), 6}, {x.l("以文本录入", "Typed as text"), 4},
	}
	x.splice = map[string]segment{}
	for i, seg := range x.parts {
		name := label(x.lang, sheetNames["detail"])
		if i > 0 {
			name = fmt.Sprintf("%s (%d)", name, i+1)
		}
		headerRow, err := x.head(name, "", cols)
		if err != nil {
			return err
		}
		if err := x.frame(name, len(cols), headerRow, seg.rows, true); err != nil {
			return err
		}
		if err := x.headerFooter("detail", name, x.l("明细：每个汇总数值及其来源单元格", "Detail: every consolidated value and its source cell")); err != nil {
			return err
		}
		if err := x.noPrint(name, len(cols)); err != nil {
			return err
		}
		x.splice[name] = seg
	}
	return nil
}

// partNames turns the splices' sheet names into their parts' paths.
func (x *out) partNames() map[string]segment {
	byPath := map[string]segment{}
	for id, name := range x.f.GetSheetMap() {
		if seg, ok := x.splice[name]; ok {
			byPath[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = seg
		}
	}
	return byPath
}

// pkgWriter is the zip writer excelize saves through: it compresses with
// klauspost's deflate (see detailLevel), streams straight to the output
// instead of excelize's in-memory buffer, and splices each detail sheet's
// rows into the part excelize writes for it.
type pkgWriter struct {
	zw      *zip.Writer
	rows    io.ReaderAt
	splice  map[string]segment
	pending *bytes.Buffer
	name    string
	done    map[string]bool
}

func newPkgWriter(w io.Writer, rows io.ReaderAt, splice map[string]segment) *pkgWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.DefaultCompression)
	})
	return &pkgWriter{zw: zw, rows: rows, splice: splice, done: map[string]bool{}}
}

func (p *pkgWriter) Create(name string) (io.Writer, error) {
	if err := p.flush(); err != nil {
		return nil, err
	}
	if _, ok := p.splice[name]; ok {
		p.pending, p.name = new(bytes.Buffer), name
		return p.pending, nil
	}
	return p.zw.Create(name)
}

func (p *pkgWriter) AddFS(fsys fs.FS) error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.zw.AddFS(fsys)
}

func (p *pkgWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	var missing []string
	for name := range p.splice {
		if !p.done[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return reconcile.Bugf("detail rows for %v were not written", missing)
	}
	return p.zw.Close()
}

// flush writes a pending detail sheet: excelize's part up to its
// </sheetData>, the rows, and the rest, as one deflate stream (each piece
// ends on a byte boundary with a sync flush, so they join) under the CRC of
// the whole.
func (p *pkgWriter) flush() error {
	if p.pending == nil {
		return nil
	}
	xml, name := p.pending.Bytes(), p.name
	p.pending = nil
	seg := p.splice[name]
	cut := bytes.LastIndex(xml, []byte("</sheetData>"))
	if cut < 0 {
		return reconcile.Bugf("%s has no sheetData", name)
	}
	head, tail := xml[:cut], xml[cut:]
	headZ, err := deflate(head, false)
	if err != nil {
		return err
	}
	tailZ, err := deflate(tail, true)
	if err != nil {
		return err
	}
	crc := crc32Combine(crc32Combine(crc32.ChecksumIEEE(head), seg.crc, seg.raw), crc32.ChecksumIEEE(tail), int64(len(tail)))
	w, err := p.zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(int64(len(headZ)) + seg.size + int64(len(tailZ))),
		UncompressedSize64: uint64(int64(len(head)) + seg.raw + int64(len(tail))),
	})
	if err != nil {
		return err
	}
	if _, err := w.Write(headZ); err != nil {
		return err
	}
	if _, err := io.Copy(w, io.NewSectionReader(p.rows, seg.off, seg.size)); err != nil {
		return err
	}
	if _, err := w.Write(tailZ); err != nil {
		return err
	}
	p.done[name] = true
	return nil
}

// deflate compresses b as a piece of a stream: ended with a sync flush, or,
// when last, with the final block.
func deflate(b []byte, last bool) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(b); err != nil {
		return nil, err
	}
	if last {
		err = fw.Close()
	} else {
		err = fw.Flush()
	}
	return buf.Bytes(), err
}
