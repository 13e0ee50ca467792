package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/jingwu/tally/internal/hostile"
)

// scanSeeds are sheets that reach the corners of scan: the forms the fast
// path takes and those it leaves to the tokens, stray and unbalanced tags,
// rows without cells, texts past the limits.
var scanSeeds = []string{
	`<worksheet><sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c><c r="C1" s="2"/><c r="D1" t="n"></c></row></sheetData></worksheet>`,
	`<worksheet><cols><col min="2" max="3" hidden="1"/></cols><sheetData><row r="2" hidden="1"><c r="B2"><v>-0.30000000000000004</v></c><c r="C2"><f>SUM(A1:B1)</f><v>3</v></c></row><row><c><v>7</v></c><c><v>8</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t><r><t>乙</t></r><rPh><t>yi</t></rPh></is></c><c r="B1" t="str"><f>"x"</f><v>丙</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>5</v></c></row><row r="2"></c></row><row r="3"><c r="A3"/></row><row r="4"></v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v><v>2</v></c><c r="B1" r="C1"><v>3</v></c><c r="D1" t="s" t="n"><v>0</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1E+400</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1.234567890123456789</v></c><c r="B1"><v>12345678901234567890</v></c><c r="C1"><v>0.0000000000000000000000000000000000000000000000000000000000001</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="d"><v>2020-01-01</v></c><c r="D1" s="3"><v>43831</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>&#49;2</v></c><c r="B1" s="&#49;"><v>3</v></c><c r='C1'><v>4</v></c><c r="D1" ><v>5</v></c><c r="E1"><v> 6 </v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><x:c r="A1"><x:v>1</x:v></x:c><c x:r="B1"><v>2</v></c><c r="C1">
<v>3</v>
</c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="x"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><row r="1"><c r="A1"><v>1</v></c></row><sheetData></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"/><c r="B2" s="1"/></row><row r="3"></row><row r="4"><c r="A4"><v>4</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2`,
	`<worksheet><sheetData><row r="1"><c r="A1" s="1" t="n" cm="1" vm="2"><v>12.5</v></c><c r="B1" t=""><v>-7</v></c><c r="C1" s=""><v>+8</v></c></row></sheetData></worksheet>`,
}

// FuzzScan: on any sheet, scan gives what the loop it replaced gives
// (scanBefore, commit 1b086d9) — the same rows with the same cells, the
// same error, the same counts — with the fast path for simple cells and
// without it, reading the part in one go or a byte at a time.
func FuzzScan(f *testing.F) {
	sample, err := os.ReadFile("../testdata/submissions/" + hostile.SampleFile)
	if err != nil {
		f.Fatal(err)
	}
	base := unzipAll(f, sample)
	f.Add(base["xl/worksheets/sheet2.xml"])
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	sst := base["xl/sharedStrings.xml"]
	lim := fuzzLimits()
	f.Fuzz(func(t *testing.T, sheet []byte) {
		pkg := assemble(t, base, [][]byte{sheet, sst})
		x, err := openXLSX(bytes.NewReader(pkg), int64(len(pkg)), lim)
		if err != nil {
			return
		}
		for i, si := range x.sheets {
			x.date1904 = i%2 == 1 // either date system, whatever the workbook says
			want := scanTranscript(x, si, (*xlsx).scanBefore)
			for _, v := range []struct {
				name string
				slow bool
				read func(io.Reader) io.Reader
			}{{"fast", false, nil}, {"tokens", true, nil}, {"fast, one byte a read", false, iotest.OneByteReader}} {
				x.slowCells, x.wrapPart = v.slow, v.read
				if got := scanTranscript(x, si, (*xlsx).scan); got != want {
					t.Fatalf("sheet %s, %s:\n got %s\nwant %s", si.name, v.name, got, want)
				}
			}
			x.slowCells, x.wrapPart = false, nil
		}
	})
}

// scanTranscript is what a scan of a sheet passes on and ends with.
func scanTranscript(x *xlsx, si sheetInfo, scan func(*xlsx, sheetInfo, func(int, bool, []rawCell) error) error) string {
	x.cells, x.rows, x.lastCol = 0, 0, 0
	var b strings.Builder
	err := scan(x, si, func(row int, hidden bool, cells []rawCell) error {
		fmt.Fprintf(&b, "row %d hidden %v %#v\n", row, hidden, cells)
		return nil
	})
	fmt.Fprintf(&b, "cells %d rows %d hidden columns %v\n", x.cells, x.rows, x.hiddenCols)
	var fe *FileError
	if errors.As(err, &fe) {
		fmt.Fprintf(&b, "file error %q", fe.Reason)
	} else if err != nil {
		fmt.Fprintf(&b, "error %v", err)
	}
	return b.String()
}

func TestScanSeeds(t *testing.T) {
	sample, err := os.ReadFile("../testdata/submissions/" + hostile.SampleFile)
	if err != nil {
		t.Fatal(err)
	}
	base := unzipAll(t, sample)
	// The limits as a run has them, and so low that every seed meets one
	// (elements, cells, rows, one token's bytes).
	small := fuzzLimits()
	small.MaxElementsPerRow, small.MaxElementsPerSheet, small.MaxCellsTotal, small.MaxRowsPerFile, small.MaxTextBytes = 5, 40, 6, 3, 24
	for _, lim := range []Limits{fuzzLimits(), small} {
		for i, s := range scanSeeds {
			pkg := assemble(t, base, [][]byte{[]byte(s), base["xl/sharedStrings.xml"]})
			x, err := openXLSX(bytes.NewReader(pkg), int64(len(pkg)), fuzzLimits())
			if err != nil {
				t.Fatal(err)
			}
			x.lim = lim
			for _, si := range x.sheets {
				want := scanTranscript(x, si, (*xlsx).scanBefore)
				for _, slow := range []bool{false, true} {
					x.slowCells = slow
					if got := scanTranscript(x, si, (*xlsx).scan); got != want {
						t.Errorf("seed %d, sheet %s, limits %+v, token by token %v:\n got %s\nwant %s", i, si.name, lim, slow, got, want)
					}
				}
				x.slowCells = false
			}
		}
	}
}

// storedPlain is a shortcut past checkStored: whatever it passes,
// checkStored passes too.
func FuzzStoredPlain(f *testing.F) {
	for _, s := range []string{"1", "-0.5", "+.5", "1.", ".", "", "1.2345678901234567", "1.23456789012345678", "123456789012345678901234", "0.00000000000000000000000000000000000000000000000000000000000001", "1e5", "0x10", "1_000", "00012.3400000000000000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if storedPlain([]byte(v)) {
			if err := checkStored(rawCell{Ref: "A1", Value: v}); err != nil {
				t.Fatalf("storedPlain(%q), but checkStored: %v", v, err)
			}
			if _, err := parseStored(v); err != nil {
				t.Fatalf("storedPlain(%q), but it is no number: %v", v, err)
			}
		}
	})
}

// FuzzSharedStrings: on any string table, readSharedStrings gives the
// table (or the error) the token-by-token reading it replaced gives
// (readSharedStringsBefore, commit 1b086d9), with its fast path and
// without, reading in one go or a byte at a time.
func FuzzSharedStrings(f *testing.F) {
	sample, err := os.ReadFile("../testdata/submissions/" + hostile.SampleFile)
	if err != nil {
		f.Fatal(err)
	}
	base := unzipAll(f, sample)
	f.Add(base["xl/sharedStrings.xml"])
	for _, s := range []string{
		`<sst><si><t>甲</t></si><si><t xml:space="preserve"> 乙 </t></si><si><r><t>丙</t></r><r><t>丁</t></r><rPh><t>ding</t></rPh></si><si><t>a&amp;b</t></si><si><t></t></si></sst>`,
		`<sst><si><t>甲</t></si></si><si><t>乙</t></si></si></sst>`,
		`<sst><si><rPh><t>x</t></si><si><t>y</t></si></rPh><si><t>z</t></si></sst>`,
		`<sst><si><t>a` + "\r\n" + `b</t></si><si><t>tab` + "\t" + `</t></si><si><t>` + "\xff" + `</t></si></sst>`,
		`<sst><si><t>unterminated`,
		`<sst><si><t xml:space="default">x</t></si><si ><t>y</t></si><si><t >z</t></si></sst>`,
		// At and past a cell's 32,767 characters, in bytes and in UTF-16
		// units (a CJK character is three bytes and one unit).
		`<sst><si><t>` + strings.Repeat("a", ExcelMaxCellChars) + `</t></si><si><t>` + strings.Repeat("甲", 10923) + `</t></si></sst>`,
		`<sst><si><t>` + strings.Repeat("a", ExcelMaxCellChars+1) + `</t></si></sst>`,
		`<sst><si><t>` + strings.Repeat("𝟘", ExcelMaxCellChars/2+1) + `</t></si></sst>`,
	} {
		f.Add([]byte(s))
	}
	lim := fuzzLimits()
	lim.MaxSharedStrings = 50
	f.Fuzz(func(t *testing.T, table []byte) {
		pkg := assemble(t, base, [][]byte{base["xl/worksheets/sheet2.xml"], table})
		zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
		if err != nil {
			t.Fatal(err)
		}
		parts, err := members(zr, lim)
		if err != nil {
			t.Fatal(err)
		}
		x := &xlsx{zr: zr, parts: parts, lim: lim}
		read := func(f func(*xlsx, string) error) string {
			x.sst = nil
			err := f(x, "xl/sharedStrings.xml")
			var fe *FileError
			if errors.As(err, &fe) {
				return fmt.Sprintf("%q\nfile error %q", x.sst, fe.Reason)
			}
			return fmt.Sprintf("%q\nerror %v", x.sst, err)
		}
		want := read((*xlsx).readSharedStringsBefore)
		for _, v := range []struct {
			name         string
			slow, packed bool
			wrap         func(io.Reader) io.Reader
		}{{"fast", false, false, nil}, {"tokens", true, false, nil}, {"fast, one byte a read", false, false, iotest.OneByteReader},
			{"packed", false, true, nil}, {"packed, tokens", true, true, nil}} {
			x.slowCells, x.wrapPart, x.packSST = v.slow, v.wrap, v.packed
			got, want := read((*xlsx).readSharedStrings), want
			if _, werr, _ := strings.Cut(want, "\n"); v.packed && werr != "error <nil>" {
				// A packed table that fails is not made at all: the
				// error is the same.
				_, got, _ = strings.Cut(got, "\n")
				want = werr
			}
			if got != want {
				t.Fatalf("%s:\n got %s\nwant %s", v.name, got, want)
			}
		}
		x.packSST = false
	})
}

// trimSpaces is strings.Trim(s, spaces) on any text.
func FuzzTrimSpaces(f *testing.F) {
	for _, s := range []string{"", "a", " a", "a ", "\u3000甲\u3000", "甲", "1234.5", "\ufeff1", "1\u00a0", "\t", "\xff", "a\xe3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpaces(s), strings.Trim(s, spaces); got != want {
			t.Fatalf("trimSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}

// plainRef is parseRef on the references it takes, and they are their own
// canonical text; smallUint is strconv.Atoi on the digits it takes.
func FuzzPlainRef(f *testing.F) {
	for _, s := range []string{"A1", "XFD1048576", "AAA1", "AAAA1", "A01", "A+1", "a1", "A0", "A12345678", "ZZZ9999999", "1", "", "A", "B7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if col, row, ok, plain := plainRef([]byte(s)); plain {
			wc, wr, wok := parseRef(s)
			if col != wc || row != wr || ok != wok || !ok {
				t.Fatalf("plainRef(%q) = %d, %d, %v; parseRef %d, %d, %v", s, col, row, ok, wc, wr, wok)
			}
			if got := cellRef(col, row); got != s {
				t.Fatalf("plainRef(%q): canonical text %q", s, got)
			}
		}
		if n, ok := smallUint([]byte(s)); ok {
			if want, err := strconv.Atoi(s); err != nil || n != want {
				t.Fatalf("smallUint(%q) = %d; Atoi %d, %v", s, n, want, err)
			}
		}
	})
}
