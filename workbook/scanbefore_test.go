package workbook

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// scanBefore is scan as it was before the fast path and the per-row text
// (commit 1b086d9, with main's 1904 date flag of fd53dc1), kept verbatim
// as the definition the new one must keep: FuzzScan compares the two on
// every sheet the fuzzer makes.
func (x *xlsx) scanBefore(s sheetInfo, fn func(row int, hidden bool, cells []rawCell) error) error {
	rc, err := x.open(s.part)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	d.max = x.lim.MaxTextBytes
	x.hiddenCols, x.colRedefs = map[int]bool{}, 0
	var (
		cells    []rawCell
		cur      rawCell
		row      int
		hidden   bool
		inRow    bool
		text     *strings.Builder
		buf      strings.Builder
		inIS     bool
		inSheet  bool // inside <sheetData>
		sheetDat bool // a <sheetData> was opened
		vSeen    bool // the cell has had its <v>
		inCell   bool // inside a <c> of a row
		script   byte // of the inline string's rich-text run
		inPh     int  // depth of phonetic runs
		fSI      string
		shared   sharedFormulas
		dataPfx  string
		elems    int64
		rowElems int
		colsSeen colSet
	)
	bad := func(zh, en string) error {
		return fileErr("工作表“"+s.name+"”"+zh, "sheet "+s.name+": "+en, nil)
	}
	for {
		kind, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partErr(err, "工作表“"+s.name+"”格式错误", "sheet "+s.name+" is malformed")
		}
		if kind == tokStart {
			if elems++; elems > x.lim.MaxElementsPerSheet {
				return bad(fmt.Sprintf("的 XML 元素超过 %d 个的上限", x.lim.MaxElementsPerSheet),
					fmt.Sprintf("more than %d XML elements (the limit)", x.lim.MaxElementsPerSheet))
			}
			if inRow {
				if rowElems++; rowElems > x.lim.MaxElementsPerRow {
					return bad(fmt.Sprintf("第 %d 行的 XML 元素超过 %d 个的上限", row, x.lim.MaxElementsPerRow),
						fmt.Sprintf("row %d has more than %d XML elements (the limit)", row, x.lim.MaxElementsPerRow))
				}
			}
		}
		switch kind {
		case tokStart:
			if inSheet {
				if el, foreign := foreignElement(d, dataPfx); foreign {
					return bad(fmt.Sprintf("的单元格数据中有不属于工作表命名空间的元素 <%s>（Excel 会当作损坏的内容），无法确定该读哪些", el),
						fmt.Sprintf("holds an element in another namespace, <%s>, among its cells (Excel treats it as damaged content): what to read is ambiguous", el))
				}
			}
			switch string(d.name) {
			case "sheetData":
				dataPfx = string(d.prefix)
				if sheetDat {
					return bad("有两个 sheetData（单元格数据区），无法确定读哪一个", "has two <sheetData> elements: which one to read is ambiguous")
				}
				inSheet, sheetDat = true, true
			case "col":
				if err := x.colAttrs(d, &colsSeen); err != nil {
					return bad(err.Error(), err.(*FileError).Reason[1])
				}
			case "row":
				if !inSheet {
					continue
				}
				inRow, cells, hidden, rowElems, x.lastCol = true, cells[:0], false, 0, 0
				prev := row
				row++
				if v, ok := d.attr("r"); ok {
					n, err := strconv.Atoi(v)
					if err != nil || n < 1 {
						return bad(fmt.Sprintf("的行号 %q 无效", clipRunes(v, 20)), fmt.Sprintf("row number %q is invalid", clipRunes(v, 20)))
					}
					row = n
				}
				switch {
				case row > ExcelMaxRows:
					return bad(fmt.Sprintf("有第 %d 行，超出 Excel 的 %d 行上限", row, ExcelMaxRows),
						fmt.Sprintf("has a row %d, beyond Excel's last row %d", row, ExcelMaxRows))
				case row <= prev:
					return bad(fmt.Sprintf("第 %d 行出现两次（或顺序颠倒），无法确定读哪一行", row),
						fmt.Sprintf("row %d occurs twice (or out of order): which one to read is ambiguous", row))
				}
				if v, ok := d.attr("hidden"); ok {
					hidden = v == "1" || v == "true"
				}
				if v, ok := d.attr("ht"); ok && zeroSize([]byte(v)) {
					hidden = true
				}
			case "c":
				if !inRow {
					continue
				}
				cur, vSeen, inCell, fSI = rawCell{}, false, true, ""
				ref, hasRef := d.attr("r")
				cur.Type, _ = d.attr("t")
				prevCol := x.lastCol
				if !hasRef || ref == "" {
					cur.Col = prevCol + 1
				} else {
					col, r, ok := parseRef(ref)
					switch {
					case !ok:
						return bad(fmt.Sprintf("的单元格引用 %q 无效", clipRunes(ref, 20)), fmt.Sprintf("cell reference %q is invalid", clipRunes(ref, 20)))
					case r != row:
						return bad(fmt.Sprintf("第 %d 行中出现单元格 %s，引用与所在行不符", row, ref),
							fmt.Sprintf("cell %s is inside row %d: its reference contradicts its row", ref, row))
					}
					cur.Col = col
				}
				switch {
				case cur.Col > ExcelMaxCols:
					return bad(fmt.Sprintf("第 %d 行有第 %d 列，超出 Excel 的 XFD 列上限", row, cur.Col),
						fmt.Sprintf("row %d has a column %d, beyond Excel's last column XFD", row, cur.Col))
				case cur.Col <= prevCol:
					return bad(fmt.Sprintf("单元格 %s 出现两次（或顺序颠倒），无法确定读哪一个", columnName(cur.Col)+strconv.Itoa(row)),
						fmt.Sprintf("cell %s occurs twice (or out of order): which one to read is ambiguous", columnName(cur.Col)+strconv.Itoa(row)))
				}
				x.lastCol = cur.Col
				cur.Ref = columnName(cur.Col) + strconv.Itoa(row)
				if v, ok := d.attr("s"); ok {
					n, _ := strconv.Atoi(v)
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
			case "v", "f":
				if string(d.name) == "v" && inCell {
					if vSeen {
						return bad(fmt.Sprintf("单元格 %s 有两个值（<v>），无法确定读哪一个", cur.Ref),
							fmt.Sprintf("cell %s has two values (<v>): which one to read is ambiguous", cur.Ref))
					}
					vSeen = true
				}
				buf.Reset()
				text = &buf
				if string(d.name) == "f" {
					cur.HasF = true
					if t, _ := d.attr("t"); t == "shared" {
						fSI, _ = d.attr("si")
					}
				}
			case "is":
				inIS, script, inPh = true, scriptNone, 0
				buf.Reset()
			case "r":
				script = scriptNone
			case "vertAlign":
				if inIS {
					script = scriptOf(d)
				}
			case "t":
				if inIS && inPh == 0 {
					text = &buf
				}
			case "rPh":
				text = nil
				inPh++
			}
		case tokText:
			if text != nil {
				if text.Len()+len(d.text) > 4*ExcelMaxCellChars {
					return bad(fmt.Sprintf("单元格 %s 的内容超过 Excel 单元格 %d 个字符的上限", cur.Ref, ExcelMaxCellChars),
						fmt.Sprintf("cell %s holds more than an Excel cell's %d characters", cur.Ref, ExcelMaxCellChars))
				}
				if text == &buf {
					text.Write(appendScript(nil, d.text, script))
				} else {
					text.Write(d.text)
				}
			}
		case tokEnd:
			switch string(d.name) {
			case "sheetData":
				inSheet = false
			case "v":
				cur.Value, text = buf.String(), nil
			case "f":
				cur.Formula, text = buf.String(), nil
			case "t":
				if inIS {
					text = nil
				}
			case "is":
				inIS, script, inPh = false, scriptNone, 0
				cur.Value = buf.String()
			case "rPh":
				inPh = max(inPh-1, 0)
			case "r":
				script = scriptNone
			case "c":
				inCell = false
				if !inRow {
					continue
				}
				if cur.HasF && x.staleFormulas {
					cur.Value = ""
					if cur.Type == "s" {
						cur.Type = "str"
					}
				}
				if cur.Type == "s" {
					i, err := strconv.Atoi(cur.Value)
					if err != nil || i < 0 || i >= len(x.sst) {
						return bad(fmt.Sprintf("单元格 %s 引用了不存在的共享字符串 %q（共 %d 条）", cur.Ref, clipRunes(cur.Value, 20), len(x.sst)),
							fmt.Sprintf("cell %s refers to shared string %q, which does not exist (%d in the table)", cur.Ref, clipRunes(cur.Value, 20), len(x.sst)))
					}
					cur.Value = x.sst[i]
				}
				if cur.Type == "" || cur.Type == "n" {
					cur.Value = strings.Trim(cur.Value, " \t\r\n")
				}
				if err := checkStored(cur); err != nil {
					return bad(err.Reason[0], err.Reason[1])
				}
				if cur.HasF && fSI != "" {
					cur.Formula = shared.resolve(fSI, cur.Formula, cur.Col, row)
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
					x.rows++
					if err := fn(row, hidden, cells); err != nil {
						return err
					}
				}
				inRow, x.lastCol = false, 0
			}
		}
	}
}

// readSharedStringsBefore is readSharedStrings before its fast path (commit
// 1b086d9), kept verbatim as the definition FuzzSharedStrings compares with.
func (x *xlsx) readSharedStringsBefore(part string) error {
	rc, err := x.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	d.max = x.lim.MaxTextBytes
	var cur strings.Builder
	inSI, inT, skip := false, false, 0
	script := scriptNone
	var held int64
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
				if len(x.sst) >= x.lim.MaxSharedStrings {
					return fileErr(fmt.Sprintf("共享字符串表超过 %d 条的上限", x.lim.MaxSharedStrings),
						fmt.Sprintf("the shared string table has more than %d entries (the limit)", x.lim.MaxSharedStrings), nil)
				}
				if held += int64(cur.Len()) + 16; held > x.lim.MaxSharedBytes {
					return fileErr(fmt.Sprintf("共享字符串表超过 %d 字节的上限", x.lim.MaxSharedBytes),
						fmt.Sprintf("the shared string table holds more than %d bytes (the limit)", x.lim.MaxSharedBytes), nil)
				}
				if n := utf16Len(cur.String()); n > ExcelMaxCellChars {
					return fileErr(fmt.Sprintf("共享字符串第 %d 条长 %d 个字符，超过 Excel 单元格 %d 个字符的上限", len(x.sst), n, ExcelMaxCellChars),
						fmt.Sprintf("shared string %d holds %d characters, more than an Excel cell's %d", len(x.sst), n, ExcelMaxCellChars), nil)
				}
				x.sst = append(x.sst, cur.String())
			case "rPh":
				skip--
			case "t":
				inT = false
			}
		case tokText:
			if inT {
				if cur.Len()+len(d.text) > 4*ExcelMaxCellChars {
					return fileErr(fmt.Sprintf("共享字符串第 %d 条超过 Excel 单元格 %d 个字符的上限", len(x.sst), ExcelMaxCellChars),
						fmt.Sprintf("shared string %d is longer than an Excel cell's %d characters", len(x.sst), ExcelMaxCellChars), nil)
				}
				cur.Write(appendScript(nil, d.text, script))
			}
		}
	}
}
