package workbook

import (
	"strconv"
	"strings"
)

// sharedFormulas are a sheet's shared formulas by their index (si): Excel
// writes a formula filled down or across once, in the range's first cell
// (<f t="shared" ref="C5:C9" si="0">C4*2</f>), and each other cell as
// <f t="shared" si="0"/>, its text the first cell's moved as Excel moves
// it. A finding on such a cell names that text: it said "formula =".
type sharedFormulas struct {
	m     map[string]sharedFormula
	bytes int
}

type sharedFormula struct {
	text     string
	col, row int
}

// maxSharedFormulaBytes bounds the texts a sheet's shared formulas hold:
// past it a cell of a shared formula keeps its empty text.
const maxSharedFormulaBytes = 1 << 20

// resolve returns the text of a shared formula's cell at col, row: its own
// when it has one (the range's first cell, which is then kept), else the
// first cell's moved by the distance between them; "" when unknown.
func (s *sharedFormulas) resolve(si, text string, col, row int) string {
	if text != "" {
		if s.m == nil {
			s.m = map[string]sharedFormula{}
		}
		if _, ok := s.m[si]; !ok && s.bytes+len(text)+len(si) <= maxSharedFormulaBytes {
			s.m[si] = sharedFormula{strings.Clone(text), col, row}
			s.bytes += len(text) + len(si)
		}
		return text
	}
	f, ok := s.m[si]
	if !ok {
		return ""
	}
	return shiftRefs(f.text, col-f.col, row-f.row)
}

// shiftRefs moves a formula's relative A1 references by dc columns and dr
// rows, as Excel does when it fills a formula: $-anchored parts stay; a
// reference moved off the sheet becomes #REF!. Text in double quotes and
// sheet names in single quotes are left alone; so are names and functions
// (LOG10 is no cell G10: a reference has no letter or digit before it,
// and no "(" after it).
func shiftRefs(f string, dc, dr int) string {
	if dc == 0 && dr == 0 {
		return f
	}
	var b strings.Builder
	isWord := func(c byte) bool {
		return c == '_' || c == '.' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
	}
	for i := 0; i < len(f); {
		c := f[i]
		if c == '"' || c == '\'' {
			j := i + 1
			for j < len(f) {
				if f[j] == c {
					if j+1 < len(f) && f[j+1] == c { // a doubled quote inside
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, len(f))
			b.WriteString(f[i:j])
			i = j
			continue
		}
		if i > 0 && isWord(f[i-1]) || !(c == '$' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			b.WriteByte(c)
			i++
			continue
		}
		// [$]LETTERS[$]DIGITS, not followed by a word character or "(".
		j := i
		colAbs := f[j] == '$'
		if colAbs {
			j++
		}
		ls := j
		for j < len(f) && j-ls < 3 && (f[j] >= 'A' && f[j] <= 'Z' || f[j] >= 'a' && f[j] <= 'z') {
			j++
		}
		le := j
		rowAbs := j < len(f) && f[j] == '$'
		if rowAbs {
			j++
		}
		ds := j
		for j < len(f) && f[j] >= '0' && f[j] <= '9' {
			j++
		}
		if le == ls || j == ds || j < len(f) && (isWord(f[j]) || f[j] == '(') {
			// not a reference: copy the word whole
			k := i + 1
			for k < len(f) && isWord(f[k]) {
				k++
			}
			b.WriteString(f[i:k])
			i = k
			continue
		}
		col := columnNumber(strings.ToUpper(f[ls:le]))
		row, _ := strconv.Atoi(f[ds:j])
		if !colAbs {
			col += dc
		}
		if !rowAbs {
			row += dr
		}
		if col < 1 || col > ExcelMaxCols || row < 1 || row > ExcelMaxRows {
			b.WriteString("#REF!")
		} else {
			if colAbs {
				b.WriteByte('$')
			}
			b.WriteString(columnName(col))
			if rowAbs {
				b.WriteByte('$')
			}
			b.WriteString(strconv.Itoa(row))
		}
		i = j
	}
	return b.String()
}

// columnNumber is the 1-based number of column letters (A is 1, XFD 16384).
func columnNumber(letters string) int {
	n := 0
	for i := 0; i < len(letters); i++ {
		n = n*26 + int(letters[i]-'A'+1)
	}
	return n
}
