package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// A package part is found by name. A name that could mean two parts (the
// same after folding case and separators, which Windows and Excel do), an
// absolute name, or one that climbs out with ".." is refused at the file:
// tally will not pick one of two readings of a file.

// members indexes the package's parts by name, refusing ambiguous names.
func members(zr *zip.Reader, lim Limits) (map[string]*zip.File, error) {
	if len(zr.File) > lim.MaxMembers {
		return nil, tooManyMembers(len(zr.File), lim)
	}
	parts := make(map[string]*zip.File, len(zr.File))
	folded := make(map[string]string, len(zr.File))
	for _, f := range zr.File {
		name := f.Name
		norm := strings.ReplaceAll(name, "\\", "/")
		if strings.HasSuffix(norm, "/") && f.UncompressedSize64 == 0 {
			continue // a folder entry
		}
		clean := path.Clean(norm)
		switch {
		case strings.HasPrefix(norm, "/") || (len(norm) > 1 && norm[1] == ':'):
			return nil, fileErr(fmt.Sprintf("压缩包成员 %q 是绝对路径，可能冒充真正的部件", clipRunes(name, 80)),
				fmt.Sprintf("zip member %q has an absolute path and may shadow the real part", clipRunes(name, 80)), nil)
		case clean == ".." || strings.HasPrefix(clean, "../"):
			return nil, fileErr(fmt.Sprintf("压缩包成员 %q 含有“..”，指向包外", clipRunes(name, 80)),
				fmt.Sprintf("zip member %q climbs out of the package with ..", clipRunes(name, 80)), nil)
		case clean != norm || name != norm:
			return nil, fileErr(fmt.Sprintf("压缩包成员 %q 的名称不规范，可能冒充部件 %s", clipRunes(name, 80), clipRunes(clean, 80)),
				fmt.Sprintf("zip member %q is not a canonical name and may shadow the part %s", clipRunes(name, 80), clipRunes(clean, 80)), nil)
		}
		key := strings.ToLower(clean)
		if other, dup := folded[key]; dup {
			return nil, fileErr(fmt.Sprintf("压缩包成员 %q 出现两次（%q），无法确定读哪一个", clipRunes(name, 80), clipRunes(other, 80)),
				fmt.Sprintf("zip member %q occurs twice (%q): which one to read is ambiguous", clipRunes(name, 80), clipRunes(other, 80)), nil)
		}
		folded[key] = name
		parts[clean] = f
	}
	return parts, nil
}

func tooManyMembers(n int, lim Limits) error {
	return fileErr(fmt.Sprintf("压缩包有 %d 个成员，超过 %d 个的上限", n, lim.MaxMembers),
		fmt.Sprintf("the zip package has %d members, more than the limit of %d", n, lim.MaxMembers), nil)
}

// memberCount reads the number of entries the zip's end record declares,
// before archive/zip reads (and holds) the whole directory.
func memberCount(r io.ReaderAt, size int64, lim Limits) error {
	const eocdLen, maxComment = 22, 65535
	// The end record is in the last 22 bytes unless the archive has a
	// comment (spreadsheets' have none): the short tail first.
	var buf []byte
	i := -1
	for _, n := range []int64{min(size, 512), min(size, eocdLen+maxComment)} {
		buf = make([]byte, n)
		if _, err := r.ReadAt(buf, size-n); err != nil && !errors.Is(err, io.EOF) {
			return nil // let zip.NewReader say what is wrong
		}
		if i = bytes.LastIndex(buf, []byte("PK\x05\x06")); i >= 0 && len(buf)-i >= eocdLen || n == size {
			break
		}
	}
	if i < 0 || len(buf)-i < eocdLen {
		return nil
	}
	count := uint64(binary.LittleEndian.Uint16(buf[i+10:]))
	if count == 0xFFFF && i >= 20 && bytes.Equal(buf[i-20:i-16], []byte("PK\x06\x07")) {
		off := int64(binary.LittleEndian.Uint64(buf[i-20+8:]))
		rec := make([]byte, 56)
		if off >= 0 && off < size {
			if _, err := r.ReadAt(rec, off); err == nil && bytes.Equal(rec[:4], []byte("PK\x06\x06")) {
				count = binary.LittleEndian.Uint64(rec[32:])
			}
		}
	}
	if count > uint64(lim.MaxMembers) {
		return tooManyMembers(int(min(count, math.MaxInt32)), lim)
	}
	return nil
}

// relTarget resolves a workbook relationship's target to a part name,
// refusing one that leaves the package.
func relTarget(t string) (string, error) {
	var p string
	if strings.HasPrefix(t, "/") {
		p = path.Clean(strings.TrimPrefix(t, "/"))
	} else {
		p = path.Join("xl", t)
	}
	if p == ".." || strings.HasPrefix(p, "../") || strings.Contains(t, "\\") {
		return "", fileErr(fmt.Sprintf("工作簿关系的目标 %q 指向包外或名称不规范", clipRunes(t, 80)),
			fmt.Sprintf("a workbook relationship's target %q leaves the package or is not a canonical name", clipRunes(t, 80)), nil)
	}
	return p, nil
}

// externalRel refuses a workbook relationship to a sheet, string table
// or styles outside the package (TargetMode="External").
func externalRel(id, target string) error {
	return fileErr(fmt.Sprintf("工作簿关系 %q 的目标 %q 在包外（TargetMode=\"External\"）：工作表、共享字符串和样式只能是工作簿自身的部件", id, clipRunes(target, 80)),
		fmt.Sprintf("workbook relationship %q's target %q leaves the package (TargetMode=\"External\"): a sheet, string table or styles must be a part of the workbook", id, clipRunes(target, 80)), nil)
}

// readErr says why reading a part failed midway, keeping the cause apart:
// a package whose declared sizes lie is not a transfer interruption.
func readErr(part string, err error) error {
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, zip.ErrFormat):
		return fileErr(part+" 的实际内容与压缩包声明的大小不符（文件已损坏或被改动）",
			part+" does not match the size the package declares (damaged or altered)", err)
	case errors.Is(err, zip.ErrChecksum):
		return fileErr(part+" 的校验和不符（文件已损坏或被改动）", part+" fails its checksum (damaged or altered)", err)
	case errors.As(err, &ce):
		return fileErr(part+" 的压缩数据已损坏", part+": the compressed data is corrupt", err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fileErr("压缩包不完整（可能传输中断）："+part+" 读到一半结束", "the zip package is incomplete (an interrupted transfer?): "+part+" ends early", err)
	}
	return fileErr("压缩包已损坏：无法读取 "+part, "the zip package is corrupt: cannot read "+part, err)
}

// checkStored refuses a stored number no spreadsheet can hold: beyond
// Excel's range, longer than any number's text, or a fraction with more
// significant digits than a stored double ever needs (17; Excel shows 15)
// — a figure someone wrote into the XML, whose digits past 17 no program
// would show.
func checkStored(c rawCell) *FileError {
	if c.Type != "" && c.Type != "n" || c.Value == "" {
		return nil
	}
	v := c.Value
	if len(v) > excelMaxStoredText {
		return fileErr(fmt.Sprintf("单元格 %s 存储的数字长 %d 个字符（%s），Excel 无法保存这样的数字", c.Ref, len(v), clipRunes(v, 24)),
			fmt.Sprintf("cell %s stores a number %d characters long (%s), which Excel cannot hold", c.Ref, len(v), clipRunes(v, 24)), nil)
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil // not a number: the cell's own finding says so
	}
	underflow := f == 0 && significantDigits(v) > 0 || f != 0 && math.Abs(f) < excelMinNumber
	if math.IsInf(f, 0) || math.Abs(f) > excelMaxNumber || errors.Is(err, strconv.ErrRange) || underflow {
		return fileErr(fmt.Sprintf("单元格 %s 存储的数字 %s 超出 Excel 的数值范围（±9.99999999999999E+307）", c.Ref, v),
			fmt.Sprintf("cell %s stores %s, beyond Excel's range (±9.99999999999999E+307, smallest 2.2250738585072E-308)", c.Ref, v), nil)
	}
	// A whole number of more digits is what writers of exact integers
	// (openpyxl, excelize) store for a long code or ID typed as a number:
	// Excel reads it rounded to 15 digits, and so does tally. A fraction
	// or exponent with more digits than a double holds comes from no
	// spreadsheet.
	if n := significantDigits(v); n > storedDigits && strings.ContainsAny(v, ".eE") {
		return fileErr(fmt.Sprintf("单元格 %s 存储的数字 %s 有 %d 位有效数字：Excel 只保留 15 位（存储至多 17 位），超出部分不是舍入误差，无法确定本意", c.Ref, v, n),
			fmt.Sprintf("cell %s stores %s with %d significant digits: Excel keeps 15 (stores at most 17); the rest is not rounding, so the figure meant is ambiguous", c.Ref, v, n), nil)
	}
	return nil
}

// significantDigits counts the mantissa's significant digits.
func significantDigits(v string) int {
	if i := strings.IndexAny(v, "eE"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimLeft(v, "+-")
	v = strings.Replace(v, ".", "", 1)
	v = strings.TrimLeft(v, "0")
	v = strings.TrimRight(v, "0")
	return len(v)
}

// parseRef reads an A1 reference: its 1-based column and row.
func parseRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		if col = col*26 + int(ref[i]-'A'+1); col > ExcelMaxCols*26 {
			return 0, 0, false
		}
		i++
	}
	if i == 0 || i == len(ref) || ref[i] == '0' {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 {
		return 0, 0, false
	}
	return col, row, true
}

// clipRunes shortens s to n characters, marking the cut.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n {
			break
		}
		k++
	}
	return s[:i] + "…"
}

// utf16Len counts a text's characters as Excel does (UTF-16 units).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// colSet is a set of Excel columns.
type colSet [ExcelMaxCols/64 + 1]uint64

func (c *colSet) has(col int) bool { return c[col/64]&(1<<(col%64)) != 0 }
func (c *colSet) set(col int)      { c[col/64] |= 1 << (col % 64) }

// filled returns l with every limit left at zero set to its default, so a
// caller that sets only the sizes it cares about gets every bound.
func (l Limits) filled() Limits {
	d := DefaultLimits
	set := func(v *int64, def int64) {
		if *v <= 0 {
			*v = def
		}
	}
	seti := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&l.MaxFileBytes, d.MaxFileBytes)
	set(&l.MaxPartBytes, d.MaxPartBytes)
	set(&l.MaxRatio, d.MaxRatio)
	set(&l.MaxCellsTotal, d.MaxCellsTotal)
	seti(&l.MaxMembers, d.MaxMembers)
	seti(&l.MaxTextBytes, d.MaxTextBytes)
	seti(&l.MaxSharedStrings, d.MaxSharedStrings)
	set(&l.MaxSharedBytes, d.MaxSharedBytes)
	seti(&l.MaxStyles, d.MaxStyles)
	seti(&l.MaxElementsPerRow, d.MaxElementsPerRow)
	set(&l.MaxElementsPerSheet, d.MaxElementsPerSheet)
	seti(&l.MaxRowsPerFile, d.MaxRowsPerFile)
	seti(&l.MaxFindings, d.MaxFindings)
	seti(&l.MaxFindingText, d.MaxFindingText)
	set(&l.MaxAnnotateBytes, d.MaxAnnotateBytes)
	return l
}
